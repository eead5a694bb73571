"""`shopkeeper export sku-map` and `shopkeeper import --sku-map`: the channel links as a CSV, all or nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

ORDERS = SAMPLES / "shopify" / "FelixTellmann__kidsliving-api" / "orders_export.REDACTED-EXCERPT.csv"


def _shopkeeper(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopkeeper", *args], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.samples
def test_export_then_import_an_edited_map_moves_sales_and_a_bad_one_changes_nothing(tmp_path: Path) -> None:
    if not ORDERS.is_file():
        pytest.skip("the Shopify orders sample is not present")
    shop = str(tmp_path / "shop.duckdb")
    assert _shopkeeper("import", "--db", shop, "--shop", "Kids", str(ORDERS)).returncode == 0
    out = tmp_path / "map.csv"
    done = _shopkeeper("export", "sku-map", "--db", shop, "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "platform,shop,channel_sku,master_sku"
    assert json.loads(done.stdout) == {"path": str(out), "rows": len(lines) - 1}
    # Every item sells its own SKU until linked: the master column repeats the channel SKU.
    first, second = (line.split(",") for line in lines[1:3])
    assert first[:2] == ["shopify", "Kids"] and first[2] == first[3]

    unchanged = _shopkeeper("import", "--db", shop, "--sku-map", str(out))
    assert unchanged.returncode == 0 and "changes no link" in unchanged.stdout

    bad = tmp_path / "bad.csv"
    bad.write_text(f"platform,shop,channel_sku,master_sku\nshopify,Kids,{second[2]},{first[2]}\n"
                   f"shopify,Nowhere,X,{first[2]}\n", encoding="utf-8")
    refused = _shopkeeper("import", "--db", shop, "--sku-map", str(bad))
    assert refused.returncode == 2
    assert refused.stderr.strip() == ('shopkeeper: "bad.csv" was not imported: 1 line(s) have problems: '
                                      'bad.csv line 3: there is no shopify shop "Nowhere"')

    good = tmp_path / "good.csv"
    good.write_text(f"platform,shop,channel_sku,master_sku\nshopify,Kids,{second[2]},{first[2]}\n",
                    encoding="utf-8")
    applied = _shopkeeper("import", "--db", shop, "--sku-map", str(good))
    assert applied.returncode == 0, applied.stderr
    assert applied.stdout.strip() == 'SKU mapping "good.csv" (1 link(s))'
    report = json.loads(_shopkeeper("report", "inventory", "--db", shop, "--json").stdout)
    skus = {r["sku"] for r in report}
    assert first[2] in skus and second[2] not in skus
    assert all(r["cost_unknown"] and r["order_only"] for r in report)


def test_import_needs_files_or_a_map(tmp_path: Path) -> None:
    done = _shopkeeper("import", "--db", str(tmp_path / "shop.duckdb"))
    assert done.returncode == 2
    assert "needs at least one FILE" in done.stderr
