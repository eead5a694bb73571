"""Purchase lots: the landed cost per batch of goods received, which FIFO cost of goods reads (domain/landed_cost.py).

A lot is one SKU received on one day; entering it again on that day changes it,
and clearing its quantity (None) takes it out of the costing. Each save is one
undoable change set through services/edits.py `edit_cells`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.fee_rates import currency_code


@dataclass(frozen=True)
class PurchaseLot:
    sku: str
    received_on: date
    quantity: int | None
    unit_cost: Decimal | None
    currency: str | None


def lot_key(sku: str, received_on: date) -> str:
    return f"{sku}|{received_on.isoformat()}"


def purchase_lots(db: Database, sku: str | None = None) -> list[PurchaseLot]:
    rows = db.fetchall("SELECT sku, received_on, quantity, unit_cost, currency FROM purchase_lots"
                       " WHERE ? IS NULL OR sku = ? ORDER BY sku, received_on", [sku, sku])
    return [PurchaseLot(*r) for r in rows]


def save_lot(db: Database, lot: PurchaseLot, *, who: str) -> CommandResult:
    """Enter or change one lot (quantity None: remove it from costing); refuses an unknown SKU or currency."""
    currency = None if lot.currency is None else currency_code(lot.currency)
    key = lot_key(lot.sku, lot.received_on)
    edits = [CellEdit("purchase_lot", key, "quantity", lot.quantity),
             CellEdit("purchase_lot", key, "unit_cost", lot.unit_cost),
             CellEdit("purchase_lot", key, "currency", currency)]
    return edit_cells(db, edits, who=who, label=Message(
        "change.edit.purchase_lot", {"sku": lot.sku, "day": lot.received_on.isoformat()}))
