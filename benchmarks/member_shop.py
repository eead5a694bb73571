"""The benchmark shop of the member benchmarks: 200,000 members, a third of a million orders, a million lines.

Built in SQL, deterministically, into a migrated shop: `members` members (one in twenty
with a second buyer account, on the other platform), each with a buyer account on Shopify
(USD and CNY orders, a New York offset) or Taobao (CNY, +08:00), and `orders` orders over
the two years from 2024-07-01, skewed so that a member's chance of an order falls with
their number (a few buy often); one in 29 refunded, one in 31 cancelled, one in 37 partly
refunded (5), one Shopify order in five in USD at 7.10. With `lines_per_order`, each order
gets that many lines of a third of its total (333,000 orders × 3: the 1M lines of issue 10
item 8; the loyalty figures read orders, not lines, so the recompute benchmark leaves them out).

loyalty_recompute.py, rfm_churn.py and loyalty_same_figures.py all measure this one shop.
"""

from __future__ import annotations

from datetime import date

from shopkeeper.db.database import Database

TODAY = date(2026, 6, 30)  # the day every benchmark counts on: the last day of the two years


def build(db: Database, members: int, orders: int, lines_per_order: int = 0) -> None:
    db.execute("INSERT INTO shop_settings VALUES ('base_currency', 'CNY'), ('fx_USD', '7.10')")
    db.execute("INSERT INTO shops VALUES ('shopify:s', 'shopify', 's', 'USD'), ('taobao:t', 'taobao', 't', 'CNY')")
    db.execute("INSERT INTO members (member_id, display_name, joined_at) "
               "SELECT 'M' || lpad(i::VARCHAR, 7, '0'), 'member ' || i, TIMESTAMPTZ '2024-01-01 00:00:00+00' "
               "FROM range(?) t(i)", [members])
    db.execute("INSERT INTO buyers (shop_id, buyer_id, member_id) "
               "SELECT CASE WHEN i % 2 = 0 THEN 'shopify:s' ELSE 'taobao:t' END, 'b' || i, "
               "'M' || lpad(i::VARCHAR, 7, '0') FROM range(?) t(i) "
               "UNION ALL SELECT 'taobao:t', 'x' || i, 'M' || lpad(i::VARCHAR, 7, '0') "
               "FROM range(?) t(i) WHERE i % 20 = 0", [members, members])
    db.execute("""
        INSERT INTO orders (shop_id, order_id, buyer_id, ordered_at, ordered_tz, status, currency, total,
                            refunded_amount)
        SELECT CASE WHEN m % 2 = 0 THEN 'shopify:s' ELSE 'taobao:t' END, 'o' || i, 'b' || m,
               TIMESTAMPTZ '2024-07-01 00:00:00+00' + to_seconds((hash(i) % 63072000)::BIGINT),
               CASE WHEN m % 2 = 0 THEN '-04:00' ELSE '+08:00' END,
               CASE WHEN i % 29 = 0 THEN 'refunded' WHEN i % 31 = 0 THEN 'cancelled'
                    WHEN i % 37 = 0 THEN 'partially_refunded' ELSE 'completed' END,
               CASE WHEN m % 2 = 0 AND i % 5 = 0 THEN 'USD' ELSE 'CNY' END,
               (10 + hash(i * 7) % 90000 / 100)::DECIMAL(18,2),
               CASE WHEN i % 37 = 0 THEN 5 ELSE 0 END
        FROM (SELECT i, (hash(i * 3) % ?)::BIGINT * (hash(i * 5) % 100)::BIGINT // 100 AS m FROM range(?) t(i))
    """, [members, orders])
    if lines_per_order:
        db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price, "
                   "line_total, currency) SELECT o.shop_id, o.order_id, l, 'SKU' || (hash(o.order_id) % 500), "
                   "'item', 1, o.total / ?, o.total / ?, o.currency FROM orders o, range(1, ? + 1) r(l)",
                   [lines_per_order, lines_per_order, lines_per_order])
