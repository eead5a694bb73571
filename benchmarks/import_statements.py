"""Where an import's time goes: every SQL statement of one `import_paths`, timed, grouped by its text.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/import_statements.py FILE... [--top N]

Imports the files into a fresh, migrated shop in this process, wrapping `Database.execute` so
each statement's CPU seconds (the process's, all DuckDB threads) and wall seconds are kept;
statements whose first 110 characters agree are summed (the same staging statement once per
table of a zip). On a shared machine CPU seconds are the figure to compare: wall time
includes waiting for the other processes' load.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.imports import import_paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--top", type=int, default=40, help="statement groups to print (default 40)")
    args = parser.parse_args(argv)

    timed: list[tuple[float, float, str]] = []
    execute = Database.execute

    def timing(self: Database, sql: str, params=None):  # type: ignore[no-untyped-def]
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            return execute(self, sql, params)
        finally:
            timed.append((time.process_time() - cpu, time.perf_counter() - wall, sql))

    with tempfile.TemporaryDirectory(prefix="sk-statements-") as workdir:
        work = Path(workdir)
        db = Database.open(work / "shop.duckdb")
        migrate(db, work / "backups")
        Database.execute = timing  # type: ignore[method-assign]
        try:
            cpu, wall = time.process_time(), time.perf_counter()
            outcomes = import_paths(db, args.files, workdir=work / "tmp")
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        finally:
            Database.execute = execute  # type: ignore[method-assign]
            db.close()
    print(f"import: {cpu:.2f} CPU s, {wall:.2f} s wall, {len(timed)} statements "
          f"({sum(t[0] for t in timed):.2f} CPU s inside them)")
    for outcome in outcomes:
        print(f"  {outcome.message}")
    groups: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for stmt_cpu, stmt_wall, sql in timed:
        group = groups[re.sub(r"\s+", " ", sql).strip()[:110]]
        group[0] += stmt_cpu
        group[1] += stmt_wall
        group[2] += 1
    print(f"{'CPU s':>8}{'wall s':>8}{'count':>7}  statement")
    for text, (stmt_cpu, stmt_wall, count) in sorted(groups.items(), key=lambda kv: -kv[1][0])[:args.top]:
        print(f"{stmt_cpu:>8.3f}{stmt_wall:>8.3f}{int(count):>7}  {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
