"""Which export knows more about an order: a key made from the order's own data.

"The newer value wins" means newer in the data, not in import order. Every
staged order row gets a sortable text key, compared by db/merge.py:

  1. '1' for an order row as the platform wrote it, '0' for a provisional one
     made up from a lines file (Etsy sold items, Taobao 宝贝报表): that only
     fills what the real order row does not say, whichever file came first;
  2. status progression: pending < paid < shipped < completed < partially
     refunded < cancelled < refunded, so a refund or a cancellation is never
     undone by an older file;
  3. the latest stamp the row carries (order time, paid, shipped, and the
     platform's refund / cancel / fulfil stamps, staged as `_stamp`);
  4. the export's latest timestamp (the greatest such stamp in the file);
  5. how many of the row's values it knows (not NULL): of two rows that tie
     on all of the above, the one from a file that lacks a column (a damaged
     header, a cut-down copy) says less, and only fills what the other left;
  6. a digest of the row's values, so two different rows that tie on all of
     the above still resolve the same way whichever came first.

Platforms only supply the stamps they have; the rule is the same for all.

A buyer's key is their freshest order's key in the file, then a digest. A
customers export (the buyer's own account: the name, phone and default address
they keep, their marketing consent) ranks above every order-derived key, so its
values win and orders only fill what it leaves empty, whichever came first; of
two customers exports, the one where the buyer has more orders (then more spent)
is the later one. Such an export carries no date, so these counts are what the
rows say about when they were written.

An order's lines carry the key of the order row they came with, so an import
whose every recorded order got its lines with that very key (a file of whole
orders, the usual case) stores one `LINES_AS_ORDERS` row instead of a second
key per order: `recorded_lines` derives those keys from the import's 'orders'
rows, and every reader of the lines' keys goes through it.
"""

from __future__ import annotations

from collections.abc import Sequence

from shopkeeper.db.merge import FRESHNESS, KEYS, table_columns
from shopkeeper.importers.context import ImportContext, OneByOne, q, table_of_row

# The status order; unknown statuses rank with 'pending'.
STATUS_RANK = {
    "pending": 1, "paid": 2, "shipped": 3, "completed": 4,
    "partially_refunded": 5, "cancelled": 6, "refunded": 7,
}

# Optional staged columns a normaliser may add (never written to the shop).
STAMP = "_stamp"  # the latest refund / cancel / fulfil stamp the row has
PROVISIONAL = "_provisional"  # TRUE for an order made up from its lines only

# Microseconds since 1900 (staged stamps are never earlier), fixed width so the text key sorts
# like the instant; no stamp sorts first. Epoch arithmetic needs no time zone library.
_SINCE_1900_US = 2208988800000000
_NO_STAMP = "0" * 17


def _stamp_text(expr: str) -> str:
    return f"coalesce(lpad(CAST(epoch_us({expr}) + {_SINCE_1900_US} AS VARCHAR), 17, '0'), '{_NO_STAMP}')"


def _known(columns: Sequence[str]) -> str:
    # Fixed width, so the text key sorts like the count.
    if not columns:
        return "'000'"
    return f"lpad(CAST({' + '.join(f'(s.{q(c)} IS NOT NULL)::INTEGER' for c in columns)} AS VARCHAR), 3, '0')"


def _digest(columns: Sequence[str]) -> str:
    # Values only (keys left out), so the same order reached by its number or by its id digests
    # alike. DuckDB's hash: an md5 of the row's text costs twenty times as much on a big file.
    if not columns:
        return "''"
    return f"lpad(CAST(hash({', '.join(f's.{q(c)}' for c in columns)}) AS VARCHAR), 20, '0')"


# The keys of this file's orders and buyers: shop_id, the row's id, freshness (one row per id).
ORDER_KEYS = "_sk_order_keys"
BUYER_KEYS = "_sk_buyer_keys"

