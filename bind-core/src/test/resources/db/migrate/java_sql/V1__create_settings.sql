create table settings (
    name varchar(50) not null primary key,
    val varchar(100) not null
);
