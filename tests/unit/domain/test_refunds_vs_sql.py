"""domain/refunds.py: the Python statement of a refund and its Wilson bound against their SQL."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.db.rule_macros import install_scalar_rule_macros
from shopkeeper.domain.order_status import STATUSES
from shopkeeper.domain.refunds import (
    is_paid,
    is_refund,
    refund_covers_order,
    refund_rate,
    sku_refunded,
    wilson_lower,
)


def test_rates_worked_by_hand() -> None:
    assert refund_rate(3, 10) == Decimal("30.0")
    assert refund_rate(1, 3) == Decimal("33.3")
    assert refund_rate(0, 0) is None
    # 3 in 10 is a higher rate than 30 in 150 but less sure: its lower bound is below.
    assert round(wilson_lower(3, 10), 4) == 0.1078
    assert round(wilson_lower(30, 150), 4) == 0.1438
    assert wilson_lower(0, 50) == 0.0 and wilson_lower(0, 0) == 0.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*STATUSES, None]),
                          st.one_of(st.none(), st.decimals(-5, 500, places=2))), min_size=1, max_size=30),
       st.integers(0, 60), st.integers(0, 60))
def test_python_and_sql_agree(rows: list[tuple[str | None, Decimal | None]], k: int, n: int) -> None:
    db = Database.open(None)
    try:
        install_scalar_rule_macros(db)
        for status, amount in rows:
            got = db.fetchone("SELECT sk_is_paid(?), sk_is_refund(?, ?)", [status, status, amount])
            assert got == (is_paid(status), is_refund(status, amount))
        k = min(k, n)
        sql = db.scalar("SELECT sk_wilson_lower(?::INTEGER, ?::INTEGER)", [k, n])
        assert abs(float(sql) - wilson_lower(k, n)) < 1e-9
    finally:
        db.close()


def test_which_sku_a_refund_belongs_to_by_hand() -> None:
    # Shopify #2220: 155.74 of 903.27 back, four SKUs, no units named: not each SKU's refund, none known.
    covers = refund_covers_order("partially_refunded", Decimal("903.27"), Decimal("155.74"))
    assert covers is False
    assert sku_refunded(refund=True, covers_order=covers, units_back=0, order_units_back=0, sole=False) is None
    # The same money back on an order that sells one SKU only: that SKU's.
    assert sku_refunded(refund=True, covers_order=covers, units_back=0, order_units_back=0, sole=True) is True
    # Units named: the SKU whose line gave them back, not the others.
    assert sku_refunded(refund=True, covers_order=False, units_back=1, order_units_back=1, sole=False) is True
    assert sku_refunded(refund=True, covers_order=False, units_back=0, order_units_back=1, sole=False) is False
    # All of the money back (a refunded status, or as much as the total): every SKU of the order.
    assert refund_covers_order("refunded", Decimal("184.23"), Decimal("0"))
    assert refund_covers_order("partially_refunded", Decimal("20.00"), Decimal("20.00"))
    assert not refund_covers_order("shipped", Decimal("0"), Decimal("0"))
    assert sku_refunded(refund=True, covers_order=True, units_back=0, order_units_back=0, sole=False) is True
    assert sku_refunded(refund=False, covers_order=False, units_back=0, order_units_back=0, sole=False) is False


@settings(max_examples=80, deadline=None)
@given(st.sampled_from([*STATUSES, None]), st.one_of(st.none(), st.decimals(-5, 500, places=2)),
       st.one_of(st.none(), st.decimals(-5, 500, places=2)), st.booleans(), st.integers(0, 3), st.integers(0, 5),
       st.booleans())
def test_sku_refund_python_and_sql_agree(status: str | None, total: Decimal | None, refunded: Decimal | None,
                                         refund: bool, units_back: int, other_back: int, sole: bool) -> None:
    db = Database.open(None)
    try:
        install_scalar_rule_macros(db)
        covers = refund_covers_order(status, total, refunded)
        assert db.scalar("SELECT sk_refund_covers_order(?, ?::DECIMAL(18,2), ?::DECIMAL(18,2))",
                         [status, total, refunded]) is covers
        order_back = units_back + other_back
        got = db.scalar("SELECT sk_sku_refunded(?, ?, ?, ?, ?)", [refund, covers, units_back, order_back, sole])
        assert got == sku_refunded(refund=refund, covers_order=covers, units_back=units_back,
                                   order_units_back=order_back, sole=sole)
    finally:
        db.close()
