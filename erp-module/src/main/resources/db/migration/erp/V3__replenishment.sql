-- Vendors and what to reorder from them.
create table vendor (
    code           text primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name           text        not null,
    email          text,
    lead_time_days int         not null default 7 check (lead_time_days >= 0),
    created_at     timestamptz not null default now()
);

create table replenishment (
    sku                 text    not null,
    location            text    not null,
    reorder_point       int     not null check (reorder_point >= 0),
    max_level           int     not null,
    vendor              text    not null references vendor (code),
    pack_size           int     not null default 1 check (pack_size > 0),
    min_order_quantity  int     not null default 1 check (min_order_quantity > 0),
    unit_cost           numeric(19,4) check (unit_cost >= 0),
    issue_automatically boolean not null default true,
    primary key (sku, location),
    check (max_level >= reorder_point)
);

-- What the ERP knows of each stock level, from the stock events: only a newer version replaces it.
create table stock_projection (
    sku        text        not null,
    location   text        not null,
    available  int         not null,
    version    bigint      not null,
    updated_at timestamptz not null default now(),
    primary key (sku, location)
);

create table purchase_order (
    id         uuid primary key,
    vendor     text        not null references vendor (code),
    status     text        not null check (status in ('DRAFT', 'ISSUED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    auto       boolean     not null,
    created_at timestamptz not null default now(),
    created_by text        not null,
    issued_at  timestamptz,
    updated_at timestamptz not null default now()
);
create index purchase_order_status on purchase_order (status, created_at);

create table po_line (
    po_id     uuid          not null references purchase_order (id),
    line_no   int           not null,
    sku       text          not null,
    location  text          not null,
    quantity  int           not null check (quantity > 0),
    received  int           not null default 0 check (received between 0 and quantity),
    unit_cost numeric(19,4) check (unit_cost >= 0),
    -- true while this is a line of an automatic PO that is still open
    open_auto boolean       not null default false,
    primary key (po_id, line_no)
);
-- Never a second open automatic PO line for one SKU and location, however events race.
create unique index one_open_auto_po_line on po_line (sku, location) where open_auto;
create index po_line_open on po_line (sku, location);

create table low_stock_alert (
    id            uuid primary key,
    sku           text        not null,
    location      text        not null,
    status        text        not null check (status in ('OPEN', 'CLOSED')),
    projected     int         not null,
    reorder_point int         not null,
    opened_at     timestamptz not null default now(),
    closed_at     timestamptz
);
-- One open alert per SKU and location, however many events cross the line.
create unique index one_open_alert on low_stock_alert (sku, location) where status = 'OPEN';
