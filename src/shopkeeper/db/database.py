"""The one owner of a shop's DuckDB connection.

Every statement goes through here so DuckDB's errors are translated once, at
the boundary, into `KnownError`s the seller can act on. The connection is
offline by construction: extension autoinstall/autoload are off and Python
replacement scans are disabled, so a stray variable name can never become a
table and no query can trigger a download.

A `Database` is not shared between threads: the GUI gives it to a single
worker thread (ui/db_worker.py); the command line uses it directly.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from shopkeeper.db.duckdb_files import OFFLINE_CONFIG, environment_error, looks_like_duckdb, shop_name
from shopkeeper.db.duckdb_files import quote_ident as quote_ident  # the importers and merge quote through here
from shopkeeper.db.shop_backups import restore_advice
from shopkeeper.domain.errors import (
    DamagedShopFileError,
    KnownError,
    NotAShopFileError,
)
from shopkeeper.domain.messages import Message

log = logging.getLogger(__name__)

# Each interrupt stops one statement only; a few hundred retries outlast any Cancel.
_ROLLBACK_ATTEMPTS = 200
_DAMAGED_PATTERNS = ("corrupt", "checksum", "not a valid duckdb")


def translate_error(exc: BaseException, path: Path | None) -> BaseException:
    """Map a DuckDB/OS error to a KnownError when the seller can act on it.

    The messages say what went wrong and what to do, never what state the shop
    is in: only the caller knows whether the failure came before or after its
    COMMIT (see services/imports.py and ShopWriteFailed).
    """
    known = environment_error(exc, path)
    if known is not None:
        return known
    if any(p in str(exc).lower() for p in _DAMAGED_PATTERNS) or _short_read_of(str(exc).lower(), path):
        return damaged_shop_error(path)
    return exc


def damaged_shop_error(path: Path | None, *, unchanged: bool = False) -> DamagedShopFileError:
    code = "shop.damaged_unchanged" if unchanged else "shop.damaged"
    return DamagedShopFileError(Message(code, {"shop": shop_name(path), "advice": restore_advice(path)}))


def not_a_shop_error(path: Path | None) -> NotAShopFileError:
    return NotAShopFileError(Message("shop.other_programs_database", {"shop": shop_name(path)}))


def _short_read_of(text: str, path: Path | None) -> bool:
    # A truncated shop file ends before the blocks its header points to; other files' short reads are not ours.
    return "could not read enough bytes" in text and (path is None or str(path).lower() in text)


# Statements that may change stored rows (TEMP work tables of our own do not count).
_MAY_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|COMMIT|ROLLBACK|ABORT|ALTER|DROP\s+(?!TABLE\s+IF\s+EXISTS\s+temp\.)|COPY|"
                        r"TRUNCATE|MERGE|IMPORT|ATTACH|DETACH|CHECKPOINT|CREATE\s+(?!(OR\s+REPLACE\s+)?TEMP))",
                        re.IGNORECASE)
_KEPT_RESULTS = 8


class Database:
    """A shop file opened for reading and writing."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path | None) -> None:
        self._con = con
        self.path = path
        # Bumped by every statement that may change what a query returns (a write, a COMMIT, a ROLLBACK):
        # results kept on this connection (`kept_result`) are reused only within one generation.
        self.generation = 0
        self._kept: dict[tuple[str, tuple[Any, ...]], tuple[str, int]] = {}

    @classmethod
    def open(cls, path: Path | None, *, read_only: bool = False) -> Database:
        """Open (creating if needed) a shop file; None opens an in-memory shop for tests."""
        target = ":memory:"
        if path is not None:
            path = Path(path)
            if path.exists() and path.is_dir():
                raise KnownError(Message("shop.is_a_folder", {"shop": str(path)}))
            if path.exists() and path.stat().st_size > 0 and not looks_like_duckdb(path):
                raise NotAShopFileError(Message("shop.not_a_shop_file", {"shop": str(path)}))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise translate_error(exc, path) from exc
            target = str(path)
        try:
            con = duckdb.connect(target, read_only=read_only, config=dict(OFFLINE_CONFIG))
        except (duckdb.Error, OSError) as exc:
            known = translate_error(exc, path)
            if known is exc:
                raise
            raise known from exc
        db = cls(con, path)
        db.execute("SET python_enable_replacements = false")
        db.execute("SET TimeZone = 'UTC'")
        return db

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """Raw connection for bulk loads (read_csv, Arrow); callers must stay on this thread."""
        return self._con

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
        if _MAY_WRITE.match(sql):
            # Before it runs as well as after: a write that fails half-way has still moved nothing we can trust.
            self.generation += 1
        try:
            if params is None:
                return self._con.execute(sql)
            return self._con.execute(sql, params)
        except duckdb.Error as exc:
            known = translate_error(exc, self.path)
            if known is exc:
                raise
            raise known from exc

    def kept_result(self, sql: str, params: Sequence[Any] = ()) -> str:
        """A TEMP table holding `sql`'s rows, computed once per generation of this connection's data.

        For the big aggregates a table view pages through (members with their spend and segment):
        sorting, filtering and paging then read a few hundred thousand stored rows instead of
        computing the aggregate again for every page. Any write, COMMIT or ROLLBACK starts a new
        generation, so a kept result never outlives the data it was computed from.
        """
        key = (sql, tuple(params))
        kept = self._kept.get(key)
        if kept is not None and kept[1] == self.generation:
            return kept[0]
        name = kept[0] if kept is not None else f"_sk_kept_{len(self._kept) % _KEPT_RESULTS}_{abs(hash(key)) % 10**9}"
        if kept is None and len(self._kept) >= _KEPT_RESULTS:
            oldest = next(iter(self._kept))
            self._con.execute(f"DROP TABLE IF EXISTS temp.{self._kept.pop(oldest)[0]}")
        generation = self.generation
        self._con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}", list(params))
        self._kept[key] = (name, generation)
        return name

    def fetchall(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return self.execute(sql, params).fetchall()

    def fetchone(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> tuple[Any, ...] | None:
        return self.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        row = self.fetchone(sql, params)
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All-or-nothing block: on any exception nothing inside it is kept."""
        self.begin()
        try:
            yield self
            self.execute("COMMIT")
        except BaseException:
            # An interrupted COMMIT leaves the transaction open and aborted: end it here too.
            self.rollback()
            raise

    def begin(self) -> None:
        """Open a transaction; an interrupted BEGIN leaves none behind."""
        try:
            self.execute("BEGIN TRANSACTION")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        """End the open transaction, keeping nothing of it; a no-op when none is open.

        The Cancel button interrupts whatever statement runs, and that can be
        this ROLLBACK itself: it is then issued again, because a connection left
        inside an aborted transaction refuses every later statement.
        """
        self.generation += 1
        try:
            if not self._despite_interrupts("ROLLBACK"):
                log.error("rollback was interrupted %d times in a row; the connection may still be in a "
                          "transaction", _ROLLBACK_ATTEMPTS)
        except duckdb.TransactionException as exc:
            if "no transaction" not in str(exc).lower():
                log.exception("rollback failed")
        except duckdb.Error:
            log.exception("rollback failed")

    @contextmanager
    def unordered(self) -> Iterator[None]:
        """Writes whose rows need no physical order: DuckDB then inserts in parallel.

        The shop's tables are always read with ORDER BY, so the order rows land in
        does not matter there (a 1M-line import writes ~12% faster). Staging relies
        on the order (row numbers come from rowid) and asks for it explicitly; the
        restore below is best effort, since inside a failed transaction no
        statement runs.
        """
        self.execute("SET preserve_insertion_order = false")
        try:
            yield
        finally:
            try:
                self._despite_interrupts("SET preserve_insertion_order = true")
            except duckdb.Error:
                pass

    def _despite_interrupts(self, sql: str) -> bool:
        """Run a statement a Cancel must not lose (each interrupt stops one statement); False if it never ran."""
        for _attempt in range(_ROLLBACK_ATTEMPTS):
            try:
                self._con.execute(sql)
                return True
            except duckdb.InterruptException:
                continue
        return False

    def interrupt(self) -> None:
        """Stop the running query; safe to call from another thread."""
        self._con.interrupt()

    def checkpoint(self) -> None:
        self.execute("CHECKPOINT")

    def close(self) -> None:
        try:
            self._con.close()
        except duckdb.Error:
            log.exception("closing the shop file failed")
