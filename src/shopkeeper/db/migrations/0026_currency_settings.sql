-- The seller's currencies (domain/revenue.py): 'base_currency', the currency converted figures are in, and
-- 'fx_<CODE>', how many base units one CODE is worth. A missing base means the orders' usual currency; a
-- missing rate leaves that currency's money out of converted figures. Saved by the Exchange rates dialog as
-- an edit change set (services/exchange_rates.py), so each save is one Edit › Undo step: a row carries its
-- batch_id, the value it replaced sits in the _prior table.
CREATE TABLE currency_settings (
    key      VARCHAR PRIMARY KEY,
    value    VARCHAR NOT NULL,
    batch_id BIGINT
);
CREATE TABLE currency_settings_prior AS SELECT *, 0::BIGINT AS undo_batch_id FROM currency_settings LIMIT 0;
-- Until now these sat in shop_settings (written by the demo or by hand): each setting gets one home.
INSERT INTO currency_settings (key, value)
    SELECT key, value FROM shop_settings WHERE key = 'base_currency' OR key LIKE 'fx\_%' ESCAPE '\';
DELETE FROM shop_settings WHERE key = 'base_currency' OR key LIKE 'fx\_%' ESCAPE '\';
