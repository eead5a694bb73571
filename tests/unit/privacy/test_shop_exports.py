"""Exports a seller opens in Excel or WPS: ids stay exact, formulas never run, money stays numbers,
personal data masked unless revealed (and the reveal is logged), a failed write leaves nothing behind;
and the audit trail lists the seller's edits and privacy acts."""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shop_with_people import LONG_ID, OLD_EMAIL, OLD_NAME, people_shop  # noqa: E402, I001
from export_files import open_fresh_shop  # noqa: E402

from shopkeeper.cli import main  # noqa: E402
from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.domain.commands import CellEdit  # noqa: E402
from shopkeeper.domain.errors import KnownError  # noqa: E402
from shopkeeper.services.audit import AuditFilter, audit_rows, audit_source  # noqa: E402
from shopkeeper.services.change_sets import undo  # noqa: E402
from shopkeeper.services.edits import edit_cells  # noqa: E402
from shopkeeper.services.privacy_erasure import erase_member  # noqa: E402
from shopkeeper.services.shop_exports import ORDER_HEADER, export_table  # noqa: E402
from shopkeeper.services.table_export import export_source, write_table  # noqa: E402

TODAY = date(2026, 12, 1)


@pytest.fixture
def people(tmp_path: Path) -> Database:
    db = open_fresh_shop(tmp_path)
    people_shop(db, tmp_path)
    db.execute("UPDATE buyers SET name = '=HYPERLINK(\"http://x\")' WHERE email = ?", ["new.bob@example.com"])
    yield db
    db.close()


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8 names right
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_orders_csv_keeps_ids_money_and_masks(people: Database, tmp_path: Path) -> None:
    out = export_table(people, "orders", tmp_path / "orders.csv", TODAY)
    rows = {r["order_number"]: r for r in _csv(out.path)}
    assert out.rows == 4 and len(rows) == 4
    assert rows["#1001"]["order_id"] == f'="{LONG_ID}"'  # Excel and WPS keep it as text, every digit
    assert rows["#1002"]["order_id"] == "551002"
    assert rows["#1004"]["total"] == "45.50"
    assert rows["#1001"]["buyer_email"] == "o***@example.com" and rows["#1001"]["buyer"] == "o***@example.com"
    assert rows["#1001"]["buyer_name"] == "A**"
    assert OLD_EMAIL not in out.path.read_text(encoding="utf-8-sig")
    assert people.scalar("SELECT count(*) FROM privacy_log") == 0
    assert rows["#1001"]["ordered_at"] == "2025-03-10 12:00:00-05:00"


def test_reveal_writes_data_and_logs_it(people: Database, tmp_path: Path) -> None:
    out = export_table(people, "orders", tmp_path / "orders.csv", TODAY, reveal=True, who="test")
    rows = {r["order_number"]: r for r in _csv(out.path)}
    assert rows["#1001"]["buyer_email"] == OLD_EMAIL
    assert rows["#1003"]["buyer_name"].startswith(OLD_NAME)
    # A name written as a formula is made inert.
    assert rows["#1004"]["buyer_name"] == "'=HYPERLINK(\"http://x\")"
    assert people.fetchone("SELECT what, place, who FROM privacy_log") == ("contacts", "cli export orders", "test")


def test_orders_xlsx_has_text_ids_numbers_and_no_formulas(people: Database, tmp_path: Path) -> None:
    out = export_table(people, "orders", tmp_path / "orders.xlsx", TODAY, reveal=True)
    sheet = CalamineWorkbook.from_path(str(out.path)).get_sheet_by_index(0).to_python()
    assert tuple(sheet[0]) == ORDER_HEADER
    body = {r[ORDER_HEADER.index("order_number")]: r for r in sheet[1:]}
    assert body["#1001"][ORDER_HEADER.index("order_id")] == LONG_ID
    assert body["#1004"][ORDER_HEADER.index("total")] == pytest.approx(45.5)
    assert body["#1004"][ORDER_HEADER.index("buyer_name")] == "'=HYPERLINK(\"http://x\")"
    xml = zipfile.ZipFile(out.path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and f"<v>{LONG_ID}</v>" not in xml


def test_every_named_export_writes(people: Database, tmp_path: Path) -> None:
    for name in ("orders", "order-lines", "members", "products", "reorder", "promotions"):
        out = export_table(people, name, tmp_path / f"{name}.csv", TODAY)
        assert out.path.exists(), name
    members = _csv(tmp_path / "members.csv")
    assert {m["name"] for m in members} == {"A**", "B**"}
    assert {m["email"] for m in members} == {"o***@example.com", "n***@example.com"}


def test_failed_write_names_the_file_and_keeps_the_old_one(people: Database, tmp_path: Path) -> None:
    with pytest.raises(KnownError) as failed:
        export_table(people, "orders", tmp_path / "no-such-folder" / "orders.csv", TODAY)
    assert failed.value.message.code == "export.write_failed"
    assert "no-such-folder" in failed.value.message.params["path"]
    target = tmp_path / "kept.csv"
    target.write_text("old")
    with pytest.raises(KnownError):
        write_table(target, ["a"], _rows_then_fail())
    assert target.read_text() == "old" and not (tmp_path / "kept.csv.partial").exists()
    with pytest.raises(KnownError) as wrong:
        export_table(people, "orders", tmp_path / "orders.txt", TODAY)
    assert wrong.value.message.code == "export.table.format"


def _rows_then_fail():  # noqa: ANN202
    yield ["first"]
    raise OSError(28, "No space left on device")


def test_a_table_view_exports_all_its_filtered_rows(people: Database, tmp_path: Path) -> None:
    from shopkeeper.services.membership import members_source

    source = members_source(TODAY, chinese=False)
    out = export_source(people, source, tmp_path / "m.csv", search="oldbuyer", personal={"name": "name"})
    assert out.rows == 1
    assert [(r["name"], r["email"]) for r in _csv(out.path)] == [("A**", "o***@example.com")]


def test_cli_export_json(people: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people.close()
    shop = str(tmp_path / "shop.duckdb")
    assert main(["export", "orders", "--db", shop, "--out", str(tmp_path / "o.xlsx"), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert (printed["rows"], printed["masked"]) == (4, True)
    assert main(["export", "order-lines", "--db", shop, "--out", str(tmp_path / "l.csv")]) == 0
    assert "Wrote 4 rows of order-lines" in capsys.readouterr().out


def test_audit_lists_edits_with_state_and_privacy_acts(people: Database) -> None:
    people.execute("INSERT INTO variants (sku, product_id, currency, price) VALUES ('MUG-2', 'mug', 'CAD', 10)")
    edit_cells(people, [CellEdit("variant", "MUG-2", "price", "12.50")], who="test")
    erase_member(people, str(people.scalar("SELECT member_id FROM members WHERE email = ?", [OLD_EMAIL])),
                 who="test", place="test")
    rows = audit_rows(people)
    assert [(r["kind"], r["state"]) for r in rows] == [("privacy", "recorded"), ("edit", "applied")]
    assert (rows[1]["what"], rows[1]["field"], rows[1]["old"], rows[1]["new"]) == ("variant MUG-2", "price",
                                                                                   "10.00", "12.50")
    assert "price" in rows[1]["label"] and rows[0]["label"] is None
    undo(people, who="test")
    assert audit_rows(people, AuditFilter(kind="edit"))[0]["state"] == "undone"
    assert audit_rows(people, AuditFilter(since=date(2000, 1, 1), until=date(2000, 1, 2))) == []
    source = audit_source(AuditFilter(kind="privacy"))
    assert source.count(people) == 1
