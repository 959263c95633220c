-- Registers (DESIGN.md §9): point-of-sale clients bound to one location, each selling offline from
-- its allotments (inventory.allotment, holder 'register:<code>'). owner is the API client whose key
-- the register uses ("client:<id>"): only that client, STAFF and ADMIN see the register.
create table register (
    code            text        primary key check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name            text        not null check (length(name) between 1 and 200),
    location        text        not null,
    offline_hours   int         not null check (offline_hours between 1 and 168),
    status          text        not null check (status in ('OPEN', 'CLOSED')),
    owner           text,
    created_at      timestamptz not null,
    created_by      text        not null,
    last_contact_at timestamptz
);
create unique index register_owner on register (owner) where owner is not null;
