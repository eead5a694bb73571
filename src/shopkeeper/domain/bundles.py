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
× weight ÷ total weight rounded down to the cent; the cents left over go to the
share of the heaviest leaf (ties: the first SKU in sort order), so the shares
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
    priced = all(p.price is not None and p.price > 0 for p in parts) and len({p.currency for p in parts}) == 1
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
    shares = [cents * weight // total for weight in w]  # floor, also below 0
    heaviest = min(range(len(parts)), key=lambda i: (-w[i], parts[i].sku))
    shares[heaviest] += cents - sum(shares)
    return {p.sku: Decimal(s).scaleb(-2) for p, s in zip(parts, shares, strict=True)}


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
    # ⌊cents × weight ÷ total⌋, exact in HUGEINT for any DECIMAL(18,2) amount.
    "CREATE OR REPLACE TEMP MACRO sk_floor_share(cents, weight, total) AS CASE"
    " WHEN cents::HUGEINT * weight >= 0 THEN cents::HUGEINT * weight // total"
    " ELSE -((-(cents::HUGEINT * weight) + total - 1) // total) END",
)

_CENTS = "CAST({} * 100 AS HUGEINT)"
_MONEY = "CAST(CAST({} AS DECIMAL(38,0)) * 0.01::DECIMAL(3,2) AS DECIMAL(18,2))"


def stock_from_parts_sql(source: str, columns: Sequence[str]) -> str:
    """A SELECT giving each bundle (as `sku`) the least its leaves allow of each of `columns` of `source`.

    `source` is a relation with `sku` and those unit counts per catalogue SKU.
    """
    figures = ", ".join(f"min(sk_bundle_units(coalesce(src.{c}, 0), b.quantity)) AS {c}" for c in columns)
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
    # The leaves with their weight in the split, the bundle's total weight, and which leaf takes the cents left over.
    """CREATE OR REPLACE TEMP MACRO sk_bundle_weights() AS TABLE
    WITH priced AS (
        SELECT l.bundle_sku, l.part_sku, l.quantity, v.price, v.currency FROM sk_bundle_leaves() l
        LEFT JOIN variants v ON v.sku = l.part_sku),
    how AS (
        SELECT bundle_sku, bool_and(coalesce(price, 0) > 0) AND count(DISTINCT currency) = 1
               AND count(currency) = count(*) AS by_price
        FROM priced GROUP BY bundle_sku),
    weighed AS (
        SELECT p.bundle_sku, p.part_sku, p.quantity,
               CASE WHEN h.by_price THEN CAST(p.price * 100 AS BIGINT) * p.quantity ELSE p.quantity END AS weight
        FROM priced p JOIN how h USING (bundle_sku))
    SELECT bundle_sku, part_sku, quantity, weight, sum(weight) OVER (PARTITION BY bundle_sku) AS total,
           row_number() OVER (PARTITION BY bundle_sku ORDER BY weight DESC, part_sku) = 1 AS takes_rest
    FROM weighed""",
    # Every line as units of catalogue SKUs with bundles expanded (see the module docstring); `lines` is
    # whatever resolution of channel SKUs domain/sku_lines.py made.
    f"""CREATE OR REPLACE TEMP MACRO sk_expand_bundles() AS TABLE
    WITH lines AS (
        SELECT r.*, CAST(sk_line_revenue(r.line_total, r.unit_price, r.refunded_quantity) AS DECIMAL(18,2)) AS revenue
        FROM sk_resolved_lines() r),
    parts AS (
        SELECT l.shop_id, l.order_id, l.line_no, w.part_sku AS sku, l.channel_sku, l.title,
               l.quantity * w.quantity AS quantity, l.refunded_quantity * w.quantity AS refunded_quantity,
               l.currency, l.sku AS bundle_sku, w.takes_rest,
               sk_floor_share({_CENTS.format("l.line_total")}, w.weight, w.total) AS total_cents,
               sk_floor_share({_CENTS.format("l.revenue")}, w.weight, w.total) AS revenue_cents,
               {_CENTS.format("l.line_total")} AS line_cents, {_CENTS.format("l.revenue")} AS line_revenue_cents
        FROM lines l JOIN sk_bundle_weights() w ON w.bundle_sku = l.sku),
    settled AS (
        SELECT *,
               total_cents + CASE WHEN takes_rest THEN line_cents - sum(total_cents) OVER line ELSE 0 END AS share,
               revenue_cents + CASE WHEN takes_rest THEN line_revenue_cents - sum(revenue_cents) OVER line ELSE 0 END
                   AS revenue_share
        FROM parts
        WINDOW line AS (PARTITION BY shop_id, order_id, line_no))
    SELECT shop_id, order_id, line_no, sku, channel_sku, title, quantity, refunded_quantity, unit_price, line_total,
           currency, revenue, NULL::VARCHAR AS bundle_sku
    FROM lines WHERE sku NOT IN (SELECT bundle_sku FROM bundle_parts)
    UNION ALL
    SELECT shop_id, order_id, line_no, sku, channel_sku, title, quantity, refunded_quantity, unit_price,
           0::DECIMAL(18,2), currency, 0::DECIMAL(18,2), NULL::VARCHAR
    FROM lines WHERE sku IN (SELECT bundle_sku FROM bundle_parts)
    UNION ALL
    SELECT shop_id, order_id, line_no, sku, channel_sku, title, quantity, refunded_quantity,
           CASE WHEN quantity > 0 THEN CAST(round({_MONEY.format("share")} / quantity, 2) AS DECIMAL(18,2))
                ELSE 0::DECIMAL(18,2) END,
           {_MONEY.format("share")}, currency, {_MONEY.format("revenue_share")}, bundle_sku
    FROM settled""",
    # Each bundle's on hand from its leaves' stock levels (the inventory table's on hand).
    f"""CREATE OR REPLACE TEMP MACRO sk_bundle_on_hand() AS TABLE
    {stock_from_parts_sql("stock_levels", ("on_hand",))}""",
)
