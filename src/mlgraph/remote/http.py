"""Talk HTTP to a SPARQL server: one client, credentials, caps, and failures in one line each.

httpx does the HTTP (it verifies TLS certificates, bounds every wait, streams bodies both ways,
and drops the Authorization header when a redirect leaves the server's origin). This module adds
what a command-line user needs on top: credentials only from the environment or a netrc file,
a deadline and a size cap on every answer, and every failure turned into a :class:`RemoteError`
that names the URL and what to do.

>>> auth_from_env({"MLGRAPH_ENDPOINT_USER": "ann"})
Traceback (most recent call last):
...
mlgraph.errors.BadInput: MLGRAPH_ENDPOINT_USER is set but MLGRAPH_ENDPOINT_PASSWORD is not: set both, or neither
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import httpx

from mlgraph.errors import BadInput, RemoteError
from mlgraph.remote.endpoint import Endpoint, redact_url

#: Bytes per piece of an upload; the progress callback hears after each one.
CHUNK = 1 << 20


def open_client(endpoint: Endpoint, env: Mapping[str, str] | None = None) -> httpx.Client:
    """Return an HTTP client for ``endpoint``: TLS verified, bounded waits, credentials from ``env``.

    >>> from mlgraph.remote.endpoint import make_endpoint
    >>> with open_client(make_endpoint("http://127.0.0.1:7878", "urn:g"), env={}) as client:
    ...     client.auth is None
    True
    """
    return httpx.Client(auth=auth_from_env(os.environ if env is None else env), verify=True,
                        timeout=httpx.Timeout(endpoint.timeout), follow_redirects=True,
                        headers={"User-Agent": "mlgraph"})


def auth_from_env(env: Mapping[str, str]) -> httpx.Auth | None:
    """Return the credentials to send: a token, a user and password, or a netrc file's entry."""
    token = env.get("MLGRAPH_ENDPOINT_TOKEN")
    user, password = env.get("MLGRAPH_ENDPOINT_USER"), env.get("MLGRAPH_ENDPOINT_PASSWORD")
    if token:
        return _BearerAuth(token)
    if bool(user) != bool(password):
        given, missing = ("USER", "PASSWORD") if user else ("PASSWORD", "USER")
        raise BadInput(f"MLGRAPH_ENDPOINT_{given} is set but MLGRAPH_ENDPOINT_{missing} is not: set both, or neither")
    if user:
        return httpx.BasicAuth(user, password)
    netrc = Path(env.get("NETRC") or Path.home() / ".netrc")
    if not netrc.is_file():
        return None
    try:
        return httpx.NetRCAuth(str(netrc))
    except Exception as exc:  # netrc.NetrcParseError, OSError: never show the file's content
        raise BadInput(f"{netrc}: cannot read this netrc file ({type(exc).__name__}); fix or remove it") from None


class _BearerAuth(httpx.Auth):
    """Send a bearer token (httpx drops it, like any Authorization header, on a redirect elsewhere)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


def fetch(client: httpx.Client, endpoint: Endpoint, method: str, url: str, accept: tuple[str, ...],
          **kwargs) -> bytes:
    """Send a request and return the answer's body, checked: status, content type, size and time.

    ``accept`` lists the media types wanted, best first; an answer of any other type is refused.
    Other keyword arguments go to :meth:`httpx.Client.build_request`.
    """
    headers = {"Accept": ", ".join(accept), **kwargs.pop("headers", {})}
    # Form posts (queries, updates) may follow a redirect; a streamed upload cannot be replayed.
    follow = method in ("GET", "HEAD") or "data" in kwargs
    with _failures(url, endpoint):
        request = client.build_request(method, url, headers=headers, **kwargs)
        answer = client.send(request, stream=True, follow_redirects=follow)
        try:
            # httpx bounds each wait; this bounds an answer that trickles in without end.
            body = _read_capped(answer, endpoint, time.monotonic() + endpoint.timeout)
        finally:
            answer.close()
        check_answer(answer, body, accept)
        return body


def check_answer(answer: httpx.Response, body: bytes, accept: tuple[str, ...]) -> None:
    """Raise RemoteError for an HTTP error (with the server's message) or an unexpected content type.

    >>> answer = httpx.Response(500, request=httpx.Request("POST", "http://127.0.0.1:7878/query"))
    >>> check_answer(answer, b"Storage is on fire", ("application/n-triples",))
    Traceback (most recent call last):
    ...
    mlgraph.errors.RemoteError: http://127.0.0.1:7878/query: the server answered 500 Internal Server Error: Storage is on fire
    """
    url = redact_url(str(answer.request.url))
    if answer.is_redirect:
        raise RemoteError(f"{url}: the server redirected this request to {answer.headers.get('Location')!r}; "
                          "give that address instead")
    if answer.is_error:
        message = " ".join(body[:2000].decode("utf-8", "replace").split())[:300] or "no message"
        raise RemoteError(f"{url}: the server answered {answer.status_code} {answer.reason_phrase}: {message}")
    if not accept or answer.status_code == 204:
        return
    ctype = answer.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if ctype not in accept:
        raise RemoteError(f"{url}: the server answered {ctype or 'no content type'}, not {accept[0]}: "
                          "is this the right service? (see --query-url / --store-url)")


def _read_capped(answer: httpx.Response, endpoint: Endpoint, deadline: float) -> bytes:
    chunks, size = [], 0
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > endpoint.max_bytes:
            raise RemoteError(f"{answer.request.url}: the answer is larger than {endpoint.max_bytes:,} bytes "
                              "(--max-bytes); narrow the query or raise --max-bytes")
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("answer still arriving at the deadline")
        chunks.append(chunk)
    return b"".join(chunks)


@contextmanager
def _failures(url: str, endpoint: Endpoint) -> Iterator[None]:
    """Turn httpx's exceptions into one-line RemoteErrors naming the URL."""
    try:
        yield
    except httpx.TimeoutException:
        raise RemoteError(f"{url}: no complete answer within {endpoint.timeout:g} s; "
                          "raise --timeout or check the server") from None
    except httpx.ConnectError as exc:
        reason = "connection refused" if "refused" in str(exc).lower() else " ".join(str(exc).split())[:200]
        raise RemoteError(f"cannot reach {url}: {reason}; is the SPARQL server running there?") from None
    except httpx.TooManyRedirects:
        raise RemoteError(f"{url}: too many redirects; give the server's final address") from None
    except httpx.HTTPError as exc:  # the connection broke off, a protocol error ...
        raise RemoteError(f"{url}: the connection failed: {' '.join(str(exc).split())[:200] or type(exc).__name__}") from None


def upload_chunks(data: bytes, on_progress: Callable[[int, int], None] | None = None) -> Iterator[bytes]:
    """Yield ``data`` in pieces, telling ``on_progress(sent, total)`` after each one.

    >>> seen = []
    >>> b"".join(upload_chunks(b"abc", lambda sent, total: seen.append((sent, total))))
    b'abc'
    >>> seen
    [(3, 3)]
    """
    for start in range(0, len(data), CHUNK):
        yield data[start:start + CHUNK]
        if on_progress is not None:
            on_progress(min(start + CHUNK, len(data)), len(data))
