"""The seller's inventory settings: the reorder window, its basis and the dead-stock days.

Kept in the shop (table inventory_settings) like the listing checks' settings,
so the shop file carries them to another computer and to `shopkeeper report
inventory`, and a change is an edit on the same Edit › Undo stack. Until the
seller changes one, domain/reorder.py's default applies (30 days, the recent
window, 90 days).
"""

from __future__ import annotations

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.domain.reorder import (
    BASES,
    DEFAULT_DEAD_STOCK_DAYS,
    MAX_WINDOW_DAYS,
    VELOCITY_DAYS,
    ReorderSettings,
)
from shopkeeper.services.edits import edit_cells

WINDOW_KEY, BASIS_KEY, DEAD_KEY = "reorder_window_days", "reorder_basis", "dead_stock_days"
_DEFAULTS = {WINDOW_KEY: str(VELOCITY_DAYS), BASIS_KEY: "recent", DEAD_KEY: str(DEFAULT_DEAD_STOCK_DAYS)}


def stored_inventory_settings(db: Database) -> dict[str, str]:
    return {str(k): str(v) for k, v in db.fetchall("SELECT key, value FROM inventory_settings")}


def reorder_settings(db: Database) -> ReorderSettings:
    """The settings in force; with the last-year basis, also the local day of the shop's first order."""
    rows = stored_inventory_settings(db)
    history_start = None
    if rows.get(BASIS_KEY) == "last_year":
        history_start = db.scalar("SELECT min(sk_order_day(ordered_at, ordered_tz)) FROM orders")
    return ReorderSettings.from_settings(rows, history_start)


def _days(key: str, value: int) -> str:
    if not 1 <= int(value) <= MAX_WINDOW_DAYS:
        raise ChangeRefused(Message("edit.refused.days_out_of_range", {"value": value, "maximum": MAX_WINDOW_DAYS}))
    return str(int(value))


def save_inventory_settings(db: Database, *, who: str, window_days: int, basis: str,
                            dead_stock_days: int) -> CommandResult:
    """Change the settings as one undoable change set; a value back at its default removes its row."""
    if basis not in BASES:
        raise ChangeRefused(Message("edit.refused.unknown_basis", {"value": basis}))
    wanted = {WINDOW_KEY: _days(WINDOW_KEY, window_days), BASIS_KEY: basis, DEAD_KEY: _days(DEAD_KEY, dead_stock_days)}
    stored = stored_inventory_settings(db)
    edits = []
    for key, value in wanted.items():
        if stored.get(key, _DEFAULTS[key]) == value:
            continue
        edits.append(CellEdit("inventory_setting", key, "value", None if value == _DEFAULTS[key] else value))
    if not edits:
        return CommandResult(Changes())
    return edit_cells(db, edits, who=who, label=Message("change.edit.inventory_settings", {"count": len(edits)}))
