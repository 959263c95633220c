-- Allotments (DESIGN.md §9): units of a SKU at a location set aside for one holder (a register,
-- "register:<code>"), counted in stock_level.reserved like a hold's, so no other channel can sell
-- them. Changed only under the stock row's lock. remaining = granted - sold - returned.
create table allotment (
    holder      text        not null check (length(holder) between 1 and 100),
    location_id bigint      not null references location (id),
    sku         text        not null references product (sku),
    target      int         not null check (target >= 0),
    granted     int         not null default 0 check (granted >= 0),
    sold        int         not null default 0 check (sold >= 0),
    returned    int         not null default 0 check (returned >= 0),
    updated_at  timestamptz not null,
    primary key (holder, location_id, sku),
    check (granted >= sold + returned)
);
create index allotment_level on allotment (location_id, sku);
