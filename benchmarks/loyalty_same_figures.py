"""Do two checkouts' recomputes derive the very same figures on the benchmark shop? (a check, not a timing)

Run once per checkout, then compare:

    PYTHONPATH=<old>/src .venv/bin/python benchmarks/loyalty_same_figures.py dump /tmp/old
    PYTHONPATH=src .venv/bin/python benchmarks/loyalty_same_figures.py dump /tmp/new
    .venv/bin/python benchmarks/loyalty_same_figures.py compare /tmp/old /tmp/new

`dump` builds the benchmark shop (member_shop.py) and, for each scenario below, recomputes and
writes the tier history, every member's tier, the whole points ledger and `sk_rfm(today)` as
Parquet files: the default settings on a first recompute; 3,000 redemptions and adjustments
added, recomputed again; then each tier window, the points and orders bases, the annual expiry
model, six-month expiry with a bonus event, and another `today`, each recomputed on the stored
figures (only the differences written). `compare` says, per file, whether the rows are the same.
A speed-up of the recompute must leave every file equal.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

import duckdb

from member_shop import TODAY, build
from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.recompute import recompute

# (name, loyalty settings to set, today): each recomputed on what the one before it left.
SCENARIOS: tuple[tuple[str, dict[str, str], date], ...] = (
    ("first", {}, TODAY),
    ("spenders", {}, TODAY),
    ("calendar_year", {"tier_window": "calendar_year"}, TODAY),
    ("lifetime", {"tier_window": "lifetime"}, TODAY),
    ("points_basis", {"tier_window": "rolling_12", "tier_basis": "points"}, TODAY),
    ("orders_basis", {"tier_basis": "orders"}, TODAY),
    ("annual_expiry", {"tier_basis": "spend", "points_expiry_model": "annual",
                       "points_expiry_month_day": "03-31"}, TODAY),
    ("six_months_bonus", {"points_expiry_model": "months", "points_expiry_months": "6",
                          "bonus_events": '[{"name": "618", "from": "2025-06-01", "to": "2025-06-18", '
                                          '"platform": "taobao", "multiply": 2, "add": 5}]'}, TODAY),
    ("earlier_today", {}, date(2025, 12, 31)),
)

_DUMPS = {
    "history": "SELECT * FROM member_tier_history",
    "tiers": "SELECT member_id, tier_code FROM members",
    "ledger": "SELECT entry_id, member_id, occurred_at, points, reason, shop_id, order_id, expires_at, "
              "available_at FROM points_ledger",
    "rfm": "SELECT * FROM sk_rfm(?)",
}


def dump(folder: Path, members: int, orders: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        db = Database.open(Path(work) / "shop.duckdb")
        migrate(db, Path(work) / "backups")
        with db.transaction():
            build(db, members, orders)
        for name, settings, today in SCENARIOS:
            with db.transaction():
                if name == "spenders":
                    _add_seller_entries(db)
                for key, value in settings.items():
                    db.execute("INSERT OR REPLACE INTO loyalty_settings (key, value) VALUES (?, ?)", [key, value])
                recompute(db, today)
            for what, sql in _DUMPS.items():
                params = [today] if "?" in sql else None
                db.execute(f"COPY ({sql}) TO '{folder / f'{name}.{what}.parquet'}' (FORMAT parquet)", params)
        db.close()
    print(f"dumped {len(SCENARIOS)} scenarios to {folder}")


def _add_seller_entries(db: Database) -> None:
    """3,000 redemptions and adjustments (+ and -) over the two years, for members who bought most."""
    db.execute("""
        INSERT INTO points_ledger (entry_id, member_id, occurred_at, points, reason, note)
        SELECT 1000 + i, 'M' || lpad((hash(i * 11) % 2000)::VARCHAR, 7, '0'),
               TIMESTAMPTZ '2024-09-01 00:00:00+00' + to_seconds((hash(i * 17) % 55000000)::BIGINT),
               CASE WHEN i % 3 = 0 THEN 40 - (hash(i) % 80)::INTEGER ELSE -(1 + hash(i * 19) % 400)::INTEGER END,
               CASE WHEN i % 3 = 0 THEN 'adjust' ELSE 'redeem' END,
               CASE WHEN i % 3 = 0 THEN 'benchmark' END
        FROM range(3000) t(i) WHERE NOT (i % 3 = 0 AND 40 - hash(i) % 80 = 0)""")


def compare(old: Path, new: Path) -> int:
    con = duckdb.connect()
    failures = 0
    for name, _settings, _today in SCENARIOS:
        for what in _DUMPS:
            a, b = old / f"{name}.{what}.parquet", new / f"{name}.{what}.parquet"
            rows = con.execute(f"SELECT count(*) FROM '{a}'").fetchone()[0]
            differ = con.execute(f"SELECT (SELECT count(*) FROM (FROM '{a}' EXCEPT ALL FROM '{b}')) "
                                 f"+ (SELECT count(*) FROM (FROM '{b}' EXCEPT ALL FROM '{a}'))").fetchone()[0]
            failures += differ > 0
            print(f"{name:17s} {what:8s} {rows:9,} rows  {'same' if differ == 0 else f'{differ:,} rows DIFFER'}")
    print("identical" if failures == 0 else f"{failures} files differ")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("folder", type=Path)
    d.add_argument("--members", type=int, default=200_000)
    d.add_argument("--orders", type=int, default=333_000)
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.folder, args.members, args.orders)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
