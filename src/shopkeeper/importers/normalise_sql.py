"""SQL macros that turn export text into canonical values, inside DuckDB.

Every importer stages a file as VARCHAR columns and converts them with these
macros, so a million-row file is normalised without a Python row loop. They
are TEMP macros (per connection, nothing written to the shop file), installed
by `install_macros` at the first import on a connection.

A macro returns NULL when it cannot read its input; the staging step turns
"non-empty text in, NULL out" into a reject row, so nothing is dropped silently.

  sk_blank(s)             NULL for empty / whitespace-only / placeholder cells ('-', 'N/A', '--')
  sk_text(s)              trimmed text; an Excel/WooCommerce formula guard (`'-1`, `'=x`) loses its `'`
  sk_id(s)                exact id text: strips `="…"`, a leading `'` and tab wrappers; never numeric
  sk_id_damaged(t)        an id a spreadsheet wrote in scientific notation ('3.97185E+18'), from sk_id
  sk_num_text(s)          '1234.56' from '1,234.56' / '1.234,56' / 'EUR 90,00' / 'AU $3,000.00' / '(5.00)'
  sk_money(s)             DECIMAL(18,2) from any of the above
  sk_money_currency(s)    ISO code written in the value ('EUR 90,00' -> EUR, '£1' -> GBP), else NULL
  sk_number(s)            DOUBLE, same separator rules (weights, rates)
  sk_int(s)               INTEGER; '3', '3.0', '1,200' (a fractional value is not an integer: NULL)
  sk_bool(s)              true/false/yes/no/1/0/是/否
  sk_phone_key(p)         digits of a phone for matching people; NULL when masked or too short
                          (and the other identity keys of domain/identity.py)
  sk_ts(s, zone)          TIMESTAMPTZ from every date shape seen in exports (see _LOCAL_FORMATS); the
                          offset written in the value wins, `zone` (IANA) is used when there is none
  sk_tz(s, zone)          the offset that applied, as '+08:00' / '-04:00'

Money separators: when both ',' and '.' occur, the last one is the decimal
mark. A lone ',' is a decimal comma when 1-2 digits follow it ('90,00',
'8,5') and a thousands separator when groups of exactly 3 follow ('1,234',
'12,345,678'). A lone '.' is always the decimal mark, unless it repeats
in groups of 3 ('1.234.567').
"""

from __future__ import annotations

import weakref

import duckdb

from shopkeeper.db.database import Database
from shopkeeper.domain import identity

# Tried in order; the first that parses wins. strptime's '%Y' happily reads
# '12' as the year 12, so values that start with a four-digit year only meet
# the year-first list and all others only the rest (two-digit years before
# four-digit ones for the same reason); a year outside 1900-2200 is refused.
_YEAR_FIRST_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
    "%Y-%m-%d %I:%M:%S %p",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日",
)
_OTHER_FORMATS = (
    "%m/%d/%y %H:%M:%S",
    "%m/%d/%y %H:%M",
    "%m/%d/%y",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y",
    "%m/%d/%y %I:%M:%S %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%b-%d-%y %H:%M:%S",
    "%b-%d-%y",
    "%b-%d-%Y %H:%M:%S",
    "%b-%d-%Y",
    "%d-%b-%y %H:%M:%S",
    "%d-%b-%y",
    "%d-%b-%Y %H:%M:%S",
    "%d-%b-%Y",
    "%b %d, %Y %H:%M:%S",
    "%b %d, %Y",
    "%d %b %Y %H:%M:%S",
    "%d %b %Y",
    # Money reports: Amazon date-range 'Dec 1, 2017 12:38:23 AM' (zone split off) and the UAE
    # '15 Mar 2026 3:22:08 PM', Etsy statements 'September 24, 2026' (US) / '31 July, 2026' (UK),
    # Amazon EU settlements '09.07.2026 08:00:00' and PayPal DE '01.10.2026'.
    "%b %d, %Y %I:%M:%S %p",
    "%d %b %Y %I:%M:%S %p",
    "%B %d, %Y",
    "%d %B, %Y",
    "%d %B %Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y",
)
_LOCAL_FORMATS = _YEAR_FIRST_FORMATS + _OTHER_FORMATS

