create table things (
    id int not null primary key,
    name varchar(20) not null
);
insert into things (id, name) values (1, 'one');
