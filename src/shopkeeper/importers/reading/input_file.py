"""What a dropped path must be before anything reads it: a regular file this account may open.

Nothing else is ever opened: opening a FIFO for reading blocks until some other
program writes to it, and /dev/zero or /dev/urandom never end, so a hash or a
sniff of them would run forever.
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path

from .errors import RefusedFile

_NOT_FILES = (
    (stat.S_ISDIR, "a folder, not a file"),
    (stat.S_ISFIFO, "a pipe (FIFO), not a file; only saved files can be imported"),
    (stat.S_ISCHR, "a device, not a file; only saved files can be imported"),
    (stat.S_ISBLK, "a device, not a file; only saved files can be imported"),
    (stat.S_ISSOCK, "a socket, not a file; only saved files can be imported"),
)
_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def check_input_file(path: Path) -> int:
    """The size of the regular file at `path`; RefusedFile with a plain reason for anything else."""
    try:
        mode = path.stat()
    except OSError as error:
        raise RefusedFile(path, f"{path.name} could not be opened ({error.strerror}).") from None
    if not stat.S_ISREG(mode.st_mode):
        what = next((text for test, text in _NOT_FILES if test(mode.st_mode)), "a special file, not a file; only saved files can be imported")
        raise RefusedFile(path, f"{path.name} is {what}.")
    try:
        with path.open("rb"):
            pass
    except PermissionError:
        raise RefusedFile(path, f"{path.name} could not be opened: this account is not allowed to read it.") from None
    except OSError as error:
        raise RefusedFile(path, f"{path.name} could not be opened ({error.strerror}).") from None
    if mode.st_size == 0:
        raise RefusedFile(path, f"{path.name} is empty (0 bytes).")
    return mode.st_size


def is_disk_full(error: OSError) -> bool:
    return error.errno in _DISK_FULL


def os_error_refusal(path: Path, name: str, error: OSError, workdir: Path) -> RefusedFile:
    """An OSError met while reading `name` or writing its work copy, as a plain refusal."""
    if is_disk_full(error):
        return RefusedFile(
            path,
            f"{name} could not be unpacked: the disk holding the work folder {workdir} is full. "
            "Nothing was imported from it; free some space and import it again.",
        )
    if isinstance(error, PermissionError):
        return RefusedFile(path, f"{name} could not be opened: this account is not allowed to read it.")
    return RefusedFile(path, f"{name} could not be read ({error.strerror or error}).")
