"""Pushing to a real `oxigraph serve`: replace, add, and a server killed in the middle of an upload."""

import os
import signal
import threading

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from mlgraph.errors import RemoteError
from mlgraph.remote.endpoint import make_endpoint
from mlgraph.remote.push import push_graph
from mlgraph.remote.read import fetch_graph

TARGET = "https://example.org/test/pushed"


def small_graph(tag: str, n: int = 5) -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"https://example.org/{tag}/{i}"), URIRef("https://example.org/p"), Literal(f"{tag} {i}")))
    return g


def test_replace_swaps_the_whole_graph(oxigraph):
    endpoint = make_endpoint(oxigraph, TARGET + "/replace")
    push_graph(small_graph("old"), endpoint, "replace")
    result = push_graph(small_graph("new", 3), endpoint, "replace")
    assert result.triples == 3 and result.mode == "replace"
    assert isomorphic(fetch_graph(endpoint), small_graph("new", 3))


def test_add_adds_to_the_graph(oxigraph):
    endpoint = make_endpoint(oxigraph, TARGET + "/add")
    push_graph(small_graph("a"), endpoint, "replace")
    push_graph(small_graph("b"), endpoint, "add")
    assert isomorphic(fetch_graph(endpoint), small_graph("a") + small_graph("b"))


def test_create_leaves_a_graph_with_triples_alone(oxigraph):
    endpoint = make_endpoint(oxigraph, TARGET + "/create")
    push_graph(small_graph("first"), endpoint)
    with pytest.raises(RemoteError, match="already holds triples"):
        push_graph(small_graph("second"), endpoint)
    assert isomorphic(fetch_graph(endpoint), small_graph("first"))


@pytest.mark.parametrize("moment", ["during the upload", "while the server loads"])
def test_a_killed_server_keeps_the_previous_graph(tmp_path, oxigraph_at, moment):
    store = tmp_path / "store"
    proc, url = oxigraph_at(store)
    endpoint = make_endpoint(url, TARGET, timeout=30)
    push_graph(small_graph("before"), endpoint, "replace")
    big = small_graph("after", 30_000)  # about 2.5 MB of N-Triples: three pieces, seconds to load

    def kill(sent: int, total: int) -> None:
        if moment == "during the upload" and sent >= total // 2:
            os.kill(proc.pid, signal.SIGKILL)
        elif sent == total:  # the whole body is on its way: kill once the server is loading it
            threading.Timer(0.5, os.kill, (proc.pid, signal.SIGKILL)).start()

    with pytest.raises(RemoteError):
        push_graph(big, endpoint, "replace", on_progress=kill)
    assert proc.wait(timeout=10) == -signal.SIGKILL  # the server really died, before answering
    _, url = oxigraph_at(store)  # the same store, after the crash
    found = fetch_graph(make_endpoint(url, TARGET))
    if moment == "during the upload":
        assert isomorphic(found, small_graph("before"))
    else:  # the server may have committed just before it died: whole old or whole new, never a mix
        assert isomorphic(found, small_graph("before")) or isomorphic(found, big)
