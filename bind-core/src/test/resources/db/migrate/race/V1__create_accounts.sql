create table accounts (
    id int not null primary key,
    owner varchar(100) not null
);
