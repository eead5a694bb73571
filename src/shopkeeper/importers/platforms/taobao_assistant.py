"""淘宝助理 (Taobao Assistant) product CSV: items, their SKUs, listings and stock (csv-formats.md §7.3).

UTF-16 with a `version 1.00` line, English field names, then a second header
row of Chinese names (the reading layer skips both; either can be matched).
One row per item:

* `outer_id` is the seller's item code, `num_id` Taobao's item id (`0` for an
  item never uploaded), `cid` the category id.
* `skuProps` lists the SKUs as `price:quantity:sku code:pid:vid;pid:vid;…`,
  one group per SKU; `propAlias` / `input_custom_cpv` name some of the
  `pid:vid` values (`pid:vid:白色;…`), the others stay as the ids Taobao's
  category tables define. `sku_barcode` holds the SKU barcodes in SKU order.
* `approve_status` is the 放入仓库 flag: 1 means in the warehouse (not on sale).

The item becomes a product (key: the seller's code, else `taobao-<num_id>`, else
`taobao-draft-<hash of the title>`), each SKU a variant with its stock level,
and the item one listing of the shop.
"""

from __future__ import annotations

from shopkeeper.domain.messages import Message
from shopkeeper.importers import canonical
from shopkeeper.importers.canonical import LISTINGS, PRODUCTS, STOCK, VARIANTS
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field

PRODUCTS_SPEC = FormatSpec(
    platform="taobao",
    kind="products",
    label="Taobao Assistant products (淘宝助理)",
    fields=(
        field("title", "text", "title", "宝贝名称"),
        field("cid", "id", "cid", "宝贝类目"),
        field("price", "money", "price", "宝贝价格"),
        field("num", "int", "num", "宝贝数量"),
        field("approve_status", "text", "approve_status", "放入仓库"),
        field("sku_props", "text", "skuProps", "销售属性组合"),
        field("outer_id", "id", "outer_id", "商家编码", key=True),
        field("prop_alias", "text", "propAlias", "销售属性别名"),
        field("custom_cpv", "text", "input_custom_cpv", "自定义属性值"),
        field("num_id", "id", "num_id", "数字ID", key=True),
        field("barcode", "id", "barcode", "商品条形码"),
        field("sku_barcode", "text", "sku_barcode", "sku 条形码"),
        field("weight_kg", "number", "item_weight", "物流重量"),
    ),
    required=frozenset({"title", "cid", "price", "num"}),
    normalise=lambda ctx: normalise_products(ctx),
)

# One SKU group starts at each `price:quantity:code:` (the pid:vid pairs after it have one colon).
_SKU_START = "(^|;)([0-9.]+:[0-9]*:[^:;]*:)"


def normalise_products(ctx: ImportContext) -> None:
    ctx.reject("title IS NULL", field="title", reason="reject.missing_title")
    ctx.accept()
    ctx.step(Message("progress.sorting_products"), 0.55)
    ctx.create("_sk_tb_items", f"""
        WITH r AS (
            SELECT *, CASE WHEN num_id <> '0' THEN num_id END AS item_id FROM {ROWS}
        )
        SELECT _row, title, cid, price, price__cur, num, approve_status, barcode, item_id,
               coalesce(outer_id, 'taobao-' || item_id, 'taobao-draft-' || substr(md5(title), 1, 12)) AS product_id,
               outer_id,
               CASE WHEN weight_kg > 0 THEN CAST(weight_kg * 1000 AS DECIMAL(12,3)) END AS weight_grams,
               upper(coalesce(price__cur, $currency)) AS currency,
               list_transform(
                   list_filter(string_split(concat_ws(';', prop_alias, custom_cpv), ';'), lambda x: x LIKE '%:%:%'),
                   lambda x: {{'k': regexp_extract(x, '^([^:]*:[^:]*):', 1),
                              'v': regexp_extract(x, '^[^:]*:[^:]*:(.*)$', 1)}}) AS aliases,
               list_filter(string_split(regexp_replace(coalesce(sku_props, ''), '{_SKU_START}',
                                                       '\\1' || chr(31) || '\\2', 'g'), chr(31)),
                           lambda x: x LIKE '%:%:%:%') AS groups,
               string_split(coalesce(sku_barcode, ''), ';') AS barcodes
        FROM r
    """)
    ctx.create("_sk_tb_skus", """
        WITH g AS (
            SELECT _row, product_id, aliases, barcodes, currency, unnest(groups) AS grp,
                   generate_subscripts(groups, 1) AS idx
            FROM _sk_tb_items WHERE len(groups) > 0
        ),
        m AS (
            SELECT *, regexp_extract(grp, '^([^:]*):([^:]*):([^:]*):(.*)$', ['price', 'qty', 'code', 'props']) AS p
            FROM g
        ),
        o AS (
            SELECT *, list_transform(list_filter(string_split(p.props, ';'), lambda x: x <> ''),
                                     lambda x: coalesce(list_filter(aliases, lambda a: a.k = x)[1].v, x)) AS opts
            FROM m
        )
        SELECT _row, product_id, idx,
               coalesce(nullif(trim(p.code), ''), product_id || '/' || array_to_string(opts, '/')) AS sku,
               nullif(array_to_string(opts, ' / '), '') AS option_text,
               TRY_CAST(p.price AS DECIMAL(18,2)) AS price, currency,
               nullif(trim(barcodes[idx]), '') AS barcode,
               TRY_CAST(p.qty AS INTEGER) AS on_hand
        FROM o
    """)
    ctx.create(PRODUCTS, "SELECT _row, product_id, title, cid AS category FROM _sk_tb_items")
    ctx.create(VARIANTS, """
        SELECT s._row, s.sku, s.product_id, s.option_text, s.price, s.currency, s.barcode,
               i.weight_grams, s.on_hand
        FROM _sk_tb_skus s JOIN _sk_tb_items i ON i.product_id = s.product_id AND i._row = s._row
        UNION ALL BY NAME
        SELECT _row, coalesce(outer_id, product_id) AS sku, product_id, CAST(NULL AS VARCHAR) AS option_text,
               price, currency, barcode, weight_grams, num AS on_hand
        FROM _sk_tb_items WHERE len(groups) = 0
    """)
    ctx.create(STOCK, f"SELECT _row, sku, on_hand FROM {VARIANTS} WHERE on_hand IS NOT NULL")
    ctx.create(LISTINGS, """
        SELECT i._row, $shop AS shop_id, coalesce(i.item_id, i.product_id) AS listing_id,
               CASE WHEN len(i.groups) = 0 THEN coalesce(i.outer_id, i.product_id) END AS sku,
               i.title, i.price, i.currency,
               CASE WHEN i.item_id IS NULL THEN 'draft' WHEN i.approve_status = '1' THEN 'inactive' ELSE 'active' END
                   AS status,
               i.num AS quantity, i.product_id
        FROM _sk_tb_items i
    """)
    ctx.map_rows("products", f"SELECT _row, product_id FROM {PRODUCTS}")
    ctx.map_rows("variants", f"SELECT _row, sku FROM {VARIANTS}")
    ctx.map_rows("listings", f"SELECT _row, shop_id, listing_id FROM {LISTINGS}")
    canonical.write_catalogue(ctx)

SPECS = (PRODUCTS_SPEC,)
