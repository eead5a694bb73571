-- After-sales (issue 12 item 3): the seller's tags on refunded orders, and the list of tags offered.
-- Both written only by services/refund_tags.py, each save one change set: a row carries its
-- batch_id and the row it replaced goes to <table>_prior, so undo restores them exactly. Tags
-- sit beside the orders, not in them, so a later import of the same order keeps them.
CREATE TABLE refund_tag_names (
    tag       VARCHAR NOT NULL,              -- a default's code ('quality') or the seller's own words
    position  INTEGER NOT NULL,              -- order in the list the seller picks from
    batch_id  BIGINT,
    PRIMARY KEY (tag)
);

CREATE TABLE order_tags (
    shop_id   VARCHAR NOT NULL,
    order_id  VARCHAR NOT NULL,
    tag       VARCHAR NOT NULL,
    batch_id  BIGINT,
    PRIMARY KEY (shop_id, order_id, tag)
);

CREATE TABLE refund_tag_names_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM refund_tag_names LIMIT 0;
CREATE TABLE order_tags_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM order_tags LIMIT 0;

-- The defaults of domain/refunds.py DEFAULT_TAGS, part of no change set: the seller's first edit of the
-- list saves them as its before-image.
INSERT INTO refund_tag_names (tag, position) VALUES
    ('quality', 1), ('size', 2), ('shipping_damage', 3), ('description_mismatch', 4), ('other', 5);

-- The reason an export gives for a refund, a cancel or a close (Taobao 订单关闭原因, Douyin
-- 取消原因, 售后原因 / 退款原因 columns), as written; several lines' reasons joined by '; '.
ALTER TABLE orders ADD COLUMN refund_reason VARCHAR;
ALTER TABLE orders_prior ADD COLUMN refund_reason VARCHAR;
