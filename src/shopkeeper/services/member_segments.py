"""Members by RFM segment: sizes, revenue share, movement since a month ago, repurchase; the target list.

Every figure reads the rule's macros (domain/rfm.py: sk_rfm, sk_rfm_moves),
so the overview, the Members table's segment column and `report segments`
count the same members. Revenue is net spend of sold orders in the base
currency (revenue.py), added up from each member's spend as the Members table
shows it, to the cent (services/membership.py), so every total on the tab - the
tier cards, this overview, `report members` and `report segments` - is the same
figure. A segment's share is of all members' spend. A spend that counts an order
in a currency without an exchange rate is unknown (None), not a smaller figure,
and so is a share of it.
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.contact_masking import Kind, mask_contact
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.domain.rfm import ACTIONS, PROSPECTS, QUANTILE_MIN_MEMBERS, SEGMENTS, month_before
from shopkeeper.domain.spreadsheet_cells import csv_text_cell
from shopkeeper.services.membership import members_source
from shopkeeper.services.privacy import log_reveal

log = logging.getLogger(__name__)
_PCT = Decimal("0.1")


@dataclass(frozen=True)
class SegmentSize:
    segment: str
    members: int
    spend: Decimal | None  # None: a member's spend in it is unknown (an order in a currency without a rate)
    revenue_share: Decimal | None  # percent of all members' spend, one decimal; None: either is unknown
    churn_risk: int
    came_in: int  # members in it now who were elsewhere a month ago
    left: int  # members in it a month ago who are elsewhere now
    before: int  # its size a month ago


@dataclass(frozen=True)
class Move:
    segment_before: str
    segment_now: str
    members: int


@dataclass(frozen=True)
class SegmentOverview:
    day: date
    compared_with: date
    scoring: str  # 'quantile' or 'fixed' (domain/rfm.py)
    members_with_orders: int
    spend: Decimal | None  # every member's spend; None: some member's is unknown
    segments: tuple[SegmentSize, ...]  # the ten named ones in their order, then prospects
    moves: tuple[Move, ...]  # members who changed segment, biggest flows first
    repurchasers: int  # members who ordered on at least two days
    repurchase_rate: Decimal | None  # percent of members with orders
    median_days_to_second: Decimal | None
    churn_risk: int
    # Members' sold orders in a currency without an exchange rate: left out of spend, tiers and points.
    orders_without_rate: int = 0
    # Sold orders whose export names no buyer at all (a cut-down Tmall 订单报表, a guest checkout without an
    # e-mail): they count in sales, in no member.
    orders_without_buyer: int = 0
    # Members a platform's customers export says ordered more than the shop holds (domain/platform_totals.py):
    # their orders export is not imported yet, or only in part. Never counted in any figure above.
    members_with_orders_not_imported: int = 0


def _share(part: Decimal, whole: Decimal) -> Decimal:
    return (Decimal(100) * part / whole).quantize(_PCT, rounding=ROUND_HALF_UP) if whole else Decimal(0)


def _known_share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    return None if part is None or whole is None else _share(part, whole)


def segment_overview(db: Database, today: date, *, now: datetime | None = None) -> SegmentOverview:
    """The overview on `today`; `now` is the Members table's instant, so both read one kept result."""
    source = members_source(today, chinese=False, now=now)
    # Spend as the table shows it (per member, to the cent), per segment; unknown when a member's is.
    spent = {r[0]: (None if r[2] else Decimal(r[1] or 0)) for r in db.fetchall(
        "SELECT segment, sum(spend), count(*) FILTER (WHERE spend IS NULL) > 0"
        f" FROM {db.kept_result(source.base_sql, source.params)} GROUP BY segment")}
    spend = None if any(v is None for v in spent.values()) else sum((v for v in spent.values() if v is not None),
                                                                  Decimal(0))
    # The orders are read once; both days are scored from what was read.
    db.execute("CREATE OR REPLACE TEMP TABLE _rfm_days AS SELECT * FROM sk_rfm_member_days()")
    db.execute("CREATE OR REPLACE TEMP TABLE _rfm_now AS SELECT * FROM sk_rfm_from('_rfm_days', ?)", [today])
    db.execute("CREATE OR REPLACE TEMP TABLE _rfm_before AS SELECT * FROM sk_rfm_from('_rfm_days', ?)",
               [month_before(today)])
    try:
        shop = db.fetchone(
            "SELECT count(*), count(*) FILTER (WHERE visits >= 2),"
            " median(days_to_second), count(*) FILTER (WHERE churn_risk) FROM _rfm_now"
        )
        sizes = {r[0]: r[1:] for r in db.fetchall(
            "SELECT segment, count(*), count(*) FILTER (WHERE churn_risk) FROM _rfm_now GROUP BY segment")}
        prospects = int(db.scalar("SELECT count(*) FROM members WHERE member_id NOT IN (SELECT member_id FROM _rfm_now)"))
        flows = db.fetchall(
            "SELECT segment_before, segment_now, count(*) FROM sk_rfm_moves('_rfm_now', '_rfm_before')"
            " WHERE segment_before <> segment_now GROUP BY ALL ORDER BY 3 DESC, 1, 2")
        before_sizes = dict(db.fetchall("SELECT segment, count(*) FROM _rfm_before GROUP BY ALL"))
        # One pass over the sold orders: a buyer is one row of its (shop_id, buyer_id) key, so the join
        # repeats no order.
        left_out = db.fetchone(
            "SELECT count(*) FILTER (WHERE b.member_id IS NOT NULL AND s.net_base IS NULL),"
            " count(*) FILTER (WHERE b.member_id IS NULL)"
            " FROM sk_sales() s LEFT JOIN buyers b ON b.shop_id = s.shop_id AND b.buyer_id = s.buyer_id"
            " WHERE s.day <= ?", [today])
        without_rate, without_buyer = (int(left_out[0]), int(left_out[1])) if left_out else (0, 0)
        not_imported = int(db.scalar("SELECT count(DISTINCT member_id) FROM sk_platform_totals() WHERE not_imported > 0"))
    finally:
        db.execute("DROP TABLE IF EXISTS temp._rfm_days")
        db.execute("DROP TABLE IF EXISTS temp._rfm_now")
        db.execute("DROP TABLE IF EXISTS temp._rfm_before")
    assert shop is not None
    scored = int(shop[0])
    moves = tuple(Move(a, b, int(n)) for a, b, n in flows)
    out = []
    for name in (*SEGMENTS, PROSPECTS):
        members, risk = sizes.get(name, (0, 0))
        if name == PROSPECTS:
            members = prospects
        seg_spend = spent.get(name, Decimal(0))
        out.append(SegmentSize(
            segment=name, members=int(members), spend=seg_spend, revenue_share=_known_share(seg_spend, spend),
            churn_risk=int(risk), came_in=sum(m.members for m in moves if m.segment_now == name),
            left=sum(m.members for m in moves if m.segment_before == name),
            # The movement holds only members with an order today: prospects then were today's prospects
            # and those who have since ordered.
            before=int(before_sizes.get(name, 0)) if name != PROSPECTS
            else prospects + sum(m.members for m in moves if m.segment_before == PROSPECTS),
        ))
    median = shop[2]
    return SegmentOverview(
        day=today, compared_with=month_before(today),
        scoring="quantile" if scored >= QUANTILE_MIN_MEMBERS else "fixed",
        members_with_orders=scored, spend=spend, segments=tuple(out), moves=moves,
        repurchasers=int(shop[1]),
        repurchase_rate=_share(Decimal(int(shop[1])), Decimal(scored)) if scored else None,
        median_days_to_second=None if median is None else Decimal(str(median)).quantize(_PCT, rounding=ROUND_HALF_UP),
        churn_risk=int(shop[3]), orders_without_rate=without_rate,
        orders_without_buyer=without_buyer, members_with_orders_not_imported=not_imported,
    )


