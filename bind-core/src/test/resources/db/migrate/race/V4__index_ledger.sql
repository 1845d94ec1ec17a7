create index ledger_account on ledger (account_id);
