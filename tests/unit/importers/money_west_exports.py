"""Western money reports as the platforms write them (money-traffic-formats.md §2-§6), small and
with each file's own control total, for the readers' truth tests."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from export_files import write_export

# --- Amazon settlement V2 ------------------------------------------------------------------------

AMAZON_V2 = (
    "settlement-id\tsettlement-start-date\tsettlement-end-date\tdeposit-date\ttotal-amount\tcurrency\t"
    "transaction-type\torder-id\tmerchant-order-id\tadjustment-id\tshipment-id\tmarketplace-name\tamount-type\t"
    "amount-description\tamount\tfulfillment-id\tposted-date\tposted-date-time\torder-item-code\t"
    "merchant-order-item-id\tmerchant-adjustment-item-id\tsku\tquantity-purchased\tpromotion-id"
).split("\t")

AMAZON_ORDER_1 = "112-1234567-1234567"
AMAZON_ORDER_2 = "112-7654321-7654321"

# (transaction-type, order-id, amount-type, amount-description, amount, sku)
_V2_COMPONENTS = (
    ("Order", AMAZON_ORDER_1, "ItemPrice", "Principal", "25.00", "MUG-1"),
    ("Order", AMAZON_ORDER_1, "ItemPrice", "Shipping", "4.99", "MUG-1"),
    ("Order", AMAZON_ORDER_1, "ItemPrice", "Tax", "2.40", "MUG-1"),
    ("Order", AMAZON_ORDER_1, "ItemWithheldTax", "MarketplaceFacilitatorTax-Principal", "-2.40", "MUG-1"),
    ("Order", AMAZON_ORDER_1, "ItemFees", "Commission", "-3.75", "MUG-1"),
    ("Order", AMAZON_ORDER_1, "ItemFees", "FBAPerUnitFulfillmentFee", "-3.22", "MUG-1"),
    ("Order", AMAZON_ORDER_2, "ItemPrice", "Principal", "40.00", "TEE-2"),
    ("Order", AMAZON_ORDER_2, "Promotion", "Principal", "-5.00", "TEE-2"),
    ("Order", AMAZON_ORDER_2, "ItemFees", "Commission", "-5.25", "TEE-2"),
    # two units, two identical fee rows: two movements, never merged into one
    ("Order", AMAZON_ORDER_2, "ItemFees", "FBAPerUnitFulfillmentFee", "-3.22", "TEE-2"),
    ("Order", AMAZON_ORDER_2, "ItemFees", "FBAPerUnitFulfillmentFee", "-3.22", "TEE-2"),
    ("Refund", AMAZON_ORDER_1, "ItemPrice", "Principal", "-25.00", "MUG-1"),
    ("Refund", AMAZON_ORDER_1, "ItemFees", "Commission", "3.75", "MUG-1"),
    ("Refund", AMAZON_ORDER_1, "ItemFees", "RefundCommission", "-0.75", "MUG-1"),
    ("ServiceFee", "", "Cost of Advertising", "TransactionTotalAmount", "-12.34", ""),
    ("other-transaction", "", "other-transaction", "Current Reserve Amount", "-10.00", ""),
)
AMAZON_V2_TOTAL = Decimal("1.99")
AMAZON_SETTLEMENT_ID = "12345678901"


def amazon_v2(path: Path, *, components: Sequence[tuple[str, ...]] = _V2_COMPONENTS, total: str = "1.99",
              currency: str = "USD", posted: tuple[str, str] = ("07/09/26", "2026-07-09 08:00:00 UTC")) -> Path:
    summary = {"settlement-id": AMAZON_SETTLEMENT_ID, "settlement-start-date": "2026-07-01T00:00:00+00:00",
               "settlement-end-date": "2026-07-15T00:00:00+00:00", "deposit-date": "2026-07-17T00:00:00+00:00",
               "total-amount": total, "currency": currency}
    rows: list[Mapping[str, str]] = [summary]
    for ttype, order, atype, adesc, amount, sku in components:
        rows.append({"settlement-id": AMAZON_SETTLEMENT_ID, "transaction-type": ttype, "order-id": order,
                     "marketplace-name": "Amazon.com" if order else "", "amount-type": atype,
                     "amount-description": adesc, "amount": amount, "posted-date": posted[0],
                     "posted-date-time": posted[1], "sku": sku, "quantity-purchased": "1" if sku else ""})
    return write_export(path, AMAZON_V2, rows, delimiter="\t", quoting=csv.QUOTE_NONE)


# The legacy flat file (36 columns): money in type/amount pairs.
AMAZON_LEGACY = (
    "settlement-id settlement-start-date settlement-end-date deposit-date total-amount currency transaction-type "
    "order-id merchant-order-id adjustment-id shipment-id marketplace-name shipment-fee-type shipment-fee-amount "
    "order-fee-type order-fee-amount fulfillment-id posted-date order-item-code merchant-order-item-id "
    "merchant-adjustment-item-id sku quantity-purchased price-type price-amount item-related-fee-type "
    "item-related-fee-amount misc-fee-amount other-fee-amount other-fee-reason-description promotion-id "
    "promotion-type promotion-amount direct-payment-type direct-payment-amount other-amount"
).split()

AMAZON_LEGACY_ROWS: tuple[dict[str, str], ...] = (
    {"settlement-id": "987654321", "settlement-start-date": "2015-11-18T03:27:08+00:00",
     "settlement-end-date": "2015-12-02T03:27:08+00:00", "deposit-date": "2015-12-04T03:27:08+00:00",
     "total-amount": "18.87", "currency": "GBP"},
    {"settlement-id": "987654321", "transaction-type": "Order", "order-id": "202-1111111-2222222",
     "marketplace-name": "Amazon.co.uk", "posted-date": "2015-11-20T10:00:00+00:00", "sku": "MUG-1",
     "quantity-purchased": "1", "price-type": "Principal", "price-amount": "20.00",
     "item-related-fee-type": "Commission", "item-related-fee-amount": "-3.00"},
    {"settlement-id": "987654321", "transaction-type": "Order", "order-id": "202-1111111-2222222",
     "marketplace-name": "Amazon.co.uk", "posted-date": "2015-11-20T10:00:00+00:00", "sku": "MUG-1",
     "price-type": "Shipping", "price-amount": "2.99", "promotion-type": "Shipping",
     "promotion-amount": "-1.00"},
    {"settlement-id": "987654321", "transaction-type": "other-transaction", "posted-date": "2015-11-25T00:00:00+00:00",
     "other-fee-reason-description": "Subscription Fee", "other-fee-amount": "-0.12"},
)


def amazon_legacy(path: Path) -> Path:
    return write_export(path, AMAZON_LEGACY, AMAZON_LEGACY_ROWS, delimiter="\t", quoting=csv.QUOTE_NONE)


# --- Amazon date range report ---------------------------------------------------------------------

AMAZON_DATE_RANGE_PREAMBLE = (
    '"Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions"\n'
    '"All amounts in USD, unless specified"\n'
    '"Definitions:"\n'
    '"Sales tax collected: Includes sales tax collected from buyers for product sales, shipping, and gift wrap."\n'
    '"Selling fees: Includes variable closing fees and referral fees."\n'
    '"Other transaction fees: Includes shipping chargebacks, shipping holdbacks, per-item fees  and sales tax '
    'collection fees."\n'
    '"Other: Includes non-order transaction amounts. For more details, see the ""Type"" and ""Description"" '
    'columns for each order ID."\n'
)

# The 2017 US columns and one this reader does not know (its money must not vanish).
AMAZON_DATE_RANGE = (
    "date/time,settlement id,type,order id,sku,description,quantity,marketplace,fulfillment,order city,"
    "order state,order postal,product sales,shipping credits,gift wrap credits,promotional rebates,"
    "sales tax collected,Marketplace Facilitator Tax,selling fees,fba fees,other transaction fees,points granted,"
    "other,total"
).split(",")

AMAZON_DR_ROWS: tuple[dict[str, str], ...] = (
    {"date/time": "Dec 1, 2017 12:38:23 AM PST", "settlement id": "5678901234", "type": "Order",
     "order id": "111-2222222-3333333", "sku": "MUG-1", "description": "Coffee mug", "quantity": "1",
     "product sales": "25.00", "shipping credits": "4.99", "sales tax collected": "2.06",
     "Marketplace Facilitator Tax": "-2.06", "selling fees": "-3.75", "fba fees": "-3.22",
     "points granted": "-0.50", "total": "22.52"},
    {"date/time": "Dec 2, 2017 3:01:10 PM PST", "settlement id": "5678901234", "type": "Refund",
     "order id": "111-2222222-3333333", "sku": "MUG-1", "description": "Coffee mug", "quantity": "1",
     "product sales": "-25.00", "selling fees": "3.00", "total": "-22.00"},
    {"date/time": "Dec 3, 2017 9:00:00 AM PST", "settlement id": "5678901234", "type": "Service Fee",
     "description": "Cost of Advertising", "other": "-1,052.64", "total": "-1,052.64"},
    {"date/time": "Dec 4, 2017 10:00:00 AM PST", "settlement id": "5678901234", "type": "FBA Inventory Fee",
     "description": "FBA Long-Term Storage Fee", "other": "-4.10", "total": "-4.10"},
    {"date/time": "Dec 1, 2017 1:00:00 AM PST", "settlement id": "5678901234", "type": "Order",
     "order id": "111-4444444-5555555", "sku": "TEE-2", "description": "T-shirt", "quantity": "40",
     "product sales": "1,400.00", "selling fees": "-210.00", "total": "1,190.00"},
    {"date/time": "Dec 15, 2017 11:00:00 PM PST", "settlement id": "5678901234", "type": "Transfer",
     "description": "To account ending in: 123", "other": "-100.00", "total": "-100.00"},
)


def amazon_date_range(path: Path, rows: Sequence[Mapping[str, str]] = AMAZON_DR_ROWS, *, trailer: str = "") -> Path:
    filled = [{h: r.get(h, "0" if h in AMAZON_DATE_RANGE[12:] else "") for h in AMAZON_DATE_RANGE} for r in rows]
    return write_export(path, AMAZON_DATE_RANGE, filled, quoting=csv.QUOTE_ALL, before=AMAZON_DATE_RANGE_PREAMBLE,
                        after=trailer)


# --- Shopify Payments ------------------------------------------------------------------------------

SHOPIFY_TRANSACTIONS = (
    "Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Payout ID,Available On,Amount,"
    "Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency"
).split(",")

SHOPIFY_TX_ROWS: tuple[dict[str, str], ...] = (
    {"Transaction Date": "2026-09-03 10:15:00 -0400", "Type": "charge", "Order": "#1001", "Card Brand": "visa",
     "Payout Status": "paid", "Payout Date": "2026-09-05", "Payout ID": "71234567", "Available On": "2026-09-05",
     "Amount": "50.00", "Fee": "1.75", "Net": "48.25", "Checkout": "30001", "Currency": "USD"},
    {"Transaction Date": "2026-09-03 11:00:00 -0400", "Type": "charge", "Order": "#1002",
     "Card Brand": "mastercard", "Payout Status": "paid", "Payout Date": "2026-09-05", "Payout ID": "71234567",
     "Available On": "2026-09-05", "Amount": "30.00", "Fee": "1.17", "Net": "28.83", "Checkout": "30002",
     "Currency": "USD"},
    {"Transaction Date": "2026-09-04 09:00:00 -0400", "Type": "refund", "Order": "#1001", "Card Brand": "visa",
     "Payout Status": "paid", "Payout Date": "2026-09-05", "Payout ID": "71234567", "Available On": "2026-09-05",
     "Amount": "-10.00", "Fee": "0.00", "Net": "-10.00", "Currency": "USD"},
    {"Transaction Date": "2026-09-04 12:00:00 -0400", "Type": "adjustment", "Payout Status": "paid",
     "Payout Date": "2026-09-05", "Payout ID": "71234567", "Available On": "2026-09-05", "Amount": "-0.50",
     "Fee": "0.00", "Net": "-0.50", "Currency": "USD"},
    {"Transaction Date": "2026-09-06 08:00:00 -0400", "Type": "charge", "Order": "#1003", "Card Brand": "visa",
     "Payout Status": "pending", "Available On": "2026-09-08", "Amount": "20.00", "Fee": "0.88", "Net": "19.12",
     "Checkout": "30003", "Currency": "USD"},
)

SHOPIFY_PAYOUTS = "Payout Date,Status,Charges,Refunds,Adjustments,Reserved Funds,Fees,Retried Amount,Total,Currency"
SHOPIFY_PAYOUT_ROWS = ({"Payout Date": "2026-09-05", "Status": "paid", "Charges": "80.00", "Refunds": "-10.00",
                        "Adjustments": "-0.50", "Reserved Funds": "0.00", "Fees": "-2.92", "Retried Amount": "0.00",
                        "Total": "66.58", "Currency": "USD"},)


def shopify_transactions(path: Path, rows: Sequence[Mapping[str, str]] = SHOPIFY_TX_ROWS) -> Path:
    return write_export(path, SHOPIFY_TRANSACTIONS, rows)


def shopify_payouts(path: Path) -> Path:
    return write_export(path, SHOPIFY_PAYOUTS.split(","), SHOPIFY_PAYOUT_ROWS)


# --- eBay transaction report --------------------------------------------------------------------------

EBAY_TRANSACTIONS = (
    "Transaction creation date,Type,Order number,Legacy order ID,Buyer username,Buyer name,Ship to city,"
    "Ship to province/region/state,Ship to zip,Ship to country,Net amount,Payout currency,Payout date,Payout ID,"
    "Payout method,Payout status,Reason for hold,Item ID,Transaction ID,Item title,Custom label,Quantity,"
    "Item subtotal,Shipping and handling,Seller collected tax,eBay collected tax,Final Value Fee - fixed,"
    "Final Value Fee - variable,Regulatory operating fee,Very high \"item not as described\" fee,"
    "Below standard performance fee,International fee,Charity donation,Deposit processing fee,"
    "Gross transaction amount,Transaction currency,Exchange rate,Reference ID,Description"
)
EBAY_PREAMBLE = '"Transaction report"\n"Start date","Oct 1, 2026"\n"End date","Oct 31, 2026"\n\n'
EBAY_ORDER = "03-11111-22222"  # the one-row order of test_import_amazon_ebay.ebay_rows

EBAY_ROWS: tuple[dict[str, str], ...] = (
    {"Transaction creation date": "Oct 1, 2026", "Type": "Order", "Order number": EBAY_ORDER,
     "Legacy order ID": "123456789012-1234567890", "Buyer username": "buyer1", "Net amount": "21.37",
     "Payout currency": "USD", "Payout date": "Oct 3, 2026", "Payout ID": "5000012345", "Payout status": "Paid",
     "Item ID": "123456789012", "Transaction ID": "1234567890", "Item title": "Vintage lamp",
     "Custom label": "LAMP-1", "Quantity": "1", "Item subtotal": "20.00", "Shipping and handling": "5.00",
     "Seller collected tax": "--", "eBay collected tax": "1.60", "Final Value Fee - fixed": "-0.30",
     "Final Value Fee - variable": "-3.33", "Gross transaction amount": "26.60", "Transaction currency": "USD",
     "Description": "--"},
    {"Transaction creation date": "Oct 2, 2026", "Type": "Other fee", "Order number": EBAY_ORDER,
     "Net amount": "-1.50", "Payout currency": "USD", "Payout date": "Oct 3, 2026", "Payout ID": "5000012345",
     "Payout status": "Paid", "Item ID": "123456789012", "Transaction currency": "USD",
     "Description": "Promoted Listings - General fee"},
    {"Transaction creation date": "Oct 2, 2026", "Type": "Shipping label", "Order number": EBAY_ORDER,
     "Net amount": "-4.25", "Payout currency": "USD", "Payout date": "Oct 3, 2026", "Payout ID": "5000012345",
     "Payout status": "Paid", "Transaction currency": "USD", "Description": "USPS Ground Advantage"},
    {"Transaction creation date": "Oct 3, 2026", "Type": "Payout", "Net amount": "-15.62", "Payout currency": "USD",
     "Payout date": "Oct 3, 2026", "Payout ID": "5000012345", "Payout method": "Bank account",
     "Payout status": "Paid", "Transaction currency": "USD", "Description": "--"},
)


def ebay_transactions(path: Path, rows: Sequence[Mapping[str, str]] = EBAY_ROWS) -> Path:
    header = next(csv.reader([EBAY_TRANSACTIONS]))
    filled = [{h: r.get(h, "--") for h in header} for r in rows]
    return write_export(path, header, filled, before=EBAY_PREAMBLE)


# --- Etsy monthly statement -----------------------------------------------------------------------------

ETSY_STATEMENT = 'Date,Type,Title,Info,Currency,Amount,"Fees & Taxes",Net,"Tax Details"'
ETSY_ORDER = "3159107009"  # an order of test_import_etsy.order_rows

ETSY_ROWS: tuple[tuple[str, ...], ...] = (  # newest first, as Etsy writes it
    ("September 30, 2026", "Deposit", "$30.00 sent to your bank account", "", "USD", "--", "--", "--", "--"),
    ("September 25, 2026", "Marketing", "Etsy Ads", "", "USD", "--", "-$2.15", "-$2.15", "--"),
    ("September 24, 2026", "Shipping", "USPS shipping label", "Label #123", "USD", "--", "-$4.80", "-$4.80", "--"),
    ("September 24, 2026", "Fee", "Processing fee", f"Order #{ETSY_ORDER}", "USD", "--", "-$1.18", "-$1.18",
     "--"),
    ("September 24, 2026", "Fee", "Transaction fee: Shipping", f"Order #{ETSY_ORDER}", "USD", "--", "-$0.33",
     "-$0.33", "--"),
    ("September 24, 2026", "Fee", "Transaction fee: Ceramic mug", f"Order #{ETSY_ORDER}", "USD", "--", "-$1.95",
     "-$1.95", "--"),
    ("September 24, 2026", "Sale", f"Payment for Order #{ETSY_ORDER}", "", "USD", "$36.00", "--", "$36.00", "--"),
    ("September 20, 2026", "Fee", "Listing fee", "Listing #1234567", "USD", "--", "-$0.20", "-$0.20", "--"),
    ("September 20, 2026", "Fee", "Listing fee", "Listing #1234567", "USD", "--", "-$0.20", "-$0.20", "--"),
)
ETSY_NET = Decimal("25.19")  # Σ Net (the deposit not included)


def etsy_statement(path: Path, rows: Sequence[Sequence[str]] = ETSY_ROWS) -> Path:
    header = next(csv.reader([ETSY_STATEMENT]))
    return write_export(path, header, rows, encoding="utf-8-sig")


# --- PayPal and Stripe (WooCommerce) --------------------------------------------------------------

PAYPAL = ('"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address",'
          '"To Email Address","Transaction ID","Item Title","Item ID","Reference Txn ID","Invoice Number",'
          '"Quantity","Balance","Balance Impact"')

PAYPAL_ROWS: tuple[dict[str, str], ...] = (
    {"Date": "10/01/2026", "Time": "13:05:07", "TimeZone": "PDT", "Name": "Jane Doe", "Type": "Express Checkout Payment",
     "Status": "Completed", "Currency": "USD", "Gross": "45.00", "Fee": "-1.80", "Net": "43.20",
     "Transaction ID": "1AB23456CD789012E", "Invoice Number": "WC-1234", "Balance": "143.20",
     "Balance Impact": "Credit"},
    {"Date": "10/02/2026", "Time": "09:00:00", "TimeZone": "PDT", "Name": "Jane Doe", "Type": "Payment Refund",
     "Status": "Completed", "Currency": "USD", "Gross": "-10.00", "Fee": "0.40", "Net": "-9.60",
     "Transaction ID": "2AB23456CD789012F", "Reference Txn ID": "1AB23456CD789012E", "Invoice Number": "WC-1234",
     "Balance": "133.60", "Balance Impact": "Debit"},
    {"Date": "10/02/2026", "Time": "10:00:00", "TimeZone": "PDT", "Name": "John Roe",
     "Type": "General Authorization", "Status": "Pending", "Currency": "USD", "Gross": "99.00", "Fee": "0.00",
     "Net": "99.00", "Transaction ID": "3AB23456CD789012G", "Balance": "133.60", "Balance Impact": "Memo"},
    {"Date": "10/03/2026", "Time": "18:30:00", "TimeZone": "PDT", "Name": "", "Type": "General Withdrawal",
     "Status": "Completed", "Currency": "USD", "Gross": "-100.00", "Fee": "0.00", "Net": "-100.00",
     "Transaction ID": "4AB23456CD789012H", "Balance": "33.60", "Balance Impact": "Debit"},
)


def paypal_activity(path: Path, rows: Sequence[Mapping[str, str]] = PAYPAL_ROWS) -> Path:
    header = next(csv.reader([PAYPAL]))
    return write_export(path, header, rows, quoting=csv.QUOTE_ALL)


STRIPE = ("id,Type,Source,Amount,Fee,Net,Currency,Created (UTC),Available On (UTC),Description,"
          "Customer Facing Amount,Customer Facing Currency,Transfer,Transfer Date (UTC),order_id (metadata),"
          "site_url (metadata)").split(",")

STRIPE_ROWS: tuple[dict[str, str], ...] = (
    {"id": "txn_1A", "Type": "charge", "Source": "ch_1A", "Amount": "60.00", "Fee": "2.04", "Net": "57.96",
     "Currency": "usd", "Created (UTC)": "2026-10-01 14:00", "Available On (UTC)": "2026-10-03 00:00",
     "Description": "Shop - Order 1235", "Transfer": "po_1Z", "Transfer Date (UTC)": "2026-10-03 00:00",
     "order_id (metadata)": "1235", "site_url (metadata)": "https://shop.example"},
    {"id": "txn_2B", "Type": "refund", "Source": "re_2B", "Amount": "-15.00", "Fee": "0.00", "Net": "-15.00",
     "Currency": "usd", "Created (UTC)": "2026-10-02 09:30", "Available On (UTC)": "2026-10-02 09:30",
     "Description": "REFUND FOR CHARGE (Shop - Order 1235)", "Transfer": "po_1Z",
     "Transfer Date (UTC)": "2026-10-03 00:00", "order_id (metadata)": "1235"},
    {"id": "txn_3C", "Type": "payout", "Source": "po_1Z", "Amount": "-42.96", "Fee": "0.00", "Net": "-42.96",
     "Currency": "usd", "Created (UTC)": "2026-10-03 00:00", "Available On (UTC)": "2026-10-03 00:00",
     "Description": "STRIPE PAYOUT"},
)


def stripe_balance(path: Path, rows: Sequence[Mapping[str, str]] = STRIPE_ROWS) -> Path:
    return write_export(path, STRIPE, rows, encoding="utf-8-sig")
