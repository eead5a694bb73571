"""Idempotency, overlapping exports, undo, refusals, rejects, cancel and progress."""

from __future__ import annotations

import csv
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from export_files import SHOPIFY_ORDERS, import_ok, run_import, snapshot, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.message_texts import english
from shopkeeper.domain.messages import Message
from shopkeeper.importers.recognise import header_signature
from shopkeeper.services.imports import (
    ImportCancelled,
    csv_safe,
    list_imports,
    rejects,
    undo_import,
    write_rejects_csv,
)


def order(name: str, month: int, *, status: str = "paid", refunded: str = "0.00", lines: int = 2,
          total: str = "30.00") -> list[dict[str, str]]:
    first = {"Name": name, "Email": f"{name[1:]}@example.com", "Financial Status": status, "Currency": "CAD",
             "Total": total, "Subtotal": total, "Refunded Amount": refunded, "Id": "55" + name[1:],
             "Created at": f"2025-{month:02d}-10 12:00:00 -0500"}
    rows = []
    for n in range(lines):
        cells = first if n == 0 else {"Name": name, "Email": first["Email"], "Created at": first["Created at"]}
        rows.append({**cells, "Lineitem quantity": "1", "Lineitem name": f"Item {n + 1}", "Lineitem price": "15.00"})
    return rows


def export(path: Path, *orders: list[dict[str, str]]) -> Path:
    return write_export(path, SHOPIFY_ORDERS, [row for o in orders for row in o])


def test_same_file_twice_changes_nothing(shop: Database, tmp_path: Path) -> None:
    path = export(tmp_path / "orders_export.csv", order("#1", 1), order("#2", 2))
    import_ok(shop, path)
    before = snapshot(shop)
    batches = len(list_imports(shop))
    [again] = import_ok(shop, path)
    assert again.already_imported and again.ok
    assert again.message.startswith("orders_export.csv: already imported on ")
    assert again.message.endswith(", nothing changed")
    assert snapshot(shop) == before
    assert len(list_imports(shop)) == batches


def test_same_content_under_another_name_is_also_recognised(shop: Database, tmp_path: Path) -> None:
    path = export(tmp_path / "orders_export.csv", order("#1", 1))
    copy = tmp_path / "copy" / "orders_export (1).csv"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())
    import_ok(shop, path)
    [again] = import_ok(shop, copy)
    assert again.already_imported


def test_overlapping_exports_merge_and_newer_values_win(shop: Database, tmp_path: Path) -> None:
    jan_mar = export(tmp_path / "jan-mar.csv", order("#1", 1), order("#2", 2), order("#3", 3))
    # Feb-Apr: #2 refunded since, #3 unchanged, #4 new
    feb_apr = export(tmp_path / "feb-apr.csv", order("#2", 2, status="refunded", refunded="30.00"),
                     order("#3", 3), order("#4", 4))
    import_ok(shop, jan_mar)
    [second] = import_ok(shop, feb_apr)
    assert (second.rows_read, second.rows_added, second.rows_updated) == (6, 2, 1)
    assert shop.scalar("SELECT count(*) FROM orders") == 4
    assert shop.scalar("SELECT count(*) FROM order_lines") == 8
    assert shop.fetchone("SELECT status, refunded_amount FROM orders WHERE order_number = '#2'") == (
        "refunded", Decimal("30.00"))
    # the unchanged order still belongs to the import that wrote it
    first_batch = list_imports(shop)[-1].batch_id
    assert shop.scalar("SELECT batch_id FROM orders WHERE order_number = '#3'") == first_batch


def test_a_reexported_order_with_a_line_fewer_loses_that_line(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, export(tmp_path / "a.csv", order("#1", 1, lines=3)))
    import_ok(shop, export(tmp_path / "b.csv", order("#1", 1, lines=2, total="30.00", status="partially_refunded")))
    assert shop.scalar("SELECT count(*) FROM order_lines") == 2


def test_undo_restores_exactly_the_state_before(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, export(tmp_path / "a.csv", order("#1", 1), order("#2", 2)))
    before = snapshot(shop)
    [second] = import_ok(shop, export(tmp_path / "b.csv", order("#2", 2, status="refunded", refunded="30.00"),
                                      order("#3", 3)), shop_name="Shopify")
    assert snapshot(shop) != before
    undo_import(shop, second.batch_id)
    assert snapshot(shop) == before
    info = {b.batch_id: b for b in list_imports(shop)}[second.batch_id]
    assert info.undone_at is not None and info.rows_added == 2 and info.rows_updated == 1


