-- Idempotency keys: per calling client, the first answer to a POST, replayed for the same
-- key and body. Kept at least 24 hours.
create table idempotency_key (
    client        text        not null,
    key           text        not null check (length(key) between 1 and 200),
    request_hash  text        not null,
    status        text        not null check (status in ('IN_PROGRESS', 'DONE')),
    response_status int,
    response_type text,
    response_body text,
    started_at    timestamptz not null default now(),
    completed_at  timestamptz,
    primary key (client, key)
);
create index idempotency_key_age on idempotency_key (started_at);
