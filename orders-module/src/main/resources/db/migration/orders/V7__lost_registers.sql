-- A register staff closed as lost (DESIGN.md §9): its units wait for a count; sales it sends later
-- are kept as discrepancies, never turned into stock movements (the count has accounted for them).
alter table register drop constraint register_status_check;
alter table register add constraint register_status_check check (status in ('OPEN', 'CLOSED', 'LOST'));
