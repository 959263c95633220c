-- Which instance's liveness session claimed a key (InstanceLiveness): a retry that finds no
-- session holding that token's advisory lock takes the key over at once instead of waiting
-- for the lease. Keys claimed before this column existed keep the lease alone.
alter table idempotency_key add column owner integer;
