create table items (
    id int not null primary key,
    name varchar(100) not null
);
insert into items (id, name) values (1, 'first');
