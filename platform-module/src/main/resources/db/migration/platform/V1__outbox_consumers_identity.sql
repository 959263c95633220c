-- The transactional outbox: rows are written in the transaction of the change they
-- describe and published to the broker by the relay.
create table outbox (
    id              bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    type            text        not null,
    version         int         not null,
    occurred_at     timestamptz not null,
    body            text        not null,
    published_at    timestamptz,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_published_at on outbox (published_at) where published_at is not null;

-- Idempotent consumers: (consumer, event) is recorded with the consumer's effect.
create table consumed_event (
    consumer    text        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    consumed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- The last error of a delivery that failed; joined with the dead-letter queue.
create table delivery_failure (
    consumer        text        not null,
    event_id        text        not null,
    event_type      text,
    attempts        int         not null,
    last_error      text        not null,
    first_failed_at timestamptz not null default now(),
    last_failed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Back-office users: passwords only as PBKDF2 hashes.
create table app_user (
    username      text primary key check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    password_hash text        not null,
    created_at    timestamptz not null default now(),
    created_by    text        not null,
    disabled_at   timestamptz
);

create table app_user_role (
    username text not null references app_user (username) on delete cascade,
    role     text not null check (role in ('ADMIN', 'STAFF', 'ACCOUNTANT')),
    primary key (username, role)
);

-- API clients: keys only as SHA-256 hashes (keys are 256-bit random, so a slow hash adds nothing).
create table api_client (
    id          uuid primary key,
    name        text        not null,
    role        text        not null check (role in ('CHANNEL', 'STAFF', 'ACCOUNTANT')),
    channel     text,
    key_prefix  text        not null,
    key_hash    text        not null unique,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    revoked_at  timestamptz,
    check ((role = 'CHANNEL') = (channel is not null))
);
