"""Time whole mlgraph commands against the Python start-up floor and against plain rdflib.

Prints the best of N wall-clock runs of each command and the ratios the project watches:

- path query / `python -c "import networkx, click"`: what a cached query costs beyond importing
  its libraries (aim: under 1.5);
- path query / `python -c pass`: against the bare interpreter;
- path query / plain rdflib: against parsing the same Turtle with rdflib and asking networkx.

Usage: python bench/bench_cli.py [-n RUNS]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERY = ["path", "data scientist", "machine learning architect"]

PLAIN_RDFLIB = """
import rdflib, networkx as nx
from mlgraph.rdf.builtin import ontology_dir
g = rdflib.Graph()
root = ontology_dir()
for f in [root / "schema.ttl", root / "sources.ttl", *sorted((root / "data").glob("*.ttl"))]:
    g.parse(f)
P = rdflib.Namespace("https://w3id.org/mlgraph/ns#")
G = nx.DiGraph((str(s), str(o)) for p in (P.progressesTo, P.leadsTo, P.canMoveTo) for s, o in g.subject_objects(p))
print(nx.shortest_path(G, "https://w3id.org/mlgraph/id/data-scientist", "https://w3id.org/mlgraph/id/machine-learning-architect"))
"""


def best_time(command: list[str], runs: int, env: dict) -> float:
    """Return the fastest of ``runs`` wall-clock timings of ``command``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=7)
    args = parser.parse_args()
    py = sys.executable
    mlgraph = shutil.which("mlgraph", path=str(Path(py).parent)) or shutil.which("mlgraph")
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, MLGRAPH_CACHE_DIR=cache)
        cold = best_time([mlgraph, *QUERY], 1, env)  # fills the cache
        rows = {
            "python -c pass": best_time([py, "-c", "pass"], args.runs, env),
            "python -c 'import networkx, click'": best_time([py, "-c", "import networkx, click"], args.runs, env),
            "plain rdflib parse + networkx path": best_time([py, "-c", PLAIN_RDFLIB], args.runs, env),
            "mlgraph path (first run, parses)": cold,
            "mlgraph path (cached)": best_time([mlgraph, *QUERY], args.runs, env),
            "mlgraph show 'ml engineer' (cached)": best_time([mlgraph, "show", "ml engineer"], args.runs, env),
            "mlgraph --help": best_time([mlgraph, "--help"], args.runs, env),
        }
    for name, seconds in rows.items():
        print(f"{name:<40} {seconds * 1000:8.1f} ms")
    path = rows["mlgraph path (cached)"]
    print()
    floor = rows["python -c 'import networkx, click'"]
    print(f"ratio path / import networkx+click : {path / floor:.2f}")
    print(f"ratio path / python -c pass        : {path / rows['python -c pass']:.2f}")
    print(f"ratio path / plain rdflib          : {path / rows['plain rdflib parse + networkx path']:.2f}")


if __name__ == "__main__":
    main()
