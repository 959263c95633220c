-- Test deployment only: every effect of the probe consumer is a row here. No unique
-- constraint on purpose: a second effect of one event would show up as a second row.
create table effect (
    event_id  uuid        not null,
    note      text        not null,
    handled_at timestamptz not null default now()
);
