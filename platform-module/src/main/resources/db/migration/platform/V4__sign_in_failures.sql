-- Wrong passwords per username, where every instance sees them: the sign-in throttle counts
-- the rows of the last 15 minutes. A right password or an administrator's new password
-- deletes them; older rows are purged as new ones arrive and by the hourly housekeeping.
create table sign_in_failure (
    username_key text        not null,
    failed_at    timestamptz not null default now()
);
create index sign_in_failure_key on sign_in_failure (username_key, failed_at);
