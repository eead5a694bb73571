from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from shopkeeper.db.batches import new_batch
from shopkeeper.db.merge import upsert
from shopkeeper.services.stats import shop_stats


def _fill(db) -> None:  # noqa: ANN001
    with db.transaction():
        batch = new_batch(db, file_name="f.csv", content_hash="h", platform="shopify", kind="orders")
        db.execute(
            "CREATE TEMP TABLE so AS SELECT * FROM (VALUES"
            " ('shopify:s', '#1001', TIMESTAMPTZ '2025-05-11 09:55:16-04', '-04:00', 'paid', 'USD', 10.10::DECIMAL(18,2)),"
            " ('shopify:s', '#1002', TIMESTAMPTZ '2025-05-12 09:55:16-04', '-04:00', 'refunded', 'USD', 5.05::DECIMAL(18,2)),"
            " ('taobao:t', '3902182736481726354', TIMESTAMPTZ '2025-06-18 00:00:01+08', '+08:00', 'completed', 'CNY', 20512.20::DECIMAL(18,2))"
            ") t(shop_id, order_id, ordered_at, ordered_tz, status, currency, total)"
        )
        upsert(db, "orders", "so", batch)
        db.execute(
            "CREATE TEMP TABLE sl AS SELECT * FROM (VALUES"
            " ('shopify:s', '#1001', 1, 'MUG-1', 'Mug', 2, 5.05::DECIMAL(18,2), 10.10::DECIMAL(18,2), 'USD'),"
            " ('shopify:s', '#1002', 1, 'MUG-1', 'Mug', 1, 5.05::DECIMAL(18,2), 5.05::DECIMAL(18,2), 'USD'),"
            " ('taobao:t', '3902182736481726354', 1, 'TEA-9', '茶', 3, 6837.40::DECIMAL(18,2), 20512.20::DECIMAL(18,2), 'CNY')"
            ") t(shop_id, order_id, line_no, sku, title, quantity, unit_price, line_total, currency)"
        )
        upsert(db, "order_lines", "sl", batch)
        db.execute(
            "CREATE TEMP TABLE sb AS SELECT * FROM (VALUES ('shopify:s', 'a@example.com', 'm1'),"
            " ('taobao:t', 'tb_nick', 'm1')) t(shop_id, buyer_id, member_id)"
        )
        upsert(db, "buyers", "sb", batch)


def test_stats_counts_and_totals(shop) -> None:  # noqa: ANN001
    _fill(shop)
    assert shop_stats(shop) == {
        "orders": 3,
        "order_lines": 3,
        "units": 6,
        "buyers": 2,
        "members": 0,
        "products": 2,
        "order_total": {"CNY": "20512.20", "USD": "15.15"},
        "refunded_orders": 1,
        "imports": 1,
        # The refunded order is no sale: net revenue leaves it out while order_total keeps it.
        "sold_orders": 2,
        "net_revenue": {"CNY": "20512.20", "USD": "10.10"},
    }
    assert isinstance(shop.scalar("SELECT sum(total) FROM orders"), Decimal)


def test_stats_command_prints_one_json_object(shop, tmp_path: Path) -> None:  # noqa: ANN001
    _fill(shop)
    shop.close()
    result = subprocess.run(
        [sys.executable, "-m", "shopkeeper", "stats", "--json", "--db", str(tmp_path / "shop.duckdb")],
        capture_output=True, text=True, check=True,
    )
    data = json.loads(result.stdout)
    assert data["order_total"] == {"CNY": "20512.20", "USD": "15.15"}
    assert set(data) >= {"orders", "order_lines", "units", "buyers", "members", "products",
                         "order_total", "refunded_orders", "imports"}


def test_version_flag() -> None:
    result = subprocess.run([sys.executable, "-m", "shopkeeper", "--version"], capture_output=True, text=True,
                            check=True)
    assert result.stdout.startswith("Shopkeeper ")
