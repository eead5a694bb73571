"""RFM segments as a seller meets them: each named segment pinned on a small shop, the overview reconciles,
the target list masks, and a shop built from real exports is scored."""

from __future__ import annotations

import csv
import re
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_files import import_ok  # noqa: E402
from segments_shop import PATTERNS, PER_PATTERN, TODAY, seed_segments_shop  # noqa: E402

from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.domain.message_texts import english  # noqa: E402
from shopkeeper.domain.rfm import PROSPECTS, SEGMENTS, month_before  # noqa: E402
from shopkeeper.services.exchange_rates import save_exchange_rates  # noqa: E402
from shopkeeper.services.member_reports import member_rows  # noqa: E402
from shopkeeper.services.member_segments import segment_overview, target_list, write_target_list  # noqa: E402
from shopkeeper.services.membership import members_source  # noqa: E402


@pytest.fixture
def small_shop(shop: Database) -> Database:
    seed_segments_shop(shop)
    return shop


def test_each_named_segment_is_where_a_seller_expects_it(small_shop: Database) -> None:
    got = dict(small_shop.fetchall("SELECT member_id, segment FROM sk_rfm(?)", [TODAY]))
    assert got == {f"{s}-{k}": s for s, _o, _d in PATTERNS for k in range(PER_PATTERN)}
    rows = small_shop.fetchall(f"SELECT member_id, segment FROM ({members_source(TODAY, chinese=False).base_sql})",
                               list(members_source(TODAY, chinese=False).params))
    assert dict(rows)["nobody"] == PROSPECTS


def test_the_churn_flag_follows_each_members_own_rhythm(small_shop: Database) -> None:
    risk = {m.rsplit("-", 1)[0] for m, flag in small_shop.fetchall("SELECT member_id, churn_risk FROM sk_rfm(?)",
                                                                   [TODAY]) if flag}
    # Every 20 days: past 30 days without an order is a risk. One-order members are never flagged.
    assert risk == {"loyal", "potential_loyalists", "need_attention", "at_risk", "cant_lose"}


def test_overview_sizes_shares_and_movement(small_shop: Database) -> None:
    o = segment_overview(small_shop, TODAY)
    sizes = {s.segment: s for s in o.segments}
    assert [s.segment for s in o.segments] == [*SEGMENTS, PROSPECTS]
    assert {k: s.members for k, s in sizes.items()} == {**{s: PER_PATTERN for s in SEGMENTS}, PROSPECTS: 1}
    assert o.scoring == "fixed" and o.members_with_orders == 50 and o.compared_with == month_before(TODAY)
    # Spend reconciles to the cent: 26 orders of 100 per pattern round.
    assert sum((s.spend for s in o.segments), Decimal(0)) == o.spend == Decimal(26 * PER_PATTERN * 100)
    assert sizes["cant_lose"].revenue_share == Decimal("23.1")  # 6 of 26 orders
    # A month ago the new customers had not ordered yet; the five 'promising' (50 days) were new then.
    moves = {(m.segment_before, m.segment_now): m.members for m in o.moves}
    assert moves[(PROSPECTS, "new_customers")] == PER_PATTERN
    assert moves[("new_customers", "promising")] == PER_PATTERN
    assert sizes["new_customers"].came_in == PER_PATTERN and sizes[PROSPECTS].before == 1 + PER_PATTERN
    assert (o.repurchasers, o.repurchase_rate) == (6 * PER_PATTERN, Decimal("60.0"))
    assert o.median_days_to_second == Decimal("20.0")


