"""Shared fixtures: the hand-made tiny graph, and a cache folder of the test's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlgraph.career.project import project_graph
from mlgraph.rdf.builtin import ontology_dir
from mlgraph.rdf.load import parse_files

FIXTURES = Path(__file__).parent / "fixtures"
MLD = "https://w3id.org/mlgraph/id/"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Keep every test's cache away from the user's cache folder."""
    monkeypatch.setenv("MLGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="session")
def tiny_rdf():
    """The schema plus tests/fixtures/tiny.ttl, as an rdflib graph."""
    return parse_files([ontology_dir() / "schema.ttl", FIXTURES / "tiny.ttl"])


@pytest.fixture(scope="session")
def tiny(tiny_rdf):
    """The tiny graph's network."""
    return project_graph(tiny_rdf)


@pytest.fixture(scope="session")
def guide():
    """The network of tests/fixtures/guidance.ttl (its header works out the right answers)."""
    return project_graph(parse_files([ontology_dir() / "schema.ttl", FIXTURES / "guidance.ttl"]))


def iri(local: str) -> str:
    return MLD + local


@pytest.fixture(scope="session")
def onet_ttl(tmp_path_factory):
    """tests/fixtures/onet (twelve occupations of O*NET 29.2) imported as Turtle, joined to the built-in tools."""
    from mlgraph.career.names import normalize
    from mlgraph.career.network import load_network
    from mlgraph.importers.onet import read_onet
    from mlgraph.importers.onet_rdf import onet_triples
    from mlgraph.rdf.plain import render_plain_turtle

    builtin = load_network(use_cache=False)
    tools = {normalize(a["label"]): n for n, a in builtin.nodes(data=True) if a["type"] == "Tool"}
    path = tmp_path_factory.mktemp("onet") / "onet.ttl"
    path.write_text(render_plain_turtle(onet_triples(read_onet(FIXTURES / "onet"), tools)), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def onet(onet_ttl):
    """The built-in graph joined with the imported fixture occupations."""
    from mlgraph.career.network import load_network

    return load_network([onet_ttl], use_cache=False)


@pytest.fixture(scope="session")
def evidence_graph():
    """The network of tests/fixtures/evidence.ttl (its header works out the right answers)."""
    return project_graph(parse_files([ontology_dir() / "schema.ttl", FIXTURES / "evidence.ttl"]))


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on (just now)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_oxigraph(location: Path):
    """Start `oxigraph serve` on a free loopback port with its store in ``location``; wait (10 s at
    most) until it answers. Return the process and its base URL; the caller kills it."""
    import socket
    import subprocess
    import sysconfig
    import time

    exe = Path(sysconfig.get_path("scripts")) / "oxigraph"
    port = free_port()
    proc = subprocess.Popen([str(exe), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"oxigraph serve did not start on 127.0.0.1:{port}")


def stop_server(proc) -> None:
    proc.kill()
    proc.wait(timeout=10)


@pytest.fixture
def oxigraph_at():
    """Start `oxigraph serve` on a store folder: ``proc, url = oxigraph_at(folder)``; all killed at the end."""
    started = []

    def start(location: Path):
        proc, url = start_oxigraph(location)
        started.append(proc)
        return proc, url

    yield start
    for proc in started:
        stop_server(proc)


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory):
    """A real `oxigraph serve` on 127.0.0.1 with a temporary store, for the whole session."""
    proc, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield url
    stop_server(proc)
