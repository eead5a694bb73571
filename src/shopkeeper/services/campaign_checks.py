"""Checks before a campaign starts, per SKU in scope and summed up per campaign, and the settings they use.

The figures are the rule's (domain/campaign_checks.py, `sk_campaign_checks()`):
margin at the campaign (or stacked) price after cost and the platform's fees,
stock cover at the expected event sales, and the lowest price of the last 30
days that the platforms' 最低价 rules measure a discount against. A campaign
that has ended is not checked: it is reviewed (services/campaign_review.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from shopkeeper.db.database import Database
from shopkeeper.domain.campaign_checks import (
    BELOW_COST,
    BELOW_MIN,
    DEFAULT_MIN_MARGIN_PCT,
    FEE_KEY_PREFIX,
    MIN_MARGIN_KEY,
)
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.edits import edit_cells


@dataclass(frozen=True)
class SkuCheck:
    sku: str
    price: Decimal | None
    cost: Decimal | None
    fee_pct: Decimal | None
    margin_pct: Decimal | None
    margin_verdict: str | None  # below_cost, below_min, ok; None: no cost or price
    on_hand: int | None  # None: never counted, nothing to check the stock against
    expected: int
    before_start: int
    short: int | None
    order_by: date
    from_last_year: bool
    lowest_30d: Decimal | None

    @property
    def above_lowest(self) -> bool:
        """Not below the lowest price of the last 30 days: a platform may not count it as a discount."""
        return self.price is not None and self.lowest_30d is not None and self.price >= self.lowest_30d


@dataclass(frozen=True)
class CampaignCheck:
    promotion_id: int
    min_margin_pct: Decimal | None  # the worst margin of its SKUs
    margin_verdict: str | None
    stock_ok: bool | None  # None: nothing to check, or a SKU's stock never counted (and none short)
    short_units: int
    warnings: tuple[Message, ...] = field(default=())


_CHECKS_SQL = """SELECT promotion_id, sku, price, cost, fee_pct, margin_tenths, margin_verdict, on_hand, expected,
       before_start, short, order_by, from_last_year, lowest_30d, fees_unknown
