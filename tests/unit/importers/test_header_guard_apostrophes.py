"""Header names reduced for matching are reduced for good (found by test_reading_dialect's Hypothesis test)."""

from __future__ import annotations

from shopkeeper.importers.reading.dialect import normalise_header


def test_every_guard_apostrophe_is_dropped_at_once() -> None:
    assert normalise_header("''") == ""
    assert normalise_header("'' Lineitem  Name") == "lineitem name"
    assert normalise_header("' 'Email") == "email"
    assert normalise_header(normalise_header("''Total")) == normalise_header("''Total") == "total"
