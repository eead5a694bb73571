-- The product a listing lists, as its importer keyed that product (products.product_id), where the listing's own
-- id does not give it: a WooCommerce variable product with a SKU of its own is keyed by that SKU, not by its post
-- ID (`wc-<ID>` keys one without), and a Taobao item with a 商家编码 by the 商家编码, not by its 数字ID. A listing
-- that names no SKU sells every variant of this product and of the ids its own id gives (domain/sku_links.py,
-- sk_listing_product_ids).
-- NULL: only the ids its own id gives, as for every listing imported before this version until its export is
-- imported again. A merge never lets NULL overwrite a stored value.
ALTER TABLE listings ADD COLUMN product_id VARCHAR;
ALTER TABLE listings_prior ADD COLUMN product_id VARCHAR;
