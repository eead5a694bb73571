"""Profit per order, SKU, platform or month, as `report profit` prints it and the Profit chart draws it.

Every figure adds up the facts of `sk_profit()` (domain/profit.py): one row per
SKU line of a sold order, and one per ad row no sale carried. Rows keep their
currency; the chart converts to the base currency with the seller's rates
(sk_fx) and says how many rows it had to leave out for want of a rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.domain.ad_performance import break_even_roas, margin_before_ads
from shopkeeper.domain.profit import COMPONENTS, FEE_COMPONENTS
from shopkeeper.services.sales_report import ALL, ReportScope, scope_sql

GROUPINGS = ("order", "sku", "platform", "month")

# What each grouping's key is, over sk_profit()'s columns.
_KEYS = {"order": "order_id", "sku": "sku", "platform": "platform", "month": "month"}
_NAMES = tuple(name for name, _ in COMPONENTS)


@dataclass(frozen=True)
class ProfitRow:
    key: str | None            # the order id, SKU ('None': ad spend or an order with no SKU), platform or month
    shop_id: str | None        # by order: the order's shop
    currency: str
    units: int
    sales: Decimal
    shipping: Decimal
    discounts: Decimal
    commission: Decimal
    payment_fees: Decimal
    shipping_labels: Decimal
    other_fees: Decimal
    ads: Decimal
    refunds: Decimal
    cogs: Decimal
    net: Decimal
    estimated: bool            # some fee of it is estimated from the rates: no settlement yet
    ads_spread: bool           # some ad spend of it was spread by revenue, not named for it
    cost_missing: bool         # some unit sold had no cost: cogs is too low
    fx_missing: bool           # a movement or fixed fee in another currency had no rate

    @property
    def fees(self) -> Decimal:
        return sum((getattr(self, f) for f in FEE_COMPONENTS), Decimal(0))

    @property
    def takings(self) -> Decimal:
        """What the buyers paid the seller, tax aside: sales + shipping − discounts."""
        return self.sales + self.shipping - self.discounts

    @property
    def margin_pct(self) -> Decimal | None:
        """Net as a share of takings; None when nothing was taken, or when a unit sold had no cost: net then reads
        too high and a margin of 95 % would be one no one earned (the Profit chart leaves it blank too)."""
        if self.takings <= 0 or self.cost_missing:
            return None
        return (self.net * 100 / self.takings).quantize(Decimal("0.1"))

    @property
    def margin_before_ads(self) -> Decimal | None:
        """What is left of each unit taken before ads pay (domain/ad_performance.py, the one definition);
        None when a unit sold had no cost: a break-even from a cost of goods too low would be a guess."""
        return margin_before_ads(self.takings, None if self.cost_missing else self.cogs, self.fees + self.refunds)

    @property
    def break_even_roas(self) -> Decimal | None:
        """The ad-attributed sales per unit of spend at which ads just pay for themselves (issue 13 item 5):
        1 ÷ margin before ads, as the ads figures compute it; None when nothing is left before ads."""
        return break_even_roas(self.margin_before_ads)


def _sums() -> str:
    return ", ".join(f"CAST(coalesce(sum({n}), 0) AS DECIMAL(18,2)) AS {n}" for n in (*_NAMES, "net"))


def profit_rows(db: Database, by: str, scope: ReportScope = ALL) -> list[ProfitRow]:
    """One row per key and currency, largest net first within a key's natural order."""
    if by not in GROUPINGS:
        raise ValueError(f"profit by {by!r}: not one of {GROUPINGS}")
    key = _KEYS[by]
    where, params = scope_sql(scope, "day", "platform")
    shop = "shop_id" if by == "order" else "NULL"
    order = {"order": "min(day), shop_id, key", "sku": "net DESC, key", "platform": "key",
             "month": "key"}[by]
    rows = db.fetchall(
        f"SELECT {key} AS key, {shop} AS shop, currency, coalesce(sum(units), 0)::BIGINT, {_sums()},"
        " bool_or(estimated), bool_or(ads_spread), bool_or(cost_missing), bool_or(fx_missing)"
        f" FROM sk_profit() WHERE {where} GROUP BY ALL ORDER BY {order}, currency", params)
    return [ProfitRow(r[0], r[1], r[2], int(r[3]), *r[4:4 + len(_NAMES) + 1],
                      *(bool(x) for x in r[4 + len(_NAMES) + 1:])) for r in rows]


