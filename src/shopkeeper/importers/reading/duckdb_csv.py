"""How DuckDB reads a SourceTable: the exact read_csv options, a preview, and error wording.

File paths and header text only ever reach DuckDB as bound parameters; the SQL text
holds nothing but our own fixed option names.
"""

from __future__ import annotations

import re

import duckdb

from shopkeeper.domain.messages import Message

from .errors import RefusedFile, refused_file
from .source_table import SourceTable

MAX_LINE_SIZE = 16 << 20  # one record, quoted line breaks included; HTML descriptions get long
OFFLINE_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

_ERROR_LINE = re.compile(r"CSV Error on Line: (\d+)")


def reading_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory connection that never downloads extensions or scans Python variables."""
    con = duckdb.connect(config=dict(OFFLINE_CONFIG))
    con.execute("SET python_enable_replacements=false")
    return con


def read_csv_sql_options(table: SourceTable) -> dict[str, object]:
    """Keyword options for DuckDB's read_csv; column i of the result is table.headers[i]."""
    quote = table.quote or ""
    options: dict[str, object] = {
        "delim": table.delimiter,
        "quote": quote,
        "escape": quote,  # RFC 4180: a quote inside a quoted value is doubled
        "comment": "",  # the sniffer may otherwise take '#' (Shopify's "#1001") for a comment
        "encoding": "utf-8",
        "header": True,
        "skip": table.skip_lines,
        "all_varchar": True,  # ids, phones and zips stay text; typing is the importer's job
        "strict_mode": False,
        "null_padding": True,
        # DuckDB's parallel scanner refuses null_padding with quoted line breaks
        "parallel": table.parallel_safe,
        "max_line_size": MAX_LINE_SIZE,
    }
    if table.subheaders:
        # a second header row cannot be skipped after a header, so both are skipped and named
        options.update(
            header=False,
            skip=table.skip_lines + table.header_lines,
            names=list(column_names(table.headers)),
        )
    return options


def column_names(headers: tuple[str, ...]) -> tuple[str, ...]:
    """Unique, non-empty names in DuckDB's style (empty → columnN, repeats → name_1)."""
    names: list[str] = []
    taken: set[str] = set()
    for index, header in enumerate(headers):
        base = header.strip() or f"column{index}"
        name, suffix = base, 0
        # DuckDB compares identifiers case-insensitively
        while name.lower() in taken:
            suffix += 1
            name = f"{base}_{suffix}"
        taken.add(name.lower())
        names.append(name)
    return tuple(names)


def read_csv_call(table: SourceTable) -> tuple[str, dict[str, object]]:
    """`read_csv(...)` SQL text with named parameters, and the parameter values."""
    options = read_csv_sql_options(table)
    params: dict[str, object] = {"sk_path": str(table.csv_path)}
    arguments = []
    for key, value in options.items():
        params[f"sk_{key}"] = value
        arguments.append(f"{key} := $sk_{key}")
    return f"read_csv($sk_path, {', '.join(arguments)})", params


def probe_rows(table: SourceTable, con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[tuple[str | None, ...]]:
    """The first `limit` data rows as DuckDB reads them, for previews and column mapping."""
    call, params = read_csv_call(table)
    try:
        rows = con.execute(f"SELECT * FROM {call} LIMIT $sk_limit", {**params, "sk_limit": limit}).fetchall()
    except duckdb.Error as error:
        raise explain_read_error(error, table) from error
    return [tuple(row) for row in rows]


def explain_read_error(error: duckdb.Error, table: SourceTable) -> RefusedFile:
    """A DuckDB read error as a RefusedFile; never quotes file content (it may be personal data)."""
    message = str(error)
    found = _ERROR_LINE.search(message)
    near = {"line": int(found.group(1))} if found else {}
    lowered = message.lower()
    if "invalid unicode" in lowered:
        what = Message("import.file.not_utf8_near_line" if found else "import.file.not_utf8", near)
    elif "unterminated quote" in lowered:
        what = Message("import.file.unclosed_quote_near_line" if found else "import.file.unclosed_quote", near)
    elif "maximum line size" in lowered:
        size = {"size": MAX_LINE_SIZE >> 20, **near}
        what = Message("import.file.row_too_long_near_line" if found else "import.file.row_too_long", size)
    else:
        first = message.strip().splitlines()[0] if message.strip() else type(error).__name__
        detail = {"detail": first, **near}
        what = Message("import.file.unreadable_csv_near_line" if found else "import.file.unreadable_csv", detail)
    return refused_file(table.origin, what)
