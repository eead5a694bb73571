"""The thread that owns the shop's DuckDB connection.

The GUI never touches the database: it submits a function `fn(db) -> result`
and gets the result (or the exception) back on the GUI thread through a queued
signal. Jobs run one at a time, in order, so writes serialise and the
connection is never used by two threads. A job submitted with a `key`
replaces any job with the same key that has not started yet (a chart being
redrawn while the seller keeps changing the date range needs only the latest).

Signals:
    busy_changed(bool): the queue went from idle to busy or back.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from shopkeeper.db.database import Database

log = logging.getLogger(__name__)

Job = Callable[[Database], Any]


@dataclass
class Ticket:
    job_id: int
    key: str | None
    fn: Callable[[Any], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    needs_db: bool = True
    cancelled: bool = field(default=False)

    def cancel(self) -> None:
        """Drop the job if not started, and its callbacks either way."""
        self.cancelled = True


class _Thread(QThread):
    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self._worker = worker

    def run(self) -> None:
        self._worker._loop()


class DbWorker(QObject):
    # Only the job id crosses threads: results wait in `_results`. (Queued
    # signals carrying arbitrary Python objects, None in particular, have
    # corrupted reference counts in PySide6 6.12 and crashed the interpreter.)
    _job_done = Signal(int)
    busy_changed = Signal(bool)

    def __init__(self, opener: Callable[[], Database | None] | None = None) -> None:
        super().__init__()
        self._queue: queue.Queue[Ticket | None] = queue.Queue()
        self._tickets: dict[int, Ticket] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._db: Database | None = None
        self._running: Ticket | None = None
        self._results: dict[int, tuple[bool, Any]] = {}
        self._job_done.connect(self._deliver)
        self._thread = _Thread(self)
        self._thread.setObjectName("shopkeeper-db")
        self._thread.start()
        if opener is not None:
            self.submit(lambda _db: self._adopt(opener()), needs_db=False)

    # -- GUI side -----------------------------------------------------------------
    def submit(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        needs_db: bool = True,
    ) -> Ticket:
        """Queue `fn(db)`; jobs that need a shop are dropped while none is open."""
        ticket = Ticket(next(self._ids), key, fn, on_done, on_error, needs_db)
        with self._lock:
            if key is not None:
                for other in self._tickets.values():
                    if other.key == key and other is not self._running:
                        other.cancelled = True
            was_idle = not self._tickets
            self._tickets[ticket.job_id] = ticket
        self._queue.put(ticket)
        if was_idle:
            self.busy_changed.emit(True)
        return ticket

    def is_idle(self) -> bool:
        with self._lock:
            return not self._tickets

    def interrupt(self) -> None:
        """Stop the running query (an import being cancelled, a slow report)."""
        db = self._db
        if db is not None:
            db.interrupt()

    def replace_database(self, opener: Callable[[], Database], on_done=None, on_error=None,  # noqa: ANN001
                         *, close_first: bool = False) -> Ticket:
        """Close the current shop and open another, on the worker thread.

        `close_first` closes the current one before opening: needed to open the same file again, since
        DuckDB hands a second connection in this process the first one's (possibly failed) database.
        """

        def swap(old: Database | None) -> Database:
            if close_first and old is not None:
                self._adopt(None)
                old.close()
                old = None
            new = opener()
            if old is not None:
                old.close()
            self._adopt(new)
            return new

        return self.submit(swap, on_done, on_error, needs_db=False)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        def close(db: Database | None) -> None:
            if db is not None:
                try:
                    db.checkpoint()
                except Exception:  # noqa: BLE001 - closing must go on
                    log.exception("checkpoint on exit failed")
                db.close()
            self._db = None

        self.submit(close, needs_db=False)
        self._queue.put(None)
        self._thread.wait(timeout_ms)

    # -- worker side --------------------------------------------------------------
    def _adopt(self, db: Database | None) -> Database | None:
        self._db = db
        return db

    def _loop(self) -> None:
        while True:
            ticket = self._queue.get()
            if ticket is None:
                return
            if ticket.cancelled or (ticket.needs_db and self._db is None):
                ticket.cancelled = True
                outcome: tuple[bool, Any] = (True, None)
            else:
                with self._lock:
                    self._running = ticket
                try:
                    outcome = (True, ticket.fn(self._db))
                except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                    outcome = (False, exc)
            with self._lock:
                self._running = None
                self._results[ticket.job_id] = outcome
            self._job_done.emit(ticket.job_id)

    def _deliver(self, job_id: int) -> None:
        with self._lock:
            ticket = self._tickets.pop(job_id, None)
            ok, value = self._results.pop(job_id, (True, None))
            idle = not self._tickets
        if idle:
            self.busy_changed.emit(False)
        if ticket is None or ticket.cancelled:
            return
        if ok:
            if ticket.on_done is not None:
                ticket.on_done(value)
        elif ticket.on_error is not None:
            ticket.on_error(value)
        else:
            raise value  # reaches sys.excepthook -> crash dialog
