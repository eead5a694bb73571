"""Pages of rows for the big tables, sorted and filtered in SQL.

A view pulls one page (a few hundred rows) at a time and asks the database
for the count; ordering and searching happen in DuckDB, never in a Qt proxy
(which needs minutes over a million rows). Column keys are a fixed whitelist,
so nothing the seller types is ever spliced into SQL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
    # A flag column: on a row where it is true this cell is read-only (edit_cells would refuse it there).
    locked_by: str = ""
    # SQL over the output columns that sorting by this column orders by, each in the chosen direction,
    # when the value alone would misplace rows (services/membership.py: spend unknown for want of a rate).
    sort_by: tuple[str, ...] = ()


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
    # True for a costly aggregate: its rows are computed once per data generation of the connection
    # (Database.kept_result) and every count, sort, search and page reads those.
    kept: bool = False

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

    def where(self, search: str = "", active: Sequence[str] = ()) -> tuple[str, list[Any]]:
        """The WHERE clause (over the output columns) and its parameters a page with this search and filters uses."""
        return self._where(search, active)

    def _from(self, db: Database) -> tuple[str, list[Any]]:
        if self.kept:
            return db.kept_result(self.base_sql, self.params), []
        return f"({self.base_sql})", list(self.params)

    def count(self, db: Database, search: str = "", active: Sequence[str] = ()) -> int:
        where, params = self._where(search, active)
        source, base_params = self._from(db)
        return int(db.scalar(f"SELECT count(*) FROM {source} AS src{where}", [*base_params, *params]))

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
        order = self._order(sort_key, descending)
        where, params = self._where(search, active)
        cols = ", ".join(f'"{k}"' for k in self.column_keys())
        source, base_params = self._from(db)
        sql = f"SELECT {cols} FROM {source} AS src{where} ORDER BY {order} LIMIT ? OFFSET ?"
        return db.fetchall(sql, [*base_params, *params, int(limit), int(offset)])

    def position(self, db: Database, key_value: str, *, search: str = "", active: Sequence[str] = (),
                 sort_key: str | None = None, descending: bool | None = None) -> int | None:
        """The row (from 0) the row whose key is `key_value` has in this search and order; None when not in it."""
        order = self._order(sort_key, descending)
        where, params = self._where(search, active)
        key = f'"{self.column_keys()[self.key_index()]}"'
        source, base_params = self._from(db)
        found = db.scalar(f"SELECT pos FROM (SELECT CAST({key} AS VARCHAR) AS k, row_number() OVER (ORDER BY {order}) - 1"
                          f" AS pos FROM {source} AS src{where}) WHERE k = ?", [*base_params, *params, key_value])
        return None if found is None else int(found)

    def _order(self, sort_key: str | None, descending: bool | None) -> str:
        key = sort_key or self.default_sort
        if key not in self.column_keys():
            raise ValueError(f"unknown column {key!r}")
        desc = self.default_descending if descending is None else descending
        direction = "DESC" if desc else "ASC"
        column = next(c for c in self.columns if c.key == key)
        terms = ", ".join(f"{term} {direction} NULLS LAST" for term in column.sort_by or (f'"{key}"',))
        # A stable tiebreak keeps rows from jumping between pages.
        first = self.column_keys()[0]
        return f'{terms}, "{first}"'
