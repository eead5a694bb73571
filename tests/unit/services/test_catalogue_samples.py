"""The catalogue on shops imported from the real exports in ../shared/samples (skipped when absent)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from shop_tables import snapshot

from shopkeeper.db.database import Database
from shopkeeper.services.change_sets import undo
from shopkeeper.services.imports import import_paths
from shopkeeper.services.inventory import inventory_rows
from shopkeeper.services.sku_map_csv import export_sku_map, import_sku_map

pytestmark = pytest.mark.samples

KIDS = "shopify/FelixTellmann__kidsliving-api/orders_export.REDACTED-EXCERPT.csv"
EYEWEAR = "shopify/looker101__scaricaArticoli/orders_export.REDACTED-EXCERPT.csv"
TODAY = date(2026, 3, 1)


def _import(db: Database, path: Path, shop: str) -> None:
    if not path.is_file():
        pytest.skip(f"{path.name} is not in the samples folder")
    with tempfile.TemporaryDirectory(prefix="sk-import-") as work:
        [outcome] = import_paths(db, [path], workdir=Path(work), shop_name=shop)
    assert outcome.ok, outcome.message


def _units(db: Database) -> dict[str, int]:
    """All-time units per catalogue SKU, from the inventory's own rows and the sold lines."""
    return dict(db.fetchall("SELECT sku, sum(quantity - refunded_quantity)::INTEGER FROM sk_sku_lines() GROUP BY sku"))


def test_orders_alone_give_every_sold_sku_a_catalogue_row_and_links_move_sales(
        shop: Database, samples_dir: Path, tmp_path: Path) -> None:
    _import(shop, samples_dir / KIDS, "Kids Living")
    _import(shop, samples_dir / EYEWEAR, "Occhiali")
    sold = {r[0] for r in shop.fetchall("SELECT DISTINCT sku FROM order_lines WHERE sku <> ''")}
    assert len(sold) == 48  # counted from the two files' Lineitem sku columns
    rows = {r["sku"]: r for r in inventory_rows(shop, TODAY)}
    assert set(rows) == sold  # no product export: every SKU comes from the order lines
    assert all(r["cost_unknown"] and r["order_only"] and r["platforms"] == "shopify" for r in rows.values())
    assert all(r["product"] for r in rows.values())

    mapping = tmp_path / "map.csv"
    assert export_sku_map(shop, mapping).rows == 48
    assert import_sku_map(shop, mapping, who="test").change_set_id is None

    # One line of a mapping: an eyewear-shop SKU sells what a Kids Living SKU is (a hand-made link).
    kids_sku = shop.scalar("SELECT min(sku) FROM order_lines WHERE shop_id = 'shopify:Kids Living' AND sku <> ''")
    eye_sku = shop.scalar("SELECT min(sku) FROM order_lines WHERE shop_id = 'shopify:Occhiali' AND sku <> ''")
    before_units, before = _units(shop), snapshot(shop)
    edited = tmp_path / "edited.csv"
    edited.write_text(f"platform,shop,channel_sku,master_sku\nshopify,Occhiali,{eye_sku},{kids_sku}\n",
                      encoding="utf-8")
    import_sku_map(shop, edited, who="test")
    after_units = _units(shop)
    assert eye_sku not in after_units
    assert after_units[kids_sku] == before_units[kids_sku] + before_units[eye_sku]
    assert sum(after_units.values()) == sum(before_units.values())
    assert eye_sku not in {r["sku"] for r in inventory_rows(shop, TODAY)}
    undo(shop, who="test")
    assert snapshot(shop) == before and _units(shop) == before_units
