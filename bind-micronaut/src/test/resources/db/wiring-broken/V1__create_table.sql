create table fine (id int not null primary key);
