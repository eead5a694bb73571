"""The thread that owns the shop's DuckDB connection.

The GUI never touches the database: it submits a typed operation (a
`QueryOp` that reads or a `CommandOp` that writes, see operations.py) on
behalf of an owner QObject and gets the result (or the exception) back on the
GUI thread. Operations run one at a time, in order, so writes serialise and
the connection is never used by two threads.

A result reaches its callback only while the owner lives: once a tab or a
dialog is destroyed its queries are dropped (not even run) and a command's
callbacks are skipped, although the command itself still runs and its
changes are still broadcast — the seller asked for it.

Signals:
    busy_changed(bool): the queue went from idle to busy or back.
    changed(Changes): a command finished (or a shop was opened) and changed these areas.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal

from shopkeeper.domain.changes import Changes
from shopkeeper.domain.commands import CommandResult
from shopkeeper.ui.operations import CommandOp, QueryOp

if TYPE_CHECKING:
    # Only a type: the worker holds the connection the composition root opened; the window never queries it itself.
    from shopkeeper.db.database import Database

log = logging.getLogger(__name__)
SLOW_JOB_S = 0.5

T = TypeVar("T")
R = TypeVar("R", bound=CommandResult)
OnError = Callable[[BaseException], None] | None


@dataclass
class Ticket:
    job_id: int
    owner_id: int
    owner: weakref.ref[QObject]
    key: str | None
    fn: Callable[[Any], Any]
    on_done: Callable[[Any], None] | None
    on_error: OnError
    needs_db: bool = True
    command: bool = False
    cancelled: bool = field(default=False)

    def cancel(self) -> None:
        """Drop the job if not started, and its callbacks either way."""
        self.cancelled = True

    def owner_alive(self) -> bool:
        owner = self.owner()
        return owner is not None and shiboken6.isValid(owner)


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
    changed = Signal(object)

    def __init__(self, opener: Callable[[], Database | None] | None = None) -> None:
        super().__init__()
        self._queue: queue.Queue[Ticket | None] = queue.Queue()
        self._tickets: dict[int, Ticket] = {}
        self._owners: dict[int, set[int]] = {}
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
            self._submit(self, lambda _db: self._adopt(opener()), None, None, needs_db=False)

    # -- GUI side -----------------------------------------------------------------
    def query(self, owner: QObject, op: QueryOp[T], on_done: Callable[[T], None],
              on_error: OnError = None) -> Ticket:
        """Run `op` for `owner`; `on_done(result)` on the GUI thread while `owner` lives."""
        return self._submit(owner, op.fn, on_done, on_error, key=op.key)

    def command(self, owner: QObject, op: CommandOp[R], on_done: Callable[[R], None] | None = None,
                on_error: OnError = None) -> Ticket:
        """Run `op`; on success `changed` is emitted with its Changes, then `on_done` if `owner` lives."""
        return self._submit(owner, op.fn, on_done, on_error, command=True)

    def files(self, owner: QObject, fn: Callable[[], T], on_done: Callable[[T], None],
              on_error: OnError = None) -> Ticket:
        """Run `fn`, which reads other files than the shop (its backups), in turn with the shop's work.

        Unlike a query it runs with no shop open: a damaged shop's backups are listed all the same.
        """
        return self._submit(owner, lambda _db: fn(), on_done, on_error, needs_db=False)

    def is_idle(self) -> bool:
        with self._lock:
            return not self._tickets

    def interrupt(self) -> None:
        """Stop the running query (an import being cancelled, a slow report)."""
        db = self._db
        if db is not None:
            db.interrupt()

    def replace_database(self, owner: QObject, opener: Callable[[], Database],
                         on_done: Callable[[Database], None] | None = None, on_error: OnError = None,
                         *, close_first: bool = False) -> Ticket:
        """Close the current shop and open another, on the worker thread; everything counts as changed.

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

        return self._submit(owner, swap, on_done, on_error, needs_db=False, command=True)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        def close(db: Database | None) -> None:
            if db is not None:
                try:
                    db.checkpoint()
                except Exception:  # noqa: BLE001 - closing must go on
                    log.exception("checkpoint on exit failed")
                db.close()
            self._db = None

        self._submit(self, close, None, None, needs_db=False)
        self._queue.put(None)
        self._thread.wait(timeout_ms)

    def _submit(self, owner: QObject, fn: Callable[[Any], Any], on_done: Callable[[Any], None] | None,
                on_error: OnError, *, key: str | None = None, needs_db: bool = True,
                command: bool = False) -> Ticket:
        owner_id = id(owner)
        ticket = Ticket(next(self._ids), owner_id, weakref.ref(owner), key, fn, on_done, on_error,
                        needs_db, command)
        with self._lock:
            if key is not None:
                for other in self._tickets.values():
                    if other.owner_id == owner_id and other.key == key and other is not self._running:
                        other.cancelled = True
            was_idle = not self._tickets
            self._tickets[ticket.job_id] = ticket
            watched = owner_id in self._owners
            self._owners.setdefault(owner_id, set()).add(ticket.job_id)
        if not watched and owner is not self:
            owner.destroyed.connect(partial(self._owner_destroyed, owner_id))
        self._queue.put(ticket)
        if was_idle:
            self.busy_changed.emit(True)
        return ticket

    def _owner_destroyed(self, owner_id: int, _obj: object = None) -> None:
        with self._lock:
            for job_id in self._owners.pop(owner_id, set()):
                ticket = self._tickets.get(job_id)
                if ticket is None:
                    continue
                if ticket.command:
                    ticket.on_done = ticket.on_error = None  # the write still happens
                else:
                    ticket.cancelled = True

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
                started = time.perf_counter()
                try:
                    outcome = (True, ticket.fn(self._db))
                except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                    outcome = (False, exc)
                took = time.perf_counter() - started
                if took >= SLOW_JOB_S:  # what a seller waited for, named in the log for whoever looks next
                    log.info("job %s took %.2f s", ticket.key or getattr(ticket.fn, "__qualname__", ticket.fn), took)
            with self._lock:
                self._running = None
                self._results[ticket.job_id] = outcome
            self._job_done.emit(ticket.job_id)

    def _deliver(self, job_id: int) -> None:
        with self._lock:
            ticket = self._tickets.pop(job_id, None)
            ok, value = self._results.pop(job_id, (True, None))
            if ticket is not None:
                jobs = self._owners.get(ticket.owner_id)
                if jobs is not None:
                    jobs.discard(job_id)
            idle = not self._tickets
        if ticket is None or ticket.cancelled:
            if idle:
                self.busy_changed.emit(False)
            return
        if ok and ticket.command:
            changes = value.changes if isinstance(value, CommandResult) else Changes.everything()
            self.changed.emit(changes)
        if idle:
            self.busy_changed.emit(False)
        if not ticket.owner_alive():
            return
        if ok:
            if ticket.on_done is not None:
                ticket.on_done(value)
        elif ticket.on_error is not None:
            ticket.on_error(value)
        else:
            raise value  # reaches sys.excepthook -> crash dialog
