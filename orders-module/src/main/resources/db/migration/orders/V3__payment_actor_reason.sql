-- Who asked for a refund (the signed-in user or API client) and why, for the order's history.
alter table payment add column actor text;
alter table payment add column reason text;
