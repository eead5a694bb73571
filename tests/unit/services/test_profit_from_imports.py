"""An order from an order export and the platform's money report about it meet: same shop, same order id."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.services.imports import undo_import
from shopkeeper.services.payouts import reconcile

sys.path.insert(0, str(Path(__file__).parents[1] / "importers"))
from cn_exports import douyin_orders, douyin_settlements, import_files, write_csv  # noqa: E402

SETTLED = "6917926768823643751"


def _estimated(db: Database) -> dict[str, bool]:
    return dict(db.fetchall("SELECT order_id, estimated FROM sk_profit_orders()"))


def test_douyin_orders_and_their_fund_flow_join_in_either_import_order(shop: Database, tmp_path: Path) -> None:
    orders = write_csv(tmp_path / "orders.csv", douyin_orders(), encoding="utf-8-sig", quote_all=True)
    money = write_csv(tmp_path / "动账明细.csv", douyin_settlements(), encoding="utf-8-sig")
    (money_batch,) = import_files(shop, tmp_path, money)
    import_files(shop, tmp_path, orders)
    # The order export and the 动账明细 name the order alike, in the same shop: the order is settled.
    assert _estimated(shop)[SETTLED] is False
    assert shop.scalar("SELECT count(DISTINCT shop_id) FROM (SELECT shop_id FROM orders UNION ALL"
                       " SELECT shop_id FROM money_movements)") == 1
    # The shipping-label movement names an order this shop does not hold: money with no order.
    found = reconcile(shop, date(2026, 12, 1))
    assert [m.order_id for m in found.unmatched] == ["6954164338068755932"]
    undo_import(shop, money_batch.batch_id)
    assert _estimated(shop)[SETTLED] is True
