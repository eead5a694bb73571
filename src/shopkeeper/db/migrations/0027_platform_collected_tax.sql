-- Sales tax a platform collects from the buyer and remits itself is a movement of kind 'tax' (domain/money_kinds.py):
-- profit takes it off the order's sales instead of counting it as an 'other' fee. Movements imported before
-- this version carry 'other'; they become what an import now gives the same rows, so a shop's figures do not
-- depend on when its files came in. Etsy Sold Orders: the remainder of a row's net ('<key>:rest'); the Etsy
-- statement: its 'Tax' lines titled 'Sales tax ...' (importers/platforms/etsy_money.py). Their before-images
-- too, so an undo brings back what a new import would have stored.
UPDATE money_movements SET kind = 'tax'
WHERE kind = 'other'
  AND ((report = 'etsy_sold_orders' AND movement_id LIKE '%:rest')
       OR (report = 'etsy_statement' AND lower(split_part(description, ' · ', 1)) = 'tax'
           AND lower(split_part(description, ' · ', 2)) LIKE 'sales tax%'));
UPDATE money_movements_prior SET kind = 'tax'
WHERE kind = 'other'
  AND ((report = 'etsy_sold_orders' AND movement_id LIKE '%:rest')
       OR (report = 'etsy_statement' AND lower(split_part(description, ' · ', 1)) = 'tax'
           AND lower(split_part(description, ' · ', 2)) LIKE 'sales tax%'));