@dataclass(frozen=True)
class ProfitMonth:
    """One month of every currency with a rate, in the base currency: the Profit chart's bar."""

    month: str
    takings: Decimal
    fees: Decimal
    ads: Decimal
    refunds: Decimal
    cogs: Decimal
    net: Decimal
    estimated: bool
    cost_missing: bool = False  # some goods sold this month have no known cost: net reads too high


@dataclass(frozen=True)
class ProfitByMonth:
    currency: str                 # the base currency
    months: tuple[ProfitMonth, ...]
    left_out: tuple[str, ...]     # currencies with no rate, whose rows are not in the figures
    cost_missing: bool = False    # some unit sold had no cost: cost of goods is too low, net too high


def profit_by_month(db: Database, scope: ReportScope = ALL, currency: str | None = None) -> ProfitByMonth:
    """Each month's figures in the base currency, or only the rows in `currency` as they are when one is given."""
    where, params = scope_sql(scope, "day", "platform")
    target = currency or db.scalar("SELECT currency FROM sk_fx() WHERE is_base")
    fees = " + ".join(FEE_COMPONENTS)
    parts = ("sales + shipping - discounts", fees, "ads", "refunds", "cogs")
    # One pass over the facts: each month and currency, converted (NULL: the currency has no rate).
    rows = db.fetchall(
        "SELECT month, currency, bool_or(estimated), bool_or(cost_missing), "
        + ", ".join(f"sk_convert(sum({p}), currency, ?)" for p in parts)
        + f" FROM sk_profit() WHERE {where} AND (? IS NULL OR currency = ?) GROUP BY month, currency ORDER BY month",
        [target] * len(parts) + params + [currency, currency])
    cent = Decimal("0.01")
    months: dict[str, list[Any]] = {}
    left_out: set[str] = set()
    cost_missing = False
    for month, cur, estimated, uncosted, *figures in rows:
        if figures[0] is None:
            left_out.add(cur)
            continue
        cost_missing = cost_missing or bool(uncosted)
        sums = months.setdefault(month, [Decimal(0)] * len(parts) + [False, False])
        for i, v in enumerate(figures):
            sums[i] += Decimal(v)
        sums[-2] = sums[-2] or bool(estimated)
        sums[-1] = sums[-1] or bool(uncosted)
    out = []
    for m, sums in months.items():
        takings, fee_sum, ads, refunds, cogs = (v.quantize(cent) for v in sums[:-2])
        # Net from the rounded parts, so the bar's parts add up to it to the cent in the converted currency too.
        out.append(ProfitMonth(m, takings, fee_sum, ads, refunds, cogs, takings - fee_sum - ads - refunds - cogs,
                               sums[-2], sums[-1]))
    return ProfitByMonth(target, tuple(out), tuple(sorted(left_out)), cost_missing)


def profit_json(row: ProfitRow, by: str) -> dict[str, Any]:
    """`report profit --json`'s row: the contract keys first, then the parts that make them up."""
    def dec(v: Decimal) -> str:
        return f"{v:.2f}"
    out: dict[str, Any] = {"key": row.key}
    if by == "order":
        out["shop_id"] = row.shop_id
    out.update({
        "currency": row.currency, "sales": dec(row.sales), "fees": dec(row.fees), "ads": dec(row.ads),
        "refunds": dec(row.refunds), "cogs": dec(row.cogs), "net": dec(row.net), "estimated": row.estimated,
        "shipping": dec(row.shipping), "discounts": dec(row.discounts), "commission": dec(row.commission),
        "payment_fees": dec(row.payment_fees), "shipping_labels": dec(row.shipping_labels),
        "other_fees": dec(row.other_fees), "units": row.units,
        "margin_pct": None if row.margin_pct is None else f"{row.margin_pct:.1f}",
        "break_even_roas": None if row.break_even_roas is None else f"{row.break_even_roas:.2f}",
        "ads_spread": row.ads_spread, "cost_missing": row.cost_missing, "fx_missing": row.fx_missing,
    })
    return out
