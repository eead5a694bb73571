"""Import batches: the history the seller sees, and undo.

Undo is exact because every row an import wrote carries its `batch_id`, and
every row it overwrote or removed sits in `<table>_prior` tagged with it.
An import can be undone while no other still-active change set (a later
import, an edit) has changed the same rows; otherwise the seller is told which
to undo first. Edits are batches too (db/change_stack.py) and undo the same
way; the import history lists imports only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shopkeeper.db.change_stack import IMPORTS_ONLY, clear_redo, entry, record_event
from shopkeeper.db.database import Database
from shopkeeper.db.merge import APPEND_ONLY, KEYS, table_columns
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message


@dataclass(frozen=True)
class BatchInfo:
    batch_id: int
    file_name: str
    member: str | None
    content_hash: str
    platform: str
    kind: str
    shop_id: str | None
    rows_read: int
    rows_added: int
    rows_updated: int
    rows_rejected: int
    imported_at: datetime
    undone_at: datetime | None
    tables: int = 1  # tables of its file it imported together (import_batch_members); `member` is the first


_BATCH_COLS = (
    "batch_id, file_name, member, content_hash, platform, kind, shop_id, rows_read, "
    "rows_added, rows_updated, rows_rejected, imported_at, undone_at"
)


def new_batch(
    db: Database,
    *,
    file_name: str,
    content_hash: str,
    platform: str,
    kind: str,
    file_path: str | None = None,
    member: str | None = None,
    shop_id: str | None = None,
    who: str | None = None,
) -> int:
    batch_id = int(db.scalar("SELECT nextval('import_batch_seq')"))
    clear_redo(db)
    db.execute(
        "INSERT INTO import_batches (batch_id, file_name, file_path, member, content_hash, platform, kind,"
        " shop_id, who, label_code, label_params, stack_rank, imported_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'change.import', json_object('file', ?::VARCHAR)::VARCHAR,"
        " (SELECT coalesce(max(stack_rank), 0) + 1 FROM import_batches), now())",
        [batch_id, file_name, file_path, member, content_hash, platform, kind, shop_id, who, file_name],
    )
    record_event(db, batch_id, "do", who)
    return batch_id


def finish_batch(db: Database, batch_id: int, *, read: int, added: int, updated: int, rejected: int) -> None:
    db.execute(
        "UPDATE import_batches SET rows_read = ?, rows_added = ?, rows_updated = ?, rows_rejected = ?"
        " WHERE batch_id = ?",
        [read, added, updated, rejected, batch_id],
    )


# Each table a batch imported, with its own counts: the batch's own member, or each of the tables it imported
# together (import_batch_members); a member listed there is that table, not the batch's first.
_BY_TABLE = (
    "SELECT b.batch_id, b.file_name, coalesce(m.member, b.member) AS member, b.content_hash, b.platform, b.kind,"
    " b.shop_id, coalesce(m.rows_read, b.rows_read) AS rows_read, coalesce(m.rows_added, b.rows_added) AS rows_added,"
    " coalesce(m.rows_updated, b.rows_updated) AS rows_updated, CASE WHEN m.batch_id IS NULL THEN b.rows_rejected"
    " ELSE 0 END AS rows_rejected, b.imported_at, b.undone_at"
    " FROM import_batches b LEFT JOIN import_batch_members m USING (batch_id)"
    " WHERE b.content_hash = ? AND b.undone_at IS NULL"
)


def find_active_by_hash(db: Database, content_hash: str, member: str | None) -> BatchInfo | None:
    row = db.fetchone(
        f"SELECT * FROM ({_BY_TABLE}) WHERE member IS NOT DISTINCT FROM ? ORDER BY batch_id DESC LIMIT 1",
        [content_hash, member],
    )
    return BatchInfo(*row) if row else None


def active_by_member(db: Database, content_hash: str) -> dict[str | None, BatchInfo]:
    """`find_active_by_hash` for every member of one file at once (a zip of hundreds of small tables)."""
    rows = db.fetchall(f"{_BY_TABLE} ORDER BY batch_id", [content_hash])
    return {info.member: info for info in (BatchInfo(*r) for r in rows)}  # the latest batch per member wins


def add_batch_members(db: Database, batch_id: int, counts: list[tuple[str, int, int, int]]) -> None:
    """Record the tables a batch imported together: (member, rows read, added, updated) each."""
    db.execute("INSERT INTO import_batch_members (batch_id, member, rows_read, rows_added, rows_updated)"
               " SELECT ?, unnest(?::VARCHAR[]), unnest(?::BIGINT[]), unnest(?::BIGINT[]), unnest(?::BIGINT[])",
               [batch_id, *([c[i] for c in counts] for i in range(4))])


def list_batches(db: Database, *, include_undone: bool = True) -> list[BatchInfo]:
    """Imports only, newest first (edits are change sets too, but not imports)."""
    where = IMPORTS_ONLY if include_undone else f"{IMPORTS_ONLY} AND undone_at IS NULL"
    rows = db.fetchall(f"SELECT {_BATCH_COLS}, greatest((SELECT count(*) FROM import_batch_members m"
                       f" WHERE m.batch_id = import_batches.batch_id), 1) FROM import_batches WHERE {where}"
                       " ORDER BY batch_id DESC")
    return [BatchInfo(*r) for r in rows]


def get_batch(db: Database, batch_id: int) -> BatchInfo:
    row = db.fetchone(f"SELECT {_BATCH_COLS} FROM import_batches WHERE batch_id = ?", [batch_id])
    if row is None:
        raise KnownError(Message("import.undo.no_such_import", {"batch": batch_id}))
    return BatchInfo(*row)


def blocking_batches(db: Database, batch_id: int) -> list[int]:
    """Other active change sets that changed rows this one wrote.

    Not only later ids: a redone edit keeps its id but is applied after
    whatever was imported in between, and may have changed that import's rows.
    """
    later: set[int] = set()
    for table in KEYS:
        rows = db.fetchall(
            f'SELECT DISTINCT p.undo_batch_id FROM "{table}_prior" p JOIN import_batches b'
            " ON b.batch_id = p.undo_batch_id WHERE p.batch_id = ? AND p.undo_batch_id <> ?"
            " AND b.undone_at IS NULL",
            [batch_id, batch_id],
        )
        later.update(int(r[0]) for r in rows)
    return sorted(later)


def touched_tables(db: Database, batch_id: int) -> frozenset[str]:
    """The shop tables that undoing (or having made) this change set changes."""
    touched = set()
    for table in (*KEYS, *APPEND_ONLY):
        if table in ("import_rejects", "row_freshness"):
            continue
        wrote = db.scalar(f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE batch_id = ?)', [batch_id])
        displaced = table in KEYS and db.scalar(
            f'SELECT EXISTS (SELECT 1 FROM "{table}_prior" WHERE undo_batch_id = ?)', [batch_id])
        if wrote or displaced:
            touched.add(table)
    return frozenset(touched)


def undo_batch(db: Database, batch_id: int) -> None:
    """Restore the shop to exactly how it was before `batch_id`; caller holds the transaction."""
    info = get_batch(db, batch_id)
    if info.undone_at is not None:
        raise ChangeRefused(Message("change.undo.already", {"change": described(db, batch_id)}))
    blockers = blocking_batches(db, batch_id)
    if blockers:
        raise ChangeRefused(Message("change.undo.blocked", {
            "change": described(db, batch_id), "blockers": [described(db, b) for b in blockers]}))
    for table in KEYS:
        cols = ", ".join(f'"{c}"' for c in table_columns(db, table))
        db.execute(f'DELETE FROM "{table}" WHERE batch_id = ?', [batch_id])
        db.execute(
            f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM "{table}_prior" WHERE undo_batch_id = ?',
            [batch_id],
        )
        db.execute(f'DELETE FROM "{table}_prior" WHERE undo_batch_id = ?', [batch_id])
    for table in APPEND_ONLY:
        if table != "import_rejects":
            db.execute(f'DELETE FROM "{table}" WHERE batch_id = ?', [batch_id])
    _forget_created_shop(db, batch_id)
    db.execute("UPDATE import_batches SET undone_at = now() WHERE batch_id = ?", [batch_id])


def described(db: Database, batch_id: int) -> Message:
    """A change set as the seller knows it: its number and its label ('#3 import of "orders.csv"')."""
    found = entry(db, batch_id)
    if found is None:
        label = Message("change.import", {"file": get_batch(db, batch_id).file_name})
    else:
        label = found.label
    return Message("change.numbered", {"number": batch_id, "change": label})


def created_shop_key(batch_id: int) -> str:
    """The shop_settings key an import writes when it had to create its shop."""
    return f"import.created_shop.{batch_id}"


def _forget_created_shop(db: Database, batch_id: int) -> None:
    # `shops` has no batch_id column, so the import that created a shop says so in
    # shop_settings; undoing it removes the shop unless a still-active import uses it,
    # which then inherits the note.
    key = created_shop_key(batch_id)
    shop_id = db.scalar("SELECT value FROM shop_settings WHERE key = ?", [key])
    if shop_id is None:
        return
    db.execute("DELETE FROM shop_settings WHERE key = ?", [key])
    heir = db.scalar(
        "SELECT min(batch_id) FROM import_batches WHERE shop_id = ? AND batch_id <> ? AND undone_at IS NULL",
        [shop_id, batch_id],
    )
    if heir is not None:
        db.execute("INSERT INTO shop_settings (key, value) VALUES (?, ?)", [created_shop_key(int(heir)), shop_id])
    else:
        db.execute("DELETE FROM shops WHERE shop_id = ?", [shop_id])
