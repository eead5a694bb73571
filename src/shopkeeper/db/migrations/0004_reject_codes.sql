-- Why a row was rejected is stored as a code with its parameters (JSON), so the command line
-- can say it in English and the window in the seller's language (see domain/message_texts.py).
-- Rows written before keep their English `reason` and are shown as written; new rows leave it
-- empty.
ALTER TABLE import_rejects ADD COLUMN code VARCHAR;
ALTER TABLE import_rejects ADD COLUMN params VARCHAR;
ALTER TABLE import_rejects ALTER COLUMN reason DROP NOT NULL;
