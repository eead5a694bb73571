"""Members: one person across platforms, their tier, points and whether they are slipping away.

The rules are the shop's (domain/tiers.py, points.py, segments.py, revenue.py):
spend is the net of sold orders in the base currency (unknown while any of them is in a
currency with no exchange rate: never a smaller figure that reads as the whole), the tier and the points
ledger are kept up to date by services/recompute.py, and the status is the
member's segment on `today` (domain/segments.member_status).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.db.table_source import Column, TableSource
from shopkeeper.domain.rfm import PROSPECTS, SEGMENTS
from shopkeeper.domain.segments import WIN_BACK

_WIN_BACK = "status IN (" + ", ".join(f"'{s}'" for s in WIN_BACK) + ") AND orders >= 2"

# The Members table's filters by RFM segment ('segment:champions') and churn risk.
SEGMENT_FILTERS = {**{f"segment:{s}": f"segment = '{s}'" for s in (*SEGMENTS, PROSPECTS)}, "churn_risk": "churn_risk"}
# ... by tier ('tier:gold'; the seller renames tiers but never adds or removes one), by a platform they bought on
# ('platform:taobao'), and members with points that expire within EXPIRING_DAYS.
TIER_CODES = ("bronze", "silver", "gold", "vip")
PLATFORM_CODES = ("taobao", "jd", "pinduoduo", "douyin", "youzan", "shopify", "etsy", "amazon", "woocommerce", "ebay",
                  "other")
EXPIRING_DAYS = 30
MEMBER_FILTERS = {
    **SEGMENT_FILTERS,
    **{f"tier:{t}": f"tier_code = '{t}'" for t in TIER_CODES},
    **{f"platform:{p}": f"list_contains(string_split(platforms, ', '), '{p}')" for p in PLATFORM_CODES},
    "expiring_soon": "expiring_points > 0",
}

_MEMBERS_SQL = f"""
WITH activity AS (
    SELECT b.member_id,
           count(*) AS orders,
           -- Unknown (NULL), not a smaller figure, while any of their orders is in a currency with no rate.
           CASE WHEN count(*) = count(s.net_base) THEN sum(s.net_base) END AS spend,
           min(s.day) AS first_day,
           max(s.day) AS last_day,
           string_agg(DISTINCT split_part(s.shop_id, ':', 1), ', ' ORDER BY split_part(s.shop_id, ':', 1)) AS platforms
    FROM sk_sales() s
    JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id
    WHERE b.member_id IS NOT NULL
    GROUP BY b.member_id
),
-- Points at the instant the figures are for (domain/points.py): spendable now, still pending (inside the
-- return window), and what expiry will take within {EXPIRING_DAYS} days unless spent first.
points AS (
    SELECT * FROM sk_points_balances('sk_earned_entries', CAST(? AS TIMESTAMPTZ),
                                     CAST(? AS TIMESTAMPTZ) + INTERVAL {EXPIRING_DAYS} DAY)
)
SELECT m.member_id,
       m.display_name AS name,
       CASE WHEN ? THEN t.name_zh ELSE t.name_en END AS tier,
       coalesce(a.platforms, '') AS platforms,
       coalesce(a.orders, 0) AS orders,
       CASE WHEN a.member_id IS NULL THEN 0 ELSE round(a.spend, 2) END::DECIMAL(18,2) AS spend,
       coalesce(p.available, 0)::BIGINT AS points,
       coalesce(p.pending, 0)::BIGINT AS points_pending,
       a.last_day AS last_order,
       date_diff('day', a.last_day, CAST(? AS DATE)) AS days_since,
       sk_member_status(a.orders, a.first_day, a.last_day, CAST(? AS DATE), g.not_imported) AS status,
       t.rank AS tier_rank,
       coalesce(r.segment, '{PROSPECTS}') AS segment,
       coalesce(r.churn_risk, FALSE) AS churn_risk,
       r.expected_next,
       coalesce(p.expiring, 0)::BIGINT AS expiring_points,
       m.tier_code,
       {{contacts}}
FROM members m
LEFT JOIN tiers t ON t.code = m.tier_code
LEFT JOIN activity a USING (member_id)
LEFT JOIN points p USING (member_id)
LEFT JOIN sk_rfm(CAST(? AS DATE)) r USING (member_id)
-- orders a customers export says they placed that the shop does not hold (domain/platform_totals.py)
LEFT JOIN (SELECT member_id, sum(not_imported) AS not_imported FROM sk_platform_totals() GROUP BY member_id) g
    USING (member_id)
