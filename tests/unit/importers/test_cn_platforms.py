"""JD, Pinduoduo, Douyin (orders and 动账明细) and Youzan exports, and masked people who must stay apart."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from cn_exports import (
    DOUYIN_CIPHER_NAME,
    DOUYIN_CIPHER_PHONE,
    JD_MASKED_PHONE,
    PDD_MASKED_PHONE,
    YOUZAN_HEADER,
    YOUZAN_PHONE,
    douyin_orders,
    douyin_settlements,
    import_files,
    jd_orders,
    one,
    pdd_orders,
    snapshot,
    write_csv,
    youzan_orders,
)

from shopkeeper.db.database import Database
from shopkeeper.services.imports import rejects, undo_import

UTC = dt.UTC


def _douyin_csv(path: Path) -> Path:
    # Douyin: UTF-8 with BOM, every cell quoted, a tab inside the quotes
    return write_csv(path, douyin_orders(), encoding="utf-8-sig", quote_all=True)


class TestJD:
    def test_items_repeat_their_order(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, write_csv(tmp_path / "jd.csv", jd_orders()))
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == ("jd", "orders", 4, 0)
        orders = shop.fetchall("SELECT order_id, status, platform_status, subtotal, total, currency, ordered_at, "
                               "ordered_tz, buyer_id, ship_city FROM orders ORDER BY 1")
        assert orders == [
            ("235698123456", "paid", "等待出库", Decimal("139.70"), Decimal("129.70"), "CNY",
             dt.datetime(2020, 2, 20, 16, 0, tzinfo=UTC), "+08:00", "jd_5a1b2c3d", "深圳市"),
            ("235698123457", "completed", "完成", Decimal("59.90"), Decimal("59.90"), "CNY",
             dt.datetime(2020, 2, 20, 16, 0, tzinfo=UTC), "+08:00", "jd_7e8f9a0b", "深圳市"),
            ("235698123458", "cancelled", "已取消", Decimal("19.90"), Decimal("19.90"), "CNY",
             dt.datetime(2020, 2, 20, 16, 0, tzinfo=UTC), "+08:00", "jd_7e8f9a0b", "深圳市"),
        ]
        lines = shop.fetchall("SELECT line_no, sku, title, quantity, unit_price, line_total FROM order_lines "
                              "WHERE order_id = '235698123456' ORDER BY line_no")
        assert lines == [(1, "CABLE-C1", "Type-C数据线（1米）", 1, Decimal("19.90"), Decimal("19.90")),
                         (2, "MI-PB-10K", "小米充电宝 10000mAh", 2, Decimal("59.90"), Decimal("119.80"))]

    def test_masked_phone_never_joins_two_accounts(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "jd.csv", jd_orders()))
        buyers = shop.fetchall("SELECT buyer_id, name, phone, member_id FROM buyers ORDER BY 1")
        assert [b[:3] for b in buyers] == [("jd_5a1b2c3d", "张*", JD_MASKED_PHONE),
                                           ("jd_7e8f9a0b", "李*", JD_MASKED_PHONE)]
        assert buyers[0][3] != buyers[1][3]
        assert shop.fetchall("SELECT display_name, phone FROM members ORDER BY 1") == [
            ("jd_5a1b2c3d", None), ("jd_7e8f9a0b", None)]


class TestPinduoduo:
    def test_units_in_headers_and_day_from_order_number(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, write_csv(tmp_path / "pdd.csv", pdd_orders()))
        assert (outcome.platform, outcome.rows_read, outcome.rows_rejected) == ("pinduoduo", 3, 0)
        orders = shop.fetchall("SELECT order_id, status, platform_status, subtotal, discount, total, refunded_amount, "
                               "ordered_at, ordered_tz, buyer_id FROM orders ORDER BY 1")
        assert orders[0] == ("200221-063450781932541", "paid", "待发货", Decimal("59.80"), Decimal("2.00"),
                             Decimal("57.80"), Decimal("0.00"), dt.datetime(2020, 2, 20, 16, 0, tzinfo=UTC), "+08:00",
                             "200221-063450781932541")  # no buyer account: the order stands for its buyer
        assert orders[1][1:3] == ("shipped", "已发货，待签收")
        assert orders[2][1:3] + orders[2][5:7] == ("refunded", "已签收", Decimal("27.90"), Decimal("27.90"))
        lines = shop.fetchall("SELECT sku, variant, quantity, unit_price, line_total, refunded_quantity "
                              "FROM order_lines ORDER BY order_id")
        assert lines[0] == ("TEE-2P-L", "白色,L", 2, Decimal("29.90"), Decimal("59.80"), 0)
        assert lines[2][5] == 1

    def test_masked_recipients_stay_apart(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "pdd.csv", pdd_orders()))
        assert one(shop, "SELECT count(DISTINCT member_id), count(*), min(phone), max(phone) FROM buyers") == (
            3, 3, PDD_MASKED_PHONE, PDD_MASKED_PHONE)
        assert one(shop, "SELECT count(*) FROM members WHERE phone IS NOT NULL") == (0,)


class TestDouyin:
    def test_sub_orders_tabs_dashes_and_cipher_text(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, _douyin_csv(tmp_path / "1791430000_orders.csv"))
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == ("douyin", "orders", 3, 0)
        orders = shop.fetchall("SELECT order_id, status, platform_status, total, refunded_amount, ordered_at, channel "
                               "FROM orders ORDER BY 1")
        assert orders == [
            # 19-digit ids exact, the tab gone; one of two sub-orders refunded
            ("6917926768823643751", "partially_refunded", "已完成", Decimal("89.70"), Decimal("29.90"),
             dt.datetime(2026, 9, 24, 5, 18, 29, tzinfo=UTC), "直播"),
            # '2026/9/10 8:00', as Excel re-saves it
            ("6917926768823643760", "paid", "待发货", Decimal("18.80"), Decimal("0.00"),
             dt.datetime(2026, 9, 10, 0, 0, tzinfo=UTC), "直播"),
        ]
        lines = shop.fetchall("SELECT order_id, line_no, sku, title, variant, quantity, refunded_quantity "
                              "FROM order_lines ORDER BY 1, 2")
        assert lines == [
            ("6917926768823643751", 1, "BEEF-200", "辣丝丝 麻辣牛肉干 200g", "麻辣味", 2, 0),
            ("6917926768823643751", 2, "BEEF-201", "辣丝丝 五香牛肉干 200g", "五香味", 1, 1),
            ("6917926768823643760", 1, "SUGAR-500", "手工红糖 500g", None, 1, 0),  # '-' is empty
        ]
        assert shop.fetchall("SELECT DISTINCT name, phone FROM buyers") == [(DOUYIN_CIPHER_NAME, DOUYIN_CIPHER_PHONE)]

    def test_cipher_text_never_matches_a_member(self, shop: Database, tmp_path: Path) -> None:
        # a plain phone made of the very digits inside the cipher text, seen first on Youzan
        digits = "".join(c for c in DOUYIN_CIPHER_PHONE if c.isdigit())
        header, rows = youzan_orders()
        rows = [rows[1][:2] + [digits] + rows[1][3:]]
        import_files(shop, tmp_path, write_csv(tmp_path / "youzan.csv", (header, rows)))
        import_files(shop, tmp_path, _douyin_csv(tmp_path / "douyin.csv"))
        members = shop.fetchall("SELECT b.shop_id, b.member_id FROM buyers b ORDER BY b.buyer_id")
        assert len({m for _, m in members}) == 3  # one Youzan buyer, two Douyin orders: three people
        assert one(shop, "SELECT count(*) FROM members WHERE phone IS NOT NULL") == (1,)  # only the plain one

    def test_settlement_file_becomes_money_movements(self, shop: Database, tmp_path: Path) -> None:
        path = write_csv(tmp_path / "动账明细.csv", douyin_settlements(), encoding="utf-8-sig")
        (outcome,) = import_files(shop, tmp_path, path)
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_added) == (
            "douyin", "settlements", 5, 5)
        moves = shop.fetchall("SELECT movement_id, occurred_at, amount, currency, kind, order_id, description "
                              "FROM money_movements ORDER BY occurred_at")
        assert moves == [
            ("OTHER1", dt.datetime(2023, 12, 4, 2, 0, tzinfo=UTC), Decimal("3.00"), "CNY", "other", None,
             "消费者赔付 · 聚合账户"),
            ("2026070806273341620114198961", dt.datetime(2026, 7, 7, 22, 27, 38, tzinfo=UTC), Decimal("-8.17"), "CNY",
             "shipping_label", "6954164338068755932", "上门取件运费 · 聚合账户"),  # unsigned 出账: the direction signs it
            ("2026093010000012345678", dt.datetime(2026, 9, 30, 2, 0, tzinfo=UTC), Decimal("170.05"), "CNY",
             "sale", "6917926768823643751", "货款结算入账 · 聚合账户"),
            ("2026100109000012345679", dt.datetime(2026, 10, 1, 1, 0, tzinfo=UTC), Decimal("-29.90"), "CNY",
             "refund", "6917926768823643751", "退款-结算后退款-退用户 · 聚合账户"),
            ("2026100212000012345680", dt.datetime(2026, 10, 2, 4, 0, tzinfo=UTC), Decimal("-1000.00"), "CNY",
             "payout", None, "提现 · 聚合账户 · 提现到银行卡（尾号6198）"),
        ]

    def test_settlement_reimport_and_undo(self, shop: Database, tmp_path: Path) -> None:
        first_path = write_csv(tmp_path / "a.csv", douyin_settlements(), encoding="utf-8-sig")
        (first,) = import_files(shop, tmp_path, first_path)
        before = snapshot(shop)
        (second,) = import_files(shop, tmp_path, write_csv(tmp_path / "b.csv", douyin_settlements(), newline="\n"))
        assert (second.rows_added, second.rows_updated) == (0, 0)
        assert snapshot(shop) == before
        undo_import(shop, second.batch_id)
        undo_import(shop, first.batch_id)
        assert one(shop, "SELECT count(*) FROM money_movements") == (0,)


class TestYouzan:
    def test_orders_without_lines(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, write_csv(tmp_path / "youzan.csv", youzan_orders()))
        assert (outcome.platform, outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == ("youzan", 3, 2, 1)
        orders = shop.fetchall("SELECT order_id, status, platform_status, total, ordered_at, paid_at FROM orders "
                               "ORDER BY 1")
        assert orders == [
            ("E20200221123456789012345", "completed", "交易完成", Decimal("88.00"),
             dt.datetime(2016, 5, 23, 14, 2, tzinfo=UTC), dt.datetime(2016, 5, 23, 14, 2, tzinfo=UTC)),
            ("E20200221123456789012346", "shipped", "已发货", Decimal("39.90"),
             dt.datetime(2020, 2, 21, 1, 30, tzinfo=UTC), dt.datetime(2020, 2, 21, 1, 30, tzinfo=UTC)),
        ]
        # an unpaid order with no date at all cannot be placed in time: reported, not guessed
        assert [r[3] for r in rejects(shop, outcome.batch_id)] == ["missing order date"]
        assert one(shop, "SELECT count(*) FROM order_lines") == (0,)
        assert YOUZAN_HEADER[2] == "收货人手机号/提货人手机号"

    def test_currency_written_in_the_value_wins(self, shop: Database, tmp_path: Path) -> None:
        header, rows = youzan_orders()
        rows[0][5] = "￥88.00"  # full-width yuan sign: still CNY
        rows[1][5] = "HK$39.90"  # a Hong Kong shop's order says otherwise
        import_files(shop, tmp_path, write_csv(tmp_path / "youzan.csv", (header, rows)))
        assert shop.fetchall("SELECT total, currency FROM orders ORDER BY order_id") == [
            (Decimal("88.00"), "CNY"), (Decimal("39.90"), "HKD")]

    def test_a_plain_phone_is_one_person(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "youzan.csv", youzan_orders()))
        assert one(shop, "SELECT count(*), count(DISTINCT member_id), min(phone) FROM buyers") == (2, 1, YOUZAN_PHONE)
        assert one(shop, "SELECT phone FROM members") == (YOUZAN_PHONE,)


@pytest.mark.parametrize("fmt", ["jd", "pinduoduo", "douyin", "youzan"])
def test_reimport_changes_nothing_and_undo_restores(shop: Database, tmp_path: Path, fmt: str) -> None:
    table = {"jd": jd_orders, "pinduoduo": pdd_orders, "douyin": douyin_orders, "youzan": youzan_orders}[fmt]()
    empty = snapshot(shop)
    (first,) = import_files(shop, tmp_path, write_csv(tmp_path / f"{fmt}.csv", table, quote_all=fmt == "douyin"))
    before = snapshot(shop)
    # the same export saved again as UTF-8 with LF: other bytes, same rows
    again = write_csv(tmp_path / f"{fmt}-again.csv", table, encoding="utf-8-sig", newline="\n")
    (second,) = import_files(shop, tmp_path, again)
    assert (second.rows_added, second.rows_updated) == (0, 0)
    assert snapshot(shop) == before
    undo_import(shop, second.batch_id)
    assert snapshot(shop) == before
    undo_import(shop, first.batch_id)
    assert snapshot(shop) == empty
