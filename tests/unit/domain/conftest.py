"""One in-memory shop per test module, with every rule's macros installed (by its migration)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.open(None)
    migrate(database, tmp_path_factory.mktemp("bk"))
    yield database
    database.close()


@contextmanager
def scratch(db: Database) -> Iterator[None]:
    """A transaction that is always rolled back: every example starts from the same empty shop."""
    db.begin()
    try:
        yield
    finally:
        db.rollback()