"""

_SPEND_BAND = 'CASE WHEN "spend" > 0 THEN 2 WHEN "spend" IS NULL THEN 1 ELSE 0 END'

MEMBER_COLUMNS = (
    Column("member_id", "text", searchable=True),
    Column("name", "text", searchable=True),
    Column("tier", "text"),
    Column("platforms", "text", searchable=True),
    Column("orders", "int"),
    # Unknown spend (an order in a currency without a rate) is more than nothing and not comparable with the
    # rest: it sorts between the members who spent something and those who spent nothing (or have no orders),
    # so the biggest spenders a seller can rank lead and buyers never sink below members who never ordered;
    # among the unknown, those with more orders first.
    Column("spend", "money", sort_by=(_SPEND_BAND, '"spend"', '"orders"')),
    Column("points", "int"),  # spendable now: what a redemption may take
    Column("points_pending", "int"),  # earned, still inside the return window
    Column("last_order", "date"),
    Column("days_since", "int"),
    Column("status", "status"),
    Column("tier_rank", "int"),
    # RFM (domain/rfm.py): the named segment, the churn-risk flag and when the next order is due.
    Column("segment", "text"),
    Column("churn_risk", "flag"),
    Column("expected_next", "date"),
    Column("expiring_points", "int"),  # points that expire within EXPIRING_DAYS
    Column("email", "text"),
    Column("phone", "text"),
)

# Contact details are masked (domain/privacy.py) unless the seller revealed them (services/privacy.py).
_MASKED = "sk_mask_email(m.email) AS email, sk_mask_phone(m.phone) AS phone"
_REVEALED = "m.email AS email, m.phone AS phone"


def _params(today: date, chinese: bool, now: datetime) -> tuple[Any, ...]:
    return (now, now, chinese, today, today, today)


def _members_sql(reveal: bool = False) -> str:
    return _MEMBERS_SQL.format(contacts=_REVEALED if reveal else _MASKED)


def members_source(today: date, *, chinese: bool, reveal: bool = False, now: datetime | None = None) -> TableSource:
    """Every member's figures on `today`, their points at the instant `now` (default: the present).

    Callers showing figures side by side pass one `now`, so they read one kept result and one set of figures.
    """
    return TableSource(
        base_sql=_members_sql(reveal),
        columns=MEMBER_COLUMNS,
        default_sort="spend",
        default_descending=True,
        key_column="member_id",
        filters={
            "win_back": _WIN_BACK,
            "multi_platform": "contains(platforms, ',')",
            **MEMBER_FILTERS,
        },
        params=_params(today, chinese, now or datetime.now(UTC)),
        # Spend, points and the RFM segment of every member: worked out once per change, not per page.
        kept=True,
    )


def tier_summary(db: Database, today: date, *, chinese: bool, now: datetime | None = None) -> list[dict[str, Any]]:
    """Each tier's members and the sums of their figures as the table shows them (spend: of the rounded
    per-member spend, so the cards add up to the table and to every other total; points: spendable now)."""
    source = members_source(today, chinese=chinese, now=now)
    rows = db.fetchall(
        f"SELECT tier, tier_rank, count(*), sum(spend), sum(points),"
        f" count(*) FILTER (WHERE {_WIN_BACK}), tier_code, count(*) FILTER (WHERE spend IS NULL), sum(points_pending)"
        f" FROM {db.kept_result(source.base_sql, source.params)} GROUP BY tier, tier_rank, tier_code ORDER BY tier_rank DESC",
    )
    return [
        {"tier": r[0], "rank": r[1], "members": int(r[2]), "spend": r[3], "points": int(r[4] or 0), "win_back": int(r[5]),
         "code": r[6], "spend_unknown": int(r[7]), "points_pending": int(r[8] or 0)}
        for r in rows
    ]


@dataclass(frozen=True)
class Identity:
    """One buyer account of the member on one platform shop."""

    shop_id: str
    buyer_id: str
    name: str | None
    email: str | None
    city: str | None
    orders: int
    first_seen: datetime | None
    account: str | None = None  # the buyer id as shown: masked when it is an e-mail or phone


@dataclass(frozen=True)
class MemberOrder:
    """One of the member's orders, on whichever platform."""

    day: date
    shop_id: str
    order_id: str
    total: Decimal
    currency: str
    status: str


@dataclass(frozen=True)
class LedgerEntry:
    at: datetime
    points: int
    reason: str
    order_id: str | None
    expires_at: datetime | None
    note: str | None


@dataclass(frozen=True)
class PlatformTotals:
    """What a platform's customers export says of the member on one shop, against the orders the shop holds there
    (domain/platform_totals.py): the platform's word, never counted as orders, spend, tiers or points."""

    shop_id: str
    platform: str
    orders: int | None  # as the platform counts them; None: the export gave no count
    spent: Decimal | None  # as written; None: the export gave no amount
    currency: str | None  # the shop's currency (the export names none); None while it is only the platform's usual
    imported: int  # the member's orders on this shop that the shop holds, every status
    not_imported: int  # orders the platform says the member placed that are not imported
    gap: str | None  # platform_totals.NONE_IMPORTED, SOME_IMPORTED, or None


