"""Edit › Undo and Edit › Redo over every change set: imports and edits alike.

Undo takes the newest applied change set and restores the shop exactly as it
was before it (db/batches.undo_batch, the same path for both). Redo puts back
the newest undone one, as long as nothing was changed since: an edit's logged
values are written again; an import's file is imported again when it is still
where it was with the same bytes, otherwise the redo is refused whole. Each
undo and redo is recorded (who, when) in `change_events`, and the stack lives
in the shop file, so it survives a restart.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from shopkeeper.db.batches import touched_tables, undo_batch
from shopkeeper.db.change_stack import (
    CAMPAIGN,
    LINK,
    MEMBER,
    POINTS,
    StackEntry,
    clear_redo,
    drop_from_stack,
    entry,
    push_applied,
    push_redo,
    record_event,
    redo_stack,
    restore_redo_stack,
    top_to_redo,
    top_to_undo,
)
from shopkeeper.db.database import Database
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import ChangeRefused, CommandResult, UndoRedoState
from shopkeeper.domain.messages import Message
from shopkeeper.services import member_identity, points_entries, product_tags
from shopkeeper.services.after_change import Recompute, recompute_after_change
from shopkeeper.services.bundles import is_composition_change, reapply_composition
from shopkeeper.services.campaigns import reapply_campaign_change
from shopkeeper.services.edits import reapply
from shopkeeper.services.refund_tags import is_tag_change, reapply_tags
from shopkeeper.services.sku_links import reapply_links


def undo_redo_state(db: Database) -> UndoRedoState:
    """The labels Edit › Undo and Edit › Redo show now (None: nothing to undo / redo)."""
    top_undo, top_redo = top_to_undo(db), top_to_redo(db)
    return UndoRedoState(top_undo.label if top_undo else None, top_redo.label if top_redo else None)


def undo(db: Database, *, who: str, recompute: Recompute = recompute_after_change) -> CommandResult:
    """Undo the newest change set still applied (an edit or an import)."""
    with db.transaction():
        top = top_to_undo(db)
        if top is None:
            return CommandResult(Changes(), Message("change.undo.nothing"))
        changes = _undo(db, top, who, recompute)
        push_redo(db, top.change_set_id)
    return CommandResult(changes, _about("change.undone", top), top.change_set_id)


def undo_change_set(db: Database, change_set_id: int, *, who: str | None = None,
                    recompute: Recompute = recompute_after_change) -> CommandResult:
    """Undo one chosen change set (the import history's Undo); KnownError if a later change blocks it.

    Undoing the newest is exactly Edit › Undo, so it can be redone; undoing an
    older one changes the shop under everything on the redo stack, which is
    therefore cleared.
    """
    with db.transaction():
        top = top_to_undo(db)
        chosen = entry(db, change_set_id)
        if chosen is None:
            raise ChangeRefused(Message("change.unknown", {"change_set": change_set_id}))
        newest = top is not None and top.change_set_id == change_set_id
        if not newest:
            clear_redo(db)
        changes = _undo(db, chosen, who, recompute)
        if newest:
            push_redo(db, change_set_id)
        else:
            drop_from_stack(db, change_set_id)
    return CommandResult(changes, _about("change.undone", chosen), change_set_id)


def redo(db: Database, *, who: str, workdir: Path | None = None,
         recompute: Recompute = recompute_after_change) -> CommandResult:
    """Redo the newest undone change set, if nothing was changed since it was undone.

    `workdir` is where an import's file is read again (default: a temporary folder).
    """
    top = top_to_redo(db)
    if top is None:
        return CommandResult(Changes(), Message("change.redo.nothing"))
    if top.is_import:
        return _redo_import(db, top, who, workdir)
    with db.transaction():
        if top.kind == POINTS:
            tables = points_entries.reapply(db, top.change_set_id)
        elif top.kind == MEMBER:
            tables = member_identity.reapply(db, top.change_set_id)
        elif top.kind == CAMPAIGN:
            tables = reapply_campaign_change(db, top.change_set_id)
        elif top.kind == LINK:
            tables = reapply_links(db, top.change_set_id)
        elif is_composition_change(db, top.change_set_id):
            tables = reapply_composition(db, top.change_set_id)
        elif is_tag_change(db, top.change_set_id):
            tables = reapply_tags(db, top.change_set_id)
        elif product_tags.is_tag_change(db, top.change_set_id):
            tables = product_tags.reapply_tags(db, top.change_set_id)
        else:
            tables = reapply(db, top.change_set_id)
        push_applied(db, top.change_set_id)
        record_event(db, top.change_set_id, "redo", who)
        changes = changes_for_tables(tables) | recompute(db)
    return CommandResult(changes, _about("change.redone", top), top.change_set_id)


def _undo(db: Database, undone: StackEntry, who: str | None, recompute: Recompute) -> Changes:
    tables = touched_tables(db, undone.change_set_id)
    undo_batch(db, undone.change_set_id)
    record_event(db, undone.change_set_id, "undo", who)
    return changes_for_tables(tables) | Changes.of(Area.HISTORY) | recompute(db)


def _redo_import(db: Database, top: StackEntry, who: str, workdir: Path | None) -> CommandResult:
    # Imported lazily: the importers are heavy and most redos are of edits.
    from shopkeeper.services.reimport import reimport_table

    name = str(top.label.params.get("file", ""))
    path = Path(top.file_path) if top.file_path else None
    if path is None or top.content_hash is None:
        raise ChangeRefused(Message("change.redo.no_file", {"file": name}))
    waiting = [i for i in redo_stack(db) if i != top.change_set_id]
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="redo-", dir=workdir))
    try:
        outcome = reimport_table(db, path, member=top.member, content_hash=top.content_hash,
                                 shop_id=top.shop_id, workdir=scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    assert outcome.batch_id is not None, "reimport_table refuses an import that made no change set"
    # The import made a new change set (which cleared the redo stack like any new change):
    # the undone one it replaces leaves the stack, the others get their places back.
    with db.transaction():
        drop_from_stack(db, top.change_set_id)
        restore_redo_stack(db, waiting)
        record_event(db, top.change_set_id, "redo", who)
        record_event(db, outcome.batch_id, "redo", who)
    changes = changes_for_tables(outcome.changed_tables) | Changes.of(Area.HISTORY)
    return CommandResult(changes, _about("change.redone", top), outcome.batch_id)


def _about(code: str, change_set: StackEntry) -> Message:
    """'Undone: <the change set's label>', the label nested so either language words it."""
    return Message(code, {"change": change_set.label})
