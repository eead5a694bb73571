"""One catalogue: SKUs known only from orders appear, channel items link to master SKUs, undo puts everything back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from shop_tables import snapshot

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import CellEdit, ChangeRefused
from shopkeeper.domain.messages import Message
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.inventory import inventory_rows, sku_detail
from shopkeeper.services.sku_links import LinkChange, confirm_suggestion, link, links_source, set_links, unlink
from shopkeeper.services.sku_map_csv import export_sku_map, import_sku_map
from tests.catalogue_shop import SHOPIFY, TAOBAO, TODAY, seed_two_platforms


@pytest.fixture
def db(shop: Database) -> Database:
    return seed_two_platforms(shop)


def _rows(db: Database) -> dict[str, dict[str, object]]:
    return {r["sku"]: r for r in inventory_rows(db, TODAY)}


def test_skus_known_only_from_orders_are_in_the_catalogue_with_cost_unknown(db: Database) -> None:
    rows = _rows(db)
    assert set(rows) == {"S-1", "S-2", "TB-HU", "TB-BEI"}
    teapot = rows["TB-HU"]
    # Title and price from its latest line; no cost, flagged so the seller can fill it in.
    assert (teapot["product"], teapot["price"], teapot["currency"]) == ("Clay teapot", Decimal("258.00"), "CNY")
    assert teapot["cost"] is None and teapot["cost_unknown"] and teapot["order_only"]
    assert teapot["sold_30d"] == 4 and teapot["platforms"] == "taobao"
    assert not rows["S-1"]["cost_unknown"] and not rows["S-1"]["order_only"]
    filtered = inventory_rows(db, TODAY, where="cost_unknown")
    assert {r["sku"] for r in filtered} == {"TB-HU", "TB-BEI"}


def test_a_cost_for_an_order_only_sku_creates_its_catalogue_row_and_undo_removes_it(db: Database) -> None:
    before = snapshot(db)
    result = edit_cells(db, [CellEdit("variant", "TB-HU", "cost", "95.50")], who="mei")
    assert result.message == Message("change.edit.cost", {"sku": "TB-HU", "old": None, "new": "95.50"})
    row = _rows(db)["TB-HU"]
    assert row["cost"] == Decimal("95.50") and not row["cost_unknown"] and not row["order_only"]
    assert row["price"] == Decimal("258.00") and row["product"] == "Clay teapot"
    after = snapshot(db, ignore_wall_clock=True)
    undo(db, who="mei")
    assert snapshot(db) == before
    assert _rows(db)["TB-HU"]["order_only"]
    redo(db, who="mei")
    assert snapshot(db, ignore_wall_clock=True) == after


def test_two_platforms_linked_by_hand_sum_their_sales_on_the_master_and_undo_restores(db: Database) -> None:
    before = snapshot(db)
    result = link(db, TAOBAO, "TB-HU", "S-1", who="mei")
    assert result.message == Message("change.link.linked", {"shop": TAOBAO, "channel_sku": "TB-HU", "master": "S-1"})
    rows = _rows(db)
    assert "TB-HU" not in rows  # no longer its own entry
    assert rows["S-1"]["sold_30d"] == 2 + 1 + 3
    assert rows["S-1"]["platforms"] == "shopify, taobao"
    after = snapshot(db)

    undo(db, who="mei")
    assert snapshot(db) == before
    assert _rows(db)["S-1"]["sold_30d"] == 2 and _rows(db)["TB-HU"]["sold_30d"] == 4
    redo(db, who="mei")
    assert snapshot(db) == after

    # Kept unlinked: back to its own entry, out of the queue, one more undo step.
    unlink(db, TAOBAO, "TB-HU", who="mei")
    assert _rows(db)["TB-HU"]["sold_30d"] == 4
    items = {r[0]: r for r in links_source().page(db, active=["unlinked"])}
    assert list(items) == [f"{TAOBAO}|TB-HU"]
    undo(db, who="mei")
    assert snapshot(db) == after


def test_links_that_would_chain_or_point_nowhere_are_refused_with_the_shop_unchanged(db: Database) -> None:
    link(db, TAOBAO, "TB-HU", "S-1", who="mei")
    before = snapshot(db)
    with pytest.raises(ChangeRefused) as refused:
        link(db, SHOPIFY, "S-1", "TB-BEI", who="mei")  # S-1 is a master: linking it away would chain
    assert refused.value.reason.code == "edit.refused.link_chain"
    with pytest.raises(ChangeRefused) as refused:
        link(db, TAOBAO, "TB-BEI", "NOPE", who="mei")
    assert refused.value.reason == Message("edit.refused.link_unknown_master", {"sku": "NOPE"})
    with pytest.raises(ChangeRefused) as refused:
        link(db, "jd:none", "X", "S-1", who="mei")
    assert refused.value.reason == Message("edit.refused.link_unknown_shop", {"shop": "jd:none"})
    assert snapshot(db) == before


def test_the_queue_suggests_by_title_and_by_barcode_and_a_confirmed_suggestion_links(db: Database) -> None:
    # A Taobao product export gave TB-BEI the cups' barcode.
    with db.transaction():
        db.execute("INSERT INTO products (product_id, title) VALUES ('tb-cups', '茶杯四只装')")
        db.execute("INSERT INTO variants (sku, product_id, price, currency, barcode)"
                   " VALUES ('TB-BEI', 'tb-cups', 99.00, 'CNY', '6901234567892')")
    queue = {r[0]: dict(zip(links_source().column_keys(), r, strict=True))
             for r in links_source().page(db, active=["waiting"])}
    assert set(queue) == {f"{TAOBAO}|TB-HU", f"{TAOBAO}|TB-BEI"}
    teapot, cups = queue[f"{TAOBAO}|TB-HU"], queue[f"{TAOBAO}|TB-BEI"]
    assert (teapot["suggested_sku"], teapot["suggestion_reason"]) == ("S-1", "title")
    assert teapot["suggestion_score"] >= Decimal("0.85") and teapot["units_sold"] == 4
    assert (cups["suggested_sku"], cups["suggestion_reason"], cups["suggestion_score"]) == \
        ("S-2", "barcode", Decimal("1.000"))

    result = confirm_suggestion(db, TAOBAO, "TB-BEI", who="mei")
    assert result.message is not None and result.message.code == "change.link.confirmed"
    assert db.scalar("SELECT how FROM sku_links WHERE channel_sku = 'TB-BEI'") == "suggestion"
    assert _rows(db)["S-2"]["sold_30d"] == 1
    remaining = [r[0] for r in links_source().page(db, active=["waiting"])]
    assert remaining == [f"{TAOBAO}|TB-HU"]


def test_the_product_panel_shows_the_masters_channel_listings_side_by_side(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO listings (shop_id, listing_id, sku, title, price, currency, status) VALUES"
                   " (?, '6231', 'TB-HU', '紫砂壶 手工', 268.00, 'CNY', 'onsale')", [TAOBAO])
    link(db, TAOBAO, "TB-HU", "S-1", who="mei")
    detail = sku_detail(db, "S-1", TODAY)
    assert detail is not None
    assert [(c.shop_id, c.listing_id, c.channel_sku, c.price) for c in detail.channels] == [
        (SHOPIFY, "h-teapot", "S-1", Decimal("40.00")), (TAOBAO, "6231", "TB-HU", Decimal("268.00"))]


def test_mapping_csv_round_trips_and_a_bad_file_is_refused_whole(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "map.csv"
    assert export_sku_map(db, out).rows == 3
    assert import_sku_map(db, out, who="mei").change_set_id is None  # the shop's own mapping changes nothing

    before = snapshot(db)
    bad = tmp_path / "bad.csv"
    bad.write_text("platform,shop,channel_sku,master_sku\r\n"
                   "taobao,茶舍,TB-HU,S-1\r\n"
                   "jd,Nowhere,X,S-1\r\n"
                   "taobao,茶舍,TB-BEI,S-9\r\n", encoding="utf-8")
    with pytest.raises(ChangeRefused) as refused:
        import_sku_map(db, bad, who="mei")
    reason = refused.value.reason
    assert reason.code == "import.sku_map.lines" and reason.params["count"] == 2
    assert reason.params["problems"] == [
        Message("import.sku_map.line.unknown_shop", {"file": "bad.csv", "line": 3, "platform": "jd", "shop": "Nowhere"}),
        Message("import.sku_map.line.unknown_master", {"file": "bad.csv", "line": 4, "sku": "S-9"})]
    assert snapshot(db) == before

    good = tmp_path / "good.csv"
    good.write_text("Platform,Shop,Channel SKU,Master SKU\r\ntaobao,茶舍,TB-HU,S-1\r\ntaobao,茶舍,TB-BEI,S-2\r\n",
                    encoding="gb18030")
    result = import_sku_map(db, good, who="mei")
    assert result.message == Message("change.link.mapping", {"file": "good.csv", "count": 2})
    assert _rows(db)["S-2"]["sold_30d"] == 1 and "TB-BEI" not in _rows(db)
    export_sku_map(db, out)
    assert "taobao,茶舍,TB-HU,S-1" in out.read_text(encoding="utf-8-sig").splitlines()
    undo(db, who="mei")  # the whole file is one step
    assert snapshot(db) == before


def test_set_links_of_several_items_is_one_change_set(db: Database) -> None:
    result = set_links(db, [LinkChange(TAOBAO, "TB-HU", "S-1"), LinkChange(TAOBAO, "TB-BEI", "S-2")], who="mei")
    assert result.message == Message("change.link.many", {"count": 2})
    assert set(_rows(db)) == {"S-1", "S-2"}


def test_counting_an_order_only_sku_and_repeating_a_link_are_ordinary_steps(db: Database) -> None:
    before = snapshot(db)
    edit_cells(db, [CellEdit("stock", "TB-HU", "on_hand", 6)], who="mei")
    assert _rows(db)["TB-HU"]["on_hand"] == 6
    undo(db, who="mei")
    assert snapshot(db) == before
    first = link(db, TAOBAO, "TB-HU", "S-1", who="mei")
    again = set_links(db, [LinkChange(TAOBAO, "TB-HU", "S-1", "mapping")], who="mei")
    assert first.change_set_id is not None and again.change_set_id is None and not again.changes
    assert db.scalar("SELECT how FROM sku_links WHERE channel_sku = 'TB-HU'") == "manual"
