"""The loyalty programme a seller runs on real orders: earn rules, pending points, claw-backs, manual entries,
tier settings with a preview, and every change undoable with the ledger exact."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))

from export_files import SHOPIFY_ORDERS, import_ok, write_export  # noqa: E402

from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.domain.commands import ChangeRefused  # noqa: E402
from shopkeeper.services.change_sets import redo, undo  # noqa: E402
from shopkeeper.services.imports import undo_import  # noqa: E402
from shopkeeper.services.loyalty import preview_tiers, programme, save_programme  # noqa: E402
from shopkeeper.services.points_entries import add_entry, balance  # noqa: E402

TODAY = date.today()
NOW = datetime.now(UTC).replace(microsecond=0)  # one instant: an export written again says the same times


def _order(number: int, email: str, days_ago: int, total: str, *, status: str = "paid",
           refunded: str = "0.00") -> dict[str, str]:
    at = (NOW - timedelta(days=days_ago)).strftime("%Y-%m-%d %H:%M:%S +0000")
    return {"Name": f"#{number}", "Email": email, "Financial Status": status, "Paid at": at,
            "Fulfillment Status": "fulfilled", "Currency": "USD", "Subtotal": total, "Total": total,
            "Created at": at, "Lineitem quantity": "1", "Lineitem name": "Tea set", "Lineitem price": total,
            "Lineitem sku": "TEA-SET", "Refunded Amount": refunded, "Id": f"{9_000_000 + number}"}


def _orders_file(folder: Path, name: str = "orders_export.csv", **changed: dict[str, str]) -> Path:
    # Ann: four orders of 400 (one of them 5 days old, still in the return window); Bob: one of 25.50.
    rows = {1001 + i: _order(1001 + i, "ann@example.com", 5 + 20 * i, "400.00") for i in range(4)}
    rows[1010] = _order(1010, "bob@example.com", 40, "25.50")
    for number, row in changed.items():
        rows[int(number)] = row
    return write_export(folder / name, SHOPIFY_ORDERS, rows.values())


def _ledger(db: Database) -> list[tuple]:
    return db.fetchall("SELECT entry_id, member_id, occurred_at, points, reason, order_id, expires_at, available_at,"
                       " note FROM points_ledger ORDER BY entry_id")


def _member(db: Database, email: str) -> str:
    return str(db.scalar("SELECT member_id FROM buyers WHERE email = ?", [email]))


def test_points_wait_out_the_return_window_and_balance_is_the_ledger(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders_file(tmp_path))
    ann = _member(shop, "ann@example.com")
    points = balance(shop, ann)
    # 400 + 400 + 400 at bronze, then 500 at silver ×1.25 (5 days ago: still pending, 15-day window).
    assert (points.available, points.pending) == (1200, 500)
    assert points.available + points.pending == shop.scalar(
        "SELECT sum(points) FROM points_ledger WHERE member_id = ?", [ann])
    assert balance(shop, ann, now=datetime.now(UTC) + timedelta(days=11)).pending == 0


def test_reimporting_the_same_orders_changes_nothing_and_undo_is_exact(shop: Database, tmp_path: Path) -> None:
    first = import_ok(shop, _orders_file(tmp_path))[0]
    before = _ledger(shop)
    import_ok(shop, _orders_file(tmp_path, "orders_export_again.csv"))
    assert _ledger(shop) == before  # no double award
    # A partial refund of 100 on the 400 earned at ×1.25: 500 → 375, a claw-back of 125.
    later = _orders_file(tmp_path, "orders_export_refund.csv",
                         **{"1001": _order(1001, "ann@example.com", 5, "400.00", status="partially_refunded",
                                           refunded="100.00")})
    refund = import_ok(shop, later)[0]
    assert shop.fetchall("SELECT order_id, points FROM points_ledger WHERE reason = 'refund'") == [("9001001", -125)]
    assert refund.batch_id is not None and first.batch_id is not None
    undo_import(shop, refund.batch_id)
    assert _ledger(shop) == before


def test_a_platform_rate_and_a_bonus_event_are_one_undoable_save(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders_file(tmp_path))
    before = _ledger(shop)
    bob = _member(shop, "bob@example.com")
    day = (datetime.now(UTC) - timedelta(days=40)).date()
    events = f'[{{"name": "Launch", "from": "{day - timedelta(days=1)}", "to": "{day + timedelta(days=1)}", ' \
             f'"platform": "shopify", "multiply": "3", "add": 10}}]'
    result = save_programme(shop, who="test", settings={"points_rate.shopify": "2", "bonus_events": events})
    assert result.change_set_id is not None
    # 25.50 × 2 × 3 = 153, + 10.
    assert shop.scalar("SELECT points FROM points_ledger WHERE member_id = ? AND reason = 'order'", [bob]) == 163
    undo(shop, who="test")
    assert _ledger(shop) == before
    redo(shop, who="test")
    assert shop.scalar("SELECT points FROM points_ledger WHERE member_id = ? AND reason = 'order'", [bob]) == 163


def test_a_bad_setting_is_refused_whole(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders_file(tmp_path))
    with pytest.raises(ChangeRefused):
        save_programme(shop, who="test", settings={"points_return_days": "7", "tier_window": "fortnight"})
    assert shop.scalar("SELECT count(*) FROM loyalty_settings") == 0


def test_the_tier_preview_lists_moves_and_writes_nothing(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders_file(tmp_path))
    tiers = {t.code: t for t in programme(shop).tiers}
    assert [(t.code, t.threshold) for t in tiers.values()] == [
        ("bronze", 0), ("silver", 1000), ("gold", 3000), ("vip", 8000)]
    ann = _member(shop, "ann@example.com")
    before = (_ledger(shop), shop.fetchall("SELECT * FROM members ORDER BY ALL"),
              shop.fetchall("SELECT * FROM tiers ORDER BY ALL"))
    cheaper = [replace(tiers["silver"], threshold=Decimal(20)), *(t for c, t in tiers.items() if c != "silver")]
    preview = preview_tiers(shop, settings={}, tiers=cheaper, today=TODAY)
    assert (preview.up, preview.down) == (1, 0)
    assert [(m.name, m.tier_from, m.tier_to) for m in preview.moves][0][1:] == ("bronze", "silver")
    by_orders = preview_tiers(shop, settings={"tier_basis": "orders"},
                              tiers=[replace(t, threshold=Decimal(t.rank - 1) * 3) for t in tiers.values()],
                              today=TODAY)
    assert by_orders.members_by_tier == {"silver": 1, "bronze": 1}  # Ann: 4 orders
    assert before == (_ledger(shop), shop.fetchall("SELECT * FROM members ORDER BY ALL"),
                      shop.fetchall("SELECT * FROM tiers ORDER BY ALL"))
    save_programme(shop, who="test", settings={}, tiers=cheaper)
    assert shop.scalar("SELECT tier_code FROM members WHERE member_id = ?", [ann]) == "silver"
    assert shop.scalar("SELECT tier_code FROM members WHERE member_id = ?", [_member(shop, "bob@example.com")]) \
        == "silver"
    undo(shop, who="test")
    assert before == (_ledger(shop), shop.fetchall("SELECT * FROM members ORDER BY ALL"),
                      shop.fetchall("SELECT * FROM tiers ORDER BY ALL"))


def test_adjustments_and_redemptions_are_undoable_ledger_entries(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders_file(tmp_path))
    ann = _member(shop, "ann@example.com")
    before = _ledger(shop)
    with pytest.raises(ChangeRefused):  # 1700 earned, but 500 still pending
        add_entry(shop, ann, 1500, reason="redeem", note=None, who="test")
    with pytest.raises(ChangeRefused):
        add_entry(shop, ann, 50, reason="adjust", note="  ", who="test")
    gift = add_entry(shop, ann, 50, reason="adjust", note="Parcel arrived late", who="test")
    spent = add_entry(shop, ann, 1250, reason="redeem", note=None, who="test")
    assert balance(shop, ann).available == 0
    assert shop.fetchall("SELECT points, reason, note, batch_id FROM points_ledger WHERE batch_id IS NOT NULL "
                         "ORDER BY entry_id") == [(50, "adjust", "Parcel arrived late", gift.change_set_id),
                                                  (-1250, "redeem", None, spent.change_set_id)]
    undo(shop, who="test")
    undo(shop, who="test")
    assert _ledger(shop) == before
    redo(shop, who="test")
    assert balance(shop, ann).available == 1250


def test_annual_expiry_clears_last_years_points_on_the_chosen_day(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _orders_file(tmp_path))
    save_programme(shop, who="test", settings={"points_expiry_model": "annual", "points_expiry_month_day": "06-30"})
    expires = shop.fetchall("SELECT DISTINCT expires_at FROM points_ledger WHERE reason = 'order'")
    years = {datetime.now(UTC).year + 1, (datetime.now(UTC) - timedelta(days=65)).year + 1}
    assert {e[0].astimezone(UTC) for e in expires} <= {datetime(y, 7, 1, tzinfo=UTC) for y in years}


def test_the_member_panel_figures_say_how_far_the_next_tier_is(shop: Database, tmp_path: Path) -> None:
    from shopkeeper.domain.tiers import add_years
    from shopkeeper.services.member_loyalty import member_loyalty

    import_ok(shop, _orders_file(tmp_path))
    ann = _member(shop, "ann@example.com")
    figures = member_loyalty(shop, ann, TODAY, chinese=False)
    assert figures is not None
    assert (figures.tier, figures.next_tier) == ("Silver", "Gold")
    assert figures.progress.basis == 1600 and figures.progress.to_next == 1400
    first = (NOW - timedelta(days=65)).date()
    assert figures.progress.review == add_years(first, 1)
    assert figures.progress.to_keep == 0  # 1600 this membership year already keeps silver (1000)
    assert [(h.tier, h.change) for h in figures.history] == [("Bronze", "start"), ("Silver", "up")]
    assert (figures.points.available, figures.points.pending) == (1200, 500)


@pytest.mark.samples
def test_real_exports_give_tiers_history_and_pending_points(shop: Database, samples_dir: Path) -> None:
    from shopkeeper.services.exchange_rates import save_exchange_rates
    from shopkeeper.services.recompute import recompute

    files = sorted(p for p in samples_dir.rglob("*.csv") if "order" in p.name.lower())
    import_ok(shop, *files)
    save_exchange_rates(shop, who="test", base="CNY", rates={"EUR": "7.80", "USD": "7.10", "ZAR": "0.39"})
    # As of the Shopify excerpt's last day (the Tmall report names no buyer, so it makes no members).
    last = shop.scalar("SELECT max(sk_order_day(ordered_at, ordered_tz)) FROM orders WHERE shop_id LIKE 'shopify:%'")
    with shop.transaction():
        recompute(shop, last)
    # Tiers above the lowest and their history, from real orders only.
    assert shop.scalar("SELECT count(*) FROM members WHERE tier_code <> 'bronze'") > 0
    assert shop.scalar("SELECT count(*) FROM member_tier_history WHERE tier_code <> 'bronze'") > 0
    # The last fortnight's points are pending as of the last order's day, and a balance is its ledger.
    as_of = datetime.combine(last, datetime.min.time(), tzinfo=UTC)
    # (A member whose pending order was refunded in full has pending entries that add up to nothing: pick one whose
    # pending points are real.)
    member, pending = shop.fetchone(
        "SELECT member_id, sum(points) FROM points_ledger WHERE available_at > ? GROUP BY member_id"
        " HAVING sum(points) > 0 ORDER BY member_id LIMIT 1", [as_of]) or (None, 0)
    assert member is not None
    points = balance(shop, str(member), now=as_of)
    assert points.pending == pending > 0
    assert points.available + points.pending == shop.scalar(
        "SELECT sum(points) FROM points_ledger WHERE member_id = ?", [member])
    # Importing the same exports again awards nothing twice.
    before = _ledger(shop)
    import_ok(shop, *files)
    with shop.transaction():
        recompute(shop, last)
    assert _ledger(shop) == before


def test_a_bonus_event_names_a_platform_by_its_code_or_is_refused(shop: Database, tmp_path: Path) -> None:
    from shopkeeper.domain.message_texts import english

    import_ok(shop, _orders_file(tmp_path))
    before = _ledger(shop)
    day = (datetime.now(UTC) - timedelta(days=40)).date()
    # What a seller types for Taobao or Shopify is no platform's code: it would silently earn no bonus.
    for typed in ("Taobao", "淘宝/天猫", "Shopify"):
        events = f'[{{"name": "Launch", "from": "{day}", "to": "{day}", "platform": "{typed}", "multiply": "3"}}]'
        with pytest.raises(ChangeRefused) as refused:
            save_programme(shop, who="test", settings={"bonus_events": events})
        assert refused.value.message.code == "edit.refused.bonus_platform"
        assert f'"{typed}"' in english(refused.value.message)
    assert _ledger(shop) == before and shop.scalar("SELECT count(*) FROM loyalty_settings") == 0
    # The dialog offers the codes (with their labels): each is accepted, and none (every platform) too.
    from shopkeeper.services.loyalty import bonus_platforms

    assert {"taobao", "shopify", "jd", "douyin"} <= set(bonus_platforms(programme(shop).platforms))
    events = f'[{{"name": "Launch", "from": "{day}", "to": "{day}", "platform": "shopify", "multiply": "3"}}]'
    assert save_programme(shop, who="test", settings={"bonus_events": events}).change_set_id is not None


def test_points_entries_are_labelled_with_the_members_name_and_grouped_numbers(shop: Database,
                                                                              tmp_path: Path) -> None:
    from shopkeeper.domain.message_texts import english

    import_ok(shop, _orders_file(tmp_path))
    ann = _member(shop, "ann@example.com")
    name = shop.scalar("SELECT display_name FROM members WHERE member_id = ?", [ann])
    gift = add_entry(shop, ann, 1500, reason="adjust", note="Loyal customer", who="test")
    spent = add_entry(shop, ann, 1200, reason="redeem", note=None, who="test")
    assert english(gift.message) == f"points of {name}: +1,500"
    assert english(spent.message) == f"redemption of {name}: 1,200 points"
    assert name and ann not in english(spent.message)
