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

    entity: str                   # 'variant' (price, cost), 'stock' (on_hand, reorder_point, lead_time_days)
    key: str                      # the row's id (the SKU for variant and stock)
    field: str
    value: object                 # Decimal / int / None; text as typed is accepted too


@dataclass(frozen=True)
class FieldSpec:
    """What an editable field holds, so the window can pick an editor and the core can check values."""

    entity: str
    field: str
    kind: str                     # 'money' (Decimal, 2 places) | 'count' (whole number)
    nullable: bool                # may be cleared (None)
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True)
class UndoRedoState:
    """Labels for Edit › Undo and Edit › Redo; None when there is nothing to undo / redo."""

    undo: Message | None = None
    redo: Message | None = None


class ChangeRefused(KnownError):
    """An edit, undo or redo that was refused, with the shop unchanged.

    `reason` is the code and parameters the window translates; the English
    sentence is what the command line and the logs show.
    """

    title = "Change refused"

    def __init__(self, reason: Message, english: str) -> None:
        super().__init__(english)
        self.reason = reason
