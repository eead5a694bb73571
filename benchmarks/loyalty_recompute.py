"""Points + tiers recompute benchmark: every member's tier history and points ledger against a plain aggregate.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/loyalty_recompute.py [--members N] [--orders N] [--repeat N]

Builds the member benchmarks' shop (member_shop.py) in a temporary folder with `--members`
members (default 200,000) and `--orders` orders (default 333,000: the orders of ~1,000,000
lines at three lines an order; recompute reads orders, not lines, so none are written). Then, alternating, `--repeat` times (default 3), keeping
each task's run with the least CPU time (wall time too):

* **aggregate**: `sum(total)` of orders per member (orders joined to their buyers) into a
  table - the floor for anything that reads every member's orders;
* **first**: services.recompute.recompute on a shop with no derived figures yet (what the
  first import pays): tier history, tiers, every 'order', 'refund' and 'expire' entry;
* **again**: the same with everything already stored and the connection's fingerprints
  forgotten (a shop opened on a new day): every member visited, only differences written;
* **segments**: every member's RFM scores and named segment (`sk_rfm(today)`) into a table.

It then prints **first + segments** and **again + segments**: recomputing points, tiers and
segments for every member (issue 10 item 8: at most 2 s), each against the aggregate.

The same script runs on an older checkout (PYTHONPATH=<that checkout>/src) for the ratio.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from member_shop import TODAY, build
from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services import recompute_scope
from shopkeeper.services.recompute import recompute


def _aggregate(db: Database) -> None:
    db.execute("CREATE OR REPLACE TEMP TABLE _bench AS SELECT b.member_id, sum(o.total) AS spend FROM orders o "
               "JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id GROUP BY b.member_id")


def _clear(db: Database) -> None:
    db.execute("DELETE FROM points_ledger")
    db.execute("UPDATE members SET tier_code = 'bronze'")
    if db.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'member_tier_history'"):
        db.execute("DELETE FROM member_tier_history")
    recompute_scope.forget(db)


def _recompute(db: Database) -> None:
    with db.transaction():
        recompute(db, TODAY)


def _segments(db: Database) -> None:
    db.execute("CREATE OR REPLACE TEMP TABLE _bench_rfm AS SELECT * FROM sk_rfm(?)", [TODAY])


def _timed(prepare: Callable[[], None], task: Callable[[], None]) -> tuple[float, float]:
    """(wall s, CPU s of this process: DuckDB's threads included, steadier on a shared machine)."""
    prepare()
    started, cpu = time.perf_counter(), time.process_time()
    task()
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--orders", type=int, default=333_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.duckdb")
        migrate(db, Path(folder) / "backups")
        with db.transaction():
            build(db, args.members, args.orders)
        best: dict[str, tuple[float, float]] = {}
        for _ in range(args.repeat):
            runs = {
                "aggregate": _timed(lambda: None, lambda: _aggregate(db)),
                "first": _timed(lambda: _clear(db), lambda: _recompute(db)),
                "again": _timed(lambda: recompute_scope.forget(db), lambda: _recompute(db)),
                "segments": _timed(lambda: None, lambda: _segments(db)),
            }
            for name, seconds in runs.items():
                best[name] = min(best.get(name, seconds), seconds, key=lambda s: s[1])
        entries = db.scalar("SELECT count(*) FROM points_ledger")
        history = db.scalar("SELECT count(*) FROM member_tier_history") if db.scalar(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'member_tier_history'") else 0
        db.close()
    print(f"members {args.members:,}, orders {args.orders:,}: ledger {entries:,} entries, history {history:,} rows")
    for pass_ in ("first", "again"):
        best[f"{pass_}+segments"] = (best[pass_][0] + best["segments"][0], best[pass_][1] + best["segments"][1])
    floor_wall, floor_cpu = best["aggregate"]
    for name, (wall, cpu) in best.items():
        print(f"{name:15s} wall {wall:7.3f} s  CPU {cpu:7.3f} s  "
              f"({wall / floor_wall:.1f}x aggregate's wall, {cpu / floor_cpu:.1f}x its CPU)")


if __name__ == "__main__":
    main()
