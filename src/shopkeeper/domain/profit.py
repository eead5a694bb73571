"""True profit: what the seller kept of each sale, per order line, order, SKU, platform and month.

    net = sales + shipping charged − discounts − commission − payment fees
          − shipping labels − other fees − ad spend − refunds − cost of goods

per sold order (order_status.SOLD), in the order's currency:

* sales = the goods before the seller's discounts: total − tax − shipping +
  discount, so sales + shipping − discounts is what the buyer paid less tax
  (tax is never the seller's money). It comes from the order export only: a
  settlement's sale and refund movements reconcile with it, they never add.
  Sales tax the platform collected and remits itself, which the order export
  leaves out of its tax (Etsy), arrives as the counted report's movements of
  kind `tax` and comes off sales too, never counted as a fee. (What a partial
  refund gave back of that tax stays in the order's refunded amount: the
  export does not split it, so sales then keep it and refunds take it off.)
* refunds = the order's refunded amount, from the order export as well.
* fees: once a movement of a report that states all of an order's money
  names it (sk_settled_orders(), domain/money_sources.py), the order is settled
  and its commission, payment fee, shipping label and other movements (signed
  from the seller's view, so costs are negative there) are its fees, converted
  with sk_fx when a movement is in another currency. Before that, commission
  and payment fee are estimated from the platform's rates (domain/fee_rates.py)
  and the order is `estimated`, except a kind a partial report states for it
  (Etsy Sold Orders' card fee): that kind is the report's. Labels and other
  fees are 0 until a report says. Undoing the settlement's import makes the
  order estimated again. Movements are read as money_sources counts them (one
  report per order where two say the same), and only movements whose kind is
  a MoneyKind count (domain/money_kinds.py).
* ad spend: each ad_stats row's spend is shared over the sold lines of its
  platform, in its currency, ordered within its period: over its SKU's lines
  where the report names a SKU, else over every line by revenue (`ads_spread`).
  Spend no line can carry (no sale in the period) stays a row of its own with no
  order: it still costs the month, platform and SKU.
* fees no sold order carries (a subscription, a listing fee, a label bought
  on its own, the fees of an order later cancelled) cost their day's month and
  platform as rows of their own; ad movements never count (ad_stats does), nor
  movements naming an order the shop does not hold (payouts lists them).
* cost of goods: FIFO over purchase lots, else the catalogue cost
  (domain/landed_cost.py); `cost_missing` when a unit has none, and when the
  goods are not named at all (a line with no SKU, an order whose export gave no
  lines): profit then reads too high, and every view says so.

An order's amounts are shared over its SKU lines (bundles expanded,
domain/sku_lines.py) in proportion to each line's total, by cumulative
rounding: line i gets [A·Wᵢ/W] − [A·Wᵢ₋₁/W] cents (Wᵢ the weights up to it, [x] cut
towards zero), so
the shares add up to the order's amount to the cent and the SKU view
reconciles with the order view. An order without SKU lines keeps one row with
no SKU. Currencies are never added together here: every row carries its
currency, and views convert with sk_fx where they need one figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from shopkeeper.domain.money_kinds import MoneyKind

_CENT = Decimal("0.01")

# The components in the order net is computed from them, each with its sign in net.
COMPONENTS: tuple[tuple[str, int], ...] = (
    ("sales", 1), ("shipping", 1), ("discounts", -1), ("commission", -1), ("payment_fees", -1),
    ("shipping_labels", -1), ("other_fees", -1), ("ads", -1), ("refunds", -1), ("cogs", -1),
)
FEE_COMPONENTS = ("commission", "payment_fees", "shipping_labels", "other_fees")


@dataclass(frozen=True)
class OrderAmounts:
    total: Decimal
    tax: Decimal | None
    shipping: Decimal | None
    discount: Decimal | None


def sales_of(order: OrderAmounts) -> Decimal:
    """The goods before the seller's discounts: total − tax − shipping + discount."""
    return order.total - (order.tax or 0) - (order.shipping or 0) + (order.discount or 0)


