"""Delist, relist, give a season, mark new: each on a selection of SKUs as one undoable change set.

The states are fields of table sku_status, written through services/edits.py
like a price (before-images in sku_status_prior, old → new in change_log), so
undo, redo and the audit trail work as for any edit. What they mean for the
shop (no reorder suggestion, quantity 0 in stock-update files) is
domain/sku_status.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit, ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.domain.sku_status import season_text
from shopkeeper.services.after_change import Recompute, recompute_after_change
from shopkeeper.services.edits import edit_cells

# action -> (label of one SKU, label of several); spelled out so the message catalogues' test finds each code.
_LABELS = {
    "delisted": ("change.status.delisted.one", "change.status.delisted.many"),
    "relisted": ("change.status.relisted.one", "change.status.relisted.many"),
    "season": ("change.status.season.one", "change.status.season.many"),
    "season_cleared": ("change.status.season_cleared.one", "change.status.season_cleared.many"),
    "new": ("change.status.new.one", "change.status.new.many"),
}


def _label(action: str, skus: Sequence[str], **params: object) -> Message:
    one, many = _LABELS[action]
    if len(skus) == 1:
        return Message(one, {"sku": skus[0], **params})
    return Message(many, {"count": len(skus), **params})


def _distinct(skus: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(skus))


def set_delisted(db: Database, skus: Sequence[str], delisted: bool, *, who: str,
                 recompute: Recompute = recompute_after_change) -> CommandResult:
    """Delist (or relist) every SKU given; SKUs already so are left alone."""
    skus = _distinct(skus)
    edits = [CellEdit("status", sku, "delisted", delisted) for sku in skus]
    label = _label("delisted" if delisted else "relisted", skus)
    return edit_cells(db, edits, who=who, recompute=recompute, label=label)


def set_season(db: Database, skus: Sequence[str], first_month: int | None, last_month: int | None, *,
               who: str, recompute: Recompute = recompute_after_change) -> CommandResult:
    """Give every SKU the season first–last month (both None: no season)."""
    if (first_month is None) != (last_month is None):
        raise ChangeRefused(Message("edit.refused.season_months"))
    skus = _distinct(skus)
    edits = [CellEdit("status", sku, field, month) for sku in skus
             for field, month in (("season_start", first_month), ("season_end", last_month))]
    label = (_label("season_cleared", skus) if first_month is None
             else _label("season", skus, season=season_text(first_month, last_month)))
    return edit_cells(db, edits, who=who, recompute=recompute, label=label)


def mark_new(db: Database, skus: Sequence[str], today: date, *, who: str,
             recompute: Recompute = recompute_after_change) -> CommandResult:
    """Mark every SKU new from today (it shows as new for the shop's new-SKU days)."""
    skus = _distinct(skus)
    edits = [CellEdit("status", sku, "marked_new_on", today) for sku in skus]
    return edit_cells(db, edits, who=who, recompute=recompute, label=_label("new", skus))
