"""Pages of rows for the big tables, sorted and filtered in SQL.

A view pulls one page (a few hundred rows) at a time and asks the database
for the count; ordering and searching happen in DuckDB, never in a Qt proxy
(which needs minutes over a million rows). Column keys are a fixed whitelist,
so nothing the seller types is ever spliced into SQL.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from shopkeeper.db.database import Database


@dataclass(frozen=True)
class Column:
    key: str
    kind: str = "text"  # text | int | decimal | money | pct | date | datetime | status | flag
    searchable: bool = False
    # (entity, field) that services.edits.edit_cells accepts for this column; None: read-only
    edit: tuple[str, str] | None = None


@dataclass(frozen=True)
class TableSource:
    """A SELECT whose output columns are `columns`, pageable with filters.

    `filters` maps a filter name to a SQL condition over the output columns;
    the UI switches them on by name ("low stock only").
    """

    base_sql: str
    columns: tuple[Column, ...]
    default_sort: str
    default_descending: bool = False
    filters: Mapping[str, str] = field(default_factory=dict)
    params: tuple[Any, ...] = ()
    key_column: str = ""  # the row's identity (sku, member id); the first column when empty
    # Run before each count and page: a source whose figures are costly keeps them in a TEMP table that
    # `prepare` builds again only when the shop changed (services/inventory.py).
    prepare: Callable[[Database], None] | None = None

    def column_keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def key_index(self) -> int:
        return self.column_keys().index(self.key_column) if self.key_column else 0

    def _where(self, search: str, active: Sequence[str]) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        text = search.strip()
        if text:
            searchable = [c.key for c in self.columns if c.searchable]
            if searchable:
                ors = " OR ".join(f'contains(lower(coalesce(CAST("{k}" AS VARCHAR), \'\')), ?)' for k in searchable)
                clauses.append(f"({ors})")
                params.extend([text.lower()] * len(searchable))
        for name in active:
            if name not in self.filters:
                raise ValueError(f"unknown filter {name!r}")
            clauses.append(f"({self.filters[name]})")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def count(self, db: Database, search: str = "", active: Sequence[str] = ()) -> int:
        if self.prepare is not None:
            self.prepare(db)
        where, params = self._where(search, active)
        return int(db.scalar(f"SELECT count(*) FROM ({self.base_sql}) AS src{where}", [*self.params, *params]))

    def page(
        self,
        db: Database,
        *,
        search: str = "",
        active: Sequence[str] = (),
        sort_key: str | None = None,
        descending: bool | None = None,
        offset: int = 0,
        limit: int = 200,
    ) -> list[tuple[Any, ...]]:
        key = sort_key or self.default_sort
        if key not in self.column_keys():
            raise ValueError(f"unknown column {key!r}")
        if self.prepare is not None:
            self.prepare(db)
        desc = self.default_descending if descending is None else descending
        where, params = self._where(search, active)
        cols = ", ".join(f'"{k}"' for k in self.column_keys())
        # A stable tiebreak keeps rows from jumping between pages.
        first = self.column_keys()[0]
        order = f'"{key}" {"DESC" if desc else "ASC"} NULLS LAST, "{first}"'
        sql = f"SELECT {cols} FROM ({self.base_sql}) AS src{where} ORDER BY {order} LIMIT ? OFFSET ?"
        return db.fetchall(sql, [*self.params, *params, int(limit), int(offset)])
