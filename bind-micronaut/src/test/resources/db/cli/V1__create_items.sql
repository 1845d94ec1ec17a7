-- PostgreSQL and MariaDB
create table items (
    id int not null primary key,
    name varchar(40) not null
);
