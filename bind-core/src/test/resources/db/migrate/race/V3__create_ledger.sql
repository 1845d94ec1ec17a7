create table ledger (
    id int not null primary key,
    account_id int not null,
    amount decimal(12, 2) not null
);
