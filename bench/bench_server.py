"""Time pushes to, and a query mix against, a local `oxigraph serve` on 127.0.0.1.

Starts Oxigraph on a free loopback port with a temporary store (killed at the end), then:

- push: the built-in graph (best of 3, --replace) and a generated graph of about 200,000 triples
  in mlgraph's vocabulary (once), with triples per second and the ratio to a local export of the
  same graph as N-Triples (what the push must at least do);
- a query mix (show, path, named query; each as a command does it: open a client, change
  check, cached network or one SPARQL query) from 1, 4 and 16 concurrent client processes:
  throughput, p50 / p99 latency and errors. Each level stops after --ops operations per client
  or --seconds, whichever comes first; imports and a warm-up round are not counted. Client and
  server share the machine's cores (printed), which bounds what concurrency can gain.

Usage: python bench/bench_server.py [--ops 30] [--seconds 20]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

MIX = ("show", "path", "query")


def start_server(store: Path) -> tuple[subprocess.Popen, str]:
    """Start `oxigraph serve` on a free 127.0.0.1 port; wait at most 10 s for it to listen."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    exe = Path(sysconfig.get_path("scripts")) / "oxigraph"
    proc = subprocess.Popen([str(exe), "serve", "--location", str(store), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("oxigraph serve did not start")


def generated_graph(target: int = 200_000):
    """Return a career-shaped graph of about ``target`` triples: roles in chains, sourced steps."""
    from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, SKOS

    mlg, mld = Namespace("https://w3id.org/mlgraph/ns#"), Namespace("https://example.org/bench/")
    source = URIRef("https://example.org/bench/source")
    g = Graph()
    g.add((source, RDF.type, mlg.Source))
    g.add((source, SKOS.prefLabel, Literal("bench source")))
    i = 0
    while len(g) < target:
        role, nxt = mld[f"role-{i}"], mld[f"role-{i + 1}"]
        g.add((role, RDF.type, mlg.Role))
        g.add((role, SKOS.prefLabel, Literal(f"role {i}", lang="en")))
        g.add((role, mlg.progressesTo, nxt))
        statement = BNode()
        for p, o in ((RDF.type, RDF.Statement), (RDF.subject, role), (RDF.predicate, mlg.progressesTo),
                     (RDF.object, nxt), (DCTERMS.source, source)):
            g.add((statement, p, o))
        i += 1
    return g


def time_push(graph, url: str, name: str, runs: int) -> None:
    from mlgraph.remote.endpoint import make_endpoint
    from mlgraph.remote.push import push_graph, serialize_ntriples

    endpoint = make_endpoint(url, f"https://example.org/bench/{name}", timeout=300)
    start = time.perf_counter()
    serialize_ntriples(graph)
    floor = time.perf_counter() - start
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        push_graph(graph, endpoint, "replace")
        best = min(best, time.perf_counter() - start)
    print(f"push {name:<28} {len(graph):>8,} triples  {best:7.2f} s  {len(graph) / best:>9,.0f} triples/s  "
          f"ratio to serializing locally {best / floor:5.2f}")


def client(url: str, graph: str, ops: int, seconds: float, cache: str, seed: int,
           start_at: float = 0.0) -> tuple[list[float], int, float]:
    """One client process: run the mix until ``ops`` operations or ``seconds``; return latencies,
    errors and when it finished. Imports and one warm-up round happen before ``start_at``."""
    os.environ["MLGRAPH_CACHE_DIR"] = cache
    from mlgraph.errors import MlgraphError
    from mlgraph.remote.endpoint import make_endpoint

    endpoint = make_endpoint(url, graph)
    for kind in MIX:
        run_operation(kind, endpoint)
    time.sleep(max(0.0, start_at - time.time()))  # all clients start together
    latencies, errors, stop = [], 0, time.monotonic() + seconds
    for n in range(ops):
        if time.monotonic() > stop:
            break
        start = time.perf_counter()
        try:
            run_operation(MIX[(n + seed) % len(MIX)], endpoint)
        except MlgraphError:
            errors += 1
        latencies.append(time.perf_counter() - start)
    return latencies, errors, time.time()


def run_operation(kind: str, endpoint) -> None:
    from mlgraph.career.describe import describe_node
    from mlgraph.career.names import resolve
    from mlgraph.career.paths import find_routes
    from mlgraph.rdf.query import named_queries
    from mlgraph.remote.query import query_server
    from mlgraph.remote.read import fetch_network

    if kind == "query":
        from rdflib import URIRef, Variable

        skill = URIRef("https://w3id.org/mlgraph/id/deep-learning")
        query_server(endpoint, named_queries()["roles-needing-skill"].text, {Variable("skill"): skill})
        return
    G = fetch_network(endpoint)
    if kind == "show":
        describe_node(G, resolve(G, "ml engineer"))
    else:
        find_routes(G, resolve(G, "data scientist"), resolve(G, "machine learning architect"), k=3)


def query_mix(url: str, graph: str, clients: int, ops: int, seconds: float, cache: str) -> None:
    start_at = time.time() + 5 + clients * 0.5  # time for every process to start and warm up
    with ProcessPoolExecutor(clients) as pool:
        futures = [pool.submit(client, url, graph, ops, seconds, cache, i, start_at) for i in range(clients)]
        done = [f.result() for f in futures]
    wall = max(end for _, _, end in done) - start_at
    latencies = sorted(t for lat, _, _ in done for t in lat)
    errors = sum(e for _, e, _ in done)
    p50, p99 = (latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 for q in (0.50, 0.99))
    print(f"mix {clients:>2} clients  {len(latencies):>4} ops  {len(latencies) / wall:7.1f} ops/s  "
          f"p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  errors {errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=30, help="operations per client and level")
    parser.add_argument("--seconds", type=float, default=20, help="time cap per level")
    args = parser.parse_args()
    from mlgraph.rdf.builtin import builtin_files
    from mlgraph.rdf.load import parse_files

    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as folder:
        proc, url = start_server(Path(folder) / "store")
        try:
            time_push(parse_files(builtin_files()), url, "built-in", runs=3)
            time_push(generated_graph(), url, "generated-200k", runs=1)
            graph = "https://example.org/bench/built-in"
            client(url, graph, 0, 30, str(Path(folder) / "cache"), 0)  # warm the network cache once
            for clients in (1, 4, 16):
                query_mix(url, graph, clients, args.ops, args.seconds, str(Path(folder) / "cache"))
        finally:
            proc.kill()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
