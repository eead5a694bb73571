-- Whether a SKU is for sale (issue 9 item 5): delisted, its season, marked new. The rule that turns
-- these into a status is domain/sku_status.py. Written only by the seller's edits (services/edits.py):
-- a row carries the change set that last wrote it and the row it replaced sits in the _prior table,
-- so one Ctrl+Z puts back every SKU a "Delist" of a selection touched. No row: active, no season,
-- never marked new.
CREATE TABLE sku_status (
    sku           VARCHAR PRIMARY KEY,
    delisted      BOOLEAN NOT NULL DEFAULT FALSE,
    season_start  INTEGER,              -- first month of the season, 1..12 (NULL: no season)
    season_end    INTEGER,              -- last month, 1..12; below season_start it wraps over the new year
    marked_new_on DATE,                 -- the day the seller marked it new (NULL: new from when first seen)
    batch_id      BIGINT
);
CREATE TABLE sku_status_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM sku_status LIMIT 0;
