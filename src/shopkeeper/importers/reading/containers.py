"""Recognise what a dropped file holds from its first bytes, and unpack archives and workbooks.

The file name's extension is never trusted: sellers rename files, platforms send
"CSV" downloads that are really zips, and a `.csv` can be a PDF saved by mistake.
Everything unpacked goes into the caller's work directory, under names we choose.
"""

from __future__ import annotations

import gzip
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol

from shopkeeper.domain.messages import Message

from .errors import Cancel, NotText, raise_if_cancelled, size_text
from .excel import workbook_to_csvs
from .input_file import is_disk_full
from .workbook_bounds import check_workbook

MAX_UNPACKED_BYTES = 2 << 30
# Each table is its own import with its own line in the outcome: 1,000 is years of monthly
# exports from several shops, while 10,000 files in one zip are no seller's exports (and
# would print 10,000 lines); past it the archive is refused at once, before unpacking.
MAX_ARCHIVE_MEMBERS = 1_000
# Exports compress 5-10 times (Shopify's mostly empty columns up to ~50); a member far
# beyond that is a zip bomb. Small members cannot hurt, whatever their ratio.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM_BYTES = 64 << 20
MAX_NESTING = 2
HEAD_BYTES = 8 << 10
_COPY_BYTES = 1 << 20

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
GZIP_MAGIC = b"\x1f\x8b"
_NOT_TABLES: tuple[tuple[bytes, Message], ...] = (
    (b"%PDF-", Message("import.file.pdf")),
    (b"\x89PNG\r\n\x1a\n", Message("import.file.image", {"format": "PNG"})),
    (b"\xff\xd8\xff", Message("import.file.image", {"format": "JPEG"})),
    (b"GIF87a", Message("import.file.image", {"format": "GIF"})),
    (b"GIF89a", Message("import.file.image", {"format": "GIF"})),
    (b"II*\x00", Message("import.file.image", {"format": "TIFF"})),
    (b"MM\x00*", Message("import.file.image", {"format": "TIFF"})),
    (b"RIFF", Message("import.file.media")),
    (b"7z\xbc\xaf\x27\x1c", Message("import.file.7z")),
    (b"Rar!\x1a\x07", Message("import.file.rar")),
    (b"\x7fELF", Message("import.file.program")),
    (b"{\\rtf", Message("import.file.rtf")),
    (b"SQLite format 3\x00", Message("import.file.database")),
)
_MARKUP_STARTS = (b"<!doctype html", b"<html", b"<?xml")
_OPENDOCUMENT_SHEET = b"application/vnd.oasis.opendocument.spreadsheet"


class _Readable(Protocol):
    """A zip member or a gzip stream: all the copy needs of either."""

    def read(self, size: int, /) -> bytes: ...


@dataclass(frozen=True)
class Unpacked:
    """A UTF-8-or-unknown text table candidate, ready for the text pipeline."""

    path: Path
    member: str | None  # "reports/orders.csv", "Sheet1", "orders.xlsx › Sheet1"; None for the dropped file
    encoding: str | None  # 'xlsx'/'xlsb'/'xls'/'ods' for sheets we wrote ourselves, else None (detect)


@dataclass
class _Budget:
    remaining: int
    members: int  # files still allowed, over all archives, nested ones included
    skipped: list[Message] = field(default_factory=list)


def unpack(path: Path, workdir: Path, cancel: Cancel = None) -> list[Unpacked]:
    """The text tables inside `path`: itself, its zip members, or its worksheets."""
    return _unpack(path, None, workdir, cancel, _Budget(MAX_UNPACKED_BYTES, MAX_ARCHIVE_MEMBERS), depth=0)


def _unpack(
    path: Path, member: str | None, workdir: Path, cancel: Cancel, budget: _Budget, *, depth: int
) -> list[Unpacked]:
    with path.open("rb") as source:
        head = source.read(HEAD_BYTES)
    if head.startswith(ZIP_MAGIC):
        return _unpack_zip(path, member, workdir, cancel, budget, depth=depth)
    if head.startswith(OLE2_MAGIC):
        return _sheets(path, member, "xls", workdir, cancel)
    if head.startswith(GZIP_MAGIC):
        if depth >= MAX_NESTING:
            raise NotText(Message("import.file.compressed_nested_too_deep"))
        target = Path(tempfile.mkdtemp(prefix="gz-", dir=workdir)) / "unpacked.csv"
        with path.open("rb") as raw, gzip.GzipFile(fileobj=raw, mode="rb") as packed:
            # gzip states no size up front: the ratio is watched on the bytes read and written
            _copy_capped(packed, target, budget, cancel, packed_bytes=raw.tell)
        return _unpack(target, member, workdir, cancel, budget, depth=depth + 1)
    for magic, what in _NOT_TABLES:
        if head.startswith(magic):
            raise NotText(what)
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:16].lower()
    if start.startswith(_MARKUP_STARTS):
        # some platforms send an HTML table or an Excel 2003 XML file under an .xls name
        raise NotText(Message("import.file.web_page"))
    return [Unpacked(path, member, None)]


