"""Members' spend as the Members tab, its tier cards, its segment overview and `report members | segments` add it
up: one figure everywhere, and unknown - never 0.00 - while an order waits for an exchange rate."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from shopkeeper.cli_member_reports import member_report
from shopkeeper.db.database import Database
from shopkeeper.services.exchange_rates import save_exchange_rates
from shopkeeper.services.loyalty import save_programme
from shopkeeper.services.member_loyalty import member_loyalty
from shopkeeper.services.member_reports import member_rows
from shopkeeper.services.member_segments import segment_overview
from shopkeeper.services.membership import member_detail, members_source, tier_summary
from shopkeeper.services.recompute import recompute

D = Decimal
NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
TODAY = NOW.date()


def _table(header: Any, rows: Any) -> str:  # noqa: ANN401 - the CLI's table writer, not looked at here
    return ""


@pytest.fixture
def db(shop: Database) -> Database:
    # Chen buys in yuan (the base currency); Una and Wu in dollars, Una twice: 0.45 USD, at 7.10 once set, is
    # 3.195 yuan, half a fen that each member's spend rounds.
    with shop.transaction():
        shop.execute("INSERT INTO shops VALUES ('taobao:t', 'taobao', 't', 'CNY'), ('shopify:s', 'shopify', 's', 'USD')")
        shop.execute("INSERT INTO members (member_id, display_name, joined_at) VALUES ('mc', 'Chen', now()),"
                     " ('mu', 'Una', now()), ('mw', 'Wu', now())")
        shop.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES ('taobao:t', 'chen', 'mc'),"
                     " ('shopify:s', 'una', 'mu'), ('shopify:s', 'wu', 'mw')")
        for n, (shop_id, buyer, currency, total) in enumerate([
                ("taobao:t", "chen", "CNY", "100.00"), ("taobao:t", "chen", "CNY", "50.00"),
                ("taobao:t", "chen", "CNY", "20.00"), ("shopify:s", "una", "USD", "0.45"),
                ("shopify:s", "una", "USD", "300.00"), ("shopify:s", "wu", "USD", "0.45")]):
            shop.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency,"
                         " total, refunded_amount) VALUES (?, ?, ?, ?, '+08:00', 'completed', ?, ?, 0)",
                         [shop_id, f"o{n}", buyer, datetime(2026, 10, 1 + n, 4, tzinfo=UTC), currency, D(total)])
        recompute(shop, TODAY)
    return shop


def test_every_total_of_the_members_spend_is_the_same_figure(db: Database) -> None:
    save_exchange_rates(db, who="mei", base="CNY", rates={"USD": "7.10"})
    rows = member_rows(db, TODAY)
    # Each member's spend to the fen, as the table shows it: Una 2,133.195 (0.45 + 300 at 7.10) → 2,133.20, Wu 3.20.
    assert {r["member_id"]: r["spend"] for r in rows} == {"mc": "170.00", "mu": "2133.20", "mw": "3.20"}
    shown = sum((D(r["spend"]) for r in rows), D(0))
    cards = sum((t["spend"] for t in tier_summary(db, TODAY, chinese=False)), D(0))
    overview = segment_overview(db, TODAY)
    segments = sum((s.spend for s in overview.segments if s.spend is not None), D(0))
    # The sum of what is shown, not the rounded sum of the unrounded spend (2,306.39).
    assert shown == cards == overview.spend == segments == D("2306.40")
    data, _text = member_report(db, "segments", TODAY, show_pii=False, table=_table)
    assert data["spend"] == "2306.40"
    assert sum(D(s["spend"]) for s in data["segments"]) == D("2306.40")


def test_without_a_rate_the_spend_counted_is_unknown_not_nought(db: Database) -> None:
    # The segments: a segment holding a member of unknown spend has none, and no share; the total neither.
    overview = segment_overview(db, TODAY)
    assert overview.spend is None
    assert all(s.revenue_share is None for s in overview.segments)
    data, _text = member_report(db, "segments", TODAY, show_pii=False, table=_table)
    assert data["spend"] is None and all(s["revenue_share"] is None for s in data["segments"])
    assert {"segment", "members", "spend", "revenue_share"} <= set(data["segments"][0])
    unknown = [s for s in data["segments"] if s["members"] and s["spend"] is None]
    assert unknown and all(s["spend"] is not None for s in data["segments"] if not s["members"])
    # What she spent is still there to read, in her currency, until the rate comes.
    detail = member_detail(db, "mu", TODAY, chinese=False, now=NOW)
    assert detail is not None and detail.spend is None and detail.spend_by_currency == (("USD", D("300.45")),)
    una = member_loyalty(db, "mu", TODAY, chinese=False, now=NOW)
    assert una is not None
    # Her dollar orders count nothing towards her tier: the tier is what the rest gives, flagged, and the spend
    # counted is unknown rather than 0.00, in the progress and in the history alike.
    assert una.tier == "Bronze" and una.unpriced_orders == 2
    assert not una.basis_known and [h.basis for h in una.history] == [None]
    chen = member_loyalty(db, "mc", TODAY, chinese=False, now=NOW)
    assert chen is not None and chen.unpriced_orders == 0 and chen.basis_known
    assert [h.basis for h in chen.history] == [D("100.00")]
    assert chen.currency == "CNY"  # what the panel names the spend counted in
    # A basis of orders counts every order, rate or none.
    save_programme(db, who="mei", settings={"tier_basis": "orders"})
    by_orders = member_loyalty(db, "mu", TODAY, chinese=False, now=NOW)
    assert by_orders is not None and by_orders.basis_known and by_orders.unpriced_orders == 0
    # Once the rate is set every order counts and the tier follows: 2,133.20 is silver.
    save_programme(db, who="mei", settings={"tier_basis": None})
    save_exchange_rates(db, who="mei", base="CNY", rates={"USD": "7.10"})
    una = member_loyalty(db, "mu", TODAY, chinese=False, now=NOW)
    assert una is not None and una.tier == "Silver" and una.basis_known and una.unpriced_orders == 0


def test_members_whose_spend_is_unknown_rank_above_members_who_spent_nothing(db: Database) -> None:
    # Dan came from a customers export and never ordered: 0.00. Una and Wu bought in dollars, which have no rate
    # yet: their spend is unknown but more than nothing, so sorting by spend never puts Dan above them (the
    # Members tab opens sorted by spend, most first), nor above Chen, the one spend known.
    db.execute("INSERT INTO members (member_id, display_name, joined_at) VALUES ('md', 'Dan', now())")
    source = members_source(TODAY, chinese=False, now=NOW)
    spend = source.column_keys().index("spend")

    def order(descending: bool) -> list[tuple[str, Any]]:
        return [(r[0], r[spend]) for r in source.page(db, sort_key="spend", descending=descending)]

    assert order(True) == [("mc", D("170.00")), ("mu", None), ("mw", None), ("md", D("0.00"))]
    # Among the unknown, Una's two orders rank above Wu's one.
    assert order(False) == [("md", D("0.00")), ("mw", None), ("mu", None), ("mc", D("170.00"))]
    assert source.position(db, "md", sort_key="spend", descending=True) == 3
    # The seller sees the spend in the base currency as soon as the rate is set, and the order follows it.
    save_exchange_rates(db, who="mei", base="CNY", rates={"USD": "7.10"})
    assert [m for m, _ in order(True)] == ["mu", "mc", "mw", "md"]
