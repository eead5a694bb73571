"""`shopkeeper export sku-map --out FILE` and `shopkeeper import --sku-map FILE`: the channel links as a CSV.

The file's columns are `platform, shop, channel_sku, master_sku` (services/sku_map_csv.py).
An import is all or nothing, one undoable change set; a refused file prints each bad
line and exits 2 with the shop unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message


def add_sku_map_export(what: argparse._SubParsersAction[argparse.ArgumentParser],
                       db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    sku_map = what.add_parser("sku-map", help="the channel-SKU links as a CSV (platform, shop, channel_sku, master_sku)")
    db_option(sku_map)
    sku_map.add_argument("--out", required=True, metavar="FILE", help="file to write (replaced if it exists)")
    sku_map.add_argument("--json", action="store_true", help="print what was written as one JSON object")


def run_sku_map_export(db: Database, args: argparse.Namespace) -> int:
    from shopkeeper.services.sku_map_csv import export_sku_map

    try:
        result = export_sku_map(db, Path(args.out))
    finally:
        db.close()
    if args.json:
        print(json.dumps({"path": str(result.path), "rows": result.rows}, ensure_ascii=False))
    else:
        print(english(Message("export.sku_map.written", {"count": result.rows, "path": str(result.path)})))
    return 0


def run_sku_map_import(db: Database, path: str, who: str) -> int:
    """Import a mapping file into `db` (which this closes); a refusal propagates as the KnownError it is."""
    from shopkeeper.services.sku_map_csv import import_sku_map

    try:
        result = import_sku_map(db, Path(path), who=who)
        db.checkpoint()
    finally:
        db.close()
    if result.message is None:
        print(english(Message("import.sku_map.nothing_changed", {"file": Path(path).name})))
    else:
        print(english(result.message), file=sys.stdout)
    return 0
