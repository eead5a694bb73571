"""Any other table: preview, guessed mapping, a check that writes nothing, saved mapping reused."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message
from shopkeeper.services import mappings
from shopkeeper.services.mappings import MAPPED_ORDERS, MAPPED_PRODUCTS
from tests.unit.importers.export_files import import_ok, run_import, snapshot

ORDERS_HEADER = ["Order No", "Placed (local)", "Item", "Code", "Qty", "Unit", "Grand total", "State", "Customer",
                 "E-mail"]


def _write(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh).writerows([header, *rows])
    return path


def _orders_file(tmp_path: Path) -> Path:
    return _write(tmp_path / "erp-orders.csv", ORDERS_HEADER, [
        ["1234567890123456789", "2025-01-02 10:00:00", "Blue Cup", "CUP-B", "2", "3.00", "9.50", "paid", "Ann",
         "ANN@example.com"],
        ["1234567890123456789", "2025-01-02 10:00:00", "Red Cup", "CUP-R", "1", "3.50", "", "paid", "Ann",
         "ann@example.com"],
        ["E-2", "2025-01-03 11:00:00", "Blue Cup", "CUP-B", "two", "3.00", "3.00", "交易成功", "Bob", ""],
    ])


def _preview(shop: Database, path: Path, tmp_path: Path) -> mappings.TablePreview:
    [preview] = mappings.preview_tables(shop, path, tmp_path / "work")
    return preview


def test_preview_shows_headers_and_first_rows_as_written(shop: Database, tmp_path: Path) -> None:
    preview = _preview(shop, _orders_file(tmp_path), tmp_path)
    assert preview.headers == tuple(ORDERS_HEADER)
    assert preview.rows[0][0] == "1234567890123456789"
    assert len(preview.rows) == 3


def test_guess_reads_header_names_in_english_and_chinese(shop: Database, tmp_path: Path) -> None:
    preview = _preview(shop, _orders_file(tmp_path), tmp_path)
    guess = {f: preview.headers[i] for f, i in mappings.guess_columns(MAPPED_ORDERS, preview.headers,
                                                                     preview.rows).items()}
    assert guess["order_id"] == "Order No"
    assert guess["order_time"] == "Placed (local)"  # a known name inside the header
    assert guess["quantity"] == "Qty" and guess["order_total"] == "Grand total" and guess["email"] == "E-mail"
    zh = ("货号", "品名", "售价", "成本价", "库存")
    guess = mappings.guess_columns(MAPPED_PRODUCTS, zh, ())
    assert guess == {"sku": 0, "title": 1, "price": 2, "cost": 3, "on_hand": 4}


def test_guess_finds_the_date_column_by_its_contents() -> None:
    headers = ("No", "When", "Thing")
    rows = (("A1", "2025/03/04 09:10", "Cup"), ("A2", "2025/03/05 10:00", "Pot"))
    assert mappings.guess_columns(MAPPED_ORDERS, headers, rows)["order_time"] == 1


def test_check_reports_what_would_happen_and_writes_nothing(shop: Database, tmp_path: Path) -> None:
    path = _orders_file(tmp_path)
    preview = _preview(shop, path, tmp_path)
    columns = mappings.guess_columns(MAPPED_ORDERS, preview.headers, preview.rows)
    before = snapshot(shop)
    check = mappings.check_mapping(shop, path, None, kind=MAPPED_ORDERS, platform="other", columns=columns,
                                   workdir=tmp_path / "work")
    assert check.ok and check.rows_read == 3 and check.rows_rejected == 1
    assert check.sample_rejects == ((3, "Qty", "two", Message("reject.not_a_whole_number")),)
    assert snapshot(shop) == before
    assert shop.scalar("SELECT count(*) FROM import_batches") == 0


def test_check_names_the_required_fields_left_unmapped(shop: Database, tmp_path: Path) -> None:
    path = _orders_file(tmp_path)
    check = mappings.check_mapping(shop, path, None, kind=MAPPED_ORDERS, platform="other", columns={"title": 2},
                                   workdir=tmp_path / "work")
    assert not check.ok and check.missing == ("order_id", "order_time")


def test_check_refuses_a_mapping_under_which_no_row_reads(shop: Database, tmp_path: Path) -> None:
    path = _orders_file(tmp_path)
    # The title column as the order time: no row has a readable date.
    check = mappings.check_mapping(shop, path, None, kind=MAPPED_ORDERS, platform="other",
                                   columns={"order_id": 0, "order_time": 2, "title": 2}, workdir=tmp_path / "work")
    assert not check.ok and check.problem is not None
    assert "none of its 3 rows could be read" in english(check.problem)


def test_saved_mapping_imports_the_next_file_of_that_shape_without_asking(shop: Database, tmp_path: Path) -> None:
    path = _orders_file(tmp_path)
    [unknown] = run_import(shop, path)
    assert not unknown.ok and unknown.needs_mapping
    preview = _preview(shop, path, tmp_path)
    columns = mappings.guess_columns(MAPPED_ORDERS, preview.headers, preview.rows)
    columns["sku"] = 3
    columns["unit_price"] = 5
    mappings.save_mapping(shop, name="ERP orders", kind=MAPPED_ORDERS, platform="woocommerce",
                          headers=preview.headers, columns=columns)
    # Same columns in another order and case: the same shape.
    later = tmp_path / "erp-orders-feb.csv"
    with path.open(newline="") as src:
        rows = list(csv.reader(src))
    _write(later, [h.upper() for h in reversed(rows[0])], [list(reversed(r)) for r in rows[1:2]])
    [outcome] = import_ok(shop, later)
    assert outcome.platform == "woocommerce" and outcome.rows_added == 1
    order = shop.fetchone("SELECT order_id, total, status, buyer_id FROM orders")
    assert order == ("1234567890123456789", Decimal("9.50"), "paid", "ann@example.com")
    assert shop.fetchall("SELECT sku, quantity, unit_price, line_total FROM order_lines") == [
        ("CUP-B", 2, Decimal("3.00"), Decimal("6.00"))]
    # The whole file: the order gains its second line; the unreadable row is reported, not dropped silently.
    [again] = import_ok(shop, path)
    assert (again.rows_added, again.rows_rejected) == (1, 1)
    assert shop.scalar("SELECT count(*) FROM order_lines") == 2


def test_the_command_line_uses_a_saved_mapping_by_name(shop: Database, tmp_path: Path) -> None:
    path = _orders_file(tmp_path)
    preview = _preview(shop, path, tmp_path)
    mappings.save_mapping(shop, name="ERP", kind=MAPPED_ORDERS, platform="other", headers=preview.headers,
                          columns=mappings.guess_columns(MAPPED_ORDERS, preview.headers, preview.rows))
    shop.execute("UPDATE saved_mappings SET signature = 'another shape'")
    [refused] = run_import(shop, path)
    assert not refused.ok
    [named] = import_ok(shop, path, mapping_name="ERP")
    assert named.rows_added == 2


def test_a_stock_sheet_sets_stock_and_costs(shop: Database, tmp_path: Path) -> None:
    path = _write(tmp_path / "库存.csv", ["货号", "品名", "规格", "售价", "成本价", "库存"], [
        ["CUP-B", "蓝杯", "蓝色", "¥39.00", "12.50", "14"],
        ["CUP-R", "红杯", "红色", "39", "12.5", "0"],
        ["", "无货号", "", "", "", "3"],
    ], encoding="gb18030")
    preview = _preview(shop, path, tmp_path)
    assert preview.headers[1] == "品名"
    columns = mappings.guess_columns(MAPPED_PRODUCTS, preview.headers, preview.rows)
    mappings.save_mapping(shop, name="库存表", kind=MAPPED_PRODUCTS, platform="taobao", headers=preview.headers,
                          columns=columns)
    [outcome] = import_ok(shop, path)
    assert (outcome.rows_added, outcome.rows_rejected) == (2, 1)
    assert shop.fetchall("SELECT v.sku, p.title, v.option_text, v.price, v.cost, v.currency, s.on_hand "
                         "FROM variants v JOIN products p USING (product_id) JOIN stock_levels s USING (sku) "
                         "ORDER BY sku") == [
        ("CUP-B", "蓝杯", "蓝色", Decimal("39.00"), Decimal("12.50"), "CNY", 14),
        ("CUP-R", "红杯", "红色", Decimal("39.00"), Decimal("12.50"), "CNY", 0),
    ]


def test_a_name_belongs_to_one_shape(shop: Database) -> None:
    mappings.save_mapping(shop, name="A", kind=MAPPED_ORDERS, platform="other", headers=("x", "y"),
                          columns={"order_id": 0, "order_time": 1})
    with pytest.raises(KnownError, match="already exists"):
        mappings.save_mapping(shop, name="A", kind=MAPPED_ORDERS, platform="other", headers=("p", "q"),
                              columns={"order_id": 0, "order_time": 1})
    with pytest.raises(KnownError, match="name"):
        mappings.save_mapping(shop, name="  ", kind=MAPPED_ORDERS, platform="other", headers=("p", "q"),
                              columns={"order_id": 0, "order_time": 1})
    # Saving again for the same shape replaces the old mapping.
    mappings.save_mapping(shop, name="B", kind=MAPPED_ORDERS, platform="other", headers=("x", "y"),
                          columns={"order_id": 0, "order_time": 1})
    assert [m.name for m in mappings.list_mappings(shop)] == ["B"]
