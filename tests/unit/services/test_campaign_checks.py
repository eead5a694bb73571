"""Before a campaign: margin after fees and stock cover flagged; its checklist undoable; the review after it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from shop_tables import seed_catalog, snapshot

from shopkeeper.db.database import Database
from shopkeeper.services.campaign_checks import campaign_checks, check_settings, save_check_settings, sku_checks
from shopkeeper.services.campaign_review import campaign_review
from shopkeeper.services.campaign_tasks import (
    campaign_tasks,
    overdue_tasks,
    save_template_task,
    set_task_done,
    template,
)
from shopkeeper.services.campaigns import CampaignPlan, delete_campaign, save_campaign
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.promotions import list_promotions

TODAY = date(2026, 10, 20)
PLANNED = datetime(2026, 9, 1, 10, tzinfo=UTC)  # well ahead: every task still has its template's day
# Half off an 80.00 mug costing 38.67: 40.00, and Taobao keeps 5 % (2.00): 38.00 < 38.67, a loss.
HALF_OFF = CampaignPlan(name="双11 half off", kind="percent_off", starts_on=date(2026, 11, 1),
                        ends_on=date(2026, 11, 10), currency="USD", skus=("CL-MUG-RUS-OAT",),
                        shop_ids=("taobao:clay",), discount_pct=Decimal(50), expected_uplift_pct=Decimal(100))


def _shop(db: Database) -> None:
    seed_catalog(db)
    with db.transaction():
        db.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('taobao:clay', 'taobao', 'Clay')")


def _sell(db: Database, day: date, units: int, unit_price: Decimal = Decimal(80), buyer: str = "b1",
          order_off: Decimal = Decimal(0)) -> None:
    order_id = f"{day.isoformat()}-{buyer}-{units}"
    with db.transaction():
        db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total,"
                   " discount) VALUES ('taobao:clay', ?, ?, ?::TIMESTAMPTZ, '+08:00', 'completed', 'USD', ?, ?)",
                   [order_id, buyer, f"{day.isoformat()} 12:00:00+08", unit_price * units - order_off, order_off])
        db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total,"
                   " currency) VALUES ('taobao:clay', ?, 1, 'CL-MUG-RUS-OAT', 'Mug', ?, ?, ?, 'USD')",
                   [order_id, units, unit_price, unit_price * units])


def test_below_cost_after_fees_and_a_likely_stock_out_are_flagged(shop: Database) -> None:
    _shop(shop)
    # 30 units in the last 30 days: 1 a day. The 10-day event, doubled, sells 20; 12 days before it sell 12.
    _sell(shop, TODAY - timedelta(days=5), 30, Decimal("72.00"))
    save_campaign(shop, HALF_OFF, who="t", created_at=PLANNED)
    save_check_settings(shop, who="t", min_margin_pct=Decimal(10), fees={"taobao": Decimal(5)})
    [check] = sku_checks(shop, int(shop.scalar("SELECT promotion_id FROM promotions")), TODAY)
    assert (check.price, check.fee_pct, check.margin_verdict) == (Decimal("40.00"), Decimal("5.0"), "below_cost")
    assert check.margin_pct == Decimal("-1.7")  # (40.00 − 38.67 − 2.00) / 40.00
    # 7 on hand against 12 + 20: order 25 by the start less the 14-day lead time.
    assert (check.on_hand, check.before_start, check.expected, check.short) == (7, 12, 20, 25)
    assert check.order_by == date(2026, 10, 18) and not check.from_last_year
    assert check.lowest_30d == Decimal("72.00") and not check.above_lowest
    [row] = list_promotions(shop, TODAY)
    assert row.stock_ok is False and row.min_margin_pct == Decimal("-1.7") and row.tasks_open == 7
    codes = [w.code for w in row.warnings]
    assert "campaign.warning.below_cost" in codes and "campaign.warning.order_late" in codes
    assert "campaign.warning.fees_unknown" not in codes


def test_the_worst_sale_is_checked_in_the_shop_where_the_discounts_stack(shop: Database) -> None:
    _shop(shop)
    with shop.transaction():
        shop.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('etsy:clay', 'etsy', 'Clay')")
    save_check_settings(shop, who="t", min_margin_pct=Decimal(10),
                        fees={"taobao": Decimal(5), "etsy": Decimal(15)})
    days = {"starts_on": date(2026, 11, 1), "ends_on": date(2026, 11, 10)}
    everywhere = CampaignPlan(**{**HALF_OFF.__dict__, **days, "name": "10 % everywhere", "shop_ids": (),
                                 "discount_pct": Decimal(10)})
    taobao_only = CampaignPlan(**{**HALF_OFF.__dict__, **days, "name": "35 % on Taobao",
                                  "discount_pct": Decimal(35)})
    save_campaign(shop, everywhere, who="t", created_at=PLANNED)
    save_campaign(shop, taobao_only, who="t", created_at=PLANNED)
    ids = dict(shop.fetchall("SELECT name, promotion_id FROM promotions"))
    # On Taobao both discounts stack: 80 − 8 − 28 = 44.00, less Taobao's 5 % (2.20) and the 38.67 cost: 7.1 %.
    # On Etsy only the 10 % applies: 72.00 less Etsy's 15 % (10.80): 31.3 %. The stacked price never meets
    # Etsy's fee (44.00 − 6.60 < 38.67 would be a loss no buyer can cause).
    for name in ("10 % everywhere", "35 % on Taobao"):
        [check] = sku_checks(shop, int(ids[name]), TODAY)
        assert (check.price, check.fee_pct, check.margin_pct, check.margin_verdict) == \
            (Decimal("44.00"), Decimal("5.0"), Decimal("7.1"), "below_min"), name
    # Without the Taobao campaign, Etsy's fee on the undiscounted-elsewhere price is the worst sale.
    delete_campaign(shop, int(ids["35 % on Taobao"]), who="t")
    [check] = sku_checks(shop, int(ids["10 % everywhere"]), TODAY)
    assert (check.price, check.fee_pct, check.margin_pct) == (Decimal("72.00"), Decimal("15.0"), Decimal("31.3"))


def test_a_running_campaign_needs_stock_only_for_the_days_still_to_come(shop: Database) -> None:
    _shop(shop)
    _sell(shop, TODAY - timedelta(days=5), 30)  # 1 a day; doubled by the uplift
    running = CampaignPlan(**{**HALF_OFF.__dict__, "starts_on": date(2026, 10, 15), "ends_on": date(2026, 10, 24)})
    save_campaign(shop, running, who="t", created_at=PLANNED)
    pid = int(shop.scalar("SELECT promotion_id FROM promotions"))
    [check] = sku_checks(shop, pid, TODAY)
    # 20 October to 24 October are still to come: 5 days × 2, not the campaign's 10 days × 2.
    assert (check.expected, check.before_start, check.short) == (10, 0, 3)
    # From last year's same days, only those still to come this year count.
    _sell(shop, date(2025, 10, 1), 1)  # the orders reach back past last year's window
    _sell(shop, date(2025, 10, 16), 6)  # a day already gone this year
    _sell(shop, date(2025, 10, 22), 4)
    [check] = sku_checks(shop, pid, TODAY)
    assert check.from_last_year and check.expected == 4


def test_the_lowest_price_of_30_days_is_what_buyers_paid_after_the_orders_discounts(shop: Database) -> None:
    _shop(shop)
    _sell(shop, TODAY - timedelta(days=10), 1)  # 80.00
    # Two at 80.00 with 20.00 off the order (满减): 70.00 each was paid.
    _sell(shop, TODAY - timedelta(days=5), 2, order_off=Decimal(20), buyer="b2")
    # A line that already shows its discount (as Shopify's Lineitem discount does), counted once: 75.00 each.
    with shop.transaction():
        shop.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                     " total, discount) VALUES ('taobao:clay', 'shown', 'b3', TIMESTAMPTZ '2026-10-18 12:00:00+08',"
                     " '+08:00', 'completed', 'USD', 150, 10)")
        shop.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                     " line_total, currency) VALUES ('taobao:clay', 'shown', 1, 'CL-MUG-RUS-OAT', 'Mug', 2, 80, 150,"
                     " 'USD')")
    ten_off = CampaignPlan(**{**HALF_OFF.__dict__, "discount_pct": Decimal(10)})
    save_campaign(shop, ten_off, who="t", created_at=PLANNED)
    [check] = sku_checks(shop, int(shop.scalar("SELECT promotion_id FROM promotions")), TODAY)
    assert check.lowest_30d == Decimal("70.00")
    assert check.price == Decimal("72.00") and check.above_lowest  # 72.00 is no discount on 70.00


def test_an_amount_off_in_another_currency_gives_no_price_and_says_so(shop: Database) -> None:
    _shop(shop)
    euros_off = CampaignPlan(**{**HALF_OFF.__dict__, "kind": "fixed_off", "amount_off": Decimal(5),
                                "currency": "EUR", "discount_pct": Decimal(0)})
    save_campaign(shop, euros_off, who="t", created_at=PLANNED)
    [check] = sku_checks(shop, int(shop.scalar("SELECT promotion_id FROM promotions")), TODAY)
    assert check.price is None and check.margin_verdict is None  # 5 EUR off is not 5 USD off an 80 USD mug
    [row] = list_promotions(shop, TODAY)
    [warning] = [w for w in row.warnings if w.code == "campaign.warning.other_currency"]
    assert warning.params == {"count": 1, "currency": "EUR"}


def test_a_sku_never_counted_is_not_checked_for_stock_and_never_claimed_to_last(shop: Database) -> None:
    _shop(shop)
    with shop.transaction():
        shop.execute("DELETE FROM stock_snapshots")  # 7 on hand in stock_levels, but never counted
    _sell(shop, TODAY - timedelta(days=5), 30)
    save_campaign(shop, HALF_OFF, who="t", created_at=PLANNED)
    [check] = sku_checks(shop, int(shop.scalar("SELECT promotion_id FROM promotions")), TODAY)
    assert (check.on_hand, check.short, check.expected) == (None, None, 20)
    [row] = list_promotions(shop, TODAY)
    assert (row.stock_ok, row.short_units, row.stock_units, row.stock_uncounted) == (None, 0, 0, 1)
    unknown = [w for w in row.warnings if w.code == "campaign.warning.stock_unknown"]
    assert [w.params for w in unknown] == [{"count": 1, "sku": "CL-MUG-RUS-OAT"}]
    assert not any(w.code in ("campaign.warning.stock_out", "campaign.warning.order_late") for w in row.warnings)


def test_last_years_window_sets_the_expected_sales_when_the_shop_has_orders_then(shop: Database) -> None:
    _shop(shop)
    _sell(shop, date(2025, 10, 1), 1)  # the shop's orders reach back past last year's window
    _sell(shop, date(2025, 11, 5), 40)
    save_campaign(shop, HALF_OFF, who="t", created_at=PLANNED)
    [check] = sku_checks(shop, int(shop.scalar("SELECT promotion_id FROM promotions")), TODAY)
    assert check.from_last_year and check.expected == 40 and check.before_start == 0


def test_settings_save_as_one_undo_step_and_defaults_return(shop: Database) -> None:
    _shop(shop)
    before = snapshot(shop)
    save_check_settings(shop, who="t", min_margin_pct=Decimal("12.5"), fees={"taobao": Decimal("4.5")})
    assert check_settings(shop) == (Decimal("12.5"), {"taobao": Decimal("4.5")})
    undo(shop, who="t")
    assert check_settings(shop) == (Decimal(10), {})
    assert {t: r for t, r in snapshot(shop).items() if not t.endswith("_prior")} == \
        {t: r for t, r in before.items() if not t.endswith("_prior")}


def test_tasks_come_from_the_template_move_with_the_start_and_tick_off_undoably(shop: Database) -> None:
    _shop(shop)
    save_campaign(shop, HALF_OFF, who="t", created_at=PLANNED)
    pid = int(shop.scalar("SELECT promotion_id FROM promotions"))
    tasks = {t.task_key: t for t in campaign_tasks(shop, pid)}
    assert len(tasks) == 7 and tasks["signup"].due_on == date(2026, 10, 11)  # 21 days before 1 November
    assert [t.task_key for t in overdue_tasks(shop, TODAY)] == ["signup", "stock"]
    set_task_done(shop, tasks["signup"].task_id, True, who="t")
    assert [t.task_key for t in overdue_tasks(shop, TODAY)] == ["stock"]
    undo(shop, who="t")
    assert [t.task_key for t in overdue_tasks(shop, TODAY)] == ["signup", "stock"]
    redo(shop, who="t")
    assert [t.task_key for t in overdue_tasks(shop, TODAY)] == ["stock"]
    undo(shop, who="t")
    moved = CampaignPlan(**{**HALF_OFF.__dict__, "starts_on": date(2026, 11, 11), "ends_on": date(2026, 11, 12)})
    save_campaign(shop, moved, who="t", promotion_id=pid)
    assert {t.task_key: t.due_on for t in campaign_tasks(shop, pid)}["signup"] == date(2026, 10, 21)
    undo(shop, who="t")
    assert {t.task_key: t.due_on for t in campaign_tasks(shop, pid)}["signup"] == date(2026, 10, 11)
    delete_campaign(shop, pid, who="t")
    assert campaign_tasks(shop, pid) == []
    undo(shop, who="t")
    assert len(campaign_tasks(shop, pid)) == 7


def test_a_campaign_planned_late_has_its_tasks_due_the_day_it_was_planned_not_overdue(shop: Database) -> None:
    _shop(shop)
    # Planned ten days before 1 November: the sign-up (21 days before) and stock (14) are due that day, not
    # overdue from the moment the campaign exists; the rest keep their template's day.
    save_campaign(shop, HALF_OFF, who="t", created_at=datetime(2026, 10, 22, 10, tzinfo=UTC))
    pid = int(shop.scalar("SELECT promotion_id FROM promotions"))
    due = {t.task_key: t.due_on for t in campaign_tasks(shop, pid)}
    assert due["signup"] == due["stock"] == date(2026, 10, 22) and due["logistics"] > date(2026, 10, 22)
    assert overdue_tasks(shop, date(2026, 10, 22)) == []
    assert [t.task_key for t in overdue_tasks(shop, date(2026, 10, 23))][:2] == ["signup", "stock"]
    # Moved later, they go back to their template's days; a campaign recorded after its start has its
    # tasks due on its start, never after it.
    moved = CampaignPlan(**{**HALF_OFF.__dict__, "starts_on": date(2026, 11, 30), "ends_on": date(2026, 12, 2)})
    save_campaign(shop, moved, who="t", promotion_id=pid)
    assert {t.task_key: t.due_on for t in campaign_tasks(shop, pid)}["signup"] == date(2026, 11, 9)
    save_campaign(shop, CampaignPlan(**{**HALF_OFF.__dict__, "name": "recorded"}), who="t",
                  created_at=datetime(2026, 11, 5, 10, tzinfo=UTC))
    late = int(shop.scalar("SELECT promotion_id FROM promotions WHERE name = 'recorded'"))
    assert {t.due_on for t in campaign_tasks(shop, late)} <= {date(2026, 11, 1)}


def test_review_counts_the_event_against_a_baseline_of_the_same_length(shop: Database) -> None:
    _shop(shop)
    _sell(shop, date(2026, 10, 25), 5, buyer="old")  # baseline: the 10 days before 1 November
    _sell(shop, date(2026, 10, 30), 5, buyer="old")
    _sell(shop, date(2026, 11, 1), 20, Decimal(40), buyer="new")
    _sell(shop, date(2026, 11, 10), 10, Decimal(40), buyer="old", order_off=Decimal("12.50"))  # a 满减 on the order
    _sell(shop, date(2026, 11, 11), 99, buyer="late")  # after the event: neither
    save_campaign(shop, HALF_OFF, who="t", created_at=PLANNED)
    review = campaign_review(shop, int(shop.scalar("SELECT promotion_id FROM promotions")))
    assert review is not None
    t = review.total
    assert (t.units, t.orders, t.baseline_units, t.lift_pct) == (30, 2, 10, Decimal("200.0"))
    assert t.revenue == Decimal("1200.00")
    assert t.discount_cost == Decimal("1212.50")  # 30 × (80 − 40) off the list price, and 12.50 off an order
    assert review.new_members == 1  # 'new' first bought in the event; 'old' before it
    assert review.days[0] == (date(2026, 11, 1), 20, 0) and review.days[3] == (date(2026, 11, 4), 0, 5)  # 25 October is day 4 of the baseline
    assert [s.sku for s in review.skus] == ["CL-MUG-RUS-OAT"]
    assert campaign_checks(shop, date(2026, 11, 20)) == {}  # over: reviewed, not checked


def test_a_running_campaign_is_reviewed_against_as_many_days_before_it(shop: Database) -> None:
    _shop(shop)
    _sell(shop, date(2026, 10, 23), 10, buyer="a")  # nine days before: outside two days' baseline
    _sell(shop, date(2026, 10, 30), 5, buyer="b")
    _sell(shop, date(2026, 10, 31), 3, buyer="c")
    _sell(shop, date(2026, 11, 1), 4, Decimal(40), buyer="d")
    _sell(shop, date(2026, 11, 2), 2, Decimal(40), buyer="e")
    save_campaign(shop, HALF_OFF, who="t", created_at=PLANNED)
    pid = int(shop.scalar("SELECT promotion_id FROM promotions"))
    review = campaign_review(shop, pid, date(2026, 11, 2))
    assert review is not None and review.campaign_days == 10 and len(review.days) == 2
    # Two days in: 6 units against the 8 of the two days before (not the 18 of the ten days before).
    assert (review.total.units, review.total.baseline_units, review.total.lift_pct) == (6, 8, Decimal("-25.0"))
    assert review.baseline_start == date(2026, 10, 30)
    ended = campaign_review(shop, pid, date(2026, 11, 20))
    assert ended is not None and len(ended.days) == 10 and ended.total.baseline_units == 18


def test_a_bundle_in_a_campaign_with_its_parts_is_reviewed_as_it_was_bought(shop: Database) -> None:
    from shopkeeper.services.bundles import set_bundle_parts

    _shop(shop)
    with shop.transaction():
        shop.execute("INSERT INTO variants (sku, product_id, option_text, price, cost, currency) VALUES"
                     " ('CL-SET-2', 'CL-MUG', 'Pair', 150.00, NULL, 'USD')")
    set_bundle_parts(shop, "CL-SET-2", [("CL-MUG-RUS-OAT", 2)], who="t")
    day = date(2026, 11, 2)
    with shop.transaction():
        shop.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                     " total, discount) VALUES ('taobao:clay', 'set', 'b9', ?::TIMESTAMPTZ, '+08:00', 'completed',"
                     " 'USD', 150, 0)", [f"{day.isoformat()} 12:00:00+08"])
        shop.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                     " line_total, currency) VALUES ('taobao:clay', 'set', 1, 'CL-SET-2', 'Pair', 1, 150, 150, 'USD')")
    _sell(shop, day, 1, buyer="b8")
    both = CampaignPlan(**{**HALF_OFF.__dict__, "skus": ("CL-MUG-RUS-OAT", "CL-SET-2")})
    save_campaign(shop, both, who="t", created_at=PLANNED)
    review = campaign_review(shop, int(shop.scalar("SELECT promotion_id FROM promotions")), date(2026, 11, 20))
    assert review is not None
    # One set and one mug were bought: 2 units, 230.00; the set's two mugs are not sold a second time.
    assert (review.total.units, review.total.revenue) == (2, Decimal("230.00"))
    assert {s.sku: s.figures.units for s in review.skus} == {"CL-SET-2": 1, "CL-MUG-RUS-OAT": 1}


def test_the_seller_edits_the_template_and_later_campaigns_get_it(shop: Database) -> None:
    _shop(shop)
    save_template_task(shop, "visuals", who="t", title="Shoot the glaze close-ups", days_before=12)
    assert [(t.name, t.days_before) for t in template(shop) if t.task_key == "visuals"] == [
        ("Shoot the glaze close-ups", 12)]
    save_campaign(shop, HALF_OFF, who="t", created_at=PLANNED)
    pid = int(shop.scalar("SELECT promotion_id FROM promotions"))
    visuals = next(t for t in campaign_tasks(shop, pid) if t.task_key == "visuals")
    assert (visuals.name, visuals.due_on) == ("Shoot the glaze close-ups", date(2026, 10, 20))
    undo(shop, who="t")  # the campaign
    undo(shop, who="t")  # the template edit
    [back] = [t for t in template(shop) if t.task_key == "visuals"]
    assert back.days_before == 10 and back.name.code == "campaign.task.visuals"  # type: ignore[union-attr]
