"""A recompute that visits only the members whose orders or figures moved gives what a full one gives.

The scoped recompute (services/recompute_scope.py) is an optimisation: after any
sequence of imports, undos, redos, settings changes and the seller's own ledger
entries, forgetting the scope and recomputing every member must find nothing to
change, and must report that the scoped run changed what the full run would.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))

from export_files import SHOPIFY_ORDERS, import_ok, open_fresh_shop, write_export

from shopkeeper.db.database import Database
from shopkeeper.domain.changes import Changes
from shopkeeper.services import recompute_scope
from shopkeeper.services.change_sets import redo, undo
from shopkeeper.services.recompute import RECOMPUTED_FOR, recompute


def _today(db: Database) -> date:
    """The day the shop's last recompute (an import's) was for: the computer's date when it ran, which
    is not the date this module was loaded on when the run crosses midnight."""
    day = db.scalar("SELECT value FROM shop_settings WHERE key = ?", [RECOMPUTED_FOR])
    return date.fromisoformat(day) if day else date.today()

_STATUS = ("paid", "paid", "refunded", "partially_refunded", "pending", "voided")
_EMAILS = ("ann@example.com", "bob@example.com", "cy@example.com", "dee@example.com")

_TOTALS = ("25.00", "400.00", "1200.00", "3000.00")


@st.composite
def _order(draw: st.DrawFn) -> dict:
    # Few numbers, so files overlap; an order keeps its buyer, day and total from file to file (as real
    # exports do) and only its status moves, so a file may change nothing but what an order earns.
    number = draw(st.integers(1, 8))
    return {"number": number, "email": _EMAILS[number % 3 if number < 7 else 3], "days_ago": (97 * number) % 700,
            "total": _TOTALS[number % 4], "status": draw(st.sampled_from(_STATUS))}


_step = st.one_of(
    st.tuples(st.just("import"), st.lists(_order(), min_size=1, max_size=5)),
    st.tuples(st.just("import"), st.lists(_order(), min_size=1, max_size=5)),
    st.tuples(st.just("undo"), st.none()),
    st.tuples(st.just("redo"), st.none()),
    st.tuples(st.just("rate"), st.sampled_from(("1", "2", "0.5"))),
    st.tuples(st.just("redeem"), st.sampled_from(_EMAILS)),
    st.tuples(st.just("products only"), st.none()),
)


def _row(o: dict, file_no: int) -> dict[str, str]:
    at = (datetime.now(UTC) - timedelta(days=o["days_ago"])).strftime("%Y-%m-%d %H:%M:%S +0000")
    refunded = {"refunded": o["total"], "partially_refunded": "10.00"}.get(o["status"], "0.00")
    return {"Name": f"#{1000 + o['number']}", "Email": o["email"], "Financial Status": o["status"],
            "Paid at": at, "Currency": "USD", "Subtotal": o["total"], "Total": o["total"], "Created at": at,
            "Lineitem quantity": "1", "Lineitem name": f"Tea set {file_no}", "Lineitem price": o["total"],
            "Lineitem sku": "TEA-SET", "Refunded Amount": refunded, "Id": f"{9_000_000 + o['number']}"}


def _figures(db: Database) -> tuple[list[tuple], list[tuple]]:
    return (db.fetchall("SELECT member_id, tier_code FROM members ORDER BY ALL"),
            db.fetchall("SELECT * FROM points_ledger ORDER BY ALL"))


def _assert_as_full(db: Database) -> None:
    """A recompute of every member, from scratch, finds nothing the scoped ones left undone."""
    kept = _figures(db)
    with db.transaction():
        recompute_scope.forget(db)
        assert recompute(db, _today(db)) == Changes()
    assert _figures(db) == kept
    # The ledger has no key index (migration 0008): recompute itself keeps every id once.
    assert db.scalar("SELECT count(*) - count(DISTINCT entry_id) FROM points_ledger") == 0


def _apply(db: Database, step: tuple, folder: Path, file_no: int) -> None:
    kind, arg = step
    if kind == "import":
        # Unique order numbers per file (the last row for a number wins inside one file anyway).
        rows = {o["number"]: _row(o, file_no) for o in arg}
        import_ok(db, write_export(folder / f"orders_export_{file_no}.csv", SHOPIFY_ORDERS, rows.values()))
    elif kind == "undo":
        undo(db, who="test")
    elif kind == "redo":
        redo(db, who="test", workdir=folder)
    elif kind == "rate":
        with db.transaction():
            db.execute("INSERT OR REPLACE INTO loyalty_settings (key, value) VALUES ('points_per_currency_unit', ?)", [arg])
            recompute(db, _today(db))
    elif kind == "redeem":
        with db.transaction():
            db.execute("INSERT INTO points_ledger (entry_id, member_id, occurred_at, points, reason) "
                       "SELECT nextval('points_entry_seq'), member_id, now() - INTERVAL 200 DAY, -50, 'redeem' "
                       "FROM buyers WHERE email = ? LIMIT 1", [arg])
            recompute(db, _today(db))
    else:
        # A file that touches no order, buyer or member: the scope is empty, nothing is visited.
        with db.transaction():
            db.execute("INSERT OR REPLACE INTO shop_settings VALUES ('shop_name', ?)", [f"Shop {file_no}"])
            assert recompute(db, _today(db)) == Changes()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(_step, min_size=2, max_size=7))
def test_scoped_recompute_equals_a_full_one_after_any_sequence(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory(prefix="sk-scope-") as tmp:
        folder = Path(tmp)
        db = open_fresh_shop(folder)
        try:
            for file_no, step in enumerate(steps):
                _apply(db, step, folder, file_no)
                _assert_as_full(db)
        finally:
            db.close()


def test_a_change_to_one_member_visits_that_member_only(tmp_path: Path) -> None:
    db = open_fresh_shop(tmp_path)
    try:
        first = [_row({"number": n, "email": e, "days_ago": 30 + n, "total": "400.00", "status": "paid"}, 0)
                 for n, e in enumerate(_EMAILS, start=1)]
        import_ok(db, write_export(tmp_path / "a.csv", SHOPIFY_ORDERS, first))
        db.begin()
        assert recompute_scope.plan(db, _today(db)) == 0  # the import's recompute left everyone exact
        db.execute("UPDATE orders SET status = 'refunded', refunded_amount = total WHERE order_id = '9000001'")
        assert recompute_scope.plan(db, _today(db)) == 1
        assert recompute_scope.plan(db, _today(db) + timedelta(days=1)) is None  # another day: everyone
        recompute(db, _today(db))  # notes its fingerprints, which the rollback must take back
        db.rollback()
        # The rollback took the fingerprints back with the data: still exact, nothing to visit.
        with db.transaction():
            assert recompute_scope.plan(db, _today(db)) == 0
    finally:
        db.close()
