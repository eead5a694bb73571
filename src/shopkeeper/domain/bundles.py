"""Bundles and multipacks: a catalogue SKU made of other SKUs, and what selling one means.

A bundle (a gift set = 1 teapot + 4 cups; a 3-pack = 3 × one SKU) is a SKU with
rows in `bundle_parts`. A part may itself be a bundle; what a bundle finally
holds are its *leaves*, the parts that are not bundles, with their quantities
multiplied along the way (and added up when one leaf is reached twice).

Selling a bundle sells its leaves. `sk_sku_lines()` (domain/sku_lines.py) turns
each order line of a bundle into:

* the bundle's own line: its units (and refunded units) as sold, so the
  bundle's row shows how many sets sold, but no money (line_total and revenue
  0): its money now belongs to its parts;
* one line per leaf: quantity and refunded quantity × the leaf's quantity (the
  stock the sale consumed), and a share of the line's money.

The split: each leaf weighs its catalogue price × its quantity when every leaf
has a price above 0 in one currency, else its quantity alone (a part without a
price cannot be weighed against the others). Each share is the line's amount
× weight ÷ total weight cut to the cent (towards zero); the cents left over go to
the share of the heaviest leaf (ties: the first SKU in sort order), so the shares
add up to the line's amount exactly. The line total and the revenue (the line
total less refunded units at their unit price, domain/stock_classes.py) are
split alike; a leaf line's unit price is its share of the line total per unit,
to the cent, for display only: revenue is read from `revenue`, never recomputed
from it.

Stock: a bundle has none of its own. Its on hand (and its available stock) is
what its leaves allow: the least over its leaves of ⌊leaf units ÷ quantity⌋,
rounded towards minus infinity so an oversold part makes the bundle oversold
too. A leaf the catalogue no longer has counts as 0 units.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from shopkeeper.domain.stock_ledger import COUNTED_SKUS

# The deepest nesting the SQL follows (a cycle cannot be stored, this only bounds a damaged file).
MAX_DEPTH = 32


@dataclass(frozen=True)
class Leaf:
    sku: str
    quantity: int                 # units of the leaf in one unit of the bundle
    price: Decimal | None = None  # its catalogue price
    currency: str | None = None


def leaves(composition: Mapping[str, Mapping[str, int]], bundle: str) -> dict[str, int]:
    """The leaves of `bundle` with their quantity per bundle unit; {} when it is not a bundle."""
    out: dict[str, int] = {}

    def walk(sku: str, times: int, depth: int) -> None:
        for part, qty in composition.get(sku, {}).items():
            if composition.get(part) and depth < MAX_DEPTH:
                walk(part, times * qty, depth + 1)
            elif not composition.get(part):
                out[part] = out.get(part, 0) + times * qty

    walk(bundle, 1, 1)
    return out


def cycle_through(composition: Mapping[str, Mapping[str, int]], bundle: str, parts: Iterable[str]) -> str | None:
    """The first of `parts` (sorted) from which `bundle` can be reached again, if `bundle` were made of them.

    `bundle` itself counts: a bundle of itself is the shortest cycle.
    """
    for start in sorted(parts):
        seen: set[str] = set()
        todo = [start]
        while todo:
            sku = todo.pop()
            if sku == bundle:
                return start
            if sku in seen:
                continue
            seen.add(sku)
            todo.extend(composition.get(sku, {}))
    return None


def weights(parts: Sequence[Leaf]) -> list[int]:
    """Each leaf's weight in the split: price in cents × quantity when all are priced in one currency, else quantity."""
    priced = (all(p.price is not None and p.price > 0 and p.currency is not None for p in parts)
              and len({p.currency for p in parts}) == 1)
    if priced:
        return [int(p.price * 100) * p.quantity for p in parts]  # type: ignore[operator]  # priced: no None
    return [p.quantity for p in parts]


def split(amount: Decimal, parts: Sequence[Leaf]) -> dict[str, Decimal]:
    """The line's `amount` shared across the bundle's leaves, to the cent, adding up to `amount`."""
    if not parts:
        return {}
    w = weights(parts)
    total = sum(w)
    cents = int(amount * 100)
    shares = [_cut(cents * weight, total) for weight in w]
    heaviest = min(range(len(parts)), key=lambda i: (-w[i], parts[i].sku))
    shares[heaviest] += cents - sum(shares)
    return {p.sku: Decimal(s).scaleb(-2) for p, s in zip(parts, shares, strict=True)}


