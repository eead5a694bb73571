"""Amazon FBA customer returns: returned units and reasons land on the orders the All Orders report brought."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from export_files import import_ok, run_import, snapshot
from test_import_amazon_ebay import _amazon

from shopkeeper.db.database import Database
from shopkeeper.services.after_sales import refunded_orders, returns_overview
from shopkeeper.services.imports import undo_import

RETURNS_HEADER = ("return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\t"
                  "detailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments").split("\t")
ORDER = "112-1234567-1234567"   # SP-5 × 2 and CB-1 × 1, shipped


def _returns(tmp_path: Path, rows: list[dict[str, str]], name: str = "FBA Customer Returns.txt") -> Path:
    lines = ["\t".join(RETURNS_HEADER)] + ["\t".join(r.get(h, "") for h in RETURNS_HEADER) for r in rows]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="cp1252")
    return path


def _row(order: str, sku: str, quantity: str, reason: str, comment: str = "") -> dict[str, str]:
    return {"return-date": "2017-07-02T10:11:12+00:00", "order-id": order, "sku": sku, "asin": "B000000001",
            "fnsku": "X001", "product-name": "Screen protector", "quantity": quantity,
            "fulfillment-center-id": "MXP5", "detailed-disposition": "CUSTOMER_DAMAGED", "reason": reason,
            "status": "Unit returned to inventory", "license-plate-number": "LPN1", "customer-comments": comment}


def test_a_return_gives_back_units_and_its_reason_shows_in_after_sales(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _amazon(tmp_path))
    before = snapshot(shop)
    path = _returns(tmp_path, [_row(ORDER, "SP-5", "1", "DEFECTIVE", '"Cracked" on arrival'),
                               _row(ORDER, "SP-5", "1", "NOT_AS_DESCRIBED")])
    [outcome] = import_ok(shop, path)
    assert (outcome.platform, outcome.kind) == ("amazon", "returns")
    # Both units of SP-5 came back, the cable did not: the order is partly refunded.
    assert shop.fetchall("SELECT sku, quantity, refunded_quantity FROM order_lines WHERE order_id = ? ORDER BY sku",
                         [ORDER]) == [("CB-1", 1, 0), ("SP-5", 2, 2)]
    assert shop.fetchone("SELECT status, refund_reason FROM orders WHERE order_id = ?", [ORDER]) == (
        "partially_refunded", "DEFECTIVE; NOT_AS_DESCRIBED")
    # The After-sales view lists the order and its reasons.
    overview = returns_overview(shop)
    assert {r.tag for r in overview.reasons} == {"DEFECTIVE; NOT_AS_DESCRIBED"}
    assert [(o.order_id, o.reason) for o in refunded_orders(shop)] == [(ORDER, "DEFECTIVE; NOT_AS_DESCRIBED")]
    assert any(s.key == "SP-5" and s.refunded_orders == 1 for s in overview.by_sku)

    # The same file again changes nothing; undo puts the shop back as it was.
    after = snapshot(shop)
    [again] = import_ok(shop, path)
    assert (again.rows_added, again.rows_updated) == (0, 0) and snapshot(shop) == after
    undo_import(shop, outcome.batch_id, who="test")
    assert snapshot(shop) == before


def test_every_unit_back_refunds_the_order_and_a_return_never_exceeds_the_sale(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _amazon(tmp_path))
    import_ok(shop, _returns(tmp_path, [_row(ORDER, "SP-5", "5", "UNWANTED_ITEM"), _row(ORDER, "CB-1", "1", "")]))
    assert shop.fetchall("SELECT sku, refunded_quantity FROM order_lines WHERE order_id = ? ORDER BY sku",
                         [ORDER]) == [("CB-1", 1), ("SP-5", 2)]
    assert shop.fetchone("SELECT status, refund_reason FROM orders WHERE order_id = ?", [ORDER]) == (
        "refunded", "UNWANTED_ITEM")


def test_a_return_of_an_order_or_sku_the_shop_lacks_is_refused_with_its_reason(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _amazon(tmp_path))
    [outcome] = run_import(shop, _returns(tmp_path, [_row("999-0000000-0000000", "SP-5", "1", "DEFECTIVE"),
                                                     _row(ORDER, "NO-SUCH-SKU", "1", "DEFECTIVE"),
                                                     _row(ORDER, "SP-5", "", "DEFECTIVE"),
                                                     _row(ORDER, "CB-1", "1", "DEFECTIVE")]))
    codes = {r[0] for r in shop.fetchall("SELECT code FROM import_rejects WHERE batch_id = ?", [outcome.batch_id])}
    assert codes == {"reject.return_order_not_in_shop", "reject.return_sku_not_in_order",
                     "reject.missing_return_quantity"}
    assert outcome.rows_rejected == 3
    # Only the return the shop can place was taken: the cable; SP-5 keeps both units sold.
    assert shop.fetchall("SELECT sku, refunded_quantity FROM order_lines WHERE order_id = ? ORDER BY sku",
                         [ORDER]) == [("CB-1", 1), ("SP-5", 0)]


def test_a_newer_orders_report_keeps_what_the_returns_report_said(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _amazon(tmp_path))
    import_ok(shop, _returns(tmp_path, [_row(ORDER, "SP-5", "1", "DEFECTIVE")]))
    # The All Orders report a week later still calls the order shipped and knows nothing of returns.
    later = (tmp_path / "All Orders.txt").read_text(encoding="cp1252").replace(
        "2017-06-18T22:07:59+00:00", "2017-07-09T09:00:00+00:00")
    (tmp_path / "later").mkdir()
    (tmp_path / "later" / "All Orders.txt").write_text(later, encoding="cp1252")
    import_ok(shop, tmp_path / "later" / "All Orders.txt")
    assert shop.fetchall("SELECT sku, refunded_quantity FROM order_lines WHERE order_id = ? ORDER BY sku",
                         [ORDER]) == [("CB-1", 0), ("SP-5", 1)]
    assert shop.fetchone("SELECT status, refund_reason FROM orders WHERE order_id = ?", [ORDER]) == (
        "partially_refunded", "DEFECTIVE")


MFN_HEADER = ("Order ID\tOrder date\tReturn request date\tReturn request status\tAmazon RMA ID\tMerchant RMA ID\t"
              "Label type\tLabel cost\tCurrency code\tReturn carrier\tTracking ID\tLabel to be paid by\tA-to-Z Claim\t"
              "Is prime\tASIN\tMerchant SKU\tItem Name\tReturn quantity\tReturn Reason\tIn policy\tReturn type\t"
              "Resolution\tInvoice number\tReturn delivery date\tOrder Amount\tOrder quantity\tSafeT Action reason\t"
              "SafeT claim id\tSafeT claim state\tSafeT claim creation time\tSafeT claim reimbursement amount\t"
              "Refunded Amount").split("\t")


def test_the_seller_fulfilled_returns_report_also_gives_the_refunded_money(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, _amazon(tmp_path))
    row = {"Order ID": ORDER, "Order date": "17-Jun-2017", "Return request date": "2017-07-01T10:00:00+00:00",
           "Return request status": "Approved", "Amazon RMA ID": "DxJ1", "Currency code": "EUR",
           "ASIN": "B000000002", "Merchant SKU": "CB-1", "Item Name": "Cable", "Return quantity": "1",
           "Return Reason": "AMZ-PG-BAD-DESC", "In policy": "Y", "Return type": "C-Returns",
           "Resolution": "StandardRefund", "Order Amount": "10.00", "Order quantity": "1",
           "Refunded Amount": "10.00"}
    path = tmp_path / "Returns.txt"
    path.write_text("\t".join(MFN_HEADER) + "\n" + "\t".join(row.get(h, "") for h in MFN_HEADER) + "\n",
                    encoding="utf-8")
    [outcome] = import_ok(shop, path)
    assert (outcome.platform, outcome.kind) == ("amazon", "returns")
    assert shop.fetchone("SELECT status, refund_reason, refunded_amount FROM orders WHERE order_id = ?", [ORDER]) == (
        "partially_refunded", "AMZ-PG-BAD-DESC", Decimal("10.00"))
    assert shop.fetchall("SELECT sku, refunded_quantity FROM order_lines WHERE order_id = ? ORDER BY sku",
                         [ORDER]) == [("CB-1", 1), ("SP-5", 0)]
