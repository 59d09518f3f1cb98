"""Where a SPARQL server's services are, which graph mlgraph uses there, and how long to wait.

One base URL names a server the way Oxigraph lays it out: SPARQL queries at ``BASE/query`` and
the Graph Store Protocol at ``BASE/store``. Other stores put them elsewhere (Fuseki:
``/DATASET/query`` and ``/DATASET/data``; GraphDB: ``/repositories/REPO`` and
``/repositories/REPO/rdf-graphs/service``), so each service URL can also be given on its own.

>>> e = make_endpoint("http://127.0.0.1:7878/", graph="urn:g")
>>> e.query_url, e.store_url
('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/store')
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mlgraph import __version__
from mlgraph.errors import BadInput

#: Named graphs mlgraph pushes to by default: one per release (plus a digest of the user's files).
GRAPH_BASE = "https://w3id.org/mlgraph/graph/"

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL server's service URLs, the named graph used there, and the limits on answers."""

    query_url: str
    store_url: str
    graph: str
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES


def make_endpoint(url: str, graph: str, query_url: str | None = None, store_url: str | None = None,
                  timeout: float = DEFAULT_TIMEOUT,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Endpoint:
    """Return the endpoint of a server at base ``url`` (Oxigraph's layout unless a URL is given).

    >>> make_endpoint("http://alice:secret@example.org", graph="urn:g")
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: --endpoint http://***@example.org: credentials do not belong in a URL (it shows in process lists and logs); set MLGRAPH_ENDPOINT_USER and MLGRAPH_ENDPOINT_PASSWORD, MLGRAPH_ENDPOINT_TOKEN, or use a netrc file
    """
    base = check_url(url, "--endpoint").rstrip("/")
    urls = [check_url(u, name) if u else base + suffix for u, name, suffix in (
        (query_url, "--query-url", "/query"), (store_url, "--store-url", "/store"))]
    if timeout <= 0:
        raise BadInput(f"--timeout {timeout}: give a number of seconds above 0")
    if max_bytes <= 0:
        raise BadInput(f"--max-bytes {max_bytes}: give a number of bytes above 0")
    return Endpoint(*urls, graph=check_graph_iri(graph), timeout=timeout, max_bytes=max_bytes)


def check_url(url: str, option: str) -> str:
    """Return ``url`` if it is an http(s) URL without credentials, else raise BadInput.

    >>> check_url("ftp://example.org", "--endpoint")
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: --endpoint ftp://example.org: give an http:// or https:// URL
    """
    parts = urlsplit(url)
    if parts.username is not None or parts.password is not None:
        raise BadInput(f"{option} {redact_url(url)}: credentials do not belong in a URL (it shows in process "
                       "lists and logs); set MLGRAPH_ENDPOINT_USER and MLGRAPH_ENDPOINT_PASSWORD, "
                       "MLGRAPH_ENDPOINT_TOKEN, or use a netrc file")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInput(f"{option} {url}: give an http:// or https:// URL")
    return url


def redact_url(url: str) -> str:
    """Return ``url`` with any user name and password replaced by ``***``.

    >>> redact_url("https://bob:pw@example.org:8443/ds")
    'https://***@example.org:8443/ds'
    """
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()


def check_graph_iri(iri: str) -> str:
    """Return ``iri`` if it can name a graph (an absolute IRI without spaces or brackets).

    >>> check_graph_iri("my graph")
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: --graph 'my graph': give an absolute IRI such as https://example.org/graphs/careers
    """
    if not urlsplit(iri).scheme or any(c in iri for c in ' <>"{}|\\^`') or not iri.isprintable():
        raise BadInput(f"--graph {iri!r}: give an absolute IRI such as https://example.org/graphs/careers")
    return iri


def default_graph_iri(data: Sequence[Path] = (), builtin: bool = True) -> str:
    """Return the named graph for this release, plus a digest of the ``--data`` files' content.

    >>> default_graph_iri() == GRAPH_BASE + __version__
    True
    """
    if not data and builtin:
        return GRAPH_BASE + __version__
    digest = hashlib.sha256(b"builtin\n" if builtin else b"no-builtin\n")
    for path in data:
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            raise BadInput(f"{path}: cannot read file ({exc.strerror})") from None
        digest.update(len(content).to_bytes(8, "big") + content)
    return f"{GRAPH_BASE}{__version__}/{digest.hexdigest()[:16]}"
