"""Fuzzing every platform's importer: a damaged export is imported cleanly or refused cleanly.

Each recognised format starts from a real-shaped export (fuzz_seeds.py) that
Hypothesis damages (fuzz_mangles.py) and imports through `import_paths`, as the
window and the command line do, into an empty shop and into one that already
holds the undamaged file. Whatever the damage:

* the import returns outcomes and raises nothing;
* a refusal says why in the core's own words (not a raw database error) and
  leaves every shop table, the import history included, exactly as it was;
* an accepted table's counts add up (added + updated + rejected never exceed
  the rows read; the rest are unchanged), the shop changed exactly when rows
  were added or updated, and undoing the import puts the shop back exactly.

And the same export written another way (columns in another order, another
delimiter, encoding or line end, a blank line) imports to the same records
with the same counts.

FUZZ_EXAMPLES sets the examples per format (default 5, for CI);
`FUZZ_EXAMPLES=2000 pytest tests/unit/importers/test_fuzz_imports.py` runs a long campaign.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuzz_mangles import Mangled, mangled_exports, reshaped_exports
from fuzz_seeds import SEEDS, render
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.db.database import quote_ident as q
from shopkeeper.db.merge import KEYS, table_columns
from shopkeeper.db.migrate import migrate
from shopkeeper.services.imports import FileOutcome, import_paths, undo_import

CANONICAL = (*KEYS, "shops", "stock_movements", "points_ledger")
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "5"))

# What the importer owns: history rows of undone imports stay (the seller sees them), so they are left out
# of the comparison after an undo, never after a refusal.
# (table, the column naming its change set); the audit trail of who did and undid what is history too.
_HISTORY_IDS = {"import_batches": "batch_id", "import_rejects": "batch_id", "change_events": "change_set_id",
                "change_log": "change_set_id"}
_HISTORY = tuple(_HISTORY_IDS)


def shop_dump(db: Database, *, undone_history: bool = True) -> dict[str, list[str]]:
    """Every row of every table of the shop, sorted; without the undone imports' history if asked."""
    tables = [r[0] for r in db.fetchall(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog <> 'temp' AND table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name")]
    dump = {}
    for name in tables:
        where = ""
        if not undone_history and name in _HISTORY:
            where = f" WHERE {_HISTORY_IDS[name]} IN (SELECT batch_id FROM import_batches WHERE undone_at IS NULL)"
        dump[name] = sorted(map(repr, db.fetchall(f'SELECT * FROM "{name}"{where}')))
    return dump


# Bookkeeping behind the records, not records: an import notes each order's freshness key even when
# the order it read was already in the shop as it is (merge.py), and undo drops those notes again.
_BOOKKEEPING = ("row_freshness",)


def _without_history(dump: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: rows for name, rows in dump.items() if name not in _HISTORY + _BOOKKEEPING}


class Shops:
    """Per format, an empty shop and one holding the undamaged export; every example leaves them as found."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._open: dict[tuple[str, str], Database] = {}
        self._examples = itertools.count()
        self.plain: dict[str, tuple[list[FileOutcome], dict[str, list[str]]]] = {}  # the undamaged import

    def get(self, platform: str, which: str) -> Database:
        if (platform, which) not in self._open:
            db = Database.open(None)
            migrate(db, self.root / "backups")
            if which == "loaded":
                seed = SEEDS[platform]()
                folder = self.example_folder()
                path = folder / seed.name
                path.write_bytes(render(seed))
                outcomes = import_paths(db, [path], workdir=folder / "work")
                assert [o.ok for o in outcomes] == [True], [o.message for o in outcomes]
            self._open[(platform, which)] = db
        return self._open[(platform, which)]

    def example_folder(self) -> Path:
        folder = self.root / f"example-{next(self._examples)}"
        folder.mkdir(parents=True)
        return folder

    def close(self) -> None:
        for db in self._open.values():
            db.close()


@pytest.fixture(scope="module")
def shops(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shops]:
    held = Shops(tmp_path_factory.mktemp("fuzz"))
    yield held
    held.close()


def check_import(db: Database, mangled: Mangled, folder: Path) -> list[FileOutcome]:
    path = folder / mangled.name
    path.write_bytes(mangled.data)
    before = shop_dump(db)
    active_before = shop_dump(db, undone_history=False)
    outcomes = import_paths(db, [path], workdir=folder / "work")
    assert outcomes, "an import must say something about every file"
    accepted = [o for o in outcomes if o.ok and not o.already_imported]
    for outcome in outcomes:
        assert outcome.message.startswith(path.name), outcome.message
        if not outcome.ok:
            assert outcome.reason, outcome.message
            # the catch-all for database errors nobody explained: an exception, only dressed as a refusal
            assert not outcome.reason.startswith("could not be imported ("), outcome.message
    if not accepted:
        assert shop_dump(db) == before, "a refused file changed the shop"
        return outcomes
    for outcome in accepted:
        counted = outcome.rows_added + outcome.rows_updated + outcome.rows_rejected
        assert min(outcome.rows_added, outcome.rows_updated, outcome.rows_rejected) >= 0, outcome.message
        assert counted <= outcome.rows_read, outcome.message
        assert outcome.rows_rejected < outcome.rows_read, outcome.message  # else it is refused
    after = shop_dump(db)
    changed = _without_history(after) != _without_history(before)
    assert changed == any(o.rows_added + o.rows_updated for o in accepted), [o.message for o in outcomes]
    for outcome in reversed(accepted):
        assert outcome.batch_id is not None
        undo_import(db, outcome.batch_id)
    assert shop_dump(db, undone_history=False) == active_before, "undo did not restore the shop"
    return outcomes


@pytest.mark.parametrize("platform", sorted(SEEDS))
@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(data=st.data())
def test_a_damaged_export_is_imported_or_refused_cleanly(shops: Shops, platform: str, data: st.DataObject) -> None:
    seed = SEEDS[platform]()
    mangled = data.draw(mangled_exports(seed), label="file")
    which = data.draw(st.sampled_from(("empty", "loaded")), label="shop")
    folder = shops.example_folder()
    try:
        check_import(shops.get(platform, which), mangled, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def canonical_rows(db: Database) -> dict[str, list[str]]:
    """The shop's records without what names the import (batch ids) or its time (stock counted, member joined)."""
    dump = {}
    for name in CANONICAL:
        cols = [c for c in table_columns(db, name) if c not in ("batch_id", "updated_at", "joined_at")]
        dump[name] = sorted(map(repr, db.fetchall(f"SELECT {', '.join(q(c) for c in cols)} FROM {q(name)}")))
    return dump


def _import_and_read(db: Database, mangled: Mangled, folder: Path) -> tuple[list[FileOutcome], dict[str, list[str]]]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / mangled.name
    path.write_bytes(mangled.data)
    outcomes = import_paths(db, [path], workdir=folder / "work")
    rows = canonical_rows(db)
    for outcome in reversed(outcomes):
        if outcome.ok and outcome.batch_id is not None and not outcome.already_imported:
            undo_import(db, outcome.batch_id)
    return outcomes, rows


@pytest.mark.parametrize("platform", sorted(SEEDS))
@settings(max_examples=max(1, FUZZ_EXAMPLES // 2), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_same_export_written_another_way_imports_the_same(shops: Shops, platform: str,
                                                              data: st.DataObject) -> None:
    seed = SEEDS[platform]()
    db = shops.get(platform, "empty")
    folder = shops.example_folder()
    try:
        if platform not in shops.plain:
            shops.plain[platform] = _import_and_read(db, Mangled(seed.name, render(seed), ()), folder / "plain")
        plain, expected = shops.plain[platform]
        reshaped = data.draw(reshaped_exports(seed), label="file")
        outcomes, rows = _import_and_read(db, reshaped, folder / "reshaped")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    counts = [(o.ok, o.rows_read, o.rows_added, o.rows_updated, o.rows_rejected) for o in outcomes]
    assert counts == [(o.ok, o.rows_read, o.rows_added, o.rows_updated, o.rows_rejected) for o in plain], \
        [o.message for o in outcomes]
    assert rows == expected
