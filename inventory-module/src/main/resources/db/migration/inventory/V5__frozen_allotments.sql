-- A lost register's allotments (DESIGN.md §9 "Closing"): units it may have sold offline are not
-- handed to other channels on a guess. Frozen, they stay reserved until the location's next count
-- of the SKU, which gives them back in the same transaction as it corrects on hand.
alter table allotment add column frozen boolean not null default false;
