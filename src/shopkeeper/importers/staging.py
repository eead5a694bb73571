"""Load one source table into DuckDB and convert its cells by field type, in one pass.

`_sk_conv` is built straight from `read_csv` (all VARCHAR) with one column per
canonical field of the spec, converted by the field's type, in file order;
`_sk_typed` is a view over it with `_row` (the data row number: 1 is the first
row under the header) that leaves out rows which are not data (blank, eBay
padding/footer). Per field it has the value, `<f>__cur` for money (currency
written in the cell), `<f>__tz` for dates kept with their zone (offset that
applied) and `<f>__date_only` for those too (the cell gave a day but no time of
day: Etsy's and eBay's `Sale Date`; NULL where there is no value) and, when a
non-empty cell did not convert, `<f>__raw` with the cell;
a key id that a spreadsheet program damaged (`3.97185E+18`) counts as such a cell
and any other damaged id is left empty (see `checked_fields`); `_bad` marks such
rows (`__raw` and `__cur` are derived in the view from `_slow`). Those cells are
recorded as rejects right away. Fields the file has no column
for are typed NULLs made by the view, never carried through the conversion.

The file path and every read option are bound parameters and columns are read
positionally as c0..cN (names we make up): header text never reaches SQL.

The conversion is layered (clean -> fast paths -> slow paths -> values) because
DuckDB inlines macros: each layer refers to the previous one's columns, so the
expensive regex / strptime work runs at most once per cell and only for cells
the cheap casts could not read. The slow layers are a second statement over
`_sk_conv` that runs only when some row has such a cell (`_any_slow`): a file
whose cells all convert the fast way (every Shopify export) skips them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import duckdb

from shopkeeper.domain.messages import Message
from shopkeeper.importers.context import REJECTS, TYPED, ImportContext, q
from shopkeeper.importers.formats import Field, FormatSpec
from shopkeeper.importers.reading import SourceTable, cut_last_record, read_csv_sql_options
from shopkeeper.importers.spreadsheet_damage import DAMAGED_ID

CONV = "_sk_conv"
# Up to this many rows `_sk_typed` is a table, not a view (see load).
MATERIALISED_ROWS = 20_000

_OPTION_NAME = re.compile(r"^[a-z_]+$")

CUT_ROW = "reject.cut_row"

REASONS = {
    "money": "reject.not_an_amount",
    "number": "reject.not_a_number",
    "int": "reject.not_a_whole_number",
    "bool": "reject.not_yes_no",
    "date": "reject.not_a_date_time",
    "id": DAMAGED_ID,  # only key ids are checked (checked_fields)
}


def read_options(spec: FormatSpec, source: SourceTable) -> dict[str, object]:
    options = dict(read_csv_sql_options(source))
    options["all_varchar"] = True
    options["names"] = [f"c{i}" for i in range(len(source.headers))]
    for name in ("columns", "types", "dtypes", "column_types"):
        options.pop(name, None)
    options.update(spec.read_options)
    for name in options:
        if not _OPTION_NAME.match(name):
            raise ValueError(f"unexpected read_csv option name {name!r}")
    return options


def read_attempts(spec: FormatSpec, source: SourceTable) -> list[dict[str, object]]:
    """The read options to try in turn (see load)."""
    options = read_options(spec, source)
    attempts = [options]
    if options.get("parallel") is False and options.get("null_padding"):
        attempts.insert(0, {**options, "parallel": True, "null_padding": False})
    return attempts


def convert_files(ctx: ImportContext, target: str, paths: str | list[str], attempts: list[dict[str, object]],
                  *, by_file: bool = False) -> int:
    """Create `target` by reading and converting `paths` (one file, or a list read as one); returns its rows.

    `by_file` adds `_file`, the path each row came from, so rows read together can be split
    back per file; the slow pass runs here, on all of them at once, when any cell needs it.
    """
    for number, attempt in enumerate(attempts, start=1):
        if by_file:
            attempt = {**attempt, "filename": True}
        args = ", ".join(f"{name} := ${name}" for name in attempt)
        sql = conversion_sql(ctx, f"read_csv($path, {args})", by_file=by_file)
        params = {"path": paths, **attempt}
        if "$zone" in sql:
            params["zone"] = ctx.zone
        try:
            ctx.run(f"CREATE OR REPLACE TEMP TABLE {target} AS {sql}", params)
            break
        except duckdb.InterruptException:
            raise
        except duckdb.Error:
            if number == len(attempts):
                raise
    rows, slow = ctx.run(f"SELECT count(*), count(*) FILTER (WHERE _any_slow) FROM {target}").fetchone() or (0, 0)
    if slow:
        ctx.run(f"CREATE OR REPLACE TEMP TABLE {target} AS {slow_sql(ctx, target, by_file=by_file)}")
    return int(rows)


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
    ctx.step(Message("progress.reading", {"name": source.display_name}), 0.05)
    shared = None if ctx.shared_reads is None else ctx.shared_reads.take_typed(ctx, source, TYPED)
    if shared is not None:
        # Typed with the other small tables of its file (shared_reads.py): the same rows and values.
        rows, typed_rows, raw = shared
        ctx.typed_kind = "TABLE"
    else:
        typed_rows = None
        taken = None if ctx.shared_reads is None else ctx.shared_reads.take(ctx, source, CONV)
        rows = taken if taken is not None else convert_files(ctx, CONV, str(source.csv_path),
                                                             read_attempts(ctx.spec, source))
        # Every query on the view binds its macro-laden columns again (10-15 ms, a dozen queries per
        # file): a small file's copy costs less than that; a big file's would cost memory and time.
        ctx.typed_kind = "TABLE" if rows <= MATERIALISED_ROWS else "VIEW"
        raw, cur = _kept_cells(ctx)
        ctx.run(f"CREATE OR REPLACE TEMP {ctx.typed_kind} {TYPED} AS SELECT rowid + 1 AS _row, "
                f"{typed_columns(ctx, raw, cur)} FROM {CONV} WHERE NOT _skip")
    ctx.step(Message("progress.checking_values", {"name": source.display_name}), 0.40)
    ctx.start_rejects()
    if raw:  # a `_bad` row always has a `__raw` cell: without one there is nothing to record
        record_type_rejects(ctx)
    if cut_last_record(source) is not None:
        # The fragment of a row a cut file ends with is a reject, not a row with its last cells empty.
        ctx.run(f"INSERT INTO {REJECTS} SELECT _row, NULL, NULL, $reason, NULL FROM {TYPED} "
                f"WHERE _row = $last", {"reason": CUT_ROW, "last": rows})
    ctx.typed_rows = typed_rows if typed_rows is not None else int(ctx.scalar(f"SELECT count(*) FROM {TYPED}"))
    return ctx.typed_rows


# What a field's value is when the file has no column for it (the types the conversion yields).
_NULL_OF = {"text": "VARCHAR", "id": "VARCHAR", "money": "DECIMAL(18,2)", "number": "DOUBLE", "int": "INTEGER",
            "bool": "BOOLEAN", "date": "TIMESTAMPTZ"}


def _kept_cells(ctx: ImportContext) -> tuple[frozenset[str], frozenset[str]]:
    """The checked fields with some `__raw` cell, and the money fields with some `__cur` cell.

    Only cells kept in `_slow` (those the fast casts could not read) give either; a file whose
    cells all converted the fast way (every Shopify export) has none. The view makes the others
    typed NULLs, which spares binding a macro per money field in every query on it: most of what
    building a small file's table cost.
    """
    tests = kept_cell_tests(ctx)
    if not tests:
        return frozenset(), frozenset()
    row = ctx.run(f"SELECT {', '.join(t for _, _, t in tests)} FROM {CONV} WHERE _slow IS NOT NULL").fetchone()
    return kept_cells_found(tests, row or ())


KeptCellTest = tuple[str, str, str]  # (kind: 'raw' or 'cur', field, SQL aggregate: whether some row has that cell)


def kept_cell_tests(ctx: ImportContext) -> list[KeptCellTest]:
    """The aggregates `_kept_cells` asks (over rows whose `_slow` is not NULL, or any rows: a NULL `_slow` adds no hit)."""
    tests: list[KeptCellTest] = []
    for i, f in enumerate(checked_fields(ctx), start=1):
        tests.append(("raw", f.name, f"bool_or({q(f.name)} IS NULL AND _slow[{i}] IS NOT NULL)"))
        if f.type == "money":
            tests.append(("cur", f.name, f"bool_or(_slow[{i}] IS NOT NULL)"))
    return tests


def kept_cells_found(tests: list[KeptCellTest], answers: Sequence[object]) -> tuple[frozenset[str], frozenset[str]]:
    """(fields with some `__raw` cell, money fields with some `__cur` cell) from the answers to `tests`."""
    hits = [(kind, name) for (kind, name, _), hit in zip(tests, answers, strict=True) if hit]
    return (frozenset(name for kind, name in hits if kind == "raw"),
            frozenset(name for kind, name in hits if kind == "cur"))


def typed_columns(ctx: ImportContext, raw: frozenset[str] | None = None, cur: frozenset[str] | None = None) -> str:
    """The view's columns: every field of the spec in spec order, then `_bad`, then `<f>__raw` and
    money's `<f>__cur`.

    Fields the file has no column for are typed NULLs made here, in the view, instead of columns
    the conversion carries through every layer and stores for every row; so are the `__raw` cells
    of fields not in `raw` and the `__cur` cells of those not in `cur` (see _kept_cells; None: all).
    """
    present = ctx.recognised.columns
    out = []
    for f in ctx.spec.fields:
        has = f.name in present
        out.append(q(f.name) if has else f"CAST(NULL AS {_NULL_OF[f.type]}) AS {q(f.name)}")
        if f.type == "date" and f.keeps_zone:
            out.append(q(f.name + "__tz") if has else f"CAST(NULL AS VARCHAR) AS {q(f.name + '__tz')}")
            # Said only of a value: a cell that did not convert is no date, with or without a time.
            only = q(f.name + "__date_only")
            out.append(f"CASE WHEN {q(f.name)} IS NOT NULL THEN {only} END AS {only}" if has
                       else f"CAST(NULL AS BOOLEAN) AS {only}")
    out.append("_bad")
    slow = _slow_places(ctx)
    for f in ctx.spec.fields:
        if f.type == "text" or (f.type == "id" and f.name not in slow):
            continue
        i = slow.get(f.name)
        kept = i is not None and (raw is None or f.name in raw)
        out.append((f"CASE WHEN {q(f.name)} IS NULL THEN _slow[{i}] END" if kept else "CAST(NULL AS VARCHAR)")
                   + f" AS {q(f.name + '__raw')}")
        if f.type == "money":
            kept = i is not None and (cur is None or f.name in cur)
            out.append((f"CASE WHEN _slow IS NOT NULL THEN sk_money_currency_t(_slow[{i}]) END" if kept
                        else "CAST(NULL AS VARCHAR)") + f" AS {q(f.name + '__cur')}")
    return ", ".join(out)


def _slow_fields(ctx: ImportContext) -> list[Field]:
    """The typed fields the file has, in spec order."""
    return [f for f in ctx.spec.fields if f.type not in ("text", "id") and f.name in ctx.recognised.columns]


def checked_fields(ctx: ImportContext) -> list[Field]:
    """The fields the file has whose cells can fail to convert, in spec order (the order of their cells
    in `_slow`): every typed field, and the key ids (a key id a spreadsheet program damaged is not a
    usable value)."""
    return [f for f in ctx.spec.fields
            if f.name in ctx.recognised.columns and (f.type not in ("text", "id") or f.key)]


def _slow_places(ctx: ImportContext) -> dict[str, int]:
    """Each checked field's place (from 1) in `_slow`: where its cell is when the fast way could not read it."""
    return {f.name: i for i, f in enumerate(checked_fields(ctx), start=1)}


