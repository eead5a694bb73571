"""The platforms' fee rates the seller sees and edits (Fee rates dialog), each save one undoable change set.

A rate is a row of `fee_rates` (migration 0023, defaults from domain/fee_rates.py);
a row the seller never changed shows as a default. Saving goes through
services/edits.py `edit_cells`, so Edit › Undo and redo treat it like any edit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.edits import edit_cells

_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class StoredRate:
    rate_id: str
    platform: str
    fee_kind: str
    percent: Decimal
    fixed: Decimal
    currency: str
    is_default: bool              # never changed by the seller: Shopkeeper's default


@dataclass(frozen=True)
class RateChange:
    rate_id: str
    percent: object               # as typed, or a Decimal
    fixed: object
    currency: str


def currency_code(text: str) -> str:
    """'usd ' -> 'USD'; refuses what is not three letters (a rate or a cost in 'dollars' converts with nothing)."""
    code = text.strip().upper()
    if not _CURRENCY.match(code):
        raise ChangeRefused(Message("edit.refused.not_a_currency", {"value": text}))
    return code


def fee_rates(db: Database) -> list[StoredRate]:
    rows = db.fetchall("SELECT rate_id, platform, fee_kind, percent, fixed, currency, batch_id IS NULL"
                       " FROM fee_rates ORDER BY platform, fee_kind")
    return [StoredRate(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]


def save_fee_rates(db: Database, changes: Sequence[RateChange], *, who: str) -> CommandResult:
    """Write the rates as one change set; a percent outside 0..100 or a currency not like 'USD' refuses them all."""
    known = {r.rate_id for r in fee_rates(db)}
    edits: list[CellEdit] = []
    for c in changes:
        if c.rate_id not in known:
            raise ChangeRefused(Message("edit.refused.unknown_fee_rate", {"rate": c.rate_id}))
        currency = currency_code(c.currency)
        percent = c.percent.strip() if isinstance(c.percent, str) else c.percent
        try:
            over = Decimal(str(percent)) > 100
        except ArithmeticError:
            over = False  # not a number: edit_cells refuses it in its own words
        if over:
            raise ChangeRefused(Message("edit.refused.percent_over_100", {"value": str(c.percent)}))
        edits += [CellEdit("fee_rate", c.rate_id, "percent", percent), CellEdit("fee_rate", c.rate_id, "fixed", c.fixed),
                  CellEdit("fee_rate", c.rate_id, "currency", currency)]
    return edit_cells(db, edits, who=who, label=Message("change.edit.fee_rates", {"count": len(changes)}))
