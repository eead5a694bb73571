"""One catalogue across platforms: which catalogue SKU a channel item sells, and what to suggest linking it to.

A channel item is a SKU as one platform shop writes it, (shop_id, channel SKU).
It sells the catalogue SKU its link in `sku_links` names; with no link, or a
link the seller left empty ("keep unlinked"), it sells the catalogue SKU spelled
the same way, so its sales always count somewhere (migration 0013).

The catalogue is every SKU of the seller's product exports (`variants`) that
is not linked away to another, plus every SKU order lines sell that has no
`variants` row yet (an order-only entry: title and price from its latest line,
cost unknown until the seller fills it in).

An item the seller has not decided on waits in the link queue when no product
export knows its SKU, or when another catalogue entry looks like the same thing:
the same barcode (score 1) or a title at least `TITLE_MIN_SIMILARITY` alike by
Jaro-Winkler over the lower-cased, trimmed titles (DuckDB's built-in
`jaro_winkler_similarity`, which compares characters; `jaro_winkler` below is
the same formula in Python). Candidates never come from the item's own shop: a
shop's two SKUs are two products; `may_suggest` says which way a pair links.
One exception: an item kept under a title's stand-in (domain/sku_lines.py) that no
product export knows is what a title sold that the shop no longer lists, most
often a renamed listing, so it may be suggested to a product its own shop lists.

A listing naming one SKU sells that SKU. A listing naming none (a product with
several variants: Etsy, Shopify, WooCommerce "variable", a Taobao item with SKU
groups) sells every variant of the product it lists, found by the product id
its importer made (`listing_product_ids`): the product the listing's import
named (`listings.product_id`: a WooCommerce variable product with a SKU of its
own is keyed by that SKU, a Taobao item with a 商家编码 by that), and the ids its
id gives: Etsy and Shopify key both by the same id (first SKU, handle);
WooCommerce keys a parent without a SKU `wc-<ID>`; Taobao keys a draft by its
own id and an item without 商家编码 `taobao-<数字ID>`. Both, because the
variations of one product may come from another export than its listing (a
WooCommerce export of the variations alone names their parent `id:<ID>`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

# How a link was made (sku_links.how).
MANUAL = "manual"
SUGGESTION = "suggestion"
MAPPING = "mapping"
LINK_HOWS = (MANUAL, SUGGESTION, MAPPING)

# A channel item's state in the catalogue.
LINKED = "linked"          # the seller (or a mapping file) linked it to a catalogue SKU
UNLINKED = "unlinked"      # the seller chose to keep it unlinked: it is its own entry and waits no more
SAME_SKU = "same_sku"      # no decision; a product export knows its SKU, which it sells
WAITING = "waiting"        # no decision and no product export knows it: its own (order-only) entry for now

BARCODE = "barcode"
TITLE = "title"
TITLE_MIN_SIMILARITY = 0.85
SCORE_PLACES = Decimal("0.001")


def resolved_sku(channel_sku: str, master_sku: str | None) -> str:
    """The catalogue SKU a channel item sells, given its link's master (None: no link, or kept unlinked)."""
    return channel_sku if master_sku is None else master_sku


def listing_product_ids(platform: str, listing_id: str, product_id: str | None = None) -> tuple[str, ...]:
    """The product ids a listing naming no SKU lists, as the platform's importer keyed them.

    `product_id` is the product its import named (None: an import before data version 32, or a platform
    whose listing id is the product's key); it comes first.
    """
    if platform == "woocommerce":
        # Only the made-up key: a WooCommerce post ID may equal another product's (numeric) SKU.
        by_id: tuple[str, ...] = (f"wc-{listing_id}",)
    elif platform == "taobao":
        by_id = (listing_id, f"taobao-{listing_id}")
    else:
        by_id = (listing_id,)
    return by_id if product_id is None or product_id in by_id else (product_id, *by_id)


def link_state(has_link: bool, master_sku: str | None, in_variants: bool) -> str:
    if has_link:
        return UNLINKED if master_sku is None else LINKED
    return SAME_SKU if in_variants else WAITING


def title_key(title: str | None) -> str:
    """What titles are compared by (the SQL's lower(trim(...)) on the texts the importers write)."""
    return (title or "").strip().lower()


