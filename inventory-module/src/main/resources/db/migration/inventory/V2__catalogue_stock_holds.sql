-- Catalogue
create table product (
    sku        text primary key check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    name       text          not null check (length(name) between 1 and 200),
    price      numeric(12,2) not null check (price >= 0),
    tax_rate   numeric(6,4)  not null default 0 check (tax_rate >= 0 and tax_rate < 1),
    active     boolean       not null default true,
    created_at timestamptz   not null default now(),
    updated_at timestamptz   not null default now()
);

create table location (
    id         bigint generated always as identity primary key,
    code       text        not null unique check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name       text        not null,
    created_at timestamptz not null default now()
);
insert into location (code, name) values ('MAIN', 'Main store');

-- One row per (location, SKU). The CHECKs are the last line of defence against overselling:
-- whatever the application does, the database refuses a negative or over-reserved row.
-- total_value is the value of on_hand at moving-average cost, kept to the cent beside the
-- quantity so that both reach zero together; average_cost is total_value / on_hand, kept for
-- display and for stock that comes in while on_hand is zero.
create table stock_level (
    id           bigint generated always as identity primary key,
    location_id  bigint        not null references location (id),
    sku          text          not null references product (sku),
    on_hand      int           not null default 0,
    reserved     int           not null default 0,
    total_value  numeric(19,2) not null default 0,
    average_cost numeric(19,4) not null default 0,
    version      bigint        not null default 0,
    updated_at   timestamptz   not null default now(),
    unique (location_id, sku),
    constraint on_hand_not_negative check (on_hand >= 0),
    constraint reserved_not_negative check (reserved >= 0),
    constraint reserved_within_on_hand check (reserved <= on_hand),
    constraint value_not_negative check (total_value >= 0),
    constraint no_value_without_stock check (on_hand > 0 or total_value = 0)
);

-- The movement ledger: append-only; on_hand = sum(quantity) per (location, sku).
create table stock_movement (
    id            bigint generated always as identity primary key,
    location_id   bigint        not null references location (id),
    sku           text          not null references product (sku),
    kind          text          not null check (kind in ('RECEIPT', 'SALE', 'RETURN', 'ADJUSTMENT',
                                                         'TRANSFER_OUT', 'TRANSFER_IN', 'COUNT_CORRECTION')),
    quantity      int           not null check (quantity <> 0),
    unit_cost     numeric(19,4),
    value         numeric(19,2) not null,
    reason        text,
    reference     text,
    actor         text          not null,
    occurred_at   timestamptz   not null default now(),
    stock_version bigint        not null,
    check ((quantity > 0) = (value >= 0) or value = 0)
);
create index stock_movement_by_level on stock_movement (sku, location_id, id);
create index stock_movement_by_reference on stock_movement (reference) where reference is not null;

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '55000';
end $$;
create trigger stock_movement_append_only before update or delete on stock_movement
    for each row execute function refuse_change();

-- Holds (reservations). A hold is resolved at most once: ACTIVE -> CONFIRMED | RELEASED | EXPIRED.
create table hold (
    id          uuid primary key,
    channel     text        not null,
    owner       text        not null,
    reference   text,
    status      text        not null check (status in ('ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz,
    created_at  timestamptz not null default now(),
    resolved_at timestamptz,
    resolved_by text,
    check ((status = 'ACTIVE') = (resolved_at is null))
);
create index hold_due on hold (expires_at) where status = 'ACTIVE' and expires_at is not null;

create table hold_line (
    hold_id     uuid   not null references hold (id),
    line_no     int    not null,
    location_id bigint not null references location (id),
    sku         text   not null references product (sku),
    quantity    int    not null check (quantity > 0),
    primary key (hold_id, line_no)
);
create index hold_line_by_level on hold_line (location_id, sku);
