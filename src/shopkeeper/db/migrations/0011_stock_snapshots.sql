-- Stock you can trust (issue 9.6): every stock level the shop was told is kept as a dated
-- snapshot, and on hand is derived from the latest one (domain/stock_ledger.py):
-- stock_levels.on_hand becomes a derived figure written by recompute, no longer a typed-in number.
--
-- source: 'import' (a product or inventory export: counted_at is when the file was written)
--         or 'count' (the seller's stock count in the app: counted_at is the edit's instant).
-- batch_id: the import or edit that wrote it; undoing that change set removes the snapshot
-- (append-only, like stock_movements), and recompute derives on hand again without it.
CREATE TABLE stock_snapshots (
    sku        VARCHAR NOT NULL,
    counted_at TIMESTAMPTZ NOT NULL,
    on_hand    INTEGER NOT NULL,
    source     VARCHAR NOT NULL,
    batch_id   BIGINT
);

-- A shop made before snapshots existed keeps what it had: each stored level becomes its first
-- snapshot, dated when it was written and owned by the change set that wrote it.
INSERT INTO stock_snapshots (sku, counted_at, on_hand, source, batch_id)
SELECT sku, updated_at, on_hand, 'import', batch_id FROM stock_levels;
