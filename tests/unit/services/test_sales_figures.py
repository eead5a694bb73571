"""Charts, inventory and members count the same sales on the same local days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from shopkeeper.db.database import Database
from shopkeeper.services.charts import daily_revenue_by_platform, monthly_revenue, top_products
from shopkeeper.services.inventory import inventory_rows
from shopkeeper.services.membership import members_source

# A Double 11 order placed at 00:30 Beijing time (still 10 November in UTC), a New York order at
# 21:00 on 30 November (already 1 December in UTC), a pending one, a refunded one and a part refund.
ORDERS = [
    ("taobao:t", "T1", "nick", "2026-11-10 16:30:00+00", "+08:00", "paid", "CNY", "100.00", "0"),
    ("shopify:s", "S1", "ann@example.com", "2026-12-01 02:00:00+00", "-05:00", "shipped", "USD", "10.00", "0"),
    ("taobao:t", "T2", "nick", "2026-11-11 03:00:00+00", "+08:00", "pending", "CNY", "999.00", "0"),
    ("taobao:t", "T3", "nick", "2026-11-11 04:00:00+00", "+08:00", "refunded", "CNY", "500.00", "500.00"),
    ("taobao:t", "T4", "nick", "2026-11-11 05:00:00+00", "+08:00", "partially_refunded", "CNY", "80.00", "30.00"),
]


def _fill(db: Database) -> None:
    with db.transaction():
        db.execute("INSERT INTO currency_settings (key, value) VALUES ('base_currency', 'CNY'), ('fx_USD', '7.10')")
        for shop_id, order_id, buyer, at, tz, status, cur, total, refunded in ORDERS:
            db.execute("INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, "
                       "total, refunded_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [shop_id, order_id, buyer, at, tz, status, cur, total, refunded])
            db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, "
                       "line_total, currency, refunded_quantity) VALUES (?, ?, 1, 'MUG', 'Mug', 2, ?, ?, ?, ?)",
                       [shop_id, order_id, Decimal(total) / 2, total, cur, 1 if order_id == "T4" else 0])
        db.execute("INSERT INTO members (member_id, display_name, joined_at) VALUES ('m1', 'Nick', now())")
        db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) VALUES ('taobao:t', 'nick', 'm1')")
        db.execute("INSERT INTO variants (sku, product_id, currency) VALUES ('MUG', 'P', 'CNY')")


def test_daily_revenue_counts_sold_orders_on_their_local_day(shop: Database) -> None:
    _fill(shop)
    series = {s.label: dict(zip(s.x, s.y, strict=True))
              for s in daily_revenue_by_platform(shop, date(2026, 11, 1), date(2026, 12, 31))}
    # Pending and refunded orders are no sales; the part refund counts its 50 kept.
    assert series == {"shopify": {date(2026, 11, 30): Decimal("71.00")},
                      "taobao": {date(2026, 11, 11): Decimal("150.00")}}
    assert monthly_revenue(shop, 2, date(2026, 12, 31)) == [
        (date(2026, 11, 1), Decimal("221.00"))]
    assert top_products(shop, date(2026, 11, 11), date(2026, 11, 11)) == [("Mug", Decimal("180.00"), 3)]


def test_inventory_velocity_and_member_activity_use_the_same_days(shop: Database) -> None:
    _fill(shop)
    sold = [(r["sku"], r["sold_30d"]) for r in inventory_rows(shop, date(2026, 12, 10))]
    assert sold == [("MUG", 2 + 1 + 2)]  # T1, T4 less its refunded unit, S1
    # 30 local days up to 10 December start on 11 November: Double 11 counts, 10 November would not.
    assert [r["sold_30d"] for r in inventory_rows(shop, date(2026, 12, 11))] == [2]
    members = members_source(date(2026, 11, 11), chinese=False)
    rows = shop.fetchall(f"SELECT member_id, orders, spend, last_order, status FROM ({members.base_sql})",
                         list(members.params))
    assert rows == [("m1", 2, Decimal("150.00"), date(2026, 11, 11), "active")]
