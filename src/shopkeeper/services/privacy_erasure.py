"""Erasing people's personal data: the retention purge and erasure on request (PIPL art. 47, GDPR art. 17).

A person is a member (the same buyer across platforms) or a buyer account no
member holds. Erasing one removes, in every table that holds it, what
identifies them - name, e-mail, phone, the platform account (a Shopify buyer
is filed under their e-mail, a Taobao one under a nick that often carries the
name) - and keeps what the figures need: their orders, lines, totals, city and
country, tier and points. The account becomes `erased-<random>` in the buyer
row, its orders and every other place that named it, so counts, joins and
charts add up exactly as before, and the random name links to nothing.

The `_prior` tables (what undo would put back) are erased too, and the redo
stack is cleared (a redo re-reads the original file): an erasure is not a
change set and nothing brings it back. Each is written to `privacy_log` with
how many people it erased - the record a seller shows that it was done.

The purge takes everyone with no order since the cutoff who was not first
seen after it either (a customer list imported yesterday is not stale).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from shopkeeper.db.change_stack import MEMBER, clear_redo
from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message

ERASED_PREFIX = "erased-"
PURGE = "purge"
ERASE = "erase"
# Shorter values (a one-letter nick, "李") would blank unrelated text where they happen to occur.
_SHORTEST_MATCHED = 3

# A buyer row still holding something that identifies a person.
_BUYER_HOLDS = f"(b.name IS NOT NULL OR b.email IS NOT NULL OR b.phone IS NOT NULL " \
               f"OR NOT starts_with(b.buyer_id, '{ERASED_PREFIX}'))"
_MEMBER_HOLDS = "(m.display_name <> '' OR m.email IS NOT NULL OR m.phone IS NOT NULL OR m.notes IS NOT NULL)"


@dataclass(frozen=True)
class Erasure:
    people: int       # members and member-less buyer accounts whose data is (or would be) erased
    members: int
    buyers: int       # buyer accounts among them
    cutoff: datetime | None = None
    done: bool = False


def cutoff_for(now: datetime, days: int) -> datetime:
    return now - timedelta(days=days)


def _select_stale(db: Database, cutoff: datetime) -> None:
    """Fill the work tables with everyone not active since `cutoff` who still has data to erase."""
    db.execute("""
        CREATE OR REPLACE TEMP TABLE _erase_members AS
        SELECT m.member_id FROM members m
        WHERE m.joined_at < $cutoff
          AND NOT EXISTS (SELECT 1 FROM buyers b JOIN orders o ON o.shop_id = b.shop_id AND o.buyer_id = b.buyer_id
                          WHERE b.member_id = m.member_id AND o.ordered_at >= $cutoff)
          AND NOT EXISTS (SELECT 1 FROM buyers b WHERE b.member_id = m.member_id AND b.first_seen >= $cutoff)
          AND (""" + _MEMBER_HOLDS + """
               OR EXISTS (SELECT 1 FROM buyers b WHERE b.member_id = m.member_id AND """ + _BUYER_HOLDS + """))""",
               {"cutoff": cutoff})
    db.execute("""
        CREATE OR REPLACE TEMP TABLE _erase_buyers AS
        SELECT b.shop_id, b.buyer_id FROM buyers b
        WHERE b.member_id IN (SELECT member_id FROM _erase_members)
           OR (NOT EXISTS (SELECT 1 FROM members m WHERE m.member_id = b.member_id)
               AND coalesce(b.first_seen < $cutoff, TRUE)
               AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.shop_id = b.shop_id AND o.buyer_id = b.buyer_id
                               AND o.ordered_at >= $cutoff)
               AND """ + _BUYER_HOLDS + ")", {"cutoff": cutoff})


def _select_member(db: Database, member_id: str) -> None:
    db.execute("CREATE OR REPLACE TEMP TABLE _erase_members AS SELECT member_id FROM members WHERE member_id = ?",
               [member_id])
    db.execute("CREATE OR REPLACE TEMP TABLE _erase_buyers AS SELECT shop_id, buyer_id FROM buyers WHERE member_id = ?",
               [member_id])


def _counted(db: Database, cutoff: datetime | None, *, done: bool) -> Erasure:
    members, buyers, loose = db.fetchone(
        "SELECT (SELECT count(*) FROM _erase_members), (SELECT count(*) FROM _erase_buyers),"
        " (SELECT count(*) FROM _erase_buyers e JOIN buyers b USING (shop_id, buyer_id)"
        "  WHERE b.member_id IS NULL OR b.member_id NOT IN (SELECT member_id FROM _erase_members))") or (0, 0, 0)
    return Erasure(int(members) + int(loose), int(members), int(buyers), cutoff, done)


def _drop_work_tables(db: Database) -> None:
    for name in ("_erase_members", "_erase_buyers", "_erase_ids", "_erase_values"):
        db.execute(f"DROP TABLE IF EXISTS temp.{name}")


def purge_preview(db: Database, now: datetime, days: int) -> Erasure:
    """How many people a purge of everyone with no order in the last `days` days would erase; changes nothing."""
    cutoff = cutoff_for(now, days)
    try:
        _select_stale(db, cutoff)
        return _counted(db, cutoff, done=False)
    finally:
        _drop_work_tables(db)


def purge(db: Database, now: datetime, days: int, *, who: str | None, place: str) -> Erasure:
    """Erase everyone with no order in the last `days` days, in one transaction, and log it."""
    cutoff = cutoff_for(now, days)
    with db.transaction():
        _select_stale(db, cutoff)
        result = _counted(db, cutoff, done=True)
        if result.people:
            _erase_selected(db)
        _log(db, PURGE, who=who, place=place, member_id=None, people=result.people, cutoff=cutoff, days=days)
        _drop_work_tables(db)
    _settle(db, result)
    return result


def erase_member_preview(db: Database, member_id: str) -> Erasure:
    if db.scalar("SELECT count(*) FROM members WHERE member_id = ?", [member_id]) == 0:
        raise KnownError(Message("privacy.erase.unknown", {"member": member_id}))
    try:
        _select_member(db, member_id)
        return _counted(db, None, done=False)
    finally:
        _drop_work_tables(db)


def erase_member(db: Database, member_id: str, *, who: str | None, place: str) -> Erasure:
    """Erase one member's personal data everywhere in the shop (a request under PIPL art. 47 / GDPR art. 17)."""
    with db.transaction():
        if db.scalar("SELECT count(*) FROM members WHERE member_id = ?", [member_id]) == 0:
            raise KnownError(Message("privacy.erase.unknown", {"member": member_id}))
        _select_member(db, member_id)
        result = _counted(db, None, done=True)
        _erase_selected(db, free_text=True)
        _log(db, ERASE, who=who, place=place, member_id=member_id, people=1, cutoff=None, days=None)
        _drop_work_tables(db)
    _settle(db, result)
    return result


