-- The inventory module's schema: products, locations, stock levels, holds and the stock movement ledger.
comment on schema inventory is 'Quartermaster inventory module: products, locations, stock levels, holds and the stock movement ledger';
