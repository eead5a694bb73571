"""domain/refunds.py: the Python statement of a refund and its Wilson bound against their SQL."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.db.rule_macros import install_scalar_rule_macros
from shopkeeper.domain.order_status import STATUSES
from shopkeeper.domain.refunds import is_paid, is_refund, refund_rate, wilson_lower


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