def _settle(db: Database, result: Erasure) -> None:
    """Write the erasure into the shop file itself, not only its write-ahead log, before anyone copies it.

    The blocks that held the old values are freed and reused by later writes; a backup made from here on
    (db/shop_backups.py copies the file) carries the erased shop."""
    if result.people:
        db.checkpoint()


def erasure_changes() -> Changes:
    """What a purge or an erasure changes on screen: names and accounts of members and of orders' buyers."""
    return Changes(frozenset({Area.MEMBERS, Area.ORDERS, Area.HISTORY}))


def _log(db: Database, what: str, *, who: str | None, place: str, member_id: str | None, people: int,
         cutoff: datetime | None, days: int | None) -> None:
    db.execute("INSERT INTO privacy_log (revealed_at, who, what, place, member_id, people, cutoff, days)"
               " VALUES (now(), ?, ?, ?, ?, ?, ?, ?)", [who, what, place, member_id, people, cutoff, days])


def _erase_selected(db: Database, *, free_text: bool = False) -> None:
    """Erase the people in `_erase_members` / `_erase_buyers` from every table that holds them."""
    # Every identifying value, for the tables that may have copied one into free text.
    db.execute(f"""
        CREATE OR REPLACE TEMP TABLE _erase_values AS
        SELECT DISTINCT v FROM (
            SELECT unnest([b.name, b.email, b.phone, b.buyer_id]) AS v FROM buyers b JOIN _erase_buyers USING (shop_id, buyer_id)
            UNION ALL
            SELECT unnest([b.name, b.email, b.phone, b.buyer_id]) FROM buyers_prior b JOIN _erase_buyers USING (shop_id, buyer_id)
            UNION ALL
            SELECT unnest([m.display_name, m.email, m.phone]) FROM members m JOIN _erase_members USING (member_id)
            UNION ALL
            SELECT unnest([m.display_name, m.email, m.phone]) FROM members_prior m JOIN _erase_members USING (member_id)
        ) WHERE length(trim(v)) >= {_SHORTEST_MATCHED} AND NOT starts_with(v, '{ERASED_PREFIX}')""")
    names = [str(r[0]) for r in db.fetchall(
        "SELECT DISTINCT display_name FROM (SELECT display_name FROM members JOIN _erase_members USING (member_id)"
        " UNION ALL SELECT display_name FROM members_prior JOIN _erase_members USING (member_id))"
        " WHERE display_name <> ''")]
    # A random account name per buyer: it joins their orders and links to no one.
    db.execute(f"""
        CREATE OR REPLACE TEMP TABLE _erase_ids AS
        SELECT shop_id, buyer_id AS old_id,
               CASE WHEN starts_with(buyer_id, '{ERASED_PREFIX}') THEN buyer_id
                    ELSE '{ERASED_PREFIX}' || replace(gen_random_uuid()::VARCHAR, '-', '') END AS new_id
        FROM _erase_buyers""")
    for table in ("buyers", "buyers_prior"):
        db.execute(f"UPDATE {table} t SET name = NULL, email = NULL, phone = NULL, buyer_id = e.new_id"
                   f" FROM _erase_ids e WHERE t.shop_id = e.shop_id AND t.buyer_id = e.old_id")
    for table in ("orders", "orders_prior"):
        db.execute(f"UPDATE {table} t SET buyer_id = e.new_id FROM _erase_ids e"
                   f" WHERE t.shop_id = e.shop_id AND t.buyer_id = e.old_id AND e.new_id <> e.old_id")
    db.execute("UPDATE row_freshness t SET row_id = e.new_id FROM _erase_ids e"
               " WHERE t.kind = 'buyers' AND t.shop_id = e.shop_id AND t.row_id = e.old_id AND e.new_id <> e.old_id")
    # A split names the buyer account it moved as shop_id, chr(31), buyer_id (services/member_identity.py).
    db.execute("UPDATE member_decisions t SET b = e.shop_id || chr(31) || e.new_id FROM _erase_ids e"
               " WHERE t.b = e.shop_id || chr(31) || e.old_id AND e.new_id <> e.old_id")
    db.execute("UPDATE change_log t SET key = e.shop_id || chr(31) || e.new_id FROM _erase_ids e"
               " WHERE t.entity = 'buyer' AND t.key = e.shop_id || chr(31) || e.old_id AND e.new_id <> e.old_id")
    for table in ("members", "members_prior"):
        db.execute(f"UPDATE {table} SET display_name = '', email = NULL, phone = NULL, notes = NULL"
                   f" WHERE member_id IN (SELECT member_id FROM _erase_members)")
    db.execute("UPDATE points_ledger SET note = NULL WHERE note IS NOT NULL"
               " AND member_id IN (SELECT member_id FROM _erase_members)")
    _erase_copies(db, free_text=free_text)
    _erase_labels(db, names)
    clear_redo(db)


