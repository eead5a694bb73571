"""A SKU's price under a campaign: the Python rule agrees with `sk_campaign_prices()` to the cent, stacking too."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain.campaign_price import KINDS, Terms, Tier, stacked_price, unit_price
from tests.unit.domain.conftest import scratch

RULES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CENTS = st.integers(0, 10**8).map(lambda c: Decimal(c) / 100)
PRICE = st.none() | CENTS
TIER = st.builds(Tier, CENTS, CENTS)


TERMS = st.builds(
    Terms, kind=st.sampled_from(KINDS),
    discount_pct=st.integers(0, 9999).map(lambda c: Decimal(c) / 100),
    amount_off=st.none() | CENTS, fixed_price=st.none() | CENTS,
    buy_qty=st.none() | st.integers(1, 50), get_qty=st.none() | st.integers(1, 50),
    tiers=st.lists(TIER, max_size=3).map(tuple))


def _store(db: Database, pid: int, terms: Terms, start: date, end: date, skus: dict[str, Decimal | None]) -> None:
    db.execute("INSERT INTO promotions (promotion_id, name, kind, starts_on, ends_on, discount_pct, amount_off,"
               " fixed_price, buy_qty, get_qty, currency, created_at) VALUES (?, 'p', ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', now())",
               [pid, terms.kind, start, end, terms.discount_pct, terms.amount_off, terms.fixed_price, terms.buy_qty,
                terms.get_qty])
    for n, t in enumerate(terms.tiers, start=1):
        db.execute("INSERT INTO promotion_tiers VALUES (?, ?, ?, ?, NULL)", [pid, n, t.threshold, t.amount_off])
    for sku in skus:
        db.execute("INSERT INTO promotion_skus (promotion_id, sku) VALUES (?, ?)", [pid, sku])


@RULES
@given(terms=TERMS, other=TERMS, prices=st.lists(PRICE, min_size=1, max_size=4),
       currencies=st.lists(st.sampled_from(["CNY", "CNY", "USD"]), min_size=4, max_size=4))
def test_unit_and_stacked_prices_agree_with_sql(db: Database, terms: Terms, other: Terms,
                                                prices: list[Decimal | None], currencies: list[str]) -> None:
    skus = {f"S{i}": p for i, p in enumerate(prices)}
    currency = {f"S{i}": currencies[i] for i in range(len(prices))}  # the campaigns are in CNY
    with scratch(db):
        db.execute("INSERT INTO products (product_id, title) VALUES ('P', 'p')")
        for sku, price in skus.items():
            db.execute("INSERT INTO variants (sku, product_id, price, currency) VALUES (?, 'P', ?, ?)",
                       [sku, price, currency[sku]])
        _store(db, 1, terms, date(2026, 11, 1), date(2026, 11, 11), skus)
        _store(db, 2, other, date(2026, 11, 11), date(2026, 11, 12), {"S0": skus["S0"]})
        got = {(pid, sku): price for pid, sku, price in db.fetchall(
            "SELECT promotion_id, sku, unit_price FROM sk_campaign_prices()")}
        stacked = db.fetchall("SELECT promotion_id, sku, stacked_price FROM sk_campaign_overlaps() ORDER BY 1")
    total = sum((p for p in prices if p is not None), Decimal(0)) \
        if all(p is not None for p in prices) and all(currency[s] == "CNY" for s in skus) else None
    for sku, price in skus.items():
        assert got[(1, sku)] == unit_price(terms, price, total, same_currency=currency[sku] == "CNY"), (sku, price)
    same = currency["S0"] == "CNY"
    mine = unit_price(terms, skus["S0"], total, same_currency=same)
    theirs = unit_price(other, skus["S0"], skus["S0"] if same else None, same_currency=same)
    assert got[(2, "S0")] == theirs
    assert stacked == [(1, "S0", stacked_price(skus["S0"], mine, [theirs])),
                       (2, "S0", stacked_price(skus["S0"], theirs, [mine]))]


def test_each_kind_on_a_mug_at_80() -> None:
    p = Decimal("80.00")
    assert unit_price(Terms("percent_off", discount_pct=Decimal("15")), p) == Decimal("68.00")
    assert unit_price(Terms("percent_off", discount_pct=Decimal("33.33")), Decimal("0.15")) == Decimal("0.10")
    assert unit_price(Terms("fixed_off", amount_off=Decimal("100")), p) == Decimal("0.00")
    assert unit_price(Terms("flash_price", fixed_price=Decimal("59.90")), p) == Decimal("59.90")
    assert unit_price(Terms("flash_price", fixed_price=Decimal("99")), p) == p  # never above the list price
    assert unit_price(Terms("buy_x_get_y", buy_qty=2, get_qty=1), p) == Decimal("53.33")
    assert unit_price(Terms("free_shipping"), p) == p
    # 满300减50: 4 mugs reach 300 (320 − 50) / 4 = 67.50; 满150减20: 2 mugs, 70.00; the deeper one counts.
    tiers = (Tier(Decimal("150"), Decimal("20")), Tier(Decimal("300"), Decimal("50")))
    assert unit_price(Terms("spend_save", tiers=tiers), p) == Decimal("67.50")
    # A no-threshold coupon is taken off one unit.
    assert unit_price(Terms("coupon", tiers=(Tier(Decimal("0"), Decimal("5")),)), p) == Decimal("75.00")
    # Bundle of a mug (80) and a vase (120) for 160: the mug's share is 80 × 160 / 200.
    assert unit_price(Terms("bundle_price", fixed_price=Decimal("160")), p, Decimal("200")) == Decimal("64.00")
    assert unit_price(Terms("percent_off", discount_pct=Decimal("10")), None) is None
    assert stacked_price(p, Decimal("67.50"), [Decimal("72.00")]) == Decimal("59.50")
    assert stacked_price(p, Decimal("10"), [Decimal("10")]) == Decimal("0")


def test_half_a_cent_rounds_up() -> None:
    # 0.05 × 10 % off = 0.045 → 0.05 (half up), not 0.04 (half even).
    assert unit_price(Terms("percent_off", discount_pct=Decimal("10")), Decimal("0.05")) == Decimal("0.05")
    # 1.00 buy 1 get 1 = 0.50 exactly; 0.01 buy 1 get 1 = 0.005 → 0.01.
    assert unit_price(Terms("buy_x_get_y", buy_qty=1, get_qty=1), Decimal("0.01")) == Decimal("0.01")
