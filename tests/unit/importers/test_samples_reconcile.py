"""Every real export in ../shared/samples reconciles: what the shop says equals what the file says.

For each file the expected figures are worked out here, from the file itself with the csv
module (never with the importer's code): distinct orders, order lines, units, and the order
total per currency to the cent; for catalogue files the listings and the stock they state.
A row the importer rejects must be one this module names in REJECTED (with why), and it is
left out of the expected figures explicitly, so a reject can never hide a mismatch.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from export_files import run_import

from shopkeeper.db.database import Database
from shopkeeper.services.stats import shop_stats

pytestmark = pytest.mark.samples

Row = dict[str, str]


@dataclass
class Figures:
    orders: int = 0
    lines: int = 0
    units: int = 0
    totals: dict[str, Decimal] = field(default_factory=dict)
    listings: int = 0
    stock: int | None = None  # total on hand over stock levels, where the file states stock


def _read(path: Path, *, encoding: str = "utf-8", delimiter: str = ",", header_line: int = 1,
          data_from: int | None = None) -> list[Row]:
    """The file's data rows as {header: cell}; header names trimmed (Tmall writes `收货地址 `)."""
    text = path.read_bytes().decode(encoding).lstrip("\ufeff \t\r\n")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = [h.strip().lstrip("\ufeff") for h in records[header_line - 1]]
    body = records[(data_from or header_line + 1) - 1:]
    return [dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
            for cells in body if any(c.strip() for c in cells)]


def _money(cell: str) -> Decimal:
    return Decimal(cell.strip() or "0")


