"""How much of a SKU is on the shelf: the latest stock snapshot plus what moved after it.

A snapshot is a level the shop was told: a product or inventory export (dated
when the file was written) or the seller's stock count (dated when it was
typed). The latest snapshot wins: the greatest `counted_at`, then a count over
an export at the same instant, then the later change set; the order files
were imported in does not matter.

After the snapshot, order lines move stock, read as catalogue SKUs through
`sk_sku_lines()`:

* a sale takes the line's units off the shelf once the order has left the
  warehouse (shipped, completed, partially refunded; cancelled or refunded
  after its export gave it a ship time). A pending or paid order still has its
  goods on the shelf: it holds them (domain/channel_stock.py takes them off
  *available*), so counting it here as well would count it twice; cancelled or
  refunded before it shipped, it never took anything;
* a return puts the units back only when the export says the goods came back
  to the seller: Amazon's "Shipped - Returned to Seller" and "Shipped -
  Rejected by Buyer". Such an order was shipped, so its sale is in the history
  too, and the two cancel out (both at the sale's instant). No other export we
  read says where refunded goods went (Shopify's and Etsy's refunded amounts,
  Taobao's 退款成功 and the 售后状态 of PDD and Douyin say the money went back,
  not the goods), so a refund alone never restocks: the next snapshot corrects
  the level if the goods did come back.

When a sale leaves the shelf (`line_instant`): when it shipped, as the export
says (`orders.shipped_at`: Shopify's Fulfilled at, Etsy's Date Shipped and
eBay's Shipped On Date - the day only, so its start -, WooCommerce's completed
date, the 发货时间 / 出库时间 of Taobao, JD, Pinduoduo, Douyin and Youzan); an
export without one (Amazon's order report, older imports) leaves the order's
own instant, the earliest it can have left. A line at or before a snapshot's
instant is in that snapshot, so an order shipped before a count is already out
of it, and one shipped after it leaves after it.

A count also remembers the orders that held the SKU when it was typed
(`stock_snapshots.held_orders`): their goods were on the shelf it counted, so
such an order leaves just after the latest count that held it, not before it.
A ship time after that count says no more; one up to `HOLD_SLACK` before it
does not contradict it (a ship day given without its hour, a count typed a
while after it was taken); one earlier still says the goods had left and the
count did not see them. So an order unshipped when the seller counted leaves
once its shipment is imported, with or without a ship time, and available
stock never goes up when it ships. An export snapshot remembers nothing of the
kind: the level it reports is the platform's, and what the shop knew when it
was imported is no part of it.

A line moves stock only after its SKU's first snapshot (before it the level is
unknown, not zero). A SKU never counted has no level here (None): its stock
row says 0.

The movement history replays the same rule: from the first snapshot, each
snapshot sets the level (its change is what the count corrected) and each
sale or return moves it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from shopkeeper.domain.order_status import CANCELLED, COMPLETED, PARTIALLY_REFUNDED, REFUNDED, SHIPPED

IMPORT = "import"
COUNT = "count"
SOURCES = (IMPORT, COUNT)

SALE = "sale"
RETURN = "return"
SNAPSHOT = "snapshot"

LEFT_WAREHOUSE = frozenset({SHIPPED, COMPLETED, PARTIALLY_REFUNDED})
# Statuses that say nothing of the goods: with a ship time the order had left before it was cancelled or refunded.
LEFT_IF_SHIPPED = frozenset({CANCELLED, REFUNDED})
# Platform statuses (as the export wrote them, compared lower-cased) saying the goods came back.
GOODS_BACK = frozenset({"shipped - returned to seller", "shipped - rejected by buyer"})
# How much earlier than a count that held an order its ship time may be and the count still have had its goods.
HOLD_SLACK = timedelta(hours=24)
_HOLD_SLACK_SQL = f"INTERVAL {int(HOLD_SLACK.total_seconds())} SECOND"

# A move's place among the snapshots of its instant: in them (the usual), or just after them (a held order).
IN_SNAPSHOT, SNAPSHOT_PHASE, AFTER_SNAPSHOT = 0, 1, 2


@dataclass(frozen=True)
class Snapshot:
    counted_at: datetime
    on_hand: int
    source: str
    batch_id: int
    # A count's orders that held the SKU when it was typed (shop_id, order_id); an export's: none.
    held_orders: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Move:
    """A sale (negative) or a return (positive) of one order line.

    `after_snapshot`: at its instant it comes after the snapshots (an order a count held leaves just after
    that count); `line` (shop_id, order_id, line_no) orders the moves of one instant, as the SQL does.
    """

    occurred_at: datetime
    quantity: int
    kind: str
    after_snapshot: bool = False
    line: tuple[str, str, int] = ("", "", 0)

    def after(self, at: datetime) -> bool:
        """Not in a snapshot taken at `at`."""
        return self.occurred_at > at or (self.occurred_at == at and self.after_snapshot)


@dataclass(frozen=True)
class HistoryEntry:
    occurred_at: datetime
    kind: str          # 'snapshot', 'sale' or 'return'
    change: int        # a snapshot: its level less the level before it
    level: int         # the level after this entry
    source: str | None = None


def goods_returned(platform_status: str | None) -> bool:
    return platform_status is not None and platform_status.strip().lower() in GOODS_BACK


def units_out(status: str | None, platform_status: str | None, quantity: int,
              shipped_at: datetime | None = None) -> int:
    """Units a line took off the shelf."""
    left = (status in LEFT_WAREHOUSE or goods_returned(platform_status)
            or (shipped_at is not None and status in LEFT_IF_SHIPPED))
    return quantity if left else 0


def units_back(platform_status: str | None, quantity: int) -> int:
    """Units a line put back on the shelf."""
    return quantity if goods_returned(platform_status) else 0


def held_at_count(ordered_at: datetime, shipped_at: datetime | None, held_at: datetime) -> bool:
    """Whether a count at `held_at` that held the line's order still had its goods on the shelf."""
    if held_at < ordered_at:
        return False
    return shipped_at is None or held_at - HOLD_SLACK < shipped_at <= held_at


