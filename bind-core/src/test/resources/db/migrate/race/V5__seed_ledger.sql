insert into ledger (id, account_id, amount) values (1, 1, 10.00);
insert into ledger (id, account_id, amount) values (2, 2, 20.00);