def net_of(parts: dict[str, Decimal]) -> Decimal:
    return sum((sign * parts.get(name, Decimal(0)) for name, sign in COMPONENTS), Decimal(0))


def _tdiv(a: int, b: int) -> int:
    """Integer division towards zero, as DuckDB's `//`."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def allocate(amount: Decimal, weights: Sequence[int]) -> list[Decimal]:
    """`amount` shared by `weights` (cents) by cumulative rounding; equal weights when all are 0."""
    if not weights:
        return []
    ws = list(weights) if any(weights) else [1] * len(weights)
    total = sum(ws)
    cents = int(amount / _CENT)
    out, before = [], 0
    for w in ws:
        upto = before + w
        out.append(Decimal(_tdiv(cents * upto, total) - _tdiv(cents * before, total)) * _CENT)
        before = upto
    return out


_MONEY = "CAST(CAST({} AS DECIMAL(38,0)) * 0.01::DECIMAL(3,2) AS DECIMAL(18,2))"

MACROS = (
    # One share of `amount` (cumulative rounding): `upto` is the weight up to and with this row, `weight` its own.
    "CREATE OR REPLACE TEMP MACRO sk_alloc(amount, upto, weight, total) AS "
    + _MONEY.format("(CAST(amount * 100 AS HUGEINT) * upto) // total"
                    " - (CAST(amount * 100 AS HUGEINT) * (upto - weight)) // total"),
    # `amount` in `cur` in `to_cur` to the cent, given both currencies' sk_fx rates; NULL when a rate is missing.
    "CREATE OR REPLACE TEMP MACRO sk_fx_amount(amount, cur, to_cur, rate, to_rate) AS CASE WHEN cur = to_cur"
    " THEN amount ELSE CAST(round(amount * rate / to_rate, 2) AS DECIMAL(18,2)) END",
)

_KINDS = "(" + ", ".join(f"'{k.value}'" for k in MoneyKind) + ")"
_FEE_SUM = "-coalesce(sum(amount) FILTER (WHERE kind = '{kind}'), 0)"
_ESTIMATE = "sk_estimated_fee(s.total, r.percent, coalesce(sk_fx_amount(r.fixed, r.currency, s.currency, fr.rate, s.rate), 0))"

# Every sold order with its order-level components, settled or estimated. Rates are joined once (sk_fx_amount),
# not looked up per row.
_ORDERS = f"""
    WITH sold AS (
        SELECT s.shop_id, s.order_id, s.day, s.currency, s.total, fx.rate,
               coalesce(sh.platform, split_part(s.shop_id, ':', 1)) AS platform,
               coalesce(o.tax, 0) AS tax, coalesce(o.shipping, 0) AS shipping,
               coalesce(o.discount, 0) AS discount, coalesce(o.refunded_amount, 0) AS refunded
        FROM sk_sales() s JOIN orders o ON o.shop_id = s.shop_id AND o.order_id = s.order_id
        LEFT JOIN shops sh ON sh.shop_id = s.shop_id LEFT JOIN sk_fx() fx ON fx.currency = s.currency),
    moved AS (
        SELECT m.shop_id, m.order_id, m.kind, m.report,
               sk_fx_amount(m.amount, m.currency, s.currency, fm.rate, s.rate) AS amount
        FROM sk_money_movements() m JOIN sold s ON s.shop_id = m.shop_id AND s.order_id = m.order_id
        LEFT JOIN sk_fx() fm ON fm.currency = m.currency
        -- A kind outside MoneyKind (an older reader's own word) says nothing profit can use: it settles nothing.
        WHERE m.kind IN {_KINDS}),
    stated AS (
        SELECT shop_id, order_id,
               {_FEE_SUM.format(kind="commission")} AS commission,
               {_FEE_SUM.format(kind="payment_fee")} AS payment_fees,
               {_FEE_SUM.format(kind="shipping_label")} AS shipping_labels,
               {_FEE_SUM.format(kind="other")} AS other_fees,
               {_FEE_SUM.format(kind="tax")} AS tax_kept,
               bool_or(amount IS NULL) AS unconverted,
               -- settled: some report states all its money (sk_settled_orders(), the same rule per order);
               -- else a partial report may still state a fee of one kind (domain/money_sources.py)
               bool_or(sk_report_settles(report)) AS settles,
               bool_or(sk_report_states(report, 'commission')) AS states_commission,
               bool_or(sk_report_states(report, 'payment_fee')) AS states_payment_fee
        FROM moved GROUP BY shop_id, order_id),
    estimate AS (
        SELECT s.shop_id, s.order_id,
               sum({_ESTIMATE}) FILTER (WHERE r.fee_kind = 'commission') AS commission,
               sum({_ESTIMATE}) FILTER (WHERE r.fee_kind = 'payment_fee') AS payment_fees,
               bool_or(r.fixed <> 0 AND sk_fx_amount(r.fixed, r.currency, s.currency, fr.rate, s.rate) IS NULL)
                   AS unconverted
        FROM sold s JOIN fee_rates r ON r.platform = s.platform LEFT JOIN sk_fx() fr ON fr.currency = r.currency
        GROUP BY s.shop_id, s.order_id)
    SELECT s.shop_id, s.order_id, s.platform, s.day, strftime(s.day, '%Y-%m') AS month, s.currency,
           NOT coalesce(st.settles, FALSE) AS estimated,
           CAST(s.total - s.tax - s.shipping + s.discount - coalesce(st.tax_kept, 0) AS DECIMAL(18,2)) AS sales,
           CAST(s.shipping AS DECIMAL(18,2)) AS shipping, CAST(s.discount AS DECIMAL(18,2)) AS discounts,
           CAST(CASE WHEN st.states_commission THEN st.commission ELSE coalesce(e.commission, 0) END
                AS DECIMAL(18,2)) AS commission,
           CAST(CASE WHEN st.states_payment_fee THEN st.payment_fees ELSE coalesce(e.payment_fees, 0) END
                AS DECIMAL(18,2)) AS payment_fees,
           CAST(coalesce(st.shipping_labels, 0) AS DECIMAL(18,2)) AS shipping_labels,
           CAST(coalesce(st.other_fees, 0) AS DECIMAL(18,2)) AS other_fees,
           CAST(s.refunded AS DECIMAL(18,2)) AS refunds,
           coalesce(st.unconverted, FALSE)
               OR (NOT (coalesce(st.states_commission, FALSE) AND coalesce(st.states_payment_fee, FALSE))
                   AND coalesce(e.unconverted, FALSE)) AS fx_missing
    FROM sold s LEFT JOIN stated st ON st.shop_id = s.shop_id AND st.order_id = s.order_id
    LEFT JOIN estimate e ON e.shop_id = s.shop_id AND e.order_id = s.order_id"""

# The lines of the orders `{orders}` gives (SKU lines and lines naming no SKU), each with its weight for sharing the
# order's amounts.
_LINES = """
    WITH lines AS (
        SELECT o.shop_id, o.order_id, o.platform, o.day, o.month, o.currency, l.line_no, l.sku, l.revenue,
               greatest(l.quantity - l.refunded_quantity, 0) AS units,
               CAST(abs(l.line_total) * 100 AS HUGEINT) AS cents
        FROM {orders} o JOIN sk_all_lines() l ON l.shop_id = o.shop_id AND l.order_id = o.order_id),
    weighed AS (
        SELECT *, CASE WHEN sum(cents) OVER w = 0 THEN 1 ELSE cents END AS weight
        FROM lines WINDOW w AS (PARTITION BY shop_id, order_id))
    SELECT *, sum(weight) OVER (w ORDER BY line_no, sku NULLS FIRST ROWS UNBOUNDED PRECEDING) AS upto,
           sum(weight) OVER w AS total_weight
    FROM weighed WINDOW w AS (PARTITION BY shop_id, order_id)"""

# Each ad row's spend shared over the lines of `{lines}` it advertised; the rows no line could carry, on their own.
_ADS = """
    WITH ads AS (
        SELECT a.stat_id, coalesce(sh.platform, split_part(a.shop_id, ':', 1)) AS platform,
               a.sku, a.spend, a.currency, a.period_start, a.period_end
        FROM ad_stats a LEFT JOIN shops sh ON sh.shop_id = a.shop_id WHERE a.spend <> 0),
    reached AS (
        SELECT a.stat_id, a.spend, a.sku IS NULL AS spread, l.shop_id, l.order_id, l.line_no, l.sku,
               CAST(abs(l.revenue) * 100 AS HUGEINT) AS cents
        FROM ads a JOIN {lines} l
          ON l.currency = a.currency AND l.day BETWEEN a.period_start AND a.period_end
         AND (a.platform = 'other' OR l.platform = a.platform) AND (a.sku IS NULL OR l.sku = a.sku)),
    weighed AS (
        SELECT *, CASE WHEN sum(cents) OVER w = 0 THEN 1 ELSE cents END AS weight
        FROM reached WINDOW w AS (PARTITION BY stat_id)),
    ranged AS (
        SELECT *, sum(weight) OVER (w ORDER BY shop_id, order_id, line_no, sku ROWS UNBOUNDED PRECEDING) AS upto,
               sum(weight) OVER w AS total_weight
        FROM weighed WINDOW w AS (PARTITION BY stat_id))
    SELECT shop_id, order_id, line_no, sku, NULL::VARCHAR AS platform, NULL::DATE AS day, NULL::VARCHAR AS currency,
           sum(sk_alloc(spend, upto, weight, total_weight)) AS ads, bool_or(spread) AS spread
    FROM ranged GROUP BY shop_id, order_id, line_no, sku
    UNION ALL
    SELECT NULL, NULL, NULL, a.sku, a.platform, a.period_start, a.currency, a.spend, a.sku IS NULL
    FROM ads a WHERE NOT EXISTS (SELECT 1 FROM reached r WHERE r.stat_id = a.stat_id)"""

# Fees no sold order carries: movements naming no order (subscriptions, listing fees, labels bought on their own)
# or an order that is not sold (the fees a cancelled or refunded order still cost). They cost their month and
# platform, in the platform's own time zone. An order the shop does not hold is left out: its sale is not known
# either (services/payouts.py lists it). Ad movements stay out: ad_stats is where ad spend is counted.
_UNCARRIED_FEES = """
    SELECT CASE WHEN o.order_id IS NOT NULL THEN m.shop_id END AS shop_id, o.order_id,
           coalesce(sh.platform, split_part(m.shop_id, ':', 1)) AS platform,
           CAST(timezone(coalesce(pl.timezone, 'UTC'), m.occurred_at) AS DATE) AS day, m.currency,
           -coalesce(sum(m.amount) FILTER (WHERE m.kind = 'commission'), 0) AS commission,
           -coalesce(sum(m.amount) FILTER (WHERE m.kind = 'payment_fee'), 0) AS payment_fees,
           -coalesce(sum(m.amount) FILTER (WHERE m.kind = 'shipping_label'), 0) AS shipping_labels,
           -coalesce(sum(m.amount) FILTER (WHERE m.kind = 'other'), 0) AS other_fees
    FROM sk_money_movements() m
    LEFT JOIN orders o ON o.shop_id = m.shop_id AND o.order_id = m.order_id
    LEFT JOIN shops sh ON sh.shop_id = m.shop_id
    LEFT JOIN platforms pl ON pl.code = coalesce(sh.platform, split_part(m.shop_id, ':', 1))
    WHERE m.kind IN ('commission', 'payment_fee', 'shipping_label', 'other')
      AND (coalesce(m.order_id, '') = '' OR (o.order_id IS NOT NULL AND NOT sk_is_sold(o.status)))
    GROUP BY ALL"""

_SHARE = "sk_alloc(o.{n}, l.upto, l.weight, l.total_weight) AS {n}"
_SHARED = ("sales", "shipping", "discounts", "commission", "payment_fees", "shipping_labels", "other_fees", "refunds")

TABLE_MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_profit_orders() AS TABLE {_ORDERS}",
    f"CREATE OR REPLACE TEMP MACRO sk_profit_order_lines() AS TABLE {_LINES.format(orders='sk_profit_orders()')}",
    f"CREATE OR REPLACE TEMP MACRO sk_ad_shares() AS TABLE {_ADS.format(lines='sk_profit_order_lines()')}",
    # The profit facts: one row per line of a sold order (a line naming no SKU: sku NULL; an order without lines:
    # one row, no SKU), one per ad row no sale carried, and one per day and currency of fees no sold order carries.
    # Every view adds these up. Each part is computed once (MATERIALIZED, the parts' SQL inlined): through the
    # macros above the planner would compute the orders three times.
    f"""CREATE OR REPLACE TEMP MACRO sk_profit() AS TABLE
    WITH o AS MATERIALIZED ({_ORDERS}),
    l AS MATERIALIZED ({_LINES.format(orders='o')}),
    ads AS MATERIALIZED ({_ADS.format(lines='l')}),
    costs AS MATERIALIZED (SELECT * FROM sk_line_cogs()),
    shared AS (
        SELECT l.shop_id, l.order_id, l.platform, l.day, l.month, l.currency, l.line_no, l.sku, l.units,
               o.estimated, o.fx_missing, {", ".join(_SHARE.format(n=n) for n in _SHARED)}
        FROM l JOIN o ON o.shop_id = l.shop_id AND o.order_id = l.order_id),
    facts AS (
        SELECT s.*, coalesce(a.ads, 0) AS ads, coalesce(a.spread, FALSE) AS ads_spread,
               -- A line naming no SKU sold goods whose cost no one can know.
               coalesce(c.cogs, 0) AS cogs, coalesce(c.cost_missing, s.sku IS NULL AND s.units <> 0) AS cost_missing
        FROM shared s
        LEFT JOIN ads a ON a.shop_id = s.shop_id AND a.order_id = s.order_id AND a.line_no = s.line_no
                       AND a.sku IS NOT DISTINCT FROM s.sku
        LEFT JOIN costs c ON c.shop_id = s.shop_id AND c.order_id = s.order_id AND c.line_no = s.line_no
                         AND c.sku = s.sku
        UNION ALL
        -- An order whose export gave no lines (a Tmall 订单报表 alone) sold goods of unknown cost.
        SELECT o.shop_id, o.order_id, o.platform, o.day, o.month, o.currency, NULL, NULL, 0, o.estimated,
               o.fx_missing, {", ".join(f"o.{n}" for n in _SHARED)}, 0, FALSE, 0, o.sales <> 0
        FROM o ANTI JOIN (SELECT DISTINCT shop_id, order_id FROM l) w
             ON w.shop_id = o.shop_id AND w.order_id = o.order_id
        UNION ALL
        SELECT NULL, NULL, a.platform, a.day, strftime(a.day, '%Y-%m'), a.currency, NULL, a.sku, 0, FALSE, FALSE,
               {", ".join("0" for _ in _SHARED)}, a.ads, a.spread, 0, FALSE
        FROM ads a WHERE a.order_id IS NULL
        UNION ALL
        SELECT f.shop_id, f.order_id, f.platform, f.day, strftime(f.day, '%Y-%m'), f.currency, NULL, NULL, 0, FALSE,
               FALSE, 0, 0, 0, f.commission, f.payment_fees, f.shipping_labels, f.other_fees, 0, 0, FALSE, 0, FALSE
        FROM ({_UNCARRIED_FEES}) f)
    SELECT *, CAST(sales + shipping - discounts - commission - payment_fees - shipping_labels - other_fees - ads
                   - refunds - cogs AS DECIMAL(18,2)) AS net
    FROM facts""",
)
