"""The list of shops opened lately, shared by the window and the command line.

Kept as a small JSON file (not QSettings) so the Qt-free command line can find
the shop the seller last worked on.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from shopkeeper.runtime.paths import AppPaths, choose_shop_file

MAX_RECENT = 8


class RecentShops:
    def __init__(self, file: Path) -> None:
        self._file = file

    def load(self) -> list[Path]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [Path(p) for p in data if isinstance(p, str)]

    def existing(self) -> list[Path]:
        return [p for p in self.load() if p.is_file()]

    def add(self, shop: Path) -> None:
        shop = shop.resolve()
        items = [p for p in self.load() if p != shop]
        items.insert(0, shop)
        self._write(items[:MAX_RECENT])

    def _write(self, items: list[Path]) -> None:
        # Write-then-rename: a crash mid-write must not lose the whole list.
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self._file.parent, prefix=".recent-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([str(p) for p in items], fh, ensure_ascii=False, indent=1)
            os.replace(tmp, self._file)
        except OSError:
            pass


def recent_shops_for(paths: AppPaths) -> RecentShops:
    return RecentShops(paths.config_dir / "recent-shops.json")


def shop_to_open(paths: AppPaths, cli_db: str | None) -> Path:
    """--db or $SHOPKEEPER_DB, else the shop opened last, else the default (demo) shop."""
    if cli_db or os.environ.get("SHOPKEEPER_DB"):
        return choose_shop_file(paths, cli_db)
    recent = recent_shops_for(paths).existing()
    return recent[0] if recent else paths.default_shop