def test_target_list_masks_unless_asked_and_writes_a_csv(small_shop: Database, tmp_path: Path) -> None:
    targets = target_list(small_shop, TODAY, filters=["segment:cant_lose", "churn_risk"])
    assert sorted(t.member_id for t in targets) == [f"cant_lose-{k}" for k in range(PER_PATTERN)]
    first = targets[0]
    assert first.email is not None and re.fullmatch(r"c\*\*\*@example\.com", first.email)
    assert first.phone == "861****5678" and first.name == "A**"
    assert first.buyer_ids == ("shopify:c***@example.com",) and first.platforms == ("shopify",)
    assert first.action.code == "export.target_action.cant_lose"
    revealed = target_list(small_shop, TODAY, filters=["segment:cant_lose"], show_pii=True)
    assert revealed[0].email is not None and revealed[0].email.endswith("@example.com") and "*" not in revealed[0].email
    path = tmp_path / "targets.csv"
    assert write_target_list(path, targets, english, str) == PER_PATTERN
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == PER_PATTERN and rows[0]["suggested_action"].startswith("Contact them personally")
    assert not any("cant_lose-0@example.com" in v for r in rows for v in r.values())


def test_the_members_report_masks_personal_data(small_shop: Database) -> None:
    members = {m["member_id"]: m for m in member_rows(small_shop, TODAY)}
    champion = members["champions-0"]
    required = {"member_id", "platforms", "orders", "spend", "last_order", "segment", "tier", "points",
                "points_pending", "churn_risk"}
    assert required <= set(champion)
    assert (champion["platforms"], champion["orders"], champion["spend"], champion["segment"]) == \
        (["shopify"], 5, "500.00", "champions")
    assert champion["last_order"] == (TODAY - timedelta(days=10)).isoformat() and champion["rfm"] == "555"
    assert members["nobody"]["segment"] == PROSPECTS and members["nobody"]["orders"] == 0
    assert not any("@example.com" in str(v) and "***" not in str(v) for m in members.values() for v in m.values())
    shown = {m["member_id"]: m for m in member_rows(small_shop, TODAY, show_pii=True)}
    assert shown["champions-0"]["email"] == "champions-0@example.com"


@pytest.mark.samples
def test_a_shop_of_real_exports_is_scored(shop: Database, samples_dir: Path) -> None:
    files = sorted(p for p in samples_dir.rglob("*.csv") if "order" in p.name.lower())
    import_ok(shop, *files)
    save_exchange_rates(shop, who="test", base="CNY", rates={"EUR": "7.80", "USD": "7.10", "ZAR": "0.39"})
    day = shop.scalar("SELECT max(sk_order_day(ordered_at, ordered_tz)) FROM orders")
    o = segment_overview(shop, day)
    members = int(shop.scalar("SELECT count(*) FROM members"))
    assert sum(s.members for s in o.segments) == members
    # Shopify's, Etsy's and WooCommerce's buyers: under a hundred, so fixed thresholds score them.
    assert o.scoring == "fixed" and o.members_with_orders >= 50
    # The Tmall report names no buyer: its sold orders count in sales and are said to belong to no member.
    # (with the few Shopify and Etsy orders of the excerpts whose e-mail was redacted)
    assert o.orders_without_buyer == shop.scalar("SELECT count(*) FROM sk_sales() WHERE buyer_id IS NULL AND day <= ?",
                                                 [day])
    assert shop.scalar("SELECT count(*) FROM sk_sales() WHERE buyer_id IS NULL AND shop_id LIKE 'taobao:%'") > 10_000
    # The segments' spend is every member's net spend of sold orders in the base currency, each to the cent as the
    # Members table shows it, so the total is the tier cards' and `report members`' too.
    total = shop.scalar("SELECT sum(round(spend, 2)) FROM (SELECT b.member_id, sum(s.net_base) AS spend FROM sk_sales() s"
                        " JOIN buyers b USING (shop_id, buyer_id) WHERE b.member_id IS NOT NULL GROUP BY b.member_id)")
    assert sum((s.spend for s in o.segments), Decimal(0)) == o.spend == total
    assert sum(1 for s in o.segments if s.members) >= 4
    rows = member_rows(shop, day)
    assert len(rows) == members
    assert all(m["email"] is None or "***@" in m["email"] for m in rows)