def line_instant(ordered_at: datetime, shipped_at: datetime | None = None,
                 holds: Iterable[datetime] = ()) -> tuple[datetime, bool]:
    """When a line's goods left the shelf, and whether that is just after the snapshots of that instant.

    `holds`: the instants of the counts that held its order. The latest that still had its goods wins.
    """
    held = [at for at in holds if held_at_count(ordered_at, shipped_at, at)]
    if held:
        return max(held), True
    return (ordered_at if shipped_at is None else max(ordered_at, shipped_at)), False


def line_moves(ordered_at: datetime, status: str | None, platform_status: str | None, quantity: int,
               shipped_at: datetime | None = None, holds: Iterable[datetime] = (),
               line: tuple[str, str, int] = ("", "", 0)) -> list[Move]:
    at, after = line_instant(ordered_at, shipped_at, holds)
    moves = []
    out = units_out(status, platform_status, quantity, shipped_at)
    if out > 0:
        moves.append(Move(at, -out, SALE, after, line))
    back = units_back(platform_status, quantity)
    if back > 0:
        moves.append(Move(at, back, RETURN, after, line))
    return moves


def holds_of(snapshots: Iterable[Snapshot], order: tuple[str, str]) -> list[datetime]:
    """The instants of the counts that held `order` (shop_id, order_id)."""
    return [s.counted_at for s in snapshots if order in s.held_orders]


def _snapshot_rank(s: Snapshot) -> tuple[datetime, bool, int]:
    return (s.counted_at, s.source == COUNT, s.batch_id)


def latest_snapshot(snapshots: Iterable[Snapshot]) -> Snapshot | None:
    return max(snapshots, key=_snapshot_rank, default=None)


def on_hand(snapshots: Iterable[Snapshot], moves: Iterable[Move]) -> int | None:
    latest = latest_snapshot(snapshots)
    if latest is None:
        return None
    return latest.on_hand + sum(m.quantity for m in moves if m.after(latest.counted_at))


def history(snapshots: Sequence[Snapshot], moves: Sequence[Move]) -> list[HistoryEntry]:
    """Every snapshot and move from the first snapshot on, oldest first, with the running level.

    At one instant the moves in the snapshots come first (a snapshot includes them), then the snapshots in
    the order `latest_snapshot` ranks them, then the moves just after them (orders a count held); among
    moves, sales before returns, then by order line.
    """
    if not snapshots:
        return []
    first = min(s.counted_at for s in snapshots)
    events: list[tuple[tuple[datetime, int, int, bool, int, tuple[str, str, int]], Snapshot | Move]] = []
    for m in moves:
        if m.after(first):
            phase = AFTER_SNAPSHOT if m.after_snapshot else IN_SNAPSHOT
            events.append(((m.occurred_at, phase, 0 if m.kind == SALE else 1, False, 0, m.line), m))
    for s in snapshots:
        events.append(((s.counted_at, SNAPSHOT_PHASE, 0, s.source == COUNT, s.batch_id, ("", "", 0)), s))
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
    "CREATE OR REPLACE TEMP MACRO sk_units_out(status, platform_status, quantity, shipped_at) AS"
    f" CASE WHEN coalesce(status IN {_in(LEFT_WAREHOUSE)}, FALSE) OR sk_goods_returned(platform_status)"
    f" OR (shipped_at IS NOT NULL AND coalesce(status IN {_in(LEFT_IF_SHIPPED)}, FALSE))"
    " THEN quantity ELSE 0 END",
    "CREATE OR REPLACE TEMP MACRO sk_units_back(platform_status, quantity) AS"
    " CASE WHEN sk_goods_returned(platform_status) THEN quantity ELSE 0 END",
    "CREATE OR REPLACE TEMP MACRO sk_held_at_count(ordered_at, shipped_at, held_at) AS"
    " coalesce(held_at >= ordered_at AND (shipped_at IS NULL"
    f" OR (shipped_at > held_at - {_HOLD_SLACK_SQL} AND shipped_at <= held_at)), FALSE)",
    # When a line's goods left the shelf (`line_instant`), given the latest count that still had them (or NULL);
    # then just after that count.
    "CREATE OR REPLACE TEMP MACRO sk_line_instant(ordered_at, shipped_at, held_at) AS"
    " CASE WHEN sk_held_at_count(ordered_at, shipped_at, held_at) THEN held_at"
    " ELSE greatest(ordered_at, coalesce(shipped_at, ordered_at)) END",
)

