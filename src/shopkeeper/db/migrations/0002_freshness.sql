-- Which of two exports knows more about an order (or a buyer) is decided by what the rows
-- say, not by which file was imported last: each imported order row carries a sortable
-- freshness key made from its own data (see importers/freshness.py), and the stored row
-- keeps the key of the values it holds. The before-image tables follow so undo stays exact.
ALTER TABLE orders ADD COLUMN freshness VARCHAR;
ALTER TABLE orders_prior ADD COLUMN freshness VARCHAR;
ALTER TABLE buyers ADD COLUMN freshness VARCHAR;
ALTER TABLE buyers_prior ADD COLUMN freshness VARCHAR;
