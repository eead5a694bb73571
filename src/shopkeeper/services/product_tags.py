"""The tags on the shop's SKUs: read, added and removed by the seller, and listed for the campaign picker.

Imports bring the platforms' product tags (importers/canonical.py stage_tags);
here the seller adds or removes tags on SKUs from Listings. Each save is one
change set of kind 'edit' on the undo stack: the rows it removes go to
`product_tags_prior`, the rows it writes carry the change set's id, so undo
puts back exactly what was there. Each SKU's tags before and after are logged
in `change_log` (entity 'product_tags', key the SKU) for the audit trail and
for redo. Tags match without regard to case: adding 'wood' to a SKU tagged
'Wood' changes nothing, and removing 'wood' removes 'Wood'.
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

ENTITY = "product_tags"


def sku_tags(db: Database, sku: str) -> tuple[str, ...]:
    return tuple(r[0] for r in db.fetchall("SELECT tag FROM product_tags WHERE sku = ? ORDER BY lower(tag)", [sku]))


def all_tags(db: Database) -> list[tuple[str, int]]:
    """Every tag in the shop with how many SKUs carry it, spellings of one tag counted together."""
    return [(r[0], int(r[1])) for r in db.fetchall(
        "SELECT min(tag), count(DISTINCT sku) FROM product_tags GROUP BY lower(tag) ORDER BY lower(min(tag))")]


def change_tags(db: Database, skus: Sequence[str], *, add: Iterable[str] = (), remove: Iterable[str] = (),
                who: str, recompute: Recompute = recompute_after_change) -> CommandResult:
    """Add `add` and take away `remove` on each of `skus`, as one change set; SKUs left as they were are skipped."""
    adding = _cleaned(add)
    removing = {t.lower() for t in _cleaned(remove)}
    if not adding and not removing:
        raise ChangeRefused(Message("edit.product_tags.empty"))
    with db.transaction():
        plan = []
        for sku in dict.fromkeys(skus):
            if not db.scalar("SELECT EXISTS (SELECT 1 FROM variants WHERE sku = ?)", [sku]):
                raise ChangeRefused(Message("edit.product_tags.unknown_sku", {"sku": sku}))
            old = sku_tags(db, sku)
            kept = [t for t in old if t.lower() not in removing]
            have = {t.lower() for t in kept}
            new = tuple(sorted(kept + [t for t in adding if t.lower() not in have and t.lower() not in removing],
                               key=str.lower))
            if new != old:
                plan.append((sku, old, new))
        if not plan:
            return CommandResult(changes_for_tables(()))
        label = _label(plan, adding, removing)
        change_set_id = new_change_set(db, kind=EDIT, who=who, label=label)
        for sku, _old, new in plan:
            _write(db, change_set_id, sku, new)
        log_changes(db, change_set_id, [LoggedChange(ENTITY, sku, "tags", json.dumps(old), json.dumps(new))
                                        for sku, old, new in plan])
        changes = changes_for_tables({"product_tags"}) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def is_tag_change(db: Database, change_set_id: int) -> bool:
    return any(c.entity == ENTITY for c in logged_changes(db, change_set_id))


def reapply_tags(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone tag change set from its log, refused when a SKU's tags changed since; the caller holds the
    transaction."""
    for c in logged_changes(db, change_set_id):
        if c.entity != ENTITY:
            continue
        if sku_tags(db, c.key) != tuple(json.loads(c.old_value or "[]")):
            raise ChangeRefused(Message("change.redo.stale_product_tags", {"sku": c.key}))
        _write(db, change_set_id, c.key, json.loads(c.new_value or "[]"))
    return frozenset({"product_tags"})


def _cleaned(tags: Iterable[str]) -> list[str]:
    # A tag typed with commas is several tags, as in every platform's export.
    seen: dict[str, str] = {}
    for text in tags:
        for tag in text.split(","):
            tag = tag.strip()
            if tag:
                seen.setdefault(tag.lower(), tag)
    return list(seen.values())


def _label(plan: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]], adding: Sequence[str],
           removing: set[str]) -> Message:
    """'tags of CL-MUG: +spring −winter'; a side with nothing on it is left out ('tags of CL-MUG: +spring')."""
    params: dict[str, object] = {}
    if adding:
        params["added"] = ", ".join(adding)
    if removing:
        params["removed"] = ", ".join(sorted(removing))
    if len(plan) == 1:
        params["sku"] = plan[0][0]
        code = ("change.product_tags.sku" if adding and removing
                else "change.product_tags.sku_added" if adding else "change.product_tags.sku_removed")
    else:
        params["count"] = len(plan)
        code = ("change.product_tags.skus" if adding and removing
                else "change.product_tags.skus_added" if adding else "change.product_tags.skus_removed")
    return Message(code, params)


def _write(db: Database, change_set_id: int, sku: str, tags: Sequence[str]) -> None:
    save_prior(db, "product_tags", "FROM product_tags t WHERE t.sku = ?", change_set_id, [sku])
    db.execute("DELETE FROM product_tags WHERE sku = ?", [sku])
    for tag in tags:
        db.execute("INSERT INTO product_tags (sku, tag, batch_id) VALUES (?, ?, ?)", [sku, tag, change_set_id])