# Each ledger reads only what it needs: from each SKU's latest snapshot at or before `since` (NULL: its first),
# a snapshot resetting the level; orders are bounded by the earliest such instant first, which the scan of
# `orders` can use (a shop's latest counts are usually recent): an order placed or shipped after it, or held
# by a count. Events sort by instant, then the moves in the snapshots, the snapshots as `latest_snapshot`
# ranks them and the moves just after them (`phase`), sales before returns; moves at one instant by their
# order line, so the same shop always shows the same history.
_ORDER = "occurred_at, phase, kind_rank, is_count, batch_rank, shop_id, order_id, line_no"

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
    # sku, shop_id, order_id, held_at: each count of a SKU with each order that held it then (`holds_of`).
    """CREATE OR REPLACE TEMP MACRO sk_count_holds(only_sku) AS TABLE
    SELECT sku, h.shop_id, h.order_id, counted_at AS held_at
    FROM (SELECT sku, counted_at, unnest(held_orders) AS h FROM stock_snapshots
          WHERE held_orders IS NOT NULL AND (only_sku IS NULL OR sku = only_sku))""",
    # Every sale and return of a counted SKU after its ledger's start: sku, occurred_at, after_snapshot, kind,
    # quantity (signed), shop_id, order_id, line_no.
    f"""CREATE OR REPLACE TEMP MACRO sk_stock_moves_after(only_sku, since) AS TABLE
    WITH start AS (SELECT * FROM sk_ledger_start(only_sku, since)),
    bound AS (SELECT min(from_at) AS bound_at FROM start),
    -- the latest count that held the order and still had its goods (`line_instant`)
    holds AS (
        SELECT h.sku, h.shop_id, h.order_id, max(h.held_at) AS held_at
        FROM sk_count_holds(only_sku) h JOIN orders o USING (shop_id, order_id)
        WHERE sk_held_at_count(o.ordered_at, o.shipped_at, h.held_at)
        GROUP BY h.sku, h.shop_id, h.order_id),
    lines AS (
        SELECT l.sku, sk_line_instant(o.ordered_at, o.shipped_at, h.held_at) AS occurred_at,
               sk_held_at_count(o.ordered_at, o.shipped_at, h.held_at) AS after_snapshot,
               f.from_at, l.shop_id, l.order_id, l.line_no,
               sk_units_out(o.status, o.platform_status, l.quantity, o.shipped_at) AS out_units,
               sk_units_back(o.platform_status, l.quantity) AS back_units
        FROM sk_sku_lines() l JOIN orders o USING (shop_id, order_id) JOIN start f ON f.sku = l.sku
        LEFT JOIN holds h ON h.sku = l.sku AND h.shop_id = l.shop_id AND h.order_id = l.order_id
        WHERE o.ordered_at > (SELECT bound_at FROM bound) OR o.shipped_at > (SELECT bound_at FROM bound)
              OR h.held_at IS NOT NULL),
    moved AS (SELECT * FROM lines WHERE occurred_at > from_at OR (occurred_at = from_at AND after_snapshot))
    SELECT sku, occurred_at, after_snapshot, '{SALE}' AS kind, -out_units AS quantity, shop_id, order_id, line_no
    FROM moved WHERE out_units > 0
    UNION ALL
    SELECT sku, occurred_at, after_snapshot, '{RETURN}' AS kind, back_units AS quantity, shop_id, order_id, line_no
    FROM moved WHERE back_units > 0""",
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
               {SNAPSHOT_PHASE} AS phase, 0 AS kind_rank, s.source = '{COUNT}' AS is_count,
               coalesce(s.batch_id, 0) AS batch_rank
        FROM stock_snapshots s JOIN sk_ledger_start(only_sku, since) f ON f.sku = s.sku AND s.counted_at >= f.from_at
        UNION ALL
        SELECT sku, occurred_at, kind, quantity, NULL, shop_id, order_id, line_no,
               CASE WHEN after_snapshot THEN {AFTER_SNAPSHOT} ELSE {IN_SNAPSHOT} END,
               CASE kind WHEN '{SALE}' THEN 0 ELSE 1 END, FALSE, 0
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
