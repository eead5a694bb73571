"""Traffic reports: sessions (visitors, page views) and the orders they turned into, per product and day.

Amazon Business Reports (Detail Page Sales and Traffic by child item, and by date), Shopify's
sessions reports (over time, by landing page), eBay's listings traffic report and 生意参谋's
商品 export (money-traffic-formats.md §2.4, §3.3, §4.2, §7.2), written to `traffic_stats` through
importers/ad_traffic_rows.py.

What counts as a session differs and is kept as each platform counts it: Amazon sessions,
Shopify sessions, 生意参谋 visitors (商品访客数) and, since eBay's report counts no visitors,
eBay page views. A report's own orders are kept beside them (Amazon Total Order Items,
Shopify sessions that completed checkout, 生意参谋 paying buyers, eBay quantity sold) so a
conversion rate is orders ÷ sessions of one report, never a rate it printed.
"""

from __future__ import annotations

from shopkeeper.importers.ad_traffic_rows import (
    TRAFFIC,
    col,
    currency_of,
    file_day,
    local_day,
    reject_common,
    write_rows,
)
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.platforms.ad_reports import TOTALS, cn_period

_TRAFFIC_COUNTS = ("sessions", "page_views")


def _select(ctx: ImportContext, *, day: str, start: str, end: str, product_ref: str | None = None,
            sku: str | None = None, orders: str | None = None) -> str:
    return f"""
        SELECT _row, NULL AS _key, {day} AS day, {start} AS period_start, {end} AS period_end,
               {sku or col(ctx, 'sku')} AS sku, {product_ref or col(ctx, 'product_ref')} AS product_ref,
               {col(ctx, 'title')} AS title, {col(ctx, 'sessions')} AS sessions,
               {col(ctx, 'page_views')} AS page_views, {orders or col(ctx, 'orders')} AS orders,
               {col(ctx, 'units')} AS units, {col(ctx, 'sales')} AS sales, {currency_of(ctx, 'sales')} AS currency
        FROM {ROWS}"""


def _dated_or_file_day(ctx: ImportContext, name: str) -> tuple[str, bool]:
    return (local_day(ctx, name), True) if ctx.has(name) else (file_day(ctx), False)


# --- Amazon Business Reports ----------------------------------------------------------------------

AMAZON_CHILD_SPEC = FormatSpec(
    platform="amazon",
    kind="traffic",
    label="Amazon Business Report (by child item)",
    fields=(
        field("parent", "id", "(Parent) ASIN"),
        field("product_ref", "id", "(Child) ASIN", key=True),
        field("title", "text", "Title"),
        field("sku", "id", "SKU", key=True),
        # Current exports split sessions by device and add B2B twins: the total is the figure.
        field("sessions", "int", "Sessions - Total", "Sessions"),
        field("page_views", "int", "Page Views - Total", "Page Views"),
        field("units", "int", "Units Ordered"),
        field("orders", "int", "Total Order Items", "Orders Placed"),
        field("sales", "money", "Ordered Product Sales", "Gross Product Sales"),
    ),
    required=frozenset({"product_ref", "sessions"}),
    normalise=lambda ctx: normalise_amazon_child(ctx),
    # A totals line has no ASIN.
    skip_rows="product_ref IS NULL",
)


def normalise_amazon_child(ctx: ImportContext) -> None:
    reject_common(ctx, amount=None, counts=_TRAFFIC_COUNTS)
    day = file_day(ctx)
    write_rows(ctx, TRAFFIC, _select(ctx, day="NULL::DATE", start=day, end=day),
               report="amazon_business_child", dated=False)


AMAZON_DATE_SPEC = FormatSpec(
    platform="amazon",
    kind="traffic",
    label="Amazon Business Report (by date)",
    fields=(
        field("day", "date", "Date"),
        field("sales", "money", "Ordered Product Sales"),
        field("units", "int", "Units Ordered"),
        field("orders", "int", "Total Order Items"),
        field("sessions", "int", "Sessions - Total", "Sessions"),
        field("page_views", "int", "Page Views - Total", "Page Views"),
    ),
    required=frozenset({"day", "sessions", "units"}),
    normalise=lambda ctx: normalise_amazon_date(ctx),
)


def normalise_amazon_date(ctx: ImportContext) -> None:
    reject_common(ctx, amount=None, counts=_TRAFFIC_COUNTS, dated="day")
    day = local_day(ctx, "day")
    write_rows(ctx, TRAFFIC, _select(ctx, day=day, start=day, end=day), report="amazon_business_date", dated=True)


# --- Shopify sessions ---------------------------------------------------------------------------

