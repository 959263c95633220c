-- One-time pairing codes (DESIGN.md §9): staff show one on the Registers page; a register app
-- exchanges it for the register's key. Only the code's SHA-256 is kept; a code is spent once and
-- expires after a few minutes.
create table register_pairing (
    code_hash     text        primary key,
    register_code text        not null references register (code),
    expires_at    timestamptz not null,
    used_at       timestamptz,
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create index register_pairing_register on register_pairing (register_code);
