"""The seller's after-sales tags: which tags an order carries, and the list of tags offered.

Each save is one change set of kind 'edit' on the undo stack, like a cell
edit: the rows it replaces go to `<table>_prior`, the rows it writes carry the
change set's id, so undo puts back exactly what was there. The whole set of
tags before and after is logged in `change_log` as JSON (entity 'order_tags',
key the shop, field the order; or entity 'refund_tag_names') for the audit
trail and for redo. A tag on an order must be in the list when it is given;
removing a tag from the list later leaves the orders that carry it alone (the
history of what the seller said stays).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from shopkeeper.db.change_stack import EDIT, LoggedChange, log_changes, logged_changes, new_change_set
from shopkeeper.db.database import Database
from shopkeeper.db.merge import save_prior
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.domain.commands import ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.after_change import Recompute, recompute_after_change

ORDER_ENTITY, NAMES_ENTITY, NAMES_KEY, NAMES_FIELD = "order_tags", "refund_tag_names", "list", "tags"


def tag_names(db: Database) -> tuple[str, ...]:
    return tuple(r[0] for r in db.fetchall("SELECT tag FROM refund_tag_names ORDER BY position, tag"))


def order_tags(db: Database, shop_id: str, order_id: str) -> tuple[str, ...]:
    return tuple(r[0] for r in db.fetchall(
        "SELECT tag FROM order_tags WHERE shop_id = ? AND order_id = ? ORDER BY tag", [shop_id, order_id]))


def set_order_tags(db: Database, orders: Sequence[tuple[str, str]], tags: Iterable[str], *, who: str,
                   recompute: Recompute = recompute_after_change) -> CommandResult:
    """Give each of `orders` (shop id, order id) exactly `tags`, as one change set; orders already so are left."""
    wanted = tuple(sorted({t.strip() for t in tags if t.strip()}))
    with db.transaction():
        offered = set(tag_names(db))
        for tag in wanted:
            if tag not in offered:
                raise ChangeRefused(Message("edit.refund_tags.unknown_tag", {"tag": tag}))
        plan = []
        for shop_id, order_id in dict.fromkeys(orders):
            if not db.scalar("SELECT EXISTS (SELECT 1 FROM orders WHERE shop_id = ? AND order_id = ?)",
                             [shop_id, order_id]):
                raise ChangeRefused(Message("edit.refund_tags.unknown_order", {"shop": shop_id, "order": order_id}))
            old = order_tags(db, shop_id, order_id)
            if old != wanted:
                plan.append((shop_id, order_id, old))
        if not plan:
            return CommandResult(changes_for_tables(()))
        label = Message("change.refund_tags.order", {"order": plan[0][1], "tags": ", ".join(wanted) or "-"}) \
            if len(plan) == 1 else Message("change.refund_tags.orders", {"count": len(plan)})
        change_set_id = new_change_set(db, kind=EDIT, who=who, label=label)
        for shop_id, order_id, _old in plan:
            _write_order(db, change_set_id, shop_id, order_id, wanted)
        log_changes(db, change_set_id, [LoggedChange(ORDER_ENTITY, s, o, json.dumps(old), json.dumps(wanted))
                                        for s, o, old in plan])
        changes = changes_for_tables({"order_tags"}) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def set_tag_names(db: Database, names: Iterable[str], *, who: str,
                  recompute: Recompute = recompute_after_change) -> CommandResult:
    """Make the offered list exactly `names`, in this order, as one change set."""
    wanted = tuple(dict.fromkeys(n.strip() for n in names))
    if any(not n for n in wanted):
        raise ChangeRefused(Message("edit.refund_tags.empty_name"))
    with db.transaction():
        old = tag_names(db)
        if old == wanted:
            return CommandResult(changes_for_tables(()))
        label = Message("change.refund_tags.names", {"added": len(set(wanted) - set(old)),
                                                     "removed": len(set(old) - set(wanted))})
        change_set_id = new_change_set(db, kind=EDIT, who=who, label=label)
        _write_names(db, change_set_id, wanted)
        log_changes(db, change_set_id, [LoggedChange(NAMES_ENTITY, NAMES_KEY, NAMES_FIELD, json.dumps(old),
                                                     json.dumps(wanted))])
        changes = changes_for_tables({"refund_tag_names"}) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def is_tag_change(db: Database, change_set_id: int) -> bool:
    return any(c.entity in (ORDER_ENTITY, NAMES_ENTITY) for c in logged_changes(db, change_set_id))


def reapply_tags(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone tag change set from its log, refused when the tags changed since; the caller holds the
    transaction."""
    tables: set[str] = set()
    for c in logged_changes(db, change_set_id):
        old, new = tuple(json.loads(c.old_value or "[]")), tuple(json.loads(c.new_value or "[]"))
        if c.entity == NAMES_ENTITY:
            if tag_names(db) != old:
                raise ChangeRefused(Message("change.redo.stale_tags", {"order": "-"}))
            _write_names(db, change_set_id, new)
            tables.add("refund_tag_names")
        else:
            if order_tags(db, c.key, c.field) != old:
                raise ChangeRefused(Message("change.redo.stale_tags", {"order": c.field}))
            _write_order(db, change_set_id, c.key, c.field, new)
            tables.add("order_tags")
    return frozenset(tables)


def _write_order(db: Database, change_set_id: int, shop_id: str, order_id: str, tags: Sequence[str]) -> None:
    save_prior(db, "order_tags", "FROM order_tags t WHERE t.shop_id = ? AND t.order_id = ?", change_set_id,
               [shop_id, order_id])
    db.execute("DELETE FROM order_tags WHERE shop_id = ? AND order_id = ?", [shop_id, order_id])
    for tag in tags:
        db.execute("INSERT INTO order_tags (shop_id, order_id, tag, batch_id) VALUES (?, ?, ?, ?)",
                   [shop_id, order_id, tag, change_set_id])


def _write_names(db: Database, change_set_id: int, names: Sequence[str]) -> None:
    save_prior(db, "refund_tag_names", "FROM refund_tag_names t WHERE TRUE", change_set_id, [])
    db.execute("DELETE FROM refund_tag_names")
    for position, tag in enumerate(names, start=1):
        db.execute("INSERT INTO refund_tag_names (tag, position, batch_id) VALUES (?, ?, ?)",
                   [tag, position, change_set_id])
