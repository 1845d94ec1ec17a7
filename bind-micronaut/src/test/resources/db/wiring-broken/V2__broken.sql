create tabel not_sql (id int);