def test_undo_of_the_first_import_removes_the_shop_it_created(shop: Database, tmp_path: Path) -> None:
    empty = snapshot(shop)
    [first] = import_ok(shop, export(tmp_path / "a.csv", order("#1", 1)), shop_name="Maple")
    assert shop.fetchall("SELECT shop_id FROM shops") == [("shopify:Maple",)]
    undo_import(shop, first.batch_id)
    assert snapshot(shop) == empty
    # and importing it again works (its earlier batch is undone, so it is not "already imported")
    [again] = import_ok(shop, tmp_path / "a.csv", shop_name="Maple")
    assert not again.already_imported and again.rows_added == 2


def test_history_records_file_hash_platform_kind_and_counts(shop: Database, tmp_path: Path) -> None:
    path = export(tmp_path / "orders_export.csv", order("#1", 1))
    [outcome] = import_ok(shop, path)
    [info] = list_imports(shop)
    assert (info.batch_id, info.file_name, info.platform, info.kind, info.shop_id) == (
        outcome.batch_id, "orders_export.csv", "shopify", "orders", "shopify:Shopify")
    assert (info.rows_read, info.rows_added, info.rows_updated, info.rows_rejected) == (2, 2, 0, 0)
    import hashlib

    assert info.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()


BROKEN = [
    ("empty.csv", b"", "refused — the file is empty"),
    ("binary.csv", bytes(range(256)) * 8, "refused — "),
    ("notes.csv", b"just,some,words\nand,more,words\n", "refused — unknown export format: map its columns in the "
                                                          "Shopkeeper window (File > Import\u2026) or pass --mapping NAME"),
    ("only_header.csv", (",".join(SHOPIFY_ORDERS) + "\n").encode(), "refused — the file has a header but no rows"),
    ("unclosed.csv", (",".join(SHOPIFY_ORDERS) + "\n#1,\"never closed,x\n#2,y\n").encode(), "refused — "),
]


