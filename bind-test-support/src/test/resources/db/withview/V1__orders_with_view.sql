create table orders (id bigint not null primary key, ref varchar(40) not null);
insert into orders (id, ref) values (1, 'SEED');
create view order_refs as select ref from orders;
