"""Open the files users name, safely: only regular files, read once, with a size limit.

Every input mlgraph reads (``--data`` files, ``--have`` profiles, query files, cache entries,
the export record) and every output it replaces goes through here, so a FIFO never hangs a
command, ``/dev/zero`` never fills memory, a device is never replaced by a regular file, and a
name the file system cannot hold is one clear error. ``-`` (standard input or output) is the
caller's business and never reaches these functions.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "me.txt").write_text("python")
>>> read_regular(folder / "me.txt", "the profile")
b'python'
>>> read_regular(folder, "the profile")
Traceback (most recent call last):
...
mlgraph.errors.BadInput: ...: is a folder, not a file; cannot read the profile from it
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from mlgraph.errors import BadInput


def read_regular(path: Path, what: str, limit: int | None = None) -> bytes:
    """Return the bytes of the regular file at ``path``, or raise BadInput saying why not.

    The file is opened without blocking and checked with ``fstat`` on the open descriptor, so a
    file swapped for a FIFO between a check and the open cannot hang the read. ``limit`` caps
    the size in bytes.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise BadInput(_open_problem(path, exc, f"cannot read {what}")) from None
    info = os.fstat(fd)
    kind = _kind(info.st_mode)
    if kind:
        os.close(fd)
        raise BadInput(f"{path}: is {kind}, not a file; cannot read {what} from it")
    with os.fdopen(fd, "rb") as handle:
        if limit is not None and info.st_size > limit:
            raise BadInput(f"{path}: {what} is {info.st_size:,} bytes, more than the {limit:,} mlgraph reads; "
                           "split it or shorten it")
        try:
            data = handle.read() if limit is None else handle.read(limit + 1)
        except OSError as exc:
            raise BadInput(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    if limit is not None and len(data) > limit:  # the file grew while being read
        raise BadInput(f"{path}: {what} is more than the {limit:,} bytes mlgraph reads; split it or shorten it")
    return data


def check_output_path(path: Path, what: str) -> None:
    """Raise BadInput unless ``path`` can take a new regular file: absent, or a regular file now.

    >>> check_output_path(Path("/dev/null"), "the export")
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: /dev/null: is a device, not a file; cannot write the export there (use -o - for standard output)
    """
    path = Path(path)
    too_long = [part for part in path.parts if len(os.fsencode(part)) > _name_max(path)]
    if too_long:
        raise BadInput(f"{path}: the name {too_long[0][:40]}... is longer than the file system allows "
                       f"({_name_max(path)} bytes); choose a shorter name")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BadInput(_open_problem(path, exc, f"cannot write {what}")) from None
    kind = _kind(info.st_mode)
    if kind:
        hint = " (use -o - for standard output)" if kind != "a folder" else ", give a file name"
        raise BadInput(f"{path}: is {kind}, not a file; cannot write {what} there{hint}")


def is_regular(path: Path) -> bool:
    """Return True if ``path`` is a regular file (following symbolic links), without opening it.

    >>> is_regular(Path("/dev/null")), is_regular(Path(__file__))
    (False, True)
    """
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _name_max(path: Path) -> int:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _open_problem(path: Path, exc: OSError, doing: str) -> str:
    if exc.errno == errno.ENOENT:
        return f"{path}: no such file"
    if exc.errno == errno.ENAMETOOLONG:
        return f"{path}: the name is longer than the file system allows; choose a shorter name"
    if exc.errno == errno.EISDIR:
        return f"{path}: is a folder, not a file; {doing} from it"
    return f"{path}: {doing} ({exc.strerror or exc})"
