-- Listing checks (issue 9): what a product export says about a listing's page, and the seller's
-- settings for the checks.
--
-- description: the listing's description as the export wrote it ('' = the export has the column
-- and it is empty; NULL = no export that had the column was imported, so nothing is known).
-- image_count: how many images the export lists (0 = the column is there and empty; NULL = unknown).
-- Both NULL-for-unknown, so a merge (a non-NULL value wins) never lets an export without the
-- column erase what another export said.
ALTER TABLE listings ADD COLUMN description VARCHAR;
ALTER TABLE listings ADD COLUMN image_count INTEGER;
ALTER TABLE listings_prior ADD COLUMN description VARCHAR;
ALTER TABLE listings_prior ADD COLUMN image_count INTEGER;

-- The seller's own settings of the listing checks: 'absolute_terms_zh' (the word list, one word a
-- line) and 'price_tolerance_pct'. A missing row means the default (the list shipped in
-- resources/listing_words/, 10 %). Each change is an edit change set like a price edit: the row
-- carries its batch_id and the value it replaced sits in the _prior table, so Edit › Undo puts
-- the old list back.
CREATE TABLE listing_check_settings (
    key      VARCHAR PRIMARY KEY,
    value    VARCHAR NOT NULL,
    batch_id BIGINT
);
CREATE TABLE listing_check_settings_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM listing_check_settings LIMIT 0;
