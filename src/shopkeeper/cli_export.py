"""`shopkeeper export`: files for the seller to upload elsewhere.

`export stock-update --platform NAME --out FILE [--shop NAME] [--location NAME]`
writes that platform's own stock-update file (services/stock_export.py) with the
quantities the shop's channel rule lists. A platform with no writer, a shop
that cannot be chosen or a file that cannot be written is refused with a
message and a non-zero exit (2, as every refusal), and nothing is written.

`export orders|order-lines|members|products|reorder|promotions --out FILE.csv|FILE.xlsx [--reveal]`
writes that table as a spreadsheet (services/shop_exports.py): personal data
masked unless --reveal, which is written to the privacy log.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message


def add_export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    export = sub.add_parser("export", help="write files to upload to the selling platforms")
    what = export.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    stock = what.add_parser("stock-update", help="a platform's stock-update file, with what its shop should list")
    db_option(stock)
    stock.add_argument("--platform", required=True, metavar="NAME",
                       help="shopify, amazon or woocommerce (taobao has no documented upload file)")
    stock.add_argument("--out", required=True, metavar="FILE", help="file to write (replaced if it exists)")
    stock.add_argument("--shop", metavar="NAME", help="which of the platform's shops (needed when it has several)")
    stock.add_argument("--location", metavar="NAME",
                       help="Shopify: the location whose Available quantities the file sets (default: Shop location)")
    stock.add_argument("--json", action="store_true", help="print what was written as one JSON object")
    from shopkeeper.cli_sku_map import add_sku_map_export

    add_sku_map_export(what, db_option)
    from shopkeeper.services.shop_exports import EXPORTS

    for spec in EXPORTS:
        table = what.add_parser(spec.name, help=f"the shop's {spec.name} as a spreadsheet (.csv or .xlsx)")
        db_option(table)
        table.add_argument("--out", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx (replaced if it exists)")
        if spec.personal:
            table.add_argument("--reveal", action="store_true",
                               help="write names, e-mails and phones unmasked (written to the privacy log)")
        table.add_argument("--json", action="store_true", help="print what was written as one JSON object")


def run_export(db: Database, args: argparse.Namespace) -> int:
    """Run the export named on the command line on `db` (which this closes); returns the exit code."""
    if args.export_what == "sku-map":
        from shopkeeper.cli_sku_map import run_sku_map_export

        return run_sku_map_export(db, args)
    from shopkeeper.services.shop_exports import EXPORT_NAMES

    if args.export_what in EXPORT_NAMES:
        return _run_table_export(db, args)
    from shopkeeper.services.stock_export import DEFAULT_SHOPIFY_LOCATION, write_stock_update

    try:
        result = write_stock_update(db, args.platform.strip().lower(), Path(args.out), shop=args.shop,
                                    location=args.location or DEFAULT_SHOPIFY_LOCATION)
    finally:
        db.close()
    if args.json:
        print(json.dumps({"platform": result.platform, "shop": result.shop_id, "path": str(result.path),
                          "skus": result.count, "units": result.units,
                          "uncounted": result.uncounted, "unlisted": result.unlisted}, ensure_ascii=False))
    else:
        print(english(result.message))
    return 0


def _run_table_export(db: Database, args: argparse.Namespace) -> int:
    from shopkeeper.runtime.clock import SystemClock
    from shopkeeper.services.shop_exports import export_table

    reveal = bool(getattr(args, "reveal", False))
    try:
        result = export_table(db, args.export_what, Path(args.out), SystemClock().today(), reveal=reveal, who="cli")
    finally:
        db.close()
    if args.json:
        print(json.dumps({"table": args.export_what, "path": str(result.path), "rows": result.rows,
                          "masked": not reveal}, ensure_ascii=False))
    else:
        print(english(Message("export.table.written", {"table": args.export_what, "path": str(result.path),
                                                         "count": result.rows})))
    return 0
