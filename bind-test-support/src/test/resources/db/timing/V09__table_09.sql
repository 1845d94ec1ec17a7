create table item_09 (
    id bigint not null primary key,
    code varchar(40) not null,
    label varchar(200),
    amount decimal(12, 2) not null,
    created_at timestamp not null,
    constraint item_09_code_uq unique (code)
);
create index item_09_amount_ix on item_09 (amount);
insert into item_09 (id, code, label, amount, created_at) values (1, 'A', 'first', 1.50, '2025-01-01 00:00:00');
