"""Ids a spreadsheet program damaged are never used as keys (issue 7, item 1).

Opened and saved in Excel, a Taobao 订单报表 has `3.97185E+18` for every order id:
imported as such, 60 orders became 1. Saved as .xlsx, the ids are numbers rounded
after 15 digits. Either way the file is refused with how to get a good one, rows
with a damaged key in an otherwise good file are rejected and listed, and other
damaged ids (phones) are left empty rather than kept wrong.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from cn_exports import (
    TAOBAO_ORDERS,
    TAOBAO_ORDERS_NEW,
    Table,
    douyin_orders,
    jd_orders,
    taobao_id,
    taobao_lines,
    write_csv,
    write_xlsx,
)

from shopkeeper.db.database import Database
from shopkeeper.importers.format_registry import registered
from shopkeeper.importers.mapped_formats import MAPPED_SPECS
from shopkeeper.importers.normalise_sql import install_macros
from shopkeeper.services import mappings
from shopkeeper.services.imports import rejects
from shopkeeper.services.mappings import MAPPED_ORDERS
from tests.unit.importers.export_files import SHOPIFY_ORDERS, import_ok, run_import, write_export

DAMAGED = "the id was damaged by a spreadsheet program; export the file again and import it as it comes"
HOW_TO = ("Excel shows long numbers in scientific notation and saves them that way, or rounds them after 15 digits; "
          "export the file again from the platform and import that file as it comes, without opening and saving it "
          "in a spreadsheet (or, in Excel, format the id column as Text before saving)")

# 60 real order ids that Excel shows alike: 3.97185E+18.
ORDER_IDS = [str(3971850079190007900 + i) for i in range(60)]


def excel_shown(order_id: str) -> str:
    """How Excel shows (and saves to CSV) a 19-digit id in a General column."""
    return f"{Decimal(order_id):.5E}"


def taobao_report(ids: list[str], shown: Callable[[int, str], str]) -> Table:
    """A 订单报表 (newer form) of one order per id, cells from the shared Taobao fixtures."""
    templates = list(TAOBAO_ORDERS.values())
    rows = []
    for i, order_id in enumerate(ids):
        cells = {**templates[i % len(templates)], "订单编号": shown(i, order_id)}
        rows.append([cells.get(h.strip(), "") for h in TAOBAO_ORDERS_NEW])
    return list(TAOBAO_ORDERS_NEW), rows


def original(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "ExportOrderList.csv", taobao_report(ORDER_IDS, lambda i, o: taobao_id(o)))


def saved_by_excel(tmp_path: Path, form: Callable[[str], str] = excel_shown) -> Path:
    return write_csv(tmp_path / "ExportOrderList-excel.csv", taobao_report(ORDER_IDS, lambda i, o: form(o)))


def order_ids(shop: Database) -> list[str]:
    return [r[0] for r in shop.fetchall("SELECT order_id FROM orders ORDER BY order_id")]


def refusal(column: str, damaged: int, of: int, value: str) -> str:
    return (f"the ids in {column} were damaged by a spreadsheet program ({damaged} of {of} ids, the first on row 1: "
            f"{value}): {HOW_TO}")


# --- recognising a damaged id ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["3.97185E+18", "3,97185E+18", "3.97185e18", "3.97185e+18", "4E+18",
                                   "6.63424E+12", "3.97185007919001E+18", "1E+15"])
def test_scientific_notation_is_damage(shop: Database, value: str) -> None:
    install_macros(shop)
    assert shop.scalar("SELECT sk_id_damaged(?)", [value]) is True


@pytest.mark.parametrize("value", ["3971850079190007919", "#1001", "E20200221123456789012345", "12E4", "1E5",
                                   "200221-063450781932541", "SKU-1.5E", "A.1E+5", "3.9", "1.2.3", "E", "7"])
def test_ids_and_skus_are_not_damage(shop: Database, value: str) -> None:
    install_macros(shop)
    assert shop.scalar("SELECT sk_id_damaged(?)", [value]) is False


# --- a Taobao 订单报表 through Excel -------------------------------------------------------------------


@pytest.mark.parametrize(("form", "shown"), [
    (excel_shown, "3.97185E+18"),
    (lambda o: excel_shown(o).replace(".", ","), "3,97185E+18"),  # a decimal-comma Excel
    (lambda o: f"{Decimal(o):.5e}".replace("+", ""), "3.97185e18"),
])
def test_taobao_orders_saved_by_excel_are_refused(shop: Database, tmp_path: Path,
                                                  form: Callable[[str], str], shown: str) -> None:
    path = saved_by_excel(tmp_path, form)
    [outcome] = run_import(shop, path)
    assert not outcome.ok
    assert outcome.reason == refusal("订单编号", 60, 60, shown)
    assert outcome.message == f"{path.name}: refused — {outcome.reason}"
    assert shop.scalar("SELECT count(*) FROM orders") == 0
    assert shop.scalar("SELECT count(*) FROM import_batches") == 0


def test_xlsx_with_ids_stored_as_numbers_is_refused(shop: Database, tmp_path: Path) -> None:
    table = taobao_report(ORDER_IDS, lambda i, o: taobao_id(o))
    path = write_xlsx(tmp_path / "ExportOrderList.xlsx", table, numbers={"订单编号"})
    [outcome] = run_import(shop, path)
    assert not outcome.ok
    # 3971850079190007900 as Excel holds it: 3971850079190010000, written with the 15 digits it kept
    assert outcome.reason == refusal("订单编号", 60, 60, "3.97185007919001E+18")
    assert shop.scalar("SELECT count(*) FROM orders") == 0


def test_xlsx_with_ids_stored_as_text_imports_exactly(shop: Database, tmp_path: Path) -> None:
    table = taobao_report(ORDER_IDS, lambda i, o: taobao_id(o))
    [outcome] = import_ok(shop, write_xlsx(tmp_path / "ExportOrderList.xlsx", table))
    assert (outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == (60, 60, 0)
    assert order_ids(shop) == ORDER_IDS


def test_the_damaged_files_beside_the_original_add_no_orders(shop: Database, tmp_path: Path) -> None:
    [first] = import_ok(shop, original(tmp_path))
    assert first.rows_added == 60 and order_ids(shop) == ORDER_IDS
    table = taobao_report(ORDER_IDS, lambda i, o: taobao_id(o))
    damaged = [saved_by_excel(tmp_path), write_xlsx(tmp_path / "numbers.xlsx", table, numbers={"订单编号"})]
    assert [o.ok for o in run_import(shop, *damaged)] == [False, False]
    assert order_ids(shop) == ORDER_IDS
    assert shop.scalar("SELECT count(*) FROM import_batches") == 1
    # The same ids kept as text are the same orders.
    [again] = import_ok(shop, write_xlsx(tmp_path / "text.xlsx", table))
    assert (again.rows_added, again.rows_rejected) == (0, 0)
    assert order_ids(shop) == ORDER_IDS


def test_a_few_damaged_ids_reject_their_rows_and_the_rest_imports(shop: Database, tmp_path: Path) -> None:
    ids = ORDER_IDS[:10]
    damaged_rows = {3, 6, 9}  # rows pasted in from a spreadsheet
    path = write_csv(tmp_path / "ExportOrderList.csv",
                     taobao_report(ids, lambda i, o: excel_shown(o) if i + 1 in damaged_rows else taobao_id(o)))
    [outcome] = import_ok(shop, path)
    assert outcome.message == (f"{path.name}: Taobao/Tmall orders (订单报表), 10 rows read, 7 added, 0 updated, "
                               "3 rejected (see report)")
    assert rejects(shop, outcome.batch_id) == [(row, "订单编号", "3.97185E+18", DAMAGED) for row in sorted(damaged_rows)]
    assert order_ids(shop) == [o for i, o in enumerate(ids) if i + 1 not in damaged_rows]


def test_a_damaged_phone_is_left_empty_not_kept_wrong(shop: Database, tmp_path: Path) -> None:
    header, rows = taobao_report(ORDER_IDS[:3], lambda i, o: taobao_id(o))
    mobile, landline = TAOBAO_ORDERS_NEW.index("联系手机"), TAOBAO_ORDERS_NEW.index("联系电话 ")
    for row in rows:
        row[mobile], row[landline] = "1.86185E+10", ""  # 18618486065 through Excel
    [outcome] = import_ok(shop, write_csv(tmp_path / "orders.csv", (header, rows)))
    assert (outcome.rows_added, outcome.rows_rejected) == (3, 0)
    assert shop.fetchall("SELECT DISTINCT phone FROM buyers") == [(None,)]


# --- every platform and mapped files: the same mechanism ------------------------------------------------


def _shopify_rows(ids: list[str]) -> list[dict[str, str]]:
    rows = []
    for n, order_id in enumerate(ids, start=1):
        rows.append({"Name": f"#100{n}", "Email": f"buyer{n}@example.com", "Financial Status": "paid",
                     "Currency": "EUR", "Total": "12.00", "Created at": "2025-05-11 09:55:16 -0400",
                     "Lineitem quantity": "1", "Lineitem name": "Cup", "Lineitem price": "5.00", "Id": order_id})
        rows.append({"Name": f"#100{n}", "Email": f"buyer{n}@example.com", "Created at": "2025-05-11 09:55:16 -0400",
                     "Lineitem quantity": "1", "Lineitem name": "Saucer", "Lineitem price": "7.00"})
    return rows


def test_shopify_orders_with_a_damaged_id_column_are_refused(shop: Database, tmp_path: Path) -> None:
    # Shopify writes `Id` on an order's first row only: 3 ids in 6 rows, all damaged.
    path = write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS,
                        _shopify_rows(["6.63424E+12", "6.63424E+12", "6.63424E+12"]))
    [outcome] = run_import(shop, path)
    assert not outcome.ok
    assert outcome.reason == refusal("Id", 3, 3, "6.63424E+12")
    assert shop.scalar("SELECT count(*) FROM orders") == 0


def test_shopify_order_with_a_damaged_id_is_rejected_whole(shop: Database, tmp_path: Path) -> None:
    path = write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS,
                        _shopify_rows(["6.63424E+12", "6634244374860", "6634244374861"]))
    [outcome] = import_ok(shop, path)
    assert (outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == (6, 4, 2)
    assert rejects(shop, outcome.batch_id) == [
        (1, "Id", "6.63424E+12", DAMAGED),
        (2, None, None, "another row of this order could not be read (row 1)"),
    ]
    assert order_ids(shop) == ["6634244374860", "6634244374861"]


MAPPED_HEADER = ["Order No", "Placed (local)", "Item", "Qty", "Grand total"]


def _mapped_file(path: Path, ids: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([MAPPED_HEADER, *[[i, "2025-01-02 10:00:00", "Blue Cup", "1", "3.00"] for i in ids]])
    return path


def test_a_column_mapped_file_with_damaged_order_ids_is_refused(shop: Database, tmp_path: Path) -> None:
    good = _mapped_file(tmp_path / "erp.csv", ["1234567890123456781", "1234567890123456782", "1234567890123456783"])
    [preview] = mappings.preview_tables(shop, good, tmp_path / "work")
    mappings.save_mapping(shop, name="ERP", kind=MAPPED_ORDERS, platform="other", headers=preview.headers,
                          columns=mappings.guess_columns(MAPPED_ORDERS, preview.headers, preview.rows))
    damaged = _mapped_file(tmp_path / "erp-excel.csv", ["1.23457E+18"] * 3)
    [outcome] = run_import(shop, damaged)
    assert not outcome.ok
    assert outcome.reason == refusal("Order No", 3, 3, "1.23457E+18")
    assert shop.scalar("SELECT count(*) FROM orders") == 0
    [imported] = import_ok(shop, good)
    assert imported.rows_added == 3
    assert order_ids(shop) == ["1234567890123456781", "1234567890123456782", "1234567890123456783"]


@pytest.mark.parametrize(("build", "column"), [
    (jd_orders, "订单号"),
    (douyin_orders, "主订单编号"),
    (lambda: taobao_lines("new"), "主订单编号"),
    (lambda: taobao_lines("old"), "订单编号"),
])
def test_chinese_exports_with_damaged_order_ids_are_refused(shop: Database, tmp_path: Path,
                                                            build: Callable[[], Table], column: str) -> None:
    header, rows = build()
    at = [h.strip() for h in header].index(column)
    for row in rows:
        row[at] = excel_shown(re.sub(r"\D", "", row[at]))
    [outcome] = run_import(shop, write_csv(tmp_path / "export.csv", (header, rows)))
    assert not outcome.ok and outcome.reason is not None
    assert outcome.reason.startswith(f"the ids in {column} were damaged by a spreadsheet program ({len(rows)} of "
                                     f"{len(rows)} ids, the first on row 1: {rows[0][at]}): ")
    assert shop.scalar("SELECT count(*) FROM orders") == 0


def test_every_format_declares_its_record_ids_as_keys() -> None:
    for spec in [*registered(), *MAPPED_SPECS.values()]:
        keys = {f.name for f in spec.fields if f.key}
        assert keys or not any(f.type == "id" for f in spec.fields), f"{spec.label}: no key id declared"
        # a phone or barcode identifies no record: damaged, it is left empty, the row is kept
        assert not {k for k in keys if "phone" in k or k in ("barcode", "gtin", "variant_barcode")}, spec.label


def test_an_etsy_listing_with_a_damaged_sku_is_rejected(shop: Database, tmp_path: Path) -> None:
    path = tmp_path / "EtsyListingsDownload.csv"
    path.write_text("TITLE,PRICE,CURRENCY_CODE,QUANTITY,SKU\nMug,12.00,USD,3,MUG-1\n"
                    'Plate,9.00,USD,2,"PL-1,1.23457E+11"\n')
    [outcome] = import_ok(shop, path)
    assert (outcome.rows_added, outcome.rows_rejected) == (1, 1)
    assert rejects(shop, outcome.batch_id) == [(2, "SKU", "PL-1,1.23457E+11", DAMAGED)]
    assert shop.fetchall("SELECT sku FROM variants") == [("MUG-1",)]


def test_ids_rounded_and_written_in_full_are_refused(shop: Database, tmp_path: Path) -> None:
    # The column formatted as a number in Excel to undo the E+18: the ids come back rounded, in full.
    rounded = "3971850079190010000"
    path = write_csv(tmp_path / "ExportOrderList.csv", taobao_report(ORDER_IDS, lambda i, o: rounded))
    [outcome] = run_import(shop, path)
    assert not outcome.ok
    assert outcome.reason == refusal("订单编号", 60, 60, rounded)
    assert shop.scalar("SELECT count(*) FROM orders") == 0


def test_real_ids_that_end_in_zeros_are_not_taken_for_rounded_ones(shop: Database, tmp_path: Path) -> None:
    ids = ["3971850079190000000", "2890123456789012345", "4971850079190010000"]  # one is not rounded
    [outcome] = import_ok(shop, write_csv(tmp_path / "a.csv", taobao_report(ids, lambda i, o: taobao_id(o))))
    assert outcome.rows_added == 3
    few = ["3971850079190010000"]  # too few digits to tell rounding from chance
    [outcome] = import_ok(shop, write_csv(tmp_path / "b.csv", taobao_report(few, lambda i, o: taobao_id(o))))
    assert outcome.rows_added == 1
