"""The seller's say on who is the same person: suggestions to confirm, merge, split, "not the same".

Imports join buyers into members on their own only by e-mail and unmasked phone
(domain/identity.py). What is merely likely (the same name in the same city,
...) is listed by `suggestions` with its reasons; confirming one is a merge.

Each merge, split or "not the same" is one undoable change set of kind
'member' (db/change_stack.py): the buyer and member rows it changes go to
`<table>_prior` first, exactly as an edit's, and its decision is a row of
`member_decisions` tagged with the change set, which every later import
applies (importers/canonical.MEMBER_MATCH), so the seller's word outlives
the files that come after it, and undo takes both back. What it did is logged
in `change_log`, which is what redo does again.

A merge keeps the member who joined first (ties: the smaller id), so merging
A into B or B into A gives the same member. Points earned from orders follow
the buyers at the recompute that ends the change. Points a member was given or
spent by hand are the seller's own entries and cannot follow a merge without
rewriting the ledger, so a merge refuses such a member rather than lose them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopkeeper.db.change_stack import MEMBER, LoggedChange, log_changes, logged_changes, new_change_set
from shopkeeper.db.database import Database
from shopkeeper.db.merge import save_prior
from shopkeeper.db.table_areas import changes_for_tables
from shopkeeper.domain.commands import ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.domain.points import DERIVED_REASONS
from shopkeeper.services.after_change import Recompute, recompute_after_change

_DERIVED = ", ".join(f"'{r}'" for r in DERIVED_REASONS)
_MERGED_INTO = "merged_into"
_SPLIT_TO = "member_id"
_NOT_SAME = "not_same"
BUYER_KEY_SEP = chr(31)


@dataclass(frozen=True)
class Suggestion:
    """Two members who may be one person, and why (domain/identity.REASONS)."""

    a: str
    b: str
    reasons: tuple[str, ...]
    a_name: str
    b_name: str
    a_platforms: str
    b_platforms: str


def suggestions(db: Database, *, limit: int = 1000) -> list[Suggestion]:
    """Likely matches the seller has not ruled on, the best supported first."""
    rows = db.fetchall(
        """
        WITH p AS (SELECT member_id, string_agg(DISTINCT split_part(shop_id, ':', 1), ', '
                                                ORDER BY split_part(shop_id, ':', 1)) AS platforms
                   FROM buyers WHERE member_id IS NOT NULL GROUP BY member_id)
        SELECT s.a, s.b, s.reasons, ma.display_name, mb.display_name, coalesce(pa.platforms, ''),
               coalesce(pb.platforms, '')
        FROM sk_member_suggestions() s
        JOIN members ma ON ma.member_id = s.a JOIN members mb ON mb.member_id = s.b
        LEFT JOIN p pa ON pa.member_id = s.a LEFT JOIN p pb ON pb.member_id = s.b
        ORDER BY len(s.reasons) DESC, ma.display_name, s.a, s.b LIMIT ?
        """,
        [limit],
    )
    return [Suggestion(r[0], r[1], tuple(r[2]), r[3], r[4], r[5], r[6]) for r in rows]


def merge_members(db: Database, member_ids: Sequence[str], *, who: str,
                  recompute: Recompute = recompute_after_change) -> CommandResult:
    """Fold these members into one (the one who joined first), as one change set."""
    wanted = list(dict.fromkeys(member_ids))
    if len(wanted) < 2:
        raise ChangeRefused(Message("edit.refused.merge_too_few"))
    with db.transaction():
        for member_id in wanted:
            _name_of(db, member_id)
        survivor = str(db.scalar(
            f"SELECT member_id FROM members WHERE member_id IN ({_marks(wanted)}) ORDER BY joined_at, member_id LIMIT 1",
            wanted))
        absorbed = [m for m in wanted if m != survivor]
        for member_id in absorbed:
            _refuse_own_points(db, member_id)
        label = Message("change.member.merge", {"name": _name_of(db, survivor), "count": len(wanted)})
        change_set_id = new_change_set(db, kind=MEMBER, who=who, label=label)
        tables = _merge(db, change_set_id, survivor, absorbed)
        log_changes(db, change_set_id, [LoggedChange("member", m, _MERGED_INTO, None, survivor) for m in absorbed])
        changes = changes_for_tables(tables) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def split_member(db: Database, member_id: str, accounts: Sequence[tuple[str, str]], *, who: str,
                 recompute: Recompute = recompute_after_change) -> CommandResult:
    """Move these buyer accounts (shop_id, buyer_id) of the member to a member of their own."""
    keys = list(dict.fromkeys(_buyer_key(shop_id, buyer_id) for shop_id, buyer_id in accounts))
    with db.transaction():
        name = _name_of(db, member_id)
        owned = {str(r[0]) for r in db.fetchall(
            "SELECT shop_id || chr(31) || buyer_id FROM buyers WHERE member_id = ?", [member_id])}
        for key in keys:
            if key not in owned:
                raise ChangeRefused(Message("edit.refused.split_not_its_account",
                                            {"account": key.split(BUYER_KEY_SEP)[-1], "name": name}))
        if not keys or len(keys) >= len(owned):
            raise ChangeRefused(Message("edit.refused.split_all", {"name": name}))
        label = Message("change.member.split", {"name": name, "count": len(keys)})
        change_set_id = new_change_set(db, kind=MEMBER, who=who, label=label)
        new_member = str(db.scalar("SELECT 'mem-' || substr(md5('split:' || ? || ':' || ?), 1, 16)",
                                   [change_set_id, min(keys)]))
        tables = _split(db, change_set_id, member_id, keys, new_member)
        log_changes(db, change_set_id, [LoggedChange("buyer", k, _SPLIT_TO, member_id, new_member) for k in keys])
        changes = changes_for_tables(tables) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def not_the_same(db: Database, a: str, b: str, *, who: str) -> CommandResult:
    """The seller says these two members are different people: the pair is not suggested again."""
    with db.transaction():
        label = Message("change.member.not_same", {"a": _name_of(db, a), "b": _name_of(db, b)})
        change_set_id = new_change_set(db, kind=MEMBER, who=who, label=label)
        _decide(db, "not_same", a, b, change_set_id)
        log_changes(db, change_set_id, [LoggedChange("member", a, _NOT_SAME, None, b)])
    return CommandResult(changes_for_tables(["member_decisions"]), label, change_set_id)


def reapply(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone merge, split or "not the same" from its log; the caller holds the transaction."""
    logged = logged_changes(db, change_set_id)
    tables: set[str] = set()
    merges = [c for c in logged if c.field == _MERGED_INTO]
    if merges:
        survivor = str(merges[0].new_value)
        for member_id in (survivor, *(c.key for c in merges)):
            _name_of(db, member_id, stale=change_set_id)
        tables |= _merge(db, change_set_id, survivor, [c.key for c in merges])
    splits = [c for c in logged if c.field == _SPLIT_TO]
    if splits:
        old, new = str(splits[0].old_value), str(splits[0].new_value)
        _name_of(db, old, stale=change_set_id)
        tables |= _split(db, change_set_id, old, [c.key for c in splits], new)
    for c in logged:
        if c.field == _NOT_SAME:
            _decide(db, "not_same", c.key, str(c.new_value), change_set_id)
            tables.add("member_decisions")
    return frozenset(tables)


