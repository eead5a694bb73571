"""Load one source table into DuckDB and convert its cells by field type, in one pass.

`_sk_conv` is built straight from `read_csv` (all VARCHAR) with one column per
canonical field of the spec, converted by the field's type, in file order;
`_sk_typed` is a view over it with `_row` (the data row number: 1 is the first
row under the header) that leaves out rows which are not data (blank, eBay
padding/footer). Per field it has the value, `<f>__cur` for money (currency
written in the cell), `<f>__tz` for dates kept with their zone (offset that
applied) and, when a non-empty cell did not convert, `<f>__raw` with the cell;
`_bad` marks such rows (`__raw` and `__cur` are derived in the view from `_slow`). Those cells are recorded as rejects right away.

The file path and every read option are bound parameters and columns are read
positionally as c0..cN (names we make up): header text never reaches SQL.

The conversion is layered (clean -> fast paths -> slow paths -> values) because
DuckDB inlines macros: each layer refers to the previous one's columns, so the
expensive regex / strptime work runs at most once per cell and only for cells
the cheap casts could not read.
"""

from __future__ import annotations

import re

import duckdb

from shopkeeper.importers.context import REJECTS, TYPED, ImportContext, q
from shopkeeper.importers.reading import SourceTable, cut_last_record, read_csv_sql_options

CONV = "_sk_conv"

_OPTION_NAME = re.compile(r"^[a-z_]+$")

CUT_ROW = "the file ends in the middle of this row (it was cut short)"

REASONS = {
    "money": "not an amount",
    "number": "not a number",
    "int": "not a whole number",
    "bool": "not yes/no",
    "date": "not a date and time",
}


def read_options(ctx: ImportContext, source: SourceTable) -> dict[str, object]:
    options = dict(read_csv_sql_options(source))
    options["all_varchar"] = True
    options["names"] = [f"c{i}" for i in range(len(source.headers))]
    for name in ("columns", "types", "dtypes", "column_types"):
        options.pop(name, None)
    options.update(ctx.spec.read_options)
    for name in options:
        if not _OPTION_NAME.match(name):
            raise ValueError(f"unexpected read_csv option name {name!r}")
    return options


def load(ctx: ImportContext, source: SourceTable) -> int:
    """Create `_sk_conv` and the `_sk_typed` view; returns the data rows read.

    Runs before the import's transaction (temp tables never touch the shop
    file), so a read error needs no rollback and a failed fast attempt can be
    retried. DuckDB's parallel reader cannot pad short rows when quoted line
    breaks are possible, which is why reading puts such files on one thread; most
    of them have no short rows, so they are tried in parallel without padding
    first (a short row then fails loudly, never silently) and re-read the careful
    way only if that fails.
    """
    # Row numbers come from rowid, so the file's order must be kept however the last import left it.
    ctx.run("SET preserve_insertion_order = true")
    options = read_options(ctx, source)
    attempts = [options]
    if options.get("parallel") is False and options.get("null_padding"):
        attempts.insert(0, {**options, "parallel": True, "null_padding": False})
    ctx.step(f"Reading {source.display_name}", 0.05)
    for number, attempt in enumerate(attempts, start=1):
        args = ", ".join(f"{name} := ${name}" for name in attempt)
        sql = conversion_sql(ctx, f"read_csv($path, {args})")
        params = {"path": str(source.csv_path), **attempt}
        if "$zone" in sql:
            params["zone"] = ctx.zone
        try:
            ctx.run(f"CREATE OR REPLACE TEMP TABLE {CONV} AS {sql}", params)
            break
        except duckdb.InterruptException:
            raise
        except duckdb.Error:
            if number == len(attempts):
                raise
    ctx.run(f"CREATE OR REPLACE TEMP VIEW {TYPED} AS SELECT rowid + 1 AS _row, * EXCLUDE (_skip, _slow)"
            f"{_derived_columns(ctx)} FROM {CONV} WHERE NOT _skip")
    ctx.step(f"Checking the values in {source.display_name}", 0.40)
    ctx.start_rejects()
    record_type_rejects(ctx)
    if cut_last_record(source) is not None:
        # The fragment of a row a cut file ends with is a reject, not a row with its last cells empty.
        ctx.run(f"INSERT INTO {REJECTS} SELECT _row, NULL, NULL, $reason FROM {TYPED} "
                f"WHERE _row = (SELECT count(*) FROM {CONV})", {"reason": CUT_ROW})
    return int(ctx.scalar(f"SELECT count(*) FROM {TYPED}"))


