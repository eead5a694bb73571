-- Bundles and multipacks (issue 9 item 3): a catalogue SKU made of other SKUs (a gift set = 1 teapot +
-- 4 cups; a 3-pack = 3 x one SKU). A SKU with rows here is a bundle: selling it sells its parts
-- (domain/bundles.py expands its order lines in sk_sku_lines()), and its stock is what its parts allow.
-- A part may itself be a bundle; services/bundles.py refuses cycles, a bundle of itself, a quantity
-- below 1 and parts the catalogue does not know. Edited through change sets like any edit: each row
-- carries the change set that wrote it and its before-image goes to bundle_parts_prior, so Edit > Undo
-- restores a bundle's whole composition exactly.
CREATE TABLE bundle_parts (
    bundle_sku VARCHAR NOT NULL,
    part_sku   VARCHAR NOT NULL,
    quantity   INTEGER NOT NULL CHECK (quantity >= 1),  -- units of the part in one unit of the bundle
    batch_id   BIGINT,
    PRIMARY KEY (bundle_sku, part_sku)
);

CREATE TABLE bundle_parts_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM bundle_parts LIMIT 0;