FROM sk_campaign_checks(?::DATE)"""


def _sku_check(r: tuple[object, ...]) -> SkuCheck:
    (_pid, sku, price, cost, fee, tenths, verdict, on_hand, expected, before, short, by, last_year, lowest,
     _unknown) = r
    return SkuCheck(str(sku), price, cost, fee, None if tenths is None else Decimal(int(tenths)) / 10,  # type: ignore[arg-type, call-overload]
                    verdict, None if on_hand is None else int(on_hand), int(expected), int(before),  # type: ignore[arg-type, call-overload]
                    None if short is None else int(short), by, bool(last_year), lowest)  # type: ignore[call-overload, arg-type]


def sku_checks(db: Database, promotion_id: int, today: date) -> list[SkuCheck]:
    """Every SKU of the campaign, the worst first (below cost, then lowest margin, then the biggest shortfall)."""
    rows = db.fetchall(_CHECKS_SQL + " WHERE promotion_id = ? ORDER BY margin_tenths NULLS LAST, short DESC NULLS LAST, sku",
                       [today, promotion_id])
    return [_sku_check(r) for r in rows]


def _fees_unknown(db: Database) -> dict[int, list[str]]:
    return {int(pid): list(platforms) for pid, platforms in db.fetchall(f"""
        WITH p AS (SELECT pr.promotion_id, s.platform FROM promotions pr JOIN shops s
                   ON NOT EXISTS (SELECT 1 FROM promotion_shops x WHERE x.promotion_id = pr.promotion_id)
                   OR s.shop_id IN (SELECT shop_id FROM promotion_shops x WHERE x.promotion_id = pr.promotion_id))
        SELECT promotion_id, list(DISTINCT platform ORDER BY platform) FROM p
        WHERE NOT EXISTS (SELECT 1 FROM promotion_settings WHERE key = '{FEE_KEY_PREFIX}' || p.platform)
        GROUP BY promotion_id""")}


def campaign_checks(db: Database, today: date) -> dict[int, CampaignCheck]:
    """The checks of every campaign not yet over, by promotion id."""
    by_campaign: dict[int, list[SkuCheck]] = {}
    for r in db.fetchall(_CHECKS_SQL + " WHERE promotion_id IN (SELECT promotion_id FROM promotions"
                         " WHERE ends_on >= ?) ORDER BY promotion_id, sku", [today, today]):
        by_campaign.setdefault(int(r[0]), []).append(_sku_check(r))
    unknown_fees = _fees_unknown(db)
    min_margin = check_settings(db)[0]
    return {pid: _summary(pid, checks, unknown_fees.get(pid, []), min_margin, today)
            for pid, checks in by_campaign.items()}


def _summary(pid: int, checks: list[SkuCheck], unknown_fees: list[str], min_margin: Decimal,
             today: date) -> CampaignCheck:
    warnings: list[Message] = []
    margins = [c for c in checks if c.margin_pct is not None]
    worst = min(margins, key=lambda c: (c.margin_pct, c.sku)) if margins else None
    verdict = None if worst is None else worst.margin_verdict
    below_cost = [c for c in checks if c.margin_verdict == BELOW_COST]
    below_min = [c for c in checks if c.margin_verdict == BELOW_MIN]
    if below_cost:
        c = min(below_cost, key=lambda c: (c.margin_pct, c.sku))
        warnings.append(Message("campaign.warning.below_cost", {
            "count": len(below_cost), "sku": c.sku, "price": _money(c.price), "cost": _money(c.cost)}))
    if below_min:
        c = min(below_min, key=lambda c: (c.margin_pct, c.sku))
        warnings.append(Message("campaign.warning.below_min", {
            "count": len(below_min), "min": f"{min_margin:f}", "sku": c.sku, "margin": f"{c.margin_pct:.1f}"}))
    no_cost = sum(1 for c in checks if c.cost is None)
    if no_cost:
        warnings.append(Message("campaign.warning.no_cost", {"count": no_cost}))
    if unknown_fees:
        warnings.append(Message("campaign.warning.fees_unknown", {"platforms": ", ".join(unknown_fees)}))
    short = [c for c in checks if c.short]
    uncounted = [c for c in checks if c.on_hand is None]
    if short:
        c = min(short, key=lambda c: (c.order_by, -(c.short or 0), c.sku))
        code = "campaign.warning.order_late" if c.order_by < today else "campaign.warning.stock_out"
        warnings.append(Message(code, {"count": len(short), "sku": c.sku, "qty": c.short,
                                       "expected": c.expected + c.before_start, "on_hand": max(c.on_hand or 0, 0),
                                       "by": c.order_by.isoformat()}))
    if uncounted:
        c = min(uncounted, key=lambda c: c.sku)
        warnings.append(Message("campaign.warning.stock_unknown", {"count": len(uncounted), "sku": c.sku}))
    above = [c for c in checks if c.above_lowest]
    if above:
        c = min(above, key=lambda c: c.sku)
        warnings.append(Message("campaign.warning.lowest_price", {
            "count": len(above), "sku": c.sku, "price": _money(c.price), "lowest": _money(c.lowest_30d)}))
    # Stock "lasts" only when every SKU's stock is known; one short is short whatever the others.
    stock_ok = False if short else None if not checks or uncounted else True
    return CampaignCheck(pid, None if worst is None else worst.margin_pct, verdict,
                         stock_ok, sum(c.short or 0 for c in short), tuple(warnings))


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


# -- settings ---------------------------------------------------------------------------------------------


def check_settings(db: Database) -> tuple[Decimal, dict[str, Decimal]]:
    """(the minimum margin %, the fee % of each platform the seller set); a bad stored value: the default."""
    rows = dict(db.fetchall("SELECT key, value FROM promotion_settings"))
    min_margin = _pct(rows.get(MIN_MARGIN_KEY)) or DEFAULT_MIN_MARGIN_PCT
    fees = {k[len(FEE_KEY_PREFIX):]: v for k, text in rows.items() if k.startswith(FEE_KEY_PREFIX)
            and (v := _pct(text)) is not None}
    return min_margin, fees


def _pct(text: object) -> Decimal | None:
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and 0 <= value < 100 else None


def _checked_pct(value: Decimal | None, what: str) -> str | None:
    if value is None:
        return None
    if not (value.is_finite() and 0 <= value < 100 and value == value.quantize(Decimal("0.1"))):
        raise ChangeRefused(Message("campaign.refused.amount", {"field": Message(what), "value": str(value)}))
    return f"{value.quantize(Decimal('0.1')):f}"


def save_check_settings(db: Database, *, who: str, min_margin_pct: Decimal,
                        fees: dict[str, Decimal | None]) -> CommandResult:
    """Save the minimum margin and the platforms' fees (None: unknown) as one undoable change set."""
    known = {r[0] for r in db.fetchall("SELECT code FROM platforms")}
    for platform in fees:
        if platform not in known:
            raise ChangeRefused(Message("campaign.refused.platform", {"platform": platform}))
    margin = _checked_pct(min_margin_pct, "campaign.field.min_margin")
    edits = [CellEdit("promotion_setting", MIN_MARGIN_KEY,
                      "value", None if Decimal(str(margin)) == DEFAULT_MIN_MARGIN_PCT else margin)]
    edits += [CellEdit("promotion_setting", FEE_KEY_PREFIX + p, "value", _checked_pct(v, "campaign.field.fee"))
              for p, v in sorted(fees.items())]
    # Nothing stored is derived from these: no recompute.
    return edit_cells(db, edits, who=who, label=Message("change.campaign.check_settings"),
                      recompute=lambda _db: Changes())
