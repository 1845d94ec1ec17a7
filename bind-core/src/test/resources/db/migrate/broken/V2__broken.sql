create table half_done (id int not null primary key);
insert into no_such_table (id) values (1);