def _unpack_zip(
    path: Path, member: str | None, workdir: Path, cancel: Cancel, budget: _Budget, *, depth: int
) -> list[Unpacked]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise NotText(Message("import.file.damaged_zip", {"detail": str(error)})) from None
    with archive:
        names = archive.namelist()
        if "[Content_Types].xml" in names:
            kind = _office_kind(names)
            if kind is None:
                raise NotText(Message("import.file.office_document"))
            return _sheets(path, member, kind, workdir, cancel)
        if "mimetype" in names and archive.read("mimetype").strip() == _OPENDOCUMENT_SHEET:
            return _sheets(path, member, "ods", workdir, cancel)
        if depth >= MAX_NESTING:
            raise NotText(Message("import.file.nested_too_deep"))
        return _unpack_members(archive, member, workdir, cancel, budget, depth=depth)


def _office_kind(names: list[str]) -> str | None:
    if "xl/workbook.bin" in names:
        return "xlsb"
    return "xlsx" if any(name.startswith("xl/") for name in names) else None


def _unpack_members(
    archive: zipfile.ZipFile,
    member: str | None,
    workdir: Path,
    cancel: Cancel,
    budget: _Budget,
    *,
    depth: int,
) -> list[Unpacked]:
    infos = [info for info in archive.infolist() if not _ignorable(info)]
    budget.members -= len(infos)
    if budget.members < 0:
        raise NotText(Message("import.file.too_many_members", {"count": len(infos), "limit": MAX_ARCHIVE_MEMBERS}))
    for info in infos:
        if not _safe_member_name(info.filename):
            raise NotText(Message("import.file.unsafe_member", {"member": info.filename}))
        if info.file_size >= RATIO_CHECKED_FROM_BYTES and info.file_size > info.compress_size * MAX_COMPRESSION_RATIO:
            raise NotText(Message("import.file.zip_bomb_member", {
                "member": info.filename, "packed": size_text(info.compress_size),
                "unpacked": size_text(info.file_size)}))
    if sum(info.file_size for info in infos) > budget.remaining:
        raise NotText(_too_big())
    target_dir = Path(tempfile.mkdtemp(prefix="zip-", dir=workdir))
    found: list[Unpacked] = []
    for number, info in enumerate(infos, start=1):
        raise_if_cancelled(cancel)
        name = info.filename if member is None else f"{member} › {info.filename}"
        if info.flag_bits & 0x1:
            budget.skipped.append(Message("import.file.skipped_member", {
                "member": name, "why": Message("import.file.password_protected")}))
            continue
        target = target_dir / f"{number:04d}-{_plain_name(info.filename)}"
        with archive.open(info) as packed:
            _copy_capped(packed, target, budget, cancel)
        try:
            found.extend(_unpack(target, name, workdir, cancel, budget, depth=depth + 1))
        except NotText as why:
            budget.skipped.append(Message("import.file.skipped_member", {"member": name, "why": why.what}))
            target.unlink(missing_ok=True)
    if not found:
        if not budget.skipped:
            raise NotText(Message("import.file.empty_archive"))
        raise NotText(Message("import.file.no_tables_in_archive", {"skipped": budget.skipped[:3]}))
    return found


def _too_big() -> Message:
    return Message("import.file.too_big_unpacked", {"limit": size_text(MAX_UNPACKED_BYTES)})


def _ignorable(info: zipfile.ZipInfo) -> bool:
    name = info.filename
    mode = info.external_attr >> 16
    return (
        info.is_dir()
        or stat.S_ISLNK(mode)
        or name.startswith("__MACOSX/")  # Finder's resource forks
        or PurePosixPath(name).name.startswith("._")
        or PurePosixPath(name).name in ("Thumbs.db", ".DS_Store", "desktop.ini")
    )


def _safe_member_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return not (name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":"))


def _plain_name(name: str) -> str:
    base = PurePosixPath(name.replace("\\", "/")).name
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in base)
    return cleaned[-80:] or "member"


def _copy_capped(
    source: _Readable, target: Path, budget: _Budget, cancel: Cancel, packed_bytes: Callable[[], int] | None = None
) -> None:
    # sizes in a zip header can lie, so the cap is enforced on the bytes actually written
    written = 0
    try:
        with target.open("wb") as out:
            while chunk := source.read(_COPY_BYTES):
                raise_if_cancelled(cancel)
                budget.remaining -= len(chunk)
                if budget.remaining < 0:
                    raise NotText(_too_big())
                written += len(chunk)
                if (packed_bytes is not None and written >= RATIO_CHECKED_FROM_BYTES
                        and written > packed_bytes() * MAX_COMPRESSION_RATIO):
                    raise NotText(Message("import.file.zip_bomb", {"ratio": MAX_COMPRESSION_RATIO}))
                out.write(chunk)
    except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile) as error:
        target.unlink(missing_ok=True)
        if isinstance(error, OSError) and is_disk_full(error):
            raise  # the work folder's disk, not the archive: open_tables says so
        raise NotText(Message("import.file.damaged_archive", {"detail": str(error)})) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _sheets(path: Path, member: str | None, kind: str, workdir: Path, cancel: Cancel) -> list[Unpacked]:
    check_workbook(path, kind, cancel)
    target_dir = Path(tempfile.mkdtemp(prefix=f"{kind}-", dir=workdir))
    sheets = workbook_to_csvs(path, target_dir, cancel)
    if not sheets:
        shutil.rmtree(target_dir, ignore_errors=True)
        raise NotText(Message("import.file.sheets_empty"))
    return [Unpacked(csv_path, name if member is None else f"{member} › {name}", kind) for name, csv_path in sheets]

