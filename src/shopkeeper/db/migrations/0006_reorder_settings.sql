-- The seller's reorder settings per SKU (issue 9 item 7). NULL means "use the rule's default"
-- (domain/reorder.py): safety stock = 7 days of average demand, pack size 1, no minimum order,
-- target cover 30 days. The _prior table gets the same columns so an edit's undo restores them.
ALTER TABLE stock_levels ADD COLUMN safety_stock INTEGER;       -- units kept back for surprises
ALTER TABLE stock_levels ADD COLUMN pack_size INTEGER;          -- the supplier sells in multiples of this
ALTER TABLE stock_levels ADD COLUMN min_order INTEGER;          -- the supplier's minimum order quantity
ALTER TABLE stock_levels ADD COLUMN target_cover_days INTEGER;  -- days of sales an order should cover once it arrives
ALTER TABLE stock_levels_prior ADD COLUMN safety_stock INTEGER;
ALTER TABLE stock_levels_prior ADD COLUMN pack_size INTEGER;
ALTER TABLE stock_levels_prior ADD COLUMN min_order INTEGER;
ALTER TABLE stock_levels_prior ADD COLUMN target_cover_days INTEGER;
