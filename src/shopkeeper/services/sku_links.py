"""The master catalogue's channel links: link, keep unlinked, confirm a suggestion; the queue of items waiting.

Which catalogue SKU a channel item sells, and what it is suggested to link to,
is domain/sku_links.py (its SQL macros). Each call here is one change set of
kind 'link' on the undo stack: the link row it replaces goes to
`sku_links_prior`, the row it writes carries the change set's id, so undo
restores the links exactly and the recompute that follows moves the sales back.
Each link changed is logged in `change_log` (entity 'link', key the shop,
field the channel SKU, values as JSON) for the audit trail and for redo.

A master SKU is a catalogue entry that is not itself linked to another: links
go one step, so a chain (A → B → C) or a swap (A → B, B → A) is refused.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from shopkeeper.db.change_stack import LINK, LoggedChange, log_changes, logged_changes, new_change_set
from shopkeeper.db.database import Database
from shopkeeper.db.merge import save_prior
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.db.table_source import Column, TableSource
from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.domain.sku_links import LINK_HOWS, MANUAL, SUGGESTION
from shopkeeper.services.after_change import Recompute, recompute_after_change


@dataclass(frozen=True)
class LinkChange:
    shop_id: str
    channel_sku: str
    master_sku: str | None         # None: keep the item unlinked (its own catalogue entry, out of the queue)
    how: str = MANUAL


@dataclass(frozen=True)
class _Link:
    master_sku: str | None
    how: str


def link(db: Database, shop_id: str, channel_sku: str, master_sku: str, *, who: str,
         recompute: Recompute = recompute_after_change) -> CommandResult:
    return set_links(db, [LinkChange(shop_id, channel_sku, master_sku)], who=who, recompute=recompute)


def unlink(db: Database, shop_id: str, channel_sku: str, *, who: str,
           recompute: Recompute = recompute_after_change) -> CommandResult:
    return set_links(db, [LinkChange(shop_id, channel_sku, None)], who=who, recompute=recompute)


def confirm_suggestion(db: Database, shop_id: str, channel_sku: str, *, who: str,
                       recompute: Recompute = recompute_after_change) -> CommandResult:
    """Link the item to what the queue suggests for it now; refused when nothing is suggested."""
    master = db.scalar("SELECT master_sku FROM sk_link_suggestions() WHERE shop_id = ? AND channel_sku = ?",
                       [shop_id, channel_sku])
    if master is None:
        raise ChangeRefused(Message("edit.refused.link_no_suggestion", {"shop": shop_id, "channel_sku": channel_sku}))
    return set_links(db, [LinkChange(shop_id, channel_sku, str(master), SUGGESTION)], who=who, recompute=recompute)


def set_links(db: Database, changes: Sequence[LinkChange], *, who: str, label: Message | None = None,
              recompute: Recompute = recompute_after_change) -> CommandResult:
    """Write all `changes` as one change set; any refusal leaves the shop unchanged.

    Changes that link an item to the master it already has are dropped; with
    none left no change set is made and the result's Changes are empty.
    """
    with db.transaction():
        return apply_links(db, changes, who=who, label=label, recompute=recompute)


def apply_links(db: Database, changes: Sequence[LinkChange], *, who: str, label: Message | None = None,
                recompute: Recompute = recompute_after_change) -> CommandResult:
    """`set_links` inside the caller's transaction (the demo shop links its channel SKUs in its own)."""
    plan: list[tuple[LinkChange, _Link | None]] = []
    for change in changes:
        _check(db, change)
        old = _stored(db, change.shop_id, change.channel_sku)
        # How a link was made is kept, not re-stamped: a line repeating a stored link changes nothing.
        if old is None or old.master_sku != change.master_sku:
            plan.append((change, old))
    if not plan:
        return CommandResult(Changes())
    label = label or _label(plan)
    change_set_id = new_change_set(db, kind=LINK, who=who, label=label)
    for change, _old in plan:
        _write(db, change_set_id, change.shop_id, change.channel_sku, _Link(change.master_sku, change.how))
    _refuse_chains(db)
    log_changes(db, change_set_id, [
        LoggedChange("link", c.shop_id, c.channel_sku, _text(old), _text(_Link(c.master_sku, c.how)))
        for c, old in plan])
    result_changes = changes_for_tables({"sku_links"}) | recompute(db)
    return CommandResult(result_changes, label, change_set_id)