def _cut(numerator: int, denominator: int) -> int:
    """numerator ÷ denominator towards zero, as SQL's integer division."""
    q = abs(numerator) // denominator
    return q if numerator >= 0 else -q


def bundle_units(part_units: int, quantity: int) -> int:
    """Bundles one part's units make: ⌊units ÷ quantity⌋ (an oversold part gives a negative count)."""
    return part_units // quantity


def bundle_stock(parts: Iterable[tuple[int | None, int]]) -> int:
    """A bundle's on hand from its leaves' (units or None when unknown, quantity): the least they allow; 0 without parts."""
    counts = [bundle_units(units or 0, qty) for units, qty in parts]
    return min(counts) if counts else 0


MACROS = (
    "CREATE OR REPLACE TEMP MACRO sk_bundle_units(units, quantity) AS CAST(CASE WHEN units >= 0"
    " THEN units::BIGINT // quantity ELSE -((-units::BIGINT + quantity - 1) // quantity) END AS BIGINT)",
    # A leaf's share of a line's cents (domain rule `split`; HUGEINT: cents × weight may pass BIGINT): cents × weight
    # ÷ total cut towards zero, or for the leaf taking the rest, what the other leaves' shares (their weights in
    # `rest_of`) leave over.
    "CREATE OR REPLACE TEMP MACRO sk_bundle_share(cents, weight, total, rest_of) AS CASE WHEN rest_of IS NULL"
    " THEN cents * weight // total"
    " ELSE cents - coalesce(list_sum(list_transform(rest_of, lambda w: cents * w // total)), 0) END",
)

_MONEY = "CAST(CAST({} AS DECIMAL(38,0)) * 0.01::DECIMAL(3,2) AS DECIMAL(18,2))"


def stock_from_parts_sql(source: str, columns: Sequence[str], flags: Sequence[str] = ()) -> str:
    """A SELECT giving each bundle (as `sku`) the least its leaves allow of each of `columns` of `source`.

    `source` is a relation with `sku` and those unit counts per catalogue SKU; each of
    `flags` (booleans of `source`) is true for a bundle when it is true for every leaf.
    """
    figures = ", ".join([*(f"min(sk_bundle_units(coalesce(src.{c}, 0), b.quantity)) AS {c}" for c in columns),
                         *(f"bool_and(coalesce(src.{f}, FALSE)) AS {f}" for f in flags)])
    return (f"SELECT b.bundle_sku AS sku, {figures}"
            f" FROM sk_bundle_leaves() b LEFT JOIN {source} src ON src.sku = b.part_sku GROUP BY b.bundle_sku")


