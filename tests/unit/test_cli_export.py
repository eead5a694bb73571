"""`shopkeeper export stock-update`: a platform's upload file from real exports, refusals exit non-zero."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

# Round trips over the seller exports in ../shared/samples (the stock-update writers' own fixtures are in
# tests/unit/services/test_stock_export.py); a clone without that folder skips them.
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples is not present")

SHOPIFY_PRODUCTS = SAMPLES / "shopify" / "commerceworm__headless-shopify" / "products_export.csv"
WOO_PRODUCTS = SAMPLES / "woocommerce" / "marroxo__Website" / "wc-product-export.csv"


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True,
                          timeout=120)


def _rows(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def test_shopify_file_names_every_variant_of_the_imported_export(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop.duckdb")
    assert _shopkeeper("import", "--db", shop, str(SHOPIFY_PRODUCTS)).returncode == 0
    out = tmp_path / "inventory.csv"
    done = _shopkeeper("export", "stock-update", "--db", shop, "--platform", "shopify", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    exported = [r for r in _rows(SHOPIFY_PRODUCTS) if r["Variant SKU"]]
    written = _rows(out)
    # round trip: the handle, SKU and quantity of every variant of the seller's own export come back
    assert {(r["Handle"], r["SKU"], int(r["Shop location"])) for r in written} == {
        (r["Handle"], r["Variant SKU"], int(r["Variant Inventory Qty"])) for r in exported}
    report = json.loads(done.stdout)
    assert report == {"platform": "shopify", "shop": "shopify:Shopify", "path": str(out), "skus": len(exported),
                      "units": sum(int(r["Variant Inventory Qty"]) for r in exported), "uncounted": 0,
                      "unlisted": 0}


def test_woocommerce_file_matches_products_by_id_and_sku(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop.duckdb")
    assert _shopkeeper("import", "--db", shop, str(WOO_PRODUCTS)).returncode == 0
    out = tmp_path / "woo.csv"
    done = _shopkeeper("export", "stock-update", "--db", shop, "--platform", "woocommerce", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbfID,SKU,In stock?,Stock\r\n")
    source = _rows(WOO_PRODUCTS, "utf-8-sig")
    by_id, by_sku = {r["ID"]: r for r in source}, {r["SKU"]: r for r in source if r["SKU"]}
    written = _rows(out, "utf-8-sig")
    assert len(written) > 10
    for row in written:
        exported = by_id[row["ID"]] if row["ID"] else by_sku[row["SKU"]]
        assert row["SKU"] == exported["SKU"]  # the seller's SKU, or empty where the export had none
        assert exported["Stock"] != ""  # only products whose stock the export gave: no invented zeros
        assert int(row["Stock"]) == max(0, int(exported["Stock"]))
        assert row["In stock?"] == ("1" if int(row["Stock"]) > 0 else "0")


def test_refusals_exit_non_zero_and_write_nothing(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop.duckdb")
    assert _shopkeeper("import", "--db", shop, str(SHOPIFY_PRODUCTS)).returncode == 0
    out = tmp_path / "t.csv"
    taobao = _shopkeeper("export", "stock-update", "--db", shop, "--platform", "taobao", "--out", str(out))
    assert taobao.returncode == 2
    assert taobao.stderr.strip() == ("shopkeeper: Shopkeeper cannot write a stock-update file for taobao; "
                                     "it can for: amazon; shopify; woocommerce.")
    amazon = _shopkeeper("export", "stock-update", "--db", shop, "--platform", "amazon", "--out", str(out))
    assert amazon.returncode == 2
    assert "no amazon shop" in amazon.stderr
    missing = _shopkeeper("export", "stock-update", "--db", str(tmp_path / "nope.duckdb"), "--platform", "shopify",
                          "--out", str(out))
    assert missing.returncode == 2
    assert not (tmp_path / "nope.duckdb").exists()
    assert not out.exists()
