"""The members, their points ledger and the tier rules as plain rows, for `report` and scripts.

Every figure is the Members tab's (services/membership.py, member_segments.py):
the same orders, spend, tier, points and segment, one object per member.
Personal data (name, e-mail, phone, a buyer id that is one of those) is masked
unless asked for, and asking is logged (member_segments.note_reveal).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from shopkeeper.db.database import Database
from shopkeeper.domain.contact_masking import mask_contact
from shopkeeper.domain.loyalty_settings import LoyaltySettings
from shopkeeper.services.currency import base_currency
from shopkeeper.services.member_segments import masked_account, note_reveal
from shopkeeper.services.membership import members_source


def member_rows(db: Database, today: date, *, show_pii: bool = False,
                now: datetime | None = None) -> list[dict[str, Any]]:
    source = members_source(today, chinese=False, now=now)
    rows = db.fetchall(
        f"""
        WITH accounts AS (
            SELECT member_id,
                   list(DISTINCT split_part(shop_id, ':', 1) ORDER BY split_part(shop_id, ':', 1)) AS platforms,
                   list(split_part(shop_id, ':', 1) || ':' || buyer_id ORDER BY shop_id, buyer_id) AS buyer_ids
            FROM buyers WHERE member_id IS NOT NULL GROUP BY member_id
        ),
        -- What customers exports say (domain/platform_totals.py). Amounts of shops in two currencies are not added
        -- up: a shop whose currency is not known is in a currency of its own.
        said AS (
            SELECT member_id, sum(platform_orders) AS platform_orders,
                   CASE WHEN count(DISTINCT coalesce(currency, '?' || shop_id)) FILTER (WHERE platform_spent IS NOT NULL)
                             <= 1 THEN sum(platform_spent) END AS platform_spent,
                   min(currency) FILTER (WHERE platform_spent IS NOT NULL) AS spent_currency,
                   sum(not_imported) AS not_imported
            FROM sk_platform_totals() GROUP BY member_id
        )
        SELECT src.member_id, m.display_name, m.email, m.phone, coalesce(a.platforms, []), coalesce(a.buyer_ids, []),
               src.orders, src.spend, src.last_order, src.status, src.segment, r.r, r.f, r.m, src.churn_risk,
               src.expected_next, r.days_to_second, m.tier_code, src.tier, src.points, src.points_pending,
               p.platform_orders, p.platform_spent, CASE WHEN p.platform_spent IS NOT NULL THEN p.spent_currency END,
               coalesce(p.not_imported, 0)
        FROM ({source.base_sql}) src
        JOIN members m USING (member_id)
        LEFT JOIN accounts a USING (member_id)
        LEFT JOIN said p USING (member_id)
        LEFT JOIN sk_rfm(CAST(? AS DATE)) r USING (member_id)
        ORDER BY src.member_id""",
        [*source.params, today],
    )
    if show_pii:
        note_reveal(db, "members report", len(rows))
    currency = base_currency(db)
    out = []
    for (member_id, name, email, phone, platforms, buyer_ids, orders, spend, last_order, status, segment, r, f, m,
         churn, expected_next, to_second, tier, tier_name, points, pending, platform_orders, platform_spent,
         spent_currency, not_imported) in rows:
        out.append({
            "member_id": member_id,
            "name": name if show_pii else mask_contact("name", name),
            "email": email if show_pii else mask_contact("email", email),
            "phone": phone if show_pii else mask_contact("phone", phone),
            "platforms": list(platforms),
            "platform_buyer_ids": [b if show_pii else masked_account(b) for b in buyer_ids],
            "orders": int(orders),
            "spend": _dec(spend),
            "currency": currency,
            "last_order": _iso(last_order),
            "status": status,
            "segment": segment,
            "rfm": None if r is None else f"{r}{f}{m}",
            "churn_risk": bool(churn),
            "expected_next_order": _iso(expected_next),
            "days_to_second_order": to_second,
            "tier": tier,
            "tier_name": tier_name,
            # At the moment the report is made (expiry counted once it has happened: domain/points.py).
            "points": int(points) + int(pending),       # the balance, pending points included
            "points_pending": int(pending),             # still inside the return window
            "points_available": int(points),            # what the member can spend now (the Members table's Points)
            # What the platforms' customers exports say (Shopify's Total Orders / Total Spent), added up over the
            # member's buyers: the platform's word, never in orders, spend, tiers or points; null when none said.
            "platform_orders": None if platform_orders is None else int(platform_orders),
            "platform_spent": _dec(platform_spent),     # null too when it is in two currencies
            # the shop's currency (the export names none); null while the shop's currency is not known
            "platform_spent_currency": spent_currency,
            "platform_orders_not_imported": int(not_imported),
        })
    return out


def ledger_rows(db: Database) -> list[dict[str, Any]]:
    rows = db.fetchall(
        "SELECT entry_id, member_id, points, reason, occurred_at, shop_id, order_id, expires_at, available_at, note"
        " FROM points_ledger ORDER BY member_id, occurred_at, entry_id"
    )
    return [{"entry_id": int(e), "member_id": m, "points": int(p), "reason": reason, "at": _iso(at), "shop_id": shop,
             "order_id": order, "expires_at": _iso(expires), "available_at": _iso(available), "note": note}
            for e, m, p, reason, at, shop, order, expires, available, note in rows]


def tier_rules(db: Database) -> list[dict[str, Any]]:
    """The tiers table as it is (every column, so rules the seller adds show without a change here), with what
    the thresholds count and over which window (domain/loyalty_settings.py).

    `min_spend` and `min_orders` were the report's keys before the seller could choose what a threshold
    counts; they stay, saying the same in the old words: the threshold when it counts spend (orders), else
    null (0).
    """
    settings = LoyaltySettings.from_settings(dict(db.fetchall("SELECT key, value FROM loyalty_settings")))
    cursor = db.execute("SELECT * FROM tiers ORDER BY rank")
    names = [d[0] for d in cursor.description or ()]
    out = []
    for row in cursor.fetchall():
        tier = {n: _plain(v) for n, v in zip(names, row, strict=True)}
        threshold = tier.get("threshold")
        tier["basis"], tier["window"] = settings.tier_basis, settings.tier_window
        tier["min_spend"] = threshold if settings.tier_basis == "spend" else None
        tier["min_orders"] = int(Decimal(threshold)) if settings.tier_basis == "orders" and threshold else 0
        out.append(tier)
    return out


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _plain(value: Any) -> Any:  # noqa: ANN401 - any column's value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value
