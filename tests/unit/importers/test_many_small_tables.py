"""Many small tables (a zip of small exports): each stays its own undoable batch, and a small
file's staging (a table instead of the view, see staging.load) imports exactly what a big
file's would."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from export_files import SHOPIFY_ORDERS, import_ok, open_fresh_shop, run_import, snapshot, write_export

from shopkeeper.db.database import Database
from shopkeeper.importers import staging
from shopkeeper.services.imports import undo_import


def _order(number: int, **cells: str) -> dict[str, str]:
    return {"Name": f"#{number}", "Email": f"buyer{number}@example.com", "Financial Status": "paid",
            "Currency": "EUR", "Total": f"{number}.50", "Created at": "2025-05-11 09:55:16 -0400",
            "Lineitem quantity": "1", "Lineitem name": f"Item {number}", "Lineitem price": f"{number}.50",
            "Id": f"66342443748{number}", **cells}


def _rows_with_problems() -> list[dict[str, str]]:
    return [
        _order(10),
        {"Name": "#10", "Email": "buyer10@example.com", "Lineitem quantity": "2", "Lineitem name": "Wax",
         "Lineitem price": "about ten"},
        _order(11, **{"Created at": "yesterday"}),
        _order(12, **{"Paid at": "2025-05-12 10:00:00 +0200", "Refunded Amount": "1.00"}),
        {},  # a blank row is not data
        _order(13, **{"Accepts Marketing": "maybe"}),
    ]


def _imported(folder: Path, export: Path) -> tuple[object, ...]:
    db = open_fresh_shop(folder)
    try:
        [outcome] = run_import(db, export)
        rejects = db.fetchall("SELECT row_number, column_name, value, code, params FROM import_rejects ORDER BY ALL")
        work = db.fetchall("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'temp'")
        return (outcome.ok, outcome.rows_read, outcome.rows_added, outcome.rows_rejected, outcome.message,
                rejects, snapshot(db), work)
    finally:
        db.close()


def test_a_small_file_imports_exactly_what_the_same_rows_in_a_big_file_would(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export = write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS, _rows_with_problems())
    (tmp_path / "small").mkdir()
    (tmp_path / "big").mkdir()
    small = _imported(tmp_path / "small", export)
    monkeypatch.setattr(staging, "MATERIALISED_ROWS", 0)  # staged as the view, as a big file is
    big = _imported(tmp_path / "big", export)
    assert small == big
    ok, rows_read, added, rejected, _message, rejects, shop, work = small
    assert (ok, rows_read, added, rejected) == (True, 5, 1, 4)
    assert [r[3] for r in rejects] == ["reject.other_row_of_order", "reject.not_an_amount",
                                       "reject.not_a_date_time", "reject.not_yes_no"]
    assert shop["orders"] and work == []  # nothing of the import is left behind


def _zip(path: Path, members: dict[str, Path]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, source in members.items():
            archive.writestr(name, source.read_bytes())
    return path


def test_each_small_export_in_a_zip_is_its_own_batch_outcome_and_hash(shop: Database, tmp_path: Path) -> None:
    exports = {f"orders_{n}.csv": write_export(tmp_path / f"o{n}.csv", SHOPIFY_ORDERS, [_order(n)])
               for n in (21, 22, 23)}
    archive = _zip(tmp_path / "exports.zip", exports)
    outcomes = import_ok(shop, archive)
    assert [(o.member, o.rows_added) for o in outcomes] == [(name, 1) for name in exports]
    batches = [o.batch_id for o in outcomes]
    assert len(set(batches)) == 3

    again = import_ok(shop, archive)
    assert [o.already_imported for o in again] == [True, True, True]

    undo_import(shop, batches[1])
    assert sorted(r[0] for r in shop.fetchall("SELECT order_number FROM orders")) == ["#21", "#23"]
    # Only the undone member is imported again; the others are still recognised as imported.
    third = import_ok(shop, archive)
    assert [o.already_imported for o in third] == [True, False, True]
    assert sorted(r[0] for r in shop.fetchall("SELECT order_number FROM orders")) == ["#21", "#22", "#23"]


def test_a_refused_member_leaves_no_work_tables_for_the_next(shop: Database, tmp_path: Path) -> None:
    header_only = tmp_path / "empty.csv"
    header_only.write_text(",".join(SHOPIFY_ORDERS) + "\n", encoding="utf-8")
    archive = _zip(tmp_path / "exports.zip", {"a_empty.csv": header_only,
                                              "b_orders.csv": write_export(tmp_path / "o.csv", SHOPIFY_ORDERS,
                                                                           [_order(31)])})
    first, second = run_import(shop, archive)
    assert not first.ok and "no rows" in first.message
    assert second.ok and second.rows_added == 1
    assert shop.fetchall("SELECT table_name FROM information_schema.tables WHERE table_catalog = 'temp'") == []
