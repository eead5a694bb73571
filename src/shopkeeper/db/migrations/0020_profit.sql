-- Profit (issue 13 item 3): what the platforms charge when no settlement says it yet, and what the
-- goods cost the seller per purchase batch. Both are written only by the seller's edits (services/
-- fee_rates.py, services/landed_costs.py through services/edits.py), each save one change set: a row
-- carries its batch_id and the row it replaced goes to <table>_prior, so undo restores it exactly.

-- A platform's fee of one kind ('commission' or 'payment_fee', domain/money_kinds.py) as
-- percent of what the buyer paid plus a fixed amount per order in `currency`. The rows below are
-- Shopkeeper's defaults (domain/fee_rates.py DEFAULT_FEE_RATES): batch_id NULL marks a default the
-- seller never changed. Profit uses them only for orders no settlement has reached yet.
CREATE TABLE fee_rates (
    rate_id   VARCHAR PRIMARY KEY,             -- '<platform>:<fee kind>'
    platform  VARCHAR NOT NULL,
    fee_kind  VARCHAR NOT NULL,
    percent   DECIMAL(18,2) NOT NULL DEFAULT 0,
    fixed     DECIMAL(18,2) NOT NULL DEFAULT 0,
    currency  VARCHAR NOT NULL,
    batch_id  BIGINT
);
CREATE TABLE fee_rates_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM fee_rates LIMIT 0;

INSERT INTO fee_rates (rate_id, platform, fee_kind, percent, fixed, currency) VALUES
    ('shopify:commission',     'shopify',     'commission',  0.00, 0.00, 'USD'),
    ('shopify:payment_fee',    'shopify',     'payment_fee', 2.90, 0.30, 'USD'),
    ('etsy:commission',        'etsy',        'commission',  6.50, 0.00, 'USD'),
    ('etsy:payment_fee',       'etsy',        'payment_fee', 3.00, 0.25, 'USD'),
    ('ebay:commission',        'ebay',        'commission', 13.25, 0.30, 'USD'),
    ('ebay:payment_fee',       'ebay',        'payment_fee', 0.00, 0.00, 'USD'),
    ('amazon:commission',      'amazon',      'commission', 15.00, 0.00, 'USD'),
    ('amazon:payment_fee',     'amazon',      'payment_fee', 0.00, 0.00, 'USD'),
    ('woocommerce:commission', 'woocommerce', 'commission',  0.00, 0.00, 'USD'),
    ('woocommerce:payment_fee','woocommerce', 'payment_fee', 2.90, 0.30, 'USD'),
    ('taobao:commission',      'taobao',      'commission',  2.00, 0.00, 'CNY'),
    ('taobao:payment_fee',     'taobao',      'payment_fee', 0.60, 0.00, 'CNY'),
    ('jd:commission',          'jd',          'commission',  5.00, 0.00, 'CNY'),
    ('jd:payment_fee',         'jd',          'payment_fee', 0.00, 0.00, 'CNY'),
    ('pinduoduo:commission',   'pinduoduo',   'commission',  0.60, 0.00, 'CNY'),
    ('pinduoduo:payment_fee',  'pinduoduo',   'payment_fee', 0.00, 0.00, 'CNY'),
    ('douyin:commission',      'douyin',      'commission',  5.00, 0.00, 'CNY'),
    ('douyin:payment_fee',     'douyin',      'payment_fee', 0.00, 0.00, 'CNY'),
    ('youzan:commission',      'youzan',      'commission',  0.00, 0.00, 'CNY'),
    ('youzan:payment_fee',     'youzan',      'payment_fee', 0.60, 0.00, 'CNY'),
    ('other:commission',       'other',       'commission',  0.00, 0.00, 'USD'),
    ('other:payment_fee',      'other',       'payment_fee', 0.00, 0.00, 'USD');

-- Landed cost per purchase batch (goods + freight + duty per unit), for FIFO cost of goods
-- (domain/landed_cost.py). lot_id is '<sku>|<received on, YYYY-MM-DD>': one batch of a SKU per day.
-- A lot without quantity or unit cost (being typed in) covers nothing.
CREATE TABLE purchase_lots (
    lot_id       VARCHAR PRIMARY KEY,
    sku          VARCHAR NOT NULL,
    received_on  DATE NOT NULL,
    quantity     INTEGER,
    unit_cost    DECIMAL(18,2),
    currency     VARCHAR,
    batch_id     BIGINT
);
CREATE TABLE purchase_lots_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM purchase_lots LIMIT 0;
