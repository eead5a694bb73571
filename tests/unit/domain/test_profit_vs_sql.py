"""domain/profit.py, fee_rates.py and landed_cost.py: the Python statements against their SQL."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.fee_rates import estimated_fee
from shopkeeper.domain.landed_cost import Lot, fifo_costs
from shopkeeper.domain.profit import allocate

_MONEY = st.decimals(-10_000, 10_000, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=80, deadline=None)
@given(_MONEY, st.lists(st.integers(0, 1_000_000), min_size=1, max_size=12))
def test_sharing_adds_up_and_python_and_sql_agree(db: Database, amount: Decimal, weights: list[int]) -> None:
    shares = allocate(amount, weights)
    assert sum(shares) == amount
    ws = weights if any(weights) else [1] * len(weights)
    upto = 0
    for w, share in zip(ws, shares, strict=True):
        upto += w
        sql = db.scalar("SELECT sk_alloc(?::DECIMAL(18,2), ?::HUGEINT, ?::HUGEINT, ?::HUGEINT)",
                        [amount, upto, w, sum(ws)])
        assert sql == share


@settings(max_examples=60, deadline=None)
@given(_MONEY, st.decimals(0, 100, places=2), st.decimals(0, 100, places=2))
def test_estimated_fee_python_and_sql_agree(db: Database, total: Decimal, percent: Decimal, fixed: Decimal) -> None:
    sql = db.scalar("SELECT sk_estimated_fee(?::DECIMAL(18,2), ?::DECIMAL(18,2), ?::DECIMAL(18,2))",
                    [total, percent, fixed])
    assert sql == estimated_fee(total, percent, fixed)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(1, 9), st.decimals(0, 99, places=2)), max_size=4),
       st.one_of(st.none(), st.decimals(0, 99, places=2)))
def test_fifo_python_and_sql_agree(db: Database, sales: list[int], lots: list[tuple[int, Decimal]],
                                   catalogue: Decimal | None) -> None:
    with db.transaction():
        for table in ("orders", "order_lines", "purchase_lots", "variants", "products"):
            db.execute(f"DELETE FROM {table}")
        db.execute("INSERT INTO products (product_id, title) VALUES ('p', 'P')")
        db.execute("INSERT INTO variants (sku, product_id, cost, currency) VALUES ('S', 'p', ?, 'USD')", [catalogue])
        for n, (quantity, cost) in enumerate(lots):
            db.execute("INSERT INTO purchase_lots VALUES (?, 'S', DATE '2026-01-01' + ?::INTEGER, ?, ?, 'USD', NULL)",
                       [f"S|{n}", n, quantity, cost])
        for n, units in enumerate(sales):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                       " VALUES ('shopify:x', ?, TIMESTAMPTZ '2026-02-01 00:00:00+00' + to_hours(?::INTEGER),"
                       " '+00:00', 'paid', 'USD', 1)", [f"o{n}", n])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('shopify:x', ?, 1, 'S', 'S', ?, 1, ?, 'USD')",
                       [f"o{n}", units, units])
    got = db.fetchall("SELECT cogs, cost_missing FROM sk_line_cogs() ORDER BY order_id")
    want = fifo_costs(sales, [Lot(q, c) for q, c in lots], catalogue)
    for (cogs, missing), expected in zip(got, want, strict=True):
        assert missing == (expected is None)
        if expected is not None:
            assert cogs == expected
