"""Charts benchmark: each chart's query and redraw against a raw DuckDB aggregate of the same rows, in one run.

Run:  PYTHONPATH=src QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/charts_redraw.py [--lines N] [--repeat N]

Builds (in SQL, deterministically) a migrated shop in a temporary folder like rfm_churn.py:
`--lines` order lines (default 1,000,000) in a third as many orders over two years, on Shopify
and Taobao, some refunded, some in USD with a rate, 500 SKUs in five categories, cities, and a
promotion every quarter. Then for each chart of the Charts tab (and the summary row), `--repeat`
times (default 3), keeping the best wall time:

* **floor**: a plain DuckDB aggregate of the same rows with no rules (sum of `total` per UTC
  date of the orders, or of `line_total` per SKU for the line charts) - the least any chart of
  that shape can cost;
* **query**: the service function the tab runs on the worker thread (rules' macros, filters,
  local days, net revenue in the base currency);
* **draw**: the tab drawing the result into its pyqtgraph plot and rendering it offscreen - the
  time the GUI thread is busy.

Prints query / floor as the ratio, and draw separately (the GUI thread's share). The summary row
keeps the orders it read per state of the shop (Database.kept_result), so it is timed twice:
`summary*` is the first call after the shop changed (reads every order once), `summary` a later
one (another range, day or filter adds up the kept rows).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.chart_filters import ChartFilter
from shopkeeper.services.summary_figures import summary

sys.path.insert(0, str(Path(__file__).parent))
from rfm_churn import build as build_orders  # noqa: E402

TODAY = date(2026, 6, 30)
ORDER_FLOOR = "SELECT CAST(ordered_at AS DATE) AS d, sum(total) FROM orders GROUP BY d"
LINE_FLOOR = "SELECT sku, sum(line_total) FROM order_lines GROUP BY sku"
LINE_CHARTS = {"products", "pareto", "bands"}


def build(db: Database, lines: int) -> None:
    build_orders(db, members=lines // 5, lines=lines)
    db.execute("UPDATE orders SET ship_country = 'CN', ship_city = ['上海', '北京', '深圳', '杭州', '成都'][(hash(order_id) % 5)::BIGINT + 1]")
    db.execute("INSERT INTO products SELECT 'P' || i, 'Product ' || i, ['Mugs', 'Tea', 'Teapots', 'Vases', 'Home'][i % 5 + 1],"
               " NULL, NULL, NULL FROM range(500) t(i)")
    db.execute("INSERT INTO variants (sku, product_id, currency) SELECT 'SKU' || i, 'P' || i, 'CNY' FROM range(500) t(i)")
    db.execute("INSERT INTO promotions (promotion_id, name, starts_on, ends_on, currency, created_at) "
               "SELECT i, 'Campaign ' || i, DATE '2024-07-01' + (91 * i)::INTEGER, DATE '2024-07-01' + (91 * i + 10)::INTEGER, 'CNY', now() "
               "FROM range(8) t(i)")


def best(task: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = task()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    qt = QApplication.instance() or QApplication([])
    import pyqtgraph as pg  # noqa: PLC0415

    from shopkeeper.ui.tabs.charts_tab import CHARTS  # noqa: PLC0415 - after the QApplication

    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.duckdb")
        migrate(db, Path(folder) / "bk")
        started = time.perf_counter()
        with db.transaction():
            build(db, args.lines)
        print(f"built {db.scalar('SELECT count(*) FROM order_lines'):,} lines in "
              f"{db.scalar('SELECT count(*) FROM orders'):,} orders in {time.perf_counter() - started:.1f} s")
        f = ChartFilter(TODAY - timedelta(days=364), TODAY)
        floors = {name: best(lambda sql=sql: db.fetchall(sql), args.repeat)[0]
                  for name, sql in (("orders", ORDER_FLOOR), ("lines", LINE_FLOOR))}
        print(f"floor: orders per day {floors['orders'] * 1000:.0f} ms, lines per SKU {floors['lines'] * 1000:.0f} ms\n")
        print(f"{'chart':10s} {'query ms':>9s} {'floor ms':>9s} {'ratio':>6s} {'draw ms':>8s}")
        plot = pg.PlotWidget()
        plot.resize(1000, 500)
        plot.show()
        def first_after_a_change() -> None:
            db.generation += 1  # what any write does: the kept orders are read again
            summary(db, f, TODAY)

        took, _s = best(first_after_a_change, args.repeat)
        print(f"{'summary*':10s} {took * 1000:9.0f} {floors['orders'] * 1000:9.0f} {took / floors['orders']:6.1f}")
        took, _s = best(lambda: summary(db, f, TODAY), args.repeat)
        print(f"{'summary':10s} {took * 1000:9.0f} {floors['orders'] * 1000:9.0f} {took / floors['orders']:6.1f}")
        for kind in CHARTS:
            took, data = best(lambda kind=kind: kind.load(db, f, "week", TODAY), args.repeat)

            def draw(kind: Any = kind, data: Any = data) -> None:  # noqa: ANN401
                plot.clear()
                plot.getPlotItem().legend = None
                kind.draw(plot, data, "CNY", f, "week")
                plot.autoRange()
                plot.grab()   # paint it, as the screen would
                qt.processEvents()

            drawn, _ = best(draw, args.repeat)
            floor = floors["lines" if kind.key in LINE_CHARTS else "orders"]
            print(f"{kind.key:10s} {took * 1000:9.0f} {floor * 1000:9.0f} {took / floor:6.1f} {drawn * 1000:8.0f}")
        db.close()


if __name__ == "__main__":
    main()
