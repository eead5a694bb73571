"""Money is read through one rule: every reader of money_movements goes through sk_money_movements().

Two reports may state one order's money (Etsy Sold Orders and the statement, Douyin's 结算账单 and 动账明细);
domain/money_sources.py decides which counts. A module reading the table itself would count both again.
Only the modules that write movements (the readers of reports, the merge, privacy erasure), the table's
area and the rule itself name the table.
"""

from __future__ import annotations

import re
from pathlib import Path

import shopkeeper

ROOT = Path(shopkeeper.__file__).parent
# Writers and bookkeeping of the table, not readers of money.
ALLOWED = ("importers/", "db/merge.py", "db/table_areas.py", "db/migrations/", "services/privacy_erasure.py",
           "domain/money_sources.py")
_TABLE = re.compile(r"(?<![\w.])money_movements(?![\w(])")


def test_only_writers_name_the_movements_table() -> None:
    offenders = []
    for path in sorted(ROOT.rglob("*")):
        if path.suffix not in (".py", ".sql") or not path.is_file():
            continue
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith(ALLOWED):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _TABLE.search(line) and "TABLE_AREAS" not in line:
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == [], "read movements through sk_money_movements() (domain/money_sources.py):\n" + "\n".join(
        offenders)


def test_the_pattern_tells_the_table_from_the_rule() -> None:
    assert _TABLE.search("FROM money_movements m")
    assert not _TABLE.search("FROM sk_money_movements() m")
    assert not _TABLE.search("money_movements_prior")
