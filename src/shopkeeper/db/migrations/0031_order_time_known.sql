-- Whether an order's export gave only the day it was placed, not its time: Etsy's `Sale Date` (Sold Orders and Sold
-- Order Items: 12/29/23), eBay's `Sale Date` (Sep-04-26), a Pinduoduo order dated by its number, any mapped table whose
-- order time column holds dates alone. Decided per cell: a date field's cell that writes a time (even 00:00) is not
-- date-only (importers/staging.py, `<field>__date_only`). Such an order is stored at the start of its day, so it has
-- a day but no hour: the Charts tab's "Hour × weekday" counts only orders whose time is known and says how many were
-- left out (domain/order_day.py, sk_order_hour). Merged with ordered_at (db/merge.py: a real time from any file beats
-- a date alone, whichever file came first), restored by undo through orders_prior.
-- NULL or false: the time is known. Orders imported before this version are NULL (counted in the hours) until an
-- export that dates them is imported again.
ALTER TABLE orders ADD COLUMN ordered_date_only BOOLEAN;
ALTER TABLE orders_prior ADD COLUMN ordered_date_only BOOLEAN;
