"""Writing generated columns the way imports do: NumPy columns, a typed temp table, then `merge`.

Used by the demo shop. Money arrives as integer cents and becomes DECIMAL(18,2)
without passing through floats; instants are UTC microseconds. DuckDB scans a
dict of NumPy arrays directly (masked entries are NULLs), so no Arrow library
has to ship with the app for the demo alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from shopkeeper.db import merge
from shopkeeper.db.database import Database


@dataclass(frozen=True)
class Derived:
    """A staged column whose stored value is `sql` applied to it ('{}' stands for the column)."""

    values: np.ndarray
    sql: str


Column = np.ndarray | Derived


def _masked(values: np.ndarray, null: np.ndarray | None) -> np.ndarray:
    if null is None or not np.asarray(null).any():
        return values
    return np.ma.masked_array(values, mask=np.asarray(null, dtype=bool))


def dec(cents: np.ndarray, null: np.ndarray | None = None) -> Derived:
    """DECIMAL(18,2) from integer cents: a decimal product in DuckDB, exact, no float on the way."""
    return Derived(_masked(np.asarray(cents, dtype=np.int64), null), "CAST({} AS DECIMAL(18,0)) * 0.01")


def ts(us: np.ndarray, null: np.ndarray | None = None) -> Derived:
    """TIMESTAMPTZ from UTC microseconds, whatever the connection's time zone."""
    return Derived(_masked(np.asarray(us, dtype=np.int64), null), "to_timestamp(0) + to_microseconds({})")


def ints(values: np.ndarray, null: np.ndarray | None = None) -> np.ndarray:
    return _masked(np.asarray(values, dtype=np.int64), null)


def strs(values: Iterable[str | None]) -> np.ndarray:
    return np.array(list(values), dtype=object)


class Writer:
    """Stages NumPy columns into typed temp tables and merges them batch by batch."""

    def __init__(self, db: Database, batches: list[int]) -> None:
        self.db = db
        self.batches = batches
        self.read = [0] * len(batches)
        self.added = [0] * len(batches)
        self.updated = [0] * len(batches)

    def _stage(self, table: str, columns: dict[str, Column]) -> str:
        types = dict(self.db.fetchall(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = 'main' AND table_name = ?", [table]))

        def value(c: str) -> str:
            column = columns[c]
            return column.sql.format(f'"{c}"') if isinstance(column, Derived) else f'"{c}"'

        select = ", ".join(
            f'CAST({value(c)} AS {types[c]}) AS "{c}"' if c in types else f'{value(c)} AS "{c}"' for c in columns)
        view, staged = f"_demo_{table}", f"staged_demo_{table}"
        con = self.db.connection
        con.register(view, {c: v.values if isinstance(v, Derived) else v for c, v in columns.items()})
        try:
            self.db.execute(f"CREATE OR REPLACE TEMP TABLE {staged} AS SELECT {select} FROM {view}")
        finally:
            con.unregister(view)
        return staged

    def upsert(self, table: str, columns: dict[str, Column], batch_of_row: np.ndarray) -> None:
        columns = {**columns, "_b": ints(batch_of_row)}
        staged = self._stage(table, columns)
        for b, batch_id in enumerate(self.batches):
            n = int((batch_of_row == b).sum())
            if n == 0:
                continue
            self.db.execute(
                f"CREATE OR REPLACE TEMP TABLE {staged}_b AS SELECT * EXCLUDE (_b) FROM {staged} WHERE _b = ?", [b])
            count = merge.upsert(self.db, table, f"{staged}_b", batch_id)
            self.read[b] += n
            self.added[b] += count.added
            self.updated[b] += count.updated
            self.db.execute(f"DROP TABLE {staged}_b")
        self.db.execute(f"DROP TABLE {staged}")

    def append(self, table: str, columns: dict[str, Column], batch_of_row: np.ndarray) -> None:
        names = list(columns)
        staged = self._stage(table, {**columns, "_b": ints(batch_of_row)})
        cols = ", ".join(f'"{c}"' for c in names)
        for b, batch_id in enumerate(self.batches):
            n = int((batch_of_row == b).sum())
            if n == 0:
                continue
            self.db.execute(
                f"INSERT INTO {table} ({cols}, batch_id) SELECT {cols}, ? FROM {staged} WHERE _b = ?", [batch_id, b])
            self.read[b] += n
            self.added[b] += n
        self.db.execute(f"DROP TABLE {staged}")

    def insert_plain(self, table: str, columns: dict[str, Column]) -> None:
        staged = self._stage(table, columns)
        cols = ", ".join(f'"{c}"' for c in columns)
        self.db.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {staged}")
        self.db.execute(f"DROP TABLE {staged}")


def reserve(db: Database, sequence: str, n: int) -> np.ndarray:
    """Take `n` values from a sequence, so later rows from other writers never collide."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    rows = db.fetchall(f"SELECT v FROM (SELECT nextval('{sequence}') AS v FROM range(?)) ORDER BY v", [n])
    return np.array([r[0] for r in rows], dtype=np.int64)
