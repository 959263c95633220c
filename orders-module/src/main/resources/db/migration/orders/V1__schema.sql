-- The orders module's schema: sales channels, checkouts, orders, payments and returns.
comment on schema orders is 'Quartermaster orders module: sales channels, checkouts, orders, payments and returns';
