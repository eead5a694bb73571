"""Turning the rows of a money report into money movements and payouts.

Western money reports write a row per transaction with its money split over
columns (product sales, selling fees, FBA fees ... and the row's net), or one
amount per row. Either way each non-zero amount becomes its own movement, so
profit can tell a fee from a sale, and the movements of a row always add up to
the row's own net: an amount the report nets in but does not itemise (a column
this reader does not know yet) becomes a movement of its own ("rest") instead
of vanishing. Movement ids are made from the report's own ids (or, where a
report has none, from the row's content and its place among identical rows)
and the amount's name, so importing the same report again merges.

A platform module stages `_sk_money_base` (one row per file row: `_row`, `_key`,
`occurred_at`, `currency`, `row_kind`, `order_id`, `description`, `payout_id`,
`sku`, `_net` and one column per `Part`) and calls `write_movements`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shopkeeper.domain.messages import Message
from shopkeeper.domain.money_kinds import MoneyKind
from shopkeeper.importers.context import ImportContext, q
from shopkeeper.importers.normalise_sql import sql_literal

BASE = "_sk_money_base"
MOVEMENTS = "_sk_movements"
PAYOUTS = "_sk_payouts"

# A rule matches when every pattern LIKEs its lower-cased text ('%' = anything); first match wins.
KindRule = tuple[tuple[str, ...], MoneyKind]


def kind_case(rules: Sequence[KindRule], *texts: str) -> str:
    """SQL CASE giving the MoneyKind of the first rule whose patterns match `texts` (SQL expressions)."""
    arms = []
    for patterns, kind in rules:
        if len(patterns) != len(texts):
            raise ValueError(f"rule {patterns} needs {len(texts)} patterns")
        tests = [f"lower(coalesce({t}, '')) LIKE {sql_literal(p)}" for t, p in zip(texts, patterns, strict=True)
                 if p != "%"]
        arms.append(f"WHEN {' AND '.join(tests) or 'TRUE'} THEN {sql_literal(kind.value)}")
    return f"CASE {' '.join(arms)} ELSE {sql_literal(MoneyKind.OTHER.value)} END"


@dataclass(frozen=True)
class Part:
    """One money column of a row: its field, the kind it books as, and its sign.

    kind None: the row's own kind (product sales are a sale on an order row, a
    refund on a refund row). `refund_follows`: on a refund row the amount is a
    refund too (a selling fee given back). `sign` -1 where the report writes an
    outflow as a positive number (Shopify's and Stripe's Fee).
    """

    field: str
    kind: MoneyKind | None = None
    refund_follows: bool = True
    sign: int = 1
    # The field whose header names the amount in its description, when `field` is worked out, not read.
    header_of: str | None = None

    def kind_sql(self) -> str:
        if self.kind is None:
            return "row_kind"
        fixed = sql_literal(self.kind.value)
        if not self.refund_follows:
            return fixed
        return f"CASE WHEN row_kind = {sql_literal(MoneyKind.REFUND.value)} THEN row_kind ELSE {fixed} END"


def row_key(prefix: str, *parts: str) -> str:
    """A stable id for a row of a report that has no id of its own.

    The row's content (SQL expressions `parts`) hashed, and its place among
    rows with the same content, so two identical fee rows stay two movements
    and the same file gives the same ids every time. A window expression:
    use it in the SELECT list over the file's rows.
    """
    content = "concat_ws(chr(31), " + ", ".join(f"coalesce(CAST({p} AS VARCHAR), '')" for p in parts) + ")"
    return (f"{sql_literal(prefix)} || substr(md5({content}), 1, 16) || '.' || "
            f"CAST(row_number() OVER (PARTITION BY md5({content}) ORDER BY _row) AS VARCHAR)")


def order_ref(expr: str) -> str:
    """The shop's id of the order a report names by its id or by its visible number.

    Shopify's money reports name an order '#1001' (the orders export's Name), which the order
    importer keeps as order_number when the file had the numeric Id. A name matching one stored
    order takes its id; anything else stays as written, which is how an order imported later
    under that name finds it.

    `expr` must name its table (`r.order_name`): inside these subqueries a bare column name
    would be the orders table's own column of that name.
    """
    if "." not in expr:
        raise ValueError(f"order_ref needs a qualified column, not {expr!r}")
    return (f"coalesce((SELECT o.order_id FROM orders o WHERE o.shop_id = $shop AND o.order_id = {expr}), "
            f"(SELECT min(o.order_id) FROM orders o WHERE o.shop_id = $shop AND o.order_number = {expr} "
            f"HAVING count(*) = 1), {expr})")


def write_movements(ctx: ImportContext, parts: Sequence[Part], *, report: str, payouts: bool = False,
                    rest_kind: MoneyKind | None = None) -> None:
    """Stage one movement per non-zero part of each `_sk_money_base` row, plus the rest of the
    row's `_net` (booked as `rest_kind`, else as the row's kind), and merge them (and
    `_sk_payouts` when `payouts`) into the shop."""
    ctx.step(Message("progress.sorting_money"), 0.55)
    stage_movements(ctx, parts, report=report, rest_kind=rest_kind)
    if payouts:
        ctx.map_rows("payouts", f"SELECT _row, shop_id, payout_id FROM {PAYOUTS}")
    ctx.step(Message("progress.saving_money"), 0.8)
    ctx.release_source()
    ctx.upsert("money_movements", MOVEMENTS)
    if payouts:
        ctx.upsert("payouts", PAYOUTS)


def stage_movements(ctx: ImportContext, parts: Sequence[Part], *, report: str, rest_kind: MoneyKind | None = None,
                    secondary: bool = False) -> None:
    """Stage (`_sk_movements`) and map the movements of `_sk_money_base` as `write_movements` writes them.

    For a file that is not a money report but states some money beside its own records (Etsy
    Sold Orders' fee columns): its reader merges `_sk_movements` itself, in the same batch, and
    the movements are `secondary` records of their rows (the order decides a row's count).
    """
    items = []
    summed = []
    for part in parts:
        value = f"CAST({part.sign} * b.{q(part.field)} AS DECIMAL(18,2))"
        # A row of one amount is that amount: naming its column would only repeat the row.
        label = (ctx.header(part.header_of or part.field) or part.field) if len(parts) > 1 else None
        items.append(f"{{'name': {sql_literal(part.field)}, 'label': {'NULL' if label is None else sql_literal(label)}, "
                     f"'amount': {value}, 'kind': {part.kind_sql()}}}")
        summed.append(f"coalesce({value}, 0)")
    rest = f"CAST(b._net AS DECIMAL(18,2)) - ({' + '.join(summed) or '0'})"
    rest_sql = "row_kind" if rest_kind is None else sql_literal(rest_kind.value)
    items.append(f"{{'name': 'rest', 'label': NULL, 'amount': {rest}, 'kind': {rest_sql}}}")
    ctx.create(MOVEMENTS, f"""
        SELECT _row, $shop AS shop_id, _key || ':' || p.name AS movement_id, occurred_at,
               p.amount AS amount, currency, p.kind AS kind, order_id,
               nullif(concat_ws(' · ', description, p.label), '') AS description,
               payout_id, sku, {sql_literal(report)} AS report
        FROM (SELECT b.*, unnest([{', '.join(items)}]) AS p FROM {BASE} b)
        WHERE p.amount IS NOT NULL AND p.amount <> 0
    """)
    ctx.map_rows("money_movements", f"SELECT _row, shop_id, movement_id FROM {MOVEMENTS}", secondary=secondary)


def reject_basics(ctx: ImportContext, *, date: str, amounts: Sequence[str], where: str = "TRUE",
                  amounts_where: str = "TRUE") -> None:
    """Rows (matching `where`) without a date, or (also matching `amounts_where`) without any
    amount, are listed, not guessed. A cell that did not convert is already listed as such."""
    ctx.reject(f"({where}) AND {q(date)} IS NULL AND {q(date + '__raw')} IS NULL", field=date,
               reason="reject.missing_date")
    present = [a for a in amounts if ctx.has(a)]
    if present:
        none = " AND ".join(f"{q(a)} IS NULL AND {q(a + '__raw')} IS NULL" for a in present)
        ctx.reject(f"({where}) AND ({amounts_where}) AND {none}", field=present[0], reason="reject.missing_amount")
