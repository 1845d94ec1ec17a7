-- MariaDB
create table audit (
    id bigint auto_increment primary key,
    ref varchar(64) not null
);
