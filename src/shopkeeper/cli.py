"""The `shopkeeper` command line.

`shopkeeper` alone opens the window; subcommands work on a shop file without
Qt so they start fast and run on machines with no display. Commands and JSON
keys are a stable contract: add, never rename or remove.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from shopkeeper import __version__
from shopkeeper.cli_report import add_report_parser, run_report
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.exit_codes import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED
from shopkeeper.runtime.clock import SystemClock
from shopkeeper.runtime.logging_setup import configure_logging
from shopkeeper.runtime.paths import AppPaths, app_paths
from shopkeeper.runtime.recent_shops import recent_shops_for, shop_to_open
from shopkeeper.runtime.work_folders import remove_stale_work_folders

if TYPE_CHECKING:
    # The shop is opened lazily: `--version` and `--help` should not load DuckDB.
    from shopkeeper.db.database import Database

TABS = ("listings", "members", "promotions", "charts", "after_sales")

log = logging.getLogger(__name__)


def _db_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="shop file to use (default: $SHOPKEEPER_DB, else the last shop opened)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shopkeeper",
        description="Offline workbench for online sellers. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"Shopkeeper {__version__}")
    _db_option(parser, top=True)
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    parser.add_argument("--tab", choices=TABS, help="tab to show first")
    parser.add_argument("--lang", metavar="CODE", help="interface language: en or zh_CN (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="build the demo shop (two years of trade on four platforms)")
    _db_option(demo, top=False)
    demo.add_argument("--force", action="store_true", help="replace an existing shop file at that path")

    stats = sub.add_parser("stats", help="print the shop's headline counts")
    _db_option(stats, top=False)
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    imp = sub.add_parser("import", help="import platform export files into the shop")
    _db_option(imp, top=False)
    imp.add_argument("files", nargs="*", metavar="FILE")
    imp.add_argument("--sku-map", metavar="FILE.csv",
                     help="apply a channel-SKU mapping (platform, shop, channel_sku, master_sku) as one undoable change")
    imp.add_argument("--shop", metavar="NAME", help="name of the platform shop these files belong to")
    imp.add_argument("--mapping", metavar="NAME", help="saved column mapping for files of an unknown shape")

    from shopkeeper.cli_export import add_export_parser

    add_export_parser(sub, lambda p: _db_option(p, top=False))
    add_report_parser(sub, lambda p: _db_option(p, top=False))
    from shopkeeper.cli_check import add_check_command

    add_check_command(sub, _db_option)
    from shopkeeper.cli_privacy import add_privacy_parser

    add_privacy_parser(sub, lambda p: _db_option(p, top=False))
    from shopkeeper.cli_backup import add_backup_commands

    add_backup_commands(sub, lambda p: _db_option(p, top=False))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        paths = app_paths().ensure()
    except OSError as exc:
        print(f"shopkeeper: cannot create Shopkeeper's folders ({exc}).", file=sys.stderr)
        return 2
    configure_logging(paths.log_file)
    remove_stale_work_folders(paths.cache_dir)
    try:
        code = _run_command(args, paths)
        if code is not None:
            # Output to a pipe is buffered: a reader that went away shows here, not at exit as code 120.
            sys.stdout.flush()
            return code
    except KnownError as exc:
        print(f"shopkeeper: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`shopkeeper report … | head`): not a fault of the shop's. Nothing more can be
        # written there, and Python would complain again flushing stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"shopkeeper: {args.command}: the output was closed before everything was written.", file=sys.stderr)
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        # Ctrl-C before an import's own handling began (while opening the shop), or in another command.
        if args.command == "import":
            print("shopkeeper: Import cancelled before anything was imported.", file=sys.stderr)
        else:
            print("shopkeeper: stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:  # noqa: BLE001 - a bug: the seller gets one line, the log gets the traceback
        log.exception("the %s command failed", args.command)
        print(f"shopkeeper: {args.command} stopped on an unexpected problem; details are in {paths.log_file}",
              file=sys.stderr)
        return 1
    return _run_gui(args, paths)


def _run_command(args: argparse.Namespace, paths: AppPaths) -> int | None:
    """Run a command; None when there is none (the window opens)."""
    if args.command == "demo":
        return _cmd_demo(args, paths)
    if args.command == "stats":
        return _cmd_stats(args, paths)
    if args.command == "import":
        return _cmd_import(args, paths)
    if args.command == "export":
        from shopkeeper.cli_export import run_export

        return run_export(_open(paths, getattr(args, "db", None), must_exist=True), args)
    if args.command == "report":
        return run_report(_open(paths, getattr(args, "db", None), must_exist=True), args, SystemClock().today())
    if args.command == "check":
        from shopkeeper.cli_check import run_check

        return run_check(_open(paths, getattr(args, "db", None), must_exist=True), args)
    if args.command == "privacy":
        from shopkeeper.cli_privacy import run_privacy

        return run_privacy(_open(paths, getattr(args, "db", None), must_exist=True), args)
    if args.command == "backup":
        from shopkeeper.cli_backup import run_backup

        return run_backup(args, paths)
    if args.command == "restore":
        from shopkeeper.cli_backup import run_restore

        return run_restore(args, paths)
    return None


def _open(paths: AppPaths, cli_db: str | None, *, must_exist: bool = False) -> Database:
    from shopkeeper.services.shop_files import backups_dir_for, open_existing_shop, open_shop

    shop = shop_to_open(paths, cli_db)
    opener = open_existing_shop if must_exist else open_shop
    db = opener(shop, backups_dir=backups_dir_for(shop, paths.backups_dir))
    recent_shops_for(paths).add(shop)
    return db


def _cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from shopkeeper.demo.shop import build_demo_shop
    from shopkeeper.services.shop_files import backups_dir_for, open_shop

    shop = shop_to_open(paths, getattr(args, "db", None))
    if shop.exists():
        if not args.force:
            raise KnownError(Message("demo.shop_exists", {"shop": str(shop)}))
        for leftover in (shop, shop.with_name(shop.name + ".wal")):
            leftover.unlink(missing_ok=True)
    db = open_shop(shop, backups_dir=backups_dir_for(shop, paths.backups_dir))
    try:
        summary = build_demo_shop(db, today=SystemClock().today())
        db.checkpoint()
    finally:
        db.close()
    recent_shops_for(paths).add(shop)
    print(
        f"Demo shop written to {shop}: {summary.orders:,} orders, {summary.buyers:,} buyers, "
        f"{summary.skus:,} SKUs ({summary.seconds:.1f} s)"
    )
    return 0


def _cmd_stats(args: argparse.Namespace, paths: AppPaths) -> int:
    from shopkeeper.services.stats import shop_stats

    db = _open(paths, getattr(args, "db", None), must_exist=True)
    try:
        stats = shop_stats(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, sort_keys=False))
    else:
        for key, value in stats.items():
            print(f"{key:>16}: {value}")
    return 0


def _cmd_import(args: argparse.Namespace, paths: AppPaths) -> int:
    from shopkeeper.cli_import import run_import

    if args.sku_map:
        from shopkeeper.cli_sku_map import run_sku_map_import

        if args.files:
            print("shopkeeper: import either export files or one --sku-map file, not both.", file=sys.stderr)
            return 2
        return run_sku_map_import(_open(paths, getattr(args, "db", None), must_exist=True), args.sku_map, "cli")
    if not args.files:
        print("shopkeeper: import needs at least one FILE (or --sku-map FILE.csv).", file=sys.stderr)
        return 2

    return run_import(_open(paths, getattr(args, "db", None)), args, paths)


def _run_gui(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.screenshot:
        # A screenshot needs no display: render offscreen unless the caller chose a platform.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopkeeper.app import run_app

    return run_app(args, paths, started=datetime.now())
