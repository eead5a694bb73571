"""Writing generated columns the way imports do: Arrow, a typed temp table, then `merge`.

Used by the demo shop. Money arrives as integer cents and becomes DECIMAL(18,2)
without passing through floats; instants are UTC microseconds.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa

from shopkeeper.db import merge
from shopkeeper.db.database import Database


def dec(cents: np.ndarray, null: np.ndarray | None = None) -> pa.Array:
    """DECIMAL(18,2) straight from integer cents: exact, no float on the way."""
    cents = np.ascontiguousarray(cents, dtype=np.int64)
    words = np.empty(cents.shape[0] * 2, dtype=np.int64)
    words[0::2] = cents
    words[1::2] = np.where(cents < 0, -1, 0)
    validity = None
    if null is not None and null.any():
        validity = pa.array(~null).buffers()[1]
    return pa.Array.from_buffers(pa.decimal128(18, 2), cents.shape[0], [validity, pa.py_buffer(words.tobytes())])


def ts(us: np.ndarray, null: np.ndarray | None = None) -> pa.Array:
    return pa.array(np.asarray(us, dtype=np.int64), type=pa.timestamp("us", tz="UTC"), mask=null)


def ints(values: np.ndarray, null: np.ndarray | None = None) -> pa.Array:
    return pa.array(np.asarray(values, dtype=np.int64), mask=null)


def strs(values: Iterable[str | None]) -> pa.Array:
    return pa.array(list(values), type=pa.string())


class Writer:
    """Stages Arrow columns into typed temp tables and merges them batch by batch."""

    def __init__(self, db: Database, batches: list[int]) -> None:
        self.db = db
        self.batches = batches
        self.read = [0] * len(batches)
        self.added = [0] * len(batches)
        self.updated = [0] * len(batches)

    def _stage(self, table: str, columns: dict[str, pa.Array]) -> str:
        types = dict(self.db.fetchall(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = 'main' AND table_name = ?", [table]))
        select = ", ".join(
            f'CAST("{c}" AS {types[c]}) AS "{c}"' if c in types else f'"{c}"' for c in columns)
        view, staged = f"_demo_{table}", f"staged_demo_{table}"
        con = self.db.connection
        con.register(view, pa.table(columns))
        try:
            self.db.execute(f"CREATE OR REPLACE TEMP TABLE {staged} AS SELECT {select} FROM {view}")
        finally:
            con.unregister(view)
        return staged

    def upsert(self, table: str, columns: dict[str, pa.Array], batch_of_row: np.ndarray) -> None:
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

    def append(self, table: str, columns: dict[str, pa.Array], batch_of_row: np.ndarray) -> None:
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

    def insert_plain(self, table: str, columns: dict[str, pa.Array]) -> None:
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
