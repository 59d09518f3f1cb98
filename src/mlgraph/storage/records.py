"""The overwrite policy for files mlgraph writes (exports, maps, plans): replace only its own.

mlgraph remembers the SHA-256 of every file it wrote in ``exports.json`` in its cache folder. An
existing file is replaced only if its bytes match a remembered digest (mlgraph wrote it and
nobody changed it since) or the caller forces it. The record is safe to share:

* It is read, changed and written back under a lock, so concurrent runs never lose each
  other's entries.
* A write first adds the new digest beside the old one, then renames the file into place, then
  drops the old digest. A run killed at any point leaves a file whose digest is remembered, so
  the next run is never refused for what a killed run did.
* A damaged record (not JSON, valid JSON of the wrong shape, a FIFO in its place) counts as
  empty: files it named need ``--force`` once; nothing else is refused.

>>> import os, tempfile
>>> os.environ["MLGRAPH_CACHE_DIR"] = tempfile.mkdtemp()
>>> target = Path(tempfile.mkdtemp()) / "g.nt"
>>> _ = write_owned(target, b"one", "the export")
>>> _ = write_owned(target, b"two", "the export")   # mlgraph wrote it: replaced
>>> _ = target.write_text("edited by hand")
>>> write_owned(target, b"three", "the export")
Traceback (most recent call last):
...
mlgraph.errors.BadInput: ...g.nt: exists and was not written by mlgraph (or was changed since); use --force to replace it, or choose another file
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mlgraph.errors import BadInput
from mlgraph.storage.atomic import replace_file
from mlgraph.storage.files import check_output_path, is_regular, read_regular
from mlgraph.storage.lock import locked

#: Files bigger than this are never read back to compare digests (mlgraph wrote none so big).
_MAX_COMPARED = 2 * 1024**3


def record_file() -> Path:
    """Return where the record lives (in the cache folder)."""
    from mlgraph.storage.cache import cache_dir

    return cache_dir() / "exports.json"


def write_owned(path: Path, data: bytes, what: str, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically under the overwrite policy; raise BadInput if refused."""
    path = Path(path)
    check_replaceable(path, what, force)
    digest = hashlib.sha256(data).hexdigest()
    key = _key(path)
    _update(key, lambda known: known + [digest] if digest not in known else known)
    try:
        replace_file(path, data)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write {what} ({exc.strerror or exc}); choose another path") from None
    _update(key, lambda known: [digest])
    return path


def check_replaceable(path: Path, what: str, force: bool = False) -> None:
    """Raise BadInput if ``path`` cannot take ``what``: a special file, or (unless ``force``) a
    file mlgraph did not write."""
    check_output_path(path, what)
    if not force and is_regular(path) and not written_by_mlgraph(path):
        raise BadInput(f"{path}: exists and was not written by mlgraph (or was changed since); "
                       "use --force to replace it, or choose another file")


def written_by_mlgraph(path: Path) -> bool:
    """Return True if ``path`` is a regular file holding exactly what mlgraph last wrote there."""
    try:
        digest = hashlib.sha256(read_regular(path, "the file", limit=_MAX_COMPARED)).hexdigest()
    except BadInput:
        return False
    return digest in _read_records().get(_key(path), [])


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def _read_records() -> dict[str, list[str]]:
    """Return the record as {path: [digests]}; a missing or damaged record is empty."""
    try:
        data = json.loads(read_regular(record_file(), "the export record", limit=64 * 1024**2))
    except (BadInput, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    records = {}
    for key, value in data.items():
        digests = [value] if isinstance(value, str) else value
        if isinstance(digests, list) and all(isinstance(d, str) for d in digests):
            records[key] = digests
    return records


def _update(key: str, change) -> None:
    """Apply ``change`` to the digests of ``key`` under the lock; a record that cannot be written
    only means the next replacement needs --force."""
    target = record_file()
    try:
        with locked(target):
            records = _read_records()
            records[key] = change(records.get(key, []))
            replace_file(target, json.dumps(records, indent=1, sort_keys=True).encode())
    except OSError:
        pass
