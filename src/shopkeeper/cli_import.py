"""`shopkeeper import`: the import runs on a worker thread so that Ctrl-C can cancel it cleanly.

Ctrl-C sets the import's cancel flag and interrupts the running statement,
exactly like the window's Cancel button: the table being imported is rolled
back and the command exits with 130. A Ctrl-C (or a full disk) can also come
at or after a COMMIT; the lines printed then say what the shop really holds,
which the shop itself is asked for, never assumed.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import duckdb

from shopkeeper.db.database import Database
from shopkeeper.domain.errors import KnownError, ShopWriteFailed, import_state
from shopkeeper.domain.message_texts import english
from shopkeeper.exit_codes import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_SHOP_FAULT
from shopkeeper.runtime.paths import AppPaths
from shopkeeper.runtime.work_folders import work_folder
from shopkeeper.services.imports import FileOutcome, ImportCancelled, import_paths, settle

log = logging.getLogger(__name__)


_JOIN_S = 0.2


def run_import(db: Database, args: argparse.Namespace, paths: AppPaths) -> int:
    """Import the files named on the command line into `db` (which this closes); returns the exit code."""
    cancelled = threading.Event()
    outcome: dict[str, Any] = {}

    def job() -> None:
        try:
            with work_folder(paths.cache_dir) as work:
                outcome["files"] = import_paths(db, [Path(f) for f in args.files], workdir=work,
                                                shop_name=args.shop, mapping_name=args.mapping,
                                                cancel=cancelled.is_set)
            try:
                db.checkpoint()
            except duckdb.InterruptException:
                # Ctrl-C after the COMMITs: the imports are in the journal, which the next open folds in.
                pass
        except BaseException as error:  # noqa: BLE001 - handed to the main thread, which reports it
            outcome["error"] = error

    def on_ctrl_c(_signum: int, _frame: FrameType | None) -> None:
        cancelled.set()
        db.interrupt()

    worker = threading.Thread(target=job, name="shopkeeper-import", daemon=True)
    with _ctrl_c_calls(on_ctrl_c):
        worker.start()
        while worker.is_alive():
            worker.join(_JOIN_S)  # short waits: the signal handler runs between them
        db.close()
    return _report(db.path, outcome, interrupted=cancelled.is_set())


class _ctrl_c_calls:  # noqa: N801 - used as a context manager
    """SIGINT calls `handler` instead of raising KeyboardInterrupt (main thread only, as Python requires)."""

    def __init__(self, handler: Callable[[int, FrameType | None], None]) -> None:
        self._handler = handler
        self._previous: Any = None
        self._installed = threading.current_thread() is threading.main_thread()

    def __enter__(self) -> None:
        if self._installed:
            self._previous = signal.signal(signal.SIGINT, self._handler)

    def __exit__(self, *_exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)


def _report(shop: Path | None, outcome: dict[str, Any], *, interrupted: bool) -> int:
    error = outcome.get("error")
    files: list[FileOutcome] = outcome.get("files") or list(getattr(error, "done", ()))
    failed = _print_outcomes(files)
    if error is None:
        if interrupted:
            _say("Ctrl-C came after the import was saved: the files listed above as imported were kept.")
            return EXIT_INTERRUPTED
        return EXIT_FAILED if failed else 0
    if isinstance(error, ImportCancelled):
        if error.name is None:
            state = (" Files listed above as imported were kept." if files
                     else " The shop is as it was before.")
            _say("Import cancelled." + state)
        else:
            _say("Import cancelled. " + english(import_state(error.name, error.kept, bool(files))))
        return EXIT_INTERRUPTED
    if isinstance(error, ShopWriteFailed):
        if shop is not None:
            error = settle(shop, error)
        _say(str(error))
        return EXIT_INTERRUPTED if interrupted else EXIT_SHOP_FAULT
    if isinstance(error, KnownError):
        # import_paths returned: every import it reported was committed, and only the checkpoint failed.
        kept = " The imports listed above were kept." if "files" in outcome else ""
        _say(str(error) + kept)
        return EXIT_SHOP_FAULT
    log.error("import failed", exc_info=(type(error), error, error.__traceback__))
    _say(f"the import stopped on an unexpected problem ({type(error).__name__}); details are in the log.")
    return EXIT_FAILED


def _print_outcomes(files: list[FileOutcome]) -> bool:
    failed = False
    for item in files:
        print(item.message, file=sys.stdout if item.ok else sys.stderr)
        failed = failed or not item.ok
    return failed


def _say(message: str) -> None:
    print(f"shopkeeper: {message}", file=sys.stderr)