def _derived_columns(ctx: ImportContext) -> str:
    """`<f>__raw` (the cell, when it did not convert) and money's `<f>__cur`, from `_slow`."""
    out = []
    typed = [f for f in ctx.spec.fields if f.type not in ("text", "id")]
    for i, f in enumerate(typed, start=1):
        out.append(f"CASE WHEN {q(f.name)} IS NULL THEN _slow[{i}] END AS {q(f.name + '__raw')}")
        if f.type == "money":
            out.append(f"CASE WHEN _slow IS NOT NULL THEN sk_money_currency_t(_slow[{i}]) END "
                       f"AS {q(f.name + '__cur')}")
    return "".join(", " + c for c in out)


def conversion_sql(ctx: ImportContext, source_sql: str) -> str:
    """SELECT converting the read_csv columns; see the module docstring for the layers.

    Text and ids are cleaned (trimmed, placeholders -> NULL) first. Typed cells
    are not: DuckDB's casts accept surrounding spaces, so a typed cell is cleaned
    only when its fast cast failed, and parsed the slow way only then.
    """
    spec = ctx.spec
    present = ctx.recognised.columns
    fields = spec.fields

    def col(name: str, suffix: str = "") -> str:
        return q(name + suffix)

    def source_col(f_name: str) -> str:
        return f"c{present[f_name]}" if f_name in present else "CAST(NULL AS VARCHAR)"

    textual = [f for f in fields if f.type in ("text", "id")]
    typed = [f for f in fields if f.type not in ("text", "id")]
    first = [f"{'sk_text_raw' if f.type == 'text' else 'sk_id_raw'}({source_col(f.name)}) AS {col(f.name)}"
             for f in textual]
    first += [f"{source_col(f.name)} AS {col(f.name, '__r')}" for f in typed]
    # coalesce stops at the first non-empty cell, so the test costs one lookup for a normal row.
    cells = [col(f.name) for f in textual if f.name in present]
    cells += [f"sk_clean({col(f.name, '__r')})" for f in typed if f.name in present]
    blank_row = f"coalesce({', '.join(cells)}) IS NULL" if cells else "TRUE"
    # NULL must not skip a row: a predicate on an empty cell is NULL, not false.
    skip = f"({blank_row})" + (f" OR coalesce(({spec.skip_rows}), FALSE)" if spec.skip_rows else "")

    fast: list[str] = ["_skip"]
    clean: list[str] = []
    slow: list[str] = []
    values: list[str] = []
    final_values: list[str] = []
    last: list[str] = []
    out: list[str] = ["_skip"]
    bad: list[str] = []
    for f in fields:
        n, r, t, v = col(f.name), col(f.name, "__r"), col(f.name, "__t"), col(f.name, "__v")
        if f.type in ("text", "id"):
            fast.append(f"{n} AS {v}")  # converted while read (sk_text_raw / sk_id_raw)
        elif f.type == "bool":
            fast += [r, f"sk_clean({r}) AS {t}"]
            clean.append(f"sk_bool_t({t}) AS {v}")
        elif f.type in ("money", "number", "int"):
            cast = "DECIMAL(18,2)" if f.type == "money" else "DOUBLE"
            fast_col, parts = col(f.name, "__fast"), col(f.name, "__parts")
            fast += [r, f"TRY_CAST({r} AS {cast}) AS {fast_col}"]
            clean.append(f"CASE WHEN {fast_col} IS NULL AND {r} IS NOT NULL THEN sk_clean({r}) END AS {t}")
            slow.append(f"CASE WHEN {t} IS NOT NULL THEN sk_money_parts({t}) END AS {parts}")
            number = f"coalesce({fast_col}, TRY_CAST(sk_num_from_parts({parts}) AS {cast}))"
            if f.type == "int":
                d = col(f.name, "__d")
                values.append(f"{number} AS {d}")
                final_values.append(f"sk_int_from_double({d}) AS {v}")
            else:
                values.append(f"{number} AS {v}")
        else:  # date
            zoned, p = col(f.name, "__zoned"), col(f.name, "__p")
            local, mins, hz = col(f.name, "__local"), col(f.name, "__min"), col(f.name, "__hz")
            # A zoned stamp is longer than the 19 characters of 'YYYY-MM-DD HH:MM:SS', so plain
            # local stamps (every Chinese export) skip the four zoned attempts.
            fast += [r, f"CASE WHEN strlen({r}) > 19 THEN sk_zoned_ts({r}) END AS {zoned}"]
            clean.append(f"CASE WHEN {zoned} IS NULL AND {r} IS NOT NULL THEN sk_clean({r}) END AS {t}")
            slow.append(f"sk_dt_parts_t({t}) AS {p}")
            values += [
                f"sk_local_ts({p}.local) AS {local}",
                f"sk_zone_minutes({p}.zone) AS {mins}",
                f"coalesce({p}.zone <> '', FALSE) AS {hz}",
            ]
            final_values.append(f"coalesce({zoned}, sk_instant({local}, {mins}, {hz}, $zone)) AS {v}")
            if f.keeps_zone:
                last.append(f"CASE WHEN {zoned} IS NOT NULL THEN sk_tail_offset({r}) "
                            f"ELSE sk_offset_of({v}, {local}, {mins}, {hz}) END AS {col(f.name, '__tz')}")
        out.append(f"{v} AS {n}")
        if f.type not in ("text", "id"):
            bad.append(f"({t} IS NOT NULL AND {v} IS NULL)")
        if f.type == "date" and f.keeps_zone:
            out.append(col(f.name, "__tz"))
    # The cleaned text of every typed cell whose fast cast failed (`__t` is NULL otherwise), in
    # typed-field order, kept only for rows that have one: one mostly-NULL column instead of
    # one per field. The view derives `<f>__raw` and money's `<f>__cur` from it.
    slow_cells = ", ".join(col(f.name, "__t") for f in typed)
    any_slow = f"coalesce({slow_cells}) IS NOT NULL" if typed else "FALSE"
    last.append(f"CASE WHEN NOT _skip AND {any_slow} THEN [{slow_cells}] END AS _slow")
    last.append(f"(NOT _skip AND {any_slow} AND ({' OR '.join(bad) or 'FALSE'})) AS _bad")
    out += ["_slow", "_bad"]

    def layer(inner: str, exprs: list[str]) -> str:
        return f"SELECT *{''.join(', ' + e for e in exprs)} FROM ({inner})" if exprs else inner

    sql = f"SELECT {', '.join(first)} FROM {source_sql}"
    sql = f"SELECT *, ({skip}) AS _skip FROM ({sql})"
    sql = f"SELECT {', '.join(fast)} FROM ({sql})"
    for exprs in (clean, slow, values, final_values, last):
        sql = layer(sql, exprs)
    return f"SELECT {', '.join(out)} FROM ({sql})"


def record_type_rejects(ctx: ImportContext) -> None:
    """One reject row per cell that did not convert, with the cell as written (trimmed)."""
    if not ctx.scalar(f"SELECT count(*) FROM {TYPED} WHERE _bad"):
        return
    for f in ctx.spec.fields:
        if f.type in ("text", "id") or f.name not in ctx.recognised.columns:
            continue
        ctx.run(
            f"INSERT INTO {REJECTS} SELECT _row, $column, {q(f.name + '__raw')}, $reason FROM {TYPED} "
            f"WHERE _bad AND {q(f.name + '__raw')} IS NOT NULL",
            {"column": ctx.header(f.name), "reason": REASONS[f.type]},
        )
