"""Amazon returns reports (csv-formats.md §4.3): FBA customer returns and the seller-fulfilled returns report.

Tab-separated, one row per returned unit or units of an order's SKU. FBA
(GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA): `return-date, order-id, sku,
asin, fnsku, product-name, quantity, fulfillment-center-id,
detailed-disposition, reason, status, license-plate-number,
customer-comments`. Seller-fulfilled (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE)
says the same in Title Case (`Order ID`, `Return request date`, `Merchant
SKU`, `Return quantity`, `Return Reason`) and adds the money: `Refunded
Amount`, `Currency code`. Both name the order by the same `amazon-order-id`
the All Orders report keys orders by (amazon.py), so a return lands on the
order already in the shop.

What it tells the shop: which units came back and why. A returned SKU's line
gives back that many units (never more than it sold, and never fewer than the
shop already knew: returns only grow); the order is refunded when every unit
came back, partially refunded otherwise; the reasons (Amazon's codes, as
written) become the order's refund reason; a refunded amount the report gives
raises the order's (refunds only grow: the larger of the shop's and the
report's sum for the order). A return of an order or SKU the
shop does not hold is rejected with its reason: import the orders report first.
"""

from __future__ import annotations

from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field

RETURNS_SPEC = FormatSpec(
    platform="amazon",
    kind="returns",
    label="Amazon returns",
    fields=(
        field("return_date", "date", "return-date", "Return request date"),
        field("order_id", "id", "order-id", "Order ID", key=True),
        field("sku", "id", "sku", "Merchant SKU", key=True),
        field("asin", "id", "asin", "ASIN", key=True),
        field("product_name", "text", "product-name", "Item Name"),
        field("quantity", "int", "quantity", "Return quantity"),
        field("disposition", "text", "detailed-disposition"),
        field("reason", "text", "reason", "Return Reason"),
        field("status", "text", "status", "Return request status"),
        field("comments", "text", "customer-comments"),
        field("refunded", "money", "Refunded Amount"),
        field("currency", "text", "Currency code"),
    ),
    required=frozenset({"return_date", "order_id", "sku", "quantity", "reason"}),
    normalise=lambda ctx: normalise_returns(ctx),
    quoting=False,
)


def normalise_returns(ctx: ImportContext) -> None:
    ctx.reject("order_id IS NULL", field="order_id", reason="reject.missing_order_id")
    ctx.reject("quantity IS NULL OR quantity <= 0", field="quantity", reason="reject.missing_return_quantity")
    ctx.reject("order_id IS NOT NULL AND order_id NOT IN (SELECT order_id FROM orders WHERE shop_id = $shop)",
               field="order_id", reason="reject.return_order_not_in_shop")
    ctx.reject("order_id IN (SELECT order_id FROM orders WHERE shop_id = $shop) AND NOT EXISTS "
               "(SELECT 1 FROM order_lines l WHERE l.shop_id = $shop AND l.order_id = _sk_typed.order_id "
               "AND l.sku = _sk_typed.sku)", field="sku", reason="reject.return_sku_not_in_order")
    ctx.accept()
    # Units back per line: this file's, capped at what the line sold, and never below what the shop knew.
    ctx.create("_sk_returned", f"""
        SELECT min(r._row) AS _row, l.shop_id, l.order_id, l.line_no,
               greatest(l.refunded_quantity, least(l.quantity, sum(r.quantity)))::INTEGER AS refunded_quantity
        FROM {ROWS} r JOIN order_lines l ON l.shop_id = $shop AND l.order_id = r.order_id AND l.sku = r.sku
        GROUP BY l.shop_id, l.order_id, l.line_no, l.quantity, l.refunded_quantity
    """)
    ctx.create("_sk_returned_orders", f"""
        WITH lines AS (
            SELECT l.shop_id, l.order_id, sum(l.quantity) AS units,
                   sum(coalesce(r.refunded_quantity, l.refunded_quantity)) AS back
            FROM order_lines l LEFT JOIN _sk_returned r USING (shop_id, order_id, line_no)
            WHERE l.shop_id = $shop AND l.order_id IN (SELECT order_id FROM _sk_returned)
            GROUP BY ALL),
        reasons AS (
            SELECT order_id, min(_row) AS _row,
                   string_agg(DISTINCT reason, '; ' ORDER BY reason) AS reasons,
                   sum({"refunded" if ctx.has("refunded") else "NULL::DECIMAL(18,2)"}) AS refunded,
                   upper(any_value({"coalesce(currency, refunded__cur)" if ctx.has("refunded") else "NULL"}))
                       AS currency
            FROM {ROWS} GROUP BY order_id)
        SELECT coalesce(rs._row, (SELECT min(_row) FROM _sk_returned x WHERE x.order_id = o.order_id)) AS _row,
               o.shop_id, o.order_id,
               -- a cancelled or unpaid order took no money: a return changes nothing of its state
               CASE WHEN NOT sk_is_sold(o.status) AND NOT sk_is_refunded(o.status) THEN o.status
                    WHEN ln.back >= ln.units THEN 'refunded' ELSE 'partially_refunded' END AS status,
               CASE WHEN o.refund_reason IS NULL OR o.refund_reason = '' THEN rs.reasons
                    WHEN rs.reasons IS NULL OR contains(o.refund_reason, rs.reasons) THEN o.refund_reason
                    ELSE o.refund_reason || '; ' || rs.reasons END AS refund_reason,
               -- money in another currency than the order's is not the order's money: left as it was
               CASE WHEN rs.refunded IS NULL OR rs.currency IS NOT NULL AND rs.currency <> o.currency
                    THEN o.refunded_amount
                    ELSE greatest(coalesce(o.refunded_amount, 0), least(rs.refunded, o.total)) END AS refunded_amount
        FROM orders o JOIN lines ln USING (shop_id, order_id) LEFT JOIN reasons rs USING (order_id)
        WHERE o.shop_id = $shop
    """)
    ctx.map_rows("order_lines", "SELECT _row, shop_id, order_id, line_no FROM _sk_returned")
    ctx.map_rows("orders", "SELECT _row, shop_id, order_id FROM _sk_returned_orders")
    ctx.release_source()
    ctx.upsert("order_lines", "_sk_returned")
    ctx.upsert("orders", "_sk_returned_orders")


SPECS = (RETURNS_SPEC,)
