-- Campaign plans created in the app (issue 11 item 2) and the seller's own calendar events (item 1).
--
-- A promotion gets its kind and that kind's terms; the effective unit price of a SKU under it is
-- one rule, domain/campaign_price.py. Rows from before this migration were all "percent off by
-- discount_pct", which is what the default kind says, so older shops and demos keep their figures.
--   percent_off   discount_pct            fixed_off     amount_off per unit
--   flash_price   fixed_price (限时折扣)   buy_x_get_y   buy_qty, get_qty (repeating)
--   free_shipping (price unchanged)       bundle_price  fixed_price for one of each SKU in scope
--   spend_save    promotion_tiers (满减)   coupon        one tier: spend threshold, amount off
-- expected_uplift_pct: the seller's expected lift in units over a normal period (target_units is
-- the expected units). Every campaign row carries the change set that wrote it (batch_id) and the
-- row it replaced sits in the _prior table, so Edit › Undo takes a campaign edit back like any edit.
ALTER TABLE promotions ADD COLUMN kind VARCHAR NOT NULL DEFAULT 'percent_off';
ALTER TABLE promotions ADD COLUMN amount_off DECIMAL(18,2);
ALTER TABLE promotions ADD COLUMN fixed_price DECIMAL(18,2);
ALTER TABLE promotions ADD COLUMN buy_qty INTEGER;
ALTER TABLE promotions ADD COLUMN get_qty INTEGER;
ALTER TABLE promotions ADD COLUMN expected_uplift_pct DECIMAL(7,2);
ALTER TABLE promotions ADD COLUMN batch_id BIGINT;
ALTER TABLE promotion_skus ADD COLUMN batch_id BIGINT;

-- 满减 and coupon tiers: spend `threshold` or more in one order, get `amount_off` off the order.
CREATE TABLE promotion_tiers (
    promotion_id BIGINT NOT NULL,
    tier_no      INTEGER NOT NULL,
    threshold    DECIMAL(18,2) NOT NULL,
    amount_off   DECIMAL(18,2) NOT NULL,
    batch_id     BIGINT,
    PRIMARY KEY (promotion_id, tier_no)
);

-- The platform shops a campaign runs on; none: every shop. The one shop of an older row moves here
-- (promotions.shop_id stays, written with the only shop when there is one, for older readers).
CREATE TABLE promotion_shops (
    promotion_id BIGINT NOT NULL,
    shop_id      VARCHAR NOT NULL,
    batch_id     BIGINT,
    PRIMARY KEY (promotion_id, shop_id)
);
INSERT INTO promotion_shops (promotion_id, shop_id) SELECT promotion_id, shop_id FROM promotions WHERE shop_id IS NOT NULL;

-- The seller's own calendar events: a date range with a name; kind 'prime_day' is the Prime Day the
-- seller sets (the calendar gives it Prime Day's warm-up), 'own' anything else.
CREATE SEQUENCE calendar_event_seq START 1;
CREATE TABLE calendar_events (
    event_id  BIGINT PRIMARY KEY,
    name      VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL DEFAULT 'own',
    starts_on DATE NOT NULL,
    ends_on   DATE NOT NULL,
    region    VARCHAR,
    batch_id  BIGINT,
    CHECK (ends_on >= starts_on)
);

CREATE TABLE promotions_prior      AS SELECT *, 0::BIGINT AS undo_batch_id FROM promotions      LIMIT 0;
CREATE TABLE promotion_skus_prior  AS SELECT *, 0::BIGINT AS undo_batch_id FROM promotion_skus  LIMIT 0;
CREATE TABLE promotion_tiers_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM promotion_tiers LIMIT 0;
CREATE TABLE promotion_shops_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM promotion_shops LIMIT 0;
CREATE TABLE calendar_events_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM calendar_events LIMIT 0;
