"""Recompute: every figure derived from the shop's base data, rebuilt in one set-based pass.

Derived figures are the currency of every row whose export named none
(services/shop_currencies.py, domain/shop_currency.py), members' tier history (member_tier_history) and tier
(members.tier_code, the history's last row), the points ledger's 'order',
'refund' and 'expire' entries (domain/tiers.py, domain/points.py) and each
SKU's stock on hand (stock_levels.on_hand, domain/stock_ledger.py).
Only this module writes them, and they are a function of the orders, buyers,
members, tiers table, settings and `today` alone, so:

* every import, edit, undo and redo calls `recompute` inside its own
  transaction, and the figures can never disagree with the data;
* undo does not track them (recompute writes no batch_id, and the ledger
  entries it writes are not in any import's batch), it just runs recompute again;
* the demo shop is built through it, so it shows only what a real shop would.

Segments (new / active / at risk / lapsed, domain/segments.py) depend only on
orders and today and are read live through the sk_segment macro.

Unchanged figures are left alone, so a recompute after a small import writes
little, and only the members whose orders, tier or ledger entries moved since
the last recompute on the connection are recomputed at all (recompute_scope.py);
a derived entry's id is made from what it is, so it is the same whenever and
however often it is recomputed. Tiers and expiry move with the calendar:
`recompute_if_stale` runs it when a shop is opened on a later day than it last ran.
"""

from __future__ import annotations

import logging
import time
from datetime import date

from shopkeeper.db.database import Database
from shopkeeper.db.rule_macros import install_rule_macros
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.points import DERIVED_REASONS, expiry_cutoff
from shopkeeper.services import recompute_scope
from shopkeeper.services.recompute_scope import SCOPE
from shopkeeper.services.shop_currencies import settle_currencies
from shopkeeper.services.stock_ledger import derive_on_hand

log = logging.getLogger(__name__)

RECOMPUTED_FOR = "recomputed_for"  # shop_settings key: the `today` of the last recompute
_DERIVED = ", ".join(f"'{r}'" for r in DERIVED_REASONS)
_ENTRY_COLS = ("member_id", "occurred_at", "points", "reason", "shop_id", "order_id", "expires_at", "available_at")
_HISTORY = "_rc_tier_history"
_ORDERS = "_rc_member_orders"


def recompute(db: Database, today: date | None = None) -> Changes:
    """Rebuild tiers and derived points for `today` (default: the computer's date); the caller holds the transaction."""
    today = today or date.today()
    started = time.perf_counter()
    install_rule_macros(db)
    # First: a member's spend is read in the base currency, so their orders' currencies must be settled.
    currencies = settle_currencies(db)
    scoped = recompute_scope.plan(db, today)
    tiers_changed = points_changed = 0
    if scoped != 0:
        try:
            # One read of the visited members' paid orders feeds both tiers and points.
            orders = f"sk_member_orders_of('{SCOPE}')" if scoped is not None else "sk_member_orders()"
            db.execute(f"CREATE OR REPLACE TEMP TABLE {_ORDERS} AS SELECT * FROM {orders}")
            tiers_changed = _tiers(db, today, scoped is not None)
            points_changed = _points(db, today, scoped is not None)
        finally:
            db.execute(f"DROP TABLE IF EXISTS {_HISTORY}")
            db.execute(f"DROP TABLE IF EXISTS {_ORDERS}")
    recompute_scope.remember(db, today, scoped)
    stock_changed = derive_on_hand(db)
    log.info("recompute for %s (%s members) took %.3f s", today, "all" if scoped is None else scoped,
             time.perf_counter() - started)
    members = Changes.of(Area.MEMBERS) if tiers_changed or points_changed else Changes()
    return currencies | members | (Changes.of(Area.STOCK) if stock_changed else Changes())


def recompute_if_stale(db: Database, today: date | None = None) -> Changes:
    """Recompute in a transaction of its own when the shop was last recomputed before `today`."""
    today = today or date.today()
    last = db.scalar("SELECT value FROM shop_settings WHERE key = ?", [RECOMPUTED_FOR])
    if last is not None and str(last) >= today.isoformat():
        return Changes()
    with db.transaction():
        changes = recompute(db, today)
        # Noted here only: an import's recompute leaves the shop's settings as they were, so undoing
        # the import gives back the shop exactly; the next opening recomputes at most once more.
        _note_day(db, today)
    return changes


def _tiers(db: Database, today: date, scoped: bool) -> int:
    """Rewrite the visited members' tier history and set their tier to its last row (the lowest without one)."""
    days = f"sk_tier_days_from('{_ORDERS}', ?)"
    only = f"AND member_id IN (SELECT member_id FROM {SCOPE})" if scoped else ""
    db.execute(f"CREATE OR REPLACE TEMP TABLE _rc_tier_days AS SELECT * FROM {days}", [today])
    try:
        db.execute(f"CREATE OR REPLACE TEMP TABLE {_HISTORY} AS SELECT * FROM sk_tier_history('_rc_tier_days', ?)",
                   [today])
    finally:
        db.execute("DROP TABLE IF EXISTS _rc_tier_days")
    stored = f"SELECT * FROM member_tier_history WHERE TRUE {only}"
    if not db.scalar("SELECT EXISTS (SELECT 1 FROM member_tier_history)"):
        # Nothing stored yet (a first import): every row is new, nothing to compare.
        changed = int(db.scalar(f"SELECT count(*) FROM {_HISTORY}"))
    else:
        # Rewritten only when it moved: an import of a few orders leaves most histories as they were.
        changed = int(db.scalar(
            f"SELECT (SELECT count(*) FROM (SELECT * FROM {_HISTORY} EXCEPT ALL {stored})) "
            f"+ (SELECT count(*) FROM ({stored} EXCEPT ALL SELECT * FROM {_HISTORY}))"))
    if changed:
        db.execute(f"DELETE FROM member_tier_history WHERE TRUE {only}")
        with db.unordered():
            db.execute(f"INSERT INTO member_tier_history SELECT * FROM {_HISTORY}")
    members_only = only.replace("member_id IN", "members.member_id IN")
    row = db.execute(
        f"UPDATE members SET tier_code = t.tier_code FROM ("
        f"SELECT m.member_id, coalesce(h.tier_code, (SELECT code FROM tiers ORDER BY rank LIMIT 1)) AS tier_code "
        f"FROM members m LEFT JOIN (SELECT member_id, arg_max(tier_code, from_day) AS tier_code FROM {_HISTORY} "
        f"GROUP BY member_id) h USING (member_id)) t "
        f"WHERE members.member_id = t.member_id AND members.tier_code IS DISTINCT FROM t.tier_code {members_only}",
    ).fetchone()
    return (int(row[0]) if row else 0) + changed


