-- One catalogue across platforms (issue 9 item 2). A channel item is a SKU as one platform
-- shop writes it in its listings and order lines, (shop_id, channel_sku). With no row here it
-- sells the catalogue SKU spelled the same way; a row links it to another catalogue SKU, or
-- (master_sku NULL) records that the seller looked at it and keeps it unlinked, so it leaves
-- the queue of items waiting for a decision. domain/sku_links.py holds the rule.
-- Written by the seller's links and by mapping imports, each one change set: a row carries
-- its batch_id and the row it replaced goes to sku_links_prior, so undo restores it exactly.
CREATE TABLE sku_links (
    shop_id     VARCHAR NOT NULL,            -- '<platform>:<name>', as in shops
    channel_sku VARCHAR NOT NULL,            -- the SKU as that shop writes it
    master_sku  VARCHAR,                     -- the catalogue SKU it sells; NULL: kept unlinked by the seller
    how         VARCHAR NOT NULL,            -- 'manual', 'suggestion' (a suggestion confirmed), 'mapping' (CSV)
    batch_id    BIGINT,
    PRIMARY KEY (shop_id, channel_sku)
);

CREATE TABLE sku_links_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM sku_links LIMIT 0;
