create table item_01 (
    id bigint not null primary key,
    code varchar(40) not null,
    label varchar(200),
    amount decimal(12, 2) not null,
    created_at timestamp not null,
    constraint item_01_code_uq unique (code)
);
create index item_01_amount_ix on item_01 (amount);
insert into item_01 (id, code, label, amount, created_at) values (1, 'A', 'first', 1.50, '2025-01-01 00:00:00');
