create table ${table_name} (
    id int not null primary key
);
