-- How much of the shop's stock each platform shop lists (issue 9, stock per platform).
-- One row per platform shop the seller set a rule for; a shop without a row lists
-- all of its available stock (share 100 %, no maximum, buffer 0), the defaults below.
-- Edited through change sets like any edit: the row carries the edit's batch_id and
-- its before-image goes to channel_stock_rules_prior, so undo restores it exactly.
CREATE TABLE channel_stock_rules (
    shop_id    VARCHAR PRIMARY KEY,          -- '<platform>:<name>', as in shops
    share_pct  INTEGER NOT NULL DEFAULT 100, -- whole percent of available stock listed, 0..100
    max_listed INTEGER,                      -- never list more than this (NULL: no maximum)
    buffer     INTEGER NOT NULL DEFAULT 0,   -- list 0 while available stock is at or below this
    batch_id   BIGINT
);

CREATE TABLE channel_stock_rules_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM channel_stock_rules LIMIT 0;
