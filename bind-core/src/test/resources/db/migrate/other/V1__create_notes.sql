create table notes (
    id int not null primary key,
    body varchar(200) not null
);
