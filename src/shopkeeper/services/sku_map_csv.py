"""The channel-link mapping as a CSV file: `platform, shop, channel SKU, master SKU`, one channel item a line.

Export writes every channel item the shop knows: its master SKU when linked,
its own SKU when it sells the catalogue SKU spelled the same way, and an empty
master when the seller keeps it unlinked. Importing that file changes nothing;
importing an edited one applies every line that differs as one change set
(services/sku_links.py), or nothing at all: a line naming a shop the shop file
does not have, or a master SKU that is not in the catalogue, refuses the whole
file with each such line named. An empty master SKU keeps the item unlinked.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from shopkeeper.db.database import Database
from shopkeeper.domain.commands import ChangeRefused, CommandResult
from shopkeeper.domain.messages import Message
from shopkeeper.domain.sku_links import MAPPING
from shopkeeper.services.after_change import Recompute, recompute_after_change
from shopkeeper.services.sku_links import LinkChange, is_catalogue_sku, set_links

HEADER = ("platform", "shop", "channel_sku", "master_sku")
# Header names a seller's spreadsheet may carry for each column (compared lower-cased, spaces as '_').
_ALIASES = {
    "platform": ("platform", "平台"),
    "shop": ("shop", "店铺", "shop_name"),
    "channel_sku": ("channel_sku", "platform_sku", "渠道sku", "平台sku", "商家编码"),
    "master_sku": ("master_sku", "sku", "主sku", "主商品编码"),
}
MAX_PROBLEMS_LISTED = 20


@dataclass(frozen=True)
class MapExport:
    path: Path
    rows: int


def export_sku_map(db: Database, path: Path) -> MapExport:
    rows = db.fetchall(
        "SELECT i.platform, coalesce(s.name, split_part(i.shop_id, ':', 2)), i.channel_sku,"
        " CASE WHEN i.state = 'unlinked' THEN '' ELSE i.sku END"
        " FROM sk_channel_items() i LEFT JOIN shops s ON s.shop_id = i.shop_id ORDER BY i.shop_id, i.channel_sku")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    try:
        # BOM: Excel opens a UTF-8 CSV of Chinese titles right only with it.
        path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    except OSError as exc:
        raise ChangeRefused(Message("export.sku_map.write", {"file": str(path), "reason": str(exc)})) from exc
    return MapExport(path, len(rows))


def import_sku_map(db: Database, path: Path, *, who: str,
                   recompute: Recompute = recompute_after_change) -> CommandResult:
    """Apply the mapping file as one change set; ChangeRefused naming every bad line, and nothing applied."""
    name = path.name
    lines = _read_lines(path)
    if not lines:
        raise ChangeRefused(Message("import.sku_map.empty", {"file": name}))
    columns = _columns(lines[0])
    missing = [c for c in HEADER if c not in columns]
    if missing:
        raise ChangeRefused(Message("import.sku_map.header", {"file": name, "columns": ", ".join(missing)}))
    shops = {(str(p).lower(), str(n).lower()): str(i) for i, p, n in db.fetchall(
        "SELECT shop_id, platform, name FROM shops")}
    changes: list[LinkChange] = []
    problems: list[Message] = []
    for line_no, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        value = {c: (cells[i].strip() if i < len(cells) else "") for c, i in columns.items()}
        if not value["channel_sku"]:
            problems.append(Message("import.sku_map.line.no_channel_sku", {"file": name, "line": line_no}))
            continue
        shop_id = shops.get((value["platform"].lower(), value["shop"].lower()))
        if shop_id is None:
            problems.append(Message("import.sku_map.line.unknown_shop", {"file": name, "line": line_no,
                                                                  "platform": value["platform"],
                                                                  "shop": value["shop"]}))
            continue
        master = value["master_sku"] or None
        if master is not None and not is_catalogue_sku(db, master):
            problems.append(Message("import.sku_map.line.unknown_master", {"file": name, "line": line_no, "sku": master}))
            continue
        changes.append(LinkChange(shop_id, value["channel_sku"], master, MAPPING))
    if problems:
        raise ChangeRefused(Message("import.sku_map.lines", {
            "file": name, "count": len(problems), "problems": problems[:MAX_PROBLEMS_LISTED]}))
    wanted = [c for c in changes if not _is_default(db, c)]
    return set_links(db, wanted, who=who, recompute=recompute,
                     label=Message("change.link.mapping", {"file": name, "count": len(wanted)}))


def _is_default(db: Database, change: LinkChange) -> bool:
    """A line saying what already holds without a link (the item sells its own SKU and has no link row)."""
    if change.master_sku != change.channel_sku:
        return False
    return not db.scalar("SELECT EXISTS (SELECT 1 FROM sku_links WHERE shop_id = ? AND channel_sku = ?)",
                         [change.shop_id, change.channel_sku])


def _read_lines(path: Path) -> list[list[str]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ChangeRefused(Message("import.sku_map.read", {"file": path.name, "reason": str(exc)})) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")  # Excel in China saves CSV as GBK
    return list(csv.reader(io.StringIO(text)))


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = cell.strip().lower().replace(" ", "_")
        for column, aliases in _ALIASES.items():
            if key in aliases and column not in found:
                found[column] = index
    return found
