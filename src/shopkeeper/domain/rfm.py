"""RFM: how recently, how often and for how much each member buys; who is slipping away; who comes back.

Counted on a day `day`, from the sold orders (order_status.SOLD) of members on
local days up to and including `day` (order_day.py), with net spend in the
base currency (revenue.py; an order in a currency without a rate adds to the
order count, not the spend). Only members with at least one such order are
scored; the rest are PROSPECTS.

  recency    days from the last order's day to `day`
  frequency  number of sold orders
  monetary   net spend in the base currency

Scores 1-5 (5 best). With at least QUANTILE_MIN_MEMBERS scored members, by
quantile: a member's score is 1 + ⌊5 × (members strictly worse) ÷ members⌋,
so ties share a score (one-order buyers all get F 1, however many they are)
and the result never depends on the order rows were read in - unlike NTILE,
which deals tied members into different buckets. R is never better than its
fixed score below: in a shop whose buyers all stopped a year ago, the most
recent fifth of them are not "recent". Below QUANTILE_MIN_MEMBERS, quantiles of
a handful of people mean little, so the fixed thresholds apply:

  R  ≤ 30 days 5, ≤ 60 4, ≤ 90 3, ≤ 180 2, else 1
  F  orders, 5 and more scoring 5
  M  spend as a multiple of the shop's mean order value (all members' net
     spend ÷ their sold orders on `day`): ≥ 5× 5, ≥ 3× 4, ≥ 1.5× 3,
     ≥ 0.75× 2, else 1 (a shop with no spend scores everyone 1) - a multiple
     rather than an amount, so it means the same in yuan as in dollars.

Named segment from R and F (the usual grid; M ranks members within one):

        F=1           F=2           F=3           F=4        F=5
  R=5   new           potential     potential     champions  champions
  R=4   promising     potential     potential     loyal      loyal
  R=3   need_attn     need_attn     need_attn     loyal      loyal
  R=2   hibernating   hibernating   at_risk       at_risk    cant_lose
  R=1   lost          lost          at_risk       at_risk    cant_lose

Visits are the distinct days a member ordered on (two orders on one day, say on
two platforms, are one visit). With at least two visits:
  churn risk     days since the last visit > CHURN_FACTOR × the member's own
                 average gap ((last − first) ÷ (visits − 1))
  expected next  last visit + that average gap, rounded half up to a day
  second order   days from the first visit to the second

Movement "since last month" compares the segments on `day` with those on
month_before(day), both computed from today's orders: a past month is a
function of the orders, so nothing is stored and an import or undo moves both
at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

QUANTILE_MIN_MEMBERS = 100
CHURN_FACTOR = Fraction(3, 2)
RECENCY_DAYS = (30, 60, 90, 180)  # upper bounds of R 5, 4, 3, 2
# Lower bounds of M 5, 4, 3, 2 as multiples of the mean order value, in quarters (exact in integers).
MONETARY_QUARTERS = (20, 12, 6, 3)

PROSPECTS = "prospects"
SEGMENTS = ("champions", "loyal", "potential_loyalists", "new_customers", "promising", "need_attention",
            "at_risk", "cant_lose", "hibernating", "lost")

_F_NEW, _F_POT, _F_TOP = "new_customers", "potential_loyalists", "champions"
GRID: Mapping[tuple[int, int], str] = {
    **{(5, f): s for f, s in ((1, _F_NEW), (2, _F_POT), (3, _F_POT), (4, _F_TOP), (5, _F_TOP))},
    **{(4, f): s for f, s in ((1, "promising"), (2, _F_POT), (3, _F_POT), (4, "loyal"), (5, "loyal"))},
    **{(3, f): s for f, s in ((1, "need_attention"), (2, "need_attention"), (3, "need_attention"),
                              (4, "loyal"), (5, "loyal"))},
    **{(2, f): s for f, s in ((1, "hibernating"), (2, "hibernating"), (3, "at_risk"), (4, "at_risk"),
                              (5, "cant_lose"))},
    **{(1, f): s for f, s in ((1, "lost"), (2, "lost"), (3, "at_risk"), (4, "at_risk"), (5, "cant_lose"))},
}

# What a seller would do with each segment: codes the target list and `report segments` word.
ACTIONS: Mapping[str, str] = {
    "champions": "export.target_action.champions",
    "loyal": "export.target_action.loyal",
    "potential_loyalists": "export.target_action.potential_loyalists",
    "new_customers": "export.target_action.new_customers",
    "promising": "export.target_action.promising",
    "need_attention": "export.target_action.need_attention",
    "at_risk": "export.target_action.at_risk",
    "cant_lose": "export.target_action.cant_lose",
    "hibernating": "export.target_action.hibernating",
    "lost": "export.target_action.lost",
    "prospects": "export.target_action.prospects",
}


@dataclass(frozen=True)
class MemberSale:
    member_id: str
    day: date
    net_base: Decimal | None  # None: its currency has no rate


@dataclass(frozen=True)
class MemberRfm:
    member_id: str
    orders: int
    spend: Decimal
    first_day: date
    last_day: date
    visits: int
    recency: int
    r: int
    f: int
    m: int
    segment: str
    churn_risk: bool
    expected_next: date | None
    days_to_second: int | None


def month_before(day: date) -> date:
    """The same day a month earlier; a day the month lacks becomes its last day (as DuckDB's INTERVAL 1 MONTH)."""
    first = day.replace(day=1)
    prev_last = first - timedelta(days=1)
    return prev_last.replace(day=min(day.day, prev_last.day))


def segment_of(r: int, f: int) -> str:
    return GRID[(r, f)]


def quantile_score(worse: int, members: int) -> int:
    return 1 + (5 * worse) // members


def fixed_recency(days: int) -> int:
    for score, bound in zip((5, 4, 3, 2), RECENCY_DAYS, strict=True):
        if days <= bound:
            return score
    return 1


def fixed_monetary(spend: Decimal, shop_spend: Decimal, shop_orders: int) -> int:
    if shop_spend <= 0:
        return 1
    for score, quarters in zip((5, 4, 3, 2), MONETARY_QUARTERS, strict=True):
        # spend ≥ quarters/4 × shop_spend / shop_orders
        if 4 * spend * shop_orders >= quarters * shop_spend:
            return score
    return 1


def churn_risk(visits: int, first_day: date, last_day: date, day: date) -> bool:
    if visits < 2:
        return False
    since, span = (day - last_day).days, (last_day - first_day).days
    return since * CHURN_FACTOR.denominator * (visits - 1) > CHURN_FACTOR.numerator * span


def expected_next(visits: int, first_day: date, last_day: date) -> date | None:
    if visits < 2:
        return None
    span = (last_day - first_day).days
    return last_day + timedelta(days=(2 * span + visits - 1) // (2 * (visits - 1)))


def rfm(sales: Iterable[MemberSale], day: date, quantile_min: int = QUANTILE_MIN_MEMBERS) -> dict[str, MemberRfm]:
    by_member: dict[str, list[MemberSale]] = {}
    for s in sales:
        if s.day <= day:
            by_member.setdefault(s.member_id, []).append(s)
    n = len(by_member)
    if n == 0:
        return {}
    facts = {}
    for member, own in by_member.items():
        days = sorted({s.day for s in own})
        spend = sum((s.net_base for s in own if s.net_base is not None), Decimal(0))
        facts[member] = (len(own), spend, days)
    shop_orders = sum(f[0] for f in facts.values())
    shop_spend = sum((f[1] for f in facts.values()), Decimal(0))
    recencies = {m: (day - f[2][-1]).days for m, f in facts.items()}
    out = {}
    for member, (orders, spend, days) in facts.items():
        recency = recencies[member]
        if n >= quantile_min:
            r = min(quantile_score(sum(1 for v in recencies.values() if v > recency), n), fixed_recency(recency))
            f = quantile_score(sum(1 for o in facts.values() if o[0] < orders), n)
            m = quantile_score(sum(1 for o in facts.values() if o[1] < spend), n)
        else:
            r, f, m = fixed_recency(recency), min(orders, 5), fixed_monetary(spend, shop_spend, shop_orders)
        first, last = days[0], days[-1]
        out[member] = MemberRfm(
            member_id=member, orders=orders, spend=spend, first_day=first, last_day=last, visits=len(days),
            recency=recency, r=r, f=f, m=m, segment=segment_of(r, f),
            churn_risk=churn_risk(len(days), first, last, day), expected_next=expected_next(len(days), first, last),
            days_to_second=(days[1] - first).days if len(days) >= 2 else None,
        )
    return out


def _grid_sql(r: str, f: str) -> str:
    return f"""CASE WHEN {r} >= 5 AND {f} >= 4 THEN 'champions'
        WHEN {r} >= 3 AND {f} >= 4 THEN 'loyal'
        WHEN {r} >= 4 AND {f} >= 2 THEN 'potential_loyalists'
        WHEN {r} = 5 THEN 'new_customers'
        WHEN {r} = 4 THEN 'promising'
        WHEN {r} = 3 THEN 'need_attention'
        WHEN {f} = 5 THEN 'cant_lose'
        WHEN {f} >= 3 THEN 'at_risk'
        WHEN {r} = 2 THEN 'hibernating'
        ELSE 'lost' END"""


_R_FIXED = "CASE " + " ".join(f"WHEN recency <= {b} THEN {s}" for s, b in zip((5, 4, 3, 2), RECENCY_DAYS,
                                                                              strict=True)) + " ELSE 1 END"
_M_FIXED = ("CASE WHEN shop_spend <= 0 THEN 1 " + " ".join(
    f"WHEN 4 * spend * shop_orders >= {q} * shop_spend THEN {s}"
    for s, q in zip((5, 4, 3, 2), MONETARY_QUARTERS, strict=True)) + " ELSE 1 END")

SCALAR_MACROS = (
    f"CREATE OR REPLACE TEMP MACRO sk_rfm_segment(r, f) AS {_grid_sql('r', 'f')}",
)

_MEMBER_DAYS = """
    SELECT b.member_id, s.day AS d, count(*) AS orders, sum(s.net_base) AS spend
    FROM sk_sales() s JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id
    WHERE b.member_id IS NOT NULL
    GROUP BY b.member_id, s.day"""

# Scoring from `{days}`: rows (member_id, d, orders, spend) of each member's sold orders per local day;
# `{read}` may define it as a CTE.
_SCORED = f"""
    WITH {{read}}members_scored AS (
        SELECT member_id, sum(orders)::BIGINT AS orders, coalesce(sum(spend), 0) AS spend,
               min(d) AS first_day, max(d) AS last_day, count(*)::BIGINT AS visits, min(d, 2)[2] AS second_day
        FROM {{days}} WHERE d <= CAST(as_of AS DATE) GROUP BY member_id
    ),
    -- The day is used outside the aggregate: a table macro's parameter cannot appear in one.
    dated AS (SELECT *, date_diff('day', last_day, CAST(as_of AS DATE))::BIGINT AS recency FROM members_scored),
    shop AS (SELECT count(*) AS n, sum(orders) AS shop_orders, sum(spend) AS shop_spend FROM dated),
    -- Members strictly worse, counted per distinct recency and order count (a few hundred values): far
    -- cheaper than a rank() over every member, which sorts them all on one thread.
    r_worse AS (SELECT recency, sum(count(*)) OVER (ORDER BY recency DESC ROWS UNBOUNDED PRECEDING) - count(*) AS worse
                FROM dated GROUP BY recency),
    f_worse AS (SELECT orders, sum(count(*)) OVER (ORDER BY orders ROWS UNBOUNDED PRECEDING) - count(*) AS worse
                FROM dated GROUP BY orders),
    scored AS (
        SELECT a.*,
               CASE WHEN shop.n >= quantile_min
                    THEN least(1 + (5 * rw.worse) // shop.n, {_R_FIXED})
                    ELSE {_R_FIXED} END AS r,
               CASE WHEN shop.n >= quantile_min
                    THEN 1 + (5 * fw.worse) // shop.n ELSE least(orders, 5) END AS f,
               CASE WHEN shop.n >= quantile_min
                    THEN 1 + (5 * (rank() OVER (ORDER BY spend) - 1)) // shop.n ELSE {_M_FIXED} END AS m
        FROM dated a CROSS JOIN shop JOIN r_worse rw USING (recency) JOIN f_worse fw USING (orders)
    )
    SELECT member_id, orders, spend, first_day, last_day, visits, recency,
           r::INTEGER AS r, f::INTEGER AS f, m::INTEGER AS m, sk_rfm_segment(r, f) AS segment,
           coalesce(visits >= 2 AND recency * {CHURN_FACTOR.denominator} * (visits - 1)
                    > {CHURN_FACTOR.numerator} * date_diff('day', first_day, last_day), FALSE) AS churn_risk,
           CASE WHEN visits >= 2 THEN last_day + CAST((2 * date_diff('day', first_day, last_day) + visits - 1)
                                                       // (2 * (visits - 1)) AS INTEGER) END AS expected_next,
           date_diff('day', first_day, second_day) AS days_to_second
    FROM scored"""

_SCORED_READ = _SCORED.replace("{days}", "member_days").replace(
    "{read}", "member_days AS MATERIALIZED (SELECT * FROM sk_rfm_member_days()),\n    ")
_SCORED_FROM_TABLE = _SCORED.replace("{days}", "query_table(days_table)").replace("{read}", "").replace(
    "quantile_min", str(QUANTILE_MIN_MEMBERS))

TABLE_MACROS = (
    # Each member's sold orders and net spend in the base currency per local day.
    f"CREATE OR REPLACE TEMP MACRO sk_rfm_member_days() AS TABLE {_MEMBER_DAYS}",
    # Every member with a sold order up to `as_of`, scored; quantiles from `quantile_min` scored members on.
    # The member days are read into a CTE first: a filter on their day pushed down into the read of the
    # orders would work out each order's local day twice.
    f"CREATE OR REPLACE TEMP MACRO sk_rfm_with(as_of, quantile_min) AS TABLE {_SCORED_READ}",
    # The same from a table of sk_rfm_member_days() rows: one read of the orders scores several days.
    f"CREATE OR REPLACE TEMP MACRO sk_rfm_from(days_table, as_of) AS TABLE {_SCORED_FROM_TABLE}",
    f"CREATE OR REPLACE TEMP MACRO sk_rfm(as_of) AS TABLE SELECT * FROM sk_rfm_with(as_of, {QUANTILE_MIN_MEMBERS})",
    # Each member's segment then and now (PROSPECTS: no order yet), from two tables of sk_rfm rows: scored
    # once each, so an overview reads the month's movement without scoring anyone again.
    f"""CREATE OR REPLACE TEMP MACRO sk_rfm_moves(now_table, before_table) AS TABLE
    SELECT member_id, coalesce(p.segment, '{PROSPECTS}') AS segment_before,
           coalesce(n.segment, '{PROSPECTS}') AS segment_now
    FROM query_table(now_table) n FULL JOIN query_table(before_table) p USING (member_id)""",
)
