"""One member per person (issue 10.1): matching, suggestions, merge and split as the seller relies on them.

Buyers on different platform shops join one member on a normalised e-mail or an
unmasked phone, never on a masked or cipher value; a member's name and join date
do not depend on which file came first; likely matches are suggested with their
reasons; merge, split and "not the same" are undoable and outlive later imports.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from export_files import SHOPIFY_ORDERS, import_ok, open_fresh_shop, snapshot, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import ChangeRefused
from shopkeeper.services import member_identity
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.member_identity import merge_members, not_the_same, split_member, suggestions

UTC = dt.UTC


def order(number: int, *, email: str = "", name: str = "", city: str = "", phone: str = "",
          created: str = "2025-01-10 12:00:00 -0500") -> dict[str, str]:
    return {"Name": f"#{number}", "Id": f"77{number:06d}", "Email": email, "Financial Status": "paid",
            "Paid at": created, "Currency": "CAD", "Subtotal": "20.00", "Total": "20.00", "Created at": created,
            "Billing Name": name, "Billing City": city, "Phone": phone, "Lineitem quantity": "1",
            "Lineitem name": "Mug", "Lineitem price": "20.00", "Lineitem sku": "MUG"}


def shop_file(path: Path, *orders: dict[str, str]) -> Path:
    return write_export(path, SHOPIFY_ORDERS, list(orders))


def members(db: Database) -> list[tuple[object, ...]]:
    return db.fetchall("SELECT member_id, display_name, joined_at FROM members ORDER BY member_id")


def member_of(db: Database, shop: str, buyer: str) -> str:
    return str(db.scalar("SELECT member_id FROM buyers WHERE shop_id = ? AND buyer_id = ?",
                         [f"shopify:{shop}", buyer]))


def test_name_and_join_date_do_not_depend_on_import_order(tmp_path: Path) -> None:
    east = shop_file(tmp_path / "east.csv", order(1, email="ann@example.com", name="Ann Lee",
                                                  created="2025-03-05 09:00:00 -0500"))
    west = shop_file(tmp_path / "west.csv", order(2, email=" ANN@example.com", name="Annie L.",
                                                  created="2025-01-02 12:00:00 -0500"))
    got = []
    for n, files in enumerate((((east, "East"), (west, "West")), ((west, "West"), (east, "East")))):
        db = open_fresh_shop(tmp_path / f"run{n}")
        try:
            for path, shop in files:
                import_ok(db, path, shop_name=shop)
            got.append(members(db))
        finally:
            db.close()
    assert got[0] == got[1]
    ((_, name, joined),) = got[0]  # one member: the same e-mail, whatever its case and spaces
    assert (name, joined) == ("Annie L.", dt.datetime(2025, 1, 2, 17, 0, tzinfo=UTC))


def test_masked_and_cipher_contacts_never_join_two_people(tmp_path: Path) -> None:
    db = open_fresh_shop(tmp_path)
    try:
        import_ok(db, shop_file(tmp_path / "a.csv", order(1, phone="138****0000", name="Li"),
                                order(2, email="##密文", name="Wu"), order(3, phone="555-010-9999", name="Bo")),
                  shop_name="A")
        import_ok(db, shop_file(tmp_path / "b.csv", order(4, phone="138****0000", name="Zhao"),
                                order(5, email="##密文", name="Qian"), order(6, phone="555 010 9999", name="Bob")),
                  shop_name="B")
        assert member_of(db, "A", "138****0000") != member_of(db, "B", "138****0000")
        assert member_of(db, "A", "##密文") != member_of(db, "B", "##密文")
        # A phone written out in full is the same person on both shops.
        assert member_of(db, "A", "555-010-9999") == member_of(db, "B", "555 010 9999")
        assert db.scalar("SELECT count(*) FROM members") == 5
        # A member named after a contact detail shows it masked.
        assert db.scalar("SELECT count(*) FROM members WHERE display_name LIKE '%138%0000%' "
                         "AND display_name NOT LIKE '%*%'") == 0
    finally:
        db.close()


def _suggested_shop(tmp_path: Path) -> Database:
    db = open_fresh_shop(tmp_path)
    import_ok(db, shop_file(tmp_path / "a.csv",
                            order(1, email="ann.lee@mail.com", name="Ann Lee", city="Toronto"),
                            order(2, email="bob@mail.com", name="Bob Stone", phone="416 555 9999"),
                            order(3, email="c1@mail.com", name="张*", city="北京"),
                            order(4, email="d1@mail.com", name="Dee Kay", phone="138****0000")),
              shop_name="A")
    import_ok(db, shop_file(tmp_path / "b.csv",
                            order(5, email="ann.lee@other.org", name="ann  lee", city=" toronto"),
                            order(6, email="stone@work.com", name="Bob Stone", phone="905 111 9999"),
                            order(7, email="c2@mail.com", name="张*", city="北京"),
                            order(8, email="d2@mail.com", name="Dee Kay", phone="139****0000")),
              shop_name="B")
    return db


def test_likely_matches_are_suggested_with_their_reasons(tmp_path: Path) -> None:
    db = _suggested_shop(tmp_path)
    try:
        found = {(s.a_name.lower().replace(" ", ""), s.reasons) for s in suggestions(db)}
        assert found == {("annlee", ("name_city", "name_email_user")), ("bobstone", ("name_phone_tail",))}
    finally:
        db.close()


def test_merge_is_one_undoable_change_that_later_imports_keep(tmp_path: Path) -> None:
    db = _suggested_shop(tmp_path)
    try:
        (ann,) = [s for s in suggestions(db) if "name_city" in s.reasons]
        before = snapshot(db)
        result = merge_members(db, [ann.b, ann.a], who="test")
        survivor = member_of(db, "A", "ann.lee@mail.com")
        assert member_of(db, "B", "ann.lee@other.org") == survivor
        assert db.scalar("SELECT count(*) FROM members") == 7
        assert result.message is not None and result.message.code == "change.member.merge"
        assert all("name_city" not in s.reasons for s in suggestions(db))
        # Undo gives the shop back exactly; redo merges again.
        undo(db, who="test")
        assert snapshot(db) == before
        redo(db, who="test")
        assert member_of(db, "B", "ann.lee@other.org") == member_of(db, "A", "ann.lee@mail.com")
        # A later export of the second shop, with a new order by the same account and a new account
        # with its e-mail, still lands on the merged member.
        import_ok(db, shop_file(tmp_path / "b2.csv", order(5, email="ann.lee@other.org", name="ann  lee"),
                                order(9, email="ann.lee@other.org", name="Ann Lee", created="2025-02-01 10:00:00 -0500")),
                  shop_name="B")
        import_ok(db, shop_file(tmp_path / "c.csv", order(10, email="ANN.LEE@other.org", name="A. Lee")),
                  shop_name="C")
        assert {member_of(db, "B", "ann.lee@other.org"), member_of(db, "C", "ann.lee@other.org")} == {survivor}
    finally:
        db.close()


def test_split_survives_reimport_and_undo_puts_the_member_back(tmp_path: Path) -> None:
    db = open_fresh_shop(tmp_path)
    try:
        import_ok(db, shop_file(tmp_path / "east.csv", order(1, email="kim@example.com", name="Kim")), shop_name="East")
        west = [order(2, email="kim@example.com", name="Kim Park", created="2024-12-01 12:00:00 -0500")]
        import_ok(db, shop_file(tmp_path / "west.csv", *west), shop_name="West")
        kim = member_of(db, "East", "kim@example.com")
        assert member_of(db, "West", "kim@example.com") == kim
        assert db.scalar("SELECT display_name FROM members") == "Kim Park"  # the earlier account names her
        before = snapshot(db)
        split_member(db, kim, [("shopify:West", "kim@example.com")], who="test")
        park = member_of(db, "West", "kim@example.com")
        split = snapshot(db)
        assert park != kim
        assert dict(db.fetchall("SELECT member_id, display_name FROM members")) == {kim: "Kim", park: "Kim Park"}
        # A newer export of both shops (more orders by the same accounts) keeps them apart.
        import_ok(db, shop_file(tmp_path / "west2.csv", *west, order(3, email="kim@example.com", name="Kim Park")),
                  shop_name="West")
        import_ok(db, shop_file(tmp_path / "east2.csv", order(1, email="kim@example.com", name="Kim"),
                                order(4, email="kim@example.com", name="Kim")), shop_name="East")
        assert (member_of(db, "East", "kim@example.com"), member_of(db, "West", "kim@example.com")) == (kim, park)
        assert all({s.a, s.b} != {kim, park} for s in suggestions(db))
        undo(db, who="test")
        undo(db, who="test")
        assert snapshot(db) == split
        undo(db, who="test")
        assert snapshot(db) == before
        assert member_of(db, "West", "kim@example.com") == kim
    finally:
        db.close()


def test_refusals_change_nothing(tmp_path: Path) -> None:
    db = _suggested_shop(tmp_path)
    try:
        before = snapshot(db)
        a = member_of(db, "A", "ann.lee@mail.com")
        refusals = [
            lambda: merge_members(db, [a, a], who="t"),
            lambda: merge_members(db, [a, "mem-nobody"], who="t"),
            lambda: split_member(db, a, [("shopify:A", "ann.lee@mail.com")], who="t"),
            lambda: split_member(db, a, [("shopify:B", "ann.lee@other.org")], who="t"),
        ]
        codes = []
        for attempt in refusals:
            try:
                attempt()
            except ChangeRefused as refused:
                codes.append(refused.reason.code)
        assert codes == ["edit.refused.merge_too_few", "edit.refused.unknown_member", "edit.refused.split_all",
                         "edit.refused.split_not_its_account"]
        assert snapshot(db) == before
    finally:
        db.close()


def test_not_the_same_stops_the_suggestion_until_undone(tmp_path: Path) -> None:
    db = _suggested_shop(tmp_path)
    try:
        (bob,) = [s for s in suggestions(db) if "name_phone_tail" in s.reasons]
        not_the_same(db, bob.a, bob.b, who="test")
        assert [s.reasons for s in suggestions(db)] == [("name_city", "name_email_user")]
        undo(db, who="test")
        assert len(suggestions(db)) == 2
        assert member_identity.BUYER_KEY_SEP == chr(31)
    finally:
        db.close()


def test_the_member_panel_masks_contacts_and_accounts_unless_revealed(tmp_path: Path) -> None:
    from shopkeeper.services.membership import member_detail

    db = open_fresh_shop(tmp_path)
    try:
        import_ok(db, shop_file(tmp_path / "a.csv", order(1, email="kim.park@example.com", name="Kim",
                                                          phone="+82 10 1234 5678")), shop_name="A")
        member = member_of(db, "A", "kim.park@example.com")
        masked = member_detail(db, member, dt.date(2026, 11, 26), chinese=False)
        assert masked is not None
        assert (masked.email, masked.phone) == ("k***@example.com", "821****5678")
        (account,) = masked.identities
        assert (account.account, account.email, account.buyer_id) == (
            "k***@example.com", "k***@example.com", "kim.park@example.com")  # the id stays, to split by
        shown = member_detail(db, member, dt.date(2026, 11, 26), chinese=False, reveal=True)
        assert shown is not None
        assert (shown.email, shown.phone, shown.identities[0].account) == (
            "kim.park@example.com", "+82 10 1234 5678", "kim.park@example.com")
    finally:
        db.close()
