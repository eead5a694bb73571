"""RFM + churn benchmark: scoring every member against the plain sum of their order totals, in one run.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/rfm_churn.py [--members N] [--lines N] [--repeat N]

Builds the member benchmarks' shop (member_shop.py) in a temporary folder with `--members`
members (default 200,000) and three-line orders to `--lines` order lines (default 1,000,000).
Then, alternating, `--repeat` times (default 5), keeping each task's best wall time:

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
from pathlib import Path

from member_shop import TODAY, build
from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.member_segments import segment_overview


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
        build(db, args.members, args.lines // 3, lines_per_order=3)
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
