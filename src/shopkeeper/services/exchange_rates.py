"""The seller's base currency and exchange rates (table currency_settings), each save one undoable change set.

Every converted figure - the charts, members' spend and with it their tiers and points, ABC, the
segments, profit across currencies - reads them through `sk_fx()` (domain/revenue.py). Money in a
currency without a rate is left out of those figures, never guessed, so the window lists every
currency the shop holds money in, with how many orders are in it, and says which wait for a rate.
Saving goes through services/edits.py `edit_cells`, so Edit › Undo treats it like any edit, and
its recompute gives the members their spend, tiers and points at the new rates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.domain.revenue import MAX_RATE, RATE_PLACES
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.fee_rates import currency_code

BASE_KEY = "base_currency"
_RATE_PREFIX = "fx_"

# Every currency the shop holds money in, with its orders: orders, catalogue prices and costs, money
# reports, landed costs and ad spend.
_CURRENCIES = """
    SELECT currency, sum(n)::BIGINT AS orders FROM (
        SELECT currency, count(*) AS n FROM orders GROUP BY currency
        UNION ALL SELECT currency, 0 FROM variants WHERE currency IS NOT NULL
        UNION ALL SELECT currency, 0 FROM sk_money_movements()
        UNION ALL SELECT currency, 0 FROM purchase_lots WHERE currency IS NOT NULL
        UNION ALL SELECT currency, 0 FROM ad_stats)
    WHERE currency IS NOT NULL AND currency <> '' GROUP BY currency"""


@dataclass(frozen=True)
class CurrencyRate:
    currency: str
    rate: Decimal | None   # base units one unit of this currency is worth; None: none set, left out of figures
    orders: int            # the shop's orders in this currency


@dataclass(frozen=True)
class ExchangeRates:
    base: str                         # the currency converted figures are in
    base_is_set: bool                 # False: the orders' usual currency, until the seller picks one
    rates: tuple[CurrencyRate, ...]   # every other currency the shop holds money in, or has a rate for
    base_orders: int = 0              # the shop's orders in the base currency

    @property
    def orders_without_rate(self) -> int:
        return sum(r.orders for r in self.rates if r.rate is None)


def _stored(db: Database) -> dict[str, str]:
    return {str(k): str(v) for k, v in db.fetchall("SELECT key, value FROM currency_settings")}


def exchange_rates(db: Database) -> ExchangeRates:
    # A currency has a rate when every figure reads one for it (sk_fx()); shown as the seller typed it.
    stored = _stored(db)
    fx = db.fetchall("SELECT currency, is_base FROM sk_fx()")
    base = next(str(c) for c, is_base in fx if is_base)
    rated = {str(c): Decimal(stored[_RATE_PREFIX + str(c)].strip()) for c, is_base in fx if not is_base}
    held = {str(c): int(n) for c, n in db.fetchall(_CURRENCIES)}
    rows = tuple(CurrencyRate(c, rated.get(c), held.get(c, 0)) for c in sorted((set(held) | set(rated)) - {base}))
    return ExchangeRates(base, BASE_KEY in stored, rows, held.get(base, 0))


def parse_rate(currency: str, value: object) -> Decimal | None:
    """A rate as typed ('7.1', '7,10', 7.1) -> Decimal; '' or None -> None (no rate); anything else is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().replace(",", ".") if isinstance(value, str) else str(value)
    try:
        rate = Decimal(text)
    except InvalidOperation:
        rate = None
    if rate is None or not rate.is_finite() or rate <= 0 or rate >= MAX_RATE:
        raise ChangeRefused(Message("edit.refused.not_a_rate", {"currency": currency, "value": str(value)}))
    if rate != rate.quantize(Decimal(1).scaleb(-RATE_PLACES)):
        raise ChangeRefused(Message("edit.refused.rate_places", {"currency": currency, "value": str(value),
                                                                 "places": RATE_PLACES}))
    return rate.normalize()


def save_exchange_rates(db: Database, *, who: str, base: str, rates: Mapping[str, object]) -> CommandResult:
    """Set the base currency and the rates (currency -> base units per unit; empty: no rate) as one change set.

    A rate of the base currency itself is ignored (it is 1 by definition); a bad code or rate refuses
    the whole save, changing nothing.
    """
    base = currency_code(base)
    wanted: dict[str, str | None] = {BASE_KEY: base}
    for currency, value in rates.items():
        code = currency_code(currency)
        if code == base:
            continue
        rate = parse_rate(code, value)
        wanted[_RATE_PREFIX + code] = None if rate is None else f"{rate:f}"
    stored = _stored(db)
    edits = [CellEdit("currency_setting", key, "value", value) for key, value in wanted.items()
             if not _same(key, stored.get(key), value)]
    if not edits:
        return CommandResult(Changes())
    return edit_cells(db, edits, who=who, label=Message("change.edit.exchange_rates", {"count": len(edits)}))


def _same(key: str, stored: str | None, wanted: str | None) -> bool:
    """A rate stored as '7.10' is the 7.1 typed again: no edit."""
    if key == BASE_KEY or stored is None or wanted is None:
        return stored == wanted
    try:
        return Decimal(stored.strip()) == Decimal(wanted)
    except InvalidOperation:
        return False
