"""Whether advertising pays and which products convert: ROAS, ACoS, TACoS, break-even ROAS, conversion.

The rules (money-traffic-formats.md §12):

* ROAS = ad-attributed sales ÷ ad spend; ACoS = spend ÷ ad-attributed sales (= 1 ÷ ROAS);
  TACoS = spend ÷ all sales of the same SKU / channel and period (sk_sales(), sk_sku_lines()).
  Every ratio is derived from summed money, never averaged from a column of percentages; a
  ratio over nothing (no spend, no sales) is NULL, not 0 or infinity.
* Margin before ads = (sales − every cost of those sales but ads) ÷ sales. Break-even ROAS =
  1 ÷ margin before ads. This is the one definition of both, here in Python
  (`margin_before_ads`, `break_even_roas`) and in SQL (`sk_margin_before_ads`,
  `sk_break_even_roas`, which round alike: the margin to six places, then its inverse), and
  both the ads figures and the profit rows (services/profit.py) use it; they differ only in
  which sales and costs they feed it. Here, per SKU or campaign, from
  what the shop knows: the SKU's net revenue of sold orders, its cost (catalogue), and the fees
  the settlements imported so far charged, as a rate of the revenue of the orders they settle,
  per shop and currency (a shop without settlements has no fees yet, and says so as fee_rate
  NULL). A cost in another currency is converted with the seller's rates (sk_fx()). A SKU
  without a cost (or a rate for it) has no margin: its break-even is unknown, never guessed.
  A campaign whose ROAS is below its break-even ROAS loses money on every sale it brings. No
  margin (or none left) means no ROAS breaks even. Profit feeds the rule what one of its rows
  took (sales + shipping − discounts) and cost (fees, refunds, cost of goods).
* Conversion rate = orders ÷ sessions of one product (or the shop) and period, with the orders
  the traffic report counts itself (otherwise the shop's own orders of that SKU and period).
  A product is listed as "many sessions, low conversion" when it had at least
  `low_conversion_min_sessions` sessions and converted below `low_conversion_max_pct` percent.

Which catalogue SKU an ad or traffic row is about is decided once, in `sk_ref_skus()`: the SKU
the report names (through the shop's SKU links), else the listing whose id the report names
(an item id, 商品ID), else the product whose id it names when that product has one SKU
(Shopify's handle); a row nothing matches keeps its product_ref and no SKU.

One report level per campaign and period: Amazon's campaign, ad group, targeting, search term
and advertised product reports each carry the same spend, so where several were imported
for one campaign and period only the most detailed is counted (advertised product first).
Likewise a campaign's daily rows and a report of a whole range that covers them carry the same
spend: the daily rows are counted (they can be cut to any period), the range's row is not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DEFAULT_MIN_SESSIONS = 100
DEFAULT_MAX_PCT = Decimal("1.0")

# Setting keys (table inventory_settings, services/ad_performance.py).
MIN_SESSIONS_KEY = "low_conversion_min_sessions"
MAX_PCT_KEY = "low_conversion_max_pct"

# The same spend at several levels: the first level present for a campaign and period is counted.
REPORT_LEVELS = ("amazon_ads_product", "amazon_ads_ad_group", "amazon_ads_targeting", "amazon_ads_search_term",
                 "amazon_ads_campaign")
# Money movements that are a fee on a sale (domain/money_kinds.py MoneyKind).
FEE_KINDS = ("commission", "payment_fee", "shipping_label")


def ratio(numerator: Decimal | int | None, denominator: Decimal | int | None) -> Decimal | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    # six places, as sk_ratio() keeps
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


def roas(sales: Decimal | None, spend: Decimal | None) -> Decimal | None:
    return ratio(sales, spend)


def acos(spend: Decimal | None, sales: Decimal | None) -> Decimal | None:
    return ratio(spend, sales)


def margin_before_ads(revenue: Decimal | None, cogs: Decimal | None, fees: Decimal | None) -> Decimal | None:
    """(revenue − cogs − fees) ÷ revenue, to six places as sk_margin_before_ads; `fees`: every other cost of
    those sales but ads. None when there is no revenue or the cost of goods is unknown."""
    if revenue is None or cogs is None or revenue <= 0:
        return None
    return ratio(revenue - cogs - (fees or Decimal(0)), revenue)


def break_even_roas(margin: Decimal | None) -> Decimal | None:
    """1 ÷ margin; None when there is no margin to spend (or it is unknown)."""
    return None if margin is None or margin <= 0 else ratio(1, margin)


def below_break_even(roas_: Decimal | None, margin: Decimal | None, spend: Decimal | None) -> bool:
    """Money was spent and the sales it brought do not pay for it."""
    if not spend or spend <= 0:
        return False
    if margin is not None and margin <= 0:
        return True  # nothing is left before ads: any spend loses money
    target = break_even_roas(margin)
    if target is None:
        return False  # margin unknown: not claimed either way
    return (roas_ or Decimal(0)) < target


@dataclass(frozen=True)
class ConversionSettings:
    """The thresholds of "many sessions, low conversion", read leniently: bad text means the default."""

    min_sessions: int = DEFAULT_MIN_SESSIONS
    max_pct: Decimal = DEFAULT_MAX_PCT

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> ConversionSettings:
        min_sessions, max_pct = DEFAULT_MIN_SESSIONS, DEFAULT_MAX_PCT
        text = (settings.get(MIN_SESSIONS_KEY) or "").strip()
        if text.isascii() and text.isdigit():
            min_sessions = int(text)
        try:
            pct = Decimal((settings.get(MAX_PCT_KEY) or "").strip())
            if pct.is_finite() and 0 <= pct <= 100:
                max_pct = pct
        except InvalidOperation:
            pass
        return cls(min_sessions, max_pct)


def conversion_rate(orders: int | None, sessions: int | None) -> Decimal | None:
    return ratio(orders or 0, sessions) if sessions else None


def low_conversion(orders: int | None, sessions: int | None, settings: ConversionSettings) -> bool:
    rate = conversion_rate(orders, sessions)
    return (rate is not None and sessions is not None and sessions >= settings.min_sessions
            and rate * 100 < settings.max_pct)


def _sql_list(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


_LEVEL = "CASE report " + " ".join(f"WHEN '{r}' THEN {i}" for i, r in enumerate(REPORT_LEVELS)) + " ELSE 0 END"

MACROS = (
    # Six places: a ratio is shown to four; DuckDB divides decimals in floating point, rounded here once.
    "CREATE OR REPLACE TEMP MACRO sk_ratio(n, d) AS CASE WHEN d IS NULL OR d = 0 OR n IS NULL THEN NULL "
    " ELSE CAST(round(CAST(n AS DECIMAL(38,10)) / CAST(d AS DECIMAL(38,10)), 6) AS DECIMAL(24,6)) END",
    "CREATE OR REPLACE TEMP MACRO sk_roas(sales, spend) AS sk_ratio(sales, spend)",
    "CREATE OR REPLACE TEMP MACRO sk_acos(spend, sales) AS sk_ratio(spend, sales)",
    "CREATE OR REPLACE TEMP MACRO sk_margin_before_ads(revenue, cogs, fees) AS CASE "
    " WHEN revenue IS NULL OR cogs IS NULL OR revenue <= 0 THEN NULL "
    " ELSE sk_ratio(revenue - cogs - coalesce(fees, 0), revenue) END",
    "CREATE OR REPLACE TEMP MACRO sk_break_even_roas(margin) AS CASE WHEN margin > 0 THEN sk_ratio(1, margin) END",
    "CREATE OR REPLACE TEMP MACRO sk_below_break_even(roas, margin, spend) AS CASE "
    " WHEN coalesce(spend, 0) <= 0 THEN FALSE WHEN margin <= 0 THEN TRUE WHEN margin IS NULL THEN FALSE "
    " ELSE coalesce(roas, 0) < sk_break_even_roas(margin) END",
    "CREATE OR REPLACE TEMP MACRO sk_conversion_rate(orders, sessions) AS CASE WHEN sessions > 0 "
    " THEN sk_ratio(coalesce(orders, 0), sessions) END",
    "CREATE OR REPLACE TEMP MACRO sk_low_conversion(orders, sessions, min_sessions, max_pct) AS "
    " coalesce(sessions >= min_sessions AND sk_conversion_rate(orders, sessions) * 100 < max_pct, FALSE)",
)

# In dependency order, after sk_sku_lines(), sk_catalogue(), sk_listings_by_sku() and sk_sales().
TABLE_MACROS = (
    # (shop_id, product_ref, sku): the catalogue SKU a report's product id stands for in that shop.
    """CREATE OR REPLACE TEMP MACRO sk_ref_skus() AS TABLE
    WITH listed AS (
        SELECT shop_id, listing_id AS product_ref, min(sku) AS sku FROM sk_listings_by_sku()
        WHERE sku IS NOT NULL AND sku <> '' GROUP BY ALL HAVING count(DISTINCT sku) = 1
    ),
    single AS (
        SELECT product_id AS product_ref, min(sku) AS sku FROM variants GROUP BY product_id
        HAVING count(*) = 1
    )
    SELECT shop_id, product_ref, sku FROM listed
    UNION ALL
    SELECT s.shop_id, p.product_ref, p.sku FROM single p CROSS JOIN shops s
    WHERE NOT EXISTS (SELECT 1 FROM listed l WHERE l.shop_id = s.shop_id AND l.product_ref = p.product_ref)""",
    # ad_stats as counted: one report level per campaign and period, each row with its catalogue SKU.
    f"""CREATE OR REPLACE TEMP MACRO sk_ad_rows() AS TABLE
    WITH leveled AS (
        SELECT a.*, {_LEVEL} AS level FROM ad_stats a
    ),
    counted AS (
        SELECT * FROM leveled
        QUALIFY level = min(level) OVER (PARTITION BY shop_id, channel, campaign, period_start, period_end)
    )
    SELECT c.shop_id, c.stat_id, c.day, c.period_start, c.period_end, c.channel, c.campaign, c.ad_group,
           coalesce(sk_link_target(c.sku, (SELECT k.master_sku FROM sku_links k
                                           WHERE k.shop_id = c.shop_id AND k.channel_sku = c.sku)),
                    r.sku) AS sku,
           c.sku AS channel_sku, c.product_ref, c.search_term, c.impressions, c.clicks, c.spend, c.currency,
           c.orders, c.units, c.sales, c.report
    FROM counted c LEFT JOIN sk_ref_skus() r ON r.shop_id = c.shop_id AND r.product_ref = c.product_ref
    WHERE NOT (c.day IS NULL AND EXISTS (
        SELECT 1 FROM counted d WHERE d.shop_id = c.shop_id AND d.channel = c.channel
          AND d.campaign IS NOT DISTINCT FROM c.campaign AND d.day BETWEEN c.period_start AND c.period_end))""",
    # traffic_stats with each row's catalogue SKU.
    """CREATE OR REPLACE TEMP MACRO sk_traffic_rows() AS TABLE
    SELECT t.shop_id, t.stat_id, t.day, t.period_start, t.period_end,
           coalesce(sk_link_target(t.sku, (SELECT k.master_sku FROM sku_links k
                                           WHERE k.shop_id = t.shop_id AND k.channel_sku = t.sku)),
                    r.sku) AS sku,
           t.sku AS channel_sku, t.product_ref, t.title, t.sessions, t.page_views, t.orders, t.units, t.sales,
           t.currency, t.report
    FROM traffic_stats t LEFT JOIN sk_ref_skus() r ON r.shop_id = t.shop_id AND r.product_ref = t.product_ref""",
    # Lines of sold orders with their day: what TACoS and conversion count as all sales of a SKU.
    """CREATE OR REPLACE TEMP MACRO sk_sold_sku_lines() AS TABLE
    SELECT l.shop_id, l.order_id, l.sku, l.currency, l.revenue, l.quantity - l.refunded_quantity AS units, s.day
    FROM sk_sku_lines() l JOIN sk_sales() s USING (shop_id, order_id)""",
    # (shop_id, currency, fee_rate): fees the settlements charged ÷ the revenue of the orders they settle.
    f"""CREATE OR REPLACE TEMP MACRO sk_fee_rates() AS TABLE
    WITH fees AS (
        SELECT m.shop_id, m.order_id, m.currency, -sum(m.amount) AS fees
        FROM sk_money_movements() m JOIN sk_settled_orders() d USING (shop_id, order_id)
        WHERE m.kind IN {_sql_list(FEE_KINDS)} GROUP BY ALL
    )
    SELECT s.shop_id, s.currency, sk_ratio(sum(f.fees), sum(s.net)) AS fee_rate
    FROM sk_sales() s JOIN fees f USING (shop_id, order_id, currency) GROUP BY ALL""",
    # (shop_id, sku, currency, revenue, units, cogs, fees, margin): margin before ads per SKU and shop.
    """CREATE OR REPLACE TEMP MACRO sk_sku_margins() AS TABLE
    WITH sold AS (
        SELECT shop_id, sku, currency, sum(revenue) AS revenue, sum(units) AS units
        FROM sk_sold_sku_lines() GROUP BY ALL
    ),
    cost AS (SELECT sku, any_value(cost) AS cost, any_value(currency) AS cost_currency FROM sk_catalogue()
             GROUP BY sku),
    costed AS (
        -- a cost in another currency than the sale is converted with the seller's rates (sk_fx); without
        -- a rate the cost of goods is unknown, never taken at face value
        SELECT s.shop_id, s.sku, s.currency, s.revenue, s.units, CASE WHEN c.cost_currency = s.currency OR c.cost_currency IS NULL THEN s.units * c.cost
                         ELSE s.units * c.cost * fc.rate / nullif(fs.rate, 0) END AS cogs,
               s.revenue * coalesce(r.fee_rate, 0) AS fees, r.fee_rate
        FROM sold s LEFT JOIN cost c USING (sku)
        LEFT JOIN sk_fx() fc ON fc.currency = c.cost_currency LEFT JOIN sk_fx() fs ON fs.currency = s.currency
        LEFT JOIN sk_fee_rates() r ON r.shop_id = s.shop_id AND r.currency = s.currency
    )
    SELECT shop_id, sku, currency, revenue, units, cogs, fees, fee_rate,
           sk_margin_before_ads(revenue, cogs, fees) AS margin
    FROM costed""",
)
