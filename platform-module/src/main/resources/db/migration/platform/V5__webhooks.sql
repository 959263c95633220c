-- Webhooks: subscriptions of an integrator's URL to event types, the events they are owed and
-- one delivery row per (subscription, event). The rows are written by the outbox relay in the
-- transaction that marks the events published, so a delivery exists exactly once and survives any
-- restart; a sender claims a subscription (lease) and works its deliveries in order.
create table webhook_subscription (
    id                    uuid        primary key,
    url                   text        not null,
    event_types           text[]      not null,
    description           text,
    active                boolean     not null default true,
    -- The signing secret, AES-GCM encrypted under QM_SECRETS_KEY: an HMAC needs the secret itself,
    -- so it cannot be hashed; a reader of the database alone cannot sign or read it.
    secret_sealed         text        not null,
    previous_secret_sealed text,
    previous_secret_until timestamptz,
    created_at            timestamptz not null default now(),
    created_by            text        not null,
    updated_at            timestamptz not null default now(),
    updated_by            text        not null,
    -- Which sender works this subscription's deliveries, and until when (a dead sender's lease runs out).
    lease_token           uuid,
    lease_until           timestamptz
);

create table webhook_event (
    event_id   uuid        primary key,
    event_type text        not null,
    -- The envelope exactly as every attempt sends it: the same bytes on each retry.
    body       text        not null,
    stored_at  timestamptz not null default now()
);

create table webhook_delivery (
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_id         uuid        not null references webhook_event (event_id),
    seq              bigserial   not null,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    first_attempt_at timestamptz,
    last_attempt_at  timestamptz,
    last_http_status integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null default now(),
    primary key (subscription_id, event_id)
);
-- The sender's next deliveries: a subscription's pending rows in order.
create index webhook_delivery_pending on webhook_delivery (subscription_id, seq) where status = 'PENDING';
-- Which subscriptions have a delivery due.
create index webhook_delivery_due on webhook_delivery (subscription_id, next_attempt_at) where status = 'PENDING';
-- The deliveries list: newest first.
create index webhook_delivery_newest on webhook_delivery (subscription_id, seq desc);
create index webhook_delivery_event on webhook_delivery (event_id);
-- The failed count of each subscription in the list, without reading its delivered history.
create index webhook_delivery_failed on webhook_delivery (subscription_id) where status = 'FAILED';
