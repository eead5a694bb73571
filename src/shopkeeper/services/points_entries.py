"""Points the seller gives, takes or redeems by hand: each one ledger entry in its own undoable change set.

An adjustment ('adjust', + or −, with the seller's reason) or a redemption
('redeem', always −) is written to `points_ledger` with the change set's id as
its batch_id, so undo removes it like any import's row, and recompute then plays
expiry again without it. Points can only be taken from what is spendable now:
pending points (still inside the return window) and a balance below zero are
refused, so the balance shown is always what the member can use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from shopkeeper.db.change_stack import POINTS, LoggedChange, log_changes, logged_changes, new_change_set
from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.commands import ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.services.after_change import Recompute, recompute_after_change

REASONS = ("adjust", "redeem")
_LABELS = {"adjust": "change.points.adjust", "redeem": "change.points.redeem"}
_MAX_POINTS = 2**31 - 1


@dataclass(frozen=True)
class PointsBalance:
    available: int  # spendable now
    pending: int  # earned, still inside the return window
    expiring_soon: int  # of the available, what expires within `soon_days` unless spent first
    next_expiry: datetime | None


def balance(db: Database, member_id: str, *, now: datetime | None = None, soon_days: int = 30) -> PointsBalance:
    """The member's points at `now`: the ledger's entries, with expiry played up to `now` by the rule recompute
    uses (domain/points.py: an expiry counts once it has happened, and only once)."""
    now = now or datetime.now(UTC)
    db.execute("CREATE OR REPLACE TEMP TABLE _pe_earned AS SELECT * FROM sk_earned_entries WHERE member_id = ?",
               [member_id])
    try:
        row = db.fetchone("SELECT available, pending, expiring FROM sk_points_balances('_pe_earned', ?, ?) "
                          "WHERE member_id = ?", [now, now + timedelta(days=soon_days), member_id])
        following = db.scalar("SELECT next_expiry FROM sk_points_balances('_pe_earned', ?, ?) WHERE member_id = ?",
                              [now, now + timedelta(days=3650), member_id])
    finally:
        db.execute("DROP TABLE IF EXISTS temp._pe_earned")
    available, pending, soon = (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)
    return PointsBalance(available, pending, soon, following)


def add_entry(db: Database, member_id: str, points: int, *, reason: str, note: str | None, who: str,
              now: datetime | None = None, recompute: Recompute = recompute_after_change) -> CommandResult:
    """Add `points` (a redemption: how many are spent, > 0) to the member's ledger as one undoable change."""
    if reason not in REASONS:
        raise ValueError(reason)
    note = (note or "").strip() or None
    if points == 0 or abs(points) > _MAX_POINTS or (reason == "redeem" and points < 0):
        raise ChangeRefused(Message("edit.refused.points_amount", {"points": points}))
    if reason == "adjust" and note is None:
        raise ChangeRefused(Message("edit.refused.points_reason"))
    signed = -points if reason == "redeem" else points
    at = now or datetime.now(UTC)
    with db.transaction():
        name = db.scalar("SELECT coalesce(display_name, member_id) FROM members WHERE member_id = ?", [member_id])
        if name is None:
            raise ChangeRefused(Message("edit.refused.points_member", {"member": member_id}))
        if signed < 0:
            spendable = balance(db, member_id, now=at).available
            if -signed > spendable:
                raise ChangeRefused(Message("edit.refused.points_not_enough", {"points": -signed, "available": spendable}))
        # The member as the seller knows them, as merge and split labels say it; a redemption by what it spent.
        label = Message(_LABELS[reason], {"member": str(name), "points": points if reason == "redeem" else signed})
        change_set_id = new_change_set(db, kind=POINTS, who=who, label=label)
        entry = {"member_id": member_id, "points": signed, "reason": reason, "note": note, "at": at.isoformat()}
        _write(db, change_set_id, entry)
        log_changes(db, change_set_id, [LoggedChange("points_entry", member_id, "points", None, json.dumps(entry))])
        changes = Changes.of(Area.MEMBERS) | recompute(db)
    return CommandResult(changes, label, change_set_id)


def _write(db: Database, change_set_id: int, entry: dict[str, object]) -> None:
    db.execute("INSERT INTO points_ledger (entry_id, member_id, occurred_at, points, reason, note, batch_id) "
               "VALUES (nextval('points_entry_seq'), ?, ?, ?, ?, ?, ?)",
               [entry["member_id"], entry["at"], entry["points"], entry["reason"], entry["note"], change_set_id])


def reapply(db: Database, change_set_id: int) -> frozenset[str]:
    """Redo an undone adjustment or redemption: the same entry again; the caller holds the transaction."""
    for c in logged_changes(db, change_set_id):
        entry = json.loads(c.new_value or "{}")
        if int(entry["points"]) < 0:
            spendable = balance(db, str(entry["member_id"])).available
            if -int(entry["points"]) > spendable:
                raise ChangeRefused(Message("edit.refused.points_not_enough", {"points": -int(entry["points"]),
                                                                          "available": spendable}))
        _write(db, change_set_id, entry)
    return frozenset({"points_ledger"})