# Zone abbreviations as written by US-centric exports (Amazon listings: 'PST').
# 'CST' is read as US Central: Chinese platforms write no zone at all.
_ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0,
    "PST": -480, "PDT": -420, "MST": -420, "MDT": -360, "CST": -360, "CDT": -300,
    "EST": -300, "EDT": -240, "AKST": -540, "AKDT": -480, "HST": -600,
    "BST": 60, "CET": 60, "CEST": 120, "MET": 60, "MEST": 120, "EET": 120, "EEST": 180, "WET": 0, "WEST": 60,
    "IST": 330, "SGT": 480, "HKT": 480, "JST": 540, "KST": 540,
    "AWST": 480, "ACST": 570, "ACDT": 630, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
}

# Currency markers written in front of or behind an amount, after removing spaces
# and upper-casing. A bare '$' is ambiguous (USD, CAD, AUD ...) and maps to NULL:
# the caller falls back to the file's currency column or the platform default.
_CURRENCY_MARKERS = {
    "US$": "USD", "USD$": "USD", "AU$": "AUD", "A$": "AUD", "C$": "CAD", "CA$": "CAD", "CAD$": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "MX$": "MXN", "R$": "BRL",
    "£": "GBP", "€": "EUR", "¥": "CNY", "￥": "CNY", "元": "CNY", "RMB": "CNY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "ZŁ": "PLN", "KR": None, "$": None,
    # `Rs` is the rupee of India, Pakistan, Sri Lanka and Nepal alike: like `$`, the file's currency decides.
    "RS": None, "RS.": None,
}

_WS = "' ' || chr(9) || chr(10) || chr(13) || chr(160) || chr(12288)"


def sql_literal(value: str) -> str:
    """A SQL string literal for text this module controls (never file content)."""
    return "'" + value.replace("'", "''") + "'"


STATUSES = ("pending", "paid", "shipped", "completed", "cancelled", "refunded", "partially_refunded")


def status_case(expr: str, mapping: dict[str, str], default: str = "NULL") -> str:
    """CASE mapping a platform's status text (compared lower-cased and trimmed) to a canonical status."""
    bad = set(mapping.values()) - set(STATUSES)
    if bad:
        raise ValueError(f"not canonical statuses: {sorted(bad)}")
    return _case_map(f"lower(trim({expr}))", {k.lower(): v for k, v in mapping.items()}, default)


def value_case(expr: str, mapping: dict[str, object], default: str = "NULL") -> str:
    """CASE mapping the text `expr` gives (compared as is) to a value: a marketplace to its currency."""
    return _case_map(expr, mapping, default)


def _case_map(expr: str, mapping: dict[str, object], default: str = "NULL") -> str:
    arms = " ".join(
        f"WHEN {sql_literal(k)} THEN {'NULL' if v is None else (sql_literal(v) if isinstance(v, str) else str(v))}"
        for k, v in mapping.items()
    )
    return f"CASE {expr} {arms} ELSE {default} END"


_MONEY_PATTERN = (
    # The prefix: Indian rupees written `Rs.` / `Rs` (Amazon.in ad and business reports) carry a dot
    # no other marker has; otherwise up to four letters or symbols, a space, two more symbols.
    r"^\s*(\()?\s*([-+])?\s*((?i:rs)\.|[^\s0-9.,()+-]{0,4}\s?[^\s0-9.,()+A-Za-z-]{0,2})?\s*([-+])?\s*"
    "([0-9][0-9.,' \u00a0\u202f]*)" r"\s*([^\s0-9.,()+-]{1,4})?\s*(\))?\s*$"
)


# Zoned shapes strptime reads directly (fast path); anything else goes through the split below.
_ZONED_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S.%f%z",
)

def _list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(sql_literal(v) for v in values) + "]"


