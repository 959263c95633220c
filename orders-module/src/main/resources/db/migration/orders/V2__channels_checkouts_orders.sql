-- Sales channels and where they sell from. All three share MAIN by default: the classic
-- race of a register and a website wanting the same last unit.
create table channel (
    code              text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    name              text   not null,
    hold_ttl_seconds  int    check (hold_ttl_seconds > 0),
    locations         text   not null default 'MAIN' check (locations ~ '^[A-Z0-9_-]+(,[A-Z0-9_-]+)*$')
);
insert into channel (code, name, hold_ttl_seconds) values
    ('WEB', 'Web storefront', 600),
    ('MOBILE', 'Mobile app', 600),
    ('POS', 'Point-of-sale registers', 120);

create table checkout (
    id           uuid primary key,
    channel      text          not null references channel (code),
    owner        text          not null,
    hold_id      uuid          not null,
    status       text          not null check (status in ('HELD', 'PAYING', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    customer_ref text,
    subtotal     numeric(14,2) not null,
    tax          numeric(14,2) not null,
    total        numeric(14,2) not null,
    currency     text          not null,
    expires_at   timestamptz,
    created_at   timestamptz   not null,
    order_id     uuid,
    updated_at   timestamptz   not null
);
create index checkout_by_owner on checkout (owner, created_at);

create table checkout_line (
    checkout_id uuid          not null references checkout (id),
    line_no     int           not null,
    sku         text          not null,
    quantity    int           not null check (quantity > 0),
    unit_price  numeric(12,2) not null,
    tax_rate    numeric(6,4)  not null,
    primary key (checkout_id, line_no)
);

create table customer_order (
    id           uuid primary key,
    checkout_id  uuid          not null unique references checkout (id),
    channel      text          not null,
    owner        text          not null,
    status       text          not null check (status in ('PLACED', 'CANCELLED', 'PARTIALLY_RETURNED', 'RETURNED')),
    customer_ref text,
    subtotal     numeric(14,2) not null,
    tax          numeric(14,2) not null,
    total        numeric(14,2) not null,
    currency     text          not null,
    payment_ref  text          not null,
    refunded_subtotal numeric(14,2) not null default 0,
    refunded_tax      numeric(14,2) not null default 0,
    placed_at    timestamptz   not null,
    updated_at   timestamptz   not null
);
create index customer_order_by_owner on customer_order (owner, placed_at);
create index customer_order_by_channel on customer_order (channel, placed_at);

create table order_line (
    order_id          uuid          not null references customer_order (id),
    line_no           int           not null,
    sku               text          not null,
    location          text          not null,
    quantity          int           not null check (quantity > 0),
    returned_quantity int           not null default 0 check (returned_quantity between 0 and quantity),
    unit_price        numeric(12,2) not null,
    tax_rate          numeric(6,4)  not null,
    primary key (order_id, line_no)
);

-- Every capture and refund through the payment gateway, for audit and for refunds.
create table payment (
    id           uuid primary key,
    checkout_id  uuid          not null references checkout (id),
    kind         text          not null check (kind in ('CAPTURE', 'REFUND', 'DECLINE')),
    amount       numeric(14,2) not null,
    currency     text          not null,
    gateway_ref  text,
    detail       text,
    created_at   timestamptz   not null
);
create index payment_by_checkout on payment (checkout_id);
