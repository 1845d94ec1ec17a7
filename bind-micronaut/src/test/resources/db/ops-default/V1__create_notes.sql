-- MariaDB
create table notes (
    id bigint auto_increment primary key,
    body varchar(200) not null
);
