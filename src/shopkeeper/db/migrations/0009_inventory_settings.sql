-- The seller's inventory settings (issue 9 item 7): 'reorder_window_days', 'reorder_basis' ('recent' or
-- 'last_year') and 'dead_stock_days'; domain/reorder.py says what each means. A missing row means the
-- default. Saved by the Reorder settings dialog as an edit change set, so each save is one Edit › Undo
-- step: a row carries its batch_id, the value it replaced sits in the _prior table.
CREATE TABLE inventory_settings (
    key      VARCHAR PRIMARY KEY,
    value    VARCHAR NOT NULL,
    batch_id BIGINT
);
CREATE TABLE inventory_settings_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM inventory_settings LIMIT 0;
-- Until now these sat in shop_settings (written by hand or by tests): each setting gets one home.
INSERT INTO inventory_settings (key, value)
    SELECT key, value FROM shop_settings WHERE key IN ('reorder_window_days', 'reorder_basis', 'dead_stock_days');
DELETE FROM shop_settings WHERE key IN ('reorder_window_days', 'reorder_basis', 'dead_stock_days');
