"""Write files whole or not at all: a temporary file in the same folder, then a rename.

Every file mlgraph writes (exports, maps, plans, cache entries, the export record) goes through
here, so a crash or a full disk never leaves a half-written or emptied file behind. Temporary
files are named ``.NAME.PID.RANDOM.mlgraph-tmp``: one left by a process that was killed
(``kill -9``, power loss) is recognised by its dead PID and removed by the next write into the
same folder.

>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "new" / "a.txt"
>>> write_output(target, "hello", "the note").read_text()
'hello'
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from mlgraph.errors import BadInput
from mlgraph.storage.files import check_output_path

#: The suffix of every temporary file mlgraph writes; nothing else uses it.
TEMP_SUFFIX = ".mlgraph-tmp"

_TEMP_NAME = re.compile(r"^\..*\.(\d+)\.[^.]+" + re.escape(TEMP_SUFFIX) + r"$")

#: A temporary file older than this is swept even if its PID is alive again (reused).
_STALE_AFTER = 24 * 3600


def replace_file(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` atomically, creating folders; raise OSError on failure.

    A replaced file keeps its permissions; a new one gets the user's usual ones (the temporary
    file is private until then).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_temporary_files(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:150]}.{os.getpid()}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.is_file() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sweep_temporary_files(folder: Path) -> list[Path]:
    """Remove temporary files that killed mlgraph processes left in ``folder``; return them.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".g.nt.999999999.abc.mlgraph-tmp").write_text("half")
    >>> [p.name for p in sweep_temporary_files(folder)]
    ['.g.nt.999999999.abc.mlgraph-tmp']
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match and _abandoned(entry, int(match.group(1))):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass  # gone already, or not ours to remove
    return removed


def _abandoned(entry: os.DirEntry, pid: int) -> bool:
    try:
        if time.time() - entry.stat(follow_symlinks=False).st_mtime > _STALE_AFTER:
            return True
    except OSError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return pid > 4_194_304  # no such PID can exist
    return False


def write_output(path: Path, text: str, what: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, or raise BadInput saying what could not be written."""
    path = Path(path)
    check_output_path(path, what)
    try:
        replace_file(path, text.encode("utf-8"))
    except OSError as exc:
        raise BadInput(f"{path}: cannot write {what} ({exc.strerror or exc}); choose another path") from None
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