def _merge(db: Database, change_set_id: int, survivor: str, absorbed: Sequence[str]) -> frozenset[str]:
    for member_id in absorbed:
        # Members merged into this one before now stand for the survivor too: a decision is looked up
        # once, not followed along a chain.
        earlier = [str(r[0]) for r in db.fetchall(
            "SELECT b FROM member_decisions WHERE kind = 'merge' GROUP BY b HAVING arg_max(a, batch_id) = ?",
            [member_id])]
        save_prior(db, "buyers", "FROM buyers t WHERE t.member_id = ?", change_set_id, [member_id])
        db.execute("UPDATE buyers SET member_id = ?, batch_id = ? WHERE member_id = ?",
                   [survivor, change_set_id, member_id])
        save_prior(db, "members", "FROM members t WHERE t.member_id = ?", change_set_id, [member_id])
        db.execute("DELETE FROM members WHERE member_id = ?", [member_id])
        for gone in (member_id, *earlier):
            _decide(db, "merge", survivor, gone, change_set_id)
    return frozenset({"buyers", "members", "member_decisions"})


def _split(db: Database, change_set_id: int, member_id: str, keys: Sequence[str], new_member: str) -> frozenset[str]:
    moving = f"shop_id || chr(31) || buyer_id IN ({_marks(keys)})"
    save_prior(db, "buyers", f"FROM buyers t WHERE t.member_id = ? AND t.{moving}", change_set_id, [member_id, *keys])
    db.execute(f"UPDATE buyers SET member_id = ?, batch_id = ? WHERE member_id = ? AND {moving}",
               [new_member, change_set_id, member_id, *keys])
    # Each member is named after its earliest account (as importers/member_names.py does), from what
    # the accounts hold, contact details masked.
    db.execute(f"""
        INSERT INTO members (member_id, display_name, joined_at, batch_id)
        SELECT ?, {_ACCOUNT_NAME}, coalesce(min(first_seen) OVER (), now()), ? FROM buyers
        WHERE member_id = ? ORDER BY first_seen NULLS LAST, shop_id, buyer_id LIMIT 1
    """, [new_member, change_set_id, new_member])
    earliest_left = db.fetchone(f"""
        SELECT {_ACCOUNT_NAME}, min(first_seen) OVER () FROM buyers WHERE member_id = ?
        ORDER BY first_seen NULLS LAST, shop_id, buyer_id LIMIT 1""", [member_id])
    stays = db.fetchone("SELECT display_name, joined_at FROM members WHERE member_id = ?", [member_id])
    named_by_moved = db.scalar(
        f"SELECT {moving} FROM buyers WHERE member_id IN (?, ?) "
        "ORDER BY first_seen NULLS LAST, shop_id, buyer_id LIMIT 1", [*keys, member_id, new_member])
    if earliest_left is not None and stays is not None:
        name = earliest_left[0] if named_by_moved else stays[0]
        joined = earliest_left[1] or stays[1]
        if (name, joined) != tuple(stays):
            save_prior(db, "members", "FROM members t WHERE t.member_id = ?", change_set_id, [member_id])
            db.execute("UPDATE members SET display_name = ?, joined_at = ?, batch_id = ? WHERE member_id = ?",
                       [name, joined, change_set_id, member_id])
    for key in keys:
        _decide(db, "split", new_member, key, change_set_id)
    _decide(db, "not_same", new_member, member_id, change_set_id)
    return frozenset({"buyers", "members", "member_decisions"})


