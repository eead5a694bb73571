"""Checks before a campaign starts: the margin a SKU keeps at its campaign price, and whether its stock lasts.

One rule, in Python (the functions here) and in SQL (the scalar macros and
`sk_campaign_checks(today)`), agreeing to the cent and the unit.

Margin. The margin check must see the worst sale, and a sale happens in one
shop: there the price is the SKU's campaign price less the discounts of the
campaigns overlapping it in days *in that shop* (domain/campaign_price.py
stacks them), and the fees are that shop's platform's (a percentage of the
price, the seller's setting per platform). Of the campaign's shops the sale
keeping the lowest margin counts (without a cost: the lowest price). A 10 %-off
campaign everywhere overlapping a Taobao-only 买二送一 is checked at the stacked
price with Taobao's fee and at its own price with each other platform's fee, never
at the stacked price with another platform's fee. Fees: P × fee% rounded half up
to the cent. Margin % =
(P − cost − fees) / P, in tenths of a percent rounded half away from zero. A
SKU without a cost or a price has no margin (None / NULL): nothing to check.
Verdict: below_cost when P − fees < cost, below_min when the margin is under
the minimum margin (setting, default 10 %), else ok.

Stock. The units the event is expected to sell in the days still to come (from
its start, or from today once it runs: the days gone are sold from the stock on
hand already): last year's sales of the SKU on the same dates a year before,
when the shop's orders reach back that far; otherwise the recent baseline (units
over the last BASELINE_DAYS days) scaled to those days and lifted by the
campaign's expected uplift:
⌈units × event days × (100 + uplift) / (BASELINE_DAYS × 100)⌉. The sales before
the start are the baseline over the days until it, but at most the SKU's lead
time of them: what sells before that is the ordinary reorders' business (the
reorder list), while what sells in the last lead time cannot be restocked in
time. On hand is a bundle's parts' (domain/bundles.py); a SKU never counted has
none to check (NULL), and no shortfall. Short = what both need beyond on hand
(negative on hand counted as 0);
the quantity to order is that shortfall, and the day to order by is the start
less the SKU's lead time.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_MIN_MARGIN_PCT = Decimal(10)
BASELINE_DAYS = 30
MIN_MARGIN_KEY = "min_margin_pct"
FEE_KEY_PREFIX = "fee_pct."
BELOW_COST, BELOW_MIN, MARGIN_OK = "below_cost", "below_min", "ok"


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def fee_cents(price: Decimal, fee_pct: Decimal | None) -> int:
    """The platform's fees on one unit sold at `price`, in cents (none known: 0)."""
    if fee_pct is None:
        return 0
    return (2 * _cents(price) * _cents(fee_pct) + 10000) // 20000


def margin_tenths(price: Decimal | None, cost: Decimal | None, fee_pct: Decimal | None) -> int | None:
    """The margin at `price` after cost and fees, in tenths of a percent of the price; None: nothing to check."""
    if price is None or cost is None or price <= 0:
        return None
    pc = _cents(price)
    kept = pc - _cents(cost) - fee_cents(price, fee_pct)
    tenths = (2 * abs(kept) * 1000 + pc) // (2 * pc)
    return tenths if kept >= 0 else -tenths


def margin_pct(price: Decimal | None, cost: Decimal | None, fee_pct: Decimal | None) -> Decimal | None:
    tenths = margin_tenths(price, cost, fee_pct)
    return None if tenths is None else Decimal(tenths) / 10


def margin_verdict(price: Decimal | None, cost: Decimal | None, fee_pct: Decimal | None,
                   min_margin_pct: Decimal) -> str | None:
    tenths = margin_tenths(price, cost, fee_pct)
    if tenths is None or price is None or cost is None:
        return None
    if _cents(price) - fee_cents(price, fee_pct) < _cents(cost):
        return BELOW_COST
    if Decimal(tenths) < (min_margin_pct * 10).to_integral_value(ROUND_HALF_UP):
        return BELOW_MIN
    return MARGIN_OK


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _uplift_bp(uplift_pct: Decimal | None) -> int:
    return _cents(uplift_pct) if uplift_pct is not None else 0


def expected_units(last_year_units: int | None, recent_units: int, event_days: int,
                   uplift_pct: Decimal | None) -> int:
    """Units the event is expected to sell; `last_year_units` None: the shop has no orders a year before."""
    if last_year_units is not None:
        return max(last_year_units, 0)
    scaled = max(recent_units, 0) * event_days * max(10000 + _uplift_bp(uplift_pct), 0)
    return _ceil_div(scaled, BASELINE_DAYS * 10000)


