-- Which of two exports knows more about an order (or a buyer) is decided by what the rows
-- say, not by which file was imported last: each imported row comes with a sortable
-- freshness key made from its own data (see importers/freshness.py). Every import records
-- the key it gave each row; a row's key in the shop is the greatest recorded by an active
-- import, so it is the same whatever order the files came in, and undo simply drops the
-- undone import's keys. kind 'order_lines' records the key of the order row an order's
-- lines came with.
CREATE TABLE row_freshness (
    kind      VARCHAR NOT NULL,              -- 'orders', 'order_lines', 'buyers'
    shop_id   VARCHAR NOT NULL,
    row_id    VARCHAR NOT NULL,              -- order_id, or buyer_id
    freshness VARCHAR NOT NULL,
    batch_id  BIGINT NOT NULL
);
