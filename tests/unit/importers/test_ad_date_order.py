"""Amazon ad reports with slash dates: 25/11/2026 (Amazon.in) and 11/25/2026 (Amazon.com), decided per file.

A seller of Amazon.in downloads a daily Sponsored Products report; its dates are day
first. Read month first, the 3rd of November would become the 11th of March and the
25th would be refused. One rule decides for the whole file (importers/date_order.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import ad_traffic_exports as fx
import pytest
from cn_exports import one

from shopkeeper.db.database import Database
from shopkeeper.importers.context import Refused
from shopkeeper.importers.date_order import DateOrder, decide
from shopkeeper.services.imports import FileOutcome, import_paths

HEADER = "Date,Currency,Campaign Name,Impressions,Clicks,Spend,7 Day Total Sales,7 Day Total Orders (#)"


def _report(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def _import(shop: Database, tmp_path: Path, text: str) -> FileOutcome:
    (outcome,) = import_paths(shop, [fx.write(tmp_path / "Sponsored_Products_Campaign_report.csv", text)],
                              workdir=tmp_path / "work")
    return outcome


def _days(shop: Database) -> list[tuple[dt.date, str]]:
    return [(r[0], r[1]) for r in shop.fetchall("SELECT day, campaign FROM ad_stats ORDER BY day, campaign")]


def test_a_day_above_12_makes_the_whole_file_day_first(shop: Database, tmp_path: Path) -> None:
    outcome = _import(shop, tmp_path, _report(
        "25/11/2026,INR,Kurta - Manual,1514,120,Rs. 960.50,\"₹12,345.50\",41",
        "03/11/2026,INR,Kurta - Auto,900,60,Rs. 480.25,₹900.00,3"))
    assert outcome.ok and outcome.rows_added == 2, outcome.message
    assert _days(shop) == [(dt.date(2026, 11, 3), "Kurta - Auto"), (dt.date(2026, 11, 25), "Kurta - Manual")]


def test_a_second_number_above_12_makes_it_month_first(shop: Database, tmp_path: Path) -> None:
    outcome = _import(shop, tmp_path, _report(
        "11/25/2026,INR,Kurta - Manual,1514,120,Rs. 960.50,₹900.00,41",
        "03/04/2026,INR,Kurta - Auto,900,60,Rs. 480.25,₹900.00,3"))
    # the values decide before the currency does: this file writes month first
    assert outcome.ok, outcome.message
    assert _days(shop) == [(dt.date(2026, 3, 4), "Kurta - Auto"), (dt.date(2026, 11, 25), "Kurta - Manual")]


def test_a_file_writing_both_orders_is_refused_whole(shop: Database, tmp_path: Path) -> None:
    outcome = _import(shop, tmp_path, _report(
        "25/11/2026,INR,Kurta - Manual,1514,120,Rs. 960.50,₹900.00,41",
        "11/26/2026,INR,Kurta - Auto,900,60,Rs. 480.25,₹900.00,3"))
    assert not outcome.ok
    assert outcome.refusal is not None and outcome.refusal.code == "import.refused.date_order_mixed"
    assert "day first" in outcome.message and "month first" in outcome.message
    assert one(shop, "SELECT count(*) FROM ad_stats") == (0,)


def test_undecided_dates_of_an_indian_report_are_day_first(shop: Database, tmp_path: Path) -> None:
    outcome = _import(shop, tmp_path, _report("03/04/2026,INR,Kurta - Manual,1514,120,Rs. 960.50,₹900.00,41"))
    assert outcome.ok, outcome.message
    assert _days(shop) == [(dt.date(2026, 4, 3), "Kurta - Manual")]


def test_the_rupee_in_a_header_is_enough_to_say_india(shop: Database, tmp_path: Path) -> None:
    header = "Date,Campaign Name,Impressions,Clicks,Spend,7 Day Total Sales (₹),7 Day Total Orders (#)"
    outcome = _import(shop, tmp_path, _report("03/04/2026,Kurta - Manual,1514,120,960.50,900.00,41", header=header))
    assert outcome.ok, outcome.message
    assert _days(shop) == [(dt.date(2026, 4, 3), "Kurta - Manual")]


def test_undecided_dates_of_a_us_report_stay_month_first(shop: Database, tmp_path: Path) -> None:
    outcome = _import(shop, tmp_path, _report("03/04/2026,USD,Mugs - Auto,1200,14,$ 4.90,$ 32.44,2"))
    assert outcome.ok, outcome.message
    assert _days(shop) == [(dt.date(2026, 3, 4), "Mugs - Auto")]


def test_undecided_dates_without_a_marketplace_are_refused_as_ambiguous(shop: Database, tmp_path: Path) -> None:
    header = "Date,Campaign Name,Impressions,Clicks,Spend,7 Day Total Sales,7 Day Total Orders (#)"
    outcome = _import(shop, tmp_path, _report("03/04/2026,Mugs - Auto,1200,14,4.90,32.44,2", header=header))
    assert not outcome.ok
    assert outcome.refusal is not None and outcome.refusal.code == "import.refused.date_order_ambiguous"
    assert "03/04/2026" in outcome.message


def test_a_slash_date_that_is_no_date_is_a_listed_reject(shop: Database, tmp_path: Path) -> None:
    outcome = _import(shop, tmp_path, _report(
        "25/11/2026,INR,Kurta - Manual,1514,120,Rs. 960.50,₹900.00,41",
        "31/02/2026,INR,Kurta - Auto,900,60,Rs. 480.25,₹900.00,3"))
    assert outcome.ok and (outcome.rows_added, outcome.rows_rejected) == (1, 1), outcome.message


@pytest.mark.parametrize(("first", "second", "market", "expected"), [
    (True, False, None, DateOrder.DAY_FIRST),
    (False, True, DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST),
    (False, False, DateOrder.DAY_FIRST, DateOrder.DAY_FIRST),
    (False, False, DateOrder.MONTH_FIRST, DateOrder.MONTH_FIRST),
])
def test_the_rule(first: bool, second: bool, market: DateOrder | None, expected: DateOrder) -> None:
    assert decide(first, second, market) is expected


@pytest.mark.parametrize(("first", "second", "market", "code"), [
    (True, True, DateOrder.DAY_FIRST, "import.refused.date_order_mixed"),
    (False, False, None, "import.refused.date_order_ambiguous"),
])
def test_the_rule_refuses(first: bool, second: bool, market: DateOrder | None, code: str) -> None:
    with pytest.raises(Refused) as refused:
        decide(first, second, market, "03/04/2026")
    assert refused.value.reason.code == code