def days_counted_before(days_until_start: int, lead_time_days: int) -> int:
    """The days before the start whose sales the event's stock must also cover."""
    return max(min(days_until_start, lead_time_days), 0)


def units_before(recent_units: int, days: int) -> int:
    """Units the baseline sells in `days` (days_counted_before)."""
    return _ceil_div(max(recent_units, 0) * max(days, 0), BASELINE_DAYS)


def shortfall(on_hand: int | None, before: int, expected: int) -> int | None:
    """Units to order so that on hand lasts until the end of the event; None when the stock was never counted."""
    return None if on_hand is None else max(before + expected - max(on_hand, 0), 0)


def order_by(starts_on: date, lead_time_days: int) -> date:
    return starts_on - timedelta(days=lead_time_days)


def a_year_before(day: date) -> date:
    """The same date a year before (29 February: the 28th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_fee_cents(pc, fee_bp) AS"
    " CASE WHEN fee_bp IS NULL THEN 0 ELSE (2 * (pc)::HUGEINT * fee_bp + 10000) // 20000 END",
    "CREATE OR REPLACE TEMP MACRO sk_margin_tenths(pc, cost_c, fee_bp) AS"
    " CASE WHEN pc IS NULL OR cost_c IS NULL OR pc <= 0 THEN NULL ELSE list_transform("
    "[(pc)::HUGEINT - cost_c - sk_fee_cents(pc, fee_bp)], lambda k:"
    " sign(k) * ((2 * abs(k) * 1000 + pc) // (2 * (pc)::HUGEINT)))[1]::BIGINT END",
    "CREATE OR REPLACE TEMP MACRO sk_margin_verdict(pc, cost_c, fee_bp, min_tenths) AS"
    " CASE WHEN sk_margin_tenths(pc, cost_c, fee_bp) IS NULL THEN NULL"
    " WHEN pc - sk_fee_cents(pc, fee_bp) < cost_c THEN 'below_cost'"
    " WHEN sk_margin_tenths(pc, cost_c, fee_bp) < min_tenths THEN 'below_min' ELSE 'ok' END",
    "CREATE OR REPLACE TEMP MACRO sk_expected_units(last_year, recent, event_days, uplift_bp) AS"
    " CASE WHEN last_year IS NOT NULL THEN greatest(last_year, 0)::BIGINT ELSE"
    " ((greatest(recent, 0)::HUGEINT * event_days * greatest(10000 + coalesce(uplift_bp, 0), 0)"
    f" + {BASELINE_DAYS * 10000} - 1) // {BASELINE_DAYS * 10000})::BIGINT END",
    "CREATE OR REPLACE TEMP MACRO sk_units_before(recent, days_until) AS"
    f" ((greatest(recent, 0)::BIGINT * greatest(days_until, 0) + {BASELINE_DAYS} - 1) // {BASELINE_DAYS})::BIGINT",
    "CREATE OR REPLACE TEMP MACRO sk_shortfall(on_hand, before, expected) AS"
    " CASE WHEN on_hand IS NOT NULL THEN greatest(before + expected - greatest(on_hand, 0), 0)::BIGINT END",
    # The same date a year before; 29 February becomes the 28th.
    "CREATE OR REPLACE TEMP MACRO sk_a_year_before(d) AS"
    " CAST(CAST(d AS DATE) - INTERVAL 1 YEAR AS DATE)",
)

# Per campaign and SKU in scope, as of `today`: the check's figures. Sales are the SKU's sold units net of
# refunds (sk_sku_lines(), so a link or a bundle moves them too); 'lowest_30d' the lowest price a buyer paid
# for a unit on a campaign platform in the 30 days before today (the 最低价 reference: what was paid, so the
# share of an order's discount its lines do not already show - 满减, coupons - is taken off, in proportion to
# the lines' amounts), in the list price's currency (a sale in another currency is no reference for it).
TABLE_MACROS = (
    f"""
