"""Payout reconciliation: each deposit against its lines, orders never settled, money with no order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from money_shop import AMAZON, AMAZON_SETTLEMENT, import_rows, movement, seed_shop

from shopkeeper.db.database import Database
from shopkeeper.services.change_sets import undo_change_set
from shopkeeper.services.payouts import reconcile

TODAY = date(2026, 4, 30)


@pytest.fixture
def db(shop: Database) -> Database:
    seed_shop(shop)
    import_rows(shop, "money_movements", AMAZON_SETTLEMENT)
    return shop


def test_a_payout_whose_lines_make_its_transfer_reconciles(db: Database) -> None:
    (payout,) = reconcile(db, TODAY).payouts
    # 45.00 − 6.75 − 4.10 = 34.15, the transfer to the bank.
    assert (payout.payout_id, payout.deposit, payout.lines_total, payout.difference) == (
        "P-1", Decimal("34.15"), Decimal("34.15"), Decimal("0.00"))
    assert payout.reconciles


def test_a_deposit_the_lines_do_not_make_shows_the_difference(db: Database) -> None:
    import_rows(db, "payouts", [(AMAZON, "P-1", "2026-03-01 00:00:00+00", Decimal("35.00"), "USD", "paid", "t")],
                kind="payouts")
    (payout,) = reconcile(db, TODAY).payouts
    assert (payout.deposit, payout.lines_total, payout.difference, payout.status) == (
        Decimal("35.00"), Decimal("34.15"), Decimal("0.85"), "paid")
    assert not payout.reconciles


def test_a_sold_order_no_report_names_after_the_grace_days_is_unsettled(db: Database) -> None:
    found = reconcile(db, TODAY)
    # Amazon settles (its report names orders); the March order has no movement. Shopify has no settlements yet,
    # so its order is not "unsettled", just estimated.
    assert [(o.platform, o.order_id) for o in found.unsettled] == [("amazon", "111-0000002-0000002")]
    assert found.unsettled_count("amazon") == 1
    assert reconcile(db, date(2026, 3, 20)).unsettled == ()  # within 30 days: not yet overdue


def test_money_naming_an_order_the_shop_does_not_hold_is_listed(db: Database) -> None:
    batch = import_rows(db, "money_movements", [
        movement(AMAZON, "S2-1", "2026-03-03 00:00:00+00", "-2.00", "commission", "111-9999999-9999999")])
    assert [m.order_id for m in reconcile(db, TODAY).unmatched] == ["111-9999999-9999999"]
    undo_change_set(db, batch, who="test")
    assert reconcile(db, TODAY).unmatched == ()


def test_a_payout_crossing_a_month_end_is_split_by_the_month_its_lines_happened(db: Database) -> None:
    import_rows(db, "money_movements", [
        movement(AMAZON, "S1-5", "2026-03-01 02:00:00+00", "-1.00", "other", None, payout_id="P-1")])
    parts = [(p.month, p.amount, p.lines) for p in reconcile(db, TODAY).month_split]
    assert parts == [("2026-02", Decimal("34.15"), 3), ("2026-03", Decimal("-1.00"), 1)]
    # The split adds up to the payout's lines.
    (payout,) = reconcile(db, TODAY).payouts
    assert sum(p[1] for p in parts) == payout.lines_total


def test_lines_in_another_currency_are_counted_apart_not_added(db: Database) -> None:
    import_rows(db, "money_movements", [
        movement(AMAZON, "S1-6", "2026-02-28 00:00:00+00", "-3.00", "other", None, currency="CAD", payout_id="P-1")])
    (payout,) = reconcile(db, TODAY).payouts
    assert (payout.lines_total, payout.other_currency_lines, payout.reconciles) == (Decimal("34.15"), 1, False)
