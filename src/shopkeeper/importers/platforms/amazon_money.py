"""Amazon money reports: the settlement flat file V2 and the Date Range transaction report
(money-traffic-formats.md §2.1, §2.3).

Settlement V2 (tab-separated, unquoted): the first row is the settlement itself
(settlement-id, period, deposit-date, total-amount = what reached the bank), every
other row one money component of a transaction (`amount-type` / `amount-description`
/ `amount`, signed from the seller's view). The components add up to total-amount,
so the settlement is a payout and each component a movement carried by it.

Date Range report (comma, every cell quoted, a few preamble lines before the
`date/time` header): one row per posted transaction with its money in columns
(product sales, selling fees, fba fees, other, ...) and the row's net in `total`.
Each non-zero column becomes a movement; `Transfer` rows are the payouts.
Neither report has a row id: ids come from the row's content (money_rows.row_key).

The legacy settlement flat file (retired 2026-03-25, still the seller's history) has the
same summary row but writes a component's money in type/amount column pairs (price-*,
item-related-fee-*, shipment-fee-* ...): each filled pair becomes the component V2 would
have written, and from there both are read alike.
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
    reject_basics,
    row_key,
    write_movements,
)
from shopkeeper.importers.normalise_sql import sql_literal, value_case

SETTLEMENT_REPORT = "amazon_settlement_v2"
LEGACY_REPORT = "amazon_settlement_legacy"
DATE_RANGE_REPORT = "amazon_date_range"

# (transaction-type, amount-type, amount-description) -> kind. A refund's components are all
# refund (the refunded price negative, the commission given back positive).
SETTLEMENT_KINDS: tuple[KindRule, ...] = (
    (("%refund%", "%", "%"), MoneyKind.REFUND),
    (("%chargeback%", "%", "%"), MoneyKind.REFUND),
    (("%guarantee%", "%", "%"), MoneyKind.REFUND),
    (("%", "%", "%reserve%"), MoneyKind.RESERVE),
    (("%", "%advertising%", "%"), MoneyKind.AD),      # ServiceFee · Cost of Advertising · TransactionTotalAmount
    (("%", "%", "%advertising%"), MoneyKind.AD),
    (("%", "%", "%shipping label%"), MoneyKind.SHIPPING_LABEL),
    (("shipping services", "%", "%"), MoneyKind.SHIPPING_LABEL),
    (("%", "%", "%tax%"), MoneyKind.OTHER),           # collected and withheld tax pass through
    (("%", "itemwithheldtax", "%"), MoneyKind.OTHER),
    (("%", "itemprice", "%"), MoneyKind.SALE),
    (("%", "promotion", "%"), MoneyKind.SALE),        # a discount the seller funded lowers the sale
    (("%", "itemfees", "%"), MoneyKind.COMMISSION),   # referral, FBA fulfilment, closing fees
    (("%", "shipmentfees", "%"), MoneyKind.COMMISSION),  # legacy flat file: shipment-fee-type
    (("%", "orderfees", "%"), MoneyKind.COMMISSION),     # legacy flat file: order-fee-type
    (("amazonfees", "%", "%"), MoneyKind.COMMISSION),
    (("%", "%", "%subscription%"), MoneyKind.OTHER),
)

SETTLEMENT_SPEC = FormatSpec(
    platform="amazon",
    kind="settlement",
    label="Amazon settlement report (V2)",
    fields=(
        field("settlement_id", "id", "settlement-id", key=True),
        field("period_start", "date", "settlement-start-date"),
        field("period_end", "date", "settlement-end-date"),
        field("deposit_date", "date", "deposit-date"),
        field("total_amount", "money", "total-amount"),
        field("currency", "text", "currency"),
        field("transaction_type", "text", "transaction-type"),
        field("order_id", "id", "order-id", key=True),
        field("merchant_order_id", "id", "merchant-order-id"),
        field("adjustment_id", "id", "adjustment-id"),
        field("shipment_id", "id", "shipment-id"),
        field("marketplace", "text", "marketplace-name"),
        field("amount_type", "text", "amount-type"),
        field("amount_description", "text", "amount-description"),
        field("amount", "money", "amount"),
        field("posted_date", "date", "posted-date"),
        field("posted_at", "date", "posted-date-time"),
        field("order_item_code", "id", "order-item-code"),
        field("merchant_adjustment_item_id", "id", "merchant-adjustment-item-id"),
        field("sku", "id", "sku", key=True),
        field("quantity", "int", "quantity-purchased"),
    ),
    required=frozenset({"settlement_id", "total_amount", "transaction_type", "amount_type", "amount_description",
                        "amount"}),
    normalise=lambda ctx: normalise_settlement(ctx),
    quoting=False,  # Amazon flat files do not escape quotes
)

_SUMMARY = "transaction_type IS NULL AND amount IS NULL AND amount__raw IS NULL"
_COMPONENTS = "_sk_components"


def normalise_settlement(ctx: ImportContext) -> None:
    ctx.reject("settlement_id IS NULL", field="settlement_id", reason="reject.missing_settlement_id")
    # A component is dated by posted-date-time, else posted-date; the summary row by its deposit date.
    ctx.reject(f"NOT ({_SUMMARY}) AND posted_date IS NULL AND posted_date__raw IS NULL AND posted_at IS NULL "
               "AND posted_at__raw IS NULL", field="posted_at", reason="reject.missing_date")
    ctx.reject(f"NOT ({_SUMMARY}) AND amount IS NULL AND amount__raw IS NULL", field="amount",
               reason="reject.missing_amount")
    ctx.reject(f"{_SUMMARY} AND total_amount IS NULL AND total_amount__raw IS NULL", field="total_amount",
               reason="reject.missing_amount")
    ctx.accept()
    ctx.create(_COMPONENTS, f"SELECT *, {_SUMMARY} AS _summary FROM {ROWS}")
    _write_settlement(ctx, SETTLEMENT_REPORT)


def _write_settlement(ctx: ImportContext, report: str) -> None:
    """Movements and the payout of a settlement staged as `_sk_components` (V2's columns, `_summary`)."""
    # The settlement's currency, for components whose own cell is empty.
    ctx.create("_sk_settlements", f"""
        SELECT settlement_id, any_value(currency) AS currency FROM {_COMPONENTS}
        WHERE currency IS NOT NULL GROUP BY settlement_id
    """)
    ctx.create(BASE, f"""
        SELECT r._row, {row_key('amz:', 'r.settlement_id', 'r.transaction_type', 'r.order_id', 'r.adjustment_id',
                                'r.shipment_id', 'r.order_item_code', 'r.merchant_adjustment_item_id', 'r.sku',
                                'r.amount_type', 'r.amount_description', 'coalesce(r.posted_at, r.posted_date)')}
                   AS _key,
               coalesce(r.posted_at, r.posted_date) AS occurred_at,
               upper(coalesce(r.currency, s.currency, r.amount__cur, $currency)) AS currency,
               {kind_case(SETTLEMENT_KINDS, 'r.transaction_type', 'r.amount_type', 'r.amount_description')}
                   AS row_kind,
               r.order_id, nullif(concat_ws(' · ', r.transaction_type, r.amount_type, r.amount_description), '')
                   AS description,
               r.settlement_id AS payout_id, r.sku, r.amount, CAST(NULL AS DECIMAL(18,2)) AS _net
        FROM {_COMPONENTS} r LEFT JOIN _sk_settlements s USING (settlement_id)
        WHERE NOT r._summary
    """)
    ctx.create(PAYOUTS, f"""
        SELECT _row, $shop AS shop_id, settlement_id AS payout_id, deposit_date AS paid_at,
               period_start, period_end, total_amount AS deposit, upper(coalesce(currency, total_amount__cur,
               $currency)) AS currency, CAST(NULL AS VARCHAR) AS status, '{report}' AS report
        FROM {_COMPONENTS} WHERE _summary
    """)
    write_movements(ctx, [Part("amount")], report=report, payouts=True)


# The legacy flat file's money columns as V2 (amount-type, amount-description, amount): a pair
# of type and amount columns, or an amount column whose name is its description.
_LEGACY_PAIRS = (
    ("ItemPrice", "price_type", "price_amount"),
    ("ItemFees", "item_related_fee_type", "item_related_fee_amount"),
    ("ShipmentFees", "shipment_fee_type", "shipment_fee_amount"),
    ("OrderFees", "order_fee_type", "order_fee_amount"),
    ("Promotion", "promotion_type", "promotion_amount"),
    ("DirectPayment", "direct_payment_type", "direct_payment_amount"),
    ("OtherFee", "other_fee_reason", "other_fee_amount"),
    ("MiscFee", None, "misc_fee_amount"),
    ("Other", None, "other_amount"),
)
_LEGACY_AMOUNTS = [amount for _, _, amount in _LEGACY_PAIRS]

LEGACY_SPEC = FormatSpec(
    platform="amazon",
    kind="settlement_legacy",
    label="Amazon settlement report (legacy flat file)",
    fields=(
        *(f for f in SETTLEMENT_SPEC.fields if f.name not in ("amount_type", "amount_description", "amount",
                                                               "posted_at")),
        field("price_type", "text", "price-type"),
        field("price_amount", "money", "price-amount"),
        field("item_related_fee_type", "text", "item-related-fee-type"),
        field("item_related_fee_amount", "money", "item-related-fee-amount"),
        field("shipment_fee_type", "text", "shipment-fee-type"),
        field("shipment_fee_amount", "money", "shipment-fee-amount"),
        field("order_fee_type", "text", "order-fee-type"),
        field("order_fee_amount", "money", "order-fee-amount"),
        field("promotion_type", "text", "promotion-type"),
        field("promotion_amount", "money", "promotion-amount"),
        field("direct_payment_type", "text", "direct-payment-type"),
        field("direct_payment_amount", "money", "direct-payment-amount"),
        field("other_fee_reason", "text", "other-fee-reason-description"),
        field("other_fee_amount", "money", "other-fee-amount"),
        field("misc_fee_amount", "money", "misc-fee-amount"),
        field("other_amount", "money", "other-amount"),
    ),
    required=frozenset({"settlement_id", "total_amount", "transaction_type", "price_type", "price_amount",
                        "item_related_fee_type", "item_related_fee_amount"}),
    normalise=lambda ctx: normalise_legacy_settlement(ctx),
    quoting=False,
)


def normalise_legacy_settlement(ctx: ImportContext) -> None:
    no_amount = " AND ".join(f"{a} IS NULL AND {a}__raw IS NULL" for a in _LEGACY_AMOUNTS)
    summary = f"transaction_type IS NULL AND {no_amount}"
    ctx.reject("settlement_id IS NULL", field="settlement_id", reason="reject.missing_settlement_id")
    ctx.reject(f"NOT ({summary}) AND posted_date IS NULL AND posted_date__raw IS NULL", field="posted_date",
               reason="reject.missing_date")
    ctx.reject(f"NOT ({summary}) AND {no_amount}", field="price_amount", reason="reject.missing_amount")
    ctx.reject(f"({summary}) AND total_amount IS NULL AND total_amount__raw IS NULL", field="total_amount",
               reason="reject.missing_amount")
    ctx.accept()
    pairs = ", ".join(
        f"{{'amount_type': '{name}', 'amount_description': {type_column or sql_literal(ctx.header(amount) or amount)}, "
        f"'amount': {amount}, 'amount__cur': {amount}__cur}}"
        for name, type_column, amount in _LEGACY_PAIRS)
    shared = ("_row, settlement_id, transaction_type, order_id, adjustment_id, shipment_id, order_item_code, "
              "merchant_adjustment_item_id, sku, posted_date, CAST(NULL AS TIMESTAMPTZ) AS posted_at, currency, "
              "deposit_date, period_start, period_end, total_amount, total_amount__cur")
    ctx.create(_COMPONENTS, f"""
        SELECT {shared}, CAST(NULL AS VARCHAR) AS amount_type, CAST(NULL AS VARCHAR) AS amount_description,
               CAST(NULL AS DECIMAL(18,2)) AS amount, CAST(NULL AS VARCHAR) AS amount__cur, TRUE AS _summary
        FROM {ROWS} WHERE {summary}
        UNION ALL
        SELECT {shared}, p.amount_type, p.amount_description, p.amount, p.amount__cur, FALSE AS _summary
        FROM (SELECT *, unnest([{pairs}]) AS p FROM {ROWS} WHERE NOT ({summary}))
        WHERE p.amount IS NOT NULL
    """)
    _write_settlement(ctx, LEGACY_REPORT)


# Date range: `type` (and `description` for the catch-all columns) -> the row's kind.
DATE_RANGE_KINDS: tuple[KindRule, ...] = (
    (("order", "%"), MoneyKind.SALE),
    (("refund", "%"), MoneyKind.REFUND),
    (("%chargeback%", "%"), MoneyKind.REFUND),
    (("%a-to-z%", "%"), MoneyKind.REFUND),
    (("transfer", "%"), MoneyKind.PAYOUT),
    (("%", "%advertising%"), MoneyKind.AD),
    (("%", "%productadspayment%"), MoneyKind.AD),
    (("%", "%reserve%"), MoneyKind.RESERVE),
    (("%shipping services%", "%"), MoneyKind.SHIPPING_LABEL),
    (("%", "%shipping label%"), MoneyKind.SHIPPING_LABEL),
    (("fba %", "%"), MoneyKind.COMMISSION),  # FBA Inventory Fee, FBA Customer Return Fee ...
    (("amazon fees", "%"), MoneyKind.COMMISSION),
)

_DATE_RANGE_PARTS = (
    Part("product_sales"), Part("shipping_credits"), Part("gift_wrap_credits"), Part("promotional_rebates"),
    # Taxes the buyer paid and the marketplace withheld again: they pass through the balance.
    *(Part(f, MoneyKind.OTHER, refund_follows=False) for f in (
        "product_sales_tax", "shipping_credits_tax", "giftwrap_credits_tax", "promotional_rebates_tax",
        "sales_tax_collected", "marketplace_facilitator_tax", "marketplace_withheld_tax", "tax_on_regulatory_fee")),
    Part("selling_fees", MoneyKind.COMMISSION), Part("fba_fees", MoneyKind.COMMISSION),
    Part("other_transaction_fees", MoneyKind.COMMISSION), Part("regulatory_fee", MoneyKind.COMMISSION),
    Part("other"),
)

DATE_RANGE_SPEC = FormatSpec(
    platform="amazon",
    kind="transactions",
    label="Amazon date range transaction report",
    fields=(
        field("posted_at", "date", "date/time", keeps_zone=True),
        field("settlement_id", "id", "settlement id", key=True),
        field("type", "text", "type"),
        field("order_id", "id", "order id", key=True),
        field("sku", "id", "sku", key=True),
        field("description", "text", "description"),
        field("quantity", "int", "quantity"),
        field("marketplace", "text", "marketplace"),
        field("fulfillment", "text", "fulfillment", "fulfilment"),
        field("product_sales", "money", "product sales"),
        field("product_sales_tax", "money", "product sales tax"),
        field("shipping_credits", "money", "shipping credits", "postage credits"),
        field("shipping_credits_tax", "money", "shipping credits tax", "postage credits tax"),
        field("gift_wrap_credits", "money", "gift wrap credits"),
        field("giftwrap_credits_tax", "money", "giftwrap credits tax", "gift wrap credits tax"),
        field("regulatory_fee", "money", "regulatory fee"),
        field("tax_on_regulatory_fee", "money", "tax on regulatory fee"),
        field("promotional_rebates", "money", "promotional rebates"),
        field("promotional_rebates_tax", "money", "promotional rebates tax"),
        field("sales_tax_collected", "money", "sales tax collected"),
        field("marketplace_facilitator_tax", "money", "marketplace facilitator tax"),
        field("marketplace_withheld_tax", "money", "marketplace withheld tax"),
        field("selling_fees", "money", "selling fees"),
        field("fba_fees", "money", "fba fees"),
        field("other_transaction_fees", "money", "other transaction fees"),
        field("other", "money", "other"),
        field("total", "money", "total"),
    ),
    required=frozenset({"posted_at", "type", "product_sales", "selling_fees", "total"}),
    normalise=lambda ctx: normalise_date_range(ctx),
    # The date cell as read (a date field's raw cell is `<field>__r` where skip_rows looks).
    skip_rows="(lower(trim(posted_at__r)) LIKE 'total%' OR trim(posted_at__r) LIKE '#%')",
)


# The date range report states its currency only in the preamble ("All amounts in GBP, unless
# specified"), which is not part of the table; an order row's marketplace says it as well, and the
# rows without one (fees, transfers) are in the currency of the file's marketplaces.
MARKETPLACE_CURRENCIES = {
    "amazon.com": "USD", "amazon.ca": "CAD", "amazon.com.mx": "MXN", "amazon.com.br": "BRL",
    "amazon.co.uk": "GBP", "amazon.de": "EUR", "amazon.fr": "EUR", "amazon.it": "EUR", "amazon.es": "EUR",
    "amazon.nl": "EUR", "amazon.com.be": "EUR", "amazon.ie": "EUR", "amazon.se": "SEK", "amazon.pl": "PLN",
    "amazon.com.tr": "TRY", "amazon.in": "INR", "amazon.ae": "AED", "amazon.sa": "SAR", "amazon.eg": "EGP",
    "amazon.co.jp": "JPY", "amazon.com.au": "AUD", "amazon.sg": "SGD",
}


def normalise_date_range(ctx: ImportContext) -> None:
    reject_basics(ctx, date="posted_at", amounts=["total"])
    ctx.accept()
    parts = [p for p in _DATE_RANGE_PARTS if ctx.has(p.field)]
    marketplace = value_case("lower(trim(marketplace))", dict(MARKETPLACE_CURRENCIES))
    ctx.create("_sk_marketplaces", f"""
        SELECT CASE WHEN count(DISTINCT m) = 1 THEN any_value(m) END AS currency
        FROM (SELECT {marketplace} AS m FROM {ROWS}) WHERE m IS NOT NULL
    """)
    currency = (f"upper(coalesce(total__cur, product_sales__cur, {marketplace}, "
                "(SELECT currency FROM _sk_marketplaces), $currency))")
    ctx.create(BASE, f"""
        SELECT _row, {row_key('amzdr:', 'settlement_id', 'posted_at', 'type', 'order_id', 'sku', 'description',
                              'quantity')} AS _key,
               posted_at AS occurred_at, {currency} AS currency,
               {kind_case(DATE_RANGE_KINDS, 'type', 'description')} AS row_kind,
               order_id, nullif(concat_ws(' · ', type, description), '') AS description,
               settlement_id AS payout_id, sku, {', '.join(p.field for p in parts)}, total AS _net
        FROM {ROWS}
    """)
    ctx.create(PAYOUTS, f"""
        SELECT _row, $shop AS shop_id, settlement_id AS payout_id, posted_at AS paid_at,
               CAST(NULL AS TIMESTAMPTZ) AS period_start, CAST(NULL AS TIMESTAMPTZ) AS period_end,
               -total AS deposit, {currency} AS currency,
               CAST(NULL AS VARCHAR) AS status, '{DATE_RANGE_REPORT}' AS report
        FROM {ROWS} WHERE lower(type) = 'transfer' AND settlement_id IS NOT NULL AND total IS NOT NULL
    """)
    write_movements(ctx, parts, report=DATE_RANGE_REPORT, payouts=True)


SPECS = (SETTLEMENT_SPEC, LEGACY_SPEC, DATE_RANGE_SPEC)