# Derived entries get ids made from what they are (member, order or credit, reason), above any id the
# sequence hands out: the same entry keeps its id through every recompute, so undoing an import
# gives back the ledger exactly, ids included. Within an order: earning < refund < expiry.
_DERIVED_ID_BASE = 2**62
_DERIVED_ID_SPAN = 2**59
_REASON_RANK = "CASE reason WHEN 'order' THEN 0 WHEN 'refund' THEN 1 ELSE 2 END"


def _points(db: Database, today: date, scoped: bool) -> int:
    cols = ", ".join(_ENTRY_COLS)
    entries = f"sk_points_entries_from('{_ORDERS}', '{_HISTORY}', ?)"
    # Expiry plays each member's credits and debits apart: narrowed after, it is exact for those members.
    visited = f"member_id IN (SELECT member_id FROM {SCOPE})" if scoped else "TRUE"
    derived = (
        "SELECT "
        # The remainder is cast before any arithmetic: UHUGEINT with BIGINT would go through DOUBLE.
        # It is taken with a mask, not `%`: the same low bits, but UHUGEINT modulo cost ~1.6 CPU s a million.
        f"{_DERIVED_ID_BASE} + CAST(entry_hash & {_DERIVED_ID_SPAN - 1}::UHUGEINT AS BIGINT) * 4 "
        f"+ {_REASON_RANK} "
        # Typed as the ledger's columns: hash() of a BIGINT 5 is not hash() of an INTEGER 5.
        f"AS entry_id, * EXCLUDE (entry_hash) REPLACE (CAST(points AS INTEGER) AS points) FROM ("
        f"SELECT {cols}, entry_hash FROM {entries} WHERE {visited})"
    )
    if not db.scalar(f"SELECT EXISTS (SELECT 1 FROM points_ledger WHERE reason IN ({_DERIVED}))"):
        # Nothing derived is stored yet (a first import): every entry is new, nothing to compare,
        # so they go straight in without a table of their own.
        with db.unordered():
            added = db.execute(f"INSERT INTO points_ledger (entry_id, {cols}) SELECT entry_id, {cols} "
                               f"FROM ({derived})", [expiry_cutoff(today)]).fetchone()
        return int(added[0]) if added else 0
    db.execute(f"CREATE OR REPLACE TEMP TABLE _rc_points AS {derived}", [expiry_cutoff(today)])
    try:
        # Only the entries that differ are touched: comparing one hash per entry is much cheaper
        # than comparing every column of a ledger that changes by a few rows per import.
        db.execute(
            f"CREATE OR REPLACE TEMP TABLE _rc_points_diff AS "
            f"SELECT n.*, p.entry_id IS NOT NULL AS stored FROM _rc_points n "
            f"LEFT JOIN points_ledger p ON p.entry_id = n.entry_id "
            f"WHERE p.entry_id IS NULL OR hash({_columns_of('n')}) <> hash({_columns_of('p')})"
        )
        # Entries no longer wanted go, changed ones are updated in place (an id is never stored twice),
        # new ones come in.
        removed = db.execute(
            f"DELETE FROM points_ledger p WHERE p.reason IN ({_DERIVED}) AND {visited} "
            f"AND NOT EXISTS (SELECT 1 FROM _rc_points n WHERE n.entry_id = p.entry_id)"
        ).fetchone()
        changed = db.execute(
            f"UPDATE points_ledger SET {', '.join(f'{c} = n.{c}' for c in _ENTRY_COLS)} FROM _rc_points_diff n "
            f"WHERE n.stored AND points_ledger.entry_id = n.entry_id"
        ).fetchone()
        with db.unordered():
            added = db.execute(
                f"INSERT INTO points_ledger (entry_id, {cols}) SELECT entry_id, {cols} FROM _rc_points_diff "
                f"WHERE NOT stored"
            ).fetchone()
    finally:
        db.execute("DROP TABLE IF EXISTS _rc_points")
        db.execute("DROP TABLE IF EXISTS _rc_points_diff")
    return sum(int(r[0]) for r in (removed, changed, added) if r)


def _columns_of(alias: str) -> str:
    return ", ".join(f"{alias}.{c}" for c in _ENTRY_COLS)


def _note_day(db: Database, today: date) -> None:
    db.execute(
        "INSERT INTO shop_settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value "
        "WHERE shop_settings.value IS DISTINCT FROM excluded.value",
        [RECOMPUTED_FOR, today.isoformat()],
    )
