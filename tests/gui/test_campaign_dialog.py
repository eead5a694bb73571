"""The campaign editor saves a plan as one undoable change; the calendar shows festivals and campaigns on their days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from shopkeeper.services.campaigns import CalendarEvent, add_calendar_event, campaign_state, plan_of
from shopkeeper.services.change_sets import undo
from shopkeeper.services.promotion_calendar import calendar_items
from shopkeeper.ui.calendar.calendar_panel import LIST, CalendarPanel
from shopkeeper.ui.dialogs.campaign_dialog import CampaignDialog
from tests.gui.conftest import run_query, wait_idle
from tests.unit.services.shop_tables import seed_catalog


def test_the_editor_saves_a_spend_and_save_plan_and_undo_takes_it_back(qtbot, worker) -> None:  # noqa: ANN001
    run_query(qtbot, worker, seed_catalog)
    dialog = CampaignDialog(None, worker=worker, today=date(2026, 10, 1))
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    dialog.name.setText("双11 满减")
    dialog.kind.setCurrentIndex(dialog.kind.findData("spend_save"))
    assert dialog.terms.currentIndex() == 4  # the tiers page
    dialog.festival.setCurrentIndex(dialog.festival.findData("double11"))
    assert (dialog.starts.date(), dialog.ends.date()) == (QDate(2026, 10, 20), QDate(2026, 11, 11))
    dialog.search.setText("oat")
    dialog._add_matching()
    wait_idle(qtbot, worker)
    assert dialog.chosen_skus() == ["CL-MUG-RUS-OAT"]
    dialog.budget.setText("1,200")
    dialog.save()
    wait_idle(qtbot, worker)
    assert dialog.error.isHidden(), dialog.error.text()
    pid = run_query(qtbot, worker, lambda db: int(db.scalar("SELECT promotion_id FROM promotions")))
    state = run_query(qtbot, worker, lambda db: campaign_state(db, pid))
    assert (state["kind"], state["tiers"], state["budget"], state["event"]) == (
        "spend_save", [["300.00", "50.00"]], "1200.00", "double11")

    # Opened again, the editor shows the stored plan; a refusal is shown and changes nothing.
    plan = run_query(qtbot, worker, lambda db: plan_of(db, pid))
    again = CampaignDialog(None, worker=worker, today=date(2026, 10, 1), plan=plan, promotion_id=pid)
    qtbot.addWidget(again)
    wait_idle(qtbot, worker)
    assert again.name.text() == "双11 满减" and again.tiers.rowCount() == 1
    again.tiers.item(0, 1).setText("300")  # as much off as is spent
    again.save()
    wait_idle(qtbot, worker)
    assert not again.error.isHidden() and "300" in again.error.text()

    run_query(qtbot, worker, lambda db: undo(db, who="test"))
    assert run_query(qtbot, worker, lambda db: db.scalar("SELECT count(*) FROM promotions")) == 0


def test_a_new_campaign_starts_in_the_shops_currency_names_its_products_and_never_starts_in_the_past(
        qtbot, worker) -> None:  # noqa: ANN001
    def shop(db) -> None:  # noqa: ANN001
        seed_catalog(db)
        with db.transaction():
            db.execute("INSERT OR REPLACE INTO currency_settings (key, value) VALUES ('base_currency', 'EUR')")

    run_query(qtbot, worker, shop)
    dialog = CampaignDialog(None, worker=worker, today=date(2026, 12, 4))
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert dialog.currency.text() == "EUR"
    # 双12's window opened on 1 December: a campaign for it now starts today, not three days ago.
    dialog.festival.setCurrentIndex(dialog.festival.findData("double12"))
    assert (dialog.starts.date(), dialog.ends.date()) == (QDate(2026, 12, 4), QDate(2026, 12, 12))
    dialog.search.setText("oat")
    dialog._add_matching()
    wait_idle(qtbot, worker)
    assert dialog.chosen_skus() == ["CL-MUG-RUS-OAT"]
    assert dialog.skus.item(0).text() == "CL-MUG-RUS-OAT · Rustic mug"


def test_the_calendar_lists_the_month(qtbot, worker) -> None:  # noqa: ANN001
    run_query(qtbot, worker, lambda db: add_calendar_event(
        db, CalendarEvent("Prime Day", date(2026, 11, 17), date(2026, 11, 18), kind="prime_day"), who="t"))
    items = run_query(qtbot, worker, lambda db: calendar_items(db, date(2026, 1, 1), date(2026, 12, 31)))
    panel = CalendarPanel()
    qtbot.addWidget(panel)
    panel.set_today(date(2026, 11, 5))
    panel.set_items(items, date(2025, 12, 1), date(2027, 2, 1))
    panel.go_to(date(2026, 11, 5))
    nov_11 = [i.key for i in panel.month.items_on(date(2026, 11, 11))]
    assert {"double11", "singles_day"} <= set(nov_11)
    panel.set_mode(LIST)
    names = {panel.list.item(r, 1).text() for r in range(panel.list.rowCount())}
    assert {"Double 11", "Black Friday", "Cyber Monday", "Singles' Day"} <= names
    assert panel.list.item(0, 0).data(Qt.ItemDataRole.UserRole) is None  # festivals open no campaign
    # The seller's Prime Day shows as the festival and can be removed from the list.
    row = next(r for r in range(panel.list.rowCount()) if panel.list.item(r, 1).text() == "Prime Day")
    chosen: list[tuple[int, str]] = []
    panel.eventChosen.connect(lambda event_id, name: chosen.append((event_id, name)))
    panel.list.setCurrentCell(row, 0)
    panel._list_chosen()
    assert chosen == [(1, "Prime Day")]


def test_the_editor_picks_products_by_tag(qtbot, worker) -> None:  # noqa: ANN001
    from shopkeeper.services.product_tags import change_tags

    run_query(qtbot, worker, seed_catalog)
    run_query(qtbot, worker, lambda db: change_tags(db, ["CL-MUG-RUS-ASH"], add=["Winter"], who="t"))
    dialog = CampaignDialog(None, worker=worker, today=date(2026, 10, 1))
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert dialog.tag.itemText(1) == "Winter (1)"
    dialog.tag.setCurrentIndex(dialog.tag.findData("Winter"))
    dialog._add_matching()
    wait_idle(qtbot, worker)
    assert dialog.chosen_skus() == ["CL-MUG-RUS-ASH"]


def test_shops_are_listed_by_name_and_saved_by_key(qtbot, worker) -> None:  # noqa: ANN001
    def seed(db) -> None:  # noqa: ANN001
        seed_catalog(db)
        db.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('taobao:Clay', 'taobao', 'Clay'), "
                   "('shopify:Clay US', 'shopify', 'Clay US')")

    run_query(qtbot, worker, seed)
    dialog = CampaignDialog(None, worker=worker, today=date(2026, 10, 1))
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert [dialog.shops.item(i).text() for i in range(dialog.shops.count())] == ["Shopify · Clay US", "Taobao · Clay"]
    dialog.shops.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.name.setText("Black Friday")
    dialog.search.setText("oat")
    dialog._add_matching()
    wait_idle(qtbot, worker)
    dialog.save()
    wait_idle(qtbot, worker)
    assert dialog.error.isHidden(), dialog.error.text()
    pid = run_query(qtbot, worker, lambda db: int(db.scalar("SELECT promotion_id FROM promotions")))
    assert run_query(qtbot, worker, lambda db: plan_of(db, pid)).shop_ids == ("shopify:Clay US",)


def test_a_crowded_day_opens_its_week_from_plus_more(qtbot, worker) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPoint

    from shopkeeper.ui.calendar.calendar_panel import MONTH, WEEK

    for n in range(6):  # six of the seller's own events on Double 11, beside the festivals
        run_query(qtbot, worker, lambda db, n=n: add_calendar_event(
            db, CalendarEvent(f"Live stream {n}", date(2026, 11, 11), date(2026, 11, 11)), who="t"))
    items = run_query(qtbot, worker, lambda db: calendar_items(db, date(2026, 1, 1), date(2026, 12, 31)))
    panel = CalendarPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 520)
    panel.show()
    panel.set_today(date(2026, 11, 5))
    panel.set_items(items, date(2025, 12, 1), date(2027, 2, 1))
    panel.go_to(date(2026, 11, 5))
    assert panel.mode() == MONTH
    panel.month.grab()  # paints the cells, and with them where each "+N more" sits
    more = panel.month._more.get(date(2026, 11, 11))
    assert more is not None
    qtbot.mouseClick(panel.month, Qt.MouseButton.LeftButton, pos=more.center())
    assert panel.mode() == WEEK
    assert panel.week.first_day() <= date(2026, 11, 11) <= panel.week.last_day()
    # in the week, the day has room for every item: nothing is left to a "+N more"
    panel.week.grab()
    assert date(2026, 11, 11) not in panel.week._more
    # a click elsewhere in a crowded cell (its date) only selects the day
    panel.set_mode(MONTH)
    panel.month.grab()
    cell = panel.month._more[date(2026, 11, 11)]
    qtbot.mouseClick(panel.month, Qt.MouseButton.LeftButton, pos=QPoint(cell.left() - 30, cell.center().y()))
    assert panel.mode() == MONTH


def test_the_month_is_named_as_each_language_writes_it(qtbot, chinese) -> None:  # noqa: ANN001
    panel = CalendarPanel()
    qtbot.addWidget(panel)
    panel.go_to(date(2026, 12, 4))
    assert panel.period.text() == "2026年12月"  # not 十二月 2026


def test_the_month_is_named_in_english(qtbot) -> None:  # noqa: ANN001
    panel = CalendarPanel()
    qtbot.addWidget(panel)
    panel.go_to(date(2026, 12, 4))
    assert panel.period.text() == "December 2026"