@pytest.mark.parametrize(("name", "content", "message"), BROKEN)
def test_a_file_that_cannot_be_read_is_refused_whole_and_the_shop_is_unchanged(
    shop: Database, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    import_ok(shop, export(tmp_path / "good.csv", order("#1", 1)))
    before = snapshot(shop)
    batches = list_imports(shop)
    path = tmp_path / name
    path.write_bytes(content)
    [outcome] = run_import(shop, path)
    assert not outcome.ok and outcome.batch_id is None
    assert outcome.message.startswith(f"{name}: {message}"), outcome.message
    assert "\n" not in outcome.message
    assert snapshot(shop) == before
    assert list_imports(shop) == batches


def test_a_file_whose_rows_all_fail_is_refused_with_the_first_problem(shop: Database, tmp_path: Path) -> None:
    rows = [{**r, "Created at": "soon"} for r in order("#1", 1)]
    before = snapshot(shop)
    [outcome] = run_import(shop, write_export(tmp_path / "bad.csv", SHOPIFY_ORDERS, rows))
    assert not outcome.ok
    assert outcome.message == ("bad.csv: refused — none of its 2 rows could be read "
                               "(first problem: row 1, Created at: not a date and time)")
    assert snapshot(shop) == before
    assert shop.scalar("SELECT count(*) FROM import_rejects") == 0  # rolled back with the batch


def test_one_refused_file_does_not_stop_the_others(shop: Database, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    outcomes = run_import(shop, bad, export(tmp_path / "good.csv", order("#1", 1)))
    assert [o.ok for o in outcomes] == [False, True]


def test_rejects_report_and_csv_are_injection_safe(shop: Database, tmp_path: Path) -> None:
    rows = order("#1", 1) + order("#2", 2)
    rows[2] = {**rows[2], "Total": "=HYPERLINK(\"http://x\")"}
    [outcome] = import_ok(shop, export_rows(tmp_path / "orders.csv", rows))
    assert outcome.rows_rejected == 2 and outcome.rows_added == 2
    report = rejects(shop, outcome.batch_id)
    assert report == [(3, "Total", '=HYPERLINK("http://x")', "not an amount"),
                      (4, None, None, "another row of this order could not be read (row 3)")]
    target = tmp_path / "report.csv"
    write_rejects_csv(shop, outcome.batch_id, target)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        written = list(csv.reader(fh))
    assert written[0] == ["row", "column", "value", "reason", "code"]  # the reason's code for support, added last
    assert written[1] == ["3", "Total", "'=HYPERLINK(\"http://x\")", "not an amount", "reject.not_an_amount"]


def export_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    return write_export(path, SHOPIFY_ORDERS, rows)


@pytest.mark.parametrize(("cell", "safe"), [("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "-1"), ("-1+2", "'-1+2"),
                                            ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"),
                                            ("\tx", "'\tx"), ("\rx", "'\rx"), ("\nx", "'\nx"), ("plain", "plain"),
                                            (None, "")])
def test_csv_safe(cell: str | None, safe: str) -> None:
    assert csv_safe(cell) == safe


def test_cancel_between_steps_rolls_back(shop: Database, tmp_path: Path) -> None:
    import_ok(shop, export(tmp_path / "a.csv", order("#1", 1)))
    before = snapshot(shop)
    batches = list_imports(shop)
    path = export(tmp_path / "b.csv", order("#2", 2), order("#3", 3))
    seen: list[Message] = []

    def progress(message: Message, fraction: float) -> None:
        seen.append(message)

    def cancel() -> bool:
        return Message("progress.saving_order_lines") in seen  # stop after the orders were written

    with pytest.raises(ImportCancelled):
        run_import(shop, path, progress=progress, cancel=cancel)
    assert snapshot(shop) == before
    assert list_imports(shop) == batches
    assert shop.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '\\_sk\\_%' ESCAPE '\\'") == 0


def test_progress_goes_from_zero_to_one(shop: Database, tmp_path: Path) -> None:
    reports: list[tuple[Message, float]] = []
    run_import(shop, export(tmp_path / "a.csv", order("#1", 1)), export(tmp_path / "b.csv", order("#2", 2)),
               progress=lambda m, f: reports.append((m, f)))
    fractions = [f for _, f in reports]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    assert Message("progress.reading", {"name": "a.csv"}) in [m for m, _ in reports]


def test_zip_members_are_imported_as_their_own_batches(shop: Database, tmp_path: Path) -> None:
    a = export(tmp_path / "a.csv", order("#1", 1))
    b = export(tmp_path / "b.csv", order("#2", 2))
    archive = tmp_path / "exports.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(a, "jan/orders_export.csv")
        zf.write(b, "feb/orders_export.csv")
    outcomes = import_ok(shop, archive)
    assert sorted(o.member or "" for o in outcomes) == ["feb/orders_export.csv", "jan/orders_export.csv"]
    assert all(o.message.startswith("exports.zip › ") for o in outcomes)
    assert [o.already_imported for o in import_ok(shop, archive)] == [True, True]


def test_unknown_shape_uses_a_saved_mapping_by_signature_or_name(shop: Database, tmp_path: Path) -> None:
    header = ["Order No", "Placed", "Item", "Qty", "Unit", "Grand total", "State", "Txn"]
    path = tmp_path / "custom.csv"
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows([header, ["E-1", "2025-01-02 10:00:00", "Cup", "2", "3.00", "6.00", "paid", "T1"]])
    [refused] = run_import(shop, path)
    assert not refused.ok and "unknown export format" in refused.message
    mapping = {"order_id": "Order No", "sale_date": "Placed", "item_name": "Item", "quantity": "Qty",
               "price": "Unit", "transaction_id": "Txn"}
    shop.execute("INSERT INTO saved_mappings VALUES (?, ?, ?, ?, ?, now())",
                 [header_signature(header), "my shop", "etsy", "order_lines", json.dumps(mapping)])
    [mapped] = import_ok(shop, path)
    assert (mapped.platform, mapped.kind, mapped.rows_added) == ("etsy", "order_lines", 1)
    [named] = run_import(shop, write_export(tmp_path / "x.csv", ["a"], [["1"]]), mapping_name="nope")
    assert named.message == "x.csv: refused — there is no saved column mapping named \"nope\""


def test_header_signature_ignores_order_case_and_spacing() -> None:
    assert header_signature(["Name", "Total "]) == header_signature(["total", " NAME"])
    assert header_signature(["Name", "Total"]) != header_signature(["Name", "Totals"])


@pytest.mark.parametrize("from_step", ["Opening", "Saving"])
def test_interrupting_the_running_statement_cancels_and_rolls_back(
    shop: Database, tmp_path: Path, from_step: str
) -> None:
    import threading

    import_ok(shop, export(tmp_path / "a.csv", order("#1", 1)))
    before = snapshot(shop)
    batches = list_imports(shop)
    big = export(tmp_path / "big.csv", *(order(f"#{n}", 1 + n % 12, lines=3) for n in range(2, 20_000)))
    go, done, cancelled = threading.Event(), threading.Event(), threading.Event()

    def progress(message: Message, fraction: float) -> None:
        if english(message).startswith(from_step):
            go.set()
            assert cancelled.wait(10)  # the button is pressed before the import goes on

    def keep_interrupting() -> None:
        go.wait()
        # The window's Cancel button: raise the flag, then interrupt whatever statement runs now
        # (here again and again, so the interrupt also lands in the rollback and the clean-up).
        cancelled.set()
        while not done.is_set():
            shop.interrupt()
            done.wait(0.002)

    thread = threading.Thread(target=keep_interrupting)
    thread.start()
    try:
        with pytest.raises(ImportCancelled):
            run_import(shop, big, progress=progress, cancel=cancelled.is_set)
    finally:
        go.set()
        done.set()
        thread.join()
    assert snapshot(shop) == before
    assert list_imports(shop) == batches
