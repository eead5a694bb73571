-- Every change to the shop is a change set: an import (as before), a seller's edit, ...
-- They share `import_batches` (the table keeps its name and ids so existing shops and
-- every `batch_id` column stay valid): `kind` is the import's table kind ('orders',
-- 'products', 'demo', ...) or 'edit'. Undo stays one mechanism: rows a change set
-- wrote carry its batch_id, rows it displaced sit in `<table>_prior`.
-- An edit has no file, hence the relaxed NOT NULLs.
ALTER TABLE import_batches ALTER COLUMN file_name DROP NOT NULL;
ALTER TABLE import_batches ALTER COLUMN content_hash DROP NOT NULL;
ALTER TABLE import_batches ALTER COLUMN platform DROP NOT NULL;
ALTER TABLE import_batches ADD COLUMN who VARCHAR;           -- who made it (NULL: not recorded, older imports)
ALTER TABLE import_batches ADD COLUMN label_code VARCHAR;    -- what it did, as a message code ...
ALTER TABLE import_batches ADD COLUMN label_params VARCHAR;  -- ... and its parameters (JSON object)
-- The undo/redo stack, kept in the shop so it survives a restart. An applied change set's
-- rank orders undo (highest first); an undone one with a rank is on the redo stack (highest
-- first); a new change set clears the redo stack by nulling the undone ones' ranks.
ALTER TABLE import_batches ADD COLUMN stack_rank BIGINT;

UPDATE import_batches SET
    label_code = 'change.import',
    label_params = json_object('file', file_name)::VARCHAR,
    stack_rank = CASE WHEN undone_at IS NULL THEN batch_id END;

-- Who changed what, field by field, for the audit trail (values as text, NULL = empty).
CREATE TABLE change_log (
    change_set_id BIGINT NOT NULL,
    position      INTEGER NOT NULL,          -- order of the edits inside the change set
    entity        VARCHAR NOT NULL,          -- 'variant', 'stock'
    key           VARCHAR NOT NULL,          -- the row's id (the SKU)
    field         VARCHAR NOT NULL,          -- 'cost', 'on_hand', ...
    old_value     VARCHAR,
    new_value     VARCHAR,
    PRIMARY KEY (change_set_id, position)
);

-- When each change set was done, undone and redone, and by whom.
CREATE TABLE change_events (
    change_set_id BIGINT NOT NULL,
    action        VARCHAR NOT NULL,          -- 'do', 'undo', 'redo'
    who           VARCHAR,
    happened_at   TIMESTAMPTZ NOT NULL
);

INSERT INTO change_events SELECT batch_id, 'do', NULL, imported_at FROM import_batches;
INSERT INTO change_events SELECT batch_id, 'undo', NULL, undone_at FROM import_batches WHERE undone_at IS NOT NULL;
