"""Which catalogue SKU an order line sells: the one place that turns order lines into units of catalogue SKUs.

Every figure kept per SKU (units sold, selling days, ABC revenue, weekly demand,
units held by unshipped orders, stock taken by sales) reads order lines through
`sk_sku_lines()` and never `order_lines` directly, so how a channel's SKU maps to
the seller's catalogue SKU is decided here once.

Two steps, each its own macro so either can change without touching the other:

1. `sk_resolved_lines()`: the catalogue SKU a line sells: the one its shop's
   channel SKU links to (`sku_links`, rule in domain/sku_links.py), else the SKU
   it names (`sk_line_sku`: a stand-in where its platform keys items without one,
   below); other lines without a SKU sell no catalogue SKU. `channel_sku` keeps
   what the platform wrote, or the stand-in, for the views that show it. The link
   is looked up by a scalar subquery, not a LEFT JOIN: with the join, DuckDB
   2.0.1 mis-evaluated `s <= 0` over sk_weekly_demand()'s sums
   (tests/unit/domain/test_reorder_rules.py found it).
2. `sk_sku_lines()` = bundles expanded over the resolved lines
   (domain/bundles.py `sk_expand_bundles()`): a bundle's line keeps its units
   but no money, each of its parts gets the units consumed and a share of the
   money. Two columns are added: `revenue` (the line's revenue, net of refunded
   units, in its currency: what per-SKU revenue adds up) and `bundle_sku` (the
   bundle a part's line comes from; NULL otherwise).

Most small Etsy shops never give their listings a SKU: their sold order items
name none and their listings download leaves SKU empty. Both give the listing's
title (`Item Name`, `TITLE`), so such an item is keyed by it: `etsy-` and the
first 12 hex digits of the MD5 of its title, lower-cased with its spaces run
together (`stand_in_sku`). The listing import gives its variant the same key
(importers/platforms/etsy.py), so the sales, the stock Etsy states and the
listing meet whichever file came first; an item whose listing is not imported is
an order-only entry under it. The key is worked out when lines are read, so
lines stored before it read the same. A renamed listing is a new key (what its
old title sold stays under the old one, and the link queue suggests the renamed
listing for it: domain/sku_links.py).

A Shopify variant without a SKU is kept under its handle and options (the
products export gives no other key: importers/platforms/shopify.py), which its
orders export does not give; its line names it as Shopify writes every line,
`Title - Option1 / Option2` (only the title for a product without options). So
a Shopify line without a SKU sells the variant of its shop's listings whose
name that is (`sk_shopify_variant_names()`: case and spaces aside, and only a
name one variant has), else its title's stand-in (`shopify-`, as above), an
order-only entry that moves to its variant once a products export shows it.
Both are worked out when lines are read (`sk_keyed_lines()`), so the import
order never matters. Other platforms' lines without a SKU stay without.
"""

from __future__ import annotations

import hashlib
import re

from shopkeeper.domain import bundles

# Platforms whose items without a SKU are keyed by their title (see the module docstring).
STAND_IN_PLATFORMS = ("etsy", "shopify")
# The spaces run together, as SQL's regexp_replace below reads them (RE2's \s is ASCII only).
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def stand_in_sku(platform: str | None, title: str | None) -> str | None:
    """The SKU an item without one is kept under on `platform`: None where its platform keys none by title."""
    if platform not in STAND_IN_PLATFORMS or title is None:
        return None
    key = _SPACES.sub(" ", title).strip(" ").lower()
    return f"{platform}-{hashlib.md5(key.encode()).hexdigest()[:12]}" if key else None


def stand_in_platform(sku: str) -> str | None:
    """The platform whose stand-in `sku` is (None: a SKU someone wrote), for the views that explain it."""
    platform, _, digest = sku.partition("-")
    made_up = platform in STAND_IN_PLATFORMS and len(digest) == 12 and all(c in "0123456789abcdef" for c in digest)
    return platform if made_up else None


def line_sku(shop_id: str, sku: str | None, title: str | None) -> str | None:
    """The SKU a line of `shop_id` names: its own, else its platform's stand-in (before a Shopify line's
    variant is looked up by its name: `sk_keyed_lines()`)."""
    return sku if sku else stand_in_sku(shop_id.split(":", 1)[0], title)


def _key_sql(text: str) -> str:
    """SQL of `text` as stand_in_sku keys it: its spaces run together, one taken off each end (no trim(),
    which also takes Unicode spaces that the Python above keeps), lower-cased."""
    return f"lower(regexp_replace(regexp_replace({text}, '{_SPACES.pattern}', ' ', 'g'), '^ | $', '', 'g'))"


MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_stand_in_sku(platform, title) AS CASE "
    f"WHEN platform IN ({', '.join(repr(p) for p in STAND_IN_PLATFORMS)}) "
    f"AND {_key_sql('title')} <> '' THEN platform || '-' || substr(md5({_key_sql('title')}), 1, 12) END",
    # A CASE, not coalesce(): its stand-in is worked out only for the lines that need one (coalesce() would
    # cost ~0.09 s per million lines that name their SKU).
    "CREATE OR REPLACE TEMP MACRO sk_line_sku(shop_id, sku, title) AS CASE WHEN sku <> '' THEN sku "
    + " ".join(f"WHEN starts_with(shop_id, '{p}:') THEN sk_stand_in_sku('{p}', title)" for p in STAND_IN_PLATFORMS)
    + " END",
    # stand_in_platform's twin
    "CREATE OR REPLACE TEMP MACRO sk_stand_in_platform(sku) AS CASE WHEN regexp_full_match(sku, "
    f"'({'|'.join(STAND_IN_PLATFORMS)})-[0-9a-f]{{12}}') THEN split_part(sku, '-', 1) END",
)

# The name each variant of a Shopify shop's listings sells under in its orders export, keyed as a line's title
# is; a name two variants share names neither.
SHOPIFY_VARIANT_NAMES = f"""CREATE OR REPLACE TEMP MACRO sk_shopify_variant_names() AS TABLE
    SELECT l.shop_id AS name_shop, {_key_sql("l.title || coalesce(' - ' || v.option_text, '')")} AS name_key,
           min(v.sku) AS name_sku
    FROM listings l JOIN variants v ON v.product_id = l.listing_id
    WHERE starts_with(l.shop_id, 'shopify:')
    GROUP BY ALL HAVING count(DISTINCT v.sku) = 1"""

# Every order line with the SKU it names (sk_line_sku), a Shopify line without one its variant by name first.
# Two parts, so the lookup runs only for the lines that need it (as one CASE, DuckDB would join every line's
# title to the names: 2-3 times the read of a million lines), and a join, not a scalar subquery, which read a
# million Shopify lines without a SKU in 1.7 CPU s (the join: 0.1). A name is one row per shop at most, so the
# join never repeats a line.
KEYED_LINES = f"""CREATE OR REPLACE TEMP MACRO sk_keyed_lines() AS TABLE
    SELECT * REPLACE (sk_line_sku(shop_id, sku, title) AS sku) FROM order_lines
    WHERE sku <> '' OR NOT starts_with(shop_id, 'shopify:')
    UNION ALL
    SELECT l.* REPLACE (coalesce(n.name_sku, sk_line_sku(l.shop_id, l.sku, l.title)) AS sku)
    FROM order_lines l LEFT JOIN sk_shopify_variant_names() n
         ON n.name_shop = l.shop_id AND n.name_key = {_key_sql("l.title")}
    WHERE (l.sku IS NULL OR l.sku = '') AND starts_with(l.shop_id, 'shopify:')"""

RESOLVED_LINES = """CREATE OR REPLACE TEMP MACRO sk_resolved_lines() AS TABLE
    SELECT l.shop_id, l.order_id, l.line_no,
           sk_link_target(l.sku, (SELECT k.master_sku FROM sku_links k
                                  WHERE k.shop_id = l.shop_id AND k.channel_sku = l.sku)) AS sku,
           l.sku AS channel_sku, l.title, l.quantity, l.refunded_quantity, l.unit_price, l.line_total, l.currency
    FROM sk_keyed_lines() l
    WHERE l.sku IS NOT NULL"""

TABLE_MACROS = (
    SHOPIFY_VARIANT_NAMES,
    KEYED_LINES,
    RESOLVED_LINES,
    *bundles.TABLE_MACROS,
    "CREATE OR REPLACE TEMP MACRO sk_sku_lines() AS TABLE SELECT * FROM sk_expand_bundles()",
    # Every line of every order: the SKU lines as above and the lines that name no SKU (sku NULL), for the
    # figures kept per order (profit shares an order's money over its lines by their totals, so a line
    # without a SKU keeps its own share and its units instead of handing them to the order's SKU lines).
    """CREATE OR REPLACE TEMP MACRO sk_all_lines() AS TABLE
    SELECT * FROM sk_sku_lines()
    UNION ALL BY NAME
    SELECT l.shop_id, l.order_id, l.line_no, NULL::VARCHAR AS sku, l.sku AS channel_sku, l.title, l.quantity,
           l.refunded_quantity, l.unit_price, l.line_total, l.currency,
           CAST(sk_line_revenue(l.line_total, l.unit_price, l.refunded_quantity) AS DECIMAL(18,2)) AS revenue,
           NULL::VARCHAR AS bundle_sku
    FROM sk_keyed_lines() l
    WHERE l.sku IS NULL""",
)
