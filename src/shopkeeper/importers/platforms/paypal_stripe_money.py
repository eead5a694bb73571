"""The gateways WooCommerce sellers are paid through: PayPal activity downloads and Stripe
balance / payout reconciliation exports (money-traffic-formats.md §6).

WooCommerce keeps no fee or payout ledger; these files do. Both land in the
WooCommerce shop, and their order reference becomes the WooCommerce order's id
(money_rows.order_ref: by id, else by order number).

PayPal: one row per activity with its own `Transaction ID`; `Gross` signed,
`Fee` negative on payments received, `Net = Gross + Fee`. Date, time and zone
are three columns (`10/01/2026`, `13:05:07`, `PDT`); German downloads name them
Datum/Uhrzeit/Zeitzone and write decimal commas. Rows that did not move the
balance (pending, denied, `Memo` impact: an authorisation) are read but book
nothing. Withdrawals to the bank are payouts. `Invoice Number` carries the order
(the WooCommerce PayPal plugins write the order number, some with a prefix such
as 'WC-': the digits after it are tried too).

Stripe: one row per balance transaction with its id; `Amount` signed, `Fee`
positive, `Net = Amount − Fee`, currency lower-case, times in UTC. `Transfer`
(balance history) or `automatic_payout_id` (payout reconciliation) names the
payout that carried the row; payout rows are the payouts. The WooCommerce Stripe
plugin writes the order in the `order_id` metadata column.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ROWS, ImportContext
from shopkeeper.importers.formats import FormatSpec, field
from shopkeeper.importers.money_rows import BASE, PAYOUTS, KindRule, Part, kind_case, order_ref, write_movements

PAYPAL_REPORT = "paypal_activity"
STRIPE_REPORT = "stripe_balance"

# PayPal (Type, direction of the gross: 'in'/'out') -> kind of the gross amount. English and German
# types; a payment the seller sent (a supplier, a subscription) is money out, not a sale.
PAYPAL_KINDS: tuple[KindRule, ...] = (
    (("%refund%", "%"), MoneyKind.REFUND),
    (("%rückzahlung%", "%"), MoneyKind.REFUND),
    (("%erstattung%", "%"), MoneyKind.REFUND),
    (("%chargeback%", "%"), MoneyKind.REFUND),
    (("%withdraw%", "%"), MoneyKind.PAYOUT),
    (("%abbuchung%", "%"), MoneyKind.PAYOUT),
    (("%bank deposit%", "%"), MoneyKind.PAYOUT),
    (("%hold%", "%"), MoneyKind.RESERVE),
    (("%reserve%", "%"), MoneyKind.RESERVE),
    (("%einbehalt%", "%"), MoneyKind.RESERVE),
    (("%conversion%", "%"), MoneyKind.OTHER),
    (("%umrechnung%", "%"), MoneyKind.OTHER),
    (("%payment%", "in"), MoneyKind.SALE),
    (("%zahlung%", "in"), MoneyKind.SALE),
)
_PAYPAL_DIRECTION = "CASE WHEN r.gross < 0 THEN 'out' ELSE 'in' END"

PAYPAL_SPEC = FormatSpec(
    platform="woocommerce",
    kind="paypal_activity",
    label="PayPal activity download",
    fields=(
        field("day", "text", "Date", "Datum"),
        field("time", "text", "Time", "Uhrzeit"),
        field("zone", "text", "TimeZone", "Time Zone", "Zeitzone"),
        field("name", "text", "Name"),
        field("type", "text", "Type", "Typ"),
        field("status", "text", "Status"),
        field("currency", "text", "Currency", "Währung"),
        field("gross", "money", "Gross", "Brutto"),
        field("fee", "money", "Fee", "Gebühr"),
        field("net", "money", "Net", "Netto"),
        field("transaction_id", "id", "Transaction ID", "Transaktionscode", key=True),
        field("reference_txn_id", "id", "Reference Txn ID", "Zugehöriger Transaktionscode"),
        field("invoice_number", "id", "Invoice Number", "Rechnungsnummer"),
        field("item_title", "text", "Item Title", "Artikelbezeichnung"),
        field("item_id", "id", "Item ID", "Artikelnummer"),
        field("balance_impact", "text", "Balance Impact", "Auswirkung auf Guthaben"),
    ),
    required=frozenset({"day", "time", "type", "status", "currency", "gross", "net", "transaction_id"}),
    normalise=lambda ctx: normalise_paypal(ctx),
)

# Only completed activity that touched the balance books money.
_PAYPAL_BOOKS = ("(lower(coalesce(status, '')) IN ('completed', 'abgeschlossen', '') "
                 "AND lower(coalesce(balance_impact, '')) <> 'memo')")


def normalise_paypal(ctx: ImportContext) -> None:
    ctx.reject("transaction_id IS NULL", field="transaction_id", reason="reject.missing_movement_number")
    when = "sk_ts(concat_ws(' ', day, time, zone), $zone)"
    ctx.reject(f"{when} IS NULL", field="day", reason="reject.missing_date")
    ctx.reject("gross IS NULL AND gross__raw IS NULL AND net IS NULL AND net__raw IS NULL", field="gross",
               reason="reject.missing_amount")
    ctx.accept()
    invoice_digits = "nullif(regexp_extract(r.invoice_number, '([0-9]+)$', 1), '')"
    ctx.create(BASE, f"""
        SELECT _row, 'pp:' || transaction_id AS _key, {when} AS occurred_at,
               upper(coalesce(currency, net__cur, gross__cur, $currency)) AS currency,
               {kind_case(PAYPAL_KINDS, 'r.type', _PAYPAL_DIRECTION)} AS row_kind,
               CASE WHEN r.invoice_number IS NULL THEN NULL
                    WHEN {order_ref('r.invoice_number')} <> r.invoice_number OR {invoice_digits} IS NULL
                        THEN {order_ref('r.invoice_number')}
                    ELSE {order_ref(invoice_digits)} END AS order_id,
               nullif(concat_ws(' · ', type, name, item_title), '') AS description,
               CASE WHEN {kind_case(PAYPAL_KINDS, 'r.type', _PAYPAL_DIRECTION)} = 'payout' THEN transaction_id END AS payout_id,
               item_id AS sku, gross, fee, coalesce(net, gross + coalesce(fee, 0)) AS _net
        FROM {ROWS} r WHERE {_PAYPAL_BOOKS}
    """)
    ctx.create(PAYOUTS, f"""
        SELECT _row, $shop AS shop_id, payout_id, occurred_at AS paid_at,
               CAST(NULL AS TIMESTAMPTZ) AS period_start, CAST(NULL AS TIMESTAMPTZ) AS period_end,
               -_net AS deposit, currency, 'paid' AS status, '{PAYPAL_REPORT}' AS report
        FROM {BASE} WHERE payout_id IS NOT NULL
    """)
    write_movements(ctx, [Part("gross"), Part("fee", MoneyKind.PAYMENT_FEE, refund_follows=False)],
                    report=PAYPAL_REPORT, payouts=True)


# Stripe Type / reporting_category -> kind of the amount.
STRIPE_KINDS: tuple[KindRule, ...] = (
    (("charge",), MoneyKind.SALE),
    (("payment",), MoneyKind.SALE),
    (("refund%",), MoneyKind.REFUND),
    (("payment_refund",), MoneyKind.REFUND),
    (("dispute%",), MoneyKind.REFUND),
    (("payout%",), MoneyKind.PAYOUT),
    (("%fee%",), MoneyKind.PAYMENT_FEE),
    (("%reserve%",), MoneyKind.RESERVE),
)

STRIPE_SPEC = FormatSpec(
    platform="woocommerce",
    kind="stripe_balance",
    label="Stripe balance transactions",
    fields=(
        field("transaction_id", "id", "id", "balance_transaction_id", key=True),
        field("type", "text", "Type", "reporting_category"),
        field("source", "id", "Source", "source_id"),
        field("amount", "money", "Amount", "gross"),
        field("fee", "money", "Fee"),
        field("net", "money", "Net"),
        field("currency", "text", "Currency"),
        field("created_utc", "text", "Created (UTC)", "created_utc", "Created date (UTC)"),
        field("description", "text", "Description"),
        field("payout_id", "id", "Transfer", "automatic_payout_id"),
        field("payout_date", "text", "Transfer Date (UTC)", "automatic_payout_effective_at_utc"),
        field("order_ref", "id", "order_id (metadata)", "payment_metadata[order_id]", "order_id"),
    ),
    required=frozenset({"transaction_id", "type", "amount", "fee", "net", "currency", "created_utc"}),
    normalise=lambda ctx: normalise_stripe(ctx),
)


def normalise_stripe(ctx: ImportContext) -> None:
    ctx.reject("transaction_id IS NULL", field="transaction_id", reason="reject.missing_movement_number")
    ctx.reject("sk_ts(created_utc, 'UTC') IS NULL", field="created_utc", reason="reject.missing_date")
    ctx.reject("amount IS NULL AND amount__raw IS NULL AND net IS NULL AND net__raw IS NULL", field="amount",
               reason="reject.missing_amount")
    ctx.accept()
    kind = kind_case(STRIPE_KINDS, "type")
    ctx.create(BASE, f"""
        SELECT _row, 'stripe:' || transaction_id AS _key, sk_ts(created_utc, 'UTC') AS occurred_at,
               upper(coalesce(currency, net__cur, amount__cur, $currency)) AS currency, {kind} AS row_kind,
               CASE WHEN r.order_ref IS NOT NULL THEN {order_ref('r.order_ref')} END AS order_id,
               nullif(concat_ws(' · ', type, description), '') AS description,
               CASE WHEN {kind} = 'payout' THEN coalesce(source, transaction_id) ELSE payout_id END AS payout_id,
               CAST(NULL AS VARCHAR) AS sku, amount, fee, coalesce(net, amount - coalesce(fee, 0)) AS _net,
               sk_ts(payout_date, 'UTC') AS payout_date
        FROM {ROWS} r
    """)
    # The payouts in the file, and those its lines name (a payout reconciliation report lists the
    # lines of each payout, not the payout): known, with the deposit left to the report that states it.
    ctx.create(PAYOUTS, f"""
        SELECT _row, $shop AS shop_id, payout_id, occurred_at AS paid_at,
               CAST(NULL AS TIMESTAMPTZ) AS period_start, CAST(NULL AS TIMESTAMPTZ) AS period_end,
               -_net AS deposit, currency, CAST(NULL AS VARCHAR) AS status, '{STRIPE_REPORT}' AS report
        FROM {BASE} WHERE row_kind = 'payout' AND payout_id IS NOT NULL
        UNION ALL
        SELECT min(_row), $shop, payout_id, min(payout_date), NULL, NULL, NULL, any_value(currency), NULL,
               '{STRIPE_REPORT}'
        FROM {BASE} b WHERE row_kind <> 'payout' AND payout_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM {BASE} p WHERE p.row_kind = 'payout' AND p.payout_id = b.payout_id)
        GROUP BY payout_id
    """)
    write_movements(ctx, [Part("amount"), Part("fee", MoneyKind.PAYMENT_FEE, refund_follows=False, sign=-1)],
                    report=STRIPE_REPORT, payouts=True)


SPECS = (PAYPAL_SPEC, STRIPE_SPEC)
