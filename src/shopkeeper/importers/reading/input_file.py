"""What a dropped path must be before anything reads it: a regular file this account may open.

Nothing else is ever opened: opening a FIFO for reading blocks until some other
program writes to it, and /dev/zero or /dev/urandom never end, so a hash or a
sniff of them would run forever.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from pathlib import Path

from shopkeeper.domain.messages import Message

from .errors import Cancel, ImportCancelled, RefusedFile, refused_file

_NOT_FILES = (
    (stat.S_ISDIR, Message("import.file.folder")),
    (stat.S_ISFIFO, Message("import.file.pipe")),
    (stat.S_ISCHR, Message("import.file.device")),
    (stat.S_ISBLK, Message("import.file.device")),
    (stat.S_ISSOCK, Message("import.file.socket")),
)
_NOT_ALLOWED = Message("import.file.not_allowed")
_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def check_input_file(path: Path) -> int:
    """The size of the regular file at `path`; RefusedFile with a plain reason for anything else."""
    try:
        mode = path.stat()
    except OSError as error:
        raise refused_file(path, _cannot_open(error)) from None
    if not stat.S_ISREG(mode.st_mode):
        what = next((text for test, text in _NOT_FILES if test(mode.st_mode)), Message("import.file.special"))
        raise refused_file(path, what)
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        raise refused_file(path, _NOT_ALLOWED) from None
    except OSError as error:
        raise refused_file(path, _cannot_open(error)) from None
    if mode.st_size == 0:
        raise refused_file(path, Message("import.file.empty"))
    return mode.st_size


def is_disk_full(error: OSError) -> bool:
    return error.errno in _DISK_FULL


def _cannot_open(error: OSError) -> Message:
    return Message("import.file.cannot_open", {"detail": str(error.strerror or error)})


def os_error_refusal(path: Path, error: OSError, workdir: Path) -> RefusedFile:
    """An OSError met while reading the file or writing its work copy, as a plain refusal."""
    if is_disk_full(error):
        return refused_file(path, Message("import.file.work_disk_full", {"folder": str(workdir)}))
    if isinstance(error, PermissionError):
        return refused_file(path, _NOT_ALLOWED)
    return refused_file(path, Message("import.file.unreadable", {"detail": str(error.strerror or error)}))


_HASH_CHUNK = 1 << 20


def file_sha256(path: Path, cancel: Cancel | None = None) -> str:
    """sha256 of the file's bytes as dropped (before any transcoding): how an import knows a file it has seen."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for n, chunk in enumerate(iter(lambda: fh.read(_HASH_CHUNK), b"")):
            if cancel is not None and n % 64 == 0 and cancel():
                raise ImportCancelled()
            digest.update(chunk)
    return digest.hexdigest()
