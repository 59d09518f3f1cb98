"""A JSON cache of the projected network, keyed by the content of its input files.

Parsing Turtle costs far more than reading JSON, so the network built from a set of files is
stored once per distinct content (not per path or date) in the user's cache folder. JSON, not
pickle: a cache file can never run code, and a damaged one is simply rebuilt.

>>> digest_files([]) == digest_files([])
True
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from mlgraph import __version__
from mlgraph.storage.atomic import replace_file

#: Bump when the projection changes shape, so old cache files are ignored.
CACHE_FORMAT = 2


def cache_dir() -> Path:
    """Return the cache folder: ``$MLGRAPH_CACHE_DIR`` or the platform's user cache folder."""
    override = os.environ.get("MLGRAPH_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlgraph", appauthor=False))


def digest_files(paths: Iterable[Path]) -> str:
    """Return a hex digest of the files' bytes, in order, and of mlgraph's version."""
    digest = hashlib.sha256(f"mlgraph {__version__} cache {CACHE_FORMAT}\n".encode())
    for path in paths:
        data = Path(path).read_bytes()
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def read_network(digest: str) -> nx.MultiDiGraph | None:
    """Return the cached network for ``digest``, or None if absent or unreadable."""
    path = cache_dir() / f"network-{digest}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_network(digest: str, network: nx.MultiDiGraph) -> Path | None:
    """Store ``network`` under ``digest`` atomically; return the path, or None if not writable."""
    target = cache_dir() / f"network-{digest}.json"
    data = json.dumps(nx.node_link_data(network, edges="edges"), ensure_ascii=False)
    try:
        replace_file(target, data.encode("utf-8"))
        return target
    except OSError:
        return None
