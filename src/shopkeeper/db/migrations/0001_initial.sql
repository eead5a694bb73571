-- Shopkeeper canonical model, version 1.
-- Money is DECIMAL(18,2) with an explicit currency column; ids are VARCHAR
-- (platform order ids reach 19+ digits and must stay exact); instants are
-- TIMESTAMPTZ and the zone the platform wrote is kept beside them so a
-- Beijing-time order still reads as Beijing time.

CREATE TABLE shop_settings (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE platforms (
    code             VARCHAR PRIMARY KEY,   -- 'shopify', 'taobao', ...
    name             VARCHAR NOT NULL,
    default_currency VARCHAR NOT NULL,
    timezone         VARCHAR NOT NULL       -- IANA zone used when a file carries no offset
);

INSERT INTO platforms VALUES
    ('taobao',      'Taobao / Tmall', 'CNY', 'Asia/Shanghai'),
    ('jd',          'JD',             'CNY', 'Asia/Shanghai'),
    ('pinduoduo',   'Pinduoduo',      'CNY', 'Asia/Shanghai'),
    ('douyin',      'Douyin',         'CNY', 'Asia/Shanghai'),
    ('youzan',      'Youzan',         'CNY', 'Asia/Shanghai'),
    ('shopify',     'Shopify',        'USD', 'UTC'),
    ('etsy',        'Etsy',           'USD', 'UTC'),
    ('amazon',      'Amazon',         'USD', 'UTC'),
    ('woocommerce', 'WooCommerce',    'USD', 'UTC'),
    ('ebay',        'eBay',           'USD', 'UTC'),
    ('other',       'Other',          'USD', 'UTC');

CREATE TABLE shops (
    shop_id  VARCHAR PRIMARY KEY,           -- '<platform>:<name>'
    platform VARCHAR NOT NULL REFERENCES platforms(code),
    name     VARCHAR NOT NULL,
    currency VARCHAR
);

CREATE SEQUENCE import_batch_seq START 1;

CREATE TABLE import_batches (
    batch_id      BIGINT PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    file_path     VARCHAR,
    member        VARCHAR,                   -- zip member or sheet
    content_hash  VARCHAR NOT NULL,          -- sha256 of the original bytes
    platform      VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,          -- 'orders', 'order_lines', 'products', 'customers', 'demo', ...
    shop_id       VARCHAR,
    rows_read     BIGINT NOT NULL DEFAULT 0,
    rows_added    BIGINT NOT NULL DEFAULT 0,
    rows_updated  BIGINT NOT NULL DEFAULT 0,
    rows_rejected BIGINT NOT NULL DEFAULT 0,
    imported_at   TIMESTAMPTZ NOT NULL,
    undone_at     TIMESTAMPTZ
);

-- Rows an import could not parse: shown in the import report, never silently dropped.
CREATE TABLE import_rejects (
    batch_id   BIGINT NOT NULL,
    row_number BIGINT NOT NULL,              -- 1-based data row in the file
    column_name VARCHAR,
    value      VARCHAR,
    reason     VARCHAR NOT NULL
);

CREATE TABLE products (
    product_id  VARCHAR PRIMARY KEY,         -- seller's own product code (handle / 商品编码)
    title       VARCHAR NOT NULL,
    category    VARCHAR,
    brand       VARCHAR,
    created_at  TIMESTAMPTZ,
    batch_id    BIGINT
);

-- A variant is the sellable unit; its SKU is the key shared across platforms.
CREATE TABLE variants (
    sku         VARCHAR PRIMARY KEY,
    product_id  VARCHAR NOT NULL,
    option_text VARCHAR,                     -- 'Red / L', '红色 / XL'
    price       DECIMAL(18,2),
    cost        DECIMAL(18,2),
    currency    VARCHAR NOT NULL,
    barcode     VARCHAR,
    weight_grams DECIMAL(12,3),
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    batch_id    BIGINT
);

-- How a SKU is listed on one platform shop (title and price differ per channel).
CREATE TABLE listings (
    shop_id      VARCHAR NOT NULL,
    listing_id   VARCHAR NOT NULL,           -- platform's listing / item id, or the handle
    sku          VARCHAR,
    title        VARCHAR NOT NULL,
    price        DECIMAL(18,2),
    currency     VARCHAR,
    status       VARCHAR,                    -- 'active', 'draft', 'inactive'
    quantity     INTEGER,
    batch_id     BIGINT,
    PRIMARY KEY (shop_id, listing_id)
);

CREATE TABLE stock_levels (
    sku            VARCHAR PRIMARY KEY,
    on_hand        INTEGER NOT NULL DEFAULT 0,
    reorder_point  INTEGER,                  -- NULL: computed from sales velocity
    lead_time_days INTEGER NOT NULL DEFAULT 14,
    updated_at     TIMESTAMPTZ NOT NULL,
    batch_id       BIGINT
);

CREATE SEQUENCE stock_movement_seq START 1;

CREATE TABLE stock_movements (
    movement_id BIGINT PRIMARY KEY,
    sku         VARCHAR NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    quantity    INTEGER NOT NULL,            -- + received / returned, - sold / written off
    reason      VARCHAR NOT NULL,            -- 'purchase', 'sale', 'return', 'adjustment', 'count'
    reference   VARCHAR,
    batch_id    BIGINT
);

-- One row per platform identity (an e-mail on Shopify, a nick on Taobao).
CREATE TABLE buyers (
    shop_id     VARCHAR NOT NULL,
    buyer_id    VARCHAR NOT NULL,            -- e-mail lower-cased, or the platform's buyer id / nick
    name        VARCHAR,
    email       VARCHAR,
    phone       VARCHAR,                     -- may be masked or cipher text; opaque
    city        VARCHAR,
    country     VARCHAR,
    accepts_marketing BOOLEAN,
    member_id   VARCHAR,                     -- the person across platforms
    first_seen  TIMESTAMPTZ,
    batch_id    BIGINT,
    PRIMARY KEY (shop_id, buyer_id)
);

CREATE TABLE tiers (
    code              VARCHAR PRIMARY KEY,
    rank              INTEGER NOT NULL UNIQUE,
    name_en           VARCHAR NOT NULL,
    name_zh           VARCHAR NOT NULL,
    min_spend         DECIMAL(18,2) NOT NULL, -- rolling 12-month spend, in the base currency
    min_orders        INTEGER NOT NULL,
    points_multiplier DECIMAL(6,2) NOT NULL
);

INSERT INTO tiers VALUES
    ('bronze', 1, 'Bronze', '铜牌会员', 0,    0,  1.00),
    ('silver', 2, 'Silver', '银牌会员', 1000, 3,  1.25),
    ('gold',   3, 'Gold',   '金牌会员', 3000, 6,  1.50),
    ('vip',    4, 'VIP',    '钻石会员', 8000, 12, 2.00);

-- A person, possibly with buyer identities on several platforms.
CREATE TABLE members (
    member_id    VARCHAR PRIMARY KEY,
    display_name VARCHAR NOT NULL,
    email        VARCHAR,
    phone        VARCHAR,
    tier_code    VARCHAR NOT NULL DEFAULT 'bronze',
    joined_at    TIMESTAMPTZ NOT NULL,
    notes        VARCHAR,
    batch_id     BIGINT
);

CREATE SEQUENCE points_entry_seq START 1;

CREATE TABLE points_ledger (
    entry_id    BIGINT PRIMARY KEY,
    member_id   VARCHAR NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    points      INTEGER NOT NULL,            -- + earned, - redeemed or expired
    reason      VARCHAR NOT NULL,            -- 'order', 'redeem', 'expire', 'adjust', 'refund'
    shop_id     VARCHAR,
    order_id    VARCHAR,
    expires_at  TIMESTAMPTZ,
    batch_id    BIGINT
);

CREATE TABLE orders (
    shop_id          VARCHAR NOT NULL,
    order_id         VARCHAR NOT NULL,       -- the platform's order key, exact text
    order_number     VARCHAR,                -- what the seller sees ('#1001'), when it differs
    buyer_id         VARCHAR,
    ordered_at       TIMESTAMPTZ NOT NULL,
    ordered_tz       VARCHAR NOT NULL,       -- '+08:00', '-04:00': the zone the platform wrote
    paid_at          TIMESTAMPTZ,
    status           VARCHAR NOT NULL,       -- 'pending', 'paid', 'shipped', 'completed', 'cancelled', 'refunded', 'partially_refunded'
    platform_status  VARCHAR,                -- as written by the platform
    currency         VARCHAR NOT NULL,
    subtotal         DECIMAL(18,2),
    shipping         DECIMAL(18,2),
    tax              DECIMAL(18,2),
    discount         DECIMAL(18,2),
    total            DECIMAL(18,2) NOT NULL,
    refunded_amount  DECIMAL(18,2) NOT NULL DEFAULT 0,
    channel          VARCHAR,                -- source / traffic channel when the export has one
    ship_city        VARCHAR,
    ship_country     VARCHAR,
    batch_id         BIGINT,
    PRIMARY KEY (shop_id, order_id)
);

CREATE TABLE order_lines (
    shop_id     VARCHAR NOT NULL,
    order_id    VARCHAR NOT NULL,
    line_no     INTEGER NOT NULL,            -- 1-based position inside the order
    sku         VARCHAR,
    title       VARCHAR NOT NULL,
    variant     VARCHAR,
    quantity    INTEGER NOT NULL,
    unit_price  DECIMAL(18,2) NOT NULL,
    line_total  DECIMAL(18,2) NOT NULL,
    currency    VARCHAR NOT NULL,
    refunded_quantity INTEGER NOT NULL DEFAULT 0,
    batch_id    BIGINT,
    PRIMARY KEY (shop_id, order_id, line_no)
);

-- Money movements that are not orders: settlements, fees, payouts (Douyin 动账明细 ...).
CREATE TABLE money_movements (
    shop_id     VARCHAR NOT NULL,
    movement_id VARCHAR NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    amount      DECIMAL(18,2) NOT NULL,
    currency    VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    order_id    VARCHAR,
    description VARCHAR,
    batch_id    BIGINT,
    PRIMARY KEY (shop_id, movement_id)
);

CREATE SEQUENCE promotion_seq START 1;

CREATE TABLE promotions (
    promotion_id  BIGINT PRIMARY KEY,
    name          VARCHAR NOT NULL,
    event         VARCHAR,                   -- '618', 'double11', 'black_friday', 'custom'
    shop_id       VARCHAR,                   -- NULL: every shop
    starts_on     DATE NOT NULL,
    ends_on       DATE NOT NULL,
    discount_pct  DECIMAL(5,2) NOT NULL DEFAULT 0,
    budget        DECIMAL(18,2),
    currency      VARCHAR NOT NULL,
    target_units  INTEGER,
    notes         VARCHAR,
    created_at    TIMESTAMPTZ NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (discount_pct >= 0 AND discount_pct < 100)
);

CREATE TABLE promotion_skus (
    promotion_id BIGINT NOT NULL,
    sku          VARCHAR NOT NULL,
    PRIMARY KEY (promotion_id, sku)
);

-- Column mappings the seller saved for files of an unknown shape, by header signature.
CREATE TABLE saved_mappings (
    signature   VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL UNIQUE,
    platform    VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    mapping_json VARCHAR NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Before-images for undo: when an import overwrites or removes a row, the row as
-- it was goes here, tagged with the import that displaced it. Undoing that import
-- deletes what it wrote and puts these rows back.
CREATE TABLE products_prior        AS SELECT *, 0::BIGINT AS undo_batch_id FROM products        LIMIT 0;
CREATE TABLE variants_prior        AS SELECT *, 0::BIGINT AS undo_batch_id FROM variants        LIMIT 0;
CREATE TABLE listings_prior        AS SELECT *, 0::BIGINT AS undo_batch_id FROM listings        LIMIT 0;
CREATE TABLE stock_levels_prior    AS SELECT *, 0::BIGINT AS undo_batch_id FROM stock_levels    LIMIT 0;
CREATE TABLE buyers_prior          AS SELECT *, 0::BIGINT AS undo_batch_id FROM buyers          LIMIT 0;
CREATE TABLE orders_prior          AS SELECT *, 0::BIGINT AS undo_batch_id FROM orders          LIMIT 0;
CREATE TABLE order_lines_prior     AS SELECT *, 0::BIGINT AS undo_batch_id FROM order_lines     LIMIT 0;
CREATE TABLE money_movements_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM money_movements LIMIT 0;
CREATE TABLE members_prior         AS SELECT *, 0::BIGINT AS undo_batch_id FROM members         LIMIT 0;