def reapply_links(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone link change set from its log; the caller holds the transaction."""
    for c in logged_changes(db, change_set_id):
        if _text(_stored(db, c.key, c.field)) != c.old_value:
            raise ChangeRefused(Message("change.redo.stale_link", {"change_set": change_set_id, "shop": c.key,
                                                                   "channel_sku": c.field}))
        _write(db, change_set_id, c.key, c.field, _from_text(c.new_value))
    return frozenset({"sku_links"})


def _check(db: Database, change: LinkChange) -> None:
    if change.how not in LINK_HOWS:
        raise ValueError(f"unknown link kind {change.how!r}")
    if not db.scalar("SELECT EXISTS (SELECT 1 FROM shops WHERE shop_id = ?)", [change.shop_id]):
        raise ChangeRefused(Message("edit.refused.link_unknown_shop", {"shop": change.shop_id}))
    if change.master_sku is not None and not is_catalogue_sku(db, change.master_sku):
        raise ChangeRefused(Message("edit.refused.link_unknown_master", {"sku": change.master_sku}))


def is_catalogue_sku(db: Database, sku: str) -> bool:
    return bool(db.scalar("SELECT EXISTS (SELECT 1 FROM variants WHERE sku = ?)"
                          " OR EXISTS (SELECT 1 FROM sk_sku_lines() WHERE sku = ?)", [sku, sku]))


def _refuse_chains(db: Database) -> None:
    row = db.fetchone(
        "SELECT a.channel_sku, a.master_sku FROM sku_links a JOIN sku_links b"
        " ON b.channel_sku = a.master_sku AND b.master_sku IS NOT NULL AND b.master_sku <> b.channel_sku"
        " WHERE a.master_sku <> a.channel_sku ORDER BY ALL LIMIT 1")
    if row is not None:
        raise ChangeRefused(Message("edit.refused.link_chain", {"sku": row[0], "master": row[1]}))


def _stored(db: Database, shop_id: str, channel_sku: str) -> _Link | None:
    row = db.fetchone("SELECT master_sku, how FROM sku_links WHERE shop_id = ? AND channel_sku = ?",
                      [shop_id, channel_sku])
    return _Link(row[0], row[1]) if row is not None else None


def _write(db: Database, change_set_id: int, shop_id: str, channel_sku: str, new: _Link | None) -> None:
    where = "FROM sku_links t WHERE t.shop_id = ? AND t.channel_sku = ?"
    save_prior(db, "sku_links", where, change_set_id, [shop_id, channel_sku])
    db.execute("DELETE FROM sku_links WHERE shop_id = ? AND channel_sku = ?", [shop_id, channel_sku])
    if new is not None:
        db.execute("INSERT INTO sku_links (shop_id, channel_sku, master_sku, how, batch_id) VALUES (?, ?, ?, ?, ?)",
                   [shop_id, channel_sku, new.master_sku, new.how, change_set_id])


def _text(link_row: _Link | None) -> str | None:
    """A link as the audit trail keeps it: JSON, None when there was no row."""
    if link_row is None:
        return None
    return json.dumps({"master_sku": link_row.master_sku, "how": link_row.how}, ensure_ascii=False, sort_keys=True)


def _from_text(text: str | None) -> _Link | None:
    if text is None:
        return None
    value = json.loads(text)
    return _Link(value["master_sku"], value["how"])


def _label(plan: Sequence[tuple[LinkChange, _Link | None]]) -> Message:
    if len(plan) > 1:
        return Message("change.link.many", {"count": len(plan)})
    c = plan[0][0]
    params: dict[str, object] = {"shop": c.shop_id, "channel_sku": c.channel_sku}
    if c.master_sku is None:
        return Message("change.link.unlinked", params)
    params["master"] = c.master_sku
    return Message("change.link.confirmed" if c.how == SUGGESTION else "change.link.linked", params)


# --- the queue -------------------------------------------------------------------------------------------------

_QUEUE_SQL = """
SELECT i.shop_id || '|' || i.channel_sku AS item_key, i.shop_id,
       coalesce(s.name, split_part(i.shop_id, ':', 2)) AS shop_name, i.platform, i.channel_sku, i.title, i.units_sold,
       i.state, i.sku AS sells_as, i.master_sku, i.how,
       g.master_sku AS suggested_sku, g.reason AS suggestion_reason, g.score AS suggestion_score,
       c.title AS suggested_title,
       i.state = 'waiting' OR (i.state = 'same_sku' AND g.master_sku IS NOT NULL) AS waits
FROM sk_channel_items() i
LEFT JOIN sk_link_suggestions() g ON g.shop_id = i.shop_id AND g.channel_sku = i.channel_sku
LEFT JOIN sk_catalogue() c ON c.sku = g.master_sku
LEFT JOIN shops s ON s.shop_id = i.shop_id
"""

LINK_COLUMNS = (
    Column("item_key", "text"),
    Column("platform", "text"),
    Column("shop_name", "text", searchable=True),
    Column("shop_id", "text"),
    Column("channel_sku", "text", searchable=True),
    Column("title", "text", searchable=True),
    Column("units_sold", "int"),
    Column("state", "text"),
    Column("sells_as", "text", searchable=True),
    Column("suggested_sku", "text", searchable=True),
    Column("suggested_title", "text"),
    Column("suggestion_reason", "text"),
    Column("suggestion_score", "decimal"),
    Column("how", "text"),
    Column("waits", "flag"),
)


def links_source() -> TableSource:
    """Every channel item with its link and suggestion; filter 'waiting' is the queue."""
    return TableSource(
        base_sql=_QUEUE_SQL,
        columns=LINK_COLUMNS,
        default_sort="units_sold",
        default_descending=True,
        key_column="item_key",
        filters={"waiting": "waits", "linked": "state = 'linked'", "unlinked": "state = 'unlinked'"},
    )


def split_item_key(item_key: str) -> tuple[str, str]:
    """(shop_id, channel SKU) from a queue row's key (shop ids hold no '|')."""
    shop_id, _, channel_sku = item_key.partition("|")
    return shop_id, channel_sku


def waiting_count(db: Database) -> int:
    return int(db.scalar(f"SELECT count(*) FROM ({_QUEUE_SQL}) WHERE waits"))
