"""What a command (an import, an edit, an undo or redo) hands back to whoever asked for it.

Pure values: the window broadcasts `changes`, shows `message` in the status
bar, and never has to know how the command did its work.
"""

from __future__ import annotations

from dataclasses import dataclass

from shopkeeper.domain.changes import Changes
from shopkeeper.domain.messages import Message


@dataclass(frozen=True)
class CommandResult:
    changes: Changes                  # which areas changed (empty: nothing changed)
    message: Message | None = None    # what happened, to show in the status bar
    change_set_id: int | None = None


@dataclass(frozen=True)
class CellEdit:
    """One field of one row, set to a new value (None clears it, e.g. a set reorder point)."""

    entity: str   # 'variant' (price, cost), 'stock' (on_hand, reorder_point, lead_time_days), ...
    key: str      # the row's id (sku for variant/stock)
    field: str
    value: object
