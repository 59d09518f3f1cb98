"""A JSON cache of the projected network, keyed by the content and the paths of its input files.

Parsing Turtle costs far more than reading JSON, so the network built from a set of files is
stored once per distinct set of files (their paths and bytes, and mlgraph's version) in the
user's cache folder, in the compact layout of :mod:`mlgraph.storage.network_codec`. JSON, not
pickle: a cache file can never run code, and a damaged one is simply rebuilt. Only the
:data:`KEEP` most recently used networks are kept.

>>> digest_files([]) == digest_files([])
True
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from mlgraph import __version__
from mlgraph.storage.atomic import replace_file

if TYPE_CHECKING:
    import networkx as nx

#: Bump when the projection changes shape, so old cache files are ignored.
CACHE_FORMAT = 3

#: How many cached networks to keep; the least recently used beyond that are deleted.
KEEP = 8


def cache_dir() -> Path:
    """Return the cache folder: ``$MLGRAPH_CACHE_DIR`` or the platform's user cache folder."""
    override = os.environ.get("MLGRAPH_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlgraph", appauthor=False))


def digest_files(paths: Iterable[Path]) -> str:
    """Return a hex digest of the files' paths and bytes, in order, and of mlgraph's version.

    The path counts because messages about a file (warnings, validation) name it.
    """
    digest = hashlib.sha256(f"mlgraph {__version__} cache {CACHE_FORMAT}\n".encode())
    for path in paths:
        data = Path(path).read_bytes()
        name = str(Path(path).resolve()).encode("utf-8", "surrogateescape")
        for part in (name, data):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()


def read_network(digest: str) -> nx.MultiDiGraph | None:
    """Return the cached network for ``digest``, or None if absent or unreadable."""
    from mlgraph.storage.network_codec import decode

    path = cache_dir() / f"network-{digest}.json"
    try:
        network = decode(path.read_bytes())
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    _mark_used(path)
    return network


def write_network(digest: str, network: nx.MultiDiGraph) -> Path | None:
    """Store ``network`` under ``digest`` atomically; return the path, or None if not writable."""
    from mlgraph.storage.network_codec import encode

    target = cache_dir() / f"network-{digest}.json"
    try:
        replace_file(target, encode(network))
    except OSError:
        return None
    prune(target.parent, KEEP)
    return target


def prune(folder: Path, keep: int, pattern: str = "network-*.json") -> list[Path]:
    """Delete all but the ``keep`` most recently used entries (networks unless ``pattern`` says
    otherwise) in ``folder``; return those deleted.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for i in range(3):
    ...         _ = Path(folder, f"network-{i}.json").write_text("{}")
    ...         os.utime(Path(folder, f"network-{i}.json"), (i, i))
    ...     [p.name for p in prune(Path(folder), 1)]
    ['network-1.json', 'network-0.json']
    """
    def last_used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # deleted meanwhile by another run
            return 0.0

    entries = sorted(folder.glob(pattern), key=last_used, reverse=True)
    deleted = []
    for path in entries[keep:]:
        try:
            path.unlink()
            deleted.append(path)
        except OSError:
            pass
    return deleted


def _mark_used(path: Path) -> None:
    """Touch a cache entry so that pruning keeps the networks in use."""
    try:
        os.utime(path)
    except OSError:
        pass
