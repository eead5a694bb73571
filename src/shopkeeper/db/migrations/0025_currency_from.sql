-- Where a row's currency comes from (domain/shop_currency.py): 'file' when its export named it, the id
-- of the shop whose currency it is when the export did not (WooCommerce's own CSV export, Shopify's
-- products export); recompute gives such a row its shop's currency again after every import and undo,
-- so the currencies do not depend on the order the files came in. NULL (rows before this migration,
-- rows an edit or the demo wrote) means the same as 'file'.
ALTER TABLE orders ADD COLUMN currency_from VARCHAR;
ALTER TABLE orders_prior ADD COLUMN currency_from VARCHAR;
ALTER TABLE order_lines ADD COLUMN currency_from VARCHAR;
ALTER TABLE order_lines_prior ADD COLUMN currency_from VARCHAR;
ALTER TABLE listings ADD COLUMN currency_from VARCHAR;
ALTER TABLE listings_prior ADD COLUMN currency_from VARCHAR;
ALTER TABLE variants ADD COLUMN currency_from VARCHAR;
ALTER TABLE variants_prior ADD COLUMN currency_from VARCHAR;
