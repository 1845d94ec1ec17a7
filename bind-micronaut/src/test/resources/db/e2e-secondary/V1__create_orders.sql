-- PostgreSQL. The unique constraint is checked at commit: a duplicate makes the COMMIT fail.
create table orders (
    id bigserial primary key,
    ref varchar(64) not null,
    total int not null,
    constraint orders_ref_unique unique (ref) deferrable initially deferred
);