def conversion_sql(ctx: ImportContext, source_sql: str, *, by_file: bool = False) -> str:
    """SELECT converting the read_csv columns the fast way; see the module docstring for the layers.

    Text and ids are cleaned (trimmed, placeholders -> NULL) first. Typed cells
    are not: DuckDB's casts accept surrounding spaces, so a typed cell is cleaned
    only when its fast cast failed (`<f>__t`, kept for `slow_sql` only in `_slow`:
    a column per field, NULL in nearly every row, cost ~0.3 s a million rows to
    store), and parsed the slow way only then, by `slow_sql`, which runs only when
    some row has such a cell
    (`_any_slow`): even on NULLs the slow layers' struct columns and long CASEs cost
    more than all the fast casts together.
    """
    spec = ctx.spec
    present = ctx.recognised.columns
    # Only the fields the file has: the view adds the others as NULLs (see typed_columns).
    fields = [f for f in spec.fields if f.name in present]

    def col(name: str, suffix: str = "") -> str:
        return q(name + suffix)

    textual = [f for f in fields if f.type in ("text", "id")]
    typed = _slow_fields(ctx)
    first = [f"{'sk_text_raw' if f.type == 'text' else 'sk_id_raw'}(c{present[f.name]}) AS {col(f.name)}"
             for f in textual]
    first += [f"c{present[f.name]} AS {col(f.name, '__r')}" for f in typed]
    carried = ["_file"] if by_file else []  # read_csv's `filename`, passed through every layer
    first += ["filename AS _file"] if by_file else []
    if spec.skip_rows:  # the predicate may name text fields the file lacks; the next layer drops them
        first += [f"CAST(NULL AS VARCHAR) AS {col(f.name)}" for f in spec.fields
                  if f.type in ("text", "id") and f.name not in present]
    # coalesce stops at the first non-empty cell, so the test costs one lookup for a normal row.
    cells = [col(f.name) for f in textual]
    cells += [f"sk_clean({col(f.name, '__r')})" for f in typed]
    blank_row = f"coalesce({', '.join(cells)}) IS NULL" if cells else "TRUE"
    # NULL must not skip a row: a predicate on an empty cell is NULL, not false.
    skip = f"({blank_row})" + (f" OR coalesce(({spec.skip_rows}), FALSE)" if spec.skip_rows else "")

    fast: list[str] = ["_skip", *carried]
    clean: list[str] = []
    out: list[str] = ["_skip", *carried]
    failed: list[str] = []  # per checked field: the cleaned cell when it did not convert (yet)
    bad_now: list[str] = []  # cells known bad after this pass (no slow parse can save them)
    for f in fields:
        n, r, t, v = col(f.name), col(f.name, "__r"), col(f.name, "__t"), col(f.name, "__v")
        if f.type == "text":
            fast.append(f"{n} AS {v}")  # converted while read (sk_text_raw)
        elif f.type == "id":
            # A damaged id is never a value: a key's cell goes to `_slow` and its row is rejected;
            # any other id (a phone, a barcode) is left empty, as its digits are lost and a wrong
            # phone would even join two people into one member.
            fast += [n, f"CASE WHEN sk_id_damaged({n}) THEN {n} END AS {t}"]
            clean.append(f"CASE WHEN {t} IS NULL THEN {n} END AS {v}")
            if f.key:
                failed.append(t)
                bad_now.append(f"({t} IS NOT NULL)")
        elif f.type == "bool":
            fast += [r, f"sk_clean({r}) AS {t}"]
            clean.append(f"sk_bool_t({t}) AS {v}")
            failed.append(f"CASE WHEN {v} IS NULL THEN {t} END")
            bad_now.append(f"({t} IS NOT NULL AND {v} IS NULL)")
        elif f.type in ("money", "number", "int"):
            cast = "DECIMAL(18,2)" if f.type == "money" else "DOUBLE"
            fast_col = col(f.name, "__fast")
            fast += [r, f"TRY_CAST({r} AS {cast}) AS {fast_col}"]
            clean.append(f"CASE WHEN {fast_col} IS NULL AND {r} IS NOT NULL THEN sk_clean({r}) END AS {t}")
            clean.append((f"sk_int_from_double({fast_col})" if f.type == "int" else fast_col) + f" AS {v}")
            failed.append(t)
        else:  # date
            zoned = col(f.name, "__zoned")
            # A zoned stamp is longer than the 19 characters of 'YYYY-MM-DD HH:MM:SS', so plain
            # local stamps (every Chinese export) skip the four zoned attempts.
            fast += [r, f"CASE WHEN strlen({r}) > 19 THEN sk_zoned_ts({r}) END AS {zoned}"]
            clean.append(f"CASE WHEN {zoned} IS NULL AND {r} IS NOT NULL THEN sk_clean({r}) END AS {t}")
            clean.append(f"{zoned} AS {v}")
            if f.keeps_zone:
                clean.append(f"CASE WHEN {zoned} IS NOT NULL THEN sk_tail_offset({r}) END AS {col(f.name, '__tz')}")
            failed.append(t)
        out.append(f"{v} AS {n}")
        if f.type == "date" and f.keeps_zone:
            out.append(col(f.name, "__tz"))
            # Every shape normalise_sql reads with a time of day writes it with a ':' (10:05, 10:05:00,
            # 2020年2月21日 10:05:00, 12:38:23 AM PST) and none without one has a ':', so a cell without one gave
            # the day alone; one that writes 00:00 gave a time. The view keeps it only where the cell converted.
            out.append(f"CASE WHEN {r} IS NOT NULL THEN NOT contains({r}, ':') END AS {col(f.name, '__date_only')}")
    # The cleaned text of every checked cell that did not convert here, in checked-field order, kept
    # only for rows that have one: one mostly-NULL column instead of one per field. The view
    # derives `<f>__raw` and money's `<f>__cur` from it.
    out.append(f"CASE WHEN NOT _skip AND coalesce({', '.join(failed)}) IS NOT NULL THEN [{', '.join(failed)}] END "
               "AS _slow" if failed else "CAST(NULL AS VARCHAR[]) AS _slow")
    out.append(f"(NOT _skip AND ({' OR '.join(bad_now) or 'FALSE'})) AS _bad")
    slow_cells = [col(f.name, "__t") for f in typed if f.type != "bool"]
    out.append(f"(NOT _skip AND coalesce({', '.join(slow_cells)}) IS NOT NULL) AS _any_slow" if slow_cells
               else "FALSE AS _any_slow")

    sql = f"SELECT {', '.join(first)} FROM {source_sql}"
    sql = f"SELECT *, ({skip}) AS _skip FROM ({sql})"
    sql = f"SELECT {', '.join(fast)} FROM ({sql})"
    sql = _layer(sql, clean)
    return f"SELECT {', '.join(out)} FROM ({sql})"


