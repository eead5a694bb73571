"""Qt-free reading of dropped files: encodings, dialects, archives and workbooks → UTF-8 tables."""

from shopkeeper.domain.source_names import display_name

from .cut_row import cut_last_record
from .dialect import normalise_header
from .duckdb_csv import (
    column_names,
    explain_read_error,
    probe_rows,
    read_csv_call,
    read_csv_sql_options,
    reading_connection,
)
from .errors import ImportCancelled, RefusedFile, refused_file
from .excel import format_cell
from .input_file import check_input_file, file_sha256
from .quoting import find_text_after_quote
from .source_table import SourceTable, open_tables, recover_from_invalid_utf8, redetect_quoting

__all__ = [
    "cut_last_record",
    "ImportCancelled",
    "RefusedFile",
    "SourceTable",
    "check_input_file",
    "column_names",
    "display_name",
    "explain_read_error",
    "file_sha256",
    "find_text_after_quote",
    "format_cell",
    "normalise_header",
    "open_tables",
    "probe_rows",
    "read_csv_call",
    "read_csv_sql_options",
    "reading_connection",
    "recover_from_invalid_utf8",
    "redetect_quoting",
    "refused_file",
]