TABLE_MACROS = (
    # bundle_sku, part_sku, quantity: every bundle's leaves, with their units per bundle unit.
    f"""CREATE OR REPLACE TEMP MACRO sk_bundle_leaves() AS TABLE
    WITH RECURSIVE walk(bundle_sku, part_sku, quantity, depth) AS (
        SELECT bundle_sku, part_sku, quantity::BIGINT, 1 FROM bundle_parts
        UNION ALL
        SELECT w.bundle_sku, b.part_sku, w.quantity * b.quantity, w.depth + 1
        FROM walk w JOIN bundle_parts b ON b.bundle_sku = w.part_sku WHERE w.depth < {MAX_DEPTH})
    SELECT bundle_sku, part_sku, sum(quantity)::BIGINT AS quantity FROM walk
    WHERE part_sku NOT IN (SELECT bundle_sku FROM bundle_parts)
    GROUP BY bundle_sku, part_sku""",
    # How a line of each bundle expands: one row for the bundle's own line (`own`), one per leaf with its weight in
    # the split and the bundle's total weight; the leaf that takes the cents left over carries the other leaves'
    # weights (`rest_of`), so its share is one scalar expression (sk_bundle_share) and no window over the lines.
    """CREATE OR REPLACE TEMP MACRO sk_bundle_expansion() AS TABLE
    WITH weighed AS (
        SELECT bundle_sku, part_sku, quantity,
               CASE WHEN bool_and(coalesce(price, 0) > 0) OVER b AND min(currency) OVER b = max(currency) OVER b
                         AND count(currency) OVER b = count(*) OVER b
                    THEN CAST(price * 100 AS BIGINT) * quantity ELSE quantity END AS weight
        FROM (SELECT l.bundle_sku, l.part_sku, l.quantity, v.price, v.currency FROM sk_bundle_leaves() l
              LEFT JOIN variants v ON v.sku = l.part_sku)
        WINDOW b AS (PARTITION BY bundle_sku)),
    ranked AS (
        SELECT *, sum(weight) OVER b AS total, row_number() OVER (b ORDER BY weight DESC, part_sku) AS place
        FROM weighed WINDOW b AS (PARTITION BY bundle_sku))
    SELECT bundle_sku, part_sku AS sku, quantity, weight, total,
           CASE WHEN place = 1 THEN coalesce(list(weight) FILTER (WHERE place > 1) OVER (PARTITION BY bundle_sku),
                                             []::BIGINT[]) END AS rest_of,
           FALSE AS own
    FROM ranked
    UNION ALL
    SELECT DISTINCT bundle_sku, bundle_sku, 1, NULL, NULL, NULL, TRUE FROM bundle_parts""",
    # Every line as units of catalogue SKUs with bundles expanded (see the module docstring), over whatever
    # resolution of channel SKUs domain/sku_lines.py made. One pass, no window: a line of no bundle meets no row of
    # the (small) expansion and is kept as it is; only bundle lines compute shares.
    f"""CREATE OR REPLACE TEMP MACRO sk_expand_bundles() AS TABLE
    SELECT shop_id, order_id, line_no, sku, channel_sku, title, quantity, refunded_quantity,
           CASE WHEN part THEN CASE WHEN quantity > 0 THEN CAST(round({_MONEY.format("total_share")} / quantity, 2)
                AS DECIMAL(18,2)) ELSE 0::DECIMAL(18,2) END ELSE unit_price END AS unit_price,
           CASE WHEN part THEN {_MONEY.format("total_share")} ELSE line_total END AS line_total,
           currency,
           CASE WHEN part THEN {_MONEY.format("revenue_share")} ELSE revenue END AS revenue,
           CASE WHEN part THEN bundle_sku END AS bundle_sku
    FROM (
        SELECT l.shop_id, l.order_id, l.line_no, coalesce(e.sku, l.sku) AS sku, l.channel_sku, l.title,
               l.quantity * coalesce(e.quantity, 1) AS quantity,
               l.refunded_quantity * coalesce(e.quantity, 1) AS refunded_quantity,
               l.unit_price, l.currency, e.bundle_sku, coalesce(NOT e.own, FALSE) AS part,
               CASE WHEN e.own THEN 0::DECIMAL(18,2) ELSE l.line_total END AS line_total,
               CASE WHEN e.own THEN 0::DECIMAL(18,2) ELSE l.revenue END AS revenue,
               CASE WHEN NOT e.own THEN sk_bundle_share(CAST(l.line_total * 100 AS HUGEINT), e.weight, e.total,
                                                        e.rest_of) END AS total_share,
               CASE WHEN NOT e.own THEN sk_bundle_share(CAST(l.revenue * 100 AS HUGEINT), e.weight, e.total,
                                                        e.rest_of) END AS revenue_share
        FROM (SELECT r.*, CAST(sk_line_revenue(r.line_total, r.unit_price, r.refunded_quantity) AS DECIMAL(18,2))
                     AS revenue FROM sk_resolved_lines() r) l
        LEFT JOIN sk_bundle_expansion() e ON e.bundle_sku = l.sku)""",
    # Each bundle's on hand from its leaves' stock levels (the inventory table's on hand); `counted` when the shop
    # was told the stock of every leaf (a bundle of parts never counted is not "out of stock"). COUNTED_SKUS inline:
    # these macros are made before stock_ledger's.
    f"""CREATE OR REPLACE TEMP MACRO sk_bundle_on_hand() AS TABLE
    {stock_from_parts_sql("(SELECT s.sku, s.on_hand, c.sku IS NOT NULL AS counted FROM stock_levels s"
                          f" LEFT JOIN ({COUNTED_SKUS}) c USING (sku))", ("on_hand",), ("counted",))}""",
)
