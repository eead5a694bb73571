"""Stock per platform: the channel rules, undoable edits of them, and each platform's stock-update file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from shop_tables import snapshot
from stock_shop import AVAILABLE, seed_stock_shop

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Area, Changes
from shopkeeper.domain.channel_stock import ChannelRule
from shopkeeper.domain.commands import CellEdit, ChangeRefused
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.domain.sku_lines import stand_in_sku
from shopkeeper.services.change_sets import redo, undo, undo_redo_state
from shopkeeper.services.channel_stock import channel_rule, listed_stock
from shopkeeper.services.edits import edit_cells
from shopkeeper.services.stock_export import write_stock_update

SHOPIFY_HEADER = ("Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,"
                  "SKU,HS Code,COO,Shop location")


@pytest.fixture
def db(shop: Database) -> Database:
    seed_stock_shop(shop)
    return shop


def _listed(db: Database, shop_id: str) -> dict[str, int]:
    return {r.sku: r.listed for r in listed_stock(db, shop_id)}


def test_available_is_on_hand_less_unshipped_orders(db: Database) -> None:
    rows = {r.sku: r for shop_id in ("shopify:Main", "amazon:US", "woocommerce:Site")
            for r in listed_stock(db, shop_id)}
    assert {sku: r.available for sku, r in rows.items()} == AVAILABLE
    # the shipped order of 5 red mugs and the cancelled order of 3 bowls hold nothing
    assert (rows["MUG-RED"].on_hand, rows["MUG-RED"].unshipped) == (20, 3)
    assert (rows["BOWL-1"].on_hand, rows["BOWL-1"].unshipped) == (5, 1)


def test_each_shop_lists_the_skus_its_listings_and_orders_name(db: Database) -> None:
    # the product-level Shopify listing 'tea-mug' brings both of its variants
    assert set(_listed(db, "shopify:Main")) == {"MUG-RED", "MUG-BLU", "PLATE-1", "BOWL-1"}
    assert set(_listed(db, "amazon:US")) == {"MUG-RED", "MUG-BLU", "BOWL-1"}
    # oversold vase: 0, not -1
    assert _listed(db, "woocommerce:Site") == {"PLATE-1": 9, "BOWL-1": 4, "VASE-1": 0, "CUP-1": 0}


def test_rules_share_max_and_buffer_apply_to_one_shop_only(db: Database) -> None:
    edit_cells(db, [CellEdit("channel", "amazon:US", "share_pct", 50),
                    CellEdit("channel", "amazon:US", "max_listed", 5)], who="mei")
    assert _listed(db, "amazon:US") == {"MUG-RED": 5, "MUG-BLU": 1, "BOWL-1": 2}  # 17→8→5, 3→1, 4→2
    assert _listed(db, "shopify:Main")["MUG-RED"] == 17
    edit_cells(db, [CellEdit("channel", "amazon:US", "buffer", "4")], who="mei")
    assert _listed(db, "amazon:US") == {"MUG-RED": 5, "MUG-BLU": 0, "BOWL-1": 0}
    assert channel_rule(db, "amazon:US") == ChannelRule("amazon:US", 50, 5, 4)


def test_a_rule_edit_is_one_undoable_change_set(db: Database) -> None:
    before = snapshot(db)
    result = edit_cells(db, [CellEdit("channel", "shopify:Main", "share_pct", 40)], who="mei")
    label = Message("change.edit.share_pct", {"shop": "shopify:Main", "old": "100", "new": "40"})
    assert result.message == label
    assert result.changes == Changes.of(Area.STOCK, Area.HISTORY)
    assert undo_redo_state(db).undo == label
    assert _listed(db, "shopify:Main")["MUG-RED"] == 6
    after = snapshot(db)
    undo(db, who="mei")
    assert snapshot(db) == before
    assert _listed(db, "shopify:Main")["MUG-RED"] == 17
    redo(db, who="mei")
    assert snapshot(db) == after
    # a second edit of an existing rule keeps its before-image too
    edit_cells(db, [CellEdit("channel", "shopify:Main", "max_listed", 10)], who="mei")
    undo(db, who="mei")
    assert snapshot(db) == after


@pytest.mark.parametrize(("field", "value", "code"), [
    ("share_pct", 101, "edit.refused.out_of_range"),
    ("share_pct", -1, "edit.refused.out_of_range"),
    ("buffer", "2.5", "edit.refused.not_whole"),
    ("share_pct", None, "edit.refused.required"),
])
def test_bad_rule_values_change_nothing(db: Database, field: str, value: object, code: str) -> None:
    before = snapshot(db)
    with pytest.raises(ChangeRefused) as refused:
        edit_cells(db, [CellEdit("channel", "amazon:US", field, value)], who="mei")
    assert refused.value.reason.code == code
    assert snapshot(db) == before


def test_a_rule_for_an_unknown_shop_is_refused(db: Database) -> None:
    with pytest.raises(ChangeRefused) as refused:
        edit_cells(db, [CellEdit("channel", "etsy:Nowhere", "share_pct", 10)], who="mei")
    assert refused.value.reason == Message("edit.refused.unknown_shop", {"shop": "etsy:Nowhere"})


def test_shopify_inventory_file(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "shopify.csv"
    result = write_stock_update(db, "shopify", out)
    assert (result.shop_id, result.count, result.units) == ("shopify:Main", 4, 33)
    assert out.read_bytes().decode("utf-8").splitlines() == [
        SHOPIFY_HEADER,
        "bowl,Bowl,Title,Default Title,,,,,BOWL-1,,,4",
        "plate,Plate,Title,Default Title,,,,,PLATE-1,,,9",
        "tea-mug,Tea mug,,Blue,,L,,,MUG-BLU,,,3",
        "tea-mug,Tea mug,,Red,,L,,,MUG-RED,,,17",
    ]
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_item_known_only_from_orders_is_left_out_of_the_shopify_file(db: Database, tmp_path: Path) -> None:
    # A Shopify line without a SKU, of no imported product, is kept under its title's stand-in: even counted,
    # the file cannot name it (the orders export gives no handle), so it is left out and the message says why.
    with db.transaction():
        db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
                   " currency) VALUES ('shopify:Main', '1001', 2, NULL, 'Ski Wax - Cold', 1, 1, 1, 'USD')")
    wax = stand_in_sku("shopify", "Ski Wax - Cold")
    assert wax in _listed(db, "shopify:Main")
    edit_cells(db, [CellEdit("stock", wax, "on_hand", 6)], who="mei")
    out = tmp_path / "shopify.csv"
    result = write_stock_update(db, "shopify", out)
    assert (result.count, result.uncounted, result.unlisted) == (4, 0, 1)
    assert "Ski Wax" not in out.read_text(encoding="utf-8") and wax not in out.read_text(encoding="utf-8")
    assert result.message.code == "export.stock.written_unlisted" and result.message.params["unlisted"] == 1


def test_a_shop_whose_only_counts_are_of_such_items_writes_nothing_and_says_why(shop: Database,
                                                                               tmp_path: Path) -> None:
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES ('shopify:Wax', 'shopify', 'Wax', 'USD')")
        shop.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                     " VALUES ('shopify:Wax', '1', TIMESTAMPTZ '2026-11-30 10:00:00+00', '+00:00', 'paid', 'USD', 1)")
        shop.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                     " line_total, currency) VALUES ('shopify:Wax', '1', 1, NULL, 'Ski Wax', 1, 1, 1, 'USD')")
    edit_cells(shop, [CellEdit("stock", stand_in_sku("shopify", "Ski Wax"), "on_hand", 6)], who="mei")
    with pytest.raises(KnownError) as refused:
        write_stock_update(shop, "shopify", tmp_path / "shopify.csv")
    assert refused.value.message == Message("export.stock.only_unlisted", {"shop": "shopify:Wax", "unlisted": 1})
    assert not (tmp_path / "shopify.csv").exists()


def test_shopify_location_names_the_quantity_column(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "shopify.csv"
    write_stock_update(db, "shopify", out, location="Warehouse 北京")
    assert out.read_text(encoding="utf-8").splitlines()[0].endswith(",COO,Warehouse 北京")


def test_amazon_price_and_quantity_file(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "amazon.txt"
    edit_cells(db, [CellEdit("channel", "amazon:US", "max_listed", 10)], who="mei")
    write_stock_update(db, "amazon", out)
    assert out.read_bytes().decode("utf-8").splitlines() == [
        "sku\tprice\tminimum-seller-allowed-price\tmaximum-seller-allowed-price\tquantity\thandling-time\t"
        "fulfillment-channel",
        "BOWL-1\t\t\t\t4\t\t",
        "MUG-BLU\t\t\t\t3\t\t",
        "MUG-RED\t\t\t\t10\t\t",
    ]


def test_woocommerce_product_csv_round_trips_its_skus(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "woo.csv"
    result = write_stock_update(db, "woocommerce", out, shop="Site")
    assert (result.count, result.uncounted) == (3, 1)  # the cup was never counted: left out, not zeroed
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel-compatible, as WooCommerce's own exporter writes it
    assert raw.decode("utf-8-sig").splitlines() == [
        "ID,SKU,In stock?,Stock",
        ",BOWL-1,1,4",           # its listing id is no WooCommerce post id: matched by SKU
        "101,PLATE-1,1,9",
        ",VASE-1,0,0",
    ]
    with out.open(encoding="utf-8-sig", newline="") as fh:
        read = {row["SKU"]: int(row["Stock"]) for row in csv.DictReader(fh)}
    assert read == {r.sku: r.listed for r in listed_stock(db, "woocommerce:Site") if r.counted}


def test_a_reorder_setting_is_no_count_the_sku_stays_left_out_not_zeroed(db: Database, tmp_path: Path) -> None:
    edit_cells(db, [CellEdit("stock", "CUP-1", "lead_time_days", 21)], who="mei")  # makes its stock row, at 0
    result = write_stock_update(db, "woocommerce", tmp_path / "woo.csv", shop="Site")
    assert (result.count, result.uncounted) == (3, 1)
    assert "CUP-1" not in (tmp_path / "woo.csv").read_text(encoding="utf-8-sig")
    edit_cells(db, [CellEdit("stock", "CUP-1", "on_hand", 0)], who="mei")  # counted: none left, so zero it
    result = write_stock_update(db, "woocommerce", tmp_path / "woo.csv", shop="Site")
    assert (result.count, result.uncounted) == (4, 0)


def test_cells_a_spreadsheet_would_run_are_quoted(db: Database, tmp_path: Path) -> None:
    with db.transaction():
        db.execute("INSERT INTO variants (sku, product_id, currency) VALUES ('=HYPERLINK(1)', 'plate', 'USD')")
        db.execute("INSERT INTO stock_levels (sku, on_hand, updated_at) VALUES ('=HYPERLINK(1)', 0, now())")
        db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source)"
                   " VALUES ('=HYPERLINK(1)', now(), 0, 'count')")
        db.execute("INSERT INTO listings (shop_id, listing_id, sku, title) VALUES"
                   " ('amazon:US', 'X', '=HYPERLINK(1)', '@evil')")
    out = tmp_path / "amazon.txt"
    write_stock_update(db, "amazon", out)
    assert "'=HYPERLINK(1)\t\t\t\t0\t\t" in out.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(("platform", "shop_name", "code"), [
    ("taobao", None, "export.stock.no_writer"),
    ("etsy", None, "export.stock.no_writer"),
    ("shopify", "Elsewhere", "export.stock.unknown_shop"),
])
def test_refusals_write_nothing(db: Database, tmp_path: Path, platform: str, shop_name: str | None,
                                code: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(KnownError) as refused:
        write_stock_update(db, platform, folder / "out.csv", shop=shop_name)
    assert refused.value.message.code == code
    assert list(folder.iterdir()) == []


def test_a_platform_with_no_shop_or_several_is_refused(shop: Database, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as refused:
        write_stock_update(shop, "amazon", tmp_path / "a.txt")
    assert refused.value.message.code == "export.stock.no_shop"
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES ('amazon:US', 'amazon', 'US', 'USD'), ('amazon:DE', 'amazon', 'DE', 'EUR')")
    with pytest.raises(KnownError) as refused:
        write_stock_update(shop, "amazon", tmp_path / "a.txt")
    assert refused.value.message == Message("export.stock.which_shop", {"platform": "amazon", "shops": ["DE", "US"]})
    with pytest.raises(KnownError) as refused:
        write_stock_update(shop, "amazon", tmp_path / "a.txt", shop="de")
    assert refused.value.message.code == "export.stock.nothing_listed"


def test_a_failed_write_leaves_the_old_file_and_no_partial(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "shopify.csv"
    with pytest.raises(KnownError) as refused:
        write_stock_update(db, "shopify", out)
    assert refused.value.message.code == "export.stock.cannot_write"
    folder = tmp_path / "out"
    folder.mkdir()
    existing = folder / "shopify.csv"
    existing.write_text("old", encoding="utf-8")
    write_stock_update(db, "shopify", existing)
    assert existing.read_text(encoding="utf-8").startswith("Handle,")
    assert sorted(p.name for p in folder.iterdir()) == ["shopify.csv"]
