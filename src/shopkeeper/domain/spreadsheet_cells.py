"""How a text cell is written so Excel and WPS show it as the shop holds it, and never run it.

The one guard every file Shopkeeper writes for a spreadsheet uses (CSV exports,
reports, clipboard copies, .xlsx sheets):

* a cell a spreadsheet would run as a formula - it starts with `=`, `+`, `-`,
  `@`, a tab, a carriage return or a line feed - gets a leading `'` (OWASP's
  advice, ../shared/docs/perf-reliability.md §8.1), unless it is a plain number
  such as `-12.50`, which a spreadsheet reads as the number it is;
* in a CSV, a long run of digits (an order id, a phone number, a barcode) or
  one with a leading zero is written `="…"`: Excel and WPS then keep it as
  text, where a bare value would turn 6630001234567890123 into 6.63E+18 and
  lose its last digits, and 0012 into 12. Only digits go inside, so this
  formula can compute nothing but the id itself; Shopkeeper's own importers
  read it back as the bare id (importers/normalise_sql.py sk_id).
"""

from __future__ import annotations

import re

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DIGITS = re.compile(r"[0-9]+")
# Excel shows a number of 12 digits or more in scientific notation and keeps only 15 significant digits.
LONG_DIGITS = 12


def is_plain_number(text: str) -> bool:
    return _PLAIN_NUMBER.fullmatch(text) is not None


def csv_safe(cell: object) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP: prefix a single quote)."""
    text = "" if cell is None else str(cell)
    if text.startswith(_FORMULA_STARTS) and not is_plain_number(text):
        return "'" + text
    return text


def digits_kept_as_text(text: str) -> bool:
    """True for a cell of digits a spreadsheet would mangle as a number (too long, or a leading zero)."""
    return _DIGITS.fullmatch(text) is not None and (len(text) >= LONG_DIGITS or (len(text) > 1 and text[0] == "0"))


def csv_text_cell(cell: object) -> str:
    """A text cell for a CSV: guarded against formulas, and long ids in the `="…"` form Excel and WPS keep as text."""
    text = csv_safe(cell)
    return f'="{text}"' if digits_kept_as_text(text) else text
