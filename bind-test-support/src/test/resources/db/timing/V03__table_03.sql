create table item_03 (
    id bigint not null primary key,
    code varchar(40) not null,
    label varchar(200),
    amount decimal(12, 2) not null,
    created_at timestamp not null,
    constraint item_03_code_uq unique (code)
);
create index item_03_amount_ix on item_03 (amount);
insert into item_03 (id, code, label, amount, created_at) values (1, 'A', 'first', 1.50, '2025-01-01 00:00:00');
