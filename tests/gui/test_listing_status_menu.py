"""The Listings tab's selection menu: delist, make seasonal and set a field for every selected SKU, one undo each;
the status filter and the new columns come from the SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt

from shopkeeper.ui.paged_model import RowIdRole
from tests.gui.conftest import run_query, wait_idle
from tests.gui.test_workbench import _load_rows, _select


def _statuses(qtbot, app, skus: list[str]) -> dict[str, tuple]:  # noqa: ANN001
    def read(db):  # noqa: ANN001, ANN202
        rows = db.fetchall("SELECT sku, delisted, season_start, season_end FROM sku_status WHERE sku IN"
                           " (SELECT unnest(?::VARCHAR[]))", [skus])
        return {r[0]: r[1:] for r in rows}

    return run_query(qtbot, app.worker, read)


def test_delisting_the_selection_is_one_undo_step_and_shows_in_the_table(qtbot, app) -> None:  # noqa: ANN001
    window, tab = app.window, app.window.listings
    _load_rows(qtbot, app, tab.model, 3)
    skus = [tab.model.data(tab.model.index(r, 0), RowIdRole) for r in range(3)]
    before = _statuses(qtbot, app, skus)
    _select(tab.view, [0, 1, 2])
    menu = tab.selection.build()
    texts = [a.text() for a in menu.actions()]
    assert {"Delist", "Relist", "Seasonal…", "Not seasonal", "Mark as new"} <= set(texts)
    assert tab.selection.delist()
    wait_idle(qtbot, app.worker)
    assert {s: v[0] for s, v in _statuses(qtbot, app, skus).items()} == dict.fromkeys(skus, True)
    assert window.undo_action.text() == "&Undo: delist 3 SKUs"
    # Delisted SKUs are bought no more: they sort last, so the first rows are now others.
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("status_delisted"))
    wait_idle(qtbot, app.worker)
    _load_rows(qtbot, app, tab.model, 1)
    assert tab.model.rowCount() >= 3
    status = tab.model.data(tab.model.index(0, tab.model.column_of("status")))
    assert status == "Delisted"
    window.undo()
    wait_idle(qtbot, app.worker)
    assert _statuses(qtbot, app, skus) == before  # all three back in one step


def test_a_season_for_the_selection_and_a_field_set_for_all(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.listings
    _load_rows(qtbot, app, tab.model, 2)
    skus = [tab.model.data(tab.model.index(r, 0), RowIdRole) for r in range(2)]
    _select(tab.view, [0, 1])
    assert tab.selection.set_season(11, 2)
    wait_idle(qtbot, app.worker)
    assert _statuses(qtbot, app, skus) == dict.fromkeys(skus, (False, 11, 2))
    assert app.window.undo_action.text() == "&Undo: season of 2 SKUs: months 11–2"
    # Every editable column is offered for the selection, the hidden reorder settings too.
    fields = next(a.menu() for a in tab.selection.build().actions() if a.menu() is not None)
    assert "Lead time (days)…" in [a.text() for a in fields.actions()]


def test_the_new_columns_are_sortable_and_movable(qtbot, app) -> None:  # noqa: ANN001
    tab = app.window.listings
    header = tab.view.horizontalHeader()
    assert header.sectionsMovable()
    for key in ("units_7d", "units_30d", "units_90d", "price_min", "price_max", "status", "season"):
        assert not tab.view.isColumnHidden(tab.model.column_of(key)), key
    tab.view.sortByColumn(tab.model.column_of("units_90d"), Qt.SortOrder.DescendingOrder)
    wait_idle(qtbot, app.worker)
    _load_rows(qtbot, app, tab.model, 5)
    sold = [tab.model.data(tab.model.index(r, tab.model.column_of("units_90d")), Qt.ItemDataRole.UserRole + 1)
            for r in range(5)]
    assert sold == sorted(sold, reverse=True) and sold[0] > 0


def test_tags_added_to_the_selection_show_in_the_table_and_undo_in_one_step(qtbot, app) -> None:  # noqa: ANN001
    window, tab = app.window, app.window.listings
    _load_rows(qtbot, app, tab.model, 2)
    skus = [tab.model.data(tab.model.index(r, 0), RowIdRole) for r in range(2)]
    before = run_query(qtbot, app.worker, lambda db: db.fetchall("SELECT * FROM product_tags ORDER BY ALL"))
    _select(tab.view, [0, 1])
    assert {"Add tags…", "Remove tags…"} <= {a.text() for a in tab.selection.build().actions()}
    assert tab.selection.change_tags(add=("Double 11, clearance",))
    wait_idle(qtbot, app.worker, timeout=90_000)  # a recompute of the demo shop
    tagged = run_query(qtbot, app.worker, lambda db: db.fetchall(
        "SELECT sku, tag FROM product_tags WHERE tag IN ('Double 11', 'clearance') ORDER BY ALL"))
    assert tagged == sorted((s, t) for s in skus for t in ("Double 11", "clearance"))
    assert window.undo_action.text() == "&Undo: tags of 2 SKUs: +Double 11, clearance"  # nothing removed: no "−"
    tab.model.set_search("clearance")  # what the search box sends after a pause in typing
    wait_idle(qtbot, app.worker, timeout=90_000)  # a recompute of the demo shop
    _load_rows(qtbot, app, tab.model, 1)
    assert {tab.model.data(tab.model.index(r, 0), RowIdRole) for r in range(tab.model.rowCount())} == set(skus)
    assert "Double 11" in tab.model.data(tab.model.index(0, tab.model.column_of("tags")))
    window.undo()
    wait_idle(qtbot, app.worker, timeout=90_000)  # a recompute of the demo shop
    assert run_query(qtbot, app.worker, lambda db: db.fetchall("SELECT * FROM product_tags ORDER BY ALL")) == before
