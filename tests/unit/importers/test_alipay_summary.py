"""Alipay's zip: the 账务明细 and its 账务明细(汇总). The summary is the ledger's control, not an error.

A seller drops the zip as Alipay gave it. The ledger is imported when its rows add
up to what the summary says; the summary's line says it was checked. When they
disagree neither is imported and both lines say why, naming the other file.
"""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

from cn_money_exports import ALIPAY_EXPENSE_TOTAL, ALIPAY_INCOME_TOTAL, alipay_ledger, alipay_summary

from shopkeeper.db.database import Database
from shopkeeper.services.imports import FileOutcome, import_paths

DETAIL = "20881234567890120156_20260501_账务明细.csv"
SUMMARY = "20881234567890120156_20260501_账务明细(汇总).csv"


def _zip(tmp_path: Path, summary: str | None, detail: str | None = None) -> Path:
    path = tmp_path / "20881234567890120156_20260501.csv.zip"
    with zipfile.ZipFile(path, "w") as archive:
        if summary is not None:  # Alipay puts the summary first
            archive.writestr(SUMMARY, summary.encode("gbk"))
        if detail is not None:
            archive.writestr(DETAIL, detail.encode("gbk"))
    return path


def _import(shop: Database, tmp_path: Path, path: Path) -> dict[str, FileOutcome]:
    outcomes = import_paths(shop, [path], workdir=tmp_path / "work")
    return {(o.member or "").rsplit("/", 1)[-1]: o for o in outcomes}


def _sums(shop: Database) -> tuple[Decimal, Decimal]:
    row = shop.fetchall("SELECT coalesce(sum(amount) FILTER (WHERE amount > 0), 0), "
                        "coalesce(sum(amount) FILTER (WHERE amount < 0), 0) FROM money_movements")[0]
    return row[0], row[1]


def test_a_summary_that_matches_checks_the_ledger_it_came_with(shop: Database, tmp_path: Path) -> None:
    found = _import(shop, tmp_path, _zip(tmp_path, alipay_summary(), alipay_ledger()))
    detail, summary = found[DETAIL], found[SUMMARY]
    assert detail.ok and detail.label == "Alipay ledger (支付宝账务明细)" and detail.rows_added == 8
    assert summary.ok and summary.batch_id is None and summary.rows_read == 0
    assert summary.line.code == "import.outcome.summary_checked"
    assert DETAIL in summary.message and "checked" in summary.message
    assert _sums(shop) == (ALIPAY_INCOME_TOTAL, ALIPAY_EXPENSE_TOTAL)


def test_a_summary_that_disagrees_refuses_the_pair_naming_both(shop: Database, tmp_path: Path) -> None:
    found = _import(shop, tmp_path, _zip(tmp_path, alipay_summary(off_by=Decimal("10.00")), alipay_ledger()))
    detail, summary = found[DETAIL], found[SUMMARY]
    assert not detail.ok and not summary.ok
    assert detail.refusal is not None and detail.refusal.code == "import.refused.summary_totals_differ"
    assert SUMMARY in detail.message and "1342.68" in detail.message and "1352.68" in detail.message
    assert summary.refusal is not None and summary.refusal.code == "import.refused.summary_pair_differs"
    assert DETAIL in summary.message
    assert shop.scalar("SELECT count(*) FROM money_movements") == 0
    assert shop.scalar("SELECT count(*) FROM payouts") == 0


def test_a_summary_alone_says_what_it_is_not_unknown_format(shop: Database, tmp_path: Path) -> None:
    found = _import(shop, tmp_path, _zip(tmp_path, alipay_summary()))
    summary = found[SUMMARY]
    assert not summary.ok and not summary.needs_mapping
    assert summary.refusal is not None and summary.refusal.code == "import.refused.summary_without_detail"
    assert "账务明细" in summary.message


def test_the_same_zip_again_changes_nothing_and_still_reads_as_checked(shop: Database, tmp_path: Path) -> None:
    path = _zip(tmp_path, alipay_summary(), alipay_ledger())
    _import(shop, tmp_path, path)
    again = _import(shop, tmp_path, path)
    assert again[DETAIL].already_imported
    assert again[SUMMARY].ok and again[SUMMARY].line.code == "import.outcome.summary_checked"
    assert _sums(shop) == (ALIPAY_INCOME_TOTAL, ALIPAY_EXPENSE_TOTAL)
