"""Shopify Payments money reports: payouts and payment transactions (money-traffic-formats.md §3.1, §3.2).

Payment transactions: one row per balance transaction (charge, refund,
adjustment, dispute ...), `Amount` signed, `Fee` positive, `Net = Amount − Fee`.
A row becomes a movement for its amount and one for the fee (negative); a VAT
on fees (EU shops) or anything else Net keeps back is a payment fee of its own
(`rest`), so a row's movements add up to its Net. `Order` is the order's name ('#1001'), which
the order importer keeps as the order number: money_rows.order_ref turns it into
the stored order's id.

The report has no transaction id; ids come from the row's content, not from
its payout columns, which fill in once a pending transaction is paid out (a later
export then updates the same movements with their payout).

Payouts: one row per payout with its totals, no id. Payouts and transactions meet
on the payout's date and currency (Shopify pays out once a day per currency):
that pair is the payout's id in both files, the transactions' own `Payout ID`
goes into the movement's description.
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

TRANSACTIONS_REPORT = "shopify_payment_transactions"
PAYOUTS_REPORT = "shopify_payouts"

# Type -> kind of the transaction's amount.
TRANSACTION_KINDS: tuple[KindRule, ...] = (
    (("charge",), MoneyKind.SALE),
    (("refund%",), MoneyKind.REFUND),
    (("%dispute%",), MoneyKind.REFUND),
    (("%chargeback%",), MoneyKind.REFUND),
    (("%reserve%",), MoneyKind.RESERVE),
    (("payout%",), MoneyKind.PAYOUT),
    (("%fee%",), MoneyKind.PAYMENT_FEE),
)


def payout_key(date_sql: str, currency_sql: str) -> str:
    """The id a Shopify payout has in both reports: its date and currency."""
    return f"strftime(timezone($zone, {date_sql}), '%Y-%m-%d') || ' ' || {currency_sql}"


TRANSACTIONS_SPEC = FormatSpec(
    platform="shopify",
    kind="payment_transactions",
    label="Shopify Payments transactions",
    fields=(
        field("transaction_date", "date", "Transaction Date", keeps_zone=True),
        field("type", "text", "Type"),
        field("order_name", "id", "Order", key=True),
        field("card_brand", "text", "Card Brand"),
        field("payout_status", "text", "Payout Status"),
        field("payout_date", "date", "Payout Date"),
        field("payout_id", "id", "Payout ID"),
        field("available_on", "date", "Available On"),
        field("amount", "money", "Amount"),
        field("fee", "money", "Fee"),
        field("net", "money", "Net"),
        field("checkout", "id", "Checkout"),
        field("vat", "money", "VAT"),
        field("currency", "text", "Currency"),
    ),
    required=frozenset({"transaction_date", "type", "order_name", "payout_status", "amount", "fee", "net"}),
    normalise=lambda ctx: normalise_transactions(ctx),
)


def normalise_transactions(ctx: ImportContext) -> None:
    reject_basics(ctx, date="transaction_date", amounts=["amount", "net"])
    ctx.accept()
    currency = "upper(coalesce(currency, net__cur, amount__cur, $currency))"
    ctx.create(BASE, f"""
        SELECT _row, {row_key('shp:', 'transaction_date', 'type', 'order_name', 'checkout', 'card_brand', 'amount')}
                   AS _key,
               transaction_date AS occurred_at, {currency} AS currency,
               {kind_case(TRANSACTION_KINDS, 'type')} AS row_kind,
               {order_ref('r.order_name')} AS order_id,
               nullif(concat_ws(' · ', type, card_brand, 'payout ' || payout_id), '') AS description,
               CASE WHEN payout_date IS NOT NULL THEN {payout_key('payout_date', currency)} END AS payout_id,
               CAST(NULL AS VARCHAR) AS sku, amount, fee, coalesce(net, amount - coalesce(fee, 0)) AS _net,
               payout_date, payout_status
        FROM {ROWS} r
    """)
    # The payouts the transactions went into; what reached the bank is in the payouts report.
    ctx.create(PAYOUTS, f"""
        SELECT min(_row) AS _row, $shop AS shop_id, payout_id, min(payout_date) AS paid_at,
               CAST(NULL AS TIMESTAMPTZ) AS period_start, CAST(NULL AS TIMESTAMPTZ) AS period_end,
               CAST(NULL AS DECIMAL(18,2)) AS deposit, any_value(currency) AS currency,
               lower(any_value(payout_status)) AS status, '{TRANSACTIONS_REPORT}' AS report
        FROM {BASE} WHERE payout_id IS NOT NULL GROUP BY payout_id
    """)
    # What Net keeps back beyond Amount − Fee can only be the processor's (the VAT on its fee).
    write_movements(ctx, [Part("amount"), Part("fee", MoneyKind.PAYMENT_FEE, refund_follows=False, sign=-1)],
                    report=TRANSACTIONS_REPORT, payouts=True, rest_kind=MoneyKind.PAYMENT_FEE)


PAYOUTS_SPEC = FormatSpec(
    platform="shopify",
    kind="payouts",
    label="Shopify Payments payouts",
    fields=(
        field("payout_date", "date", "Payout Date"),
        field("status", "text", "Status"),
        field("charges", "money", "Charges"),
        field("refunds", "money", "Refunds"),
        field("adjustments", "money", "Adjustments"),
        field("reserved_funds", "money", "Reserved Funds"),
        field("fees", "money", "Fees"),
        field("retried_amount", "money", "Retried Amount"),
        field("total", "money", "Total"),
        field("currency", "text", "Currency"),
        field("bank_reference", "text", "Bank Reference"),
    ),
    required=frozenset({"payout_date", "charges", "fees", "total"}),
    normalise=lambda ctx: normalise_payouts(ctx),
)


def normalise_payouts(ctx: ImportContext) -> None:
    """Payouts only: their charges, fees and refunds are the transactions' sums, which the
    transactions report itemises; booking them here as well would count them twice."""
    reject_basics(ctx, date="payout_date", amounts=["total"])
    ctx.accept()
    currency = "upper(coalesce(currency, total__cur, $currency))"
    ctx.create(PAYOUTS, f"""
        SELECT _row, $shop AS shop_id, {payout_key('payout_date', currency)} AS payout_id,
               payout_date AS paid_at, CAST(NULL AS TIMESTAMPTZ) AS period_start,
               CAST(NULL AS TIMESTAMPTZ) AS period_end, total AS deposit, {currency} AS currency,
               lower(status) AS status, '{PAYOUTS_REPORT}' AS report
        FROM {ROWS}
    """)
    ctx.map_rows("payouts", f"SELECT _row, shop_id, payout_id FROM {PAYOUTS}")
    ctx.release_source()
    ctx.upsert("payouts", PAYOUTS)


SPECS = (TRANSACTIONS_SPEC, PAYOUTS_SPEC)
