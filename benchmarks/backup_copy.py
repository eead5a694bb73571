"""How long a consistent backup of a shop takes, two ways, against the import it would precede.

    PYTHONPATH=src .venv/bin/python benchmarks/backup_copy.py [--rows N] [--repeat N]

Builds (into a temporary folder) the demo shop and a shop holding one Shopify
export of `--rows` line items (the file of import_shopify.py, generated once
into benchmarks/data/), timing the demo build and the import. Then, for each
shop, `--repeat` times, alternating:

* **file copy**: `CHECKPOINT` on the open connection, then the file copied
  to a temporary name, fsync'ed and renamed (services/backups.py's way);
* **COPY FROM DATABASE**: `ATTACH` a new file and `COPY FROM DATABASE` into
  it, then `DETACH` (DuckDB's documented way to copy and compact a database);
* **check**: the read-only check a restore runs on a backup before it
  replaces anything (db/shop_backups.py `check_backup`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_shopify import data_file  # noqa: E402
from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.db.migrate import migrate  # noqa: E402
from shopkeeper.db.shop_backups import check_backup  # noqa: E402
from shopkeeper.services.backups import write_backup  # noqa: E402


def _demo_shop(folder: Path) -> tuple[Path, float]:
    from shopkeeper.demo.shop import build_demo_shop

    path = folder / "demo.duckdb"
    db = Database.open(path)
    migrate(db, folder / "backups")
    started = time.perf_counter()
    build_demo_shop(db, today=date(2026, 12, 2))
    db.checkpoint()
    seconds = time.perf_counter() - started
    db.close()
    return path, seconds


def _imported_shop(folder: Path, csv: Path) -> tuple[Path, float]:
    from shopkeeper.services.imports import import_paths

    path = folder / "big.duckdb"
    db = Database.open(path)
    migrate(db, folder / "backups")
    started = time.perf_counter()
    outcomes = import_paths(db, [csv], workdir=folder / "work", make_backup=False)
    db.checkpoint()
    seconds = time.perf_counter() - started
    assert all(o.ok for o in outcomes), [o.message for o in outcomes]
    db.close()
    return path, seconds


def _file_copy(shop: Path, target: Path) -> float:
    db = Database.open(shop)
    started = time.perf_counter()
    write_backup(db, target)
    seconds = time.perf_counter() - started
    db.close()
    return seconds


def _copy_from_database(shop: Path, target: Path) -> float:
    db = Database.open(shop)
    started = time.perf_counter()
    db.execute("ATTACH ? AS backup_copy", [str(target)])
    db.execute("COPY FROM DATABASE " + db.scalar("SELECT current_database()") + " TO backup_copy")
    db.execute("DETACH backup_copy")
    seconds = time.perf_counter() - started
    db.close()
    return seconds


def _check(backup: Path) -> float:
    started = time.perf_counter()
    check_backup(backup)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parent / "data")
    args = parser.parse_args(argv)
    csv = data_file(args.data_dir, args.rows)
    with tempfile.TemporaryDirectory(prefix="backup-bench-") as raw:
        folder = Path(raw)
        demo, demo_s = _demo_shop(folder)
        print(f"demo shop built in {demo_s:.2f} s")
        big, import_s = _imported_shop(folder, csv)
        print(f"{args.rows:,}-line import took {import_s:.2f} s")
        for shop in (demo, big):
            size = shop.stat().st_size / 1e6
            times: dict[str, list[float]] = {"file copy": [], "COPY FROM DATABASE": [], "check": []}
            sizes: dict[str, float] = {}
            for n in range(args.repeat):
                copied = folder / f"copy-{n}.duckdb"
                times["file copy"].append(_file_copy(shop, copied))
                sizes["file copy"] = copied.stat().st_size / 1e6
                times["check"].append(_check(copied))
                copied.unlink()
                attached = folder / f"attached-{n}.duckdb"
                times["COPY FROM DATABASE"].append(_copy_from_database(shop, attached))
                sizes["COPY FROM DATABASE"] = attached.stat().st_size / 1e6
                attached.unlink()
            print(f"{shop.name} ({size:.1f} MB):")
            for task, runs in times.items():
                made = f", backup {sizes[task]:.1f} MB" if task in sizes else ""
                print(f"  {task:<20} best {min(runs):.3f} s  runs {' '.join(f'{r:.3f}' for r in runs)}{made}")
        shutil.rmtree(folder / "work", ignore_errors=True)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
