"""The redo of an undone import: the same table of the same file, imported again."""

from __future__ import annotations

from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.merge import fixed_shop_schema
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.domain.messages import Message
from shopkeeper.importers.pipeline import Refused, TableResult, import_table
from shopkeeper.importers.reading import RefusedFile, check_input_file, file_sha256, open_tables
from shopkeeper.services.after_change import recompute_after_change


def reimport_table(db: Database, path: Path, *, member: str | None, content_hash: str, shop_id: str | None,
                   workdir: Path) -> TableResult:
    """Import one table of a file again exactly as before (the redo of an undone import).

    Refused whole (ChangeRefused, shop unchanged) unless the file is still at
    `path` with the same bytes: anything else would redo something other than
    what was undone.
    """
    name = path.name
    moved = ChangeRefused(Message("change.redo.file_missing", {"file": name, "path": str(path)}))
    try:
        check_input_file(path)
        same = file_sha256(path) == content_hash
    except (RefusedFile, OSError):
        raise moved from None
    if not same:
        raise ChangeRefused(Message("change.redo.file_changed", {"file": name, "path": str(path)}))
    try:
        table = next((t for t in open_tables(path, workdir) if t.member == member), None)
        if table is None:
            raise moved
        shop_name = shop_id.split(":", 1)[1] if shop_id and ":" in shop_id else None
        with fixed_shop_schema(db):
            result = import_table(db, table, content_hash=content_hash, workdir=workdir, shop_name=shop_name,
                                  derive=recompute_after_change)
    except (Refused, RefusedFile) as refused:
        raise ChangeRefused(Message("change.redo.refused", {"file": name, "reason": refused.reason})) from None
    if result.already is not None or result.batch_id is None:
        raise ChangeRefused(Message("change.redo.already", {"file": name}))
    return result
