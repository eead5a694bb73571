"""The SQL macros that read export cells: money, dates, ids, text, numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopkeeper.db.database import Database
from shopkeeper.importers.normalise_sql import install_macros, status_case


@pytest.fixture(scope="module")
def db() -> Iterator[Database]:
    database = Database.open(None)
    install_macros(database)
    yield database
    database.close()


MONEY = [
    # (cell, amount, currency written in the value)
    ("1234.56", "1234.56", None),
    ("1,234.56", "1234.56", None),
    ("EUR 90,00", "90.00", "EUR"),
    ("AU $3,000.00", "3000.00", "AUD"),
    ("£1,234.56", "1234.56", "GBP"),
    ("17", "17.00", None),
    ("8.5", "8.50", None),
    ("3.3", "3.30", None),
    ("0", "0.00", None),
    ("$43.00", "43.00", None),  # a bare $ is ambiguous: the file's / platform's currency applies
    ("US $43.00", "43.00", "USD"),
    ("C $5", "5.00", "CAD"),
    ("-1.00", "-1.00", None),
    ("-$5.00", "-5.00", None),
    ("$-5.00", "-5.00", None),
    ("(12.00)", "-12.00", None),
    ("1.234,56", "1234.56", None),  # German: dot thousands, comma decimal
    ("1 234,56", "1234.56", None),  # French: space thousands
    ("1\u00a0234,56", "1234.56", None),  # ... or a no-break space
    ("1'234.50", "1234.50", None),  # Swiss
    ("1,234", "1234.00", None),  # a lone comma before three digits is a thousands separator
    ("12,345,678", "12345678.00", None),
    ("12,5", "12.50", None),  # ... before one or two digits a decimal comma
    ("90,00", "90.00", None),
    ("1.234.567", "1234567.00", None),
    ("1.234.567,89", "1234567.89", None),
    ("12.50 EUR", "12.50", "EUR"),
    ("0元", "0.00", "CNY"),
    ("¥12.50", "12.50", "CNY"),
    ("€ 9,99", "9.99", "EUR"),
    (" 12.50 ", "12.50", None),
    ("1.005", "1.01", None),  # rounded to cents
    # Amazon.in reports: rupees as `Rs.`, `Rs`, `INR`, `₹`, and Indian (lakh) grouping
    ("Rs. 1,234.50", "1234.50", None),  # `Rs` is several countries' rupee: the file's currency decides
    ("Rs.12", "12.00", None),
    ("Rs 12.00", "12.00", None),
    ("-Rs. 3.10", "-3.10", None),
    ("INR 100.00", "100.00", "INR"),
    ("₹75,565.26", "75565.26", "INR"),
    ("₹1,23,456.50", "123456.50", "INR"),
    ("1,23,45,678.90", "12345678.90", None),
    ("12,34,567", "1234567.00", None),
]

NOT_MONEY = ["12abc34", "abc", "1,2,3", "1.2,3.4", "1,23,4", "--5", "(5", "$", "Rs.", "1,23,45.6"]

BLANK = ["", " ", "-", "--", "N/A", None]


@pytest.mark.parametrize(("cell", "amount", "currency"), MONEY)
def test_money_is_read_exactly(db: Database, cell: str, amount: str, currency: str | None) -> None:
    assert db.fetchone("SELECT sk_money(?), sk_money_currency(?)", [cell, cell]) == (Decimal(amount), currency)


@pytest.mark.parametrize("cell", NOT_MONEY)
def test_text_that_is_not_money_is_null_so_it_can_be_rejected(db: Database, cell: str) -> None:
    assert db.scalar("SELECT sk_money(?)", [cell]) is None
    assert db.scalar("SELECT sk_clean(?)", [cell]) is not None  # non-empty: staging reports it


@pytest.mark.parametrize("cell", BLANK)
def test_blank_and_placeholder_cells_are_empty_not_errors(db: Database, cell: str | None) -> None:
    assert db.fetchone("SELECT sk_money(?), sk_clean(?)", [cell, cell]) == (None, None)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2))
def test_money_survives_every_thousands_style(db: Database, value: Decimal) -> None:
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}"
    cells = [
        f"{value:.2f}",
        f"{sign}{grouped}.{cents}",
        f"{sign}{grouped.replace(',', '.')},{cents}",
        f"{sign}{grouped.replace(',', ' ')},{cents}",
        f"EUR {sign}{grouped.replace(',', '.')},{cents}",
        f"{sign}AU ${grouped}.{cents}",
    ]
    for cell in cells:
        assert db.scalar("SELECT sk_money(?)", [cell]) == value, cell


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


DATES = [
    # (cell, zone used when the cell has none, instant, offset kept)
    ("2025-05-11 09:55:16 -0400", "UTC", _utc(2025, 5, 11, 13, 55, 16), "-04:00"),
    ("12/26/21", "UTC", _utc(2021, 12, 26), "+00:00"),
    ("12/26/2021", "UTC", _utc(2021, 12, 26), "+00:00"),
    ("1/4/2024", "UTC", _utc(2024, 1, 4), "+00:00"),
    ("2017-06-17T08:04:21+00:00", "UTC", _utc(2017, 6, 17, 8, 4, 21), "+00:00"),
    ("2017-06-17T10:04:21+02:00", "UTC", _utc(2017, 6, 17, 8, 4, 21), "+02:00"),
    ("2013-01-07 07:35:42 PST", "UTC", _utc(2013, 1, 7, 15, 35, 42), "-08:00"),
    ("2013-07-07 07:35:42 PDT", "UTC", _utc(2013, 7, 7, 14, 35, 42), "-07:00"),
    ("Sep-04-26", "UTC", _utc(2026, 9, 4), "+00:00"),
    ("26-May-26", "UTC", _utc(2026, 5, 26), "+00:00"),
    ("2020-02-21 00:00:00", "Asia/Shanghai", _utc(2020, 2, 20, 16), "+08:00"),
    ("2016/5/23 22:02", "Asia/Shanghai", _utc(2016, 5, 23, 14, 2), "+08:00"),
    ("2016-02-15 00:25:36 ", "Asia/Shanghai", _utc(2016, 2, 14, 16, 25, 36), "+08:00"),
    ("2021-05-13T10:00:00Z", "Asia/Shanghai", _utc(2021, 5, 13, 10), "+00:00"),
    ("2021-05-13T10:00:00.123Z", "UTC", datetime(2021, 5, 13, 10, 0, 0, 123000, tzinfo=UTC), "+00:00"),
    ("2021-05-13 10:00:00 +08", "UTC", _utc(2021, 5, 13, 2), "+08:00"),
    ("12/26/2021 10:15 PM", "UTC", _utc(2021, 12, 26, 22, 15), "+00:00"),
    ("2024-07-01 12:00:00", "America/New_York", _utc(2024, 7, 1, 16), "-04:00"),  # the zone's summer offset
    ("2024-01-01 12:00:00", "America/New_York", _utc(2024, 1, 1, 17), "-05:00"),
    ("2024-01-05", "UTC", _utc(2024, 1, 5), "+00:00"),
]

NOT_DATES = ["garbage", "2021-13-45", "2021-05-13 10:00:00 XYZ", "12-12-21", "0012-01-01", "31/12/2021"]


@pytest.mark.parametrize(("cell", "zone", "instant", "offset"), DATES)
def test_every_date_shape_becomes_an_instant_with_its_offset(
    db: Database, cell: str, zone: str, instant: datetime, offset: str
) -> None:
    got = db.fetchone("SELECT sk_ts(?, ?), sk_tz(?, ?)", [cell, zone, cell, zone])
    assert got == (instant, offset)


def test_two_and_four_digit_years_in_one_column(db: Database) -> None:
    rows = db.fetchall(
        "SELECT sk_ts(s, 'UTC') FROM (VALUES ('12/26/21'), ('12/26/2021'), ('01/02/2022')) t(s)"
    )
    assert [r[0] for r in rows] == [_utc(2021, 12, 26), _utc(2021, 12, 26), _utc(2022, 1, 2)]


@pytest.mark.parametrize("cell", NOT_DATES)
def test_unreadable_dates_are_null(db: Database, cell: str) -> None:
    assert db.scalar("SELECT sk_ts(?, 'UTC')", [cell]) is None


IDS = [
    ("'5897398649016", "5897398649016"),  # Shopify customer id
    ('="1930679858170647"', "1930679858170647"),  # Taobao
    ("\t6917926768823643751", "6917926768823643751"),  # Douyin tab wrapper
    (" \t6917926768823643751\t", "6917926768823643751"),  # Alipay: quote + trailing tab
    ("'+56 9 7622 2752", "+56 9 7622 2752"),  # phone
    ("'4001", "4001"),  # zip
    ("1234567890123456789", "1234567890123456789"),  # 19 digits, exact
    ("00123", "00123"),  # leading zeros stay
    ("#1001", "#1001"),
    ("=123", "123"),
]


@pytest.mark.parametrize(("cell", "expected"), IDS)
def test_ids_lose_their_excel_wrappers_and_nothing_else(db: Database, cell: str, expected: str) -> None:
    assert db.scalar("SELECT sk_id(?)", [cell]) == expected


TEXT = [
    ("'-1", "-1"),  # WooCommerce guard
    ("'=SUM(A1)", "=SUM(A1)"),
    ("'+1", "+1"),
    ("'@x", "@x"),
    ("'hello", "'hello"),  # an apostrophe before ordinary text is content
    ("  x  ", "x"),
    ("\u3000中文\u3000", "中文"),
    ("\ufeffID", "ID"),
    ("line one\nline two", "line one\nline two"),
]


@pytest.mark.parametrize(("cell", "expected"), TEXT)
def test_text_is_trimmed_and_unguarded(db: Database, cell: str, expected: str) -> None:
    assert db.scalar("SELECT sk_text(?)", [cell]) == expected


@pytest.mark.parametrize(("cell", "expected"), [("3", 3), ("3.0", 3), ("1,200", 1200), ("-10", -10), ("2.5", None),
                                                 ("x", None), ("", None)])
def test_whole_numbers(db: Database, cell: str, expected: int | None) -> None:
    assert db.scalar("SELECT sk_int(?)", [cell]) == expected


@pytest.mark.parametrize(("cell", "expected"), [("yes", True), ("No", False), ("TRUE", True), ("0", False),
                                                ("是", True), ("maybe", None)])
def test_booleans(db: Database, cell: str, expected: bool | None) -> None:
    assert db.scalar("SELECT sk_bool(?)", [cell]) is expected


@pytest.mark.parametrize(("phone", "key"), [("+1 (613) 555-0135", "16135550135"), ("138****5678", None),
                                            ("12345", None)])
def test_phone_keys_for_matching_people(db: Database, phone: str, key: str | None) -> None:
    assert db.scalar("SELECT sk_phone_key(?)", [phone]) == key


def test_status_case_refuses_non_canonical_statuses() -> None:
    with pytest.raises(ValueError, match="not canonical"):
        status_case("s", {"paid": "settled"})
