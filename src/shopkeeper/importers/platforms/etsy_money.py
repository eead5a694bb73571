"""Etsy monthly statement `etsy_statement_YYYY_M.csv` (money-traffic-formats.md §5.1).

One ledger line per row, newest first: `Type` Sale, Fee, Tax/VAT, Marketing,
Refund, Shipping, Deposit ...; money with its symbol (`$16.08`, `-$0.98`,
`CA$76.00`), `--` for none; `Net` is what the line did to the balance
(`Amount` + `Fees & Taxes`), so each line is one movement of its Net. A deposit
writes its amount only in the title ("$30.00 sent to your bank account"): it is
a payout of that amount. The order is in the title ("Payment for Order #123")
or the info ("Order #123"), the same number as Sold Orders' `Order ID`.

Etsy gives no line ids and no deposit ids: ids come from the line's content; a
deposit is known by its date and amount. Etsy does not say which deposit carried
which sale, so only the deposit lines name their payout.
"""

from __future__ import annotations

from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.domain.money_sources import ETSY_STATEMENT
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

REPORT = ETSY_STATEMENT

# (Type, Title) -> kind.
LINE_KINDS: tuple[KindRule, ...] = (
    (("sale", "%"), MoneyKind.SALE),
    (("refund", "%"), MoneyKind.REFUND),
    (("%", "%refund%"), MoneyKind.REFUND),
    (("deposit", "%"), MoneyKind.PAYOUT),
    (("marketing", "%"), MoneyKind.AD),        # Etsy Ads, Offsite Ads fees (and their credits)
    (("shipping", "%"), MoneyKind.SHIPPING_LABEL),
    (("%", "%shipping label%"), MoneyKind.SHIPPING_LABEL),
    (("fee", "processing fee%"), MoneyKind.PAYMENT_FEE),
    (("fee", "%"), MoneyKind.COMMISSION),      # transaction, listing, regulatory operating fees
    (("%reserve%", "%"), MoneyKind.RESERVE),
    (("tax", "sales tax%"), MoneyKind.TAX),   # "Sales tax paid by buyer": Etsy collects and remits it
    (("tax", "%"), MoneyKind.OTHER),
    (("vat", "%"), MoneyKind.OTHER),
)

SPEC = FormatSpec(
    platform="etsy",
    kind="statement",
    label="Etsy monthly statement",
    fields=(
        field("posted_on", "date", "Date"),
        field("type", "text", "Type"),
        field("title", "text", "Title", "Description"),
        field("info", "text", "Info"),
        field("currency", "text", "Currency"),
        field("amount", "money", "Amount"),
        field("fees_taxes", "money", "Fees & Taxes"),
        field("net", "money", "Net"),
        field("tax_details", "text", "Tax Details"),
        field("status", "text", "Status"),
    ),
    required=frozenset({"posted_on", "type", "title", "info", "amount", "fees_taxes", "net"}),
    normalise=lambda ctx: normalise(ctx),
)

# The amount a deposit line states in its title.
_DEPOSIT = "regexp_extract(title, '^\\s*(\\S*[0-9][0-9.,]*\\S*)\\s+sent to', 1)"


def normalise(ctx: ImportContext) -> None:
    deposit = "lower(type) = 'deposit'"
    reject_basics(ctx, date="posted_on", amounts=["net", "amount", "fees_taxes"], amounts_where=f"NOT {deposit}")
    ctx.reject(f"{deposit} AND sk_money(nullif({_DEPOSIT}, '')) IS NULL", field="title",
               reason="reject.missing_amount")
    ctx.accept()
    ctx.create(BASE, f"""
        SELECT _row, {row_key('etsy:', 'posted_on', 'type', 'title', 'info', 'currency', 'amount', 'fees_taxes',
                              'net')} AS _key,
               posted_on AS occurred_at,
               upper(coalesce(currency, net__cur, amount__cur, fees_taxes__cur,
                              sk_money_currency({_DEPOSIT}), $currency)) AS currency,
               {kind_case(LINE_KINDS, 'type', 'title')} AS row_kind,
               nullif(regexp_extract(concat_ws(' ', title, info), 'Order #\\s*([0-9]+)', 1), '') AS order_id,
               nullif(concat_ws(' · ', type, title, info), '') AS description,
               CAST(NULL AS VARCHAR) AS sku,
               CASE WHEN {deposit} THEN -abs(sk_money({_DEPOSIT}))
                    ELSE coalesce(net, coalesce(amount, 0) + coalesce(fees_taxes, 0)) END AS net
        FROM {ROWS}
    """)
    # A deposit has no id of its own: its date, currency and amount name it.
    ctx.run(f"""CREATE OR REPLACE TEMP TABLE {BASE} AS
        SELECT * EXCLUDE (sku), CASE WHEN row_kind = 'payout'
               THEN 'etsy ' || strftime(timezone($zone, occurred_at), '%Y-%m-%d') || ' ' || currency || ' '
                    || CAST(-net AS VARCHAR) END AS payout_id, sku, CAST(NULL AS DECIMAL(18,2)) AS _net
        FROM {BASE}""")
    ctx.create(PAYOUTS, f"""
        SELECT _row, $shop AS shop_id, payout_id, occurred_at AS paid_at,
               CAST(NULL AS TIMESTAMPTZ) AS period_start, CAST(NULL AS TIMESTAMPTZ) AS period_end,
               -net AS deposit, currency, CAST(NULL AS VARCHAR) AS status, '{REPORT}' AS report
        FROM {BASE} WHERE payout_id IS NOT NULL
    """)
    write_movements(ctx, [Part("net")], report=REPORT, payouts=True)


SPECS = (SPEC,)