# Staged buyer columns of a customers export: the buyer's order count (always staged, NULL when the export
# lacks it: it marks the file as a customers export) and the amount spent (optional), as the export states them.
# They rank two exports of one customer here, and canonical.write_buyers keeps them as the platform's word
# (buyers.platform_orders, platform_spent: domain/platform_totals.py), never as orders.
PROFILE_ORDERS = "_orders_count"
PROFILE_SPENT = "_spent"
# A customers export's buyer keys start with this; order-derived ones with '0' or '1' (see above).
_PROFILE = "p"


def stamp_orders(ctx: ImportContext, staged: str) -> str:
    """Make ORDER_KEYS, the key of every staged order (see the module docstring); returns its name.

    A narrow table of its own: copying a big file's staged orders to add a column costs more.
    """
    cols = table_columns(ctx.db, staged)
    stamps = [f"s.{q(c)}" for c in ("ordered_at", "paid_at", "shipped_at", STAMP) if c in cols]
    latest = f"greatest({', '.join(stamps)})" if stamps else "NULL"
    rank = "CASE s.status " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in STATUS_RANK.items()) + " ELSE 1 END"
    provisional = f"coalesce(s.{q(PROVISIONAL)}, FALSE)" if PROVISIONAL in cols else "FALSE"
    target = set(table_columns(ctx.db, "orders")) - set(KEYS["orders"]) - {"batch_id"}
    values = [c for c in cols if c in target]
    source, export_latest = q(staged), f"(SELECT {_stamp_text(f'max({latest})')} FROM {q(staged)} s)"
    if ctx.together:
        # The latest timestamp of each table imported together is its own, as when it is imported alone.
        if "_row" not in cols:
            raise OneByOne
        per_table = _stamp_text(f"max({latest}) OVER (PARTITION BY {table_of_row('s._row')})")
        source = f"(SELECT s.*, {per_table} AS _export_latest FROM {q(staged)} s)"
        export_latest = "s._export_latest"
    # max(): a file that lists one order twice still gives it one key.
    ctx.create(ORDER_KEYS, f"""
        SELECT s.shop_id, s.order_id, max((CASE WHEN {provisional} THEN '0' ELSE '1' END) || CAST({rank} AS VARCHAR)
               || '|' || {_stamp_text(latest)}
               || '|' || {export_latest}
               || '|' || {_known(values)}
               || '|' || {_digest(values)}) AS {q(FRESHNESS)}
        FROM {source} s GROUP BY s.shop_id, s.order_id
    """)
    return ORDER_KEYS


def stamp_buyers(ctx: ImportContext, staged: str) -> str | None:
    """Make BUYER_KEYS (see the module docstring); returns its name, or None for the plain rule.

    A buyer's latest name and city are those of their freshest order, whichever
    file came first; a customers export's (it stages PROFILE_ORDERS) beat them.
    Buyers of a file that staged neither keyed orders naming them nor a profile
    keep the plain rule.
    """
    cols = table_columns(ctx.db, staged)
    target = set(table_columns(ctx.db, "buyers")) - set(KEYS["buyers"]) - {"batch_id", "first_seen"}
    values = [c for c in cols if c in target]
    if PROFILE_ORDERS in cols:
        return _stamp_profiles(ctx, staged, cols, values)
    if not ctx.scalar("SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'temp' "
                      f"AND table_name = '{ORDER_KEYS}'") or \
            "buyer_id" not in table_columns(ctx.db, "_sk_orders"):
        return None
    ctx.create(BUYER_KEYS, f"""
        WITH o AS (SELECT s.buyer_id, max(k.{q(FRESHNESS)}) AS freshness FROM _sk_orders s
                   JOIN {ORDER_KEYS} k ON k.shop_id = s.shop_id AND k.order_id = s.order_id GROUP BY s.buyer_id)
        SELECT s.shop_id, s.buyer_id, max(coalesce(o.freshness, '0') || '|' || {_digest(values)}) AS {q(FRESHNESS)}
        FROM {q(staged)} s LEFT JOIN o ON o.buyer_id = s.buyer_id
        WHERE s.buyer_id IS NOT NULL GROUP BY s.shop_id, s.buyer_id
    """)
    return BUYER_KEYS


