"""The Listings tab's channel-links view: the queue, confirming a suggestion, keeping an item unlinked."""

from __future__ import annotations

from shopkeeper.db.database import Database
from shopkeeper.services.inventory import inventory_rows
from shopkeeper.ui.paged_model import RowIdRole
from shopkeeper.ui.tabs.listings_links_view import ChannelLinksView
from tests.catalogue_shop import TAOBAO, TODAY, seed_two_platforms
from tests.gui.conftest import run_query, wait_idle


def _shown(qtbot, view: ChannelLinksView) -> dict[str, dict[str, str]]:  # noqa: ANN001
    model = view.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    wait_idle(qtbot, view._worker)
    keys = model.source.column_keys()
    return {model.data(model.index(r, 0), RowIdRole): {k: model.data(model.index(r, c)) for c, k in enumerate(keys)}
            for r in range(model.rowCount())}


def _seed(db: Database) -> None:
    seed_two_platforms(db)
    with db.transaction():
        db.execute("INSERT INTO products (product_id, title) VALUES ('tb-cups', '茶杯四只装')")
        db.execute("INSERT INTO variants (sku, product_id, price, currency, barcode)"
                   " VALUES ('TB-BEI', 'tb-cups', 99.00, 'CNY', '6901234567892')")


def test_confirming_a_suggestion_and_keeping_one_unlinked_empty_the_queue(qtbot, worker) -> None:  # noqa: ANN001
    run_query(qtbot, worker, _seed)
    view = ChannelLinksView(worker)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.waiting_changed) as waiting:
        view.refresh()
    assert waiting.args == [2]
    wait_idle(qtbot, worker)
    shown = _shown(qtbot, view)
    assert set(shown) == {f"{TAOBAO}|TB-HU", f"{TAOBAO}|TB-BEI"}
    cups = shown[f"{TAOBAO}|TB-BEI"]
    assert (cups["suggested_sku"], cups["suggestion_reason"], cups["suggestion_score"]) == \
        ("S-2", "same barcode", "1.000")

    row = next(r for r in range(view.model.rowCount())
               if view.model.data(view.model.index(r, 0), RowIdRole) == f"{TAOBAO}|TB-BEI")
    view.view.selectRow(row)
    view.confirm()
    wait_idle(qtbot, worker)
    view.refresh()
    wait_idle(qtbot, worker)
    assert set(_shown(qtbot, view)) == {f"{TAOBAO}|TB-HU"}
    sold = {r["sku"]: r["sold_30d"] for r in run_query(qtbot, worker, lambda db: inventory_rows(db, TODAY))}
    assert sold["S-2"] == 1 and "TB-BEI" not in sold

    view.view.selectRow(0)
    view.keep_unlinked()
    wait_idle(qtbot, worker)
    view.refresh()
    wait_idle(qtbot, worker)
    assert _shown(qtbot, view) == {}
    view.show_box.setCurrentIndex(2)  # kept unlinked
    wait_idle(qtbot, worker)
    assert set(_shown(qtbot, view)) == {f"{TAOBAO}|TB-HU"}


def test_a_link_to_an_unknown_sku_is_refused_in_words(qtbot, worker) -> None:  # noqa: ANN001
    run_query(qtbot, worker, _seed)
    view = ChannelLinksView(worker)
    qtbot.addWidget(view)
    view.link_to(TAOBAO, "TB-HU", "NOPE")
    wait_idle(qtbot, worker)
    assert not view.notice.isHidden()
    assert "There is no SKU NOPE in the catalogue to link to." in view.notice.text()
