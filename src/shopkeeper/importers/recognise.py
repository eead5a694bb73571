"""Which export is this? Decided by the header names only.

File names lie (sellers rename downloads) and column positions drift between
export versions, so recognition looks at the set of header names: each is
normalised (NFKC, trim, case-fold, dashes unified, runs of spaces collapsed)
and looked up in every registered spec's alias table.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from shopkeeper.db.database import Database
from shopkeeper.domain.messages import Message
from shopkeeper.importers.format_registry import registered, spec_for
from shopkeeper.importers.formats import FormatSpec
from shopkeeper.importers.reading import normalise_header

_SPACES = re.compile(r"\s+")
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")


def header_key(name: str) -> str:
    """The form headers and aliases are compared in."""
    # recognising one table keys ~2,000 aliases: remembered, they cost nothing from the second table on
    return _cached_key(name) if name and len(name) <= 200 else _key(name)


@functools.lru_cache(maxsize=8192)
def _cached_key(name: str) -> str:
    return _key(name)


def _key(name: str) -> str:
    return _SPACES.sub(" ", _DASHES.sub("-", normalise_header(name or ""))).strip()


def header_signature(headers: Sequence[str]) -> str:
    """sha1 of the sorted normalised header names: how a saved mapping finds files of its shape."""
    keys = sorted(header_key(h) for h in headers if header_key(h))
    return hashlib.sha1("\x1f".join(keys).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Recognised:
    """A spec and, for each of its fields present in the file, the column that holds it."""

    spec: FormatSpec
    columns: dict[str, int]
    headers: tuple[str, ...]
    mapping_name: str | None = None

    def header(self, field_name: str) -> str:
        return self.headers[self.columns[field_name]]


def match_spec(spec: FormatSpec, headers: Sequence[str]) -> dict[str, int]:
    """field -> column index; an alias earlier in a field's list is preferred."""
    positions: dict[str, int] = {}
    for index, name in enumerate(headers):
        positions.setdefault(header_key(name), index)
    columns: dict[str, int] = {}
    for f in spec.fields:
        for alias in f.aliases:
            found = positions.get(header_key(alias))
            if found is not None:
                columns[f.name] = found
                break
    return columns


# The last answers of `recognise`, by headers and the specs then registered (by id: a spec holds a dict; each
# answer keeps its specs, so no id is reused while it is kept): a zip of 300 small exports has a handful of
# header rows, each matched against every spec's aliases once.
_ANSWERS: dict[tuple[tuple[str, ...], tuple[int, ...]], tuple[tuple[FormatSpec, ...], Recognised | None]] = {}
_ANSWERS_KEPT = 64


def recognise(headers: Sequence[str]) -> Recognised | None:
    specs = registered()
    key = (tuple(headers), tuple(map(id, specs)))
    if key not in _ANSWERS:
        if len(_ANSWERS) >= _ANSWERS_KEPT:
            _ANSWERS.clear()
        _ANSWERS[key] = (specs, _recognise(specs, key[0]))
    return _ANSWERS[key][1]


def _recognise(specs: Sequence[FormatSpec], headers: tuple[str, ...]) -> Recognised | None:
    best: tuple[tuple[int, int], Recognised] | None = None
    for spec in specs:
        columns = match_spec(spec, headers)
        if not spec.required <= columns.keys():
            continue
        score = (len(columns), len(spec.required))
        if best is None or score > best[0]:
            best = (score, Recognised(spec, columns, tuple(headers)))
    return None if best is None else best[1]


class MappingProblem(Exception):
    """A saved mapping exists but cannot be applied; `reason` says why, as a code."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason


def saved_mapping(db: Database, headers: Sequence[str], name: str | None) -> Recognised | None:
    """A mapping the seller saved in the window: by name when given, else by header signature.

    `mapping_json` is a JSON object {canonical field: header as written}; the
    mapping reuses the registered spec of its (platform, kind).
    """
    if name:
        row = db.fetchone("SELECT name, platform, kind, mapping_json FROM saved_mappings WHERE name = ?", [name])
        if row is None:
            raise MappingProblem(Message("import.refused.no_such_mapping", {"name": name}))
    else:
        row = db.fetchone(
            "SELECT name, platform, kind, mapping_json FROM saved_mappings WHERE signature = ?",
            [header_signature(headers)],
        )
        if row is None:
            return None
    mapping_name, platform, kind, mapping_json = row
    # Imported here: the mapped formats write through canonical.py, which needs this module.
    from shopkeeper.importers.mapped_formats import mapped_spec

    spec = mapped_spec(kind, platform) or spec_for(platform, kind)
    if spec is None:
        raise MappingProblem(Message("import.refused.mapping_not_importable",
                                     {"name": mapping_name, "platform": platform, "kind": kind}))
    try:
        wanted = json.loads(mapping_json)
    except ValueError as exc:
        raise MappingProblem(Message("import.refused.mapping_damaged", {"name": mapping_name})) from exc
    if not isinstance(wanted, dict):
        raise MappingProblem(Message("import.refused.mapping_damaged", {"name": mapping_name}))
    positions = {header_key(h): i for i, h in reversed(list(enumerate(headers)))}
    known = {f.name for f in spec.fields}
    columns = {
        str(fname): positions[header_key(str(header))]
        for fname, header in wanted.items()
        if fname in known and header_key(str(header)) in positions
    }
    missing = sorted(spec.required - columns.keys())
    if missing:
        raise MappingProblem(Message("import.refused.mapping_lacks_columns",
                                     {"name": mapping_name, "fields": ", ".join(missing)}))
    return Recognised(spec, columns, tuple(headers), mapping_name=mapping_name)