_ACCOUNT_NAME = ("coalesce(sk_readable(name), sk_mask_email(email), sk_mask_phone(sk_readable(phone)), "
                 "CASE WHEN contains(buyer_id, '@') THEN sk_mask_email(buyer_id) ELSE buyer_id END)")


def _decide(db: Database, kind: str, a: str, b: str, change_set_id: int) -> None:
    db.execute("INSERT INTO member_decisions (kind, a, b, decided_at, batch_id) VALUES (?, ?, ?, now(), ?)",
               [kind, a, b, change_set_id])


def _name_of(db: Database, member_id: str, *, stale: int | None = None) -> str:
    name = db.scalar("SELECT display_name FROM members WHERE member_id = ?", [member_id])
    if name is None:
        if stale is not None:
            raise ChangeRefused(Message("change.redo.member_gone", {"change_set": stale, "member": member_id}))
        raise ChangeRefused(Message("edit.refused.unknown_member", {"member": member_id}))
    return str(name)


def _refuse_own_points(db: Database, member_id: str) -> None:
    if db.scalar(f"SELECT EXISTS (SELECT 1 FROM points_ledger WHERE member_id = ? AND reason NOT IN ({_DERIVED}))",
                 [member_id]):
        raise ChangeRefused(Message("edit.refused.merge_own_points", {"name": _name_of(db, member_id)}))


def _buyer_key(shop_id: str, buyer_id: str) -> str:
    return shop_id + BUYER_KEY_SEP + buyer_id


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)
