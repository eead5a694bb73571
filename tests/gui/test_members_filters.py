"""The Members tab's filters a seller picks a target group with: tier, platform, points about to expire."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from shopkeeper.services.member_segments import segment_overview
from shopkeeper.services.membership import member_detail
from tests.gui.conftest import run_query, wait_idle


def _count(qtbot, app, sql: str) -> int:  # noqa: ANN001
    return int(run_query(qtbot, app.worker, lambda db: db.scalar(sql)))


def _expiring(qtbot, app) -> set[str]:  # noqa: ANN001
    # The expiry rule itself, played a month ahead: who loses points after now (the clock's instant, which the
    # table's figures are for) and within 30 days.
    now = app.window.tab_by_name("members")._clock.now()
    rows = run_query(qtbot, app.worker, lambda db: db.fetchall(
        "SELECT member_id FROM sk_points_expired('sk_earned_entries', CAST(? AS TIMESTAMPTZ) + INTERVAL 30 DAY)"
        " WHERE occurred_at > ? GROUP BY member_id HAVING sum(points) < 0", [now, now]))
    return {r[0] for r in rows}


def _shown(qtbot, app, tab) -> set[str]:  # noqa: ANN001
    model = tab.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    wait_idle(qtbot, app.worker)
    return {model.row_values(r)[0] for r in range(model.rowCount())}


def test_tier_platform_and_expiring_points_narrow_the_table(qtbot, app) -> None:  # noqa: ANN001
    app.window.show_tab("members")
    tab = app.window.members
    wait_idle(qtbot, app.worker)
    gold = _count(qtbot, app, "SELECT count(*) FROM members WHERE tier_code = 'gold'")
    tab.tier_filter.setCurrentIndex(tab.tier_filter.findData("tier:gold"))
    wait_idle(qtbot, app.worker)
    assert tab.model.rowCount() == gold > 0
    tab.platform_filter.setCurrentIndex(tab.platform_filter.findData("platform:taobao"))
    wait_idle(qtbot, app.worker)
    both = _count(qtbot, app, "SELECT count(DISTINCT m.member_id) FROM members m JOIN buyers b USING (member_id)"
                              " JOIN sk_sales() s ON s.shop_id = b.shop_id AND s.buyer_id = b.buyer_id"
                              " WHERE m.tier_code = 'gold' AND b.shop_id LIKE 'taobao:%'")
    assert tab.model.rowCount() == both < gold
    tab.tier_filter.setCurrentIndex(0)
    tab.platform_filter.setCurrentIndex(0)
    tab.expiring.setChecked(True)
    wait_idle(qtbot, app.worker)
    expected = _expiring(qtbot, app)
    assert expected and _shown(qtbot, app, tab) == expected
    tab.expiring.setChecked(False)
    wait_idle(qtbot, app.worker)


def test_the_member_panel_lists_orders_from_every_platform_and_the_points_ledger(qtbot, app) -> None:  # noqa: ANN001
    app.window.show_tab("members")
    tab = app.window.members
    tab.multi.setChecked(True)  # members buying on several platforms
    wait_idle(qtbot, app.worker)
    tab.view.selectRow(0)
    wait_idle(qtbot, app.worker)
    member = tab.model.row_values(0)[0]
    platforms = run_query(qtbot, app.worker, lambda db: db.fetchall(
        "SELECT DISTINCT split_part(o.shop_id, ':', 1) FROM orders o JOIN buyers b"
        " ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id WHERE b.member_id = ?", [member]))
    assert len(platforms) >= 2
    html = tab.detail.text()
    assert "Latest orders, every platform" in html and "Points ledger (latest)" in html
    last = run_query(qtbot, app.worker, lambda db: db.fetchone(
        "SELECT order_id FROM orders o JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id"
        " WHERE b.member_id = ? ORDER BY o.ordered_at DESC LIMIT 1", [member]))[0]
    assert last in html
    tab.multi.setChecked(False)
    wait_idle(qtbot, app.worker)


def test_spend_names_the_base_currency_in_the_header_cards_and_detail(qtbot, app) -> None:  # noqa: ANN001
    app.window.show_tab("members")
    tab = app.window.members
    wait_idle(qtbot, app.worker)
    base = run_query(qtbot, app.worker, lambda db: db.scalar("SELECT currency FROM sk_fx() WHERE is_base"))
    assert base == "CNY"  # the demo's orders are mostly in yuan and no base currency is set
    spend = tab.model.source.column_keys().index("spend")
    assert tab.model.headerData(spend, Qt.Orientation.Horizontal) == "Spend (CNY)"  # not "(base currency)"
    cards = [tab.cards.itemAt(i).widget() for i in range(tab.cards.count()) if tab.cards.itemAt(i).widget()]
    assert cards and all(" CNY" in card.findChild(QLabel).text() for card in cards)
    tab.view.selectRow(0)
    wait_idle(qtbot, app.worker)
    qtbot.waitUntil(lambda: "Spend" in tab.detail.text(), timeout=20000)
    assert "CNY" in tab.detail.text()
    # The segment summary's total too; unknown (an order without a rate) is said in words, not a bare dash.
    assert re.search(r"members with orders, [\d,]+\.\d\d CNY spent;", tab.segments.summary.text())
    overview = run_query(qtbot, app.worker, lambda db: segment_overview(db, app.clock.today()))
    tab.segments.show_overview(dataclasses.replace(overview, spend=None), "CNY")
    assert "members with orders, spend not known yet;" in tab.segments.summary.text()


def test_a_spend_waiting_for_an_exchange_rate_is_shown_in_the_members_own_currencies(qtbot, app) -> None:  # noqa: ANN001
    app.window.show_tab("members")
    tab = app.window.members
    wait_idle(qtbot, app.worker)
    tab.view.selectRow(0)
    wait_idle(qtbot, app.worker)
    member = tab.model.row_values(0)[0]
    detail = run_query(qtbot, app.worker, lambda db: member_detail(db, member, app.clock.today(), chinese=False))
    # The same member had bought in dollars and yuan, and the dollar has no rate: not "—", but what they spent.
    waiting = dataclasses.replace(detail, spend=None, spend_by_currency=(("CNY", Decimal("12.50")),
                                                                         ("USD", Decimal("1234.50"))))
    tab._show_detail(waiting)
    assert "12.50 CNY + 1,234.50 USD (set the exchange rate to count it in CNY)" in tab.detail.text()
