"""Write files whole or not at all: a temporary file in the same folder, then a rename.

Every file mlgraph writes (exports, maps, plans, cache entries) goes through here, so a crash or
a full disk never leaves a half-written or emptied file behind.

>>> import tempfile
>>> target = Path(tempfile.mkdtemp()) / "new" / "a.txt"
>>> write_output(target, "hello", "the note").read_text()
'hello'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mlgraph.errors import BadInput


def replace_file(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` atomically, creating folders; raise OSError on failure.

    A replaced file keeps its permissions; a new one gets the user's usual ones (the temporary
    file is private until then).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(path: Path, text: str, what: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, or raise BadInput saying what could not be written."""
    path = Path(path)
    if path.is_dir():
        raise BadInput(f"{path}: is a folder; cannot write {what} there, give a file name")
    try:
        replace_file(path, text.encode("utf-8"))
    except OSError as exc:
        raise BadInput(f"{path}: cannot write {what} ({exc.strerror or exc}); choose another path") from None
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
