-- Loyalty rules the seller configures (issue 10 items 2 and 3): domain/points.py and domain/tiers.py
-- say what each setting means.
--
-- loyalty_settings: the points and tier settings as key/value text ('points_per_currency_unit',
-- 'points_rate.<platform>', 'points_return_days', 'points_expiry_model', 'points_expiry_months',
-- 'points_expiry_month_day', 'bonus_events' (a JSON list), 'tier_basis', 'tier_window'). A missing
-- row means the default. Saved by the Loyalty settings dialog as an edit change set, so each save is
-- one Edit › Undo step: a row carries its batch_id, the value it replaced sits in the _prior table.
CREATE TABLE loyalty_settings (
    key      VARCHAR PRIMARY KEY,
    value    VARCHAR NOT NULL,
    batch_id BIGINT
);
CREATE TABLE loyalty_settings_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM loyalty_settings LIMIT 0;
-- The two points settings of issue 8 move here, so each setting has one home.
INSERT INTO loyalty_settings (key, value)
    SELECT key, value FROM shop_settings WHERE key IN ('points_per_currency_unit', 'points_expiry_months');
DELETE FROM shop_settings WHERE key IN ('points_per_currency_unit', 'points_expiry_months');

-- Tiers: one threshold on the basis the seller picks (spend, points or orders: 'tier_basis'), a
-- lower threshold to keep the tier at a review (NULL: the entry threshold), and the benefits text
-- in both languages. Out of the box spend alone counts (Bronze 0, Silver 1,000, Gold 3,000,
-- VIP 8,000), so the order counts of issue 8 go. Tier edits are undoable like any edit.
ALTER TABLE tiers ADD COLUMN threshold DECIMAL(18,2) DEFAULT 0;
UPDATE tiers SET threshold = min_spend;
ALTER TABLE tiers DROP COLUMN min_spend;
ALTER TABLE tiers DROP COLUMN min_orders;
ALTER TABLE tiers ADD COLUMN keep_threshold DECIMAL(18,2);
ALTER TABLE tiers ADD COLUMN benefits_en VARCHAR;
ALTER TABLE tiers ADD COLUMN benefits_zh VARCHAR;
ALTER TABLE tiers ADD COLUMN batch_id BIGINT;
CREATE TABLE tiers_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM tiers LIMIT 0;

-- Points ledger: when an entry's points become spendable (NULL: at once; an order's points wait out
-- the return window) and the seller's note on an adjustment or a redemption.
ALTER TABLE points_ledger ADD COLUMN available_at TIMESTAMPTZ;
ALTER TABLE points_ledger ADD COLUMN note VARCHAR;

-- Each member's tier history: a row for every day their tier changed (the first row: the day of
-- their first sold order). Derived: only services/recompute.py writes it, from the orders and the
-- settings in force, so changing the settings rewrites the history the new rules give.
CREATE TABLE member_tier_history (
    member_id VARCHAR NOT NULL,
    from_day  DATE NOT NULL,
    tier_code VARCHAR NOT NULL,
    basis     DECIMAL(38,2) NOT NULL,  -- what counted (spend, points or orders) when it changed
    change    VARCHAR NOT NULL         -- 'start', 'up' or 'down'
);
