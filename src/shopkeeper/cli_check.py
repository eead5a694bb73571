"""`shopkeeper check listings`: every listing problem of the shop, as a report.

The checks are a report, not a gate: the command exits 0 whatever it finds
and non-zero only when it cannot read the shop. With `--json` it prints one
list of `{sku, title, problems: [{rule, words}]}` (more keys may be added,
none renamed or removed): `rule` is a stable code of
domain/listing_rules.RULES, `words` what was found (the absolute terms, the
other SKUs sharing a title, the unknown SKU).
"""

from __future__ import annotations

import argparse
import json

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english

CHECKS = ("listings",)


def add_check_command(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                      db_option: object) -> None:
    check = sub.add_parser("check", help="check the shop's listings against the platforms' rules and the law")
    check.add_argument("what", choices=CHECKS, help="what to check")
    db_option(check, top=False)  # type: ignore[operator]
    check.add_argument("--json", action="store_true", help="print one JSON list")


def run_check(db: Database, args: argparse.Namespace) -> int:
    """Print the listing problems of `db` (which this closes)."""
    from shopkeeper.services.listing_checks import all_problems

    try:
        found = all_problems(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps([entry.as_json() for entry in found], ensure_ascii=False))
        return 0
    if not found:
        print("No listing problems found.")
        return 0
    for entry in found:
        unlinked = "" if entry.linked else " (not in the catalogue)"
        print(f"{entry.sku}{unlinked}  {entry.title}")
        for problem in entry.problems:
            where = f"  [{problem.shop_id} {problem.listing_id}]" if problem.shop_id else ""
            print(f"  - {english(problem.message)}{where}")
    skus = sum(1 for e in found if e.linked)
    print(f"{skus} SKU(s) and {len(found) - skus} unlinked listing SKU(s) with problems.")
    return 0
