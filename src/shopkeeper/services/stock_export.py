"""Stock-update files: each platform's own upload format, holding what its shop should list.

The quantity in every file is `services/channel_stock.listed_stock`: available
stock (on hand less unshipped orders) through the shop's channel rule. Files
are written to a temporary name beside the target and renamed over it, so a
failed write never leaves half a file where the seller expects one. Text cells
go through `csv_safe`, so a spreadsheet never runs one as a formula (a SKU that
starts with =, +, - or @ is written with a leading quote, as in every CSV
Shopkeeper writes). A SKU whose stock was never counted (no stock export or
count gave it a level) is left out rather than written as 0: uploading 0 would
take it off sale on the platform for want of a number; the result says how many.

The formats, as documented by each platform:

* **Shopify** inventory CSV, "Only Available quantities" layout (help.shopify.com
  › Products › Inventory › Exporting or importing inventory with a CSV file):
  Handle, Title, Option1 Name/Value … Option3 Name/Value, SKU, HS Code, COO,
  then one column named after the location, holding its Available quantity.
  Importing that layout sets Available, which is what a channel rule decides
  (the "All quantity types" layout only takes On hand, from which Shopify
  subtracts its own committed units: our available has already done that).
  Variants are matched by Handle and option values; a product without options
  is "Title" / "Default Title"; the SKU cell stays empty for a variant the
  export gave no SKU. Option names are left empty when unknown (the
  shop's exports do not keep them). UTF-8 without BOM, like Shopify's own files.
* **Amazon** Price & Quantity file (Seller Central help 200385490): tab-delimited
  text, `sku, price, minimum-seller-allowed-price, maximum-seller-allowed-price,
  quantity, handling-time, fulfillment-channel`; only sku and quantity are filled,
  and Amazon keeps the current value of every cell left empty. UTF-8 without BOM
  (a BOM would become part of the first column's name). For seller-fulfilled
  listings; Amazon ignores quantities of FBA listings.
* **WooCommerce** product CSV importer, update existing products: `ID, SKU,
  In stock?, Stock`. WooCommerce matches a row by ID, else by SKU, and only the
  columns present are changed (a Name column would rename products, so none is
  written). ID is filled only for a listing whose own SKU this is; a product the
  export gave no SKU (Shopkeeper calls it wc-ID) is matched by ID alone. UTF-8 with BOM,
  as WooCommerce's exporter writes it, so Excel opens it with the right characters.
* **淘宝 / 天猫 (千牛, 淘宝助理)**: no documented file format for a quantity-only
  upload was found (Taobao documents only its API, `taobao.item.quantity.update`;
  the 淘宝助理 item CSV replaces whole items). No writer, rather than an invented
  format; the command says so.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.channel_stock import ChannelRule
from shopkeeper.domain.errors import KnownError
from shopkeeper.domain.messages import Message
from shopkeeper.domain.sku_lines import stand_in_platform
from shopkeeper.domain.spreadsheet_cells import csv_safe
from shopkeeper.services.channel_stock import (
    ChannelStockRow,
    PlatformShop,
    channel_rule,
    listed_stock,
    platform_shops,
)

DEFAULT_SHOPIFY_LOCATION = "Shop location"  # the name Shopify gives a new store's first location
_EXPORT_FAILED = Message("title.export_failed")


@dataclass(frozen=True)
class StockFileFormat:
    platform: str
    encoding: str
    delimiter: str
    header: Callable[[str], list[str]]          # location -> header
    row: Callable[[ChannelStockRow], list[object]]


def _shopify_header(location: str) -> list[str]:
    return ["Handle", "Title", "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value",
            "Option3 Name", "Option3 Value", "SKU", "HS Code", "COO", location]


def _shopify_row(r: ChannelStockRow) -> list[object]:
    values = [v.strip() for v in (r.option_text or "").split(" / ") if v.strip()]
    if values:
        options: list[object] = []
        for i in range(3):
            options += ["", values[i] if i < len(values) else ""]
    else:
        options = ["Title", "Default Title", "", "", "", ""]
    # A Shopify product export keys the product by its handle, so the product's key is the handle.
    return [r.product_id, r.title, *options, _own_sku(r, f"{r.product_id}/", r.product_id), "", "", r.listed]


def _own_sku(r: ChannelStockRow, *made_up: str) -> str:
    """The SKU as the platform knows it: empty when our importer made it up for a row that had none
    (a Shopify variant as handle/options, a WooCommerce product as wc-ID), lest the upload set it."""
    stand_in = any(r.sku == m or (m.endswith("/") and r.sku.startswith(m)) for m in made_up)
    return "" if stand_in else r.sku


def _amazon_row(r: ChannelStockRow) -> list[object]:
    return [r.sku, "", "", "", r.listed, "", ""]


def _woo_row(r: ChannelStockRow) -> list[object]:
    post_id = r.listing_id if r.listing_id and r.listing_id.isdigit() else ""
    if not post_id and r.sku.startswith("wc-") and r.sku[3:].isdigit():
        post_id = r.sku[3:]  # a variation the export gave no SKU: importers/platforms/woocommerce.py keys it wc-ID
    sku = _own_sku(r, f"wc-{post_id}") if post_id else r.sku
    return [post_id, sku, 1 if r.listed > 0 else 0, r.listed]


FORMATS: dict[str, StockFileFormat] = {
    "shopify": StockFileFormat("shopify", "utf-8", ",", _shopify_header, _shopify_row),
    "amazon": StockFileFormat(
        "amazon", "utf-8", "\t",
        lambda _location: ["sku", "price", "minimum-seller-allowed-price", "maximum-seller-allowed-price",
                           "quantity", "handling-time", "fulfillment-channel"],
        _amazon_row),
    "woocommerce": StockFileFormat("woocommerce", "utf-8-sig", ",",
                                   lambda _location: ["ID", "SKU", "In stock?", "Stock"], _woo_row),
}


@dataclass(frozen=True)
class StockExport:
    platform: str
    shop_id: str
    path: Path
    count: int      # SKUs written
    units: int      # units listed in all
    uncounted: int  # SKUs the shop sells that were left out: their stock was never counted
    unlisted: int = 0  # counted SKUs left out: known only from orders under a stand-in, with no listing to update

    @property
    def message(self) -> Message:
        params = {"platform": self.platform, "shop": self.shop_id, "path": str(self.path), "count": self.count,
                  "units": self.units, "uncounted": self.uncounted}
        if self.unlisted:
            return Message("export.stock.written_unlisted", {**params, "unlisted": self.unlisted})
        return Message("export.stock.written", params)


def platforms_with_writers() -> list[str]:
    return sorted(FORMATS)


def resolve_shop(db: Database, platform: str, shop: str | None) -> PlatformShop:
    """The platform shop a stock update is for: the one named, else the platform's only shop."""
    if platform not in FORMATS:
        raise KnownError(Message("export.stock.no_writer", {"platform": platform,
                                                            "platforms": platforms_with_writers()}),
                         title=_EXPORT_FAILED)
    shops = platform_shops(db, platform)
    if not shops:
        raise KnownError(Message("export.stock.no_shop", {"platform": platform}), title=_EXPORT_FAILED)
    if shop is None:
        if len(shops) == 1:
            return shops[0]
        raise KnownError(Message("export.stock.which_shop", {"platform": platform,
                                                             "shops": [s.name for s in shops]}),
                         title=_EXPORT_FAILED)
    wanted = shop.strip().casefold()
    for s in shops:
        if wanted in (s.shop_id.casefold(), s.name.casefold()):
            return s
    raise KnownError(Message("export.stock.unknown_shop", {"platform": platform, "shop": shop,
                                                           "shops": [s.name for s in shops]}),
                     title=_EXPORT_FAILED)