CREATE OR REPLACE TEMP MACRO sk_campaign_checks(today) AS TABLE
WITH settings AS (
    SELECT coalesce((SELECT TRY_CAST(value AS DECIMAL(7,2)) FROM promotion_settings WHERE key = '{MIN_MARGIN_KEY}'),
                    {DEFAULT_MIN_MARGIN_PCT}) AS min_margin
),
fees AS (SELECT substr(key, {len(FEE_KEY_PREFIX) + 1}) AS platform, TRY_CAST(value AS DECIMAL(7,2)) AS fee_pct
         FROM promotion_settings WHERE key LIKE '{FEE_KEY_PREFIX}%'),
campaign_shops AS (
    SELECT p.promotion_id, s.shop_id, s.platform FROM promotions p JOIN shops s
        ON NOT EXISTS (SELECT 1 FROM promotion_shops x WHERE x.promotion_id = p.promotion_id)
        OR s.shop_id IN (SELECT shop_id FROM promotion_shops x WHERE x.promotion_id = p.promotion_id)
),
promo_fees AS (
    SELECT cs.promotion_id, count(*) FILTER (WHERE f.fee_pct IS NULL) AS fees_unknown
    FROM campaign_shops cs LEFT JOIN fees f USING (platform) GROUP BY cs.promotion_id
),
sold AS (
    SELECT l.sku, l.shop_id, sk_order_day(o.ordered_at, o.ordered_tz) AS day,
           l.quantity - l.refunded_quantity AS units
    FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id)
    WHERE sk_is_sold(o.status)
),
history AS (SELECT min(sk_order_day(ordered_at, ordered_tz)) AS first_day FROM orders),
recent AS (SELECT sku, sum(units) AS units FROM sold
           WHERE day BETWEEN CAST(today AS DATE) - {BASELINE_DAYS - 1} AND CAST(today AS DATE) GROUP BY sku),
