-- Money, ads and traffic (issue 13): the tables every money, ad and traffic reader writes and
-- profit, payouts and channel reports read. Each reader stages rows shaped like these tables and
-- writes them through db/merge.py, so a file is all or nothing, importing it again changes
-- nothing, and undo restores the rows it replaced (<table>_prior).

-- A movement now says which payout carried it, which SKU it is about where the report says,
-- and which report it came from (each reader's report name). `kind` holds one of
-- domain/money_kinds.py MoneyKind; the platform's own words stay in `description`.
ALTER TABLE money_movements ADD COLUMN payout_id VARCHAR;
ALTER TABLE money_movements ADD COLUMN sku VARCHAR;
ALTER TABLE money_movements ADD COLUMN report VARCHAR;
ALTER TABLE money_movements_prior ADD COLUMN payout_id VARCHAR;
ALTER TABLE money_movements_prior ADD COLUMN sku VARCHAR;
ALTER TABLE money_movements_prior ADD COLUMN report VARCHAR;

-- One deposit to the seller's bank (a settlement, a payout, a 提现), as the report states it.
CREATE TABLE payouts (
    shop_id       VARCHAR NOT NULL,
    payout_id     VARCHAR NOT NULL,
    paid_at       TIMESTAMPTZ,                -- when the money was sent (deposit date)
    period_start  TIMESTAMPTZ,                -- the settlement period, where the report gives one
    period_end    TIMESTAMPTZ,
    deposit       DECIMAL(18,2),              -- what the report says reached the bank
    currency      VARCHAR NOT NULL,
    status        VARCHAR,                    -- the report's own word (paid, in transit, 已提现...)
    report        VARCHAR,
    batch_id      BIGINT,
    PRIMARY KEY (shop_id, payout_id)
);

-- Advertising: one row per (day or period, channel, campaign, ad group, product, search term).
-- stat_id is the reader's stable key of those parts, so a report imported twice merges.
CREATE TABLE ad_stats (
    shop_id       VARCHAR NOT NULL,
    stat_id       VARCHAR NOT NULL,
    day           DATE,                       -- NULL when a row covers the whole period
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    channel       VARCHAR NOT NULL,           -- the reader's channel code (importers/platforms/ad_reports.py)
    campaign      VARCHAR,
    ad_group      VARCHAR,
    sku           VARCHAR,                    -- the seller's SKU where the report names it
    product_ref   VARCHAR,                    -- ASIN, item id, 商品ID as the report writes it
    search_term   VARCHAR,
    impressions   BIGINT,
    clicks        BIGINT,
    spend         DECIMAL(18,2) NOT NULL,
    currency      VARCHAR NOT NULL,
    orders        BIGINT,                     -- ad-attributed
    units         BIGINT,
    sales         DECIMAL(18,2),              -- ad-attributed sales
    report        VARCHAR,
    batch_id      BIGINT,
    PRIMARY KEY (shop_id, stat_id)
);

-- Traffic: sessions and page views per product and day (or period) from the platforms' reports.
CREATE TABLE traffic_stats (
    shop_id       VARCHAR NOT NULL,
    stat_id       VARCHAR NOT NULL,
    day           DATE,                       -- NULL when a row covers the whole period
    period_start  DATE NOT NULL,
    period_end    DATE NOT NULL,
    sku           VARCHAR,
    product_ref   VARCHAR,
    title         VARCHAR,
    sessions      BIGINT,                     -- visitors (访客数) where that is what the report counts
    page_views    BIGINT,
    orders        BIGINT,
    units         BIGINT,
    sales         DECIMAL(18,2),
    currency      VARCHAR,
    report        VARCHAR,
    batch_id      BIGINT,
    PRIMARY KEY (shop_id, stat_id)
);

CREATE TABLE payouts_prior       AS SELECT *, 0::BIGINT AS undo_batch_id FROM payouts LIMIT 0;
CREATE TABLE ad_stats_prior      AS SELECT *, 0::BIGINT AS undo_batch_id FROM ad_stats LIMIT 0;
CREATE TABLE traffic_stats_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM traffic_stats LIMIT 0;