def platform_totals(db: Database, member_id: str) -> tuple[PlatformTotals, ...]:
    """The member's figures as each platform's customers export states them, shop by shop."""
    rows = db.fetchall(
        "SELECT shop_id, platform, platform_orders, platform_spent, currency, imported_orders, not_imported, gap"
        " FROM sk_platform_totals() WHERE member_id = ? ORDER BY shop_id", [member_id])
    return tuple(PlatformTotals(r[0], r[1], None if r[2] is None else int(r[2]), r[3], r[4], int(r[5]), int(r[6]),
                                r[7]) for r in rows)


RECENT = 20  # orders and ledger entries the member panel lists, newest first


@dataclass(frozen=True)
class MemberDetail:
    """Everything the Members detail panel shows for one member."""

    member_id: str
    name: str
    tier: str | None
    tier_rank: int | None
    status: str
    orders: int
    spend: Decimal | None  # None: some of their orders are in a currency with no exchange rate
    points: int  # spendable now (what a redemption may take)
    last_order: date | None
    days_since: int | None
    joined_at: datetime | None
    email: str | None
    phone: str | None
    identities: tuple[Identity, ...]
    segment: str = PROSPECTS  # RFM (domain/rfm.py)
    churn_risk: bool = False
    expected_next: date | None = None
    recent_orders: tuple[MemberOrder, ...] = ()
    ledger: tuple[LedgerEntry, ...] = ()
    points_pending: int = 0  # earned, still inside the return window
    platform_totals: tuple[PlatformTotals, ...] = ()  # what customers exports say, shop by shop
    # Net of sold orders in each currency they bought in (domain/revenue.py's net, before any conversion):
    # what the seller can still read while `spend` waits for an exchange rate.
    spend_by_currency: tuple[tuple[str, Decimal], ...] = ()


def member_detail(db: Database, member_id: str, today: date, *, chinese: bool,
                  reveal: bool = False, now: datetime | None = None) -> MemberDetail | None:
    """One member as the table shows them (points at `now`); e-mails, phones and accounts masked unless `reveal`."""
    source = members_source(today, chinese=chinese, reveal=reveal, now=now)
    row = db.fetchone(
        f"SELECT member_id, name, tier, tier_rank, status, orders, spend, points, last_order, days_since,"
        f" segment, churn_risk, expected_next, email, phone, points_pending"
        f" FROM {db.kept_result(source.base_sql, source.params)} WHERE member_id = ?",
        [member_id],
    )
    if row is None:
        return None
    contact = db.fetchone("SELECT joined_at FROM members WHERE member_id = ?", [member_id])
    email, phone = (f"b.{c}" if reveal else f"sk_mask_{c}(b.{c})" for c in ("email", "phone"))
    account = "b.buyer_id" if reveal else "sk_mask_account(b.buyer_id)"
    identities = db.fetchall(
        f"""
        SELECT b.shop_id, b.buyer_id, b.name, {email}, b.city,
               count(o.order_id) FILTER (WHERE sk_is_sold(o.status)), b.first_seen, {account}
        FROM buyers b LEFT JOIN orders o ON o.shop_id = b.shop_id AND o.buyer_id = b.buyer_id
        WHERE b.member_id = ?
        GROUP BY b.shop_id, b.buyer_id, b.name, b.email, b.city, b.first_seen ORDER BY b.shop_id, b.buyer_id
        """,
        [member_id],
    )
    joined = contact[0] if contact else None
    orders = db.fetchall(
        "SELECT sk_order_day(o.ordered_at, o.ordered_tz), o.shop_id, o.order_id, o.total, o.currency, o.status"
        " FROM orders o JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id"
        " WHERE b.member_id = ? ORDER BY o.ordered_at DESC, o.shop_id, o.order_id LIMIT ?", [member_id, RECENT])
    by_currency = db.fetchall(
        "SELECT s.currency, sum(s.net) FROM sk_sales() s JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id"
        " WHERE b.member_id = ? GROUP BY s.currency ORDER BY s.currency", [member_id])
    ledger = db.fetchall(
        "SELECT occurred_at, points, reason, order_id, expires_at, note FROM points_ledger WHERE member_id = ?"
        " ORDER BY occurred_at DESC, entry_id DESC LIMIT ?", [member_id, RECENT])
    return MemberDetail(
        member_id=row[0], name=row[1], tier=row[2], tier_rank=row[3], status=row[4], orders=int(row[5]),
        spend=row[6], points=int(row[7]), last_order=row[8], days_since=row[9], joined_at=joined, email=row[13],
        phone=row[14], identities=tuple(Identity(i[0], i[1], i[2], i[3], i[4], int(i[5]), i[6], i[7])
                                        for i in identities),
        segment=row[10], churn_risk=bool(row[11]), expected_next=row[12],
        recent_orders=tuple(MemberOrder(o[0], o[1], o[2], o[3], o[4], o[5]) for o in orders),
        ledger=tuple(LedgerEntry(e[0], int(e[1]), e[2], e[3], e[4], e[5]) for e in ledger),
        points_pending=int(row[15]), platform_totals=platform_totals(db, member_id),
        spend_by_currency=tuple((str(c), Decimal(n)) for c, n in by_currency),
    )
