-- A register's sales as the register sent them (DESIGN.md §9 "Settlement"): each recorded once per
-- (register, the register's own id for it), numbered by the register without gaps. A RECORDED sale
-- is an order (order_id); a REFUSED one — beyond the register's allotment with no free stock left —
-- is a discrepancy for staff, kept with its refusal so that a resend gets the same answer.
create table register_sale (
    register_code text          not null references register (code),
    id            uuid          not null,
    seq           bigint        not null check (seq > 0),
    sold_at       timestamptz   not null,
    status        text          not null check (status in ('RECORDED', 'REFUSED')),
    order_id      uuid          references customer_order (id),
    tender        text          not null check (tender in ('CASH', 'CARD')),
    payment       text          not null check (payment in ('CASH', 'CAPTURED', 'DECLINED', 'NONE')),
    payment_ref   text,
    total         numeric(14,2) not null,
    repriced      int           not null default 0 check (repriced >= 0),
    problem       text,
    cashier       text,
    recorded_at   timestamptz   not null,
    primary key (register_code, id),
    unique (register_code, seq),
    check ((status = 'RECORDED') = (order_id is not null))
);
-- What staff look at: discrepancies and declined cards.
create index register_sale_attention on register_sale (register_code, seq) where status = 'REFUSED' or payment = 'DECLINED';

-- Sales up to this number are all recorded; missing numbers are looked for only above it.
alter table register add column settled_seq bigint not null default 0;
alter table register add column last_seq bigint not null default 0;

-- A register's sale is an order without a checkout: it was decided at the counter.
alter table customer_order alter column checkout_id drop not null;
alter table customer_order add column register text references register (code);
alter table customer_order add constraint customer_order_source check (checkout_id is not null or register is not null);
-- A line whose price, as the register charged it, differed from the catalogue's at that moment.
alter table order_line add column catalogue_price numeric(12,2);
-- A refund of a register's order records its payment without a checkout.
alter table payment alter column checkout_id drop not null;
