"""Payouts of balance ledgers (支付宝账务明细 ...): what each 提现 carried, and where the ledger has a gap.

A 提现 names no line of its own: it takes money out of an account that sales, fees
and refunds moved before it. The seller expects each 提现 to be explained by the
movements since the previous one and the balance before them, and a month that was
never imported to show as a break in the balances, not as a silently wrong month.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.services.payouts import Payout, reconcile

sys.path.insert(0, str(Path(__file__).parents[1] / "importers"))
from cn_exports import import_files  # noqa: E402
from cn_money_exports import ALIPAY_MAY as MAY  # noqa: E402
from cn_money_exports import YOUZAN_OPENING, alipay_ledger, write_text, youzan_statement  # noqa: E402
from cn_money_exports import write_alipay_months as _files  # noqa: E402

TODAY = date(2026, 8, 31)
# One 账务明细 a month. Every 提现 takes all there is, except June's: a sale on 28 June comes after it
# and July's 提现 carries it (cn_money_exports.ALIPAY_MONTHS).


def _payouts(db: Database) -> dict[str, Payout]:
    return {p.payout_id: p for p in reconcile(db, TODAY).payouts}


def _summary(db: Database) -> list[tuple[str, Decimal | None, Decimal | None, Decimal, int, Decimal | None]]:
    return [(p.payout_id, p.deposit, p.opening_balance, p.lines_total, p.lines, p.difference)
            for p in reconcile(db, TODAY).payouts]


def test_a_continuous_ledger_explains_every_withdrawal(shop: Database, tmp_path: Path) -> None:
    import_files(shop, tmp_path, *_files(tmp_path, "may", "june", "july"))
    assert _summary(shop) == [
        # 500 − 25 − 75 = 400, all withdrawn
        ("20260501000000004", Decimal("400.00"), Decimal("0.00"), Decimal("400.00"), 3, Decimal("0.00")),
        ("20260601000000007", Decimal("285.00"), Decimal("0.00"), Decimal("285.00"), 2, Decimal("0.00")),
        # the 28 June sale rode on July's 提现
        ("20260701000000010", Decimal("320.00"), Decimal("0.00"), Decimal("320.00"), 2, Decimal("0.00")),
    ]
    found = reconcile(shop, TODAY)
    assert found.balance_breaks == ()
    assert all(p.reconciles and p.balance_ledger for p in found.payouts)
    # July's 提现 carried lines of two months: the month-end split shows them by month (China time).
    assert [(m.payout_id, m.month, m.amount) for m in found.month_split] == [
        ("20260701000000010", "2026-06", Decimal("120.00")), ("20260701000000010", "2026-07", Decimal("200.00"))]


def test_money_left_in_the_account_is_the_difference(shop: Database, tmp_path: Path) -> None:
    rows = (*MAY[:3], ("20260501000000004", "20260531TX0001", "2026-05-31 16:00:00", "", "-300.00", "100.00",
                       "提现", "提现到银行卡（尾号6198）"))
    import_files(shop, tmp_path, write_text(tmp_path / "may.csv", alipay_ledger(rows), "gbk"))
    (payout,) = reconcile(shop, TODAY).payouts
    # deposit − (opening + lines) = 300 − (0 + 400): 100.00 stayed in Alipay
    assert (payout.deposit, payout.lines_total, payout.difference) == (
        Decimal("300.00"), Decimal("400.00"), Decimal("-100.00"))
    assert not payout.reconciles


def test_a_month_not_imported_shows_one_break_of_its_amount(shop: Database, tmp_path: Path) -> None:
    import_files(shop, tmp_path, *_files(tmp_path, "may", "july"))
    (gap,) = reconcile(shop, TODAY).balance_breaks
    # June moved the balance from 0.00 to 120.00: July's first row states 320.00 where 0 + 200 = 200 was due.
    assert (gap.platform, gap.movement_id, gap.previous_movement) == (
        "taobao", "20260701000000009", "20260501000000004")
    assert (gap.expected, gap.balance, gap.gap, gap.currency) == (
        Decimal("200.00"), Decimal("320.00"), Decimal("120.00"), "CNY")
    assert gap.payout_id == "20260701000000010"
    assert gap.occurred_at.date() == date(2026, 7, 2)
    july = _payouts(shop)["20260701000000010"]
    # The opening balance is what the ledger says the account held, so the 提现 still reconciles.
    assert (july.opening_balance, july.lines_total, july.difference) == (
        Decimal("120.00"), Decimal("200.00"), Decimal("0.00"))


def test_a_row_the_ledger_does_not_show_is_a_break_of_its_amount(shop: Database, tmp_path: Path) -> None:
    import_files(shop, tmp_path, write_text(tmp_path / "may.csv", alipay_ledger(MAY[:1] + MAY[2:]), "gbk"))
    (gap,) = reconcile(shop, TODAY).balance_breaks
    assert (gap.movement_id, gap.gap) == ("20260501000000003", Decimal("-25.00"))
    (payout,) = reconcile(shop, TODAY).payouts
    assert payout.difference == Decimal("-25.00")


@pytest.mark.parametrize("order", [("may", "june", "july"), ("july", "may", "june")])
def test_files_imported_in_any_order_give_the_same_answer(shop: Database, tmp_path: Path,
                                                          order: tuple[str, ...]) -> None:
    for path in _files(tmp_path, *order):
        import_files(shop, tmp_path, path)
    assert [(p.payout_id, p.difference) for p in reconcile(shop, TODAY).payouts] == [
        ("20260501000000004", Decimal("0.00")), ("20260601000000007", Decimal("0.00")),
        ("20260701000000010", Decimal("0.00"))]
    assert reconcile(shop, TODAY).balance_breaks == ()


def test_the_june_gap_closes_when_june_is_imported_later(shop: Database, tmp_path: Path) -> None:
    import_files(shop, tmp_path, *_files(tmp_path, "july", "may"))
    assert len(reconcile(shop, TODAY).balance_breaks) == 1
    import_files(shop, tmp_path, *_files(tmp_path, "june"))
    assert reconcile(shop, TODAY).balance_breaks == ()
    assert _payouts(shop)["20260701000000010"].lines_total == Decimal("320.00")


def test_report_payouts_json_names_the_opening_balance_and_the_break(shop: Database, tmp_path: Path) -> None:
    from argparse import Namespace

    from shopkeeper.cli_money_reports import money_report

    import_files(shop, tmp_path, *_files(tmp_path, "may", "july"))
    args = Namespace(first=None, last=None, platform=None, unsettled_days=None)
    made = money_report(shop, "payouts", args, TODAY, lambda header, rows: "")
    assert not isinstance(made, int)
    data, text = made
    july = next(d for d in data if d["payout_id"] == "20260701000000010")
    # every key the report always had is still there
    assert {"payout_id", "platform", "deposit", "lines_total", "difference", "unsettled_orders", "months"} <= set(july)
    assert (july["balance_ledger"], july["opening_balance"], july["difference"]) == (True, "120.00", "0.00")
    (gap,) = july["balance_breaks"]
    assert (gap["gap"], gap["expected"], gap["balance"], gap["movement_id"]) == (
        "120.00", "200.00", "320.00", "20260701000000009")
    assert "Breaks in ledger balances (a month or a row not imported): 1" in text


def test_a_youzan_withdrawal_leaves_its_closing_balance_as_the_difference(shop: Database, tmp_path: Path) -> None:
    import_files(shop, tmp_path, write_text(tmp_path / "对账单.csv", youzan_statement(), "utf-8-sig"))
    (payout,) = reconcile(shop, TODAY).payouts
    # 500.00 held, 88.00 − 0.53 − 39.90 moved, 500.00 withdrawn: 47.57 stays, the statement's last balance
    assert (payout.payout_id, payout.balance_ledger, payout.opening_balance, payout.lines_total, payout.lines) == (
        "TX20260603001", True, YOUZAN_OPENING, Decimal("47.57"), 3)
    assert payout.difference == Decimal("-47.57")
    assert reconcile(shop, TODAY).balance_breaks == ()
    assert shop.scalar("SELECT DISTINCT account FROM money_movements") == "店铺余额"


def test_a_payment_and_its_commission_in_the_same_second_are_no_break(shop: Database, tmp_path: Path) -> None:
    same_second = tuple((r[0], r[1], "2026-05-04 10:00:00", *r[3:]) for r in MAY[:2]) + MAY[2:]
    import_files(shop, tmp_path, write_text(tmp_path / "may.csv", alipay_ledger(same_second), "gbk"))
    assert reconcile(shop, TODAY).balance_breaks == ()
    (payout,) = reconcile(shop, TODAY).payouts
    assert (payout.opening_balance, payout.difference) == (Decimal("0.00"), Decimal("0.00"))
