"""Bundles: the Python statement of the split, the leaves and the stock a bundle's parts allow agrees with the SQL."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import bundles
from shopkeeper.domain.bundles import Leaf

RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])

PRICE = st.none() | st.decimals(min_value=0, max_value=Decimal("99999.99"), places=2)
LEAVES = st.lists(
    st.tuples(st.integers(1, 50), PRICE, st.sampled_from(["USD", "USD", "USD", "CNY"])), min_size=1, max_size=5)
AMOUNT = st.decimals(min_value=Decimal("-999999.99"), max_value=Decimal("99999999.99"), places=2)


def _leaves(raw: list[tuple[int, Decimal | None, str]]) -> list[Leaf]:
    return [Leaf(f"P{i}", qty, price, currency) for i, (qty, price, currency) in enumerate(raw)]


@RULES
@given(amount=AMOUNT, raw=LEAVES)
def test_shares_always_add_up_to_the_line(amount: Decimal, raw: list[tuple[int, Decimal | None, str]]) -> None:
    shares = bundles.split(amount, _leaves(raw))
    assert sum(shares.values()) == amount
    assert all(s == s.quantize(Decimal("0.01")) for s in shares.values())


@RULES
@given(amount=AMOUNT, raw=LEAVES, refunded=st.integers(0, 3))
def test_the_shop_splits_a_bundle_line_as_the_rule_says(db: Database, amount: Decimal,
                                                        raw: list[tuple[int, Decimal | None, str]],
                                                        refunded: int) -> None:
    parts = _leaves(raw)
    with db.transaction():
        for table in ("bundle_parts", "variants", "order_lines", "orders"):
            db.execute(f"DELETE FROM {table}")
        db.execute("INSERT INTO variants (sku, product_id, price, currency) VALUES ('SET', 'set', 1, 'USD')")
        for p in parts:
            db.execute("INSERT INTO variants (sku, product_id, price, currency) VALUES (?, 'p', ?, ?)",
                       [p.sku, p.price, p.currency])
            db.execute("INSERT INTO bundle_parts VALUES ('SET', ?, ?, NULL)", [p.sku, p.quantity])
        db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
                   " currency, refunded_quantity) VALUES ('s', 'o', 1, 'SET', 'Set', 3, 0.01, ?, 'USD', ?)",
                   [amount, refunded])
    rows = db.fetchall("SELECT sku, quantity, refunded_quantity, line_total, revenue FROM sk_sku_lines() ORDER BY sku")
    got = {r[0]: r[1:] for r in rows}
    assert got.pop("SET") == (3, refunded, Decimal("0.00"), Decimal("0.00"))  # the set keeps its units, not its money
    revenue = max(Decimal(0), amount - Decimal("0.01") * refunded)
    totals, revenues = bundles.split(amount, parts), bundles.split(revenue, parts)
    assert got == {p.sku: (3 * p.quantity, refunded * p.quantity, totals[p.sku], revenues[p.sku]) for p in parts}


def test_the_gift_set_split_by_price_share_with_the_cent_to_the_teapot() -> None:
    parts = [Leaf("CUP", 4, Decimal("10.00"), "USD"), Leaf("TEAPOT", 1, Decimal("60.00"), "USD")]
    assert bundles.split(Decimal("89.99"), parts) == {"CUP": Decimal("35.99"), "TEAPOT": Decimal("54.00")}
    # A part without a price: the split is by quantity (4 cups weigh 4, the teapot 1).
    unpriced = [Leaf("CUP", 4, Decimal("10.00"), "USD"), Leaf("TEAPOT", 1, None, "USD")]
    assert bundles.split(Decimal("10.00"), unpriced) == {"CUP": Decimal("8.00"), "TEAPOT": Decimal("2.00")}
    # Equal weights: the leftover cent goes to the first SKU.
    three = [Leaf("A", 1, None), Leaf("B", 1, None), Leaf("C", 1, None)]
    assert bundles.split(Decimal("1.00"), three) == {"A": Decimal("0.34"), "B": Decimal("0.33"), "C": Decimal("0.33")}


COMPOSITIONS = st.dictionaries(
    st.sampled_from(["A", "B", "C", "D"]),
    st.dictionaries(st.sampled_from(["B", "C", "D", "E", "F"]), st.integers(1, 5), min_size=1, max_size=3),
    max_size=4)


def _acyclic(composition: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Keep the bundles that can be added one by one without a cycle (as the service would)."""
    kept: dict[str, dict[str, int]] = {}
    for bundle in sorted(composition):
        if bundles.cycle_through(kept, bundle, composition[bundle]) is None:
            kept[bundle] = composition[bundle]
    return kept


@RULES
@given(raw=COMPOSITIONS, on_hand=st.dictionaries(st.sampled_from("ABCDEF"), st.integers(-20, 200)))
def test_leaves_and_bundle_stock_agree_with_the_sql(db: Database, raw: dict[str, dict[str, int]],
                                                    on_hand: dict[str, int]) -> None:
    composition = _acyclic(raw)
    with db.transaction():
        for table in ("bundle_parts", "stock_levels"):
            db.execute(f"DELETE FROM {table}")
        for bundle, parts in composition.items():
            for part, qty in parts.items():
                db.execute("INSERT INTO bundle_parts VALUES (?, ?, ?, NULL)", [bundle, part, qty])
        for sku, units in on_hand.items():
            db.execute("INSERT INTO stock_levels (sku, on_hand, updated_at) VALUES (?, ?, now())", [sku, units])
    sql_leaves: dict[str, dict[str, int]] = {}
    for bundle, part, qty in db.fetchall("SELECT * FROM sk_bundle_leaves()"):
        sql_leaves.setdefault(bundle, {})[part] = qty
    assert sql_leaves == {b: bundles.leaves(composition, b) for b in composition}
    stock = dict(db.fetchall("SELECT sku, on_hand FROM sk_bundle_on_hand()"))
    assert stock == {b: bundles.bundle_stock((on_hand.get(p), q) for p, q in bundles.leaves(composition, b).items())
                     for b in composition}


@RULES
@given(units=st.integers(-10**9, 10**9), qty=st.integers(1, 1000))
def test_bundle_units_round_down(db: Database, units: int, qty: int) -> None:
    assert db.scalar("SELECT sk_bundle_units(?::BIGINT, ?::INTEGER)", [units, qty]) == bundles.bundle_units(units, qty)


def test_a_cycle_is_found_through_nested_bundles() -> None:
    composition = {"SET": {"TEAPOT": 1, "CUP": 4}, "DUO": {"SET": 2}}
    assert bundles.cycle_through(composition, "SET", {"DUO": 1}) == "DUO"
    assert bundles.cycle_through(composition, "SET", {"SET": 1}) == "SET"
    assert bundles.cycle_through(composition, "TRIO", {"SET": 3, "DUO": 1}) is None
    assert bundles.leaves({**composition, "TRIO": {"DUO": 1, "CUP": 2}}, "TRIO") == {"TEAPOT": 2, "CUP": 10}
