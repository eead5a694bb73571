"""The real Chinese exports under ../shared/samples import with the values they hold (skipped when absent)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from cn_exports import import_files, one

from shopkeeper.db.database import Database

pytestmark = pytest.mark.samples

UTC = dt.UTC
TMALL = "tmall/makisekurisuDDL__Data_analysis/tmall_order_report.csv"
ASSISTANT = "taobao/c2003070110__TBTool/montBell_baobeiTemplate.csv"


def _sample(samples_dir: Path, relative: str) -> Path:
    path = samples_dir / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not among the samples")
    return path


def test_tmall_order_report(shop: Database, tmp_path: Path, samples_dir: Path) -> None:
    (outcome,) = import_files(shop, tmp_path, _sample(samples_dir, TMALL))
    assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_added, outcome.rows_rejected) == (
        "taobao", "orders", 28010, 28010, 0)
    assert one(shop, "SELECT count(*), sum(total), sum(refunded_amount), count(paid_at) FROM orders") == (
        28010, Decimal("2995760.61"), Decimal("572335.92"), 24087)
    assert shop.fetchall("SELECT status, count(*) FROM orders GROUP BY 1 ORDER BY 1") == [
        ("paid", 18441), ("partially_refunded", 514), ("pending", 3923), ("refunded", 5132)]
    # row 1: '2020-02-21 00:00:00' Beijing, never paid; 收货地址 '上海' (a municipality is its own city)
    assert one(shop, "SELECT ordered_at, ordered_tz, paid_at, status, total, refunded_amount, ship_city, currency "
                     "FROM orders WHERE order_id = '1'") == (
        dt.datetime(2020, 2, 20, 16, 0, tzinfo=UTC), "+08:00", None, "pending", Decimal("178.80"), Decimal("0.00"),
        "上海", "CNY")
    # row 5 refunded in full, row 6 in part (退款金额 178.8 of 327.7)
    assert one(shop, "SELECT status, refunded_amount FROM orders WHERE order_id = '5'") == (
        "refunded", Decimal("64.80"))
    assert one(shop, "SELECT status, total, refunded_amount FROM orders WHERE order_id = '6'") == (
        "partially_refunded", Decimal("327.70"), Decimal("178.80"))
    assert one(shop, "SELECT min(ordered_at), max(ordered_at) FROM orders") == (
        dt.datetime(2020, 1, 31, 16, 14, 15, tzinfo=UTC), dt.datetime(2020, 2, 29, 15, 59, 18, tzinfo=UTC))


def test_taobao_assistant_template(shop: Database, tmp_path: Path, samples_dir: Path) -> None:
    (outcome,) = import_files(shop, tmp_path, _sample(samples_dir, ASSISTANT))
    assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == ("taobao", "products", 1, 0)
    (product_id, title, category) = one(shop, "SELECT product_id, title, category FROM products")
    assert (title, category) == ("日本代购", "50019272")
    assert product_id.startswith("taobao-draft-")  # no outer_id, num_id 0: not uploaded yet
    # skuProps: 5 colours x 3 sizes, 9999 each, at 1000 yuan
    assert one(shop, "SELECT count(*), min(price), max(price), min(currency), count(DISTINCT option_text) "
                     "FROM variants") == (15, Decimal("1000.00"), Decimal("1000.00"), "CNY", 15)
    assert one(shop, "SELECT count(*), min(on_hand), sum(on_hand) FROM stock_levels") == (15, 9999, 149985)
    assert one(shop, "SELECT option_text FROM variants ORDER BY sku LIMIT 1") == ("1627207:28332 / 20549:33263",)
    assert one(shop, "SELECT title, price, status, quantity FROM listings") == (
        "日本代购", Decimal("1000.00"), "draft", 149985)
