-- What a platform's customers export says of each customer, as written: Shopify's `Total Orders` and `Total Spent`
-- (both header generations). The platform's own word, kept on the buyer and merged like the buyer's other fields
-- (importers/freshness.py: of two customers exports, the one where the buyer has more orders; an orders export never
-- writes them), restored by undo through buyers_prior. They never count as orders and never feed spend, RFM, tiers or
-- points, which come from imported orders only; they tell the seller which orders are not imported yet
-- (domain/platform_totals.py, sk_platform_totals()). The amount names no currency: it is in its shop's currency
-- (domain/shop_currency.py), decided when it is read. NULL: the export gives none (an orders export, a customers
-- export without the column); buyers imported before this version have none until a customers export is imported again.
ALTER TABLE buyers ADD COLUMN platform_orders INTEGER;
ALTER TABLE buyers ADD COLUMN platform_spent DECIMAL(18,2);
ALTER TABLE buyers_prior ADD COLUMN platform_orders INTEGER;
ALTER TABLE buyers_prior ADD COLUMN platform_spent DECIMAL(18,2);
