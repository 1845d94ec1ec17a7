create table currencies (
    code char(3) not null primary key,
    name varchar(40) not null
);
insert into currencies (code, name) values ('EUR', 'Euro');
insert into currencies (code, name) values ('USD', 'US dollar');
