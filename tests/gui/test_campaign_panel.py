"""The campaign panel: checks per SKU, a checklist ticked off as an undoable edit, and the review's chart."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from shopkeeper.services.campaign_checks import save_check_settings
from shopkeeper.services.campaign_tasks import set_task_done
from shopkeeper.services.campaigns import CampaignPlan, save_campaign
from shopkeeper.services.change_sets import undo
from shopkeeper.ui.panels.campaign_panel import CampaignPanel, load_campaign
from tests.gui.conftest import run_query
from tests.unit.services.shop_tables import seed_catalog

PLAN = CampaignPlan(name="双11 half off", kind="percent_off", starts_on=date(2026, 11, 1), ends_on=date(2026, 11, 3),
                    currency="USD", skus=("CL-MUG-RUS-OAT",), discount_pct=Decimal(50))


def _shop(db) -> int:  # noqa: ANN001
    seed_catalog(db)
    with db.transaction():
        db.execute("INSERT INTO shops (shop_id, platform, name) VALUES ('taobao:clay', 'taobao', 'Clay')")
        for n, day in enumerate((date(2026, 10, 30), date(2026, 11, 1), date(2026, 11, 2))):
            db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                       " total) VALUES ('taobao:clay', ?, 'b', ?::TIMESTAMPTZ, '+08:00', 'completed', 'USD', 80)",
                       [f"o{n}", f"{day.isoformat()} 12:00:00+08"])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,"
                       " line_total, currency) VALUES ('taobao:clay', ?, 1, 'CL-MUG-RUS-OAT', 'Mug', 2, 40, 80, 'USD')",
                       [f"o{n}"])
    save_campaign(db, PLAN, who="t", created_at=datetime(2026, 9, 1, 10, tzinfo=UTC))
    save_check_settings(db, who="t", min_margin_pct=Decimal(10), fees={"taobao": Decimal(5)})
    return int(db.scalar("SELECT promotion_id FROM promotions"))


def test_before_the_start_the_panel_flags_the_loss_and_the_overdue_tasks(qtbot, worker) -> None:  # noqa: ANN001
    pid = run_query(qtbot, worker, _shop)
    today = date(2026, 10, 20)
    details = run_query(qtbot, worker, lambda db: load_campaign(db, pid, today))
    panel = CampaignPanel()
    qtbot.addWidget(panel)
    panel.show_details(details, today)
    assert panel.checks_table.rowCount() == 1
    assert panel.checks_table.item(0, 4).text() == "-1.7 %"  # 40.00 − 38.67 − 5 % fees
    assert panel.checks_table.item(0, 4).toolTip() == "Sells below cost after fees"
    assert panel.tasks_list.count() == 7
    overdue = [panel.tasks_list.item(i) for i in range(7) if panel.tasks_list.item(i).toolTip() == "Overdue"]
    assert len(overdue) == 2 and "2 overdue" in panel.tasks_note.text()
    with qtbot.waitSignal(panel.taskToggled) as ticked:
        overdue[0].setCheckState(Qt.CheckState.Checked)
    task_id, done = ticked.args
    assert done is True
    run_query(qtbot, worker, lambda db: set_task_done(db, task_id, True, who="t"))
    panel.show_details(run_query(qtbot, worker, lambda db: load_campaign(db, pid, today)), today)
    assert "1 overdue" in panel.tasks_note.text()
    run_query(qtbot, worker, lambda db: undo(db, who="t"))
    panel.show_details(run_query(qtbot, worker, lambda db: load_campaign(db, pid, today)), today)
    assert "2 overdue" in panel.tasks_note.text()


def test_after_the_event_the_review_charts_it_against_the_days_before(qtbot, worker) -> None:  # noqa: ANN001
    pid = run_query(qtbot, worker, _shop)
    today = PLAN.ends_on + timedelta(days=5)
    details = run_query(qtbot, worker, lambda db: load_campaign(db, pid, today))
    panel = CampaignPanel()
    qtbot.addWidget(panel)
    panel.show_details(details, today)
    assert details.checks == [] and details.review is not None
    assert (details.review.total.units, details.review.total.baseline_units) == (4, 2)
    assert "+100.0 %" in panel.review_note.text()
    assert panel.review_table.rowCount() == 1
    curves = panel.plot.getPlotItem().listDataItems()
    assert [list(c.yData) for c in curves] == [[0.0, 2.0, 0.0], [2.0, 2.0, 0.0]]  # 29–31 October, then 1–3 November
    assert all(c.opts.get("clipToView") for c in curves)


def test_a_running_campaign_is_reviewed_day_for_day_on_whole_days(qtbot, qapp, worker) -> None:  # noqa: ANN001
    from shopkeeper.ui.i18n import Translations

    assert Translations().install(qapp, "en")  # the English plural forms
    pid = run_query(qtbot, worker, _shop)
    today = date(2026, 11, 2)  # day 2 of 3
    details = run_query(qtbot, worker, lambda db: load_campaign(db, pid, today))
    panel = CampaignPanel()
    qtbot.addWidget(panel)
    panel.show_details(details, today)
    review = details.review
    # 1–2 November (4 units) against 30–31 October (2 units), not against the three days before.
    assert (len(review.days), review.campaign_days, review.total.units, review.total.baseline_units) == (2, 3, 4, 2)
    text = panel.review_note.text()
    assert text.startswith("So far, day 2 of 3") and "+100.0 %" in text and "USD" in text
    assert "0 new buyers" in text
    ticks = panel.plot.getAxis("bottom")._tickLevels
    assert [v for v, _label in ticks[0]] == [1.0, 2.0]


def test_the_template_dialog_saves_every_changed_task_as_one_undo_step(qtbot, worker) -> None:  # noqa: ANN001
    from shopkeeper.services.campaign_tasks import template
    from shopkeeper.ui.dialogs.checklist_template_dialog import ChecklistTemplateDialog
    from tests.gui.conftest import wait_idle

    dialog = ChecklistTemplateDialog(worker)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert dialog.table.rowCount() == 7 and dialog.table.item(0, 0).text().startswith("Sign up")
    dialog.table.item(0, 1).setText("28")
    dialog.table.item(2, 0).setText("Banners for the live room")
    dialog.save()
    wait_idle(qtbot, worker)
    assert dialog.error.isHidden(), dialog.error.text()
    saved = {t.task_key: (t.name, t.days_before) for t in run_query(qtbot, worker, template)}
    assert saved["signup"][1] == 28 and saved["visuals"] == ("Banners for the live room", 10)
    run_query(qtbot, worker, lambda db: undo(db, who="t"))
    saved = {t.task_key: (t.name, t.days_before) for t in run_query(qtbot, worker, template)}
    assert saved["signup"][1] == 21 and saved["visuals"][1] == 10 and not isinstance(saved["visuals"][0], str)


def test_the_editor_shows_the_saved_campaigns_worst_margin_and_stock(qtbot, worker) -> None:  # noqa: ANN001
    from shopkeeper.services.campaigns import plan_of
    from shopkeeper.ui.dialogs.campaign_dialog import CampaignDialog
    from tests.gui.conftest import wait_idle

    pid = run_query(qtbot, worker, _shop)
    plan = run_query(qtbot, worker, lambda db: plan_of(db, pid))
    dialog = CampaignDialog(None, worker=worker, today=date(2026, 10, 20), plan=plan, promotion_id=pid)
    qtbot.addWidget(dialog)
    wait_idle(qtbot, worker)
    assert not dialog.checks.isHidden()
    assert "worst margin -1.7 %" in dialog.checks.text() and "below cost" in dialog.checks.text()
