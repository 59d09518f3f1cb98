"""An advisory lock between mlgraph processes that share a folder (the cache, the export record).

``fcntl.flock`` on a small lock file beside what it protects: the kernel releases it when the
holder exits, even after ``kill -9``, so a crashed process never leaves a lock behind. Where
``fcntl`` does not exist (Windows) the lock is a no-op and the callers' other guards (atomic
renames, digests checked on read, records that list every version) still hold.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with locked(folder / "exports.json"):
...     (folder / "exports.json.lock").exists()
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (through ``PATH.lock``) for the ``with`` block.

    If the lock file cannot be created (read-only folder) the block runs unlocked: whoever
    cannot lock cannot write either, and readers do not need the lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    lock_path = Path(f"{path}.lock")
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
