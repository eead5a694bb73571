"""Platform exports for the importer tests, written the way each platform writes them.

Headers are the real ones from csv-formats.md (§2-6); rows are given as
{header: cell} dicts and laid out in header order, so a test only spells
out the cells it cares about. `write_export` writes the table with the
platform's delimiter, quoting, encoding and line endings.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.migrate import migrate
from shopkeeper.services.imports import FileOutcome, import_paths

SHOPIFY_ORDERS = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,"
    "Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,"
    "Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
    "Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,"
    "Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,"
    "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,"
    "Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,"
    "Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,"
    "Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,"
    "Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
    "Payment ID,Payment Terms Name,Next Payment Due At,Payment References"
).split(",")

# The 2021 generation: the first 75 columns.
SHOPIFY_ORDERS_2021 = SHOPIFY_ORDERS[:75]

# The narrow layout of older exports (benchmarks/import_shopify.py --columns 37): no phones,
# notes, vendor, taxes, payment, source or line discount columns.
SHOPIFY_ORDERS_NARROW = [h for h in SHOPIFY_ORDERS if h in (
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
    "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
    "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
    "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
    "Billing Name", "Billing Street", "Billing City", "Billing Zip", "Billing Country", "Shipping Name",
    "Shipping Street", "Shipping City", "Shipping Zip", "Shipping Country", "Cancelled at", "Refunded Amount", "Id",
)]

SHOPIFY_PRODUCTS_2025 = (
    "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,"
    "Option1 Linked To,Option2 Name,Option2 Value,Option2 Linked To,Option3 Name,Option3 Value,Option3 Linked To,"
    "Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,"
    "Variant Fulfillment Service,Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,"
    "Unit Price Total Measure,Unit Price Total Measure Unit,Unit Price Base Measure,Unit Price Base Measure Unit,"
    "Variant Barcode,Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,SEO Description,"
    "Occasion (product.metafields.shopify.occasion),Saison (product.metafields.shopify.season),Variant Image,"
    "Variant Weight Unit,Variant Tax Code,Cost per item,Status"
).split(",")

SHOPIFY_CUSTOMERS = (
    "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,"
    "Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,"
    "Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,"
    "Total Spent,Total Orders,Note,Tax Exempt,Tags"
).split(",")

SHOPIFY_CUSTOMERS_LEGACY = (
    "First Name,Last Name,Email,Company,Address1,Address2,City,Province,Province Code,Country,Country Code,Zip,"
    "Phone,Accepts Marketing,Total Spent,Total Orders,Tags,Note,Tax Exempt"
).split(",")

ETSY_ITEMS = (
    "Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,"
    "Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,"
    "Ship Address1,Ship Address2,Ship City,Ship State,Ship Zipcode,Ship Country,Order ID,Variations,Order Type,"
    "Listings Type,Payment Type,InPerson Discount,InPerson Location,VAT Paid by Buyer,SKU"
).split(",")

ETSY_ORDERS = (
    "Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,"
    "Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,"
    "Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,"
    "Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,"
    "Payment Type,InPerson Discount,InPerson Location,SKU"
).split(",")

ETSY_LISTINGS = (
    "TITLE,DESCRIPTION,PRICE,CURRENCY_CODE,QUANTITY,TAGS,MATERIALS,IMAGE1,IMAGE2,IMAGE3,IMAGE4,IMAGE5,IMAGE6,"
    "IMAGE7,IMAGE8,IMAGE9,IMAGE10,VARIATION 1 TYPE,VARIATION 1 NAME,VARIATION 1 VALUES,VARIATION 2 TYPE,"
    "VARIATION 2 NAME,VARIATION 2 VALUES,SKU"
).split(",")

AMAZON_ALL_ORDERS = (
    "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\t"
    "sales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\t"
    "item-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\t"
    "ship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\t"
    "is-business-order\tpurchase-order-number\tprice-designation"
).split("\t")

WOO_PRODUCTS = (
    "ID,Type,SKU,\"GTIN, UPC, EAN, or ISBN\",Name,Published,\"Is featured?\",\"Visibility in catalog\","
    "\"Short description\",Description,\"Date sale price starts\",\"Date sale price ends\",\"Tax status\","
    "\"Tax class\",\"In stock?\",Stock,\"Low stock amount\",\"Backorders allowed?\",\"Sold individually?\","
    "\"Weight (kg)\",\"Length (cm)\",\"Width (cm)\",\"Height (cm)\",\"Allow customer reviews?\",\"Purchase note\","
    "\"Sale price\",\"Regular price\",Categories,Tags,\"Shipping class\",Images,\"Download limit\","
    "\"Download expiry days\",Parent,\"Grouped products\",Upsells,Cross-sells,\"External URL\",\"Button text\","
    "Position,Brands,\"Attribute 1 name\",\"Attribute 1 value(s)\",\"Attribute 1 visible\",\"Attribute 1 global\","
    "\"Meta: _wpcom_is_markdown\""
)

WOO_PRODUCTS_RU = "ID,Тип,Артикул,Имя,Опубликован,рекомендуемый?,Видимость в каталоге,Короткое описание,Описание," \
                  "В наличии?,Базовая цена,Категории,Изображения".split(",")

WOO_ORDERS_LEGACY = (
    "order_id,order_number_formatted,order_number,date,status,order_shipping,order_shipping_tax,order_fees,"
    "order_fee_tax,order_tax,cart_discount,order_discount,order_total,payment_method,shipping_method,customer_user,"
    "billing_first_name,billing_last_name,billing_email,billing_phone,billing_address_1,billing_address_2,"
    "billing_postcode,billing_city,billing_state,billing_country,billing_company,shipping_first_name,"
    "shipping_last_name,shipping_address_1,shipping_address_2,shipping_postcode,shipping_city,shipping_state,"
    "shipping_country,shipping_company,customer_note,order_item_1,order_item_2,download_permissions_granted,"
    "order_notes,shipping_method_1,shipping_cost_1"
).split(",")

WOO_ORDERS_DEFAULT = (
    "order_id,order_number,order_date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,tax_total,"
    "discount_total,order_total,refunded_total,order_currency,payment_method,shipping_method,customer_id,"
    "billing_first_name,billing_last_name,billing_company,billing_email,billing_phone,billing_address_1,"
    "billing_address_2,billing_postcode,billing_city,billing_state,billing_country,shipping_first_name,"
    "shipping_last_name,shipping_address_1,shipping_address_2,shipping_postcode,shipping_city,shipping_state,"
    "shipping_country,shipping_company,customer_note,line_items,shipping_items,fee_items,tax_items,coupon_items,"
    "order_notes,download_permissions"
).split(",")

WOO_ORDERS_PER_ITEM = (
    "order_id,order_number,order_date,status,shipping_total,tax_total,discount_total,order_total,order_currency,"
    "billing_first_name,billing_last_name,billing_email,billing_city,billing_country,item_id,item_name,item_sku,"
    "item_quantity,item_subtotal,item_total,item_refunded,item_refunded_qty"
).split(",")

EBAY_ORDERS = (
    "Sales Record Number,Order Number,Buyer Username,Buyer Name,Buyer Email,Buyer Note,Buyer Address 1,"
    "Buyer Address 2,Buyer City,Buyer State,Buyer Zip,Buyer Country,Buyer Tax Identifier Name,"
    "Buyer Tax Identifier Value,Ship To Name,Ship To Phone,Ship To Address 1,Ship To Address 2,Ship To City,"
    "Ship To State,Ship To Zip,Ship To Country,Item Number,Item Title,Custom Label,Sold Via Promoted Listings,"
    "Quantity,Sold For,Shipping And Handling,Item Location,Item Zip Code,Item Country,"
    "eBay Collect And Remit Tax Rate,eBay Collect And Remit Tax Type,eBay Reference Name,eBay Reference Value,"
    "Tax Status,Seller Collected Tax,eBay Collected Tax,Electronic Waste Recycling Fee,Mattress Recycling Fee,"
    "Battery Recycling Fee,White Goods Disposal Tax,Tire Recycling Fee,Additional Fee,Lumber Fee,"
    "Prepaid Wireless Fee,Road Improvement And Food Delivery Fee,eBay Collected Charges,Total Price,"
    "eBay Collected Tax and Fees Included in Total,Payment Method,Sale Date,Paid On Date,Ship By Date,"
    "Minimum Estimated Delivery Date,Maximum Estimated Delivery Date,Shipped On Date,Feedback Left,"
    "Feedback Received,My Item Note,PayPal Transaction ID,Shipping Service,Tracking Number,Transaction ID,"
    "Variation Details,Global Shipping Program,Global Shipping Reference ID,Click And Collect,"
    "Click And Collect Reference Number,eBay Plus,Authenticity Verification Program,"
    "Authenticity Verification Status,Authenticity Verification Outcome Reason,PSA Vault Program,"
    "Vault Fulfillment Type,eBay Fulfillment Program,Tax City,Tax State,Tax Zip,Tax Country,"
    "eBay International Shipping"
).split(",")


def woo_products_header() -> list[str]:
    return next(csv.reader(io.StringIO(WOO_PRODUCTS)))


def table(header: Sequence[str], rows: Iterable[Mapping[str, str]]) -> list[list[str]]:
    """Rows as lists in header order; a key that is not a header is a test bug."""
    out = []
    for row in rows:
        unknown = set(row) - set(header)
        assert not unknown, f"not in the header: {sorted(unknown)}"
        out.append([row.get(h, "") for h in header])
    return out


def write_export(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Mapping[str, str]] | Sequence[Sequence[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    newline: str = "\n",
    quoting: int = csv.QUOTE_MINIMAL,
    before: str = "",
    after: str = "",
) -> Path:
    """Write an export; rows are dicts by header or ready-made lists (for ragged rows)."""
    rows = list(rows)
    body = rows if not rows or not isinstance(rows[0], Mapping) else table(header, rows)  # type: ignore[arg-type]
    buffer = io.StringIO()
    quotechar = '"' if quoting != csv.QUOTE_NONE else None
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=newline, quotechar=quotechar,
                        escapechar="\\" if quoting == csv.QUOTE_NONE else None)
    writer.writerow(header)
    writer.writerows(body)
    path.write_bytes((before + buffer.getvalue() + after).encode(encoding))
    return path


def open_fresh_shop(folder: Path, name: str = "shop.duckdb") -> Database:
    """A new, migrated shop file in `folder`."""
    db = Database.open(folder / name)
    migrate(db, folder / "backups")
    return db


def run_import(db: Database, *paths: Path, **options: object) -> list[FileOutcome]:
    # A private scratch folder: never next to the inputs (the real samples folder is read-only to tests).
    with tempfile.TemporaryDirectory(prefix="sk-import-") as workdir:
        return import_paths(db, list(paths), workdir=Path(workdir), **options)  # type: ignore[arg-type]


def import_ok(db: Database, *paths: Path, **options: object) -> list[FileOutcome]:
    outcomes = run_import(db, *paths, **options)
    assert all(o.ok for o in outcomes), [o.message for o in outcomes]
    return outcomes


_NOT_SNAPSHOTTED = {"import_batches", "import_batch_members", "import_rejects", "change_events", "change_log",
                    "schema_version"}


def snapshot(db: Database) -> dict[str, list[str]]:
    """Every row of every shop table (history tables aside), for exact before/after comparisons."""
    tables = [r[0] for r in db.fetchall(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog <> 'temp' AND table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name"
    )]
    return {t: sorted(map(repr, db.fetchall(f'SELECT * FROM "{t}"'))) for t in tables if t not in _NOT_SNAPSHOTTED}


def snapshot_without_batches(db: Database) -> dict[str, list[str]]:
    """`snapshot` without which change set wrote or displaced each row: the shop's content, however many
    batches made it (tables imported together or one by one)."""
    out = {}
    for table in snapshot(db):
        columns = [r[0] for r in db.fetchall(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ?"
            " AND column_name NOT IN ('batch_id', 'undo_batch_id') ORDER BY ordinal_position", [table])]
        out[table] = sorted(map(repr, db.fetchall(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)}'
                                                  f' FROM "{table}"')))
    # row_freshness notes each import's freshness of a row; what counts is the freshest (importers/freshness.py)
    out["row_freshness"] = sorted(map(repr, db.fetchall(
        "SELECT kind, shop_id, row_id, max(freshness) FROM row_freshness GROUP BY ALL")))
    # the note of which import created a shop names that import's batch
    out["shop_settings"] = [r for r in out["shop_settings"] if "'import.created_shop." not in r]
    return out


def write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Mapping[str, str]]) -> Path:
    """A one-sheet workbook with every cell as an inline string (what "keep as text" gives)."""
    import zipfile
    from xml.sax.saxutils import escape

    def ref(c: int, r: int) -> str:
        letters = ""
        c += 1
        while c:
            c, rem = divmod(c - 1, 26)
            letters = chr(65 + rem) + letters
        return f"{letters}{r}"

    grid = [list(header), *table(header, rows)]
    body = "".join(
        f'<row r="{r}">' + "".join(
            f'<c r="{ref(c, r)}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'
            for c, v in enumerate(row) if v != "") + "</row>"
        for r, row in enumerate(grid, start=1))
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml",
                      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                      '<Default Extension="xml" ContentType="application/xml"/>'
                      f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
                      f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/></Types>')
        book.writestr("_rels/.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                                     f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                                         '<sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>')
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" '
                                                    f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                                                    '</Relationships>')
        book.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{body}</sheetData></worksheet>')
    return path
