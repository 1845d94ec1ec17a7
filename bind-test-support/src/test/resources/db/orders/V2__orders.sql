create table orders (
    id bigint not null primary key,
    ref varchar(40) not null,
    currency char(3) not null,
    total decimal(10, 2) not null,
    constraint orders_ref_uq unique (ref),
    constraint orders_currency_fk foreign key (currency) references currencies (code)
);
