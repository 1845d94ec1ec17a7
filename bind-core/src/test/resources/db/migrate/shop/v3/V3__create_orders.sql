create table orders (
    id int not null primary key,
    item_id int not null
);
