"""What a command (an import, an edit, an undo or redo) hands back, and what an edit is.

The window runs commands on its database worker and gets a `CommandResult`:
the areas to refresh, the line for the status bar, and the change set it made
or moved (so Edit › Undo can be relabelled).
"""

from __future__ import annotations

from dataclasses import dataclass

from shopkeeper.domain.changes import Changes
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message


@dataclass(frozen=True)
class CommandResult:
    changes: Changes              # which areas changed (empty: nothing changed)
    message: Message | None = None  # what happened, to show in the status bar
    change_set_id: int | None = None


@dataclass(frozen=True)
class CellEdit:
    """One field of one row, set to a new value (None clears it, e.g. a set reorder point)."""

    entity: str                   # 'variant' (price, cost), 'stock' (on_hand, reorder_point, lead_time_days, ...),
                                  # 'channel' (share_pct, max_listed, buffer: a platform shop's stock rule),
                                  # 'listing_setting' (value), 'status' (delisted, season_start, season_end,
                                  # marked_new_on: whether the SKU is for sale)
    key: str                      # the row's id (the SKU for variant and stock, the shop id for channel)
    field: str
    value: object                 # Decimal / int / None; text as typed is accepted too


@dataclass(frozen=True)
class FieldSpec:
    """What an editable field holds, so the window can pick an editor and the core can check values."""

    entity: str
    field: str
    kind: str                     # 'money' (Decimal, 2 places) | 'count' (whole number) | 'text' (as given)
                                  # | 'flag' (bool) | 'date'
    nullable: bool                # may be cleared (None)
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True)
class UndoRedoState:
    """Labels for Edit › Undo and Edit › Redo; None when there is nothing to undo / redo."""

    undo: Message | None = None
    redo: Message | None = None


class ChangeRefused(KnownError):
    """An edit, undo or redo that was refused, with the shop unchanged."""

    title = Message("title.change_refused")

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason


# Spelled out so every code is a literal the message catalogues' completeness test can find.
_FIELD_NAMES = {
    "price": "field.price",
    "cost": "field.cost",
    "on_hand": "field.on_hand",
    "reorder_point": "field.reorder_point",
    "lead_time_days": "field.lead_time_days",
    "share_pct": "field.share_pct",
    "max_listed": "field.max_listed",
    "buffer": "field.buffer",
    "safety_stock": "field.safety_stock",
    "pack_size": "field.pack_size",
    "min_order": "field.min_order",
    "target_cover_days": "field.target_cover_days",
    "delisted": "field.delisted",
    "season_start": "field.season_start",
    "season_end": "field.season_end",
    "marked_new_on": "field.marked_new_on",
    "parts": "field.bundle_parts",  # a bundle's composition (services/bundles.py)
    # A fee rate and a purchase lot (services/fee_rates.py, services/landed_costs.py).
    "percent": "field.fee_percent",
    "fixed": "field.fee_fixed",
    "currency": "field.currency",
    "quantity": "field.lot_quantity",
    "unit_cost": "field.unit_cost",
}
EDIT_LABELS = {
    "price": "change.edit.price",
    "cost": "change.edit.cost",
    "on_hand": "change.edit.on_hand",
    "reorder_point": "change.edit.reorder_point",
    "lead_time_days": "change.edit.lead_time_days",
    "share_pct": "change.edit.share_pct",
    "max_listed": "change.edit.max_listed",
    "buffer": "change.edit.buffer",
    "safety_stock": "change.edit.safety_stock",
    "pack_size": "change.edit.pack_size",
    "min_order": "change.edit.min_order",
    "target_cover_days": "change.edit.target_cover_days",
    "delisted": "change.edit.delisted",
    "season_start": "change.edit.season_start",
    "season_end": "change.edit.season_end",
    "marked_new_on": "change.edit.marked_new_on",
}


def field_label(field: str) -> Message:
    """An editable field's name, as the window and the command line word it ('cost', '成本')."""
    code = _FIELD_NAMES.get(field)
    return Message(code) if code else Message("field.other", {"name": field})
