"""Orders, order lines and the points ledger have no PRIMARY KEY index (migration 0008): each key stays unique."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))

from export_files import (
    SHOPIFY_ORDERS,
    SHOPIFY_ORDERS_NARROW,
    import_ok,
    open_fresh_shop,
    write_export,
)

from shopkeeper.db.database import Database
from shopkeeper.db.merge import table_columns
from shopkeeper.db.migrate import bundled_migrations, migrate
from shopkeeper.services.change_sets import redo, undo

_NO_ID = [h for h in SHOPIFY_ORDERS if h != "Id"]  # orders keyed by their name until a file with ids comes


def _rows(numbers: list[int], status: str, lines: int, file_no: int) -> list[dict[str, str]]:
    rows = []
    for n in numbers:
        for line in range(lines):
            rows.append({"Name": f"#{1000 + n}", "Email": f"b{n % 3}@example.com", "Created at": "2025-03-0"
                         f"{1 + n % 9} 10:00:00 +0000", "Lineitem quantity": "1", "Lineitem name": f"Item {line}",
                         "Lineitem price": "10.00", "Lineitem sku": f"SKU-{line}", "Id": f"{7_000_000 + n}",
                         **({"Financial Status": status, "Currency": "USD", "Subtotal": f"{10 * lines}.00",
                             "Total": f"{10 * lines + file_no}.00", "Paid at": "2025-03-01 10:00:00 +0000"}
                            if line == 0 else {})})
    return rows


_file = st.tuples(
    st.lists(st.integers(1, 6), min_size=1, max_size=4),  # repeated numbers: one order twice in one file
    st.sampled_from(("paid", "pending", "refunded", "partially_refunded")),
    st.integers(1, 3),  # lines per order: a later file may list fewer
    st.sampled_from(("full", "narrow", "no ids")),
)
_step = st.one_of(st.tuples(st.just("import"), _file), st.just(("undo", None)), st.just(("redo", None)))


def _duplicate_keys(db: Database) -> list[tuple]:
    return db.fetchall(
        "SELECT 'orders', shop_id, order_id, NULL FROM orders GROUP BY shop_id, order_id HAVING count(*) > 1 "
        "UNION ALL SELECT 'order_lines', shop_id, order_id, line_no FROM order_lines "
        "GROUP BY shop_id, order_id, line_no HAVING count(*) > 1"
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(_step, min_size=1, max_size=7))
def test_no_key_is_ever_stored_twice(steps: list[tuple]) -> None:
    with tempfile.TemporaryDirectory(prefix="sk-unkeyed-") as tmp:
        folder = Path(tmp)
        db = open_fresh_shop(folder)
        try:
            for file_no, (kind, spec) in enumerate(steps):
                if kind == "import":
                    numbers, status, lines, layout = spec
                    header = {"full": SHOPIFY_ORDERS, "narrow": SHOPIFY_ORDERS_NARROW, "no ids": _NO_ID}[layout]
                    rows = [{k: v for k, v in r.items() if k in header} for r in _rows(numbers, status, lines, file_no)]
                    import_ok(db, write_export(folder / f"orders_export_{file_no}.csv", header, rows))
                elif kind == "undo":
                    undo(db, who="test")
                else:
                    redo(db, who="test", workdir=folder)
                assert _duplicate_keys(db) == []
        finally:
            db.close()


def test_the_same_file_twice_and_a_file_repeating_an_order_store_each_key_once(tmp_path: Path) -> None:
    db = open_fresh_shop(tmp_path)
    try:
        first = write_export(tmp_path / "a.csv", SHOPIFY_ORDERS, _rows([1, 2, 1], "paid", 2, 0))
        import_ok(db, first)
        again = write_export(tmp_path / "b.csv", SHOPIFY_ORDERS, _rows([2, 3, 3], "refunded", 3, 1))
        import_ok(db, again)
        assert _duplicate_keys(db) == []
        assert db.fetchall("SELECT order_id, status FROM orders ORDER BY 1") == [
            ("7000001", "paid"), ("7000002", "refunded"), ("7000003", "refunded")]
        lines = db.fetchall("SELECT * FROM order_lines ORDER BY ALL")
        # The same rows again under another name (another hash): updated in place, nothing added.
        import_ok(db, write_export(tmp_path / "c.csv", SHOPIFY_ORDERS, _rows([2, 3, 3], "refunded", 3, 1)))
        assert db.fetchall("SELECT * FROM order_lines ORDER BY ALL") == lines
        assert _duplicate_keys(db) == []
    finally:
        db.close()


def test_migration_keeps_every_order_line_and_entry_and_drops_the_indexes(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "shop.duckdb")
    try:
        migrations = bundled_migrations()
        migrate(db, tmp_path / "backups", [m for m in migrations if m.version < 5])
        db.execute("INSERT INTO orders (shop_id, order_id, ordered_at, ordered_tz, status, currency, total, batch_id) "
                   "VALUES ('s', '1', '2025-01-01 00:00:00+00', '+00:00', 'paid', 'USD', 12.50, 3)")
        db.execute("INSERT INTO order_lines (shop_id, order_id, line_no, title, quantity, unit_price, line_total, "
                   "currency) VALUES ('s', '1', 1, 'Tea', 1, 12.50, 12.50, 'USD')")
        db.execute("INSERT INTO points_ledger (entry_id, member_id, occurred_at, points, reason) "
                   "VALUES (nextval('points_entry_seq'), 'm1', '2025-01-02 00:00:00+00', -5, 'redeem')")
        tables = ("orders", "order_lines", "points_ledger")
        # Later migrations may add columns (0018: orders.refund_reason); the columns there before keep their values.
        columns = {t: ", ".join(f'"{c}"' for c in table_columns(db, t)) for t in tables}
        before = [db.fetchall(f"SELECT {columns[t]} FROM {t}") for t in tables]
        migrate(db, tmp_path / "backups")
        assert [db.fetchall(f"SELECT {columns[t]} FROM {t}") for t in tables] == before
        assert db.scalar("SELECT count(*) FROM duckdb_constraints() WHERE table_name IN ('orders', 'order_lines', "
                         "'points_ledger') "
                         "AND constraint_type = 'PRIMARY KEY'") == 0
        # Defaults survive the rebuild: a line without a refunded quantity has none.
        assert db.scalar("SELECT refunded_quantity FROM order_lines") == 0
    finally:
        db.close()
