"""The undo/redo stack and the audit trail, kept in the shop file.

Change sets are rows of `import_batches` (see migration 0003). Their
`stack_rank` is the whole stack: among applied change sets the highest rank is
the one Edit › Undo takes; among undone ones, those still holding a rank are
the redo stack, highest first. Making a new change set clears the redo stack,
as in every editor: redoing after something else changed the same rows would
re-apply values on top of a shop they were never meant for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import params_from_json, params_json
from shopkeeper.domain.messages import Message

EDIT = "edit"
CAMPAIGN = "campaign"  # a campaign plan or own calendar event saved (services/campaigns.py)
LINK = "link"  # the seller's channel links (services/sku_links.py), redone from their own log
MEMBER = "member"  # a merge, split or "not the same" (services/member_identity.py)
POINTS = "points"  # a points adjustment or redemption (services/points_entries.py)
# Change-set kinds that did not come from a file; every other kind is an import's table kind.
NOT_IMPORTS = (EDIT, CAMPAIGN, LINK, MEMBER, POINTS)
IMPORTS_ONLY = "kind NOT IN (" + ", ".join(f"'{k}'" for k in NOT_IMPORTS) + ")"


@dataclass(frozen=True)
class StackEntry:
    change_set_id: int
    kind: str
    label: Message
    file_path: str | None
    member: str | None
    content_hash: str | None
    shop_id: str | None

    @property
    def is_import(self) -> bool:
        return self.kind not in NOT_IMPORTS


_ENTRY_COLS = "batch_id, kind, label_code, label_params, file_path, member, content_hash, shop_id"


def _entry(row: Sequence[Any]) -> StackEntry:
    batch_id, kind, code, params, file_path, member, content_hash, shop_id = row
    return StackEntry(int(batch_id), kind, label_of(code, params), file_path, member, content_hash, shop_id)


def label_of(code: str | None, params: str | None) -> Message:
    return Message(code or "change.import", params_from_json(params))


def _next_rank(db: Database) -> int:
    return int(db.scalar("SELECT coalesce(max(stack_rank), 0) + 1 FROM import_batches"))


def clear_redo(db: Database) -> None:
    db.execute("UPDATE import_batches SET stack_rank = NULL WHERE undone_at IS NOT NULL AND stack_rank IS NOT NULL")


def push_applied(db: Database, change_set_id: int) -> None:
    """Put a change set just made (or redone) on top of the undo stack."""
    db.execute("UPDATE import_batches SET stack_rank = ?, undone_at = NULL WHERE batch_id = ?",
               [_next_rank(db), change_set_id])


def push_redo(db: Database, change_set_id: int) -> None:
    """Put a change set just undone on top of the redo stack."""
    db.execute("UPDATE import_batches SET stack_rank = ? WHERE batch_id = ?", [_next_rank(db), change_set_id])


def drop_from_stack(db: Database, change_set_id: int) -> None:
    db.execute("UPDATE import_batches SET stack_rank = NULL WHERE batch_id = ?", [change_set_id])


def redo_stack(db: Database) -> list[int]:
    """Undone change sets that can be redone, top of the stack first."""
    rows = db.fetchall("SELECT batch_id FROM import_batches WHERE undone_at IS NOT NULL AND stack_rank IS NOT NULL"
                       " ORDER BY stack_rank DESC")
    return [int(r[0]) for r in rows]


def restore_redo_stack(db: Database, ids_top_first: Sequence[int]) -> None:
    """Give these undone change sets back their places on the redo stack, in this order."""
    for change_set_id in reversed(ids_top_first):
        push_redo(db, change_set_id)


def top_to_undo(db: Database) -> StackEntry | None:
    row = db.fetchone(f"SELECT {_ENTRY_COLS} FROM import_batches WHERE undone_at IS NULL"
                      " ORDER BY stack_rank DESC NULLS LAST, batch_id DESC LIMIT 1")
    return _entry(row) if row else None


def top_to_redo(db: Database) -> StackEntry | None:
    row = db.fetchone(f"SELECT {_ENTRY_COLS} FROM import_batches WHERE undone_at IS NOT NULL"
                      " AND stack_rank IS NOT NULL ORDER BY stack_rank DESC LIMIT 1")
    return _entry(row) if row else None


def entry(db: Database, change_set_id: int) -> StackEntry | None:
    row = db.fetchone(f"SELECT {_ENTRY_COLS} FROM import_batches WHERE batch_id = ?", [change_set_id])
    return _entry(row) if row else None


def new_change_set(db: Database, *, kind: str, who: str | None, label: Message) -> int:
    """Open a change set that is not an import (an edit); the caller holds the transaction."""
    change_set_id = int(db.scalar("SELECT nextval('import_batch_seq')"))
    clear_redo(db)
    db.execute(
        "INSERT INTO import_batches (batch_id, kind, who, label_code, label_params, stack_rank, imported_at)"
        " VALUES (?, ?, ?, ?, ?, ?, now())",
        [change_set_id, kind, who, label.code, params_json(label.params), _next_rank(db)],
    )
    record_event(db, change_set_id, "do", who)
    return change_set_id


def record_event(db: Database, change_set_id: int, action: str, who: str | None) -> None:
    db.execute("INSERT INTO change_events (change_set_id, action, who, happened_at) VALUES (?, ?, ?, now())",
               [change_set_id, action, who])


@dataclass(frozen=True)
class LoggedChange:
    entity: str
    key: str
    field: str
    old_value: str | None
    new_value: str | None


def log_changes(db: Database, change_set_id: int, changes: Sequence[LoggedChange]) -> None:
    # A handful of rows per edit: a VALUES list keeps it one statement.
    if not changes:
        return
    values = ", ".join("(?, ?, ?, ?, ?, ?, ?)" for _ in changes)
    params: list[object] = []
    for position, c in enumerate(changes, start=1):
        params += [change_set_id, position, c.entity, c.key, c.field, c.old_value, c.new_value]
    db.execute(f"INSERT INTO change_log (change_set_id, position, entity, key, field, old_value, new_value)"
               f" VALUES {values}", params)


def logged_changes(db: Database, change_set_id: int) -> list[LoggedChange]:
    rows = db.fetchall("SELECT entity, key, field, old_value, new_value FROM change_log WHERE change_set_id = ?"
                       " ORDER BY position", [change_set_id])
    return [LoggedChange(*r) for r in rows]
