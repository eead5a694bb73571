"""Fee rates and purchase lots: the seller's own figures behind estimated fees and cost of goods."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from money_shop import AMAZON, SHOPIFY, add_order, seed_shop

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.domain.fee_rates import DEFAULT_FEE_RATES, estimated_fee
from shopkeeper.domain.landed_cost import Lot, fifo_costs
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.fee_rates import RateChange, fee_rates, save_fee_rates
from shopkeeper.services.landed_costs import PurchaseLot, purchase_lots, save_lot
from shopkeeper.services.profit import profit_rows


@pytest.fixture
def db(shop: Database) -> Database:
    return seed_shop(shop)


def _order(db: Database, order_id: str):  # noqa: ANN202
    return next(r for r in profit_rows(db, "order") if r.key == order_id)


def test_the_shipped_rates_are_the_domains_defaults_and_marked_as_defaults(db: Database) -> None:
    stored = {(r.platform, r.fee_kind): (r.percent, r.fixed, r.currency, r.is_default) for r in fee_rates(db)}
    assert stored == {(r.platform, r.fee_kind): (r.percent, r.fixed, r.currency, True) for r in DEFAULT_FEE_RATES}


def test_the_sql_estimate_is_the_domains(db: Database) -> None:
    for total, percent, fixed in [("105.00", "2.90", "0.30"), ("0.05", "13.25", "0.30"), ("19.99", "15.00", "0"),
                                  ("-20.00", "2.90", "0.30")]:
        sql = db.scalar("SELECT sk_estimated_fee(?::DECIMAL(18,2), ?::DECIMAL(18,2), ?::DECIMAL(18,2))",
                        [total, percent, fixed])
        assert sql == estimated_fee(Decimal(total), Decimal(percent), Decimal(fixed))


def test_editing_a_rate_changes_the_estimate_and_undo_brings_it_back(db: Database) -> None:
    before = _order(db, "#1001")
    result = save_fee_rates(db, [RateChange("shopify:payment_fee", "2.40", "0.30", "usd")], who="test")
    assert result.changes
    # 2.4 % of 105.00 = 2.52, + 0.30.
    assert _order(db, "#1001").payment_fees == Decimal("2.82")
    rate = next(r for r in fee_rates(db) if r.rate_id == "shopify:payment_fee")
    assert (rate.percent, rate.is_default) == (Decimal("2.40"), False)
    undo(db, who="test")
    assert _order(db, "#1001") == before
    assert next(r for r in fee_rates(db) if r.rate_id == "shopify:payment_fee").is_default
    redo(db, who="test")
    assert _order(db, "#1001").payment_fees == Decimal("2.82")


@pytest.mark.parametrize(("change", "code"), [
    (RateChange("shopify:payment_fee", "120", "0", "USD"), "edit.refused.percent_over_100"),
    (RateChange("shopify:payment_fee", "2", "0", "dollars"), "edit.refused.not_a_currency"),
    (RateChange("nowhere:commission", "2", "0", "USD"), "edit.refused.unknown_fee_rate"),
    (RateChange("shopify:payment_fee", "abc", "0", "USD"), "edit.refused.not_a_number"),
    (RateChange("shopify:payment_fee", "-1", "0", "USD"), "edit.refused.negative"),
])
def test_a_rate_that_makes_no_sense_is_refused_and_nothing_changes(db: Database, change: RateChange,
                                                                   code: str) -> None:
    with pytest.raises(ChangeRefused) as refused:
        save_fee_rates(db, [change], who="test")
    assert refused.value.reason.code == code
    assert all(r.is_default for r in fee_rates(db))


def test_fifo_takes_the_oldest_lot_first_then_the_catalogue_cost(db: Database) -> None:
    with db.transaction():
        add_order(db, AMAZON, "111-0000003-0000003", "2026-03-05 10:00:00+00", [("S-1", 4, "45.00")])
    save_lot(db, PurchaseLot("S-1", date(2026, 1, 10), 2, Decimal("10.00"), "USD"), who="test")
    save_lot(db, PurchaseLot("S-1", date(2026, 2, 1), 3, Decimal("11.50"), "usd"), who="test")
    assert [(lot.quantity, lot.currency) for lot in purchase_lots(db, "S-1")] == [(2, "USD"), (3, "USD")]
    # S-1 sold 2 (Feb 20, Shopify), 1 (Feb 25, Amazon), then 4 (Mar 5): lots of 2 @10.00 and 3 @11.50, then 12.00.
    costs = {r.key: r.cogs for r in profit_rows(db, "order")}
    python = fifo_costs([2, 1, 4], [Lot(2, Decimal("10.00")), Lot(3, Decimal("11.50"))], Decimal("12.00"))
    assert python == [Decimal("20.00"), Decimal("11.50"), Decimal("47.00")]
    assert costs["#1001"] - Decimal("5.00") == python[0]  # and the cups at their catalogue 5.00
    assert (costs["111-0000001-0000001"], costs["111-0000003-0000003"]) == (python[1], python[2])


def test_a_lot_entered_and_undone_leaves_the_catalogue_cost(db: Database) -> None:
    before = profit_rows(db, "sku")
    save_lot(db, PurchaseLot("S-2", date(2026, 1, 5), 10, Decimal("4.20"), "USD"), who="test")
    assert next(r for r in profit_rows(db, "sku") if r.key == "S-2").cogs == Decimal("4.20") * 4
    undo(db, who="test")
    assert profit_rows(db, "sku") == before
    assert purchase_lots(db) == []


def test_a_lot_of_an_unknown_sku_is_refused(db: Database) -> None:
    with pytest.raises(ChangeRefused) as refused:
        save_lot(db, PurchaseLot("NOPE", date(2026, 1, 5), 1, Decimal("1.00"), "USD"), who="test")
    assert refused.value.reason.code == "edit.refused.unknown_sku"


def test_a_lot_in_another_currency_costs_through_the_sellers_rate(db: Database) -> None:
    db.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'USD'), ('fx_CNY', '0.14')")
    save_lot(db, PurchaseLot("S-2", date(2026, 1, 5), 100, Decimal("30.00"), "CNY"), who="test")
    sku = next(r for r in profit_rows(db, "sku") if r.key == "S-2")
    assert (sku.cogs, sku.cost_missing) == (Decimal("16.80"), False)  # 4 units × 30 CNY × 0.14
    with db.transaction():
        add_order(db, SHOPIFY, "#1003", "2026-03-09 10:00:00+00", [("S-2", 1, "18.00")])
    db.execute("DELETE FROM currency_settings WHERE key = 'fx_CNY'")
    assert next(r for r in profit_rows(db, "sku") if r.key == "S-2").cost_missing
