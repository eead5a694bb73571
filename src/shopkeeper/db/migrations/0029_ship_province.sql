-- The province or state an order ships to, as its export writes it: Shopify's `Shipping Province` (the code, as
-- WooCommerce's, Etsy's, Amazon's and eBay's state columns write it; its `Shipping Province Name` only when the code
-- is empty), WooCommerce's shipping_state, Etsy's `Ship State`, Amazon's `ship-state`, eBay's `Ship To State`, the
-- 省 / 收货人省份 columns of Pinduoduo, Douyin and Youzan, and the first part of a Chinese 收货地址 (a Tmall 订单报表
-- names only the province: 内蒙古自治区; a municipality, 上海, is its own province and city). The Charts tab's
-- "Sales by place" counts an order naming no city under its province. NULL: the export names none; orders imported
-- before this version have none until an export that gives it is imported again.
ALTER TABLE orders ADD COLUMN ship_province VARCHAR;
ALTER TABLE orders_prior ADD COLUMN ship_province VARCHAR;
