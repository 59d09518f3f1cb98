"""A JSON cache of the projected network, keyed by what it was built from.

Parsing Turtle costs far more than reading JSON, so the network built from a set of files is
stored in the user's cache folder, in the compact layout of :mod:`mlgraph.storage.network_codec`.
Only the :data:`KEEP` most recently used networks are kept. What the cache promises:

* The key covers each input file's bytes *and* its absolute path (relative IRIs and warnings
  depend on where a file is), mlgraph's version and the cache format.
* The bytes that are digested are the very bytes that are parsed (read once), so a file edited
  while mlgraph reads it can never leave an entry keyed by old content that holds new content.
* Each entry is an envelope that repeats its key and the digest of every input; a reader checks
  them, and the shape of the network, before trusting it. A damaged entry (truncated, valid JSON
  of the wrong shape, a FIFO or device in its place) is discarded with a warning and rebuilt.
* Entries are written atomically under a lock; JSON, not pickle, so an entry can never run code.

>>> digest_sources([]) == digest_sources([])
True
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mlgraph import __version__
from mlgraph.errors import BadInput
from mlgraph.storage.atomic import replace_file
from mlgraph.storage.files import read_regular
from mlgraph.storage.lock import locked

if TYPE_CHECKING:
    import networkx as nx

#: Bump when the projection, the payload or the envelope changes shape, so old cache files are ignored.
CACHE_FORMAT = 4

#: How many cached networks to keep; the least recently used beyond that are deleted.
KEEP = 8

#: A source: the path as the user gave it and the bytes read from it (once).
Source = tuple[Path, bytes]


def cache_dir() -> Path:
    """Return the cache folder: ``$MLGRAPH_CACHE_DIR`` or the platform's user cache folder."""
    override = os.environ.get("MLGRAPH_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlgraph", appauthor=False))


def read_sources(paths: Sequence[Path]) -> list[Source]:
    """Read each input file once (regular files only); raise BadInput for one that cannot be read."""
    return [(Path(p), read_regular(Path(p), "the RDF file")) for p in paths]


def digest_sources(sources: Sequence[Source]) -> str:
    """Return the cache key of ``sources``: their absolute paths and bytes, mlgraph's version and format."""
    digest = hashlib.sha256(f"mlgraph {__version__} cache {CACHE_FORMAT}\n".encode())
    for path, data in sources:
        name = os.fsencode(str(Path(path).resolve()))
        digest.update(len(name).to_bytes(8, "big") + name)
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def entry_path(key: str) -> Path:
    """Return where the entry for ``key`` lives."""
    return cache_dir() / f"network-{key}.json"


def read_network(key: str, sources: Sequence[Source] = (), warnings: list[str] | None = None) -> nx.MultiDiGraph | None:
    """Return the cached network for ``key`` if a sound entry holds it, else None.

    An entry that exists but is damaged, or does not match ``sources``, is removed (a warning
    says so) so that the caller rebuilds it.
    """
    path = entry_path(key)
    if not os.path.lexists(path):
        return None
    from mlgraph.storage.bulk import collector_paused

    try:
        with collector_paused():
            envelope = json.loads(read_regular(path, "the cache entry"))
            network = _open_envelope(envelope, key, sources)
    except (BadInput, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        if warnings is not None:
            warnings.append(f"cache entry {path.name} was damaged ({_short(exc)}); discarded and rebuilt")
        _discard(path)
        return None
    _mark_used(path)
    return network


def write_network(key: str, network: nx.MultiDiGraph, sources: Sequence[Source] = ()) -> Path | None:
    """Store ``network`` under ``key`` atomically, under a lock; return the path, or None if not writable."""
    target = entry_path(key)
    from mlgraph.storage.bulk import collector_paused
    from mlgraph.storage.network_codec import to_payload

    try:
        with collector_paused():
            envelope = {"format": CACHE_FORMAT, "version": __version__, "key": key,
                        "inputs": _input_digests(sources), "network": to_payload(network)}
            data = json.dumps(envelope, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
        with locked(target):
            replace_file(target, data)
    except (OSError, ValueError, TypeError):
        return None
    prune(target.parent, KEEP)
    return target


def _open_envelope(envelope, key: str, sources: Sequence[Source]) -> nx.MultiDiGraph:
    if not isinstance(envelope, dict):
        raise TypeError(f"a {type(envelope).__name__}, not an entry")
    if envelope.get("format") != CACHE_FORMAT or envelope.get("version") != __version__:
        raise ValueError("written by another version of mlgraph")
    if envelope.get("key") != key:
        raise ValueError("its key does not match its name")
    if sources and envelope.get("inputs") != _input_digests(sources):
        raise ValueError("it was built from other input")
    from mlgraph.storage.network_codec import from_payload

    network = from_payload(envelope["network"])
    check_network_shape(network)
    return network


def check_network_shape(network: nx.MultiDiGraph) -> None:
    """Raise TypeError or KeyError unless ``network`` has what every command relies on.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(relations={}, triples=0); G.add_node("urn:a", label="A", type="Role")
    >>> check_network_shape(G)
    >>> G.add_node("urn:b", type="Role")
    >>> check_network_shape(G)
    Traceback (most recent call last):
    ...
    TypeError: node urn:b has no text label
    """
    if not isinstance(network.graph.get("relations"), dict) or not isinstance(network.graph.get("triples"), int):
        raise TypeError("no relation table")
    if not network.number_of_nodes() and network.graph["triples"]:
        raise TypeError("no nodes")
    for node, attrs in network.nodes(data=True):
        if not isinstance(node, str) or not isinstance(attrs.get("label"), str) or not isinstance(attrs.get("type"), str):
            raise TypeError(f"node {str(node)[:60]} has no text label")
    for u, v, key, attrs in network.edges(keys=True, data=True):
        if not isinstance(key, str) or not isinstance(attrs.get("sources"), list):
            raise TypeError(f"edge {str(u)[:60]} has no relation")


def _input_digests(sources: Sequence[Source]) -> list[list[str]]:
    return [[str(Path(p).resolve()), hashlib.sha256(data).hexdigest()] for p, data in sources]


def _discard(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # read-only cache: the entry is ignored and rebuilt in memory on every run


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())[:80]
    return text if isinstance(exc, BadInput) else f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
            continue
        try:  # its lock file goes with it (writes are atomic renames, so a lock lost here is harmless)
            Path(f"{path}.lock").unlink()
        except OSError:
            pass
    return deleted


def _mark_used(path: Path) -> None:
    """Touch a cache entry so that pruning keeps the networks in use."""
    try:
        os.utime(path)
    except OSError:
        pass
