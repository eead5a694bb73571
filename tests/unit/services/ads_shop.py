"""A small Amazon shop with orders, costs, settled fees, ads and traffic, for the ads and conversion figures.

Sales in June 2026 (USD): MUG-BLUE 2 + 1 units at 20.00 (60.00, orders of 1 and 2 June), MUG-RED 1 unit at
30.00 (2 June). Costs: blue 8.00, red 18.00. Settled fees: 9.00 on the two blue orders (60.00), a fee rate
of 15 %. Margin before ads: blue (60 − 24 − 9) ÷ 60 = 0.45 (break-even ROAS 2.22), red (30 − 18 − 4.50) ÷
30 = 0.25 (break-even ROAS 4.00). Ads: "Blue - Exact" spent 10.00 for 40.00 of sales (ROAS 4, above),
"Red - Auto" 15.00 for 30.00 (ROAS 2, below its 4.00).
"""

from __future__ import annotations

from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.services.imports import import_paths

_HEADER = ("amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tproduct-name\tsku\t"
           "asin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price")
ORDERS = "\n".join([
    _HEADER,
    "111-0000001-0000001\t\t2026-06-01T10:00:00+00:00\t2026-06-03T10:00:00+00:00\tShipped\tBlue mug\tMUG-BLUE\t"
    "B0MUGBLUE1\tShipped\t2\tUSD\t40.00\t0.00\t0.00",
    "111-0000002-0000002\t\t2026-06-02T10:00:00+00:00\t2026-06-03T10:00:00+00:00\tShipped\tBlue mug\tMUG-BLUE\t"
    "B0MUGBLUE1\tShipped\t1\tUSD\t20.00\t0.00\t0.00",
    "111-0000003-0000003\t\t2026-06-02T11:00:00+00:00\t2026-06-03T10:00:00+00:00\tShipped\tRed mug\tMUG-RED\t"
    "B0MUGRED01\tShipped\t1\tUSD\t30.00\t0.00\t0.00",
]) + "\n"

ADS_BY_PRODUCT = """\
Date,Currency,Campaign Name,Ad Group Name,Advertised SKU,Advertised ASIN,Impressions,Clicks,Spend,7 Day Total Sales ,7 Day Total Orders (#),7 Day Total Units (#)
2026-06-01,USD,Blue - Exact,Blue,MUG-BLUE,B0MUGBLUE1,1000,20,$10.00,$40.00,1,2
2026-06-02,USD,Red - Auto,Red,MUG-RED,B0MUGRED01,3000,30,$15.00,$30.00,1,1
"""

# The same day of "Blue - Exact" at search-term level: the same 10.00, which must not count twice.
ADS_BY_SEARCH_TERM = """\
Date,Currency,Campaign Name,Ad Group Name,Targeting,Match Type,Customer Search Term,Impressions,Clicks,Spend,7 Day Total Sales ,7 Day Total Orders (#)
2026-06-01,USD,Blue - Exact,Blue,blue mug,EXACT,blue mug,600,12,$6.00,$20.00,1
2026-06-01,USD,Blue - Exact,Blue,blue mug,EXACT,mug blue,400,8,$4.00,$20.00,0
"""

TRAFFIC = """\
(Parent) ASIN,(Child) ASIN,Title,SKU,Sessions - Total,Page Views - Total,Units Ordered,Unit Session Percentage,Ordered Product Sales,Total Order Items
B0PARENT01,B0MUGBLUE1,Blue mug,MUG-BLUE,150,200,3,2.00%,$60.00,3
B0PARENT01,B0MUGRED01,Red mug,MUG-RED,2000,2600,1,0.05%,$30.00,1
B0PARENT01,B0MUGGRN01,Green mug,MUG-GREEN,40,50,0,0.00%,$0.00,0
"""


def build(db: Database, tmp_path: Path) -> str:
    """Imports the orders, ads and traffic; seeds costs and settled fees. Returns the shop id."""
    files = []
    for name, text in (("orders.txt", ORDERS), ("sp_products.csv", ADS_BY_PRODUCT),
                       ("sp_terms.csv", ADS_BY_SEARCH_TERM), ("business.csv", TRAFFIC)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    outcomes = import_paths(db, files, workdir=tmp_path / "import-work")
    assert all(o.ok for o in outcomes), [o.message for o in outcomes]
    shop_id = str(db.scalar("SELECT DISTINCT shop_id FROM orders"))
    with db.transaction():
        db.execute("INSERT INTO products (product_id, title) VALUES ('MUG', 'Mug')")
        db.execute("INSERT INTO variants (sku, product_id, option_text, price, cost, currency) VALUES "
                   "('MUG-BLUE', 'MUG', 'Blue', 20.00, 8.00, 'USD'), ('MUG-RED', 'MUG', 'Red', 30.00, 18.00, 'USD')")
        db.execute("INSERT INTO money_movements (shop_id, movement_id, occurred_at, amount, currency, kind, order_id) "
                   "VALUES (?, 'f1', TIMESTAMPTZ '2026-06-05 00:00:00+00', -6.00, 'USD', 'commission', "
                   "'111-0000001-0000001'), (?, 'f2', TIMESTAMPTZ '2026-06-05 00:00:00+00', -3.00, 'USD', "
                   "'commission', '111-0000002-0000002')", [shop_id, shop_id])
    return shop_id
