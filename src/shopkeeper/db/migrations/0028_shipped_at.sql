-- A sale leaves the shelf when it ships, not when it was ordered (domain/stock_ledger.py).
-- When an order's goods left, as its export says: Shopify's `Fulfilled at`, Etsy's `Date Shipped` and eBay's
-- `Shipped On Date` (the day only: its start), WooCommerce's completed date, the 发货时间 / 出库时间 of Taobao,
-- JD, Pinduoduo, Douyin and Youzan. NULL: the export gives none (Amazon's order report, an order not shipped
-- yet); orders imported before this version have none until an export that gives it is imported again.
ALTER TABLE orders ADD COLUMN shipped_at TIMESTAMPTZ;
ALTER TABLE orders_prior ADD COLUMN shipped_at TIMESTAMPTZ;
-- The orders that held a SKU (paid or pending, not shipped) when the seller typed its stock count: their goods
-- were on the shelf the count saw, so they leave after it once they ship, whether or not their export says when.
-- Written with the count (services/stock_ledger.py), removed with it on undo; NULL for an export's snapshot and
-- for counts typed before this version (what they saw is not known).
ALTER TABLE stock_snapshots ADD COLUMN held_orders STRUCT(shop_id VARCHAR, order_id VARCHAR)[];
