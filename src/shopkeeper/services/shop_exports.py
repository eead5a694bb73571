"""`shopkeeper export orders|order-lines|members|products|reorder|promotions`: the shop's tables as spreadsheets.

Each is the whole table as the app knows it, in a stable order, written by
services/table_export.py (CSV with BOM or .xlsx, ids kept as text, formulas
made inert). Names, e-mails and phones are masked unless the seller asks to
see them; asking is written to privacy_log before the file is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.db.rule_macros import install_rule_macros
from shopkeeper.domain.contact_masking import Kind
from shopkeeper.services.privacy import CONTACTS, log_reveal
from shopkeeper.services.table_export import Exported, export_format, export_source, masked_rows, write_table

ORDER_HEADER = ("shop", "platform", "order_id", "order_number", "ordered_at", "status", "platform_status", "currency",
                "subtotal", "shipping", "tax", "discount", "total", "refunded_amount", "channel", "buyer",
                "buyer_name", "buyer_email", "buyer_phone", "member_id", "ship_city", "ship_country", "refund_reason",
                "ship_province")  # added last: a spreadsheet that reads the columns by place keeps working
ORDER_PERSONAL: dict[str, Kind] = {"buyer": "account", "buyer_name": "name", "buyer_email": "email",
                                   "buyer_phone": "phone"}
_ORDERS_SQL = """
SELECT o.shop_id, s.platform, o.order_id, o.order_number,
       -- the local time in the zone the platform wrote; an export that gave only the day gives the day alone,
       -- never a midnight the order was not placed at (orders.ordered_date_only)
       CASE WHEN o.ordered_date_only
            THEN strftime(timezone('UTC', o.ordered_at) + to_minutes(sk_offset_minutes(o.ordered_tz)), '%Y-%m-%d')
            ELSE strftime(timezone('UTC', o.ordered_at) + to_minutes(sk_offset_minutes(o.ordered_tz)),
                          '%Y-%m-%d %H:%M:%S') || o.ordered_tz END,
       o.status, o.platform_status, o.currency, o.subtotal, o.shipping, o.tax, o.discount, o.total,
       o.refunded_amount, o.channel, o.buyer_id, b.name, b.email, b.phone, b.member_id, o.ship_city, o.ship_country,
       o.refund_reason, o.ship_province
FROM orders o
LEFT JOIN shops s USING (shop_id)
LEFT JOIN buyers b ON b.shop_id = o.shop_id AND b.buyer_id = o.buyer_id
ORDER BY o.ordered_at, o.shop_id, o.order_id
"""

LINE_HEADER = ("shop", "order_id", "line_no", "sku", "title", "variant", "quantity", "unit_price", "line_total",
               "currency", "refunded_quantity")
_LINES_SQL = """
SELECT l.shop_id, l.order_id, l.line_no, l.sku, l.title, l.variant, l.quantity, l.unit_price, l.line_total,
       l.currency, l.refunded_quantity
FROM order_lines l LEFT JOIN orders o USING (shop_id, order_id)
ORDER BY o.ordered_at, l.shop_id, l.order_id, l.line_no
"""

PROMOTION_HEADER = ("name", "start", "end", "kind", "state", "event", "shops", "skus", "discount_pct",
                    "amount_off", "fixed_price", "buy_qty", "get_qty", "budget", "currency", "target_units",
                    "expected_uplift_pct", "warnings")


@dataclass(frozen=True)
class TableExport:
    name: str
    personal: bool  # holds names, e-mails or phones: masked unless revealed, and a reveal is logged


EXPORTS = (TableExport("orders", True), TableExport("order-lines", False), TableExport("members", True),
           TableExport("products", False), TableExport("reorder", False), TableExport("promotions", False))
EXPORT_NAMES = tuple(e.name for e in EXPORTS)


def export_table(db: Database, name: str, path: Path, today: date, *, reveal: bool = False,
                 who: str | None = None, place: str = "cli") -> Exported:
    """Write the named table to `path`; with `reveal` the personal data is written as it is, and that is logged."""
    export_format(Path(path))
    install_rule_macros(db)
    spec = next(e for e in EXPORTS if e.name == name)
    if reveal and spec.personal:
        log_reveal(db, who=who, place=f"{place} export {name}", what=CONTACTS)
    writer: Callable[[Database, Path, date, bool], Exported] = _WRITERS[name]
    return writer(db, Path(path), today, reveal)


def _orders(db: Database, path: Path, today: date, reveal: bool) -> Exported:
    rows = db.execute(_ORDERS_SQL).fetchall()
    return write_table(path, ORDER_HEADER, rows if reveal else masked_rows(ORDER_HEADER, rows, ORDER_PERSONAL))


def _order_lines(db: Database, path: Path, today: date, reveal: bool) -> Exported:
    return write_table(path, LINE_HEADER, db.execute(_LINES_SQL).fetchall())


def _members(db: Database, path: Path, today: date, reveal: bool) -> Exported:
    from shopkeeper.services.membership import members_source

    source = members_source(today, chinese=False, reveal=reveal)
    # E-mails and phones come masked from the source itself; the name is masked here.
    return export_source(db, source, path, personal={} if reveal else {"name": "name"})


def _products(db: Database, path: Path, today: date, reveal: bool) -> Exported:
    from shopkeeper.services.inventory import inventory_source
    from shopkeeper.services.inventory_settings import reorder_settings

    return export_source(db, inventory_source(today, reorder_settings(db)), path, sort_key="sku")


def _reorder(db: Database, path: Path, today: date, reveal: bool) -> Exported:
    from shopkeeper.services.reorder_list import CSV_HEADER, reorder_list, reorder_rows

    return write_table(path, CSV_HEADER, reorder_rows(reorder_list(db, today)))


def _promotions(db: Database, path: Path, today: date, reveal: bool) -> Exported:
    from shopkeeper.domain.message_texts import english
    from shopkeeper.services.promotions import list_promotions

    rows = []
    for p in list_promotions(db, today):
        rows.append((p.name, p.starts_on, p.ends_on, p.kind, p.state(today), p.event, "; ".join(p.shop_ids),
                     "; ".join(p.skus), p.discount_pct if p.kind == "percent_off" else None, p.amount_off,
                     p.fixed_price, p.buy_qty, p.get_qty, p.budget, p.currency, p.target_units,
                     p.expected_uplift_pct, "; ".join(english(w) for w in p.warnings)))
    return write_table(path, PROMOTION_HEADER, rows)


_WRITERS: dict[str, Callable[[Database, Path, date, bool], Exported]] = {
    "orders": _orders, "order-lines": _order_lines, "members": _members, "products": _products,
    "reorder": _reorder, "promotions": _promotions,
}
