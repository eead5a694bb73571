"""Sales by place (chart_series.regions): an order naming a city counts under its city, one naming only a province
or state under that province, and only an order naming neither is "no place".

Before orders.ship_province, a Tmall 订单报表 (收货地址 = 内蒙古自治区) gave 20,414 of its 28,010 orders no city,
and the chart showed only the municipalities that happened to be stored as cities.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.services import chart_series as cs
from shopkeeper.services.chart_drilldown import Slice, orders_behind
from shopkeeper.services.chart_filters import ChartFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from cn_exports import write_csv  # noqa: E402
from export_files import import_ok  # noqa: E402

RANGE = ChartFilter(date(2026, 11, 1), date(2026, 11, 30), currency="CNY")

# (order, country, city, province, total)
ORDERS = [
    ("C1", "CN", "杭州市", "浙江省", "50.00"),
    ("C2", "中国", " 杭州", "浙江省", "30.00"),      # one country and one city whatever was written
    ("P1", "CN", None, "内蒙古自治区", "60.00"),
    ("P2", "CN", "", " 内蒙古自治区 ", "10.00"),      # an empty city is none; the province trimmed
    ("P3", "CN", None, "浙江省", "40.00"),            # Zhejiang's orders naming no city: not Hangzhou's
    ("W1", "US", None, "WA", "5.00"),
    ("W2", "AU", None, "WA", "5.00"),                 # another country's WA
    ("N1", "CN", None, None, "99.00"),                # no place at all
    ("N2", "CN", " ", "", "1.00"),
]


def _fill(db: Database) -> None:
    with db.transaction():
        for order_id, country, city, province, total in ORDERS:
            db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total,"
                       " refunded_amount, ship_country, ship_city, ship_province)"
                       " VALUES ('taobao:t', ?, '2026-11-20 04:00:00+00', '+08:00', 'paid', 'CNY', ?, 0, ?, ?, ?)",
                       [order_id, total, country, city, province])


def test_a_province_only_order_counts_under_its_province_and_a_city_order_under_its_city(shop: Database) -> None:
    _fill(shop)
    found, unknown = cs.regions(shop, RANGE)
    assert [(r.country, r.city, r.province, r.orders, r.revenue) for r in found] == [
        ("CN", "杭州", None, 2, Decimal("80.00")),
        ("CN", None, "内蒙古", 2, Decimal("70.00")),   # by its one name (domain/provinces.py)
        ("CN", None, "浙江", 1, Decimal("40.00")),
        ("US", None, "Washington", 1, Decimal("5.00")),   # each country's WA; alike in money and orders: by name
        ("AU", None, "Western Australia", 1, Decimal("5.00")),
    ]
    assert unknown == 2
    # every sold order is in a bar or in "no place"
    assert sum(r.orders for r in found) + unknown == len(ORDERS)


def test_a_city_comes_before_a_province_of_the_same_name(shop: Database) -> None:
    with shop.transaction():
        for order_id, city, province in (("a", "上海", "上海"), ("b", None, "上海")):
            shop.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total,"
                         " refunded_amount, ship_country, ship_city, ship_province)"
                         " VALUES ('taobao:t', ?, '2026-11-20 04:00:00+00', '+08:00', 'paid', 'CNY', 1, 0, 'CN', ?, ?)",
                         [order_id, city, province])
    found, _ = cs.regions(shop, RANGE)
    assert [(r.city, r.province) for r in found] == [("上海", None), (None, "上海")]


def test_the_orders_behind_a_place_add_up_to_its_bar(shop: Database) -> None:
    _fill(shop)
    found, _ = cs.regions(shop, RANGE)
    for r in found:
        point = Slice(country=r.country, city=r.city) if r.city else Slice(country=r.country, province=r.province)
        rows = orders_behind(RANGE, point).page(shop)
        assert (len(rows), sum(row[-1] for row in rows)) == (r.orders, r.revenue), r
    zhejiang = orders_behind(RANGE, Slice(country="CN", province="浙江")).page(shop)
    assert [row[0] for row in zhejiang] == ["P3"]
    assert [row[0] for row in orders_behind(RANGE, Slice(country="AU", province="Western Australia")).page(shop)] == [
        "W2"]


def test_one_province_is_one_bar_whatever_each_export_wrote(shop: Database) -> None:
    # A Taobao 订单报表 writes 上海市 and 浙江省, a Tmall one 上海 and 浙江; Shopify writes CA, Etsy California.
    # Grouped on the text, each made two bars that each held part of its money.
    written = [("1", "CN", "上海市", "10.00"), ("2", "CN", "上海", "20.00"), ("3", "中国", "浙江", "1.00"),
               ("4", "CN", "浙江省", "2.00"), ("5", "US", "CA", "3.00"), ("6", "United States", " california ", "4.00"),
               ("7", "CA", "CA", "0.50"), ("8", "US", "Calif.", "0.25")]
    with shop.transaction():
        for order_id, country, province, total in written:
            shop.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total,"
                         " refunded_amount, ship_country, ship_province)"
                         " VALUES ('taobao:t', ?, '2026-11-20 04:00:00+00', '+08:00', 'paid', 'CNY', ?, 0, ?, ?)",
                         [order_id, total, country, province])
    found, _ = cs.regions(shop, RANGE)
    assert [(r.country, r.province, r.orders, r.revenue) for r in found] == [
        ("CN", "上海", 2, Decimal("30.00")), ("US", "California", 2, Decimal("7.00")), ("CN", "浙江", 2, Decimal("3.00")),
        ("CA", "CA", 1, Decimal("0.50")),         # Canada has no province 'CA': as written
        ("US", "Calif.", 1, Decimal("0.25"))]     # a spelling it does not know: as written, never dropped
    for r in found:
        rows = orders_behind(RANGE, Slice(country=r.country, province=r.province)).page(shop)
        assert (len(rows), sum(row[-1] for row in rows)) == (r.orders, r.revenue), r


def test_a_tmall_report_naming_provinces_is_placed_by_province(shop: Database, tmp_path: Path) -> None:
    # the real sample's 7 columns (tests/unit/importers/test_ship_province.py): 收货地址 names only the province
    header = ["订单编号", "总金额", "买家实际支付金额", "收货地址 ", "订单创建时间", "订单付款时间 ", "退款金额"]
    rows = [[order_id, "21.0", "21.0", address, "2020-02-20 23:59:54", "2020-02-21 00:00:02", "0.0"]
            for order_id, address in (("1", "内蒙古自治区"), ("2", "上海"), ("3", "内蒙古自治区"), ("4", "安徽省"), ("5", ""))]
    import_ok(shop, write_csv(tmp_path / "tmall_order_report.csv", (header, rows), encoding="utf-8"))
    found, unknown = cs.regions(shop, ChartFilter(date(2020, 2, 1), date(2020, 2, 29)))
    assert [(r.country, r.city, r.province, r.orders) for r in found] == [
        ("CN", None, "内蒙古", 2), ("CN", "上海", None, 1), ("CN", None, "安徽", 1)]
    assert unknown == 1
