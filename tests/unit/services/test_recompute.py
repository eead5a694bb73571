"""Recompute: tiers and points follow the data in every import and undo, and only there."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))

from export_files import SHOPIFY_ORDERS, import_ok, write_export  # noqa: E402

from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.domain.changes import Area, Changes  # noqa: E402
from shopkeeper.services.imports import undo_import  # noqa: E402
from shopkeeper.services.recompute import recompute, recompute_if_stale  # noqa: E402
from shopkeeper.services.shop_files import open_shop  # noqa: E402

TODAY = date.today()  # imports recompute for the computer's today; the orders are placed relative to it


def _order(number: int, email: str, days_ago: int, total: str, *, status: str = "paid",
           refunded: str = "0.00") -> dict[str, str]:
    at = (datetime.now(UTC) - timedelta(days=days_ago)).strftime("%Y-%m-%d %H:%M:%S +0000")
    return {"Name": f"#{number}", "Email": email, "Financial Status": status, "Paid at": at,
            "Fulfillment Status": "fulfilled", "Currency": "USD", "Subtotal": total, "Total": total,
            "Created at": at, "Lineitem quantity": "1", "Lineitem name": "Tea set", "Lineitem price": total,
            "Lineitem sku": "TEA-SET", "Refunded Amount": refunded, "Id": f"{9_000_000 + number}"}


def _first_file(folder: Path) -> Path:
    # Ann: four orders of 400 in the last months (silver: 1000 and 3 orders); Bob: one small one.
    rows = [_order(1001 + i, "ann@example.com", 10 + 20 * i, "400.00") for i in range(4)]
    rows.append(_order(1010, "bob@example.com", 5, "25.50"))
    return write_export(folder / "orders_export.csv", SHOPIFY_ORDERS, rows)


def _refund_file(folder: Path) -> Path:
    # The same export a week later: two of Ann's orders were refunded in full.
    rows = [_order(1001, "ann@example.com", 10, "400.00", status="refunded", refunded="400.00"),
            _order(1002, "ann@example.com", 30, "400.00", status="refunded", refunded="400.00")]
    return write_export(folder / "orders_export_later.csv", SHOPIFY_ORDERS, rows)


def _figures(db: Database) -> tuple[list[tuple], list[tuple]]:
    tiers = db.fetchall("SELECT m.display_name, m.tier_code FROM members m ORDER BY 1")
    ledger = db.fetchall("SELECT member_id, reason, order_id, points, occurred_at, expires_at FROM points_ledger "
                         "ORDER BY ALL")
    return tiers, ledger


def _member_of(db: Database, email: str) -> str:
    return str(db.scalar("SELECT member_id FROM buyers WHERE email = ?", [email]))


def test_an_imported_shop_has_tiers_above_the_lowest_and_points(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _first_file(tmp_path))
    ann, bob = _member_of(shop, "ann@example.com"), _member_of(shop, "bob@example.com")
    tiers = dict(shop.fetchall("SELECT member_id, tier_code FROM members"))
    assert tiers == {ann: "silver", bob: "bronze"}
    balance = dict(shop.fetchall("SELECT member_id, sum(points) FROM points_ledger GROUP BY 1"))
    # The shop counts in its orders' dollars (no base currency set). Each order earns at the tier held
    # on its day, from the orders before it: bronze ×1 until three orders and 1000, then silver ×1.25.
    assert balance == {ann: 400 + 400 + 400 + 500, bob: 25}
    assert shop.scalar("SELECT count(*) FROM points_ledger WHERE batch_id IS NOT NULL") == 0


def test_undoing_an_import_puts_tiers_and_points_back(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _first_file(tmp_path))
    before = _figures(shop)
    outcome = import_ok(shop, _refund_file(tmp_path))[0]
    ann = _member_of(shop, "ann@example.com")
    # Two of four orders refunded: 800 and 2 orders is below silver; their points are taken back
    # (and the newest one, no longer preceded by three sales, earned at bronze).
    assert shop.scalar("SELECT tier_code FROM members WHERE member_id = ?", [ann]) == "bronze"
    assert shop.fetchall("SELECT order_id, points FROM points_ledger WHERE reason = 'refund' ORDER BY 1") == [
        ("9001001", -400), ("9001002", -400)]
    assert outcome.batch_id is not None
    undo_import(shop, outcome.batch_id)
    assert _figures(shop) == before


def test_recompute_twice_changes_nothing(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _first_file(tmp_path))
    # The day the import recomputed for (the module's TODAY may be yesterday when a run crosses midnight).
    noted = shop.scalar("SELECT value FROM shop_settings WHERE key = 'recomputed_for'")
    day = date.fromisoformat(noted) if noted else date.today()
    with shop.transaction():
        first = recompute(shop, day)
    ids = shop.fetchall("SELECT * FROM points_ledger ORDER BY entry_id")
    with shop.transaction():
        again = recompute(shop, day)
    assert first == again == Changes()  # the import already recomputed
    assert shop.fetchall("SELECT * FROM points_ledger ORDER BY entry_id") == ids


def test_points_expire_and_tiers_lapse_as_days_pass(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _first_file(tmp_path))
    ann = _member_of(shop, "ann@example.com")
    later = TODAY + timedelta(days=400)
    with shop.transaction():
        changes = recompute(shop, later)
    assert changes == Changes.of(Area.MEMBERS)
    # Reviewed on the anniversary of her first order: the 1600 of her first membership year keep silver
    # for the next one (downgrades only at a review, domain/tiers.py); the review after that drops her.
    assert shop.scalar("SELECT tier_code FROM members WHERE member_id = ?", [ann]) == "silver"
    with shop.transaction():
        recompute(shop, TODAY + timedelta(days=800))
    assert shop.scalar("SELECT tier_code FROM members WHERE member_id = ?", [ann]) == "bronze"
    assert shop.fetchall("SELECT tier_code, change FROM member_tier_history WHERE member_id = ? ORDER BY from_day",
                         [ann]) == [("bronze", "start"), ("silver", "up"), ("bronze", "down")]
    # Every credit is over a year old: all of it expired, oldest first, and nothing is left.
    assert shop.scalar("SELECT sum(points) FROM points_ledger WHERE member_id = ?", [ann]) == 0
    assert shop.fetchall("SELECT points FROM points_ledger WHERE member_id = ? AND reason = 'expire' "
                         "ORDER BY occurred_at", [ann]) == [(-400,), (-400,), (-400,), (-500,)]


def test_redeemed_points_are_spent_before_they_expire(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _first_file(tmp_path))
    ann = _member_of(shop, "ann@example.com")
    with shop.transaction():
        shop.execute("INSERT INTO points_ledger (entry_id, member_id, occurred_at, points, reason) "
                     "VALUES (nextval('points_entry_seq'), ?, now(), -600, 'redeem')", [ann])
        recompute(shop, TODAY + timedelta(days=400))
    # 600 spent from the oldest credits (400, then 200 of the next): 1100 expire.
    assert shop.fetchall("SELECT points FROM points_ledger WHERE member_id = ? AND reason = 'expire' "
                         "ORDER BY occurred_at", [ann]) == [(-200,), (-400,), (-500,)]
    assert shop.scalar("SELECT sum(points) FROM points_ledger WHERE member_id = ?", [ann]) == 0


def test_opening_a_shop_on_a_later_day_recomputes_it(tmp_path: Path) -> None:
    db = open_shop(tmp_path / "s.duckdb", backups_dir=tmp_path / "bk", today=TODAY)
    try:
        import_ok(db, _first_file(tmp_path))
        assert recompute_if_stale(db, TODAY) == Changes()
    finally:
        db.close()
    db = open_shop(tmp_path / "s.duckdb", backups_dir=tmp_path / "bk", today=TODAY + timedelta(days=800))
    try:
        assert db.scalar("SELECT value FROM shop_settings WHERE key = 'recomputed_for'") == \
            (TODAY + timedelta(days=800)).isoformat()
        assert db.scalar("SELECT count(*) FROM members WHERE tier_code <> 'bronze'") == 0
        assert db.scalar("SELECT count(*) FROM points_ledger WHERE reason = 'expire'") > 0
    finally:
        db.close()


@pytest.mark.samples
def test_real_exports_earn_points(shop: Database, samples_dir: Path) -> None:
    from shopkeeper.services.exchange_rates import save_exchange_rates

    files = sorted(p for p in samples_dir.rglob("*.csv") if "order" in p.name.lower())
    import_ok(shop, *files)
    # The Tmall report's orders are most of the shop, so yuan is the base; the seller gives the other rates.
    save_exchange_rates(shop, who="test", base="CNY", rates={"EUR": "7.80", "USD": "7.10", "ZAR": "0.39"})
    # As of the day after each shop's last order, so the points have not expired yet.
    last = shop.scalar("SELECT max(sk_order_day(ordered_at, ordered_tz)) FROM orders")
    with shop.transaction():
        recompute(shop, last)
    earned = dict(shop.fetchall(
        "SELECT split_part(p.shop_id, ':', 1), sum(points) FROM points_ledger p WHERE reason = 'order' GROUP BY 1"))
    # Shopify's and Etsy's buyers are members; the Tmall report names no buyer, so no one earns on it.
    assert earned.get("shopify", 0) > 10_000 and earned.get("etsy", 0) > 1_000
    assert "taobao" not in earned
    # Every member of a sold order with a rate earned something; refunded orders earned nothing net.
    assert shop.scalar("""
        SELECT count(*) FROM orders o JOIN buyers b USING (shop_id, buyer_id)
        WHERE o.status = 'refunded' AND (SELECT coalesce(sum(points), 0) FROM points_ledger p
                                         WHERE p.shop_id = o.shop_id AND p.order_id = o.order_id
                                           AND p.reason IN ('order', 'refund')) <> 0""") == 0


def test_derived_entry_ids_are_those_older_versions_stored(shop: Database, tmp_path: Path) -> None:
    # Shops recomputed by an earlier Shopkeeper hold ids made with `md5_number(key) % 2^59`; the mask
    # used now must give the very same ids, or the first recompute after an update would rewrite the
    # whole ledger and undo could no longer give it back id for id.
    import_ok(shop, _first_file(tmp_path))
    with shop.transaction():
        recompute(shop, TODAY + timedelta(days=800))  # 'expire' entries too, keyed by credit
    stored = shop.fetchall("SELECT entry_id, member_id, reason, shop_id, order_id FROM points_ledger ORDER BY 1")
    assert {r[2] for r in stored} == {"order", "expire"}
    for entry_id, member, reason, shop_id, order_id in stored:
        key = chr(31).join([member, shop_id, order_id])  # an expiry of an order credit: member + credit key
        rank = {"order": 0, "refund": 1, "expire": 2}[reason]
        old = shop.scalar("SELECT 4611686018427387904 + CAST(md5_number(?) % 576460752303423488 AS BIGINT) * 4 + ?",
                          [key, rank])
        assert entry_id == old