def _stamp_profiles(ctx: ImportContext, staged: str, cols: Sequence[str], values: Sequence[str]) -> str:
    """BUYER_KEYS of a customers export: 'p', the buyer's order count, amount spent, values known, digest."""
    count = f"greatest(coalesce(s.{q(PROFILE_ORDERS)}, 0), 0)"
    # Cents, fixed width; a refund can bring a total spent below zero, which ranks as nothing spent.
    spent = f"greatest(coalesce(CAST(round(s.{q(PROFILE_SPENT)} * 100) AS HUGEINT), 0), 0)" \
        if PROFILE_SPENT in cols else "0"
    ctx.create(BUYER_KEYS, f"""
        SELECT s.shop_id, s.buyer_id,
               max('{_PROFILE}' || lpad(CAST({count} AS VARCHAR), 10, '0')
                   || '|' || lpad(CAST({spent} AS VARCHAR), 20, '0')
                   || '|' || {_known(values)}
                   || '|' || {_digest(values)}) AS {q(FRESHNESS)}
        FROM {q(staged)} s WHERE s.buyer_id IS NOT NULL GROUP BY s.shop_id, s.buyer_id
    """)
    return BUYER_KEYS


# row_freshness kind of an import's one note "my 'order_lines' keys are my 'orders' keys" (see the docstring).
LINES_AS_ORDERS = "order_lines=orders"


def recorded_lines(where: str = "TRUE") -> str:
    """SELECT kind, shop_id, row_id, freshness, batch_id: every 'order_lines' key an import recorded (over alias f,
    narrowed by `where`), those a `LINES_AS_ORDERS` row stands for included."""
    return (f"SELECT f.kind, f.shop_id, f.row_id, f.freshness, f.batch_id FROM row_freshness f "
            f"WHERE f.kind = 'order_lines' AND ({where}) "
            f"UNION ALL SELECT 'order_lines', f.shop_id, f.row_id, f.freshness, f.batch_id FROM row_freshness f "
            f"WHERE f.kind = 'orders' AND ({where}) AND f.batch_id IN "
            f"(SELECT batch_id FROM row_freshness WHERE kind = '{LINES_AS_ORDERS}')")


def stored_line_freshness(staged: str) -> str:
    """SELECT shop_id, row_id, freshness: the key the stored lines of each order of `staged` (shop_id, order_id) have."""
    listed = f"EXISTS (SELECT 1 FROM {q(staged)} s WHERE s.shop_id = f.shop_id AND s.order_id = f.row_id)"
    return (f"SELECT shop_id, row_id, max(freshness) AS freshness FROM ({recorded_lines(listed)}) "
            "GROUP BY shop_id, row_id")


def lines_follow_orders(ctx: ImportContext, keys: str, staged_lines: str) -> bool:
    """Whether every 'orders' key this import recorded is that of an order with lines in `staged_lines`.

    Then the lines' keys are exactly the orders' keys: a rekeyed order's copied key, or a
    second write of orders, makes the import's 'orders' rows outnumber the staged keys.
    """
    recorded = ctx.scalar("SELECT count(*) FROM row_freshness WHERE batch_id = $batch AND kind = 'orders'")
    listed = ctx.scalar(
        f"SELECT count(*) FROM {q(keys)} k WHERE k.{q(FRESHNESS)} IS NOT NULL AND EXISTS "
        f"(SELECT 1 FROM {q(staged_lines)} l WHERE l.shop_id = k.shop_id AND l.order_id = k.order_id)")
    return int(recorded) == int(listed)


def record_lines_as_orders(ctx: ImportContext) -> None:
    """Note that this import's lines' keys are its orders' keys (see lines_follow_orders)."""
    ctx.run(f"INSERT INTO row_freshness (kind, shop_id, row_id, freshness, batch_id) "
            f"VALUES ('{LINES_AS_ORDERS}', $shop, '', '', $batch)")
