"""How a table of a dropped file is named to the seller: 'orders.csv', or 'exports.zip › jan/orders.csv'."""

from __future__ import annotations

from pathlib import Path


def display_name(origin: Path, member: str | None) -> str:
    return origin.name if member is None else f"{origin.name} › {member}"