def _sum_by(pairs: Iterator[tuple[str, Decimal]]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in pairs:
        out[currency] += amount
    return {k: v.quantize(Decimal("0.01")) for k, v in out.items()}


def _first_per(rows: list[Row], key: str) -> dict[str, Row]:
    first: dict[str, Row] = {}
    for row in rows:
        first.setdefault(row[key], row)
    return first


# --- what each kind of file says -------------------------------------------------------------------

def shopify_orders(rows: list[Row]) -> Figures:
    # one row per line item; the order's own figures sit on its first row only
    first = _first_per(rows, "Name")
    items = [r for r in rows if r["Lineitem name"].strip()]
    return Figures(orders=len(first), lines=len(items), units=sum(int(r["Lineitem quantity"]) for r in items),
                   totals=_sum_by((r["Currency"], _money(r["Total"])) for r in first.values()))


def shopify_products(rows: list[Row]) -> Figures:
    handles = {r["Handle"] for r in rows if r["Title"].strip()}
    variant_rows = [r for r in rows if r["Variant Price"].strip()]
    return Figures(listings=len(handles),
                   stock=sum(int(r["Variant Inventory Qty"] or 0) for r in variant_rows))


def no_orders(rows: list[Row]) -> Figures:
    return Figures()


def etsy_items(rows: list[Row]) -> Figures:
    # one row per transaction; an order the shop does not know yet is totalled from its items plus
    # the order shipping and sales tax every row of it repeats
    by_order: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_order[r["Order ID"]].append(r)
    totals = _sum_by(
        (group[0]["Currency"], sum((_money(r["Item Total"]) for r in group), Decimal(0))
         + _money(group[0]["Order Shipping"]) + _money(group[0]["Order Sales Tax"]))
        for group in by_order.values())
    return Figures(orders=len(by_order), lines=len(rows), units=sum(int(r["Quantity"]) for r in rows),
                   totals=totals)


def etsy_orders(rows: list[Row]) -> Figures:
    # one row per order; until its items file comes, an order's units are its Number of Items (one line)
    first = _first_per(rows, "Order ID")
    counted = [r for r in first.values() if int(r["Number of Items"] or 0) > 0]
    return Figures(orders=len(first), lines=len(counted), units=sum(int(r["Number of Items"]) for r in counted),
                   totals=_sum_by((r["Currency"], _money(r["Order Total"])) for r in first.values()))


def etsy_listings(rows: list[Row]) -> Figures:
    # a listing's quantity is a SKU's stock only when the listing has exactly one SKU
    single = [r for r in rows if len([s for s in r["SKU"].split(",") if s.strip()]) == 1]
    return Figures(listings=len(rows), stock=sum(int(r["QUANTITY"]) for r in single))


def tmall_orders(rows: list[Row]) -> Figures:
    first = _first_per(rows, "订单编号")
    return Figures(orders=len(first), totals=_sum_by(("CNY", _money(r["总金额"])) for r in first.values()))


def woo_products(rows: list[Row], *, id_col: str = "ID", type_col: str = "Type", name_col: str = "Name",
                 stock_col: str = "Stock") -> Figures:
    def types(r: Row) -> set[str]:
        return {t.strip() for t in (r.get(type_col) or "simple").lower().split(",")}

    listed = [r for r in rows if "variation" not in types(r) and r[name_col].strip()]
    sellable = [r for r in rows if not types(r) & {"variable", "grouped", "external"}]
    stocked = [int(r[stock_col]) for r in sellable if (r.get(stock_col) or "").strip()]
    return Figures(listings=len(listed), stock=sum(stocked))


def woo_products_ru(rows: list[Row]) -> Figures:
    return woo_products(rows, type_col="Тип", name_col="Имя", stock_col="Запасы")


def taobao_assistant(rows: list[Row]) -> Figures:
    # `num` is the listing's whole stock, over all the SKUs its skuProps lists
    return Figures(listings=len(rows), stock=sum(int(r["num"]) for r in rows))


@dataclass(frozen=True)
class Sample:
    rel: str
    figures: Callable[[list[Row]], Figures]
    encoding: str = "utf-8"
    delimiter: str = ","
    header_line: int = 1
    data_from: int | None = None


SAMPLES = [
    Sample("shopify/luistatera__forezia-mock-data/orders_export.csv", shopify_orders),
    Sample("shopify/FelixTellmann__kidsliving-api/orders_export.REDACTED-EXCERPT.csv", shopify_orders),
    Sample("shopify/looker101__scaricaArticoli/orders_export.REDACTED-EXCERPT.csv", shopify_orders),
    Sample("shopify/PacktPublishing__Shopify-Theme-Customization-with-Liquid/products_export_1.csv", shopify_products),
    Sample("shopify/commerceworm__headless-shopify/products_export.csv", shopify_products),
    Sample("shopify/Kbataille06__fragry-theme/products_export.csv", shopify_products),
    Sample("shopify/juliettegramatges__Las-Lira/customers_export.REDACTED-EXCERPT.csv", no_orders),
    Sample("shopify/LiquidIQ__imagezoo-scripts/customers_export.REDACTED-EXCERPT.csv", no_orders),
    Sample("etsy/sarahhe05__Starry-Sticker-Shop-Analysis/EtsySoldOrderItems2021.REDACTED-EXCERPT.csv", etsy_items),
    Sample("etsy/Epicrae__EtsyCompanion/EtsySoldOrders2023.REDACTED-EXCERPT.csv", etsy_orders, delimiter="\t"),
    Sample("etsy/Marvilusart__Etsy-listing/EtsyListingsDownload.csv", etsy_listings),
    Sample("woocommerce/ClassicPress__classic-commerce/sample_products.csv", woo_products),
    Sample("woocommerce/marroxo__Website/wc-product-export.csv", woo_products, encoding="utf-8-sig"),
    Sample("woocommerce/artur8800__shop/wc-product-export.csv", woo_products_ru, encoding="utf-8-sig"),
    Sample("taobao/c2003070110__TBTool/montBell_baobeiTemplate.csv", taobao_assistant, encoding="utf-16",
           delimiter="\t", header_line=2, data_from=4),
    Sample("tmall/makisekurisuDDL__Data_analysis/tmall_order_report.csv", tmall_orders),
]

# Rows (1-based data rows) a file's import rejects, by file, and why. None of the samples has one
# today; a reject that appears must be added here with its reason, never absorbed by the figures.
REJECTED: dict[str, dict[int, str]] = {}


def _path(samples_dir: Path, rel: str) -> Path:
    path = samples_dir / rel
    if not path.is_file():
        pytest.skip(f"{rel} is not in the samples folder")
    return path


def _shop_figures(shop: Database) -> Figures:
    stats = shop_stats(shop)
    return Figures(orders=stats["orders"], lines=stats["order_lines"], units=stats["units"],
                   totals={cur: Decimal(total) for cur, total in stats["order_total"].items()},
                   listings=int(shop.scalar("SELECT count(*) FROM listings")),
                   stock=int(shop.scalar("SELECT coalesce(sum(on_hand), 0) FROM stock_levels")))


def _expected(sample: Sample, path: Path, rejected: set[int]) -> Figures:
    rows = _read(path, encoding=sample.encoding, delimiter=sample.delimiter, header_line=sample.header_line,
                 data_from=sample.data_from)
    kept = [r for n, r in enumerate(rows, start=1) if n not in rejected]
    return sample.figures(kept)


def _rejected_rows(shop: Database, batch_id: int) -> dict[int, str]:
    return dict(shop.fetchall("SELECT row_number, min(reason) FROM import_rejects WHERE batch_id = ? GROUP BY 1",
                              [batch_id]))


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.rel.split("/")[1] + "/" + Path(s.rel).name for s in SAMPLES])
def test_each_sample_reconciles(shop: Database, samples_dir: Path, sample: Sample) -> None:
    path = _path(samples_dir, sample.rel)
    [outcome] = run_import(shop, path)
    assert outcome.ok, outcome.message
    rejected = _rejected_rows(shop, outcome.batch_id)
    assert rejected == REJECTED.get(sample.rel, {}), outcome.message
    expected = _expected(sample, path, set(rejected))
    got = _shop_figures(shop)
    if expected.stock is None:
        got.stock = None
    assert got == expected


def test_all_samples_at_once_reconcile(shop: Database, samples_dir: Path) -> None:
    # Different shops and platforms, no order in two files: one shop holding them all says the sums.
    paths = [_path(samples_dir, s.rel) for s in SAMPLES]
    outcomes = run_import(shop, *paths)
    assert all(o.ok for o in outcomes), [o.message for o in outcomes if not o.ok]
    want = Figures(stock=0)
    for sample, path, outcome in zip(SAMPLES, paths, outcomes, strict=True):
        one = _expected(sample, path, set(_rejected_rows(shop, outcome.batch_id)))
        want.orders += one.orders
        want.lines += one.lines
        want.units += one.units
        want.listings += one.listings
        for cur, total in one.totals.items():
            want.totals[cur] = want.totals.get(cur, Decimal(0)) + total
        if one.stock is not None:
            assert want.stock is not None
            want.stock += one.stock
    assert _shop_figures(shop) == want


def test_every_sample_file_is_reconciled(samples_dir: Path) -> None:
    present = {p.relative_to(samples_dir).as_posix() for p in samples_dir.rglob("*")
               if p.is_file() and p.suffix.lower() in (".csv", ".tsv", ".txt", ".xlsx", ".xls", ".zip")}
    assert present == {s.rel for s in SAMPLES}
