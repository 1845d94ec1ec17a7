create table things (
    id int not null primary key
);
