"""Which members a recompute has to visit: those whose inputs or figures moved since the last one.

A member's tier and derived points depend only on (a) what is the same for the
whole shop - `today`, the settings, the tiers table, the exchange rates and base
currency (sk_fx) - and (b) their own orders (through the buyers linked to them)
and their own ledger entries. So when (a) is what it was at the last recompute
on this connection, and a member's (b) and figures (stored tier, every ledger
entry) are what that recompute left, that member's figures are still exact and
can be skipped. Each member is summed up as a fingerprint (a sum of 64-bit row
hashes: inputs and figures apart); the members whose fingerprint differs from
the one the last recompute left are the scope. Anything else - the first
recompute on a connection, another day, a changed setting - visits everyone.

The fingerprints sit in TEMP tables of the connection: they roll back with the
transaction that wrote them (a dry run, a Cancel, an error), and they are gone
when the shop is closed, so they never outlive the figures they describe and
need nothing stored in the shop file (undo gives the shop back exactly).
"""

from __future__ import annotations

from datetime import date

from shopkeeper.db.database import Database

SCOPE = "_rc_scope"  # member_id: the members this recompute visits
_SEEN = "_rc_seen"  # member_id, inputs, figures: fingerprints as the last recompute left them
_SEEN_SHOP = "_rc_seen_shop"  # the fingerprint of what is the same for every member
_NOW = "_rc_now"
# What stays in the connection's TEMP schema between recomputes (everything else is dropped).
STATE_TABLES = (_SEEN, _SEEN_SHOP)

# Every setting counts but the note of the last opening's recompute (it is written after one).
_SHOP_WIDE = """SELECT hash(CAST(? AS DATE),
    (SELECT list((key, value) ORDER BY key) FROM shop_settings WHERE key <> 'recomputed_for'),
    (SELECT list(t ORDER BY t.code) FROM tiers t),
    (SELECT list((key, value) ORDER BY key) FROM loyalty_settings),
    (SELECT list((shop_id, platform) ORDER BY shop_id) FROM shops),
    (SELECT list(f ORDER BY f.currency, f.rate) FROM sk_fx() f))"""

# The inputs: every order of every buyer linked to the member.
_INPUTS = """SELECT b.member_id, sum(hash(o.shop_id, o.order_id, o.buyer_id, o.ordered_at, o.ordered_tz, o.status,
                                  o.currency, o.total, o.refunded_amount)::HUGEINT) AS fp
    FROM orders o JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id
    WHERE b.member_id IS NOT NULL {where} GROUP BY b.member_id"""

# The figures, and the entries the seller made (inputs to expiry): the stored tier, its history and every ledger entry.
_FIGURES = """SELECT member_id, sum(h) AS fp FROM (
        SELECT member_id, hash(tier_code)::HUGEINT AS h FROM members WHERE TRUE {where}
        UNION ALL
        SELECT member_id, hash(entry_id, occurred_at, points, reason, shop_id, order_id, expires_at,
                               available_at)::HUGEINT
        FROM points_ledger WHERE TRUE {where}
        UNION ALL
        SELECT member_id, hash(from_day, tier_code, basis, change)::HUGEINT FROM member_tier_history WHERE TRUE {where})
    GROUP BY member_id"""

_IN_SCOPE = f"AND member_id IN (SELECT member_id FROM {SCOPE})"


def plan(db: Database, today: date) -> int | None:
    """Fill SCOPE with the members to visit and return how many; None: visit every member."""
    if not _exists(db, _SEEN_SHOP):
        return None
    if db.scalar(f"SELECT fp FROM {_SEEN_SHOP}") != db.scalar(_SHOP_WIDE, [today]):
        return None
    db.execute(
        f"CREATE OR REPLACE TEMP TABLE {_NOW} AS "
        f"SELECT member_id, i.fp AS inputs, f.fp AS figures "
        f"FROM ({_INPUTS.format(where='')}) i FULL JOIN ({_FIGURES.format(where='')}) f USING (member_id)"
    )
    row = db.execute(
        f"CREATE OR REPLACE TEMP TABLE {SCOPE} AS SELECT member_id FROM {_NOW} n FULL JOIN {_SEEN} s "
        f"USING (member_id) WHERE n.inputs IS DISTINCT FROM s.inputs OR n.figures IS DISTINCT FROM s.figures"
    ).fetchone()
    return int(row[0]) if row else 0


def remember(db: Database, today: date, scoped: int | None) -> None:
    """Note the fingerprints the recompute just left (after `plan` said `scoped`)."""
    if scoped is None:
        db.execute(f"CREATE OR REPLACE TEMP TABLE {_SEEN_SHOP} AS SELECT ({_SHOP_WIDE}) AS fp", [today])
        db.execute(
            f"CREATE OR REPLACE TEMP TABLE {_SEEN} AS SELECT member_id, i.fp AS inputs, f.fp AS figures "
            f"FROM ({_INPUTS.format(where='')}) i FULL JOIN ({_FIGURES.format(where='')}) f USING (member_id)"
        )
    else:
        # Only the visited members' figures moved; everyone's inputs are as `plan` found them.
        db.execute(
            f"CREATE OR REPLACE TEMP TABLE {_SEEN} AS "
            f"SELECT member_id, n.inputs, CASE WHEN v.member_id IS NULL THEN n.figures ELSE f.fp END AS figures "
            f"FROM {_NOW} n FULL JOIN ({_FIGURES.format(where=_IN_SCOPE)}) f USING (member_id) "
            f"LEFT JOIN {SCOPE} v USING (member_id)"
        )
    db.execute(f"DROP TABLE IF EXISTS {_NOW}")
    db.execute(f"DROP TABLE IF EXISTS {SCOPE}")


def forget(db: Database) -> None:
    """The next recompute on this connection visits every member."""
    for table in (_SEEN_SHOP, _SEEN, _NOW, SCOPE):
        db.execute(f"DROP TABLE IF EXISTS {table}")


def _exists(db: Database, table: str) -> bool:
    return bool(db.scalar("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [table]))
