"""Whole-shop snapshots for the change-set tests: every row of every shop table, for exact comparisons."""

from __future__ import annotations

from shopkeeper.db.database import Database

# The change sets themselves and their audit trail: undo adds to them rather than restoring them.
HISTORY = {"import_batches", "change_events", "change_log", "schema_version"}

# Set from the wall clock when a value is written, so a redo writes a new one.
WALL_CLOCK = {"stock_levels": {"updated_at"}, "stock_movements": {"movement_id", "occurred_at"}}


def snapshot(db: Database, *, ignore_wall_clock: bool = False) -> dict[str, list[str]]:
    tables = [r[0] for r in db.fetchall(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog <> 'temp' AND table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name")]
    out = {}
    for table in tables:
        if table in HISTORY:
            continue
        cols = [c for (c,) in db.fetchall(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main'"
            " ORDER BY column_index", [table])]
        base = table.removesuffix("_prior")
        if ignore_wall_clock:
            cols = [c for c in cols if c not in WALL_CLOCK.get(base, set())]
        names = ", ".join(f'"{c}"' for c in cols)
        out[table] = sorted(map(repr, db.fetchall(f'SELECT {names} FROM "{table}"')))
    return out


def seed_catalog(db: Database) -> None:
    """Two mugs with prices and costs; only the oat one has a stock row (the ash one was never counted)."""
    with db.transaction():
        db.execute("INSERT INTO products (product_id, title) VALUES ('CL-MUG', 'Rustic mug')")
        db.execute(
            "INSERT INTO variants (sku, product_id, option_text, price, cost, currency) VALUES "
            "('CL-MUG-RUS-OAT', 'CL-MUG', 'Oat', 80.00, 38.67, 'USD'), "
            "('CL-MUG-RUS-ASH', 'CL-MUG', 'Ash', 80.00, NULL, 'USD')")
        db.execute("INSERT INTO stock_levels (sku, on_hand, reorder_point, lead_time_days, updated_at) VALUES "
                   "('CL-MUG-RUS-OAT', 7, NULL, 14, TIMESTAMPTZ '2026-11-30 09:00:00+08')")
        # Counted: the level is the shop's first snapshot (as migration 0011 makes of a stored level).
        db.execute("INSERT INTO stock_snapshots (sku, counted_at, on_hand, source)"
                   " SELECT sku, updated_at, on_hand, 'import' FROM stock_levels")
