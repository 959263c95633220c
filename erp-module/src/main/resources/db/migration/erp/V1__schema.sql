-- The erp module's schema: the chart of accounts, the journal, alerts, vendors and purchase orders.
comment on schema erp is 'Quartermaster erp module: the chart of accounts, the journal, alerts, vendors and purchase orders';
