"""Points expire when they expire: never taken early, counted once, the same figure in the panel, the Members
table, `report members` and what a redemption allows (domain/points.py, services/points_entries.py)."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))

from export_files import SHOPIFY_ORDERS, import_ok, write_export  # noqa: E402

from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.domain.commands import ChangeRefused  # noqa: E402
from shopkeeper.services.member_reports import member_rows  # noqa: E402
from shopkeeper.services.membership import member_detail, members_source, tier_summary  # noqa: E402
from shopkeeper.services.points_entries import add_entry, balance  # noqa: E402
from shopkeeper.services.recompute import recompute  # noqa: E402

TODAY = date(2026, 12, 4)
NOW = datetime(2026, 12, 4, 22, 13, tzinfo=UTC)
EXPIRES = datetime(2026, 12, 4, 23, 1, 43, tzinfo=UTC)  # twelve months after the order


def _order(number: int, at: datetime, total: str) -> dict[str, str]:
    when = at.strftime("%Y-%m-%d %H:%M:%S +0000")
    return {"Name": f"#{number}", "Email": "ann@example.com", "Financial Status": "paid", "Paid at": when,
            "Fulfillment Status": "fulfilled", "Currency": "USD", "Subtotal": total, "Total": total,
            "Created at": when, "Lineitem quantity": "1", "Lineitem name": "Tea set", "Lineitem price": total,
            "Lineitem sku": "TEA-SET", "Refunded Amount": "0.00", "Id": f"{9_000_000 + number}"}


@pytest.fixture
def ann(shop: Database, tmp_path: Path) -> str:
    # 148 points that expire at 23:01 on 4 December; 60 more earned 10 days before "now" (still pending).
    rows = [_order(1, EXPIRES.replace(year=2025), "148.00"), _order(2, NOW - timedelta(days=10), "60.00")]
    import_ok(shop, write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS, rows))
    with shop.transaction():
        recompute(shop, TODAY)
    return str(shop.scalar("SELECT member_id FROM buyers WHERE email = 'ann@example.com'"))


def _expired(shop: Database) -> list[tuple[datetime, int]]:
    return [(at.astimezone(UTC), points) for at, points in shop.fetchall(
        "SELECT occurred_at, points FROM points_ledger WHERE reason = 'expire' ORDER BY occurred_at")]


def test_points_are_not_taken_before_they_expire(shop: Database, ann: str) -> None:
    # At 22:13 the 148 points are still the member's: no 'expire' entry ahead of time, spendable, expiring soon.
    assert _expired(shop) == []
    points = balance(shop, ann, now=NOW)
    assert (points.available, points.pending, points.expiring_soon) == (148, 60, 148)
    assert points.next_expiry == EXPIRES
    # The table, the detail, the tier cards and the report say the same: spendable now and pending apart.
    src = members_source(TODAY, chinese=False, now=NOW)
    assert shop.fetchall(f"SELECT points, points_pending, expiring_points FROM ({src.base_sql})",
                         list(src.params)) == [(148, 60, 148)]
    detail = member_detail(shop, ann, TODAY, chinese=False, now=NOW)
    assert detail is not None and (detail.points, detail.points_pending) == (148, 60)
    assert [(t["points"], t["points_pending"]) for t in tier_summary(shop, TODAY, chinese=False, now=NOW)] \
        == [(148, 60)]
    [row] = member_rows(shop, TODAY, now=NOW)
    assert (row["points"], row["points_available"], row["points_pending"]) == (208, 148, 60)
    # Redemption allows exactly what the table shows as available.
    with pytest.raises(ChangeRefused):
        add_entry(shop, ann, 149, reason="redeem", note=None, who="test", now=NOW)


def test_an_expiry_counts_once_it_has_happened_and_only_once(shop: Database, ann: str) -> None:
    later = EXPIRES + timedelta(minutes=1)
    # Expired at 23:01, before recompute has written it: gone from the balance, no longer "expiring".
    points = balance(shop, ann, now=later)
    assert (points.available, points.pending, points.expiring_soon) == (0, 60, 0)
    # Recompute for 5 December (its first instant anywhere is 10:00 UTC on the 4th) still writes nothing ...
    with shop.transaction():
        recompute(shop, TODAY + timedelta(days=1))
    assert _expired(shop) == []
    # ... for 6 December it writes the expiry at its moment, and the balance does not take it twice.
    with shop.transaction():
        recompute(shop, TODAY + timedelta(days=2))
    assert _expired(shop) == [(EXPIRES, -148)]
    assert balance(shop, ann, now=later).available == 0
    src = members_source(TODAY, chinese=False, now=later)
    assert shop.fetchall(f"SELECT points, expiring_points FROM ({src.base_sql})", list(src.params)) == [(0, 0)]
    # Seen from before it happened, it is still there and expiring soon.
    assert (balance(shop, ann, now=NOW).available, balance(shop, ann, now=NOW).expiring_soon) == (148, 148)
