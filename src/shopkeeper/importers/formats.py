"""The registry of export formats the importer recognises.

A format is described declaratively by a `FormatSpec`: which platform and kind
of file it is, the canonical fields it carries with the header names each
field is written under (every version and language seen), which of them
must be present for a file to count as that format, and the normaliser that
turns the staged rows into canonical rows.

How a file is imported (pipeline.py):

1. `reading.open_tables` turns the dropped file into one or more UTF-8 CSV
   tables and finds the header row.
2. `recognise.recognise` matches the header names - normalised (NFKC, trim,
   case-fold), never by position or file name - against every spec's alias
   table. A spec is a candidate when all its `required` fields are present;
   the candidate matching the most fields wins.
3. `staging.stage` reads the CSV with DuckDB (all VARCHAR), keeps the mapped
   columns under their canonical field names and converts each by its
   `FieldType` with the SQL macros of normalise_sql.py into `_sk_typed`.
   Cells that do not convert become `import_rejects` rows.
4. `spec.normalise(ctx)` writes SQL over `_sk_typed` that stages canonical
   rows (`_sk_orders`, `_sk_lines`, `_sk_buyers`, `_sk_products`, ...) and
   hands them to canonical.py, which merges them through db/merge.py so undo
   works.

Extension points (how a new platform - Taobao/Tmall, JD, Pinduoduo, Douyin,
Youzan - plugs in):

* Write `importers/platforms/<platform>.py` that builds `FormatSpec`s with
  `field(...)` and lists them in `SPECS`, then add the module to
  `importers/format_registry.py`. The platform code must exist in the
  `platforms` table (the Chinese ones already do, with Asia/Shanghai as zone).
* Aliases are written as they appear in the export; trailing spaces, full-width
  forms and case do not matter (`'订单付款时间 '` matches `'订单付款时间'`).
* Field types decide the conversion: `id` (exact text; `="…"`, `'` and tab
  wrappers removed), `text`, `money` (DECIMAL(18,2) plus the currency written in
  the value, as `<field>__cur`), `number`, `int`, `bool`, `date` (TIMESTAMPTZ;
  with `keeps_zone=True` also the offset that applied as `<field>__tz`: as
  written, else the platform zone's; and `<field>__date_only`, true where the
  cell gave a day without a time of day, so an order time's field says whether
  the order has an hour). Cells that do not convert are rejected.
* `key=True` marks an id that identifies a record: order ids and numbers,
  order-line ids, SKUs, product / listing / item ids, buyer ids. An id a
  spreadsheet program damaged (`3.97185E+18`) is never kept; a row whose key
  is damaged is rejected, and a file whose keys are mostly damaged is refused
  (spreadsheet_damage.py). Declare every id the normaliser joins or merges on.
* The normaliser receives an `ImportContext` (context.py): it adds its own
  rejects (`ctx.reject`), marks the accepted rows (`ctx.accept`), stages
  canonical tables with SQL and writes them with canonical.py helpers
  (`write_orders`, `write_lines`, `write_buyers`, `write_catalogue`), mapping
  file rows to the records they produced (`ctx.map_rows`) for the counts.
* Staged orders may carry `_stamp` (the latest refund / cancel / fulfil time
  the row has) and `_provisional` (an order made up from a lines file); the
  merge decides between two exports of one order by what the rows say, not by
  import order (freshness.py), and matches an order on its id and on its
  visible number (order_identity.py). Platforms only supply what they have.
* `together=False` keeps small files of the format from being imported
  together (a zip of many): for a normaliser that decides something from all of
  a file's rows at once, as the Amazon ad reports' date order.
* `quoting=False` reads the file with quoting off (Amazon flat files do not
  escape quotes); `read_options` override other DuckDB read_csv options;
  `skip_rows` is a SQL predicate over the raw fields for rows that are not data
  (eBay padding and footer lines).
* Saved column mappings (table `saved_mappings`, made in the window) reuse a
  registered spec: their JSON maps canonical field -> header as written, and
  the spec of their (platform, kind) normalises the rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from shopkeeper.importers.context import ImportContext

FieldType = Literal["id", "text", "money", "number", "int", "bool", "date"]
FIELD_TYPES: frozenset[str] = frozenset({"id", "text", "money", "number", "int", "bool", "date"})

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Field:
    """One canonical field of a format and the header names it is written under."""

    name: str
    type: FieldType
    aliases: tuple[str, ...]
    # dates only: also stage the offset as written, as `<name>__tz`, and whether the cell gave only a day,
    # as `<name>__date_only` (an order's time: orders.ordered_date_only)
    keeps_zone: bool = False
    # ids only: the id identifies a record (order, line, SKU, listing, buyer), so a row whose id
    # a spreadsheet damaged is rejected (spreadsheet_damage.py); other ids are just left empty
    key: bool = False

    def __post_init__(self) -> None:
        # Field names become SQL column names: only our own safe identifiers.
        if not _IDENTIFIER.match(self.name) or "__" in self.name:
            raise ValueError(f"field name {self.name!r} must match {_IDENTIFIER.pattern} without '__'")
        if self.type not in FIELD_TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r}")
        if not self.aliases:
            raise ValueError(f"field {self.name}: needs at least one header alias")
        if self.key and self.type != "id":
            raise ValueError(f"field {self.name}: only an id can be a key")


def field(name: str, type_: FieldType, *aliases: str, keeps_zone: bool = False, key: bool = False) -> Field:
    return Field(name, type_, tuple(aliases), keeps_zone, key)


@dataclass(frozen=True)
class FormatSpec:
    """A recognisable export: platform, kind, fields and the normaliser for its rows."""

    platform: str
    kind: str
    label: str
    fields: tuple[Field, ...]
    required: frozenset[str]
    normalise: Callable[[ImportContext], None]
    read_options: Mapping[str, object] = dc_field(default_factory=dict)
    skip_rows: str | None = None
    quoting: bool = True
    # False when the normaliser decides something from all of a file's rows at once (which way its slash dates
    # read): small files of the format are then never imported together (pipeline.import_together).
    together: bool = True

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.label}: duplicate field names")
        unknown = set(self.required) - set(names)
        if unknown:
            raise ValueError(f"{self.label}: required fields {sorted(unknown)} are not declared")

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)
