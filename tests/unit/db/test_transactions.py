"""A transaction that fails or is cancelled keeps nothing and leaves the shop usable."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from shopkeeper.db.database import Database


def _count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM notes"))


def test_a_failed_block_keeps_nothing(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.duckdb")
    db.execute("CREATE TABLE notes (n INTEGER)")
    with pytest.raises(ZeroDivisionError), db.transaction():
        db.execute("INSERT INTO notes VALUES (1)")
        _ = 1 / 0
    assert _count(db) == 0
    db.close()


def test_rollback_without_a_transaction_is_harmless(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "s.duckdb")
    db.rollback()
    assert db.scalar("SELECT 42") == 42
    db.close()


def test_cancel_that_keeps_interrupting_never_leaves_an_aborted_transaction(tmp_path: Path) -> None:
    """The Cancel button interrupts whatever runs, the ROLLBACK included; the shop must stay usable."""
    db = Database.open(tmp_path / "s.duckdb")
    db.execute("CREATE TABLE notes (n BIGINT)")
    stop = threading.Event()

    def keep_interrupting() -> None:
        while not stop.is_set():
            db.interrupt()
            stop.wait(0.0002)

    interrupted = 0
    thread = threading.Thread(target=keep_interrupting)
    thread.start()
    try:
        for _ in range(200):
            try:
                with db.transaction():
                    db.execute("INSERT INTO notes SELECT range FROM range(20000)")
                    db.execute("DELETE FROM notes")
            except duckdb.InterruptException:
                interrupted += 1
    finally:
        stop.set()
        thread.join()
    assert interrupted > 0, "the interrupts never landed; the test proves nothing"
    assert _count(db) == 0  # every block either rolled back or deleted what it inserted
    assert db.scalar("SELECT 1") == 1
    db.close()


def _keeps_order(db: Database) -> bool:
    return bool(db.scalar("SELECT current_setting('preserve_insertion_order')"))


def test_unordered_writes_put_the_order_back_even_when_they_fail(tmp_path: Path) -> None:
    """Imports number rows by rowid, which needs insertion order; only merges may switch it off."""
    db = Database.open(tmp_path / "s.duckdb")
    db.execute("CREATE TABLE notes (n BIGINT PRIMARY KEY)")
    assert _keeps_order(db)
    with db.unordered():
        assert not _keeps_order(db)
        db.execute("INSERT INTO notes SELECT range FROM range(1000)")
    assert _keeps_order(db)
    with pytest.raises(duckdb.ConstraintException), db.unordered():
        db.execute("INSERT INTO notes VALUES (1)")
    assert _keeps_order(db)
    db.close()