# Text columns that may hold a copy of a person's details: a rejected cell, a payout or stock note, a
# refund reason quoting the buyer.
_COPIES = (("import_rejects", "value"), ("money_movements", "description"), ("money_movements_prior", "description"),
           ("stock_movements", "reference"), ("orders", "refund_reason"), ("orders_prior", "refund_reason"))


def _erase_copies(db: Database, *, free_text: bool) -> None:
    """Blank every cell equal to an erased value; for one member's erasure also any cell containing one.

    The purge matches whole cells only: thousands of people against every note would be a long wait, and
    a name inside a sentence is what an erasure on request asks to look for."""
    for table, column in _COPIES:
        db.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IN (SELECT v FROM _erase_values)")
        if free_text:
            db.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IS NOT NULL"
                       f" AND EXISTS (SELECT 1 FROM _erase_values WHERE contains({column}, v))")


def _erase_labels(db: Database, names: list[str]) -> None:
    """A merge, split or "not the same" names its members in its label: the name becomes empty."""
    if not names:
        return
    wanted = set(names)
    for batch_id, params in db.fetchall("SELECT batch_id, label_params FROM import_batches WHERE kind = ?"
                                        " AND label_params IS NOT NULL", [MEMBER]):
        values = json.loads(params)
        cleaned = {k: ("" if isinstance(v, str) and v in wanted else v) for k, v in values.items()}
        if cleaned != values:
            db.execute("UPDATE import_batches SET label_params = ? WHERE batch_id = ?",
                       [json.dumps(cleaned, ensure_ascii=False), batch_id])
