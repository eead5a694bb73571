"""A shop fault at the COMMIT: before it nothing is kept, after it the import is, and the message says which."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.domain.errors import DiskFullError, ShopWriteFailed
from shopkeeper.domain.messages import Message
from shopkeeper.services.imports import import_paths, settle
from tests.unit.faults.shop_states import write_orders
from tests.unit.importers.export_files import import_ok, open_fresh_shop, snapshot

DISK_FULL = Message("shop.disk_full", {"shop": "shop.duckdb"})
FULL = 'The disk holding "shop.duckdb" is full. Free some space and try again.'


def _fail_at_commit(monkeypatch: pytest.MonkeyPatch, *, after: bool, on: int = 1) -> None:
    """The `on`-th COMMIT raises a full disk, before or after it took effect."""
    real = Database.execute
    commits = {"seen": 0}

    def execute(self: Database, sql: str, params: object = None) -> object:
        if sql != "COMMIT":
            return real(self, sql, params)  # type: ignore[arg-type]
        commits["seen"] += 1
        if commits["seen"] != on:
            return real(self, sql, params)  # type: ignore[arg-type]
        if after:
            real(self, sql, params)  # type: ignore[arg-type]
        raise DiskFullError(DISK_FULL)

    monkeypatch.setattr(Database, "execute", execute)


def test_a_fault_before_the_commit_keeps_nothing_and_says_so(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    db = open_fresh_shop(tmp_path)
    before = snapshot(db)
    _fail_at_commit(monkeypatch, after=False)
    with pytest.raises(ShopWriteFailed) as caught:
        import_paths(db, [write_orders(tmp_path / "orders_export.csv", 5)], workdir=tmp_path / "work")
    assert caught.value.kept is False
    assert str(caught.value) == f"{FULL} orders_export.csv was not imported; the shop is as it was before."
    assert snapshot(db) == before
    db.close()


def test_a_fault_after_the_commit_says_the_import_was_kept(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    db = open_fresh_shop(tmp_path)
    orders = write_orders(tmp_path / "orders_export.csv", 5)
    _fail_at_commit(monkeypatch, after=True)
    with pytest.raises(ShopWriteFailed) as caught:
        import_paths(db, [orders], workdir=tmp_path / "work")
    assert caught.value.kept is True
    assert "orders_export.csv was imported and kept; importing it again says already imported" in str(caught.value)
    monkeypatch.undo()
    assert import_ok(db, orders)[0].already_imported
    db.close()


def test_files_imported_before_the_fault_are_reported_as_kept(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    db = open_fresh_shop(tmp_path)
    first = write_orders(tmp_path / "first.csv", 3)
    second = write_orders(tmp_path / "second.csv", 3, first=5000)
    _fail_at_commit(monkeypatch, after=False, on=2)
    with pytest.raises(ShopWriteFailed) as caught:
        import_paths(db, [first, second], workdir=tmp_path / "work")
    assert [o.path.name for o in caught.value.done] == ["first.csv"]
    assert "second.csv was not imported. Files listed above as imported were kept." in str(caught.value)
    db.close()


def test_a_shop_that_could_not_be_asked_is_asked_again_once_reopened(tmp_path: Path) -> None:
    db = open_fresh_shop(tmp_path)
    orders = write_orders(tmp_path / "orders_export.csv", 5)
    import_ok(db, orders)
    key = db.fetchone("SELECT content_hash, member FROM import_batches")
    db.close()
    unknown = ShopWriteFailed(DiskFullError(DISK_FULL), name="orders_export.csv", kept=None, key=key)
    assert "could not check whether orders_export.csv was kept" in str(unknown)
    settled = settle(tmp_path / "shop.duckdb", unknown)
    assert settled.kept is True and "was imported and kept" in str(settled)
