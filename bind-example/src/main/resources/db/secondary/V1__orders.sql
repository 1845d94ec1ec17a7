create table orders (
    id         bigint auto_increment primary key,
    ref        varchar(40) not null unique,
    total      int not null default 0,
    status     varchar(20) not null default 'NEW'
);

create table order_notes (
    id         bigint auto_increment primary key,
    order_ref  varchar(40) not null,
    note       varchar(400) not null
);