def write_stock_update(db: Database, platform: str, out: Path, *, shop: str | None = None,
                       location: str = DEFAULT_SHOPIFY_LOCATION) -> StockExport:
    """Write `platform`'s stock-update file for one of its shops to `out`; refuses (KnownError) rather than
    writing a file the platform could not use."""
    target = resolve_shop(db, platform, shop)
    fmt = FORMATS[platform]
    sells = listed_stock(db, target.shop_id)
    counted = [r for r in sells if r.counted]
    # An item kept under its title's stand-in with no listing of the shop has no key the platform knows (a
    # Shopify line gives no handle): its row would name a product that does not exist there.
    rows = [r for r in counted if r.listing_id is not None or r.product_listing_id is not None
            or stand_in_platform(r.sku) is None]
    if not rows:
        refusal = Message("export.stock.nothing_listed", {"shop": target.shop_id, "uncounted": len(sells)}) \
            if not counted else Message("export.stock.only_unlisted", {"shop": target.shop_id, "unlisted": len(counted)})
        raise KnownError(refusal, title=_EXPORT_FAILED)
    path = Path(out)
    _write_atomically(path, fmt, fmt.header(location.strip() or DEFAULT_SHOPIFY_LOCATION), rows)
    return StockExport(platform, target.shop_id, path, len(rows), sum(r.listed for r in rows),
                       len(sells) - len(counted), len(counted) - len(rows))


def _write_atomically(path: Path, fmt: StockFileFormat, header: Sequence[str],
                      rows: Sequence[ChannelStockRow]) -> None:
    tmp = path.with_name(path.name + ".partial")
    try:
        with tmp.open("w", encoding=fmt.encoding, newline="") as fh:
            out = csv.writer(fh, delimiter=fmt.delimiter, quoting=csv.QUOTE_MINIMAL)
            out.writerow([csv_safe(h) for h in header])
            for r in rows:
                out.writerow([c if isinstance(c, int) else csv_safe(c) for c in fmt.row(r)])
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KnownError(Message("export.stock.cannot_write", {"path": str(path), "reason": exc.strerror or str(exc)}),
                         title=_EXPORT_FAILED) from exc


@dataclass(frozen=True)
class ExportTarget:
    """A platform shop a stock-update file can be written for, with its rule and what it would list."""

    shop: PlatformShop
    rule: ChannelRule
    rows: tuple[ChannelStockRow, ...]

    @property
    def units(self) -> int:
        return sum(r.listed for r in self.rows)


def export_targets(db: Database) -> list[ExportTarget]:
    """Every shop of a platform with a writer, for the window's Export stock update dialog."""
    return [ExportTarget(s, channel_rule(db, s.shop_id), tuple(listed_stock(db, s.shop_id)))
            for s in platform_shops(db) if s.platform in FORMATS]