SHOPIFY_SPEC = FormatSpec(
    platform="shopify",
    kind="traffic",
    label="Shopify sessions report",
    fields=(
        field("day", "date", "Day", "Date"),
        field("landing_path", "text", "Landing page path"),
        field("sessions", "int", "Sessions", "Online store sessions"),
        field("page_views", "int", "Pageviews", "Page views"),
        field("orders", "int", "Sessions that completed checkout", "Sessions converted"),
    ),
    required=frozenset({"sessions", "orders"}),
    normalise=lambda ctx: normalise_shopify(ctx),
    # Landing pages that are not a product's (home, collections, blog) are not a product's traffic.
    skip_rows="(landing_path IS NOT NULL AND NOT contains(landing_path, '/products/'))",
)


def normalise_shopify(ctx: ImportContext) -> None:
    reject_common(ctx, amount=None, counts=_TRAFFIC_COUNTS, dated="day")
    day, dated = _dated_or_file_day(ctx, "day")
    # /products/<handle> (also under a locale: /fr-fr/products/<handle>); the handle is the product id.
    ref = ("nullif(regexp_extract(landing_path, '/products/([^/?#]+)', 1), '')"
           if ctx.has("landing_path") else "NULL")
    write_rows(ctx, TRAFFIC, _select(ctx, day=day if dated else "NULL::DATE", start=day, end=day, product_ref=ref),
               report="shopify_sessions", dated=dated)


# --- eBay listings traffic ------------------------------------------------------------------------

EBAY_SPEC = FormatSpec(
    platform="ebay",
    kind="traffic",
    label="eBay listings traffic report",
    fields=(
        field("start_date", "date", "Data Start Date"),
        field("end_date", "date", "Data End Date"),
        field("title", "text", "Listing title"),
        field("product_ref", "id", "eBay item ID", key=True),
        field("page_views", "int", "Total page views"),
        field("units", "int", "Quantity sold"),
    ),
    required=frozenset({"product_ref", "page_views"}),
    normalise=lambda ctx: normalise_ebay(ctx),
)


def normalise_ebay(ctx: ImportContext) -> None:
    reject_common(ctx, amount=None, counts=("page_views",), dated="start_date")
    start, dated = _dated_or_file_day(ctx, "start_date")
    end = local_day(ctx, "end_date") if ctx.has("end_date") else start
    # eBay counts no visitors: its conversion is quantity sold ÷ page views (§12).
    write_rows(ctx, TRAFFIC, f"""
        SELECT _row, NULL AS _key, CASE WHEN {start} = {end} THEN {start} END AS day, {start} AS period_start,
               {end} AS period_end, NULL AS sku, product_ref, {col(ctx, 'title')} AS title,
               page_views AS sessions, page_views, {col(ctx, 'units')} AS orders, {col(ctx, 'units')} AS units,
               NULL::DECIMAL(18,2) AS sales, NULL AS currency
        FROM {ROWS}""", report="ebay_listings_traffic", dated=dated)


# --- 生意参谋 商品 --------------------------------------------------------------------------------

SYCM_SPEC = FormatSpec(
    platform="taobao",
    kind="traffic",
    label="生意参谋 商品",
    fields=(
        field("day_text", "text", "统计日期"),
        field("product_ref", "id", "商品ID", key=True),
        field("title", "text", "商品名称"),
        field("sku", "id", "货号", "商家编码", key=True),
        field("sessions", "int", "商品访客数", "访客数"),
        field("page_views", "int", "商品浏览量", "浏览量"),
        field("orders", "int", "支付买家数"),
        field("units", "int", "支付件数"),
        field("sales", "money", "支付金额"),
    ),
    required=frozenset({"product_ref", "sessions", "orders"}),
    normalise=lambda ctx: normalise_sycm(ctx),
    skip_rows=TOTALS,
)


def normalise_sycm(ctx: ImportContext) -> None:
    reject_common(ctx, amount=None, counts=_TRAFFIC_COUNTS)
    if ctx.has("day_text"):
        start, end = cn_period("day_text")
        ctx.reject(f"({start} IS NULL OR {end} IS NULL) AND NOT _bad", field="day_text",
                   reason="reject.missing_date")
        day, dated = f"CASE WHEN {start} = {end} THEN {start} END", True
    else:
        start = end = file_day(ctx)
        day, dated = "NULL::DATE", False
    write_rows(ctx, TRAFFIC, _select(ctx, day=day, start=start, end=end), report="sycm_products", dated=dated)


SPECS = (AMAZON_CHILD_SPEC, AMAZON_DATE_SPEC, SHOPIFY_SPEC, EBAY_SPEC, SYCM_SPEC)
