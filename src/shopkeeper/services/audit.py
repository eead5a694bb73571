"""The audit trail of the seller's own acts: one query over what the shop already records.

Each field a change set changed (change_log: prices, costs, stock counts,
links, merges, points, tier rules, campaigns, ...) with when it was done and
whether it is still applied or was undone (import_batches, change_events), and
each privacy act (privacy_log: reveals of personal data, purges, erasures, the
retention setting). Imports are in the import history, not here: they are
files, not edits. Paged and filtered in SQL (db/table_source.py), newest first.

state: 'applied' or 'undone' for a change set; 'recorded' for a privacy act,
which no undo reverses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from shopkeeper.db.change_stack import NOT_IMPORTS, label_of
from shopkeeper.db.database import Database
from shopkeeper.db.table_source import Column, TableSource
from shopkeeper.domain.message_texts import english

PRIVACY = "privacy"
KINDS = (*NOT_IMPORTS, PRIVACY)

_KINDS_SQL = ", ".join(f"'{k}'" for k in NOT_IMPORTS)
AUDIT_SQL = f"""
SELECT b.imported_at AS happened_at, b.kind AS kind, l.entity || ' ' || l.key AS what, l.field AS field,
       l.old_value AS old_value, l.new_value AS new_value,
       CASE WHEN b.undone_at IS NULL THEN 'applied' ELSE 'undone' END AS state,
       b.who AS who, b.batch_id AS change_set, l.position AS position
FROM import_batches b JOIN change_log l ON l.change_set_id = b.batch_id
WHERE b.kind IN ({_KINDS_SQL})
UNION ALL
SELECT p.revealed_at, '{PRIVACY}', p.what || coalesce(' ' || p.member_id, ''), p.place,
       NULL, CAST(coalesce(p.people, p.days) AS VARCHAR), 'recorded', p.who, NULL, NULL
FROM privacy_log p
"""

AUDIT_COLUMNS = (
    Column("happened_at", "datetime"),
    Column("kind", "text", searchable=True),
    Column("what", "text", searchable=True),
    Column("field", "text", searchable=True),
    Column("old_value", "text", searchable=True),
    Column("new_value", "text", searchable=True),
    Column("state", "status"),
    Column("who", "text"),
    Column("change_set", "int"),
    Column("position", "int"),
)


@dataclass(frozen=True)
class AuditFilter:
    kind: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive


def audit_source(flt: AuditFilter = AuditFilter()) -> TableSource:
    """The trail as a pageable table, narrowed to one kind and a date range (bound, never spliced)."""
    clauses = ["TRUE"]
    params: list[Any] = []
    if flt.kind:
        clauses.append("kind = ?")
        params.append(flt.kind)
    if flt.since:
        clauses.append("happened_at >= CAST(? AS DATE)")
        params.append(flt.since)
    if flt.until:
        clauses.append("happened_at < CAST(? AS DATE) + INTERVAL 1 DAY")
        params.append(flt.until)
    sql = f"SELECT * FROM ({AUDIT_SQL}) WHERE {' AND '.join(clauses)}"
    return TableSource(sql, AUDIT_COLUMNS, default_sort="happened_at", default_descending=True,
                       params=tuple(params), key_column="change_set")


def audit_rows(db: Database, flt: AuditFilter = AuditFilter()) -> list[dict[str, Any]]:
    """Every entry, newest first, for `shopkeeper report audit --json` (keys are a contract)."""
    source = audit_source(flt)
    rows = db.fetchall(f"SELECT * FROM ({source.base_sql}) ORDER BY happened_at DESC, change_set DESC NULLS LAST,"
                       f" position", list(source.params))
    labels = {int(r[0]): english(label_of(r[1], r[2])) for r in db.fetchall(
        f"SELECT batch_id, label_code, label_params FROM import_batches WHERE kind IN ({_KINDS_SQL})")}
    return [{"when": r[0].isoformat(), "kind": r[1], "what": r[2], "field": r[3], "old": r[4], "new": r[5],
             "state": r[6], "who": r[7], "change_set": r[8],
             # Added: the change set's own name, as Edit › Undo shows it (None for a privacy act).
             "label": None if r[8] is None else labels.get(int(r[8]))} for r in rows]