def macro_sql() -> list[str]:
    """The CREATE MACRO statements, in dependency order.

    Macros are inlined where they are used, so one that mentions its argument
    three times evaluates the argument three times. The `*_t` macros therefore
    take a *cleaned* cell (the output of sk_clean, a plain column in the
    staging query), and staging.py applies them in layers. The one-call forms
    (sk_money(s), sk_ts(s, zone) ...) bind each intermediate value once with
    `list_transform([value], lambda v: ...)[1]`, DuckDB's way of naming a
    sub-expression inside a macro; without it a nested date macro expands to a
    tree that takes seconds to bind.
    """
    zone_offset = _case_map("upper(z)", dict(_ZONE_ABBREVIATIONS))
    currency = _case_map("m", dict(_CURRENCY_MARKERS),
                         default="CASE WHEN regexp_full_match(m, '[A-Z]{3}') THEN m ELSE NULL END")
    return [
        # --- cleaning: trim (tabs, NBSP, ideographic space too) and placeholders -> NULL --------------
        "CREATE OR REPLACE TEMP MACRO sk_blank_t(t) AS "
        "CASE WHEN t IN ('', '-', '--', 'N/A', 'n/a', 'NULL', 'null') THEN NULL ELSE t END",
        # Trimming every cell of a million-row file is the costliest thing staging does, so only
        # cells that start with a space-like character or end in a space or tab are trimmed
        # (a trailing line break inside a quoted note is left alone). NULL falls through to NULL.
        "CREATE OR REPLACE TEMP MACRO sk_clean(s) AS CASE "
        " WHEN NOT (ord(s) > 32 AND (ord(s) < 128 OR ord(s) NOT IN (160, 12288, 65279)) "
        "           AND NOT ends_with(s, ' ') AND NOT ends_with(s, chr(9))) "
        f"  THEN sk_blank_t(trim(s, {_WS} || chr(65279))) "
        " WHEN strlen(s) <= 4 AND s IN ('-', '--', 'N/A', 'n/a', 'NULL', 'null') THEN NULL "
        " ELSE s END",
        "CREATE OR REPLACE TEMP MACRO sk_blank(s) AS sk_clean(s)",
        # WooCommerce / Excel formula guard: `'-1`, `'=x` -> `-1`, `=x`; any other leading ' stays.
        "CREATE OR REPLACE TEMP MACRO sk_text_t(t) AS "
        "CASE WHEN prefix(t, '''') AND t[2] IN ('-', '=', '+', '@') THEN t[2:] ELSE t END",
        "CREATE OR REPLACE TEMP MACRO sk_text(s) AS list_transform([sk_clean(s)], lambda t: sk_text_t(t))[1]",
        # ids: `="123"` (Taobao), `'5897…` (Shopify), tab wrappers (Douyin) -> the bare text
        "CREATE OR REPLACE TEMP MACRO sk_id_quote(t) AS CASE WHEN prefix(t, '''') THEN t[2:] ELSE t END",
        "CREATE OR REPLACE TEMP MACRO sk_id_t(t) AS CASE "
        " WHEN prefix(t, '=') AND t LIKE '=\"%\"' "
        "  THEN list_transform([sk_id_quote(sk_clean(t[3:-2]))], lambda u: sk_clean(u))[1] "
        " WHEN prefix(t, '=') AND regexp_full_match(t, '=[0-9]+') THEN t[2:] "
        " WHEN prefix(t, '''') THEN sk_clean(t[2:]) "
        " ELSE t END",
        "CREATE OR REPLACE TEMP MACRO sk_id(s) AS list_transform([sk_clean(s)], lambda t: sk_id_t(t))[1]",
        # Staging forms for raw cells: one CASE whose first branches catch the usual cell (NULL,
        # or no space-like first/last character, no `'`/`=` wrapper, not a placeholder), so
        # cleaning and unwrapping only run for the few cells that need them.
        "CREATE OR REPLACE TEMP MACRO sk_plain(s) AS ord(s) > 32 "
        " AND (ord(s) < 128 OR ord(s) NOT IN (160, 12288, 65279)) AND NOT ends_with(s, ' ') "
        " AND NOT ends_with(s, chr(9)) AND (strlen(s) > 4 OR s NOT IN ('-', '--', 'N/A', 'n/a', 'NULL', 'null'))",
        "CREATE OR REPLACE TEMP MACRO sk_text_raw(s) AS CASE WHEN s IS NULL THEN NULL "
        " WHEN ord(s) <> 39 AND sk_plain(s) THEN s ELSE sk_text(s) END",
        "CREATE OR REPLACE TEMP MACRO sk_id_raw(s) AS CASE WHEN s IS NULL THEN NULL "
        " WHEN ord(s) NOT IN (39, 61) AND sk_plain(s) THEN s "
        # Shopify's '4001 zips and '+56 … phones: a plain cell behind the apostrophe
        " WHEN ord(s) = 39 AND sk_plain(s) AND ord(s[2:]) > 32 THEN s[2:] "
        " ELSE sk_id(s) END",
        # An id a spreadsheet program turned into a number and wrote in scientific notation:
        # '3.97185E+18', '3,97185E+18' (decimal comma), '3.97185e18', '4E+18'. One digit, then a
        # fraction, an exponent sign or both, as every such writer puts it; '12E4' or '1E5' may be a
        # real SKU and no spreadsheet writes a number that way. The second character decides
        # cheaply, so the regex only meets the few ids that could be one.
        "CREATE OR REPLACE TEMP MACRO sk_id_damaged(t) AS substr(t, 2, 1) IN ('.', ',', 'E', 'e') "
        " AND regexp_full_match(t, '[0-9](?:[.,][0-9]+[Ee][+-]?|[Ee][+-])[0-9]{1,3}')",
        # --- numbers -------------------------------------------------------------------------------
        f"CREATE OR REPLACE TEMP MACRO sk_money_parts(t) AS regexp_extract(t, {sql_literal(_MONEY_PATTERN)}, "
        "['open', 'sign1', 'prefix', 'sign2', 'num', 'suffix', 'close'])",
        # d: digits with separators, spaces and apostrophes (Swiss 1'234.50) removed
        "CREATE OR REPLACE TEMP MACRO sk_sep_fix(d) AS CASE "
        " WHEN d LIKE '%,%' AND d LIKE '%.%' THEN CASE "
        "   WHEN regexp_full_match(d, '[0-9]{1,3}(\\.[0-9]{3})*,[0-9]+') THEN replace(replace(d, '.', ''), ',', '.') "
        "   WHEN regexp_full_match(d, '[0-9]{1,3}(,[0-9]{3})*\\.[0-9]+') THEN replace(d, ',', '') "
        # Indian grouping (lakh, crore): 1,23,456.50
        "   WHEN regexp_full_match(d, '[0-9]{1,2}(,[0-9]{2})+,[0-9]{3}\\.[0-9]+') THEN replace(d, ',', '') "
        "   ELSE NULL END "
        " WHEN d LIKE '%,%' THEN CASE "
        "   WHEN regexp_full_match(d, '[0-9]+,[0-9]{1,2}') THEN replace(d, ',', '.') "
        "   WHEN regexp_full_match(d, '[0-9]{1,3}(,[0-9]{3})+') THEN replace(d, ',', '') "
        "   WHEN regexp_full_match(d, '[0-9]{1,2}(,[0-9]{2})+,[0-9]{3}') THEN replace(d, ',', '') "
        "   ELSE NULL END "
        " WHEN regexp_full_match(d, '[0-9]{1,3}(\\.[0-9]{3}){2,}') THEN replace(d, '.', '') "
        " WHEN regexp_full_match(d, '[0-9]+(\\.[0-9]+)?') THEN d "
        " ELSE NULL END",
        # p: the sk_money_parts struct -> '-1234.56' text, NULL when it is not an amount
        "CREATE OR REPLACE TEMP MACRO sk_num_from_parts(p) AS CASE "
        " WHEN p IS NULL OR p.num = '' OR (p.open = '(') <> (p.close = ')') OR (p.sign1 <> '' AND p.sign2 <> '') "
        "   THEN NULL "
        " ELSE (CASE WHEN p.open = '(' OR p.sign1 = '-' OR p.sign2 = '-' THEN '-' ELSE '' END) "
        "      || sk_sep_fix(regexp_replace(p.num, '[ ''\u00a0\u202f]', '', 'g')) END",
        f"CREATE OR REPLACE TEMP MACRO sk_currency_marker(m) AS {currency}",
        # The marker is bound once: sk_currency_marker is a long CASE that names it in every arm.
        "CREATE OR REPLACE TEMP MACRO sk_currency_from_parts(p) AS list_transform("
        " [upper(replace(coalesce(nullif(p.prefix, ''), p.suffix), ' ', ''))], lambda m: sk_currency_marker(m))[1]",
        "CREATE OR REPLACE TEMP MACRO sk_money_currency_t(t) AS CASE WHEN t IS NULL THEN NULL "
        " ELSE list_transform([sk_money_parts(t)], lambda p: sk_currency_from_parts(p))[1] END",
        "CREATE OR REPLACE TEMP MACRO sk_num_text_t(t) AS "
        " list_transform([sk_money_parts(t)], lambda p: sk_num_from_parts(p))[1]",
        "CREATE OR REPLACE TEMP MACRO sk_num_text(s) AS list_transform([sk_clean(s)], lambda t: sk_num_text_t(t))[1]",
        "CREATE OR REPLACE TEMP MACRO sk_money(s) AS list_transform([sk_clean(s)], lambda t: "
        " coalesce(TRY_CAST(t AS DECIMAL(18,2)), TRY_CAST(sk_num_text_t(t) AS DECIMAL(18,2))))[1]",
        "CREATE OR REPLACE TEMP MACRO sk_money_currency(s) AS list_transform([sk_clean(s)], lambda t: CASE "
        " WHEN TRY_CAST(t AS DECIMAL(18,2)) IS NOT NULL THEN NULL "
        " ELSE sk_currency_from_parts(sk_money_parts(t)) END)[1]",
        "CREATE OR REPLACE TEMP MACRO sk_number(s) AS list_transform([sk_clean(s)], lambda t: "
        " coalesce(TRY_CAST(t AS DOUBLE), TRY_CAST(sk_num_text_t(t) AS DOUBLE)))[1]",
        "CREATE OR REPLACE TEMP MACRO sk_int_from_double(x) AS CASE WHEN x = floor(x) AND abs(x) < 2147483647 "
        " THEN CAST(x AS INTEGER) END",
        "CREATE OR REPLACE TEMP MACRO sk_int(s) AS list_transform([sk_number(s)], lambda x: sk_int_from_double(x))[1]",
        "CREATE OR REPLACE TEMP MACRO sk_bool_t(t) AS CASE lower(t) "
        " WHEN 'true' THEN TRUE WHEN 'yes' THEN TRUE WHEN 'y' THEN TRUE WHEN '1' THEN TRUE WHEN 't' THEN TRUE "
        " WHEN '是' THEN TRUE WHEN 'false' THEN FALSE WHEN 'no' THEN FALSE WHEN 'n' THEN FALSE WHEN '0' THEN FALSE "
        " WHEN 'f' THEN FALSE WHEN '否' THEN FALSE ELSE NULL END",
        "CREATE OR REPLACE TEMP MACRO sk_bool(s) AS sk_bool_t(sk_clean(s))",
        # Who is the same person (sk_phone_key, sk_email_key, ...): the rule lives in domain/identity.py.
        *identity.MACROS,
        # --- instants ------------------------------------------------------------------------------
        # A literal comparison, not year(): year() of a TIMESTAMPTZ goes through the ICU calendar.
        "CREATE OR REPLACE TEMP MACRO sk_sane_ts(x) AS CASE WHEN x BETWEEN '1900-01-01' AND '2201-01-01' THEN x END",
        # One format per call: coalesce tries the next only where the previous failed, which is
        # twice as fast as try_strptime with a list when nearly every cell has the first shape.
        "CREATE OR REPLACE TEMP MACRO sk_zoned_ts(t) AS sk_sane_ts(coalesce("
        + ", ".join(f"try_strptime(t, {sql_literal(f)})" for f in _ZONED_FORMATS) + "))",
        # The offset as written at the end of a value sk_zoned_ts read: -0400, +00:00, +08.
        # Shopify's 25-character '2025-05-11 09:55:16 -0400' first, with byte positions: negative
        # indexes count characters from the end, which costs three times as much per cell.
        "CREATE OR REPLACE TEMP MACRO sk_tail_offset(t) AS CASE "
        " WHEN strlen(t) = 25 AND substr(t, 20, 1) = ' ' AND substr(t, 21, 1) IN ('+', '-') "
        "   THEN substr(t, 21, 3) || ':' || substr(t, 24, 2) "
        " WHEN t[-6] IN ('+', '-') AND t[-3] = ':' THEN t[-6:] "
        " WHEN t[-5] IN ('+', '-') THEN t[-5:-3] || ':' || t[-2:] "
        " WHEN t[-3] IN ('+', '-') THEN t[-3:] || ':00' END",
        # Might a zone follow the time? A cheap test, so plain local times skip the regex.
        "CREATE OR REPLACE TEMP MACRO sk_zone_hint(t) AS contains(t, ':') AND ("
        " (t[-1] BETWEEN 'A' AND 'Z') OR (t[-1] BETWEEN 'a' AND 'z') "
        " OR t[-3] IN ('+', '-') OR t[-5] IN ('+', '-') OR t[-6] IN ('+', '-'))",
        # Split '2013-01-07 07:35:42 PST' (or Amazon's 'Dec 1, 2017 12:38:23 AM PST') into the local
        # part and the zone written after a time; 'AM'/'PM' look like a zone to the pattern but
        # belong to the local part.
        "CREATE OR REPLACE TEMP MACRO sk_dt_match(t) AS regexp_extract(t, "
        "'^(.*?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:\\s*[AaPp][Mm])?)"
        "\\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?|[A-Za-z]{2,5})$', "
        "['local', 'zone'])",
        "CREATE OR REPLACE TEMP MACRO sk_dt_pick(t, m) AS CASE "
        " WHEN m.zone = '' OR upper(m.zone) IN ('AM', 'PM') THEN {'local': t, 'zone': ''} ELSE m END",
        "CREATE OR REPLACE TEMP MACRO sk_dt_parts_t(t) AS CASE WHEN t IS NULL THEN NULL "
        " WHEN sk_zone_hint(t) THEN sk_dt_pick(t, sk_dt_match(t)) ELSE {'local': t, 'zone': ''} END",
        "CREATE OR REPLACE TEMP MACRO sk_zone_minutes(z) AS CASE "
        " WHEN z = '' THEN NULL "
        " WHEN z[1] IN ('+', '-') THEN (CASE WHEN z[1] = '-' THEN -1 ELSE 1 END) * "
        "   (CAST(z[2:3] AS INTEGER) * 60 + coalesce(TRY_CAST(nullif(replace(z[4:], ':', ''), '') AS INTEGER), 0)) "
        f" ELSE {zone_offset} END",
        "CREATE OR REPLACE TEMP MACRO sk_local_ts(t) AS sk_sane_ts(CASE "
        f" WHEN substr(t, 5, 1) IN ('-', '/', '.', '年') AND TRY_CAST(substr(t, 1, 4) AS INTEGER) IS NOT NULL "
        f"   THEN try_strptime(t, {_list(_YEAR_FIRST_FORMATS)}) "
        f" ELSE try_strptime(t, {_list(_OTHER_FORMATS)}) END)",
        "CREATE OR REPLACE TEMP MACRO sk_offset_text(m) AS "
        " (CASE WHEN m < 0 THEN '-' ELSE '+' END) || lpad(CAST(abs(m) // 60 AS VARCHAR), 2, '0') || ':' "
        " || lpad(CAST(abs(m) % 60 AS VARCHAR), 2, '0')",
        "CREATE OR REPLACE TEMP MACRO sk_instant(local_ts, minutes, has_zone, zone) AS CASE "
        " WHEN NOT has_zone THEN timezone(zone, local_ts) "
        " ELSE timezone('UTC', local_ts - to_minutes(minutes)) END",
        "CREATE OR REPLACE TEMP MACRO sk_offset_of(instant, local_ts, minutes, has_zone) AS CASE "
        " WHEN instant IS NULL THEN NULL "
        " WHEN NOT has_zone THEN "
        "   sk_offset_text(CAST(date_diff('minute', timezone('UTC', instant), local_ts) AS INTEGER)) "
        " ELSE sk_offset_text(minutes) END",
        # One-call forms; x = {l: local time, m: zone minutes, h: zone written?} of a split cell.
        "CREATE OR REPLACE TEMP MACRO sk_dt_bits(t) AS list_transform([sk_dt_parts_t(t)], lambda p: "
        " {'l': sk_local_ts(p.local), 'm': sk_zone_minutes(p.zone), 'h': coalesce(p.zone <> '', FALSE)})[1]",
        "CREATE OR REPLACE TEMP MACRO sk_ts(s, zone) AS list_transform([sk_clean(s)], lambda t: "
        " coalesce(sk_zoned_ts(t), list_transform([sk_dt_bits(t)], lambda x: sk_instant(x.l, x.m, x.h, zone))[1]))[1]",
        "CREATE OR REPLACE TEMP MACRO sk_tz(s, zone) AS list_transform([sk_clean(s)], lambda t: CASE "
        " WHEN sk_zoned_ts(t) IS NOT NULL THEN sk_tail_offset(t) "
        " ELSE list_transform([sk_dt_bits(t)], lambda x: "
        "      sk_offset_of(sk_instant(x.l, x.m, x.h, zone), x.l, x.m, x.h))[1] END)[1]",
    ]


_LAST_MACRO = "sk_tz"


# Connections known to hold the macros: asking duckdb_functions() costs ~20 ms, paid per table
# (300 times for a zip of 300 exports) when only the first import on a connection needs them.
_INSTALLED: weakref.WeakSet[duckdb.DuckDBPyConnection] = weakref.WeakSet()


def install_macros(db: Database) -> None:
    """Create the sk_* macros on this connection (once: they are temporary, per connection).

    Call it outside a transaction: macros made inside one would vanish with its rollback.
    """
    if db.connection in _INSTALLED:
        return
    installed = db.scalar(
        "SELECT count(*) FROM duckdb_functions() WHERE function_name = ? AND database_name = 'temp'", [_LAST_MACRO]
    )
    if not installed:
        for statement in macro_sql():
            db.execute(statement)
    _INSTALLED.add(db.connection)
