-- The tables of one batch that imported several tables of a dropped file together (a zip of many small
-- exports of one format, importers/pipeline.py `import_together`): each table's own counts, and its name for
-- "already imported". A batch of one table has no rows here (its `member` is in import_batches). Kept when
-- the batch is undone, as the batch row is: lookups join import_batches and skip undone batches.
CREATE TABLE import_batch_members (
    batch_id      BIGINT NOT NULL,
    member        VARCHAR NOT NULL,
    rows_read     BIGINT NOT NULL,
    rows_added    BIGINT NOT NULL,
    rows_updated  BIGINT NOT NULL,
    PRIMARY KEY (batch_id, member)
);
