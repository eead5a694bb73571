"""The seller's exchange rates: listed with the orders that wait for them, saved as one undoable change set,
and every converted figure (members' spend, tiers and points among them) follows them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import bundled_migrations, migrate
from shopkeeper.domain.changes import Area
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.exchange_rates import exchange_rates, save_exchange_rates
from shopkeeper.services.recompute import recompute

D = Decimal
TODAY = datetime(2026, 11, 20, 12, tzinfo=UTC)


@pytest.fixture
def db(shop: Database) -> Database:
    # Three yuan orders of one member, two dollar orders of another: yuan is the usual currency, so the base.
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES ('taobao:t', 'taobao', 't', 'CNY'), ('shopify:s', 'shopify', 's', 'USD')")
        shop.execute("INSERT INTO members (member_id, display_name, joined_at) VALUES ('mc', 'Chen', now()),"
                     " ('mu', 'Una', now())")
        shop.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES ('taobao:t', 'chen', 'mc'),"
                     " ('shopify:s', 'una', 'mu')")
        for n, (shop_id, buyer, currency, total) in enumerate([
                ("taobao:t", "chen", "CNY", "100.00"), ("taobao:t", "chen", "CNY", "50.00"),
                ("taobao:t", "chen", "CNY", "20.00"), ("shopify:s", "una", "USD", "300.00"),
                ("shopify:s", "una", "USD", "120.50")]):
            shop.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                         " total, refunded_amount) VALUES (?, ?, ?, ?, '+08:00', 'completed', ?, ?, 0)",
                         [shop_id, f"o{n}", buyer, datetime(2026, 10, 1 + n, 4, tzinfo=UTC), currency, D(total)])
        recompute(shop, TODAY.date())
    return shop


def _spend_in_base(db: Database) -> dict[str, Decimal | None]:
    rows = db.fetchall("SELECT b.member_id, sum(s.net_base) FROM sk_sales() s JOIN buyers b USING (shop_id, buyer_id)"
                       " GROUP BY ALL")
    return dict(rows)


def _points(db: Database) -> dict[str, int]:
    return dict(db.fetchall("SELECT member_id, sum(points)::INTEGER FROM points_ledger GROUP BY ALL"))


def test_the_dialog_lists_every_currency_and_the_orders_waiting_for_a_rate(db: Database) -> None:
    rates = exchange_rates(db)
    assert (rates.base, rates.base_is_set) == ("CNY", False)
    assert [(r.currency, r.rate, r.orders) for r in rates.rates] == [("USD", None, 2)]
    assert rates.orders_without_rate == 2
    # Without a rate the dollar member's spend is unknown, and earns nothing rather than a guess.
    assert _spend_in_base(db) == {"mc": D("170.00"), "mu": None}
    assert "mu" not in _points(db)


def test_a_rate_is_one_undoable_change_that_gives_members_their_spend_and_points(db: Database) -> None:
    result = save_exchange_rates(db, who="mei", base="cny", rates={"usd": "7,10"})
    assert result.change_set_id is not None
    assert {Area.SETTINGS, Area.MEMBERS} <= result.changes.areas  # the recompute gave the member points
    assert exchange_rates(db).rates[0].rate == D("7.1") and exchange_rates(db).base_is_set
    assert _spend_in_base(db) == {"mc": D("170.00"), "mu": D("420.50") * D("7.1")}
    assert _points(db)["mu"] > 0

    undo(db, who="mei")
    assert exchange_rates(db).orders_without_rate == 2 and not exchange_rates(db).base_is_set
    assert "mu" not in _points(db)
    redo(db, who="mei")
    assert _spend_in_base(db)["mu"] == D("420.50") * D("7.1")


def test_the_same_rate_typed_again_changes_nothing(db: Database) -> None:
    save_exchange_rates(db, who="mei", base="CNY", rates={"USD": "7.10"})
    assert save_exchange_rates(db, who="mei", base="CNY", rates={"USD": "7.1"}).change_set_id is None
    # Emptied: the rate goes, and the dollar orders are left out again.
    save_exchange_rates(db, who="mei", base="CNY", rates={"USD": ""})
    assert exchange_rates(db).rates[0].rate is None


@pytest.mark.parametrize(("base", "rate", "code"), [
    ("CNY", "seven", "edit.refused.not_a_rate"), ("CNY", "-7", "edit.refused.not_a_rate"),
    ("CNY", "0", "edit.refused.not_a_rate"), ("CNY", "NaN", "edit.refused.not_a_rate"),
    ("CNY", "1e13", "edit.refused.not_a_rate"), ("CNY", "7.1234567", "edit.refused.rate_places"),
    ("yuan", "7.1", "edit.refused.not_a_currency"),
])
def test_a_bad_rate_or_code_refuses_the_save_and_changes_nothing(db: Database, base: str, rate: str,
                                                                 code: str) -> None:
    before = db.fetchall("SELECT * FROM currency_settings")
    with pytest.raises(ChangeRefused) as refused:
        save_exchange_rates(db, who="mei", base=base, rates={"USD": rate})
    assert refused.value.message.code == code
    assert db.fetchall("SELECT * FROM currency_settings") == before


def test_rates_an_older_shop_kept_among_its_settings_move_to_their_own_table(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "old.duckdb")
    older = [m for m in bundled_migrations() if m.version < 26]
    migrate(db, tmp_path / "bk", older)
    db.execute("INSERT INTO shop_settings VALUES ('shop_name', 'Tea house'), ('base_currency', 'CNY'),"
               " ('fx_USD', '7.10'), ('fx_EUR', '7.80')")
    migrate(db, tmp_path / "bk")
    assert dict(db.fetchall("SELECT key, value FROM currency_settings")) == {
        "base_currency": "CNY", "fx_USD": "7.10", "fx_EUR": "7.80"}
    assert db.fetchall("SELECT key FROM shop_settings") == [("shop_name",)]
    assert dict(db.fetchall("SELECT currency, rate FROM sk_fx()")) == {"CNY": D(1), "USD": D("7.1"), "EUR": D("7.8")}
    db.close()


def test_the_members_overview_says_how_many_orders_wait_for_a_rate(db: Database) -> None:
    from shopkeeper.services.member_segments import segment_overview

    assert segment_overview(db, TODAY.date()).orders_without_rate == 2
    save_exchange_rates(db, who="mei", base="CNY", rates={"USD": "7.1"})
    assert segment_overview(db, TODAY.date()).orders_without_rate == 0


def test_a_members_spend_is_unknown_not_smaller_while_an_order_waits_for_a_rate(db: Database) -> None:
    from shopkeeper.services.member_reports import member_rows
    from shopkeeper.services.membership import member_detail, tier_summary

    def listed() -> dict[str, str | None]:
        return {m["member_id"]: m["spend"] for m in member_rows(db, TODAY.date(), now=TODAY)}

    # One more yuan order for the dollar member: part of their spend is known, but not all of it.
    with db.transaction():
        db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total,"
                   " refunded_amount) VALUES ('taobao:t', 'o9', 'una2', ?, '+08:00', 'completed', 'CNY', 80, 0)",
                   [datetime(2026, 10, 9, 4, tzinfo=UTC)])
        db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES ('taobao:t', 'una2', 'mu')")
        recompute(db, TODAY.date())
    assert listed() == {"mc": "170.00", "mu": None}  # not 80.00, which would read as all she spent
    assert member_detail(db, "mu", TODAY.date(), chinese=False).spend is None
    tiers = tier_summary(db, TODAY.date(), chinese=False)
    assert sum(t["spend_unknown"] for t in tiers) == 1 and sum(t["spend"] or 0 for t in tiers) == D("170.00")

    save_exchange_rates(db, who="mei", base="CNY", rates={"USD": "7.10"})
    assert listed() == {"mc": "170.00", "mu": f"{D('80') + D('420.50') * D('7.1'):.2f}"}
    assert sum(t["spend_unknown"] for t in tier_summary(db, TODAY.date(), chinese=False)) == 0
