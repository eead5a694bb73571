"""Western money reports: every movement signed and kinded, and every file's own totals kept to the cent.

What a seller doing the monthly books depends on: the movements of a settlement add up to
what reached the bank, a payout's lines add up to the payout, importing a report again
adds nothing, undo takes exactly the report away, a damaged row is listed (never guessed),
and a movement names its order with the id the order export gave it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from export_files import EBAY_ORDERS, ETSY_ORDERS, SHOPIFY_ORDERS, import_ok, snapshot, write_export
from money_west_exports import (
    AMAZON_DR_ROWS,
    AMAZON_ORDER_1,
    AMAZON_SETTLEMENT_ID,
    AMAZON_V2_TOTAL,
    EBAY_ROWS,
    ETSY_NET,
    ETSY_ORDER,
    ETSY_ROWS,
    PAYPAL_ROWS,
    SHOPIFY_TX_ROWS,
    amazon_date_range,
    amazon_legacy,
    amazon_v2,
    ebay_transactions,
    etsy_statement,
    paypal_activity,
    shopify_payouts,
    shopify_transactions,
    stripe_balance,
)
from test_import_amazon_ebay import _amazon, ebay_rows
from test_import_etsy import order_rows as etsy_order_rows

from shopkeeper.db.database import Database
from shopkeeper.services.imports import rejects, undo_import

UTC = dt.UTC


def moves(db: Database, report: str, where: str = "TRUE") -> list[tuple[object, ...]]:
    return db.fetchall(f"SELECT amount, kind, order_id, payout_id, sku FROM money_movements "
                       f"WHERE report = ? AND {where} ORDER BY movement_id", [report])


def total(db: Database, report: str, where: str = "TRUE") -> Decimal:
    return db.fetchone(f"SELECT coalesce(sum(amount), 0) FROM money_movements WHERE report = ? AND {where}",
                       [report])[0]


def by_kind(db: Database, report: str) -> dict[str, Decimal]:
    return dict(db.fetchall("SELECT kind, sum(amount) FROM money_movements WHERE report = ? GROUP BY kind",
                            [report]))


class TestAmazonSettlement:
    def test_components_add_up_to_the_deposit(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_ok(shop, amazon_v2(tmp_path / "12345678901.txt"))
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == (
            "amazon", "settlement", 17, 0)
        assert total(shop, "amazon_settlement_v2") == AMAZON_V2_TOTAL
        assert shop.fetchall("SELECT payout_id, paid_at, period_start, period_end, deposit, currency FROM payouts") == [
            (AMAZON_SETTLEMENT_ID, dt.datetime(2026, 7, 17, tzinfo=UTC), dt.datetime(2026, 7, 1, tzinfo=UTC),
             dt.datetime(2026, 7, 15, tzinfo=UTC), AMAZON_V2_TOTAL, "USD")]
        # every component carried by the settlement; the two identical fee rows stay two movements
        assert shop.fetchone("SELECT count(*), count(*) FILTER (WHERE payout_id = ?) FROM money_movements",
                             [AMAZON_SETTLEMENT_ID]) == (16, 16)
        assert by_kind(shop, "amazon_settlement_v2") == {
            "sale": Decimal("64.99"),           # principal and shipping, less the seller's promotion
            "other": Decimal("0.00"),           # tax collected, withheld again by the marketplace
            "commission": Decimal("-18.66"),    # referral and FBA fees
            "refund": Decimal("-22.00"),        # refunded principal, commission given back, refund fee
            "ad": Decimal("-12.34"),
            "reserve": Decimal("-10.00"),
        }

    def test_decimal_commas_and_european_dates(self, shop: Database, tmp_path: Path) -> None:
        components = (("Order", AMAZON_ORDER_1, "ItemPrice", "Principal", "95,00", "MUG-1"),
                      ("Order", AMAZON_ORDER_1, "ItemFees", "Commission", "-14,25", "MUG-1"),
                      ("Order", AMAZON_ORDER_1, "ItemFees", "FBAPerUnitFulfillmentFee", "-1.234,56", "MUG-1"))
        import_ok(shop, amazon_v2(tmp_path / "eu.txt", components=components, total="-1.153,81", currency="EUR",
                                  posted=("09.07.2026", "09.07.2026 08:00:00 UTC")))
        assert shop.fetchall("SELECT amount, currency, occurred_at FROM money_movements ORDER BY amount") == [
            (Decimal("-1234.56"), "EUR", dt.datetime(2026, 7, 9, 8, tzinfo=UTC)),
            (Decimal("-14.25"), "EUR", dt.datetime(2026, 7, 9, 8, tzinfo=UTC)),
            (Decimal("95.00"), "EUR", dt.datetime(2026, 7, 9, 8, tzinfo=UTC))]
        assert shop.fetchone("SELECT deposit, currency FROM payouts") == (Decimal("-1153.81"), "EUR")

    def test_a_damaged_amount_is_listed_and_the_rest_kept(self, shop: Database, tmp_path: Path) -> None:
        components = (("Order", AMAZON_ORDER_1, "ItemPrice", "Principal", "25.00", "MUG-1"),
                      ("Order", AMAZON_ORDER_1, "ItemFees", "Commission", "-3.7x5", "MUG-1"))
        (outcome,) = import_ok(shop, amazon_v2(tmp_path / "s.txt", components=components, total="21.25"))
        assert outcome.rows_rejected == 1
        assert rejects(shop, outcome.batch_id) == [(3, "amount", "-3.7x5", "not an amount")]
        # the settlement says 21.25 reached the bank; its lines now say 25.00: the gap shows
        assert total(shop, "amazon_settlement_v2") == Decimal("25.00")
        assert shop.fetchone("SELECT deposit FROM payouts") == (Decimal("21.25"),)

    def test_a_movement_joins_the_order_of_the_order_report(self, shop: Database, tmp_path: Path) -> None:
        import_ok(shop, _amazon(tmp_path))
        import_ok(shop, amazon_v2(tmp_path / "s.txt"))
        joined = shop.fetchall("SELECT DISTINCT o.order_id FROM money_movements m JOIN orders o "
                               "ON o.shop_id = m.shop_id AND o.order_id = m.order_id ORDER BY 1")
        assert joined == [(AMAZON_ORDER_1,), ("112-7654321-7654321",)]


    def test_legacy_flat_file_pairs_become_components(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_ok(shop, amazon_legacy(tmp_path / "987654321.txt"))
        assert (outcome.kind, outcome.rows_read, outcome.rows_rejected) == ("settlement_legacy", 4, 0)
        assert shop.fetchone("SELECT deposit, currency FROM payouts WHERE payout_id = '987654321'") == (
            Decimal("18.87"), "GBP")
        assert total(shop, "amazon_settlement_legacy") == Decimal("18.87")
        assert sorted(shop.fetchall("SELECT amount, kind, description FROM money_movements")) == [
            (Decimal("-3.00"), "commission", "Order · ItemFees · Commission"),
            (Decimal("-1.00"), "sale", "Order · Promotion · Shipping"),
            (Decimal("-0.12"), "other", "other-transaction · OtherFee · Subscription Fee"),
            (Decimal("2.99"), "sale", "Order · ItemPrice · Shipping"),
            (Decimal("20.00"), "sale", "Order · ItemPrice · Principal")]


class TestAmazonDateRange:
    def test_each_row_adds_up_to_its_total(self, shop: Database, tmp_path: Path) -> None:
        trailer = '"Total","","","","","","","","","","","","1,375.00"\n'
        (outcome,) = import_ok(shop, amazon_date_range(tmp_path / "dr.csv", trailer=trailer))
        # seven preamble lines and the trailing total line are not rows
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == (
            "amazon", "transactions", 6, 0)
        per_row = shop.fetchall("SELECT sum(amount) FROM money_movements "
                                "GROUP BY regexp_replace(movement_id, ':[^:]*$', '') ORDER BY 1")
        expected = sorted(Decimal(r["total"].replace(",", "")) for r in AMAZON_DR_ROWS)
        assert [r[0] for r in per_row] == expected
        # a column the reader does not know ('points granted') is kept, not lost
        assert shop.fetchone("SELECT amount, kind FROM money_movements WHERE movement_id LIKE '%:rest'") == (
            Decimal("-0.50"), "sale")
        assert by_kind(shop, "amazon_date_range")["ad"] == Decimal("-1052.64")
        assert shop.fetchall("SELECT payout_id, deposit, currency FROM payouts") == [
            ("5678901234", Decimal("100.00"), "USD")]

    def test_a_uk_file_is_in_pounds_by_its_marketplace(self, shop: Database, tmp_path: Path) -> None:
        rows = [dict(AMAZON_DR_ROWS[0], marketplace="amazon.co.uk", **{"date/time": "1 Dec 2017 00:38:23 UTC"}),
                dict(AMAZON_DR_ROWS[-1], **{"date/time": "15 Dec 2017 23:00:00 UTC"})]
        import_ok(shop, amazon_date_range(tmp_path / "dr.csv", rows))
        # the transfer names no marketplace: it is in the file's currency too
        assert shop.fetchall("SELECT DISTINCT currency FROM money_movements") == [("GBP",)]
        assert shop.fetchone("SELECT deposit, currency FROM payouts") == (Decimal("100.00"), "GBP")

    def test_the_2019_layout_nets_withheld_tax_to_nothing(self, shop: Database, tmp_path: Path) -> None:
        header = ("date/time,settlement id,type,order id,sku,description,quantity,marketplace,account type,"
                  "fulfillment,order city,order state,order postal,tax collection model,product sales,"
                  "product sales tax,shipping credits,shipping credits tax,gift wrap credits,giftwrap credits tax,"
                  "promotional rebates,promotional rebates tax,marketplace withheld tax,selling fees,fba fees,"
                  "other transaction fees,other,total").split(",")
        row = {"date/time": "Mar 1, 2026 9:00:00 AM PST", "settlement id": "1", "type": "Order",
               "order id": "113-0000000-0000001", "sku": "MUG-1", "description": "Mug", "quantity": "1",
               "marketplace": "amazon.com", "tax collection model": "MarketplaceFacilitator",
               "product sales": "20.00", "product sales tax": "1.65", "shipping credits": "3.99",
               "shipping credits tax": "0.33", "marketplace withheld tax": "-1.98", "selling fees": "-3.00",
               "fba fees": "-3.22", "total": "17.77"}
        write_export(tmp_path / "dr.csv", header, [{h: row.get(h, "0") for h in header}])
        import_ok(shop, tmp_path / "dr.csv")
        assert by_kind(shop, "amazon_date_range") == {"sale": Decimal("23.99"), "other": Decimal("0.00"),
                                                      "commission": Decimal("-6.22")}

    def test_times_keep_their_zone(self, shop: Database, tmp_path: Path) -> None:
        import_ok(shop, amazon_date_range(tmp_path / "dr.csv", AMAZON_DR_ROWS[:1]))
        # 'Dec 1, 2017 12:38:23 AM PST'
        assert shop.fetchone("SELECT DISTINCT occurred_at FROM money_movements") == (
            dt.datetime(2017, 12, 1, 8, 38, 23, tzinfo=UTC),)

    def test_a_refund_row_books_its_fees_given_back_as_refund(self, shop: Database, tmp_path: Path) -> None:
        import_ok(shop, amazon_date_range(tmp_path / "dr.csv", AMAZON_DR_ROWS[1:2]))
        assert sorted(moves(shop, "amazon_date_range")) == [
            (Decimal("-25.00"), "refund", "111-2222222-3333333", "5678901234", "MUG-1"),
            (Decimal("3.00"), "refund", "111-2222222-3333333", "5678901234", "MUG-1")]


class TestShopify:
    def test_payout_equals_its_transactions_net(self, shop: Database, tmp_path: Path) -> None:
        (tx,) = import_ok(shop, shopify_transactions(tmp_path / "payment_transactions_export_1.csv"))
        (po,) = import_ok(shop, shopify_payouts(tmp_path / "payouts.csv"))
        assert (tx.platform, tx.kind, po.kind) == ("shopify", "payment_transactions", "payouts")
        deposit = shop.fetchone("SELECT deposit FROM payouts WHERE payout_id = '2026-09-05 USD'")[0]
        assert deposit == Decimal("66.58")
        assert total(shop, "shopify_payment_transactions", "payout_id = '2026-09-05 USD'") == deposit
        # the pending charge is in no payout yet
        assert total(shop, "shopify_payment_transactions", "payout_id IS NULL") == Decimal("19.12")
        assert by_kind(shop, "shopify_payment_transactions") == {
            "sale": Decimal("100.00"), "payment_fee": Decimal("-3.80"), "refund": Decimal("-10.00"),
            "other": Decimal("-0.50")}

    def test_a_pending_transaction_paid_out_later_is_the_same_movement(self, shop: Database, tmp_path: Path) -> None:
        import_ok(shop, shopify_transactions(tmp_path / "a.csv"))
        later = [dict(r) for r in SHOPIFY_TX_ROWS]
        later[-1].update({"Payout Status": "paid", "Payout Date": "2026-09-08", "Payout ID": "71234999"})
        (second,) = import_ok(shop, shopify_transactions(tmp_path / "b.csv", later))
        assert (second.rows_added, second.rows_updated) == (0, 1)
        assert shop.fetchone("SELECT count(*) FROM money_movements") == (8,)
        assert total(shop, "shopify_payment_transactions", "payout_id = '2026-09-08 USD'") == Decimal("19.12")

    def test_vat_kept_back_from_net_is_a_payment_fee(self, shop: Database, tmp_path: Path) -> None:
        text = ("Transaction Date,Type,Order,Card Brand,Payout Status,Payout Date,Payout ID,Amount,Fee,Net,VAT,"
                "Currency\n2026-09-03 10:15:00 +0200,charge,#1001,visa,paid,2026-09-05,81234567,\"95,00\","
                "\"1,60\",\"93,05\",\"0,35\",EUR\n")
        (tmp_path / "payment_transactions_export_1.csv").write_text(text, encoding="utf-8")
        import_ok(shop, tmp_path / "payment_transactions_export_1.csv")
        assert by_kind(shop, "shopify_payment_transactions") == {"sale": Decimal("95.00"),
                                                                 "payment_fee": Decimal("-1.95")}
        assert total(shop, "shopify_payment_transactions") == Decimal("93.05")

    def test_the_order_name_becomes_the_orders_id(self, shop: Database, tmp_path: Path) -> None:
        order = {"Name": "#1001", "Email": "ann@example.com", "Financial Status": "paid",
                 "Created at": "2026-09-03 10:10:00 -0400", "Currency": "USD", "Subtotal": "50.00", "Total": "50.00",
                 "Lineitem quantity": "1", "Lineitem name": "Mug", "Lineitem price": "50.00", "Lineitem sku": "MUG-1",
                 "Id": "5550001001"}
        import_ok(shop, write_export(tmp_path / "orders_export.csv", SHOPIFY_ORDERS, [order]))
        import_ok(shop, shopify_transactions(tmp_path / "tx.csv"))
        assert shop.fetchall("SELECT m.order_id, sum(m.amount) FROM money_movements m JOIN orders o "
                             "ON o.shop_id = m.shop_id AND o.order_id = m.order_id GROUP BY 1") == [
            ("5550001001", Decimal("38.25"))]  # the charge less its fee, less the refund
        # an order the shop does not hold yet keeps its name, which its export will carry as order number
        assert shop.fetchone("SELECT count(*) FROM money_movements WHERE order_id = '#1002'") == (2,)


class TestEbay:
    def test_lines_add_up_to_the_payout(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_ok(shop, ebay_transactions(tmp_path / "transaction_report.csv"))
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_rejected) == (
            "ebay", "transactions", 4, 0)
        assert shop.fetchall("SELECT payout_id, deposit, status FROM payouts") == [
            ("5000012345", Decimal("15.62"), "paid")]
        assert total(shop, "ebay_transactions", "kind <> 'payout' AND payout_id = '5000012345'") == Decimal("15.62")
        assert by_kind(shop, "ebay_transactions") == {
            "sale": Decimal("25.00"), "commission": Decimal("-3.63"), "ad": Decimal("-1.50"),
            "shipping_label": Decimal("-4.25"), "payout": Decimal("-15.62")}

    def test_a_movement_joins_the_order_of_the_orders_report(self, shop: Database, tmp_path: Path) -> None:
        import_ok(shop, write_export(tmp_path / "orders.csv", EBAY_ORDERS, ebay_rows()))
        import_ok(shop, ebay_transactions(tmp_path / "transaction_report.csv"))
        assert shop.fetchone("SELECT count(*), sum(m.amount) FROM money_movements m JOIN orders o "
                             "ON o.shop_id = m.shop_id AND o.order_id = m.order_id") == (6, Decimal("15.62"))
        assert shop.fetchone("SELECT DISTINCT sku FROM money_movements WHERE kind = 'sale'") == ("LAMP-1",)


    def test_rows_without_date_or_money_are_listed(self, shop: Database, tmp_path: Path) -> None:
        rows = [dict(r) for r in EBAY_ROWS]
        rows[1]["Transaction creation date"] = "--"
        rows[2]["Net amount"] = "--"
        (outcome,) = import_ok(shop, ebay_transactions(tmp_path / "transaction_report.csv", rows))
        assert [(r[0], r[1], r[3]) for r in rejects(shop, outcome.batch_id)] == [
            (2, "Transaction creation date", "missing date"), (3, "Net amount", "missing amount")]
        assert shop.fetchone("SELECT count(*) FROM money_movements WHERE kind IN ('ad', 'shipping_label')") == (0,)


class TestEtsy:
    def test_each_line_is_its_net_and_the_deposit_a_payout(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_ok(shop, etsy_statement(tmp_path / "etsy_statement_2026_9.csv"))
        assert (outcome.platform, outcome.kind, outcome.rows_read) == ("etsy", "statement", 9)
        assert total(shop, "etsy_statement", "kind <> 'payout'") == ETSY_NET
        assert shop.fetchall("SELECT deposit, currency, paid_at FROM payouts") == [
            (Decimal("30.00"), "USD", dt.datetime(2026, 9, 30, tzinfo=UTC))]
        assert by_kind(shop, "etsy_statement") == {
            "sale": Decimal("36.00"), "commission": Decimal("-2.68"), "payment_fee": Decimal("-1.18"),
            "shipping_label": Decimal("-4.80"), "ad": Decimal("-2.15"), "payout": Decimal("-30.00")}

    def test_a_movement_joins_the_sold_order(self, shop: Database, tmp_path: Path) -> None:
        import_ok(shop, write_export(tmp_path / "EtsySoldOrders2023.csv", ETSY_ORDERS, etsy_order_rows()))
        import_ok(shop, etsy_statement(tmp_path / "etsy_statement_2026_9.csv"))
        assert shop.fetchone("SELECT count(*), sum(m.amount) FROM money_movements m JOIN orders o "
                             "ON o.shop_id = m.shop_id AND o.order_id = m.order_id") == (4, Decimal("32.54"))

    def test_a_deposit_without_its_amount_is_listed(self, shop: Database, tmp_path: Path) -> None:
        rows = [("September 30, 2026", "Deposit", "Your money was sent to your bank account", "", "USD", "--", "--",
                 "--", "--"), *ETSY_ROWS[1:]]
        (outcome,) = import_ok(shop, etsy_statement(tmp_path / "etsy_statement_2026_9.csv", rows))
        assert [(r[0], r[1], r[3]) for r in rejects(shop, outcome.batch_id)] == [(1, "Title", "missing amount")]
        assert shop.fetchone("SELECT count(*) FROM payouts") == (0,)

    def test_a_uk_statement(self, shop: Database, tmp_path: Path) -> None:
        rows = [("31 July, 2026", "Sale", f"Payment for Order #{ETSY_ORDER}", "", "GBP", "£29.99", "--", "£29.99",
                 "--"), ETSY_ROWS[0][:4] + ("GBP", "--", "--", "--", "--")]
        rows[1] = ("31 July, 2026", "Deposit", "£20.00 sent to your bank account", "", "GBP", "--", "--", "--", "--")
        import_ok(shop, etsy_statement(tmp_path / "etsy_statement_2026_7.csv", rows))
        assert shop.fetchall("SELECT amount, currency, kind FROM money_movements ORDER BY amount") == [
            (Decimal("-20.00"), "GBP", "payout"), (Decimal("29.99"), "GBP", "sale")]


class TestPayPalStripe:
    def test_paypal_books_completed_balance_activity(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_ok(shop, paypal_activity(tmp_path / "Download.CSV"))
        assert (outcome.platform, outcome.kind, outcome.rows_read, outcome.rows_added) == (
            "woocommerce", "paypal_activity", 4, 3)  # the pending authorisation moved no money
        # Σ Net of the completed rows
        assert total(shop, "paypal_activity") == Decimal("43.20") - Decimal("9.60") - Decimal("100.00")
        assert by_kind(shop, "paypal_activity") == {
            "sale": Decimal("45.00"), "payment_fee": Decimal("-1.40"), "refund": Decimal("-10.00"),
            "payout": Decimal("-100.00")}
        assert shop.fetchall("SELECT payout_id, deposit, paid_at FROM payouts") == [
            ("4AB23456CD789012H", Decimal("100.00"), dt.datetime(2026, 10, 4, 1, 30, tzinfo=UTC))]  # 18:30 PDT

    def test_a_payment_the_seller_sent_is_no_sale(self, shop: Database, tmp_path: Path) -> None:
        sent = {"Date": "10/04/2026", "Time": "08:00:00", "TimeZone": "PDT", "Name": "Box Supplier Inc",
                "Type": "PreApproved Payment Bill User Payment", "Status": "Completed", "Currency": "USD",
                "Gross": "-25.00", "Fee": "0.00", "Net": "-25.00", "Transaction ID": "5AB23456CD789012J",
                "Balance Impact": "Debit"}
        import_ok(shop, paypal_activity(tmp_path / "Download.CSV", [PAYPAL_ROWS[0], sent]))
        assert shop.fetchall("SELECT amount, kind FROM money_movements WHERE description LIKE 'PreApproved%'") == [
            (Decimal("-25.00"), "other")]

    def test_german_paypal(self, shop: Database, tmp_path: Path) -> None:
        text = ('"Datum","Uhrzeit","Zeitzone","Name","Typ","Status","Währung","Brutto","Gebühr","Netto",'
                '"Transaktionscode","Rechnungsnummer"\n'
                '"01.10.2026","13:05:07","CEST","Erika M.","Website-Zahlung","Abgeschlossen","EUR","24,90","-0,82",'
                '"24,08","5XY12345AB6789012","1234"\n')
        (tmp_path / "Download.CSV").write_text(text, encoding="utf-8")
        import_ok(shop, tmp_path / "Download.CSV")
        assert shop.fetchall("SELECT amount, currency, kind, occurred_at FROM money_movements ORDER BY amount") == [
            (Decimal("-0.82"), "EUR", "payment_fee", dt.datetime(2026, 10, 1, 11, 5, 7, tzinfo=UTC)),
            (Decimal("24.90"), "EUR", "sale", dt.datetime(2026, 10, 1, 11, 5, 7, tzinfo=UTC))]

    def test_stripe_payout_equals_its_lines(self, shop: Database, tmp_path: Path) -> None:
        (outcome,) = import_ok(shop, stripe_balance(tmp_path / "balance_history.csv"))
        assert (outcome.platform, outcome.kind) == ("woocommerce", "stripe_balance")
        assert shop.fetchall("SELECT payout_id, deposit, currency FROM payouts") == [
            ("po_1Z", Decimal("42.96"), "USD")]
        assert total(shop, "stripe_balance", "kind <> 'payout' AND payout_id = 'po_1Z'") == Decimal("42.96")
        assert by_kind(shop, "stripe_balance")["payment_fee"] == Decimal("-2.04")

    def test_stripe_payout_reconciliation_report(self, shop: Database, tmp_path: Path) -> None:
        text = ("balance_transaction_id,created_utc,available_on_utc,currency,gross,fee,net,reporting_category,"
                "source_id,description,automatic_payout_id,automatic_payout_effective_at_utc,"
                "payment_metadata[order_id]\n"
                "txn_9A,2026-10-01 14:00:00,2026-10-03 00:00:00,eur,\"1,060.00\",31.04,1028.96,charge,ch_9A,"
                "Order 77,po_9Z,2026-10-05 00:00:00,77\n"
                "txn_9B,2026-10-02 09:30:00,2026-10-02 09:30:00,eur,-15.00,0.00,-15.00,refund,re_9B,,po_9Z,"
                "2026-10-05 00:00:00,77\n")
        (tmp_path / "payout_reconciliation.csv").write_text(text, encoding="utf-8")
        (outcome,) = import_ok(shop, tmp_path / "payout_reconciliation.csv")
        assert (outcome.kind, outcome.rows_added) == ("stripe_balance", 2)
        assert shop.fetchall("SELECT amount, currency, kind, order_id, payout_id FROM money_movements "
                             "ORDER BY amount") == [
            (Decimal("-31.04"), "EUR", "payment_fee", "77", "po_9Z"), (Decimal("-15.00"), "EUR", "refund", "77", "po_9Z"),
            (Decimal("1060.00"), "EUR", "sale", "77", "po_9Z")]
        # the payout is known; what reached the bank is for the report that says so
        assert shop.fetchall("SELECT payout_id, paid_at, deposit FROM payouts") == [
            ("po_9Z", dt.datetime(2026, 10, 5, tzinfo=UTC), None)]

    def test_gateway_money_joins_the_woocommerce_order(self, shop: Database, tmp_path: Path) -> None:
        from export_files import WOO_ORDERS_DEFAULT
        orders = [{"order_id": "1234", "order_date": "2026-10-01 12:00:00", "status": "completed",
                   "order_total": "45.00", "order_currency": "USD", "line_items": "name:Mug|sku:MUG|quantity:1|total:45.00"},
                  {"order_id": "1235", "order_date": "2026-10-01 13:00:00", "status": "completed",
                   "order_total": "60.00", "order_currency": "USD", "line_items": "name:Tee|sku:TEE|quantity:1|total:60.00"}]
        import_ok(shop, write_export(tmp_path / "orders.csv", WOO_ORDERS_DEFAULT, orders))
        import_ok(shop, paypal_activity(tmp_path / "Download.CSV"), stripe_balance(tmp_path / "balance.csv"))
        assert shop.fetchall("SELECT o.order_id, m.report, sum(m.amount) FROM money_movements m JOIN orders o "
                             "ON o.shop_id = m.shop_id AND o.order_id = m.order_id GROUP BY ALL ORDER BY 1") == [
            ("1234", "paypal_activity", Decimal("33.60")), ("1235", "stripe_balance", Decimal("42.96"))]


FIXTURES: dict[str, Callable[[Path], Path]] = {
    "amazon settlement": lambda d: amazon_v2(d / "s.txt"),
    "amazon legacy settlement": lambda d: amazon_legacy(d / "legacy.txt"),
    "amazon date range": lambda d: amazon_date_range(d / "dr.csv"),
    "shopify transactions": lambda d: shopify_transactions(d / "tx.csv"),
    "shopify payouts": lambda d: shopify_payouts(d / "po.csv"),
    "ebay transactions": lambda d: ebay_transactions(d / "eb.csv"),
    "etsy statement": lambda d: etsy_statement(d / "etsy_statement_2026_9.csv"),
    "paypal activity": lambda d: paypal_activity(d / "pp.csv"),
    "stripe balance": lambda d: stripe_balance(d / "st.csv"),
}


@pytest.mark.parametrize("name", list(FIXTURES))
def test_importing_again_adds_nothing_and_undo_removes_exactly(shop: Database, tmp_path: Path, name: str) -> None:
    empty = snapshot(shop)
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir()
    second_dir.mkdir()
    (first,) = import_ok(shop, FIXTURES[name](first_dir))
    assert first.rows_added > 0
    after = snapshot(shop)
    # the same report saved again (another download: same content, another file)
    path = FIXTURES[name](second_dir)
    path.write_bytes(path.read_bytes() + b"\n")
    (second,) = import_ok(shop, path)
    assert (second.rows_added, second.rows_updated) == (0, 0)
    assert snapshot(shop) == after
    undo_import(shop, second.batch_id)
    undo_import(shop, first.batch_id)
    assert snapshot(shop) == empty
