"""Chinese money ledgers: Alipay 账务明细, Pinduoduo 店铺账务明细, JD 账单明细, Youzan 对账单, Douyin 动账明细.

What a seller doing the month's books depends on: every row becomes one movement of
the right kind, signed from the seller's side; the movements add up to the file's
own totals to the cent; a movement names the order exactly as the order export
does; importing a file again changes nothing and undo takes exactly it away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from cn_exports import (
    douyin_orders,
    douyin_settlements,
    import_files,
    jd_orders,
    one,
    pdd_orders,
    snapshot,
    taobao_orders,
    write_csv,
    write_xlsx,
    youzan_orders,
)
from cn_money_exports import (
    ALIPAY_EXPENSE_TOTAL,
    ALIPAY_INCOME_TOTAL,
    ALIPAY_OPENING,
    ALIPAY_ROWS,
    JD_CANCELLED,
    JD_ORDER,
    JD_TOTAL,
    PDD_EXPENSE_TOTAL,
    PDD_INCOME_TOTAL,
    PDD_ORDER,
    PDD_REFUNDED,
    PDD_ROWS,
    TAOBAO_ORDER,
    YOUZAN_OPENING,
    YOUZAN_ORDER,
    YOUZAN_ROWS,
    alipay_ledger,
    douyin_fund_flow,
    excel_saved,
    jd_bill,
    pdd_ledger,
    write_text,
    youzan_statement,
)

from shopkeeper.db.database import Database
from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.reading.dialect import find_footer
from shopkeeper.services.imports import import_paths, rejects, undo_import

UTC = dt.UTC


def _sum(db: Database, where: str = "TRUE") -> Decimal:
    return Decimal(one(db, f"SELECT coalesce(sum(amount), 0) FROM money_movements WHERE {where}")[0])


def _kinds(db: Database) -> list[tuple[str, Decimal, str | None]]:
    return db.fetchall("SELECT kind, amount, order_id FROM money_movements ORDER BY occurred_at, amount DESC")


# Every ledger as the platform writes it: (file name, text, encoding, platform).
LEDGERS: dict[str, tuple[str, Callable[[], str], str, str]] = {
    "alipay": ("支付宝账务明细.csv", alipay_ledger, "gbk", "taobao"),
    "pinduoduo": ("账务明细.csv", pdd_ledger, "gb18030", "pinduoduo"),
    "jd": ("账单明细.csv", jd_bill, "gbk", "jd"),
    "youzan": ("对账单.csv", youzan_statement, "utf-8-sig", "youzan"),
    "douyin": ("资金流水明细.csv", douyin_fund_flow, "utf-8-sig", "douyin"),
}

# The file's own total of all its movements: footers, 合计 row, or closing − opening balance.
FILE_TOTALS = {
    "alipay": ALIPAY_INCOME_TOTAL + ALIPAY_EXPENSE_TOTAL,
    "pinduoduo": PDD_INCOME_TOTAL + PDD_EXPENSE_TOTAL,
    "jd": JD_TOTAL,
    "youzan": Decimal(YOUZAN_ROWS[-1][2]) - YOUZAN_OPENING,
    "douyin": Decimal("170.05") + Decimal("28.00") - Decimal("500.00"),  # Σ 入账 − Σ 出账
}


def _ledger(tmp_path: Path, which: str, name: str | None = None, *, newline: str = "\r\n") -> Path:
    file_name, text, encoding, _ = LEDGERS[which]
    return write_text(tmp_path / (name or file_name), text().replace("\r\n", newline), encoding)


class TestEveryLedger:
    @pytest.mark.parametrize("which", sorted(LEDGERS))
    def test_movements_add_up_to_the_files_own_total(self, shop: Database, tmp_path: Path, which: str) -> None:
        (outcome,) = import_files(shop, tmp_path, _ledger(tmp_path, which))
        assert (outcome.platform, outcome.kind, outcome.rows_rejected) == (LEDGERS[which][3], "settlements", 0)
        assert outcome.rows_added == outcome.rows_read
        assert _sum(shop) == FILE_TOTALS[which]
        assert one(shop, "SELECT count(*) FROM money_movements WHERE currency <> 'CNY' OR kind NOT IN "
                         f"({', '.join(repr(str(k)) for k in MoneyKind)})") == (0,)

    @pytest.mark.parametrize("which", sorted(LEDGERS))
    def test_reimport_adds_nothing_and_undo_removes_exactly(self, shop: Database, tmp_path: Path,
                                                            which: str) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "orders.csv", jd_orders()))
        before_money = snapshot(shop)
        (first,) = import_files(shop, tmp_path, _ledger(tmp_path, which, "a.csv"))
        after_first = snapshot(shop)
        payouts = shop.fetchall("SELECT * EXCLUDE (batch_id) FROM payouts ORDER BY ALL")
        # the same ledger downloaded again: other bytes (line ends), the same rows
        (second,) = import_files(shop, tmp_path, _ledger(tmp_path, which, "b.csv", newline="\n"))
        assert not second.already_imported
        assert (second.rows_added, second.rows_updated) == (0, 0)
        assert snapshot(shop) == after_first
        assert shop.fetchall("SELECT * EXCLUDE (batch_id) FROM payouts ORDER BY ALL") == payouts
        undo_import(shop, second.batch_id)
        assert snapshot(shop) == after_first
        undo_import(shop, first.batch_id)
        assert snapshot(shop) == before_money
        assert one(shop, "SELECT count(*) FROM payouts") == (0,)


class TestAlipay:
    def test_kinds_signs_and_orders(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _ledger(tmp_path, "alipay"))
        assert _kinds(shop) == [
            ("sale", Decimal("598.00"), TAOBAO_ORDER),                # 交易付款, order from T200P…
            ("commission", Decimal("-29.90"), TAOBAO_ORDER),          # 交易分账 天猫佣金
            ("commission", Decimal("-12.00"), TAOBAO_ORDER),          # 淘宝联盟 代扣, order from tradeid:
            ("payment_fee", Decimal("-5.98"), TAOBAO_ORDER),          # 支出 written unsigned
            ("refund", Decimal("-59.80"), TAOBAO_ORDER),
            ("ad", Decimal("-200.00"), None),                         # 直通车
            ("payout", Decimal("-1000.00"), None),                    # 提现
            ("other", Decimal("-35.00"), "3012345678901234"),         # 交易付款 out: the seller bought something
        ]
        assert one(shop, "SELECT occurred_at FROM money_movements WHERE movement_id = '20260501100000001'") == (
            dt.datetime(2026, 5, 1, 2, 0, tzinfo=UTC),)  # 10:00 in China (+08:00)

    def test_footer_totals_and_balance_reconcile(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _ledger(tmp_path, "alipay"))
        assert _sum(shop, "amount > 0") == ALIPAY_INCOME_TOTAL
        assert _sum(shop, "amount < 0") == ALIPAY_EXPENSE_TOTAL
        closing = Decimal(ALIPAY_ROWS[-1][5])
        assert ALIPAY_OPENING + _sum(shop) == closing

    def test_withdrawal_is_a_payout(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _ledger(tmp_path, "alipay"))
        assert shop.fetchall("SELECT payout_id, paid_at, deposit, currency, report FROM payouts") == [
            ("20260505100000007", dt.datetime(2026, 5, 5, 8, 0, tzinfo=UTC), Decimal("1000.00"), "CNY",
             "alipay_ledger")]
        assert one(shop, "SELECT payout_id FROM money_movements WHERE kind = 'payout'") == ("20260505100000007",)

    def test_file_saved_again_by_excel_reads_the_same(self, shop: Database, tmp_path: Path) -> None:
        (first,) = import_files(shop, tmp_path, _ledger(tmp_path, "alipay"))
        moves = shop.fetchall("SELECT * EXCLUDE (batch_id) FROM money_movements ORDER BY movement_id")
        # GBK, CRLF, no padding tabs, dates without seconds, 598 for 598.00: the same movements
        saved = write_text(tmp_path / "excel.csv", excel_saved(alipay_ledger()), "gbk")
        (again,) = import_files(shop, tmp_path, saved)
        assert (again.rows_read, again.rows_added, again.rows_updated, again.rows_rejected) == (8, 0, 0, 0)
        assert shop.fetchall("SELECT * EXCLUDE (batch_id) FROM money_movements ORDER BY movement_id") == moves
        undo_import(shop, again.batch_id)
        undo_import(shop, first.batch_id)
        assert one(shop, "SELECT count(*) FROM money_movements") == (0,)

    def test_a_damaged_row_is_a_listed_reject_and_the_rest_reads(self, shop: Database, tmp_path: Path) -> None:
        rows = list(ALIPAY_ROWS)
        rows[2] = (*rows[2][:2], "2026-05-02 1O:00:00", *rows[2][3:])  # a letter O in the time
        rows[3] = ("", *rows[3][1:])                                    # no 账务流水号
        path = write_text(tmp_path / "damaged.csv", alipay_ledger(tuple(rows)), "gbk")
        (outcome,) = import_files(shop, tmp_path, path)
        assert (outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == (8, 6, 2)
        listed = rejects(shop, outcome.batch_id)
        assert [(row, column) for row, column, _, _ in listed] == [(3, "发生时间"), (4, "账务流水号")]
        assert listed[1][3] == "missing movement number"
        assert _sum(shop) == ALIPAY_INCOME_TOTAL + ALIPAY_EXPENSE_TOTAL + Decimal("12.00") + Decimal("5.98")

    def test_a_ledger_cut_short_is_refused_by_its_own_totals(self, shop: Database, tmp_path: Path) -> None:
        # the 直通车 row deleted in a spreadsheet, the footer left as Alipay wrote it
        text = "".join(line for line in alipay_ledger().splitlines(keepends=True) if "直通车" not in line)
        path = write_text(tmp_path / "cut.csv", text, "gbk")
        (outcome,) = import_paths(shop, [path], workdir=tmp_path / "work")
        assert not outcome.ok
        assert outcome.message.endswith("its rows add up to 1142.68, but its own 支出合计 says 1342.68: "
                                         "the file is incomplete or was changed; download it again")
        assert one(shop, "SELECT count(*) FROM money_movements") == (0,)

    def test_movements_join_the_taobao_order_export(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "ExportOrderList.csv", taobao_orders()))
        import_files(shop, tmp_path, _ledger(tmp_path, "alipay"))
        joined = shop.fetchall("SELECT m.kind, m.amount FROM money_movements m JOIN orders o "
                               "ON o.shop_id = m.shop_id AND o.order_id = m.order_id ORDER BY m.occurred_at")
        assert [k for k, _ in joined] == ["sale", "commission", "commission", "payment_fee", "refund"]
        assert sum(a for _, a in joined) == Decimal("490.32")

    def test_utf8_export_and_newer_columns(self, shop: Database, tmp_path: Path) -> None:
        # Seller accounts add 业务描述 and 业务基础订单号, which names the order directly.
        text = alipay_ledger(ALIPAY_ROWS[:1], tab="").replace("备注\r\n", "备注,业务描述,业务基础订单号\r\n", 1)
        text = text.replace("支付宝,交易付款,\r\n", f"支付宝,交易付款,,交易付款,{TAOBAO_ORDER}\r\n")
        text = text.replace(f"T200P{TAOBAO_ORDER}", "20260501UNRELATED")
        (outcome,) = import_files(shop, tmp_path, write_text(tmp_path / "utf8.csv", text, "utf-8-sig"))
        assert outcome.rows_added == 1
        assert _kinds(shop) == [("sale", Decimal("598.00"), TAOBAO_ORDER)]


class TestPinduoduo:
    def test_kinds_signs_and_footer_totals(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _ledger(tmp_path, "pinduoduo"))
        assert _kinds(shop) == [
            ("sale", Decimal("27.90"), PDD_ORDER),
            ("commission", Decimal("-0.17"), PDD_ORDER),
            ("refund", Decimal("-27.90"), PDD_REFUNDED),
            ("ad", Decimal("-50.00"), None),          # 营销费用-多多进宝
            ("payout", Decimal("-100.00"), None),
            ("other", Decimal("-2.00"), None),
            ("sale", Decimal("0.00"), PDD_ORDER),     # zero rows are movements too: the footer counts them
        ]
        assert _sum(shop, "amount < 0") == PDD_EXPENSE_TOTAL
        assert _sum(shop, "amount > 0") == PDD_INCOME_TOTAL
        assert one(shop, "SELECT deposit FROM payouts") == (Decimal("100.00"),)

    def test_the_xlsx_download_reads_like_the_csv(self, shop: Database, tmp_path: Path) -> None:
        # title, period and divider rows above the header, amounts as numbers, times as date cells
        lines = [line.split(",") for line in pdd_ledger().split("\r\n")[:-1]]
        grid = [cells + [""] * (7 - len(cells)) for cells in lines]
        book = write_xlsx(tmp_path / "账务明细.xlsx", (grid[0], grid[1:]))
        (outcome,) = import_files(shop, tmp_path, book)
        assert (outcome.platform, outcome.rows_added, outcome.rows_rejected) == ("pinduoduo", 7, 0)
        assert _sum(shop, "amount < 0") == PDD_EXPENSE_TOTAL
        assert _sum(shop, "amount > 0") == PDD_INCOME_TOTAL
        (csv_file,) = import_files(shop, tmp_path, _ledger(tmp_path, "pinduoduo"))
        assert (csv_file.rows_added, csv_file.rows_updated) == (0, 0)  # the same movements

    def test_footer_totals_that_disagree_refuse_the_file(self, shop: Database, tmp_path: Path) -> None:
        text = pdd_ledger().replace(f"笔{PDD_INCOME_TOTAL}元", "笔127.90元")
        assert "127.90" in text
        (outcome,) = import_paths(shop, [write_text(tmp_path / "pdd.csv", text, "gb18030")],
                                  workdir=tmp_path / "work")
        assert not outcome.ok and "its own 收入合计 says 127.90" in outcome.message
        assert one(shop, "SELECT count(*) FROM money_movements") == (0,)

    def test_an_overlapping_export_merges_row_by_row(self, shop: Database, tmp_path: Path) -> None:
        # No movement numbers in this ledger: the same row in a longer export is the same movement.
        import_files(shop, tmp_path, write_text(tmp_path / "june-1.csv", pdd_ledger(PDD_ROWS[:3]), "gb18030"))
        (longer,) = import_files(shop, tmp_path, _ledger(tmp_path, "pinduoduo"))
        assert (longer.rows_added, longer.rows_updated) == (4, 0)
        assert _sum(shop) == PDD_INCOME_TOTAL + PDD_EXPENSE_TOTAL

    def test_two_identical_rows_are_two_movements(self, shop: Database, tmp_path: Path) -> None:
        rows = (*PDD_ROWS, PDD_ROWS[1])
        (outcome,) = import_files(shop, tmp_path, write_text(tmp_path / "twice.csv", pdd_ledger(rows), "gb18030"))
        assert outcome.rows_added == 8
        assert _sum(shop, "kind = 'commission'") == Decimal("-0.34")

    def test_movements_join_the_pdd_order_export(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "orders.csv", pdd_orders()))
        import_files(shop, tmp_path, _ledger(tmp_path, "pinduoduo"))
        joined = shop.fetchall("SELECT o.order_id, sum(m.amount) FROM money_movements m JOIN orders o "
                               "ON o.shop_id = m.shop_id AND o.order_id = m.order_id GROUP BY 1 ORDER BY 1")
        assert joined == [(PDD_ORDER, Decimal("27.73")), (PDD_REFUNDED, Decimal("-27.90"))]


class TestJD:
    def test_direction_or_receivable_signs_each_fee_item(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, _ledger(tmp_path, "jd"))
        rows = shop.fetchall("SELECT movement_id, kind, amount, order_id, currency FROM money_movements "
                             "ORDER BY occurred_at, movement_id")
        assert rows == [
            (f"{JD_ORDER}·代收配送费·100012043978", "sale", Decimal("6.00"), JD_ORDER, "CNY"),
            (f"{JD_ORDER}·佣金·100012043978", "commission", Decimal("-5.99"), JD_ORDER, "CNY"),
            (f"{JD_ORDER}·货款·100012043978", "sale", Decimal("59.90"), JD_ORDER, "CNY"),
            (f"{JD_ORDER}·随单送的京豆·100012043978", "other", Decimal("-0.60"), JD_ORDER, "CNY"),
            # a refund document: its goods money went back to the buyer, its commission came back
            ("1203456789·佣金·100012043978", "commission", Decimal("1.99"), JD_CANCELLED, "CNY"),
            ("1203456789·货款·100012043978", "refund", Decimal("-19.90"), JD_CANCELLED, "CNY"),
            # no 收支方向: 应付 makes it money out
            ("PS0601·短信服务费·100012043978", "other", Decimal("-1.00"), JD_ORDER, "CNY"),
        ]

    def test_the_total_row_is_not_a_movement(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_files(shop, tmp_path, _ledger(tmp_path, "jd"))
        assert (outcome.rows_read, outcome.rows_rejected) == (7, 0)
        assert _sum(shop) == JD_TOTAL

    def test_a_total_row_between_the_rows_is_skipped(self, shop: Database, tmp_path: Path) -> None:
        # a sheet the seller sorted: the 合计 row sits among the rows, its word in another column
        lines = jd_bill().split("\r\n")
        total = "," + lines[-2].replace(",", "", 1)
        text = "\r\n".join([*lines[:3], total, *lines[3:-2]]) + "\r\n"
        (outcome,) = import_files(shop, tmp_path, write_text(tmp_path / "sorted.csv", text))
        assert (outcome.rows_added, outcome.rows_rejected) == (7, 0)
        assert _sum(shop) == JD_TOTAL

    def test_a_row_without_amount_is_a_listed_reject(self, shop: Database, tmp_path: Path) -> None:
        text = jd_bill().replace("随单送的京豆,0.60,", "随单送的京豆,,", 1)
        (outcome,) = import_files(shop, tmp_path, write_text(tmp_path / "jd.csv", text))
        assert [(r, c, why) for r, c, _, why in rejects(shop, outcome.batch_id)] == [(3, "金额", "missing amount")]
        assert _sum(shop) == JD_TOTAL + Decimal("0.60")

    def test_movements_join_the_jd_order_export(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "orders.csv", jd_orders()))
        import_files(shop, tmp_path, _ledger(tmp_path, "jd"))
        joined = shop.fetchall("SELECT o.order_id, sum(m.amount) FROM money_movements m JOIN orders o "
                               "ON o.shop_id = m.shop_id AND o.order_id = m.order_id GROUP BY 1 ORDER BY 1")
        assert joined == [(JD_ORDER, Decimal("58.31")), (JD_CANCELLED, Decimal("-17.91"))]


class TestYouzan:
    def test_statement_signs_by_direction_and_reconciles_with_the_balance(self, shop: Database,
                                                                          tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "orders.csv", youzan_orders()))
        import_files(shop, tmp_path, _ledger(tmp_path, "youzan"))
        assert _kinds(shop) == [
            ("sale", Decimal("88.00"), YOUZAN_ORDER),
            ("payment_fee", Decimal("-0.53"), YOUZAN_ORDER),
            ("refund", Decimal("-39.90"), YOUZAN_ORDER),
            ("payout", Decimal("-500.00"), None),
        ]
        assert YOUZAN_OPENING + _sum(shop) == Decimal(YOUZAN_ROWS[-1][2])
        assert one(shop, "SELECT payout_id, deposit FROM payouts") == ("TX20260603001", Decimal("500.00"))
        assert one(shop, "SELECT count(*) FROM money_movements m JOIN orders o "
                         "ON o.shop_id = m.shop_id AND o.order_id = m.order_id") == (3,)


class TestDouyinFundFlow:
    def test_withdrawal_is_a_payout_and_movements_join_orders(self, shop: Database, tmp_path: Path) -> None:
        import_files(shop, tmp_path, write_csv(tmp_path / "orders.csv", douyin_orders(), encoding="utf-8-sig",
                                               quote_all=True))
        import_files(shop, tmp_path, write_csv(tmp_path / "动账明细.csv", douyin_settlements(),
                                               encoding="utf-8-sig"))
        assert one(shop, "SELECT payout_id, deposit, report FROM payouts") == (
            "2026100212000012345680", Decimal("1000.00"), "douyin_fund_flow")
        joined = shop.fetchall("SELECT m.kind, m.amount FROM money_movements m JOIN orders o "
                               "ON o.shop_id = m.shop_id AND o.order_id = m.order_id ORDER BY m.occurred_at")
        assert joined == [("sale", Decimal("170.05")), ("refund", Decimal("-29.90"))]


    def test_a_settlement_itemises_its_fees(self, shop: Database, tmp_path: Path) -> None:
        path = write_text(tmp_path / "资金流水明细.csv", douyin_fund_flow(), "utf-8-sig")
        (outcome,) = import_files(shop, tmp_path, path)
        assert (outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == (3, 3, 0)
        moves = shop.fetchall("SELECT movement_id, kind, amount FROM money_movements ORDER BY occurred_at, amount DESC")
        assert moves == [
            ("2026093010000012345678·sale", "sale", Decimal("179.70")),
            ("2026093010000012345678·subsidy", "other", Decimal("5.00")),
            ("2026093010000012345678·commission", "commission", Decimal("-14.65")),
            ("2026100310000012345681·sale", "sale", Decimal("59.80")),
            ("2026100310000012345681", "sale", Decimal("-0.40")),
            ("2026100310000012345681·commission", "commission", Decimal("-1.50")),
            ("2026100310000012345681·refund", "refund", Decimal("-29.90")),
            ("2026100410000012345682", "payout", Decimal("-500.00")),
        ]
        # every row's movements add up to the row: the file's 入账 − 出账
        assert _sum(shop) == Decimal("170.05") + Decimal("28.00") - Decimal("500.00")
        assert _sum(shop, "movement_id LIKE '2026093010000012345678%'") == Decimal("170.05")


def test_ledger_footers_are_cut_but_an_order_named_hash_stays(tmp_path: Path) -> None:
    ledger = write_text(tmp_path / "ledger.csv", alipay_ledger(), "utf-8")
    found = find_footer(ledger, ",")
    assert found is not None and [line[:6] for line in found[1]] == ["#-----", "#支出合计：", "#收入合计：", "#导出时间："]
    shopify = tmp_path / "orders.csv"
    shopify.write_text("Name,Total\r\n#1001,10.00\r\n#1002,5.00\r\n", encoding="utf-8")
    assert find_footer(shopify, ",") is None