priced AS (
    SELECT c.promotion_id, c.sku, c.list_price, c.unit_price, p.starts_on, p.ends_on, cs.shop_id, cs.platform
    FROM sk_campaign_prices() c JOIN promotions p USING (promotion_id) JOIN campaign_shops cs USING (promotion_id)
),
shop_prices AS (
    -- The price in each of the campaign's shops: less the discounts of the campaigns overlapping it there.
    SELECT a.promotion_id, a.sku, a.platform,
           CASE WHEN a.unit_price IS NOT NULL
                THEN greatest(a.unit_price - coalesce(sum(b.list_price - b.unit_price), 0), 0) END AS price
    FROM priced a LEFT JOIN priced b ON b.sku = a.sku AND b.shop_id = a.shop_id AND b.promotion_id <> a.promotion_id
         AND a.starts_on <= b.ends_on AND b.starts_on <= a.ends_on
    GROUP BY a.promotion_id, a.sku, a.shop_id, a.platform, a.unit_price
),
worst_sale AS (
    SELECT sp.promotion_id, sp.sku,
           arg_min({{'price': sp.price, 'fee_pct': f.fee_pct}},
                   (coalesce(sk_margin_tenths((sp.price * 100)::HUGEINT, (v.cost * 100)::HUGEINT,
                                              (f.fee_pct * 100)::HUGEINT), 9223372036854775807),
                    coalesce(sp.price, 0), -coalesce(f.fee_pct, 0))) AS sale
    FROM shop_prices sp LEFT JOIN fees f USING (platform) LEFT JOIN variants v ON v.sku = sp.sku
    GROUP BY sp.promotion_id, sp.sku
),
scope AS (
    SELECT c.promotion_id, c.sku, p.starts_on, p.ends_on, p.expected_uplift_pct,
           CASE WHEN w.sale IS NOT NULL THEN w.sale.price ELSE coalesce(o.stacked_price, c.unit_price) END AS price,
           w.sale.fee_pct AS fee_pct, v.cost,
           greatest(p.starts_on, CAST(today AS DATE)) AS from_day,
           sk_a_year_before(greatest(p.starts_on, CAST(today AS DATE))) AS ly_first, sk_a_year_before(p.ends_on) AS ly_last
    FROM sk_campaign_prices() c JOIN promotions p USING (promotion_id)
    LEFT JOIN worst_sale w USING (promotion_id, sku)
    LEFT JOIN sk_campaign_overlaps() o USING (promotion_id, sku)
    LEFT JOIN variants v ON v.sku = c.sku
),
last_year AS (
    SELECT s.promotion_id, s.sku, coalesce(sum(d.units), 0) AS units
    FROM scope s LEFT JOIN sold d ON d.sku = s.sku AND d.day BETWEEN s.ly_first AND s.ly_last
    WHERE (SELECT first_day FROM history) <= s.ly_first
    GROUP BY s.promotion_id, s.sku
),
window_orders AS (
    -- The orders of the 30 days before today, with what their lines list, what the lines say was paid, and
    -- the order's discount: the part of it the lines do not show is shared over them.
    SELECT l.shop_id, l.order_id, (sum(l.unit_price * l.quantity) * 100)::HUGEINT AS list_c,
           (sum(l.line_total) * 100)::HUGEINT AS paid_c, (any_value(coalesce(o.discount, 0)) * 100)::HUGEINT AS off_c
    FROM orders o JOIN order_lines l USING (shop_id, order_id)
    WHERE sk_is_sold(o.status)
      AND o.ordered_at >= CAST(today AS DATE) - INTERVAL 32 DAY AND o.ordered_at < CAST(today AS DATE) + INTERVAL 2 DAY
      AND sk_order_day(o.ordered_at, o.ordered_tz) BETWEEN CAST(today AS DATE) - 30 AND CAST(today AS DATE) - 1
    GROUP BY l.shop_id, l.order_id
),
paid AS (
    SELECT r.sku, r.shop_id, r.currency,
           sk_half_up_div(greatest((r.line_total * 100)::HUGEINT
               - CASE WHEN wo.paid_c > 0 AND wo.off_c > wo.list_c - wo.paid_c
                      THEN sk_half_up_div((wo.off_c - (wo.list_c - wo.paid_c)) * (r.line_total * 100)::HUGEINT, wo.paid_c)
                      ELSE 0 END, 0), r.quantity) AS unit_c
    FROM sk_resolved_lines() r JOIN window_orders wo USING (shop_id, order_id)
    WHERE r.quantity > 0 AND r.line_total > 0 AND r.unit_price > 0
),
lowest AS (
    SELECT cs.promotion_id, d.sku, sk_cents_money(min(d.unit_c)) AS lowest_30d
    FROM paid d JOIN campaign_shops cs ON cs.shop_id = d.shop_id
    JOIN variants v ON v.sku = d.sku AND v.currency = d.currency
    GROUP BY cs.promotion_id, d.sku
),
figures AS (
    SELECT s.*, coalesce(pf.fees_unknown, 0) AS fees_unknown,
           (s.price * 100)::HUGEINT AS pc, (s.cost * 100)::HUGEINT AS cost_c, (s.fee_pct * 100)::HUGEINT AS fee_bp,
           CASE WHEN st.counted THEN st.on_hand END AS on_hand, coalesce(sl.lead_time_days, 14) AS lead_time_days,
           ly.units AS last_year_units, coalesce(r.units, 0) AS recent_units, lw.lowest_30d,
           greatest(s.ends_on - s.from_day + 1, 0)::BIGINT AS event_days,
           greatest(least(s.starts_on - CAST(today AS DATE), coalesce(sl.lead_time_days, 14)), 0)::BIGINT
               AS days_until
    FROM scope s LEFT JOIN promo_fees pf USING (promotion_id)
    LEFT JOIN stock_levels sl ON sl.sku = s.sku
    LEFT JOIN sk_available_stock() st ON st.sku = s.sku
    LEFT JOIN last_year ly ON ly.promotion_id = s.promotion_id AND ly.sku = s.sku
    LEFT JOIN recent r ON r.sku = s.sku
    LEFT JOIN lowest lw ON lw.promotion_id = s.promotion_id AND lw.sku = s.sku
)
SELECT promotion_id, sku, price, cost, fee_pct, fees_unknown,
       sk_margin_tenths(pc, cost_c, fee_bp) AS margin_tenths,
       sk_margin_verdict(pc, cost_c, fee_bp, ((SELECT min_margin FROM settings) * 10)::HUGEINT) AS margin_verdict,
       on_hand, lead_time_days, last_year_units IS NOT NULL AS from_last_year,
       sk_expected_units(last_year_units, recent_units, event_days, (expected_uplift_pct * 100)::HUGEINT) AS expected,
       sk_units_before(recent_units, days_until) AS before_start,
       sk_shortfall(on_hand, sk_units_before(recent_units, days_until),
                    sk_expected_units(last_year_units, recent_units, event_days,
                                      (expected_uplift_pct * 100)::HUGEINT)) AS short,
       CAST(starts_on - lead_time_days * INTERVAL 1 DAY AS DATE) AS order_by,
       lowest_30d
FROM figures
""",
)
