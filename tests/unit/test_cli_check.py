"""`shopkeeper check listings`: a report of every listing problem; exit 0 with problems, non-zero without a shop."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PRODUCTS = ("Handle,Title,Body (HTML),Variant SKU,Variant Price,Image Src\n"
            "moon-mug,The Best Moon Mug NO.1 in town,,MUG-1,12.50,\n")


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True, timeout=120)


def test_check_listings_reports_problems_as_json_and_exits_zero(tmp_path: Path) -> None:
    shop = str(tmp_path / "shop.duckdb")
    export = tmp_path / "products_export.csv"
    export.write_text(PRODUCTS, encoding="utf-8")
    assert _shopkeeper("import", "--db", shop, str(export)).returncode == 0

    done = _shopkeeper("check", "listings", "--json", "--db", shop)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [e["sku"] for e in report] == ["MUG-1"]
    assert report[0]["title"] == "The Best Moon Mug NO.1 in town"
    problems = {p["rule"]: p["words"] for p in report[0]["problems"]}
    # China's Advertising Law governs listings shown in China: a Shopify title's "NO.1" is not checked.
    assert problems == {"missing_description": [], "missing_images": []}
    assert report[0]["problems"][0]["listing_id"] == "moon-mug"

    text = _shopkeeper("check", "listings", "--db", shop)
    assert text.returncode == 0
    assert "No description on shopify" in text.stdout


def test_check_listings_of_a_missing_shop_is_an_error(tmp_path: Path) -> None:
    done = _shopkeeper("check", "listings", "--json", "--db", str(tmp_path / "nope.duckdb"))
    assert done.returncode != 0
    assert done.stdout == ""
    assert "nope.duckdb" in done.stderr
