"""What a platform's customers export says against the orders the shop holds: the Python rule and its SQL agree
(domain/platform_totals.py), and a shop's currency names such an amount only when it is known."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.domain import platform_totals, shop_currency
from tests.unit.domain.conftest import scratch

RULES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RULES
@given(said=st.none() | st.integers(0, 12), imported=st.integers(0, 12))
def test_orders_not_imported_and_the_gap(db: Database, said: int | None, imported: int) -> None:
    got = db.fetchone("SELECT sk_orders_not_imported(?::INTEGER, ?::BIGINT), sk_import_gap(?::INTEGER, ?::BIGINT)",
                      [said, imported, said, imported])
    assert got == (platform_totals.orders_not_imported(said, imported), platform_totals.import_gap(said, imported))


def test_the_gap_in_words() -> None:
    assert platform_totals.import_gap(3, 0) == platform_totals.NONE_IMPORTED
    assert platform_totals.import_gap(5, 2) == platform_totals.SOME_IMPORTED
    assert platform_totals.import_gap(2, 2) is None and platform_totals.import_gap(1, 4) is None
    assert platform_totals.import_gap(None, 0) is None and platform_totals.import_gap(0, 0) is None


# A buyer of member 'm' on one of two shops: (shop, orders the export said, spent, orders the shop holds).
BUYER = st.tuples(st.sampled_from(["shopify:a", "shopify:b"]), st.none() | st.integers(0, 6),
                  st.none() | st.decimals(0, 9999, places=2), st.integers(0, 4))


@RULES
@given(buyers=st.lists(BUYER, max_size=4))
def test_per_member_and_shop(db: Database, buyers: list[tuple[str, int | None, Decimal | None, int]]) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with scratch(db):
        for shop in ("shopify:a", "shopify:b"):
            db.execute("INSERT INTO shops VALUES (?, 'shopify', ?, NULL)", [shop, shop])
        for n, (shop, orders, spent, held) in enumerate(buyers):
            db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id, platform_orders, platform_spent) "
                       "VALUES (?, ?, 'm', ?, ?)", [shop, f"b{n}", orders, spent])
            for k in range(held):
                db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, "
                           "currency, total) VALUES (?, ?, ?, ?, '+00:00', 'cancelled', 'CLP', 1)",
                           [shop, f"o{n}-{k}", f"b{n}", at])
        got = db.fetchall("SELECT shop_id, platform_orders, platform_spent, currency, imported_orders, not_imported,"
                          " gap FROM sk_platform_totals() WHERE member_id = 'm' ORDER BY shop_id")
    expected = []
    for shop in ("shopify:a", "shopify:b"):
        mine = [b for b in buyers if b[0] == shop]
        if not any(b[1] is not None or b[2] is not None for b in mine):
            continue
        counts = [b[1] for b in mine if b[1] is not None]
        amounts = [b[2] for b in mine if b[2] is not None]
        said = sum(counts) if counts else None
        held = sum(b[3] for b in mine)  # every imported order counts, a cancelled one too
        # The shop's orders name CLP; a shop without any has only the platform's usual currency: none is named.
        expected.append((shop, said, sum(amounts, Decimal(0)) if amounts else None, "CLP" if held else None, held,
                         platform_totals.orders_not_imported(said, held), platform_totals.import_gap(said, held)))
    assert got == expected


# An order's currency: named ('file', NULL) or assumed (the shop's id).
FROM_ROW = st.tuples(st.sampled_from(["EUR", "USD", "CLP"]), st.sampled_from(["file", None, "shopify:s"]))


@RULES
@given(orders=st.lists(FROM_ROW, max_size=8), set_currency=st.sampled_from([None, "GBP"]))
def test_a_shop_currency_is_known_when_the_seller_or_its_named_orders_say_it(
        db: Database, orders: list[tuple[str, str | None]], set_currency: str | None) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with scratch(db):
        db.execute("INSERT INTO shops VALUES ('shopify:s', 'shopify', 's', ?)", [set_currency])
        for i, (currency, came_from) in enumerate(orders):
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total, "
                       "currency_from) VALUES ('shopify:s', ?, ?, '+00:00', 'paid', ?, 1, ?)",
                       [str(i), at, currency, came_from])
        got = db.fetchone("SELECT currency, known FROM sk_shop_currencies() WHERE shop_id = 'shopify:s'")
    named: dict[str, int] = {}
    for currency, came_from in orders:
        if not shop_currency.assumed(came_from):
            named[currency] = named.get(currency, 0) + 1
    assert got == (shop_currency.shop_currency(set_currency, named, "USD"),
                   shop_currency.shop_currency_known(set_currency, named))
