"""`shopkeeper report inventory --json` on a shop with a gift set: the set's stock from its parts, no reorder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.bundles import set_bundle_parts

sys.path.insert(0, str(Path(__file__).parent / "services"))
from bundle_shop import CUP, GIFT, TEAPOT, seed_gift_shop  # noqa: E402


def test_a_bundle_reports_its_parts_stock_and_no_reorder_point(tmp_path: Path) -> None:
    path = tmp_path / "shop.duckdb"
    db = Database.open(path)
    migrate(db, tmp_path / "backups")
    seed_gift_shop(db)
    set_bundle_parts(db, GIFT, [(TEAPOT, 1), (CUP, 4)], who="test")
    db.checkpoint()
    db.close()
    run = subprocess.run([sys.executable, "-m", "shopkeeper", "report", "inventory", "--json", "--db", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    skus = {d["sku"]: d for d in json.loads(run.stdout)}
    gift = skus[GIFT]
    assert (gift["bundle"], gift["on_hand"], gift["reorder_point"], gift["suggested_order_qty"]) == (True, 4, None, 0)
    assert skus[TEAPOT]["bundle"] is False and skus[TEAPOT]["on_hand"] == 5
