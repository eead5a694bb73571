"""Taobao / Tmall exports: 订单报表 and 宝贝报表 in both column sets, either order, and 淘宝助理 product files."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from cn_exports import (
    LINE_ONLY_ORDER,
    TAOBAO_LINES,
    TAOBAO_ORDERS,
    import_files,
    one,
    snapshot,
    taobao_lines,
    taobao_orders,
    write_assistant,
    write_csv,
)

from shopkeeper.db.database import Database
from shopkeeper.services.imports import import_paths, rejects, undo_import
from shopkeeper.services.inventory import inventory_rows
from shopkeeper.services.member_segments import segment_overview
from tests.catalogue_shop import TODAY

UTC = dt.UTC


def _pair(tmp_path: Path, form: str, **csv_options: object) -> tuple[Path, Path]:
    folder = tmp_path / f"export-{form}"
    folder.mkdir(exist_ok=True)
    orders = write_csv(folder / "ExportOrderList202002211200.csv", taobao_orders(form), **csv_options)
    lines = write_csv(folder / "ExportOrderDetailList202002211200.csv", taobao_lines(form), **csv_options)
    return orders, lines


def _orders(shop: Database) -> dict[str, tuple[object, ...]]:
    rows = shop.fetchall("SELECT order_id, status, platform_status, subtotal, shipping, total, refunded_amount, "
                         "currency, ordered_at, ordered_tz, paid_at, buyer_id, ship_city FROM orders")
    return {r[0]: r[1:] for r in rows}


class TestOrderReport:
    def test_new_form_in_gbk(self, shop: Database, tmp_path: Path) -> None:
        orders, _ = _pair(tmp_path, "new")
        (outcome,) = import_files(shop, tmp_path, orders)
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_added) == ("taobao", "orders", 7, 7)
        got = _orders(shop)
        assert set(got) == set(TAOBAO_ORDERS)  # 19-digit ids, exact, without their ="…" wrapper
        status = {k: v[:2] for k, v in got.items()}
        assert status == {
            "2890123456789012345": ("paid", "买家已付款，等待卖家发货"),
            "2890123456789012346": ("partially_refunded", "交易成功"),
            "2890123456789012347": ("cancelled", "交易关闭"),
            "2890123456789012348": ("pending", "等待买家付款"),
            "2890123456789012349": ("shipped", "卖家已发货，等待买家确认"),
            "2890123456789012350": ("refunded", "交易关闭"),
            "2890123456789012351": ("completed", "交易成功"),
        }

    def test_amounts_points_and_yuan(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _pair(tmp_path, "new")[0])
        got = _orders(shop)
        # 买家应付邮费 '10.00元'; 退款金额 -> refunded_amount; 买家支付积分 500 is points, not money
        assert got["2890123456789012346"][2:7] == (Decimal("1288.00"), Decimal("10.00"), Decimal("1298.00"),
                                                   Decimal("200.00"), "CNY")
        assert got["2890123456789012345"][4] == Decimal("598.00")  # 买家支付积分 100 did not change the total
        assert got["2890123456789012350"][4:6] == (Decimal("64.80"), Decimal("64.80"))

    def test_beijing_time_in_every_written_shape(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _pair(tmp_path, "new")[0])
        got = _orders(shop)
        # '2016/5/23 22:02' (spreadsheet), '2020-02-21 00:00:00', '2026/9/10 8:00' - all Beijing time
        assert got["2890123456789012345"][7:10] == (dt.datetime(2016, 5, 23, 14, 2, tzinfo=UTC), "+08:00",
                                                    dt.datetime(2016, 5, 23, 14, 2, tzinfo=UTC))
        assert got["2890123456789012346"][7] == dt.datetime(2020, 2, 20, 16, 0, tzinfo=UTC)
        assert got["2890123456789012348"][7:10] == (dt.datetime(2026, 9, 10, 0, 0, tzinfo=UTC), "+08:00", None)

    def test_buyers_are_nicks_with_text_as_written(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _pair(tmp_path, "new")[0])
        buyers = {r[0]: r[1:] for r in shop.fetchall("SELECT buyer_id, name, phone, city, country FROM buyers")}
        assert buyers == {
            "幸福蔓岩1627": ("马慧", "18618486065", "通化市", "CN"),  # the "'" Excel guard is gone
            "tb_小王（北京）": ("王小明", "010-65881234", "北京市", "CN"),
            "lily_李": ("李丽", "13912345678", "上海", "CN"),  # from the latest order
            "浙江小店主": ("赵敏", "13600000000", "杭州市", "CN"),
        }
        assert one(shop, "SELECT count(*) FROM orders WHERE buyer_id = '幸福蔓岩1627'") == (2,)
        names = sorted(r[0] for r in shop.fetchall("SELECT display_name FROM members"))
        assert names == sorted(["幸福蔓岩1627", "tb_小王（北京）", "lily_李", "浙江小店主"])

    def test_a_report_that_names_no_buyer_makes_no_members(self, shop: Database, tmp_path: Path) -> None:
        # The shape of a Tmall 订单报表 cut down for analysis: no 买家会员名, no recipient, no phone.
        header = ["订单编号", "总金额", "买家实际支付金额", "收货地址 ", "订单创建时间", "订单付款时间 ", "退款金额"]
        rows = [["1", "178.8", "0.0", "上海", "2020-02-21 00:00:00", "", "0.0"],
                ["2", "21.0", "21.0", "内蒙古自治区", "2020-02-20 23:59:54", "2020-02-21 00:00:02", "0.0"],
                ["3", "37.0", "37.0", "上海", "2020-02-20 23:59:35", "2020-02-21 00:00:10", "0.0"]]
        (outcome,) = import_files(shop, tmp_path, write_csv(tmp_path / "tmall_order_report.csv", (header, rows),
                                                            encoding="utf-8"))
        assert (outcome.kind, outcome.rows_added) == ("orders", 3)
        assert one(shop, "SELECT count(*), count(buyer_id), sum(total) FROM orders") == (3, 0, Decimal("236.80"))
        assert one(shop, "SELECT (SELECT count(*) FROM buyers), (SELECT count(*) FROM members)") == (0, 0)
        # the Members overview says how many sold orders belong to no one (order 1 was never paid)
        assert segment_overview(shop, dt.date(2020, 3, 1)).orders_without_buyer == 2
        # an order that names at least its recipient is still a buyer the seller can find and merge
        rows.append(["4", "9.9", "9.9", "上海", "2020-02-20 23:00:00", "2020-02-20 23:00:05", "0.0"])
        header2 = [*header, "收货人姓名"]
        rows2 = [[*r, "马慧" if r[0] == "4" else ""] for r in rows]
        import_files(shop, tmp_path, write_csv(tmp_path / "tmall_with_recipient.csv", (header2, rows2),
                                               encoding="utf-8"))
        assert shop.fetchall("SELECT buyer_id, name FROM buyers") == [("4", "马慧")]
        assert one(shop, "SELECT count(*) FROM members") == (1,)

    def test_old_form_without_refund_column(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, _pair(tmp_path, "old")[0])
        assert (outcome.kind, outcome.rows_added, outcome.rows_rejected) == ("orders", 7, 0)
        got = _orders(shop)
        # no 退款金额 column in 2016: statuses come from 订单状态 alone
        assert got["2890123456789012346"][:1] + got["2890123456789012346"][5:6] == ("completed", Decimal("0.00"))
        assert got["2890123456789012350"][0] == "cancelled"
        assert got["2890123456789012347"][0] == "cancelled"


class TestLineReport:
    def test_new_form_lines(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, _pair(tmp_path, "new")[1])
        assert (outcome.platform, outcome.kind, outcome.rows_read) == ("taobao", "order_lines", len(TAOBAO_LINES))
        lines = shop.fetchall("SELECT order_id, line_no, sku, title, variant, quantity, unit_price, line_total, "
                              "currency, refunded_quantity FROM order_lines ORDER BY order_id, line_no")
        assert len(lines) == len(TAOBAO_LINES)
        assert lines[0] == ("2890123456789012345", 1, "MK-SET-01", "日本直邮mamakids洗面奶+化妆水+乳液护肤特惠套装",
                            "颜色分类：白色[GT20白骑士]", 1, Decimal("598.00"), Decimal("598.00"), "CNY", 0)
        scarf, gloves = lines[1], lines[2]
        assert scarf[1:5] == (1, "SCARF-01", "羊毛围巾（加厚款）", "长度：2m;颜色分类：酒红色")
        assert gloves[1:] == (2, "GLOVE-02", "羊绒手套", "尺码：M", 2, Decimal("100.00"), Decimal("200.00"), "CNY", 2)

    def test_lines_alone_give_provisional_orders(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _pair(tmp_path, "new")[1])
        assert one(shop, "SELECT count(*) FROM orders") == (8,)
        assert one(shop, "SELECT status, platform_status, total, ordered_at, ordered_tz, buyer_id FROM orders "
                         "WHERE order_id = ?", [LINE_ONLY_ORDER]) == (
            "completed", "交易成功", Decimal("29.70"), dt.datetime(2020, 2, 22, 2, 0, tzinfo=UTC), "+08:00", None)
        assert one(shop, "SELECT count(*) FROM buyers") == (0,)  # the line file names no buyer

    def test_old_form_lines_without_orders(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _pair(tmp_path, "old")[1])
        # no dates in the old line file: lines only, their orders come with the order file
        assert one(shop, "SELECT count(*), sum(line_total) FROM order_lines") == (9, Decimal("2660.30"))
        assert one(shop, "SELECT count(*) FROM orders") == (0,)

    @pytest.mark.parametrize("form", ["new", "old"])
    def test_either_file_first_gives_the_same_shop(self, tmp_path: Path, form: str) -> None:
        from shopkeeper.db.migrate import migrate

        orders, lines = _pair(tmp_path, form)
        results = []
        for name, paths in (("orders-first", (orders, lines)), ("lines-first", (lines, orders))):
            db = Database.open(tmp_path / f"{name}.duckdb")
            migrate(db, tmp_path / f"{name}-backups")
            for path in paths:
                import_files(db, tmp_path, path)
            results.append(snapshot(db))
            db.close()
        assert results[0] == results[1]
        assert len(results[0]["orders"]) == (8 if form == "new" else 7)
        assert len(results[0]["order_lines"]) == 9

    def test_order_file_overrides_provisional_values(self, shop: Database, tmp_path: Path) -> None:
        orders, lines = _pair(tmp_path, "new")
        import_files(shop, tmp_path, lines, orders)
        got = _orders(shop)
        # the order file's own total (shipping included) and buyer replace the line file's sums
        assert got["2890123456789012346"][:1] + got["2890123456789012346"][3:6] == (
            "partially_refunded", Decimal("10.00"), Decimal("1298.00"), Decimal("200.00"))
        assert got["2890123456789012346"][10] == "幸福蔓岩1627"


class TestText:
    def test_gb18030_only_characters_round_trip(self, shop: Database, tmp_path: Path) -> None:
        header, rows = taobao_lines("new")
        title = "𠮷野家联名款 T恤（限量）€12・“春季”"  # 𠮷 exists only as a four-byte GB18030 sequence
        rows[0][2] = title
        path = write_csv(tmp_path / "ExportOrderDetailList.csv", (header, rows), encoding="gb18030")
        import_files(shop, tmp_path, path)
        assert one(shop, "SELECT title, variant FROM order_lines WHERE order_id = ? AND line_no = 1",
                   ["2890123456789012345"]) == (title, "颜色分类：白色[GT20白骑士]")


class TestImportingAgain:
    def test_same_rows_in_other_bytes_change_nothing(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, *_pair(tmp_path, "new"))
        before = snapshot(shop)
        again = tmp_path / "again"
        again.mkdir()
        # re-exported: same rows, now UTF-8 with BOM and LF (so not "already imported" by hash)
        for path, table in ((again / "orders.csv", taobao_orders("new")), (again / "lines.csv", taobao_lines("new"))):
            write_csv(path, table, encoding="utf-8-sig", newline="\n")
        outcomes = import_files(shop, tmp_path, again / "orders.csv", again / "lines.csv")
        assert [(o.rows_added, o.rows_updated, o.rows_rejected) for o in outcomes] == [(0, 0, 0), (0, 0, 0)]
        assert snapshot(shop) == before

    def test_same_file_twice_is_already_imported(self, shop: Database, tmp_path: Path) -> None:
        orders, _ = _pair(tmp_path, "new")
        import_files(shop, tmp_path, orders)
        (outcome,) = import_files(shop, tmp_path, orders)
        assert outcome.already_imported

    @pytest.mark.parametrize("first", ["orders", "lines"])
    def test_undo_restores_each_step(self, shop: Database, tmp_path: Path, first: str) -> None:
        orders, lines = _pair(tmp_path, "new")
        paths = (orders, lines) if first == "orders" else (lines, orders)
        empty = snapshot(shop)
        (one_out,) = import_files(shop, tmp_path, paths[0])
        after_one = snapshot(shop)
        (two_out,) = import_files(shop, tmp_path, paths[1])
        assert snapshot(shop) != after_one
        undo_import(shop, two_out.batch_id)
        assert snapshot(shop) == after_one
        undo_import(shop, one_out.batch_id)
        assert snapshot(shop) == empty


class TestRejects:
    def test_a_bad_line_keeps_its_whole_order_out(self, shop: Database, tmp_path: Path) -> None:
        header, rows = taobao_lines("new")
        rows[2][4] = "两件"  # 购买数量 of the gloves, second line of order …346
        path = write_csv(tmp_path / "ExportOrderDetailList.csv", (header, rows))
        (outcome,) = import_paths(shop, [path], workdir=tmp_path / "w")
        assert outcome.ok and outcome.rows_rejected == 2
        assert one(shop, "SELECT count(*) FROM order_lines WHERE order_id = '2890123456789012346'") == (0,)
        assert one(shop, "SELECT count(*) FROM order_lines") == (7,)
        problems = rejects(shop, outcome.batch_id)
        assert (3, " 购买数量", "两件", "not a whole number") in problems  # header as written


class TestTaobaoAssistant:
    def test_items_skus_listings_and_stock(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, write_assistant(tmp_path / "baobei.csv"))
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == (
            "taobao", "products", 2, 0)
        assert shop.fetchall("SELECT product_id, title, category FROM products ORDER BY 1") == [
            ("SOAP-ROSE", "手工皂（玫瑰）", "50010788"), ("TS-2024", "纯棉T恤 男款 夏季（宽松）", "50000436")]
        variants = shop.fetchall("SELECT v.sku, v.product_id, v.option_text, v.price, v.currency, v.barcode, "
                                 "v.weight_grams, s.on_hand FROM variants v JOIN stock_levels s USING (sku) ORDER BY 1")
        assert variants == [
            ("SOAP-ROSE", "SOAP-ROSE", None, Decimal("25.00"), "CNY", "6909876543210", Decimal("100.000"), 100),
            ("TS-2024/黑色/M", "TS-2024", "黑色 / M", Decimal("62.00"), "CNY", None, Decimal("250.000"), 8),
            ("TS-WHT-L", "TS-2024", "白色 / L", Decimal("59.90"), "CNY", "6901234567891", Decimal("250.000"), 12),
            ("TS-WHT-M", "TS-2024", "白色 / M", Decimal("59.90"), "CNY", "6901234567890", Decimal("250.000"), 10),
        ]
        listings = shop.fetchall("SELECT listing_id, sku, title, price, status, quantity FROM listings ORDER BY 1")
        assert listings == [
            ("612345678901", None, "纯棉T恤 男款 夏季（宽松）", Decimal("59.90"), "active", 30),
            ("SOAP-ROSE", "SOAP-ROSE", "手工皂（玫瑰）", Decimal("25.00"), "draft", 100),  # num_id 0: never uploaded
        ]
        # The item with SKU groups is keyed by its 商家编码 TS-2024, not its 数字ID: its listing keeps that key
        # and holds every one of its SKUs.
        assert shop.fetchall("SELECT listing_id, product_id FROM listings ORDER BY 1") == [
            ("612345678901", "TS-2024"), ("SOAP-ROSE", "SOAP-ROSE")]
        assert {r["sku"]: r["platforms"] for r in inventory_rows(shop, TODAY)} == {
            "SOAP-ROSE": "taobao", "TS-2024/黑色/M": "taobao", "TS-WHT-L": "taobao", "TS-WHT-M": "taobao"}

    def test_reimport_changes_nothing_and_undo_empties(self, shop: Database, tmp_path: Path) -> None:
        path = write_assistant(tmp_path / "baobei.csv")
        (first,) = import_files(shop, tmp_path, path)
        before = snapshot(shop)
        copy = tmp_path / "copy.csv"
        copy.write_bytes(path.read_bytes() + "\n".encode("utf-16-le"))  # other bytes, same items
        (second,) = import_files(shop, tmp_path, copy)
        assert (second.rows_added, second.rows_updated) == (0, 0)
        assert snapshot(shop) == before
        undo_import(shop, second.batch_id)
        undo_import(shop, first.batch_id)
        assert one(shop, "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM variants) + "
                         "(SELECT count(*) FROM listings) + (SELECT count(*) FROM stock_levels)") == (0,)
