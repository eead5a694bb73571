-- Product tags (issue 11 item 2: pick a campaign's products by tag). Kept per SKU, the unit a campaign,
-- the Listings tab and every per-SKU figure work in: a platform's product-level tags (Shopify and
-- WooCommerce `Tags`, Etsy `TAGS`) go to each SKU of the product. Written by catalogue imports through
-- db/merge.py (an import only adds tags: one the export no longer lists may be the seller's own) and by
-- the seller's edits in Listings (services/product_tags.py); both are change sets, undone from _prior.
CREATE TABLE product_tags (
    sku       VARCHAR NOT NULL,
    tag       VARCHAR NOT NULL,              -- as written, trimmed; matched without regard to case
    batch_id  BIGINT,
    PRIMARY KEY (sku, tag)
);

CREATE TABLE product_tags_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM product_tags LIMIT 0;