def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler similarity of two texts by character, 0 when either is empty (as DuckDB computes it)."""
    if not a or not b:
        return 0.0
    bound = max(max(len(a), len(b)) // 2 - 1, 0)
    a_hit, b_hit = [False] * len(a), [False] * len(b)
    matches = 0
    for i, ch in enumerate(a):
        for j in range(max(0, i - bound), min(len(b), i + bound + 1)):
            if not b_hit[j] and b[j] == ch:
                a_hit[i] = b_hit[j] = True
                matches += 1
                break
    if matches == 0:
        return 0.0
    half_transpositions, k = 0, 0
    for i, hit in enumerate(a_hit):
        if hit:
            while not b_hit[k]:
                k += 1
            half_transpositions += a[i] != b[k]
            k += 1
    jaro = (matches / len(a) + matches / len(b) + (matches - half_transpositions // 2) / matches) / 3
    if jaro <= 0.7:  # Winkler's prefix bonus only lifts pairs already alike
        return jaro
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


@dataclass(frozen=True)
class Suggestion:
    master_sku: str
    reason: str        # BARCODE or TITLE
    score: Decimal     # 0..1, three places


def may_suggest(item_in_variants: bool, item_cost_known: bool, item_sku: str,
                in_variants: bool, cost_known: bool, sku: str) -> bool:
    """Whether a catalogue entry may be suggested as the master of an item, so a pair is suggested one way only.

    An item no product export knows may link to any entry. An item a product
    export knows links only to another product export's entry: to one with a
    cost when it has none, else (both alike) to the one whose SKU sorts first.
    """
    if not item_in_variants:
        return True
    if not in_variants:
        return False
    if cost_known != item_cost_known:
        return cost_known
    return sku < item_sku


def suggestion_score(same_barcode: bool, similarity: float) -> tuple[str, Decimal] | None:
    """(reason, score) a candidate is suggested with, or None when it is not alike enough."""
    if same_barcode:
        return BARCODE, Decimal("1.000")
    if similarity >= TITLE_MIN_SIMILARITY:
        return TITLE, Decimal(repr(similarity)).quantize(SCORE_PLACES, ROUND_HALF_EVEN)
    return None


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_link_target(channel_sku, master_sku) AS coalesce(master_sku, channel_sku)",
    f"CREATE OR REPLACE TEMP MACRO sk_link_state(has_link, master_sku, in_variants) AS CASE WHEN has_link THEN"
    f" CASE WHEN master_sku IS NULL THEN '{UNLINKED}' ELSE '{LINKED}' END"
    f" WHEN in_variants THEN '{SAME_SKU}' ELSE '{WAITING}' END",
    "CREATE OR REPLACE TEMP MACRO sk_may_suggest(item_in_variants, item_cost_known, item_sku, in_variants,"
    " cost_known, sku) AS NOT item_in_variants OR (in_variants AND"
    " (cost_known AND NOT item_cost_known OR cost_known = item_cost_known AND sku < item_sku))",
    "CREATE OR REPLACE TEMP MACRO sk_products_of_listing_id(platform, listing_id) AS CASE platform"
    " WHEN 'woocommerce' THEN ['wc-' || listing_id] WHEN 'taobao' THEN [listing_id, 'taobao-' || listing_id]"
    " ELSE [listing_id] END",
    # listing_product_ids' twin
    "CREATE OR REPLACE TEMP MACRO sk_listing_product_ids(platform, listing_id, product_id) AS"
    " CASE WHEN product_id IS NULL OR list_contains(sk_products_of_listing_id(platform, listing_id), product_id)"
    " THEN sk_products_of_listing_id(platform, listing_id)"
    " ELSE list_prepend(product_id, sk_products_of_listing_id(platform, listing_id)) END",
    "CREATE OR REPLACE TEMP MACRO sk_title_similarity(a, b) AS"
    " jaro_winkler_similarity(lower(trim(coalesce(a, ''))), lower(trim(coalesce(b, ''))))",
    f"CREATE OR REPLACE TEMP MACRO sk_suggestion_reason(same_barcode, similarity) AS CASE WHEN same_barcode"
    f" THEN '{BARCODE}' WHEN similarity >= {TITLE_MIN_SIMILARITY} THEN '{TITLE}' END",
    "CREATE OR REPLACE TEMP MACRO sk_suggestion_score(same_barcode, similarity) AS CASE WHEN same_barcode"
    f" THEN 1.000::DECIMAL(4,3) WHEN similarity >= {TITLE_MIN_SIMILARITY}"
    # via text, as Python's Decimal(repr(float)) reads it, then half-even to three places
    " THEN round_even(CAST(CAST(similarity AS VARCHAR) AS DECIMAL(38,18)), 3)::DECIMAL(4,3) END",
)

# In dependency order, after sk_sku_lines() (domain/sku_lines.py).
TABLE_MACROS = (
    # Every catalogue entry: sku, product_id (NULL: order-only), title, option_text, price, cost, currency,
    # barcode, in_variants. An order-only entry's title, price and currency are its latest line's.
    """CREATE OR REPLACE TEMP MACRO sk_catalogue() AS TABLE
    WITH linked_away AS (
        SELECT DISTINCT channel_sku AS sku FROM sku_links WHERE master_sku IS NOT NULL AND master_sku <> channel_sku
    ),
    seen AS (
        SELECT l.sku, arg_max({'title': l.title, 'price': l.unit_price, 'currency': l.currency},
                              (o.ordered_at, l.shop_id, l.order_id, l.line_no)) AS last
        -- Lines as sold, before bundles: a bundle's parts are catalogue entries already (domain/bundles.py).
        FROM sk_resolved_lines() l JOIN orders o USING (shop_id, order_id)
        GROUP BY l.sku
    )
    SELECT v.sku, v.product_id, coalesce(p.title, v.sku) AS title, v.option_text, v.price, v.cost, v.currency,
           v.barcode, TRUE AS in_variants
    FROM variants v LEFT JOIN products p USING (product_id)
    WHERE v.sku NOT IN (SELECT sku FROM linked_away) OR v.sku IN (SELECT sku FROM seen)
    UNION ALL
    SELECT s.sku, NULL, s.last.title, NULL, s.last.price, NULL::DECIMAL(18,2), s.last.currency, NULL, FALSE
    FROM seen s WHERE s.sku NOT IN (SELECT sku FROM variants)""",
    # Every listing with the catalogue SKU it names and sells (sku; NULL: it names none) beside the SKU its shop
    # wrote (channel_sku). A stock-update file writes to these listings only (services/channel_stock.py).
    """CREATE OR REPLACE TEMP MACRO sk_listings_by_sku() AS TABLE
    SELECT l.shop_id, l.listing_id, sk_link_target(l.sku, k.master_sku) AS sku, l.sku AS channel_sku, l.title,
           l.price, l.currency, l.status, l.quantity
    FROM listings l LEFT JOIN sku_links k ON k.shop_id = l.shop_id AND k.channel_sku = l.sku""",
    # Every SKU each listing holds, once: the columns of sk_listings_by_sku() and `whole`. A listing naming no
    # SKU holds every variant of the product it lists (listing_product_ids); for those (whole) the price is the
    # listing's, its lowest, and the quantity, the listing's in all, is not the variant's, so it is left out.
    """CREATE OR REPLACE TEMP MACRO sk_listed_skus() AS TABLE
    SELECT *, FALSE AS whole FROM sk_listings_by_sku() WHERE channel_sku IS NOT NULL
    UNION ALL
    SELECT p.shop_id, p.listing_id, sk_link_target(v.sku, k.master_sku), v.sku, p.title, p.price, p.currency,
           p.status, NULL::INTEGER, TRUE
    FROM (SELECT l.*, unnest(sk_listing_product_ids(coalesce(s.platform, split_part(l.shop_id, ':', 1)),
                                                    l.listing_id, l.product_id)) AS listed_product
          FROM listings l LEFT JOIN shops s ON s.shop_id = l.shop_id WHERE l.sku IS NULL) p
    JOIN variants v ON v.product_id = p.listed_product
    LEFT JOIN sku_links k ON k.shop_id = p.shop_id AND k.channel_sku = v.sku""",
    # Every channel item: shop_id, platform, channel_sku, listing_id, title, units_sold (all time, net of
    # refunds), master_sku (the link's), how, sku (what it sells), state, barcode (its product export's).
    """CREATE OR REPLACE TEMP MACRO sk_channel_items() AS TABLE
    WITH listed AS (
        SELECT shop_id, sku AS channel_sku, min(listing_id) AS listing_id, min(title) AS title
        FROM listings WHERE sku IS NOT NULL AND sku <> '' GROUP BY ALL
    ),
    sold AS (
        SELECT l.shop_id, l.channel_sku,
               coalesce(sum(l.quantity - l.refunded_quantity) FILTER (WHERE sk_is_sold(o.status)), 0)::BIGINT
                   AS units,
               arg_max(l.title, (o.ordered_at, l.order_id, l.line_no)) AS title
        -- What the channel item itself sold: its lines before a bundle is expanded into its parts.
        FROM sk_resolved_lines() l JOIN orders o USING (shop_id, order_id) GROUP BY ALL
    ),
    items AS (
        SELECT shop_id, channel_sku, li.listing_id, coalesce(li.title, so.title) AS title,
               coalesce(so.units, 0)::BIGINT AS units_sold
        FROM listed li FULL JOIN sold so USING (shop_id, channel_sku)
    )
    SELECT i.shop_id, coalesce(s.platform, split_part(i.shop_id, ':', 1)) AS platform, i.channel_sku,
           i.listing_id, i.title, i.units_sold, k.master_sku, k.how,
           sk_link_target(i.channel_sku, k.master_sku) AS sku,
           sk_link_state(k.channel_sku IS NOT NULL, k.master_sku, v.sku IS NOT NULL) AS state,
           nullif(trim(v.barcode), '') AS barcode
    FROM items i
    LEFT JOIN shops s ON s.shop_id = i.shop_id
    LEFT JOIN sku_links k ON k.shop_id = i.shop_id AND k.channel_sku = i.channel_sku
    LEFT JOIN variants v ON v.sku = i.channel_sku""",
    # The best suggestion for each channel item nobody decided on: shop_id, channel_sku, master_sku, reason,
    # score. Candidates: catalogue entries other than the one it sells, never sold or listed by its own shop
    # (but for an order-only stand-in: a listing of its own shop may be its title renamed).
    """CREATE OR REPLACE TEMP MACRO sk_link_suggestions() AS TABLE
    WITH items AS (
        SELECT i.*, c.cost IS NOT NULL AS cost_known
        FROM sk_channel_items() i LEFT JOIN sk_catalogue() c ON c.sku = i.sku
        WHERE i.state IN ('same_sku', 'waiting')
    ),
    entries AS (
        SELECT sku, in_variants, cost IS NOT NULL AS cost_known, nullif(trim(barcode), '') AS barcode,
               title || CASE WHEN nullif(trim(option_text), '') IS NULL THEN '' ELSE ' ' || trim(option_text) END
                   AS full_title
        FROM sk_catalogue()
    ),
    own_shop AS (SELECT DISTINCT shop_id, sku FROM sk_channel_items()),
    scored AS (
        SELECT i.shop_id, i.channel_sku, e.sku AS master_sku,
               coalesce(i.barcode = e.barcode, FALSE) AS same_barcode,
               sk_title_similarity(i.title, e.full_title) AS similarity
        FROM items i JOIN entries e ON e.sku <> i.sku
        WHERE sk_may_suggest(i.state = 'same_sku', i.cost_known, i.sku, e.in_variants, e.cost_known, e.sku)
          AND (NOT EXISTS (SELECT 1 FROM own_shop o WHERE o.shop_id = i.shop_id AND o.sku = e.sku)
               -- What a title the shop no longer lists sold (a stand-in, domain/sku_lines.py: the listing was
               -- renamed) may go to a product the shop's export lists: a title the seller changed, not two products.
               OR (i.state = 'waiting' AND e.in_variants AND sk_stand_in_platform(i.channel_sku) IS NOT NULL))
    )
    SELECT shop_id, channel_sku, master_sku, sk_suggestion_reason(same_barcode, similarity) AS reason,
           sk_suggestion_score(same_barcode, similarity) AS score
    FROM scored
    WHERE sk_suggestion_reason(same_barcode, similarity) IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY shop_id, channel_sku
                               ORDER BY sk_suggestion_score(same_barcode, similarity) DESC, master_sku) = 1""",
)
