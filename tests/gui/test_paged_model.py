"""The SQL-paged table model: correct rows, sorting and searching in SQL, Qt's model contract."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from shopkeeper.db.table_source import Column, TableSource
from shopkeeper.ui.formatting import format_value
from shopkeeper.ui.paged_model import PAGE_SIZE, PagedSqlModel
from tests.gui.conftest import wait_idle

ROWS = 5000

SOURCE = TableSource(
    base_sql=(
        "SELECT 'SKU-' || lpad(CAST(i AS VARCHAR), 5, '0') AS sku, "
        "CASE WHEN i % 7 = 0 THEN '茶杯 ' || i ELSE 'Mug ' || i END AS title, "
        "CAST((i * 37) % 1000 AS DECIMAL(18,2)) / 10 AS price, "
        "CASE WHEN i % 10 = 0 THEN 'low' ELSE 'ok' END AS status "
        f"FROM range({ROWS}) t(i)"
    ),
    columns=(Column("sku", searchable=True), Column("title", searchable=True), Column("price", "money"),
             Column("status", "status")),
    default_sort="sku",
    filters={"low": "status = 'low'"},
)


def _model(worker):  # noqa: ANN001, ANN202
    return PagedSqlModel(worker, SOURCE, headers={"sku": "SKU", "title": "Title", "price": "Price", "status": "Status"},
                         formatter=format_value,
                         name="test")


def _text(model, row: int, column: int) -> str:  # noqa: ANN001
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_counts_and_pages_rows_on_demand(qtbot, worker) -> None:  # noqa: ANN001
    model = _model(worker)
    model.refresh()
    wait_idle(qtbot, worker)
    assert model.rowCount() == ROWS
    assert _text(model, 4321, 0) == "…"  # not fetched yet: a placeholder, no blocking
    wait_idle(qtbot, worker)
    assert _text(model, 4321, 0) == "SKU-04321"
    assert len(model._pages) <= 2  # only the pages that were looked at


def test_sorting_and_searching_happen_in_sql(qtbot, worker) -> None:  # noqa: ANN001
    model = _model(worker)
    model.refresh()
    wait_idle(qtbot, worker)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    wait_idle(qtbot, worker)
    _text(model, 0, 0)
    wait_idle(qtbot, worker)
    assert _text(model, 0, 2) == "99.90"
    model.set_search("茶杯")
    wait_idle(qtbot, worker)
    assert model.rowCount() == len([i for i in range(ROWS) if i % 7 == 0])
    _text(model, 0, 1)
    wait_idle(qtbot, worker)
    assert _text(model, 0, 1).startswith("茶杯")
    model.set_search("")
    model.set_filters(["low"])
    wait_idle(qtbot, worker)
    assert model.rowCount() == ROWS // 10
    _text(model, 0, 3)
    wait_idle(qtbot, worker)
    assert _text(model, 0, 3) == "Reorder now"


def test_model_contract(qtbot, qtmodeltester, worker) -> None:  # noqa: ANN001
    model = _model(worker)
    model.refresh()
    wait_idle(qtbot, worker)
    for row in range(0, PAGE_SIZE * 2, 50):
        _text(model, row, 0)
    wait_idle(qtbot, worker)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(QModelIndex()) == 4
