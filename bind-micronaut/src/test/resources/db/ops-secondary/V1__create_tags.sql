-- PostgreSQL
create table tags (
    id bigserial primary key,
    name varchar(64) not null unique,
    uses int not null default 0
);