def _layer(inner: str, exprs: list[str]) -> str:
    return f"SELECT *{''.join(', ' + e for e in exprs)} FROM ({inner})" if exprs else inner


def slow_sql(ctx: ImportContext, source: str = CONV, *, by_file: bool = False) -> str:
    """SELECT over `_sk_conv` that parses the cells the fast casts could not read (the regex /
    strptime paths) and completes `_bad`; `_any_slow` is not needed after it."""
    slow: list[str] = []
    values: list[str] = []
    final_values: list[str] = []
    replace: list[str] = []
    bad: list[str] = ["_bad"]
    place = _slow_places(ctx)
    for f in _slow_fields(ctx):
        if f.type == "bool":
            continue
        n, t, sv = q(f.name), f"_slow[{place[f.name]}]", q(f.name + "__sv")
        if f.type in ("money", "number", "int"):
            cast = "DECIMAL(18,2)" if f.type == "money" else "DOUBLE"
            parts = q(f.name + "__parts")
            slow.append(f"CASE WHEN {t} IS NOT NULL THEN sk_money_parts({t}) END AS {parts}")
            number = f"TRY_CAST(sk_num_from_parts({parts}) AS {cast})"
            values.append((f"sk_int_from_double({number})" if f.type == "int" else number) + f" AS {sv}")
        else:  # date
            p = q(f.name + "__p")
            local, mins, hz = q(f.name + "__local"), q(f.name + "__min"), q(f.name + "__hz")
            slow.append(f"sk_dt_parts_t({t}) AS {p}")
            values += [
                f"sk_local_ts({p}.local) AS {local}",
                f"sk_zone_minutes({p}.zone) AS {mins}",
                f"coalesce({p}.zone <> '', FALSE) AS {hz}",
            ]
            final_values.append(f"sk_instant({local}, {mins}, {hz}, $zone) AS {sv}")
            if f.keeps_zone:
                tz = q(f.name + "__tz")
                replace.append(f"coalesce({tz}, sk_offset_of({sv}, {local}, {mins}, {hz})) AS {tz}")
        replace.append(f"coalesce({n}, {sv}) AS {n}")
        bad.append(f"(NOT _skip AND {t} IS NOT NULL AND {sv} IS NULL)")
    replace.append(f"({' OR '.join(bad)}) AS _bad")
    sql = f"SELECT * FROM {source}"
    for exprs in (slow, values, final_values):
        sql = _layer(sql, exprs)
    keep = ", ".join(q(c) for c in _conv_columns(ctx) + (["_file"] if by_file else []))
    return f"SELECT {keep} FROM (SELECT * REPLACE ({', '.join(replace)}) FROM ({sql}))"


def _conv_columns(ctx: ImportContext) -> list[str]:
    """`_sk_conv`'s columns after the slow pass (what the view reads)."""
    out = ["_skip"]
    for f in ctx.spec.fields:
        if f.name in ctx.recognised.columns:
            out.append(f.name)
            if f.type == "date" and f.keeps_zone:
                out += [f.name + "__tz", f.name + "__date_only"]
    return out + ["_slow", "_bad"]


def record_type_rejects(ctx: ImportContext) -> None:
    """One reject row per cell that did not convert, with the cell as written (trimmed)."""
    if not ctx.scalar(f"SELECT count(*) FROM {TYPED} WHERE _bad"):
        return
    for f in checked_fields(ctx):
        ctx.run(
            f"INSERT INTO {REJECTS} SELECT _row, $column, {q(f.name + '__raw')}, $reason, NULL FROM {TYPED} "
            f"WHERE _bad AND {q(f.name + '__raw')} IS NOT NULL",
            {"column": ctx.header(f.name), "reason": REASONS[f.type]},
        )
