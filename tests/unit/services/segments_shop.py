"""A 50-member shop with five members in each named RFM segment, and one who never bought (a prospect)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from shopkeeper.db.database import Database

TODAY = date(2026, 6, 30)
# (segment, orders, days since the last): fewer than 100 members, so the fixed thresholds score them
# (R ≤ 30 days 5, ≤ 60 4, ≤ 90 3, ≤ 180 2, else 1; F = orders up to 5). Orders are 20 days apart.
PATTERNS = (
    ("champions", 5, 10),
    ("loyal", 4, 80),
    ("potential_loyalists", 2, 45),
    ("new_customers", 1, 5),
    ("promising", 1, 50),
    ("need_attention", 2, 75),
    ("at_risk", 3, 150),
    ("cant_lose", 6, 300),
    ("hibernating", 1, 120),
    ("lost", 1, 400),
)
PER_PATTERN = 5  # 50 members with orders


def seed_segments_shop(db: Database, today: date = TODAY) -> None:
    db.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'CNY')")
    n = 0
    for segment, orders, since in PATTERNS:
        for k in range(PER_PATTERN):
            member = f"{segment}-{k}"
            db.execute("INSERT INTO members (member_id, display_name, email, phone, joined_at) VALUES (?, ?, ?, ?, now())",
                       [member, f"Ann {member}", f"{member}@example.com", "+86 138 1234 5678"])
            db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES ('shopify:s', ?, ?)",
                       [f"{member}@example.com", member])
            for i in range(orders):
                day = today - timedelta(days=since + 20 * i)
                n += 1
                db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total) "
                           "VALUES ('shopify:s', ?, ?, ?, '+08:00', 'paid', 'CNY', ?)",
                           [f"o{n}", f"{member}@example.com", datetime.combine(day, time(4), UTC), Decimal("100.00")])
    # Someone who only ever cancelled: no sold order, a prospect.
    db.execute("INSERT INTO members (member_id, display_name, joined_at) VALUES ('nobody', 'Nobody', now())")
    db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES ('taobao:t', 'tb_nick', 'nobody')")
    db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total) "
               "VALUES ('taobao:t', 'c1', 'tb_nick', ?, '+08:00', 'cancelled', 'CNY', 50)",
               [datetime.combine(today, time(4), UTC)])
