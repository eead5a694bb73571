"""Listings table benchmark: sorting and filtering 100,000 SKUs in SQL, against one read of the sales.

Run:  PYTHONPATH=src .venv/bin/python benchmarks/inventory_table.py [--skus N] [--lines N] [--repeat N]

Builds (deterministically, with INSERT … SELECT over range(), into a temporary
shop file) a shop of `--skus` SKUs (default 100,000) on three platform shops:
1.5 listings per SKU with prices that differ across platforms, `--lines` order
lines (default 400,000) over the last 400 days, a stock ledger recording sales
for one SKU in ten, and 5 % of the SKUs delisted or seasonal. Then times what
the Listings tab asks for on each sort, filter and search: the first page (200
rows) and the row count, through `inventory_source` exactly as the window's
paged model does, keeping each task's best of `--repeat` (default 3).

The baseline, timed in the same run on the same shop, is one pass over the
sales: `sk_units_sold` for the last 90 days (every order line joined to its
order, grouped by SKU), the least any per-SKU sales figure costs. The figure of
merit is page + count ÷ baseline: how many reads of the sales one look at the
table costs, whatever the machine's speed. The figures themselves are computed
once per state of the shop (after an import, an edit, an undo) into a TEMP
table; that first computation is timed on its own line.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.domain.reorder import window
from shopkeeper.services.inventory import inventory_source

TODAY = date(2026, 11, 26)


def build(db: Database, skus: int, lines: int) -> None:
    orders = lines * 2 // 3
    with db.transaction():
        db.execute("INSERT INTO shops VALUES ('taobao:B', 'taobao', 'B', 'CNY'), ('shopify:B', 'shopify', 'B', 'CNY'),"
                   " ('douyin:B', 'douyin', 'B', 'CNY')")
        db.execute(f"INSERT INTO products (product_id, title) SELECT 'P' || i, 'Product ' || i FROM range({skus // 2}) t(i)")
        db.execute(f"""INSERT INTO variants (sku, product_id, option_text, price, cost, currency)
            SELECT 'SKU-' || i, 'P' || (i // 2), CASE WHEN i % 2 = 0 THEN 'Red' ELSE 'Blue' END,
                   (10 + i % 500)::DECIMAL(18,2), (4 + i % 200)::DECIMAL(18,2), 'CNY' FROM range({skus}) t(i)""")
        db.execute(f"""INSERT INTO stock_levels (sku, on_hand, updated_at)
            SELECT 'SKU-' || i, (i * 7) % 90, now() FROM range({skus}) t(i)""")
        db.execute(f"""INSERT INTO listings (shop_id, listing_id, sku, title, price, currency, status)
            SELECT s.shop_id, s.shop_id || '-' || i, 'SKU-' || i, 'Listing ' || i,
                   (10 + i % 500 + s.n * (i % 3))::DECIMAL(18,2), 'CNY', 'active'
            FROM range({skus}) t(i), (VALUES ('taobao:B', 0), ('shopify:B', 1), ('douyin:B', 2)) s(shop_id, n)
            WHERE s.n = 0 OR (i + s.n) % 4 = 0""")
        db.execute(f"""INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total)
            SELECT CASE i % 3 WHEN 0 THEN 'taobao:B' WHEN 1 THEN 'shopify:B' ELSE 'douyin:B' END, 'O' || i,
                   TIMESTAMPTZ '{TODAY}' - INTERVAL (i % 400) DAY + INTERVAL (i % 86400) SECOND, '+08:00',
                   CASE WHEN i % 20 = 0 THEN 'refunded' WHEN i % 10 = 0 THEN 'paid' ELSE 'completed' END, 'CNY', 50
            FROM range({orders}) t(i)""")
        # Popular SKUs sell more: the SKU of a line is skewed towards low numbers.
        db.execute(f"""INSERT INTO order_lines (shop_id, order_id, line_no, sku, title, quantity, unit_price,
                                                line_total, currency)
            SELECT o.shop_id, o.order_id, n.k, 'SKU-' || ((hash(o.order_id, n.k) % {skus}) *
                   (hash(o.order_id) % 100) // 100), 'Line', 1 + (hash(o.order_id, n.k) % 3)::INTEGER, 25, 25, 'CNY'
            FROM orders o, (VALUES (1), (2)) n(k)
            WHERE n.k = 1 OR hash(o.order_id) % 2 = 0""")
        db.execute(f"""INSERT INTO stock_movements (movement_id, sku, occurred_at, quantity, reason)
            SELECT row_number() OVER (), 'SKU-' || i, TIMESTAMPTZ '{TODAY}' - INTERVAL (d * 20) DAY,
                   CASE WHEN d % 2 = 0 THEN 30 ELSE -25 END, CASE WHEN d % 2 = 0 THEN 'purchase' ELSE 'sale' END
            FROM range(0, {skus}, 10) t(i), range(8) r(d)""")
        db.execute(f"""INSERT INTO sku_status (sku, delisted, season_start, season_end)
            SELECT 'SKU-' || i, i % 40 = 0, CASE WHEN i % 40 = 20 THEN 5 END, CASE WHEN i % 40 = 20 THEN 9 END
            FROM range(0, {skus}, 20) t(i)""")
    db.checkpoint()


def best(task: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        task()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skus", type=int, default=100_000)
    parser.add_argument("--lines", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "shop.duckdb")
        migrate(db, Path(folder) / "bk")
        started = time.perf_counter()
        build(db, args.skus, args.lines)
        counts = {t: db.scalar(f"SELECT count(*) FROM {t}") for t in ("variants", "listings", "order_lines")}
        print(f"shop built in {time.perf_counter() - started:.1f} s: {counts}")
        first, last = window(TODAY, 90)
        baseline = best(lambda: db.fetchall("SELECT count(*), sum(units) FROM sk_units_sold(?, ?)", [first, last]),
                        args.repeat)
        print(f"baseline: one read of 90 days' sales by SKU  {baseline:.3f} s")
        source = inventory_source(TODAY)
        cases: list[tuple[str, dict[str, object]]] = [
            ("default order (urgency)", {}),
            ("sort by units sold 90 days, descending", {"sort_key": "units_90d", "descending": True}),
            ("sort by highest price across platforms", {"sort_key": "price_max", "descending": True}),
            ("sort by status", {"sort_key": "status"}),
            ("filter: delisted", {"active": ["status_delisted"]}),
            ("filter: out of season", {"active": ["out_of_season"]}),
            ("filter: to buy, sorted by order cost", {"active": ["to_buy"], "sort_key": "order_value",
                                                      "descending": True}),
            ("search 'sku-4242'", {"search": "sku-4242"}),
        ]
        def rebuild() -> None:
            # What the first look after an import or an edit costs: any write starts a new generation of the
            # connection's data, so every SKU is figured once again into the kept TEMP table.
            db.execute("UPDATE shop_settings SET value = value WHERE FALSE")
            source.count(db)

        built = best(rebuild, args.repeat)
        print(f"figures of every SKU after a change (once)  {built:.3f} s = {built / baseline:.1f}x baseline")
        print(f"{'task':45} {'page s':>8} {'count s':>8} {'rows':>8} {'÷ baseline':>11}")
        for name, options in cases:
            search = str(options.get("search", ""))
            active = list(options.get("active", []))  # type: ignore[call-overload]
            page_s = best(lambda o=options: source.page(db, **o, limit=200), args.repeat)  # type: ignore[arg-type]
            count_s = best(lambda s=search, a=active: source.count(db, s, a), args.repeat)
            rows = source.count(db, search, active)
            print(f"{name:45} {page_s:8.3f} {count_s:8.3f} {rows:8,} {(page_s + count_s) / baseline:10.1f}x")
        db.close()


if __name__ == "__main__":
    main()
