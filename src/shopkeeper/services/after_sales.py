"""After-sales figures: refund rates per platform, month and SKU, the worst SKUs, and the seller's tags.

Which orders count and which are refunds is domain/refunds.py (`sk_paid_orders()`,
`sk_refund_sku_orders()`); this module only groups them. The After-sales view and
`report returns` both read `returns_overview`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.domain.refunds import MIN_ORDERS, refund_rate
from shopkeeper.services.sales_report import ALL, ReportScope, scope_sql

MAX_REASONS = 30  # the reasons given most; a long tail of free text helps no one
ORDERS_PAGE = 500  # refunded orders listed at a time: the After-sales list shows more on asking


@dataclass(frozen=True)
class RefundRate:
    key: str                 # the platform, the month ('2026-11-01'), or the SKU
    paid_orders: int
    refunded_orders: int
    rate_pct: Decimal | None
    lower_pct: Decimal | None = None   # SKUs: Wilson lower bound of the rate, 95 %


@dataclass(frozen=True)
class RefundedMoney:
    currency: str
    amount: Decimal          # refunded amounts of paid orders, full totals of orders refunded in full


@dataclass(frozen=True)
class TagCount:
    tag: str
    orders: int


@dataclass(frozen=True)
class ReturnsOverview:
    total: RefundRate
    money: tuple[RefundedMoney, ...]
    by_platform: tuple[RefundRate, ...]
    by_month: tuple[RefundRate, ...]
    by_sku: tuple[RefundRate, ...]       # every SKU sold, most refunded orders first (orders whose refund names
                                         # no SKU left out: refunds_without_sku)
    worst_skus: tuple[RefundRate, ...]   # at least MIN_ORDERS paid orders, by lower bound
    tags: tuple[TagCount, ...]           # the seller's tags on the scope's orders, every offered tag listed
    untagged_refunds: int                # refunded orders the seller has not tagged yet
    reasons: tuple[TagCount, ...] = ()   # reasons the exports gave for the refunded orders, most given first
    # Refunded orders of several SKUs whose export says neither which units came back nor that all of it went
    # back (domain/refunds.sku_refunded None): in the totals, left out of the by-SKU rates.
    refunds_without_sku: int = 0


def _rate(key: str, paid: int, refunded: int, lower: float | None = None) -> RefundRate:
    return RefundRate(key, int(paid), int(refunded), refund_rate(int(refunded), int(paid)),
                      None if lower is None else Decimal(100 * lower).quantize(Decimal("0.1")))


def returns_overview(db: Database, scope: ReportScope = ALL, *, min_orders: int = MIN_ORDERS,
                     worst: int = 20) -> ReturnsOverview:
    where, params = scope_sql(scope)
    orders = f"SELECT * FROM sk_paid_orders() WHERE {where}"
    total = db.fetchone(f"SELECT count(*), count(*) FILTER (WHERE refunded) FROM ({orders})", params) or (0, 0)
    money = db.fetchall(
        f"""SELECT currency, sum(CASE WHEN sk_is_refunded(status) THEN total ELSE refunded_amount END)
            FROM ({orders}) WHERE refunded GROUP BY 1 ORDER BY 1""", params)
    platforms = db.fetchall(
        f"SELECT platform, count(*), count(*) FILTER (WHERE refunded) FROM ({orders}) GROUP BY 1 ORDER BY 1", params)
    months = db.fetchall(
        f"""SELECT CAST(date_trunc('month', day) AS DATE), count(*), count(*) FILTER (WHERE refunded)
            FROM ({orders}) GROUP BY 1 ORDER BY 1""", params)
    skus = db.fetchall(
        f"""SELECT sku, count(*), count(*) FILTER (WHERE refunded),
                   sk_wilson_lower(count(*) FILTER (WHERE refunded), count(*))
            FROM sk_refund_sku_orders() WHERE {where} AND refunded IS NOT NULL GROUP BY 1
            ORDER BY 3 DESC, 2 DESC, 1""", params)
    without_sku = db.scalar(
        f"""SELECT count(DISTINCT (shop_id, order_id)) FROM sk_refund_sku_orders()
            WHERE {where} AND refunded IS NULL""", params)
    tags = db.fetchall(
        f"""SELECT n.tag, count(t.order_id) FROM refund_tag_names n
            LEFT JOIN (SELECT t.* FROM order_tags t JOIN ({orders}) o USING (shop_id, order_id)) t USING (tag)
            GROUP BY n.tag, n.position
            UNION ALL
            -- a tag the seller took off the list still counts where it was given
            SELECT t.tag, count(*) FROM order_tags t JOIN ({orders}) o USING (shop_id, order_id)
            WHERE t.tag NOT IN (SELECT tag FROM refund_tag_names) GROUP BY 1
            ORDER BY 2 DESC, 1""", [*params, *params])
    untagged = db.scalar(
        f"""SELECT count(*) FROM ({orders}) o WHERE refunded
            AND NOT EXISTS (SELECT 1 FROM order_tags t WHERE t.shop_id = o.shop_id AND t.order_id = o.order_id)""",
        params)
    reasons = db.fetchall(
        f"""SELECT o.refund_reason, count(*) FROM ({orders}) p JOIN orders o USING (shop_id, order_id)
            WHERE p.refunded AND coalesce(o.refund_reason, '') <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?""",
        [*params, MAX_REASONS])
    by_sku = tuple(_rate(r[0], r[1], r[2], r[3]) for r in skus)
    worst_skus = sorted((s for s in by_sku if s.paid_orders >= min_orders and s.refunded_orders > 0),
                        key=lambda s: (-(s.lower_pct or 0), -s.paid_orders, s.key))[:worst]
    return ReturnsOverview(
        total=_rate("all", total[0], total[1]),
        money=tuple(RefundedMoney(c, a) for c, a in money),
        by_platform=tuple(_rate(p, n, k) for p, n, k in platforms),
        by_month=tuple(_rate(m.isoformat(), n, k) for m, n, k in months),
        by_sku=by_sku,
        worst_skus=tuple(worst_skus),
        tags=tuple(TagCount(t, int(n)) for t, n in tags),
        untagged_refunds=int(untagged or 0),
        reasons=tuple(TagCount(r, int(n)) for r, n in reasons),
        refunds_without_sku=int(without_sku or 0),
    )


@dataclass(frozen=True)
class RefundedOrder:
    shop_id: str
    order_id: str
    order_number: str | None
    day: date
    status: str
    currency: str
    total: Decimal
    refunded_amount: Decimal
    skus: str
    tags: tuple[str, ...]
    reason: str | None


@dataclass(frozen=True)
class RefundedPage:
    """A page of the refunded orders, and how many there are in all: a list of 5,648 is read a page at a time."""

    orders: tuple[RefundedOrder, ...]
    total: int               # every refunded order the scope, SKU and search give, not only this page's
    offset: int              # how many newer ones come before this page


def refunded_orders(db: Database, scope: ReportScope = ALL, *, sku: str | None = None,
                    limit: int = ORDERS_PAGE) -> list[RefundedOrder]:
    """The scope's refunded orders, newest first, with their SKUs and the seller's tags (the rows behind a rate):
    the first `limit` of them; refunded_page gives the rest and their count."""
    return list(refunded_page(db, scope, sku=sku, limit=limit).orders)


def refunded_page(db: Database, scope: ReportScope = ALL, *, sku: str | None = None, search: str = "",
                  offset: int = 0, limit: int = ORDERS_PAGE) -> RefundedPage:
    """`limit` refunded orders from the `offset`-th, newest first, and their count; `search` keeps the orders
    whose id, number or one of the SKUs listed for them holds it (any case)."""
    where, params = scope_sql(scope, day="p.day", shop_id="p.shop_id")
    only_sku = ""
    if sku is not None:
        only_sku = (" AND EXISTS (SELECT 1 FROM sk_refund_sku_orders() s WHERE s.shop_id = p.shop_id"
                    " AND s.order_id = p.order_id AND s.sku = ? AND s.refunded)")
        params.append(sku)
    found = ""
    if search.strip():
        found = (" AND (contains(lower(p.order_id), ?) OR contains(lower(coalesce(o.order_number, '')), ?)"
                 " OR EXISTS (SELECT 1 FROM sk_refund_sku_orders() s WHERE s.shop_id = p.shop_id"
                 " AND s.order_id = p.order_id AND s.refunded AND contains(lower(s.sku), ?)))")
        params.extend([search.strip().lower()] * 3)
    rows = db.fetchall(
        f"""SELECT p.shop_id, p.order_id, o.order_number, p.day, p.status, p.currency, p.total, p.refunded_amount,
                   (SELECT string_agg(DISTINCT l.sku, ', ' ORDER BY l.sku) FROM sk_refund_sku_orders() l
                    WHERE l.shop_id = p.shop_id AND l.order_id = p.order_id AND l.refunded),
                   (SELECT list(t.tag ORDER BY t.tag) FROM order_tags t
                    WHERE t.shop_id = p.shop_id AND t.order_id = p.order_id), o.refund_reason,
                   count(*) OVER () AS found
            FROM sk_paid_orders() p JOIN orders o USING (shop_id, order_id)
            WHERE p.refunded AND {where}{only_sku}{found}
            ORDER BY p.day DESC, p.shop_id, p.order_id LIMIT ? OFFSET ?""", [*params, limit, offset])
    orders = tuple(RefundedOrder(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] or "", tuple(r[9] or ()),
                                 r[10]) for r in rows)
    if rows:
        return RefundedPage(orders, int(rows[0][11]), offset)
    # Past the last order (or none at all): the count alone.
    total = db.scalar(f"""SELECT count(*) FROM sk_paid_orders() p JOIN orders o USING (shop_id, order_id)
                          WHERE p.refunded AND {where}{only_sku}{found}""", params) if offset else 0
    return RefundedPage((), int(total or 0), offset)
