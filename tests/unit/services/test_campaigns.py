"""Campaign plans and own calendar events: each save one change set that undo takes back exactly and redo repeats."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from shop_tables import seed_catalog, snapshot

from shopkeeper.db.database import Database
from shopkeeper.domain.campaign_price import Tier
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.services.campaigns import (
    CalendarEvent,
    CampaignPlan,
    add_calendar_event,
    campaign_state,
    delete_campaign,
    plan_of,
    save_campaign,
    scope_skus,
)
from shopkeeper.services.change_sets import redo, undo, undo_redo_state
from shopkeeper.services.promotions import list_promotions

D11 = CampaignPlan(name="双11 满减", kind="spend_save", starts_on=date(2026, 11, 1), ends_on=date(2026, 11, 11),
                   currency="USD", skus=("CL-MUG-RUS-OAT", "CL-MUG-RUS-ASH"),
                   tiers=(Tier(Decimal("300"), Decimal("50")), Tier(Decimal("150"), Decimal("20"))),
                   budget=Decimal("1200.00"), target_units=80)


def _shop(db: Database) -> None:
    seed_catalog(db)
    with db.transaction():
        db.execute("INSERT INTO platforms (code, name) VALUES ('taobao', 'Taobao') ON CONFLICT DO NOTHING")
        db.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('taobao:clay', 'taobao', 'Clay')")


def test_create_edit_delete_each_undo_back_to_the_shop_before(shop: Database) -> None:
    _shop(shop)
    empty = snapshot(shop)
    created = save_campaign(shop, D11, who="test")
    pid = int(shop.scalar("SELECT promotion_id FROM promotions"))
    assert created.message is not None and created.message.code == "change.campaign.created"
    assert campaign_state(shop, pid)["tiers"] == [["150.00", "20.00"], ["300.00", "50.00"]]
    after_create = snapshot(shop)
    edited = replace_plan = D11.__class__(**{**D11.__dict__, "kind": "percent_off", "discount_pct": Decimal("15"),
                                            "tiers": (), "shop_ids": ("taobao:clay",), "skus": ("CL-MUG-RUS-OAT",)})
    save_campaign(shop, replace_plan, who="test", promotion_id=pid)
    assert edited.kind == "percent_off"
    assert shop.fetchall("SELECT kind, discount_pct, shop_id FROM promotions") == [
        ("percent_off", Decimal("15.00"), "taobao:clay")]
    assert shop.scalar("SELECT count(*) FROM promotion_tiers") == 0
    after_edit = snapshot(shop)
    delete_campaign(shop, pid, who="test")
    assert shop.scalar("SELECT count(*) FROM promotions") == 0
    assert undo_redo_state(shop).undo.code == "change.campaign.deleted"  # type: ignore[union-attr]

    undo(shop, who="test")
    assert _data(snapshot(shop)) == _data(after_edit)
    undo(shop, who="test")
    assert _data(snapshot(shop)) == _data(after_create)
    undo(shop, who="test")
    assert _data(snapshot(shop)) == _data(empty)
    redo(shop, who="test")
    assert campaign_state(shop, pid)["kind"] == "spend_save"
    redo(shop, who="test")
    plan = plan_of(shop, pid)
    assert plan is not None and plan.kind == "percent_off" and plan.shop_ids == ("taobao:clay",)


def _data(snap: dict[str, list[str]]) -> dict[str, list[str]]:
    # The _prior tables hold before-images until the change set's undo uses them up.
    return {t: rows for t, rows in snap.items() if not t.endswith("_prior")}


@pytest.mark.parametrize(("change", "code"), [
    ({"name": "  "}, "campaign.refused.name"),
    ({"ends_on": date(2026, 10, 1)}, "campaign.refused.dates"),
    ({"tiers": (Tier(Decimal("50"), Decimal("50")),)}, "campaign.refused.tier_off"),
    ({"tiers": ()}, "campaign.refused.tiers"),
    ({"skus": ("NOPE",)}, "edit.refused.unknown_sku"),
    ({"shop_ids": ("etsy:none",)}, "edit.refused.unknown_shop"),
    ({"kind": "percent_off", "discount_pct": Decimal("100")}, "campaign.refused.percent"),
    ({"kind": "buy_x_get_y", "buy_qty": 2, "get_qty": 0}, "campaign.refused.buy_get"),
    ({"kind": "flash_price"}, "campaign.refused.missing"),
    ({"budget": Decimal("1.001")}, "campaign.refused.amount"),
])
def test_a_bad_plan_is_refused_and_changes_nothing(shop: Database, change: dict[str, object], code: str) -> None:
    _shop(shop)
    before = snapshot(shop)
    with pytest.raises(ChangeRefused) as refused:
        save_campaign(shop, D11.__class__(**{**D11.__dict__, **change}), who="test")
    assert refused.value.message.code == code
    assert snapshot(shop) == before


def test_overlapping_campaigns_are_flagged_with_the_price_they_stack_to(shop: Database) -> None:
    _shop(shop)
    save_campaign(shop, D11, who="test")
    # 80.00 a mug: 满150减20 takes 2 mugs (160 − 20) / 2 = 70.00; 满300减50 takes 4: (320 − 50) / 4 = 67.50.
    pct = D11.__class__(**{**D11.__dict__, "name": "Members 10%", "kind": "percent_off", "tiers": (),
                           "discount_pct": Decimal("10"), "starts_on": date(2026, 11, 10),
                           "ends_on": date(2026, 11, 20), "skus": ("CL-MUG-RUS-OAT",)})
    save_campaign(shop, pct, who="test")
    later = D11.__class__(**{**pct.__dict__, "name": "December", "starts_on": date(2026, 12, 1),
                             "ends_on": date(2026, 12, 5)})
    save_campaign(shop, later, who="test")
    rows = {c.name: c for c in list_promotions(shop)}
    d11 = rows["双11 满减"]
    assert d11.min_unit_price == Decimal("67.50")
    # 80 − 12.50 (满减) − 8.00 (10 %) = 59.50 on the oat mug, the only SKU both hold.
    stacks = [w for w in d11.warnings if w.code == "campaign.warning.stacks"]
    assert [(w.params["count"], w.params["sku"], w.params["price"], w.params["others"]) for w in stacks] == [
        (1, "CL-MUG-RUS-OAT", "59.50", "Members 10%")]
    assert [w.code for w in rows["December"].warnings] == []


def test_own_events_undo(shop: Database) -> None:
    _shop(shop)
    add_calendar_event(shop, CalendarEvent("Warehouse move", date(2026, 7, 1), date(2026, 7, 3)), who="t")
    assert shop.fetchall("SELECT name, kind FROM calendar_events") == [("Warehouse move", "own")]
    undo(shop, who="t")
    assert shop.scalar("SELECT count(*) FROM calendar_events") == 0
    redo(shop, who="t")
    assert shop.scalar("SELECT count(*) FROM calendar_events") == 1


def test_scope_by_search_and_abc(shop: Database) -> None:
    _shop(shop)
    assert [r[0] for r in scope_skus(shop, search="ash")] == ["CL-MUG-RUS-ASH"]
    # Nothing sold: every SKU is class C.
    assert len(scope_skus(shop, abc="C", today=date(2026, 11, 30))) == 2
    assert scope_skus(shop, abc="A", today=date(2026, 11, 30)) == []


def test_a_sku_sold_in_a_currency_without_a_rate_is_in_no_abc_class(shop: Database) -> None:
    _shop(shop)
    sku = scope_skus(shop)[0][0]
    with shop.transaction():
        shop.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'CNY')")
        shop.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
                     " VALUES ('taobao:clay', 'z1', TIMESTAMPTZ '2026-11-20 12:00:00+00', '+00:00', 'completed',"
                     " 'ZAR', 500.00)")
        shop.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                     " line_total, currency) VALUES ('taobao:clay', 'z1', 1, ?, 'x', 1, 500.00, 500.00, 'ZAR')", [sku])
    classes = {c: [r[0] for r in scope_skus(shop, abc=c, today=date(2026, 11, 30))] for c in "ABC"}
    # Its revenue is unknown, so its class is: not "C" (a slow seller), not A either.
    assert all(sku not in skus for skus in classes.values())
    assert len(classes["C"]) == 1