# -- the target list: the members a filter selects, with what to do about each -----------------------


@dataclass(frozen=True)
class Target:
    member_id: str
    name: str | None
    platforms: tuple[str, ...]
    buyer_ids: tuple[str, ...]  # 'platform:buyer id' of each linked account
    email: str | None
    phone: str | None
    segment: str
    churn_risk: bool
    action: Message


def note_reveal(db: Database, what: str, count: int) -> None:
    """Showing personal data unmasked is a deliberate act, kept in the shop's privacy log (services/privacy.py)."""
    log.warning("personal data revealed: %s (%d members)", what, count)
    log_reveal(db, who=None, place=what)


def target_list(db: Database, today: date, *, filters: Sequence[str] = (), search: str = "",
                show_pii: bool = False) -> list[Target]:
    """The members the Members table shows with these filters and search, in its order."""
    source = members_source(today, chinese=False)
    where, params = source.where(search, filters)
    rows = db.fetchall(
        f"""SELECT src.member_id, m.display_name, m.email, m.phone, src.segment, src.churn_risk,
                   list(DISTINCT split_part(b.shop_id, ':', 1) ORDER BY split_part(b.shop_id, ':', 1))
                       FILTER (WHERE b.shop_id IS NOT NULL),
                   list(split_part(b.shop_id, ':', 1) || ':' || b.buyer_id ORDER BY b.shop_id, b.buyer_id)
                       FILTER (WHERE b.shop_id IS NOT NULL)
            FROM (SELECT * FROM ({source.base_sql}) AS src{where}) src
            JOIN members m USING (member_id)
            LEFT JOIN buyers b ON b.member_id = src.member_id
            GROUP BY ALL ORDER BY max(src.spend) DESC, src.member_id""",
        [*source.params, *params],
    )
    if show_pii:
        note_reveal(db, "target list", len(rows))

    def shown(kind: Kind, value: str | None) -> str | None:
        return value if show_pii else mask_contact(kind, value)

    return [Target(member_id=r[0], name=shown("name", r[1]), platforms=tuple(r[6] or ()), buyer_ids=tuple(b if show_pii else masked_account(b) for b in r[7] or ()),
                   email=shown("email", r[2]), phone=shown("phone", r[3]), segment=r[4], churn_risk=bool(r[5]),
                   action=Message(ACTIONS[r[4]]))
            for r in rows]


def masked_account(platform_and_id: str) -> str:
    """'shopify:ann@example.com' → 'shopify:a***@example.com'; a nickname stays as it is."""
    platform, _, buyer = platform_and_id.partition(":")
    return f"{platform}:{mask_contact('account', buyer) or ''}"


TARGET_HEADER = ("member_id", "name", "platforms", "platform_buyer_ids", "email", "phone", "segment", "churn_risk",
                 "suggested_action")


def write_target_list(path: Path, targets: Sequence[Target], word: Callable[[Message], str],
                      segment_name: Callable[[str], str]) -> int:
    """A CSV for a coupon or message campaign (UTF-8 with BOM: Excel opens Chinese names right).

    Written beside the target and moved over it, so a failed write never leaves half a list.
    """
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(TARGET_HEADER)
            for t in targets:
                out.writerow([csv_text_cell(c) for c in (
                    t.member_id, t.name or "", " ".join(t.platforms), " ".join(t.buyer_ids), t.email or "",
                    t.phone or "", segment_name(t.segment), "yes" if t.churn_risk else "", word(t.action))])
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KnownError(Message("export.write_failed", {"path": str(path), "reason": exc.strerror or str(exc)})) \
            from exc
    return len(targets)
