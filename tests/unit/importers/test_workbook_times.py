"""A workbook's date cell is written as the seller saw it: with its time of day when its column is formatted to
show one, even at midnight (python-calamine gives a whole day number as a date), else as the day alone."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from cn_exports import write_xlsx

from shopkeeper.importers.reading.excel import _shows_time, workbook_to_csvs


@pytest.mark.parametrize(("code", "shows"), [
    ("yyyy-mm-dd hh:mm:ss", True), ("m/d/yy h:mm", True), ("[h]:mm:ss", True), ("mm:ss", True),
    ('yyyy"年"m"月"d"日" hh"时"mm"分"', True), ("yyyy-mm-dd", False), ("d-mmm-yy", False), ("[$-804]yyyy/m/d", False),
    ('yyyy-mm-dd "shipped"', False), (r"yyyy\h", False), ("[Red]yyyy-mm-dd", False), ("General", False),
])
def test_which_formats_show_a_time_of_day(code: str, shows: bool) -> None:
    assert _shows_time(code) is shows


def _book(tmp_path: Path, code: str, *, without_refs: bool = False) -> Path:
    header = ["order", "placed", "paid"]
    book = write_xlsx(tmp_path / "orders.xlsx", (header, [["A1", "2020-02-21 00:00:00", "2020-02-21 00:01:10"]]))
    target = tmp_path / "formatted.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/styles.xml":
                data = data.replace(b'formatCode="yyyy-mm-dd hh:mm:ss"', f'formatCode="{code}"'.encode())
            if without_refs and item.filename == "xl/worksheets/sheet1.xml":
                # cells may leave out their place: each follows the one before it
                text = data.decode()
                for ref in ("A1", "B1", "C1", "A2", "B2", "C2"):
                    text = text.replace(f' r="{ref}"', "")
                data = text.encode()
            out.writestr(item, data)
    return target


@pytest.mark.parametrize("without_refs", [False, True])
def test_a_whole_day_in_a_column_formatted_with_a_time_keeps_its_midnight(tmp_path: Path, without_refs: bool) -> None:
    [(_name, sheet)] = workbook_to_csvs(_book(tmp_path, "yyyy-mm-dd hh:mm:ss", without_refs=without_refs),
                                        tmp_path)
    assert sheet.read_text(encoding="utf-8").splitlines()[1] == "A1,2020-02-21 00:00:00,2020-02-21 00:01:10"


def test_a_whole_day_in_a_column_formatted_as_a_date_is_the_day_alone(tmp_path: Path) -> None:
    [(_name, sheet)] = workbook_to_csvs(_book(tmp_path, "yyyy/m/d"), tmp_path)
    # (a fraction of a day is a time whatever the format says)
    assert sheet.read_text(encoding="utf-8").splitlines()[1] == "A1,2020-02-21,2020-02-21 00:01:10"
