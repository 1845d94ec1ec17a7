create table item (
    id bigint auto_increment primary key,
    name varchar(100) not null,
    qty int not null
);
