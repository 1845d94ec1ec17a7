alter table items add price decimal(10, 2);
