"""eBay Seller Hub transaction report (money-traffic-formats.md §4.1).

A preamble ("Transaction report", start and end dates, or "Date range" and "All
amounts in USD") sits above the header; the reader finds the header. One row per
money event; `Type` says which (Order, Refund, Payout, Other fee, Shipping label,
Claim, Hold ...). An order row itemises its money (item subtotal, shipping,
seller-collected tax, final value fees ...) and nets it in `Net amount`; eBay's
collected tax passes by the seller and is not in the net. Other rows have their
money in `Net amount` only. Fees are negative, `--` means not applicable.

`Order number` is what the orders report calls Order Number (the order's id in
the shop), `Custom label` the SKU, `Payout ID` the payout that carried the row.
Payout rows become payouts; their deposit is the payout row's net, turned positive.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.money_rows import (
    BASE,
    PAYOUTS,
    KindRule,
    Part,
    kind_case,
    order_ref,
    reject_basics,
    row_key,
    write_movements,
)

REPORT = "ebay_transactions"

# (Type, Description) -> kind of the row's money.
TYPE_KINDS: tuple[KindRule, ...] = (
    (("order", "%"), MoneyKind.SALE),
    (("refund", "%"), MoneyKind.REFUND),
    (("claim", "%"), MoneyKind.REFUND),
    (("payment dispute", "%"), MoneyKind.REFUND),
    (("payout", "%"), MoneyKind.PAYOUT),
    (("shipping label", "%"), MoneyKind.SHIPPING_LABEL),
    (("hold", "%"), MoneyKind.RESERVE),
    (("%", "%promoted%"), MoneyKind.AD),
    (("%", "%advertising%"), MoneyKind.AD),
    (("other fee", "%"), MoneyKind.COMMISSION),
)

_PARTS = (
    Part("item_subtotal"), Part("shipping"),
    Part("seller_tax", MoneyKind.OTHER, refund_follows=False),
    Part("fvf_fixed", MoneyKind.COMMISSION), Part("fvf_variable", MoneyKind.COMMISSION),
    Part("regulatory_fee", MoneyKind.COMMISSION), Part("inad_fee", MoneyKind.COMMISSION),
    Part("below_standard_fee", MoneyKind.COMMISSION), Part("international_fee", MoneyKind.COMMISSION),
    Part("charity_donation", MoneyKind.OTHER, refund_follows=False),
    Part("deposit_fee", MoneyKind.PAYMENT_FEE),
)

SPEC = FormatSpec(
    platform="ebay",
    kind="transactions",
    label="eBay transaction report",
    fields=(
        field("created_at", "date", "Transaction creation date", keeps_zone=True),
        field("type", "text", "Type"),
        field("order_number", "id", "Order number", key=True),
        field("legacy_order_id", "id", "Legacy order ID"),
        field("net", "money", "Net amount"),
        field("payout_currency", "text", "Payout currency"),
        field("payout_date", "date", "Payout date"),
        field("payout_id", "id", "Payout ID", key=True),
        field("payout_status", "text", "Payout status"),
        field("item_id", "id", "Item ID"),
        field("transaction_id", "id", "Transaction ID"),
        field("custom_label", "id", "Custom label", key=True),
        field("quantity", "int", "Quantity"),
        field("item_subtotal", "money", "Item subtotal"),
        field("shipping", "money", "Shipping and handling"),
        field("seller_tax", "money", "Seller collected tax"),
        field("fvf_fixed", "money", "Final Value Fee - fixed"),
        field("fvf_variable", "money", "Final Value Fee - variable"),
        field("regulatory_fee", "money", "Regulatory operating fee"),
        field("inad_fee", "money", 'Very high "item not as described" fee'),
        field("below_standard_fee", "money", "Below standard performance fee"),
        field("international_fee", "money", "International fee"),
        field("charity_donation", "money", "Charity donation"),
        field("deposit_fee", "money", "Deposit processing fee"),
        field("gross", "money", "Gross transaction amount"),
        field("transaction_currency", "text", "Transaction currency"),
        field("reference_id", "id", "Reference ID"),
        field("description", "text", "Description"),
    ),
    required=frozenset({"created_at", "type", "order_number", "net", "payout_id"}),
    normalise=lambda ctx: normalise(ctx),
    # The date cell as read (a date field's raw cell is `<field>__r` where skip_rows looks).
    skip_rows="(lower(trim(created_at__r)) LIKE 'total%' OR trim(created_at__r) LIKE '#%')",
)


def normalise(ctx: ImportContext) -> None:
    reject_basics(ctx, date="created_at", amounts=["net"])
    ctx.accept()
    parts = [p for p in _PARTS if ctx.has(p.field)]
    currency = "upper(coalesce(payout_currency, transaction_currency, net__cur, $currency))"
    ctx.create(BASE, f"""
        SELECT _row, {row_key('ebay:', 'created_at', 'type', 'order_number', 'transaction_id', 'reference_id',
                              'item_id', 'description')} AS _key,
               created_at AS occurred_at, {currency} AS currency,
               {kind_case(TYPE_KINDS, 'type', 'description')} AS row_kind,
               {order_ref('r.order_number')} AS order_id,
               nullif(concat_ws(' · ', type, description), '') AS description,
               payout_id, custom_label AS sku, {''.join(p.field + ', ' for p in parts)}net AS _net,
               payout_date, payout_status
        FROM {ROWS} r
    """)
    ctx.create(PAYOUTS, f"""
        SELECT _row, $shop AS shop_id, payout_id, coalesce(payout_date, occurred_at) AS paid_at,
               CAST(NULL AS TIMESTAMPTZ) AS period_start, CAST(NULL AS TIMESTAMPTZ) AS period_end,
               -_net AS deposit, currency, lower(payout_status) AS status, '{REPORT}' AS report
        FROM {BASE} WHERE row_kind = 'payout' AND payout_id IS NOT NULL
    """)
    write_movements(ctx, parts, report=REPORT, payouts=True)


SPECS = (SPEC,)
