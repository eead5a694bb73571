"""RFM + churn benchmark: scoring every member against the plain sum of their order totals, in one run.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/rfm_churn.py [--members N] [--lines N] [--repeat N]

Builds (in SQL, deterministically) a migrated shop in a temporary folder with `--members`
members (default 200,000), each with one buyer account on Shopify or Taobao (one in ten on
both), and orders averaging three lines to `--lines` order lines (default 1,000,000), spread
over two years, a few refunded or cancelled, some in USD with a rate. Then, alternating,
`--repeat` times (default 5), keeping each task's best wall time:

* **aggregate**: `sum(total)` of orders per member (orders joined to their buyers) into a
  table - the floor for anything that reads every member's orders;
* **rfm**: `sk_rfm(today)` into a table - sold orders on their local days, net spend in the
  base currency, R/F/M by quantile, named segment, churn flag, expected next order, time to
  the second order;
* **overview**: services.member_segments.segment_overview - the segment sizes, revenue
  share and the movement since a month ago (RFM on two days).

Prints each task's best time and the ratios rfm / aggregate and overview / aggregate.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.member_segments import segment_overview

TODAY = date(2026, 6, 30)


def build(db: Database, members: int, lines: int) -> None:
    orders = lines // 3
    db.execute("INSERT INTO shop_settings VALUES ('base_currency', 'CNY'), ('fx_USD', '7.10')")
    db.execute("INSERT INTO members (member_id, display_name, joined_at) "
               "SELECT 'M' || lpad(i::VARCHAR, 7, '0'), 'member ' || i, TIMESTAMPTZ '2024-01-01 00:00:00+00' "
               "FROM range(?) t(i)", [members])
    db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) "
               "SELECT CASE WHEN i % 2 = 0 THEN 'shopify:s' ELSE 'taobao:t' END, 'b' || i, "
               "'M' || lpad(i::VARCHAR, 7, '0') FROM range(?) t(i) "
               "UNION ALL SELECT 'taobao:t', 'x' || i, 'M' || lpad(i::VARCHAR, 7, '0') "
               "FROM range(?) t(i) WHERE i % 20 = 0", [members, members])
    # Buyers are skewed: a member's chance of an order falls with their number, so a few buy often.
    db.execute(f"""
        INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total,
                            refunded_amount)
        SELECT CASE WHEN m % 2 = 0 THEN 'shopify:s' ELSE 'taobao:t' END, 'o' || i, 'b' || m,
               TIMESTAMPTZ '2024-07-01 00:00:00+00' + to_seconds((hash(i) % 63072000)::BIGINT),
               CASE WHEN m % 2 = 0 THEN '-04:00' ELSE '+08:00' END,
               CASE WHEN i % 29 = 0 THEN 'refunded' WHEN i % 31 = 0 THEN 'cancelled'
                    WHEN i % 37 = 0 THEN 'partially_refunded' ELSE 'completed' END,
               CASE WHEN m % 2 = 0 AND i % 5 = 0 THEN 'USD' ELSE 'CNY' END,
               (10 + hash(i * 7) % 90000 / 100)::DECIMAL(18,2),
               CASE WHEN i % 37 = 0 THEN 5 ELSE 0 END
        FROM (SELECT i, (floor(pow((hash(i * 13) % 1000000) / 1000000.0, 2) * {members}))::BIGINT AS m
              FROM range(?) t(i))""", [orders])
    db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total, "
               "currency) SELECT o.shop_id, o.order_id, l, 'SKU' || (hash(o.order_id) % 500), 'item', 1, "
               "o.total / 3, o.total / 3, o.currency FROM orders o, range(1, 4) r(l)")


def best(tasks: dict[str, Callable[[], None]], repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(repeat):
        for name, task in tasks.items():
            started = time.perf_counter()
            task()
            times[name].append(time.perf_counter() - started)
    for name, runs in times.items():
        print(f"  {name:10s} best {min(runs):.3f} s   all: {' '.join(f'{t:.3f}' for t in runs)}")
    return {name: min(runs) for name, runs in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "shop.duckdb")
        migrate(db, Path(folder) / "backups")
        started = time.perf_counter()
        build(db, args.members, args.lines)
        db.checkpoint()
        counts = db.fetchone("SELECT (SELECT count(*) FROM members), (SELECT count(*) FROM orders), "
                             "(SELECT count(*) FROM order_lines)")
        assert counts is not None
        print(f"shop: {counts[0]:,} members, {counts[1]:,} orders, {counts[2]:,} lines "
              f"(built in {time.perf_counter() - started:.1f} s)")
        tasks: dict[str, Callable[[], None]] = {
            "aggregate": lambda: db.execute(
                "CREATE OR REPLACE TEMP TABLE _bench AS SELECT b.member_id, sum(o.total) AS total FROM orders o "
                "JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id GROUP BY b.member_id"),
            "rfm": lambda: db.execute("CREATE OR REPLACE TEMP TABLE _bench AS SELECT * FROM sk_rfm(?)", [TODAY]),
            "overview": lambda: _overview(db),
        }
        result = best(tasks, args.repeat)
        print(f"rfm / aggregate: {result['rfm'] / result['aggregate']:.2f}x   "
              f"overview / aggregate: {result['overview'] / result['aggregate']:.2f}x")
        scored = db.fetchall("SELECT segment, count(*) FROM sk_rfm(?) GROUP BY 1 ORDER BY 2 DESC", [TODAY])
        print("segments:", ", ".join(f"{s} {n:,}" for s, n in scored))
        db.close()
    return 0


def _overview(db: Database) -> None:
    segment_overview(db, TODAY)


if __name__ == "__main__":
    sys.exit(main())
