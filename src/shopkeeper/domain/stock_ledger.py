"""How much of a SKU is on the shelf: the latest stock snapshot plus what moved after it.

A snapshot is a level the shop was told: a product or inventory export (dated
when the file was written) or the seller's stock count (dated when it was
typed). The latest snapshot wins: the greatest `counted_at`, then a count over
an export at the same instant, then the later change set; the order files
were imported in does not matter.

After the snapshot, order lines move stock at their order's instant (the
exports give no reliable shipping or return time), read as catalogue SKUs
through `sk_sku_lines()`:

* a sale takes the line's units off the shelf once the order has left the
  warehouse (shipped, completed, partially refunded). A pending or paid order
  still has its goods on the shelf: it holds them (domain/channel_stock.py
  takes them off *available*), so counting it here as well would count it twice;
* a return puts the units back only when the export says the goods came back
  to the seller: Amazon's "Shipped - Returned to Seller" and "Shipped -
  Rejected by Buyer". Such an order was shipped, so its sale is in the history
  too, and the two cancel out. No other export we read says where refunded
  goods went (Shopify's and Etsy's refunded amounts, Taobao's 退款成功 and
  the 售后状态 of PDD and Douyin say the money went back, not the goods), so a
  refund alone never restocks: the next snapshot corrects the level if the
  goods did come back. A cancelled or fully refunded order (without such a
  status) never took anything.

A line moves stock only after its SKU's first snapshot (before it the level is
unknown, not zero); a line at the snapshot's very instant is in the snapshot.
A SKU never counted has no level here (None): its stock row says 0.

The movement history replays the same rule: from the first snapshot, each
snapshot sets the level (its change is what the count corrected) and each
sale or return moves it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from shopkeeper.domain.order_status import COMPLETED, PARTIALLY_REFUNDED, SHIPPED

IMPORT = "import"
COUNT = "count"
SOURCES = (IMPORT, COUNT)

SALE = "sale"
RETURN = "return"
SNAPSHOT = "snapshot"

LEFT_WAREHOUSE = frozenset({SHIPPED, COMPLETED, PARTIALLY_REFUNDED})
# Platform statuses (as the export wrote them, compared lower-cased) saying the goods came back.
GOODS_BACK = frozenset({"shipped - returned to seller", "shipped - rejected by buyer"})


@dataclass(frozen=True)
class Snapshot:
    counted_at: datetime
    on_hand: int
    source: str
    batch_id: int


@dataclass(frozen=True)
class Move:
    """A sale (negative) or a return (positive) of one order line."""

    occurred_at: datetime
    quantity: int
    kind: str


@dataclass(frozen=True)
class HistoryEntry:
    occurred_at: datetime
    kind: str          # 'snapshot', 'sale' or 'return'
    change: int        # a snapshot: its level less the level before it
    level: int         # the level after this entry
    source: str | None = None


def goods_returned(platform_status: str | None) -> bool:
    return platform_status is not None and platform_status.strip().lower() in GOODS_BACK


def units_out(status: str | None, platform_status: str | None, quantity: int) -> int:
    """Units a line took off the shelf."""
    return quantity if status in LEFT_WAREHOUSE or goods_returned(platform_status) else 0


def units_back(platform_status: str | None, quantity: int) -> int:
    """Units a line put back on the shelf."""
    return quantity if goods_returned(platform_status) else 0


def line_moves(ordered_at: datetime, status: str | None, platform_status: str | None, quantity: int) -> list[Move]:
    moves = []
    out = units_out(status, platform_status, quantity)
    if out > 0:
        moves.append(Move(ordered_at, -out, SALE))
    back = units_back(platform_status, quantity)
    if back > 0:
        moves.append(Move(ordered_at, back, RETURN))
    return moves


def _snapshot_rank(s: Snapshot) -> tuple[datetime, bool, int]:
    return (s.counted_at, s.source == COUNT, s.batch_id)


def latest_snapshot(snapshots: Iterable[Snapshot]) -> Snapshot | None:
    return max(snapshots, key=_snapshot_rank, default=None)


def on_hand(snapshots: Iterable[Snapshot], moves: Iterable[Move]) -> int | None:
    latest = latest_snapshot(snapshots)
    if latest is None:
        return None
    return latest.on_hand + sum(m.quantity for m in moves if m.occurred_at > latest.counted_at)


def history(snapshots: Sequence[Snapshot], moves: Sequence[Move]) -> list[HistoryEntry]:
    """Every snapshot and move from the first snapshot on, oldest first, with the running level.

    At one instant the moves come first (a snapshot includes them), sales before
    returns, then the snapshots in the order `latest_snapshot` ranks them.
    """
    if not snapshots:
        return []
    first = min(s.counted_at for s in snapshots)
    events: list[tuple[tuple[datetime, int, int, bool, int], Snapshot | Move]] = []
    for m in moves:
        if m.occurred_at > first:
            events.append(((m.occurred_at, 0, 0 if m.kind == SALE else 1, False, 0), m))
    for s in snapshots:
        events.append(((s.counted_at, 1, 0, s.source == COUNT, s.batch_id), s))
    events.sort(key=lambda e: e[0])
    level = 0
    out: list[HistoryEntry] = []
    for _, event in events:
        if isinstance(event, Snapshot):
            out.append(HistoryEntry(event.counted_at, SNAPSHOT, event.on_hand - level, event.on_hand, event.source))
            level = event.on_hand
        else:
            level += event.quantity
            out.append(HistoryEntry(event.occurred_at, event.kind, event.quantity, level))
    return out


def _in(values: frozenset[str]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in sorted(values)) + ")"


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_goods_returned(platform_status) AS"
    f" coalesce(lower(trim(platform_status)) IN {_in(GOODS_BACK)}, FALSE)",
    "CREATE OR REPLACE TEMP MACRO sk_units_out(status, platform_status, quantity) AS"
    f" CASE WHEN coalesce(status IN {_in(LEFT_WAREHOUSE)}, FALSE) OR sk_goods_returned(platform_status)"
    " THEN quantity ELSE 0 END",
    "CREATE OR REPLACE TEMP MACRO sk_units_back(platform_status, quantity) AS"
    " CASE WHEN sk_goods_returned(platform_status) THEN quantity ELSE 0 END",
)

# Each ledger reads only what it needs: from each SKU's latest snapshot at or before `since` (NULL: its first),
# a snapshot resetting the level; orders are bounded by the earliest such instant first, which the scan of
# `orders` can use (a shop's latest counts are usually recent). Events sort by instant, moves before snapshots,
# sales before returns, then the snapshots as `latest_snapshot` ranks them; moves at one instant by their order
# line, so the same shop always shows the same history.
_ORDER = "occurred_at, is_snapshot, kind_rank, is_count, batch_rank, shop_id, order_id, line_no"

# The SKUs whose stock the shop was told: a count, an export with quantities (migration 0011 made every older
# stored level a snapshot) or a ledger from before snapshots. Any other SKU's stock is unknown, not zero.
# Plain SQL as well as a macro: an edit asks it inside its transaction, where macros may not be installed yet.
COUNTED_SKUS = "SELECT sku FROM stock_snapshots UNION SELECT sku FROM stock_movements"

TABLE_MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_counted_skus() AS TABLE {COUNTED_SKUS}",
    # sku, from_at: where each counted SKU's ledger starts.
    """CREATE OR REPLACE TEMP MACRO sk_ledger_start(only_sku, since) AS TABLE
    SELECT sku, coalesce(max(counted_at) FILTER (WHERE counted_at <= since), min(counted_at)) AS from_at
    FROM stock_snapshots WHERE only_sku IS NULL OR sku = only_sku GROUP BY sku""",
    # Every sale and return of a counted SKU after its ledger's start: sku, occurred_at, kind, quantity (signed),
    # shop_id, order_id, line_no.
    """CREATE OR REPLACE TEMP MACRO sk_stock_moves_after(only_sku, since) AS TABLE
    WITH start AS (SELECT * FROM sk_ledger_start(only_sku, since)),
    lines AS (
        SELECT l.sku, o.ordered_at AS occurred_at, l.shop_id, l.order_id, l.line_no,
               sk_units_out(o.status, o.platform_status, l.quantity) AS out_units,
               sk_units_back(o.platform_status, l.quantity) AS back_units
        FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id) JOIN start f ON f.sku = l.sku
        WHERE o.ordered_at > (SELECT min(from_at) FROM start) AND o.ordered_at > f.from_at)
    SELECT sku, occurred_at, 'sale' AS kind, -out_units AS quantity, shop_id, order_id, line_no
    FROM lines WHERE out_units > 0
    UNION ALL
    SELECT sku, occurred_at, 'return' AS kind, back_units AS quantity, shop_id, order_id, line_no
    FROM lines WHERE back_units > 0""",
    # Every sale and return of a SKU from its first snapshot on.
    "CREATE OR REPLACE TEMP MACRO sk_stock_moves() AS TABLE SELECT * FROM sk_stock_moves_after(NULL, NULL)",
    # The snapshot each SKU's level starts from: sku, counted_at, on_hand.
    f"""CREATE OR REPLACE TEMP MACRO sk_latest_snapshot() AS TABLE
    SELECT sku, arg_max(counted_at, (counted_at, source = '{COUNT}', coalesce(batch_id, 0))) AS counted_at,
           arg_max(on_hand, (counted_at, source = '{COUNT}', coalesce(batch_id, 0))) AS on_hand
    FROM stock_snapshots GROUP BY sku""",
    # On hand of every SKU with a snapshot: the latest snapshot plus every move after it.
    """CREATE OR REPLACE TEMP MACRO sk_on_hand() AS TABLE
    SELECT s.sku, (s.on_hand + coalesce(sum(m.quantity), 0))::BIGINT AS on_hand, s.counted_at
    FROM sk_latest_snapshot() s
    LEFT JOIN sk_stock_moves_after(NULL, 'infinity'::TIMESTAMPTZ) m ON m.sku = s.sku
    GROUP BY s.sku, s.on_hand, s.counted_at""",
    # The history of one SKU (`only_sku`) or of every counted SKU (NULL), from its ledger's start (see above),
    # oldest first: sku, occurred_at, kind, change, level, source, shop_id, order_id. The first snapshot's change
    # is its whole level, so the changes up to any entry add up to the level after it.
    f"""CREATE OR REPLACE TEMP MACRO sk_stock_ledger(only_sku, since) AS TABLE
    WITH events AS (
        SELECT s.sku, s.counted_at AS occurred_at, '{SNAPSHOT}' AS kind, s.on_hand AS quantity, s.source,
               NULL::VARCHAR AS shop_id, NULL::VARCHAR AS order_id, NULL::INTEGER AS line_no,
               1 AS is_snapshot, 0 AS kind_rank, s.source = '{COUNT}' AS is_count,
               coalesce(s.batch_id, 0) AS batch_rank
        FROM stock_snapshots s JOIN sk_ledger_start(only_sku, since) f ON f.sku = s.sku AND s.counted_at >= f.from_at
        UNION ALL
        SELECT sku, occurred_at, kind, quantity, NULL, shop_id, order_id, line_no,
               0, CASE kind WHEN '{SALE}' THEN 0 ELSE 1 END, FALSE, 0
        FROM sk_stock_moves_after(only_sku, since)),
    segmented AS (
        SELECT *, count(*) FILTER (WHERE kind = '{SNAPSHOT}') OVER (PARTITION BY sku ORDER BY {_ORDER}
                                                                   ROWS UNBOUNDED PRECEDING) AS segment
        FROM events),
    levels AS (
        SELECT *, sum(quantity) OVER (PARTITION BY sku, segment ORDER BY {_ORDER} ROWS UNBOUNDED PRECEDING) AS level
        FROM segmented)
    SELECT sku, occurred_at, kind,
           (CASE WHEN kind = '{SNAPSHOT}'
                 THEN quantity - coalesce(lag(level) OVER (PARTITION BY sku ORDER BY {_ORDER}), 0)
                 ELSE quantity END)::BIGINT AS change,
           level::BIGINT AS level, source, shop_id, order_id
    FROM levels ORDER BY sku, {_ORDER}""",
    "CREATE OR REPLACE TEMP MACRO sk_stock_history(the_sku) AS TABLE"
    " SELECT * EXCLUDE (sku) FROM sk_stock_ledger(the_sku, NULL)",
)
