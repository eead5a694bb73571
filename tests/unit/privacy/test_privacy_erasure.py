"""Erasing people's personal data: a purge of everyone stale, one member on request, the retention setting.

What a seller depends on: afterwards the erased details are nowhere in the shop file (not in the undo
copies either, so no undo brings them back), the figures are exactly what they were, a preview changes
nothing, and each erasure is on record.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shop_with_people import (  # noqa: E402, I001 - puts export_files on the path
    NEW_EMAIL,
    NEW_NAME,
    OLD_EMAIL,
    OLD_NAME,
    OLD_PHONE,
    people_shop,
    text_cells_containing,
)
from export_files import open_fresh_shop, snapshot  # noqa: E402

from shopkeeper.cli import main  # noqa: E402
from shopkeeper.db.database import Database  # noqa: E402
from shopkeeper.domain.errors import KnownError  # noqa: E402
from shopkeeper.services.change_sets import undo, undo_redo_state  # noqa: E402
from shopkeeper.services.personal_data import personal_data  # noqa: E402
from shopkeeper.services.privacy_erasure import erase_member, erase_member_preview, purge, purge_preview  # noqa: E402
from shopkeeper.services.privacy_retention import parse_period, purge_if_due, set_retention  # noqa: E402
from shopkeeper.services.stats import shop_stats  # noqa: E402

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def people(tmp_path: Path) -> Database:
    db = open_fresh_shop(tmp_path)
    people_shop(db, tmp_path)
    yield db
    db.close()


def _old_member(db: Database) -> str:
    return str(db.scalar("SELECT member_id FROM members WHERE email = ?", [OLD_EMAIL]))


def _traces_of_ann(db: Database) -> list[tuple[str, str]]:
    return [*text_cells_containing(db, OLD_EMAIL), *text_cells_containing(db, "Oldbuyer"),
            *text_cells_containing(db, "416 555")]


def test_preview_counts_the_stale_and_changes_nothing(people: Database) -> None:
    before = snapshot(people)
    preview = purge_preview(people, NOW, 365)
    assert (preview.people, preview.members, preview.done) == (1, 1, False)
    assert snapshot(people) == before
    assert people.scalar("SELECT count(*) FROM privacy_log") == 0


def test_purge_erases_the_stale_everywhere_and_keeps_every_figure(people: Database) -> None:
    stats = shop_stats(people)
    orders = people.fetchall("SELECT shop_id, order_id, total, ship_city FROM orders ORDER BY order_id")
    assert _traces_of_ann(people)  # the test can fail: her details are there before
    done = purge(people, NOW, 365, who="test", place="test")
    assert (done.people, done.done) == (1, True)
    assert _traces_of_ann(people) == []
    assert shop_stats(people) == stats
    assert people.fetchall("SELECT shop_id, order_id, total, ship_city FROM orders ORDER BY order_id") == orders
    # Her two orders still belong to one (anonymous) buyer, who still belongs to her member.
    account = people.fetchall("SELECT DISTINCT buyer_id FROM orders WHERE order_id IN ('6630001234567890123', '551003')")
    assert len(account) == 1 and account[0][0].startswith("erased-")
    assert people.scalar("SELECT member_id FROM buyers WHERE buyer_id = ?", [account[0][0]]) is not None
    # Bob ordered in October 2026: untouched.
    assert people.fetchone("SELECT name, email FROM buyers WHERE buyer_id = ?", [NEW_EMAIL]) == (NEW_NAME, NEW_EMAIL)
    log = people.fetchone("SELECT what, people, days, who FROM privacy_log")
    assert log == ("purge", 1, 365, "test")
    assert purge_preview(people, NOW, 365).people == 0  # nothing left to erase


def test_undo_after_a_purge_cannot_bring_the_details_back(people: Database) -> None:
    assert people.scalar("SELECT count(*) FROM buyers_prior WHERE email = ?", [OLD_EMAIL]) == 1
    purge(people, NOW, 365, who="test", place="test")
    undo(people, who="test")  # the second file: its prior rows (Ann's first version) come back
    assert people.scalar("SELECT count(*) FROM buyers WHERE starts_with(buyer_id, 'erased-')") == 1
    assert _traces_of_ann(people) == []


def test_a_purge_empties_the_redo_stack(people: Database) -> None:
    undo(people, who="test")  # the second file: redo would read it again, names and all
    assert undo_redo_state(people).redo is not None
    purge(people, NOW, 365, who="test", place="test")
    assert undo_redo_state(people).redo is None
    assert _traces_of_ann(people) == []


def test_erase_one_member_on_request(people: Database) -> None:
    member = _old_member(people)
    before = snapshot(people)
    preview = erase_member_preview(people, member)
    assert (preview.people, preview.buyers, preview.done) == (1, 1, False)
    assert snapshot(people) == before
    stats = shop_stats(people)
    erase_member(people, member, who="test", place="test")
    assert _traces_of_ann(people) == []
    assert shop_stats(people) == stats
    assert people.fetchone("SELECT what, member_id, people FROM privacy_log") == ("erase", member, 1)
    assert people.fetchone("SELECT display_name, email FROM members WHERE member_id = ?", [member]) == ("", None)


def test_erase_blanks_copies_in_free_text(people: Database) -> None:
    member = _old_member(people)
    people.execute("INSERT INTO import_rejects (batch_id, row_number, column_name, value, reason)"
                   " VALUES (1, 9, 'Billing Name', ?, 'x'), (1, 10, 'Note', 'call ' || ? || ' first', 'x')",
                   [OLD_NAME, OLD_PHONE])
    erase_member(people, member, who="test", place="test")
    assert people.fetchall("SELECT value FROM import_rejects WHERE row_number IN (9, 10)") == [(None,), (None,)]


def test_erase_unknown_member_is_refused(people: Database) -> None:
    with pytest.raises(KnownError) as refused:
        erase_member(people, "no-such-member", who="test", place="test")
    assert refused.value.message.code == "privacy.erase.unknown"
    assert people.scalar("SELECT count(*) FROM privacy_log") == 0


def test_retention_purges_at_open_once_a_day(people: Database) -> None:
    assert purge_if_due(people, NOW) is None  # no period set: nothing happens
    set_retention(people, 365, who="test", place="test")
    first = purge_if_due(people, NOW)
    assert first is not None and first.people == 1
    assert purge_if_due(people, NOW + timedelta(hours=1)) is None
    assert _traces_of_ann(people) == []
    assert sorted(r[0] for r in people.fetchall("SELECT what FROM privacy_log")) == ["purge", "retention"]


def test_personal_data_page_counts_what_is_held(people: Database) -> None:
    held = {h.table: h for h in personal_data(people).holdings}
    assert (held["buyers"].rows, held["members"].rows, held["buyers_prior"].rows) == (2, 2, 1)
    assert str(held["buyers"].oldest_last_order) == "2025-03-20"
    purge(people, NOW, 365, who="test", place="test")
    held = {h.table: h for h in personal_data(people).holdings}
    assert (held["buyers"].rows, held["members"].rows, held["buyers_prior"].rows) == (1, 1, 0)
    assert str(held["buyers"].oldest_last_order) == "2026-10-10"


@pytest.mark.parametrize(("text", "days"), [("365d", 365), ("12m", 360), ("2y", 730), (" 400 ", 400)])
def test_periods(text: str, days: int) -> None:
    assert parse_period(text) == days


@pytest.mark.parametrize("text", ["", "a year", "-5d", "3d", "1000y"])
def test_bad_periods_are_refused(text: str) -> None:
    with pytest.raises(KnownError):
        parse_period(text)


def test_cli_purge_previews_without_yes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_fresh_shop(tmp_path)
    people_shop(db, tmp_path)
    db.close()
    shop = str(tmp_path / "shop.duckdb")
    # Orders of 2025 are all more than 30 days old in any year this test runs in.
    assert main(["privacy", "purge", "--older-than", "30d", "--db", shop, "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert (preview["people"], preview["erased"]) == (2, False)
    assert main(["privacy", "purge", "--older-than", "30d", "--db", shop]) == 0
    assert "Nothing was changed" in capsys.readouterr().out
    assert main(["privacy", "erase", "nobody", "--yes", "--db", shop]) == 2
    assert "There is no member nobody" in capsys.readouterr().err
    assert main(["privacy", "purge", "--older-than", "30d", "--yes", "--db", shop, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["erased"] is True
    db = Database.open(Path(shop))
    try:
        assert text_cells_containing(db, OLD_EMAIL) == [] and text_cells_containing(db, NEW_EMAIL) == []
    finally:
        db.close()
    assert main(["privacy", "--json", "--db", shop]) == 0
    places = {p["table"]: p for p in json.loads(capsys.readouterr().out)["places"]}
    assert places["buyers"]["rows"] == 0 and places["privacy_log"]["rows"] == 1
