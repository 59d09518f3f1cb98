"""Time the map on a large graph: generating the page in Python, and drawing it in Chromium.

Builds a random but seeded network of N nodes (default 2,000) shaped like mlgraph's (typed
nodes with labels and descriptions, sourced relations, career moves between roles), renders the
whole-graph page, opens it from disk in headless Chromium and prints:

- layout + generate_html: seconds (best of R runs) and the page size;
- time to first draw: from navigation start to vis-network's first ``afterDrawing`` event (the
  map has physics off, so the first drawing is the settled one);
- a full redraw, and selecting a node (neighbour highlight restyles every node and edge).

Usage: python bench/bench_viz.py [-n NODES] [-r RUNS] [--keep FILE]
Needs /usr/bin/chromium (Debian's package) and the playwright Python package.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

#: Share of drawn nodes of each type, roughly as in the built-in graph; sources come on top
#: (one per hundred nodes), as the map lists them in cards rather than drawing them.
TYPE_SHARES = {"Role": 0.08, "Skill": 0.37, "Tool": 0.14, "Industry": 0.05, "Application": 0.12,
               "EducationPath": 0.13, "Organization": 0.11}

#: Relations drawn between types: (relation, from type, to type, career move?).
RELATIONS = [("progressesTo", "Role", "Role", True), ("canMoveTo", "Role", "Role", True),
             ("leadsTo", "EducationPath", "Role", True), ("requiresSkill", "Role", "Skill", False),
             ("optionalSkill", "Role", "Skill", False), ("usesTool", "Role", "Tool", False),
             ("teaches", "EducationPath", "Skill", False), ("appliedIn", "Skill", "Industry", False),
             ("hasApplication", "Industry", "Application", False), ("hires", "Organization", "Role", False),
             ("prerequisiteOf", "Skill", "Skill", False)]

WORDS = ("data machine learning deep model cloud vision language graph statistics systems platform "
         "analytics research product security robotics signal quantum edge mobile health finance").split()


def random_network(n: int = 2000, seed: int = 42) -> nx.MultiDiGraph:
    """Return a seeded random network of ``n`` drawable nodes (and n/100 sources) shaped like mlgraph's."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph(triples=n * 12, relations={
        name: {"iri": f"https://w3id.org/mlgraph/ns#{name}", "label": name, "inverse_label": f"← {name}",
               "career": career} for name, _, _, career in RELATIONS})
    by_type: dict[str, list[str]] = {}
    kinds = [rng.choices(list(TYPE_SHARES), weights=list(TYPE_SHARES.values()))[0] for _ in range(n)]
    for i, node_type in enumerate(kinds + ["Source"] * max(1, n // 100)):
        iri = f"https://w3id.org/mlgraph/id/bench-{i}"
        label = " ".join(rng.sample(WORDS, rng.randint(1, 3))) + f" {i}"
        attrs = {"label": label, "type": node_type, "alt_labels": [f"alias {i}"],
                 "description": f"A generated {node_type.lower()} about {label}, for timing only."}
        if node_type == "Role":
            attrs["level"] = rng.choice(["entry", "mid", "senior"])
        if node_type == "Source":
            attrs["title"] = f"Generated article {i}"
        G.add_node(iri, **attrs)
        by_type.setdefault(node_type, []).append(iri)
    sources = by_type["Source"]
    for _ in range(int(n * 1.8)):
        relation, a, b, _ = rng.choice(RELATIONS)
        if by_type.get(a) and by_type.get(b):
            u, v = rng.choice(by_type[a]), rng.choice(by_type[b])
            if u != v:
                G.add_edge(u, v, key=relation, sources=sorted(rng.sample(sources, min(2, len(sources)))))
    return G


def time_generate(G: nx.MultiDiGraph, runs: int) -> tuple[float, str]:
    """Return the best time of view + layout + page generation, and the page."""
    from mlgraph.map.html import generate_html
    from mlgraph.map.views import limit_nodes, whole_view

    times, page = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        page = generate_html(G, limit_nodes(G, whole_view(G), len(G)))
        times.append(time.perf_counter() - start)
    return min(times), page


def time_browser(path: Path, runs: int) -> dict[str, float]:
    """Open ``path`` in headless Chromium ``runs`` times; return median timings in milliseconds."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1500, "height": 950})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            start = time.perf_counter()
            page.goto(path.resolve().as_uri())
            page.wait_for_function("window.mlgraphView && window.mlgraphView.ready", timeout=120_000)
            wall = (time.perf_counter() - start) * 1000
            row = page.evaluate("""() => {
                const v = window.mlgraphView, t0 = performance.now();
                v.network.redraw();
                const t1 = performance.now();
                v.select(v.data.nodes[0].id);
                const t2 = performance.now();
                return {first_draw: v.readyAt, redraw: t1 - t0, select: t2 - t1,
                        nodes: v.drawnNodeCount(), edges: v.drawnEdgeCount()};
            }""")
            if errors:
                raise SystemExit(f"page errors: {errors}")
            rows.append(dict(row, wall=wall))
            page.close()
        browser.close()
    return {key: statistics.median(r[key] for r in rows) for key in rows[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="nodes in the generated graph")
    parser.add_argument("-r", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--keep", type=Path, help="also write the page here")
    args = parser.parse_args()
    G = random_network(args.n)
    seconds, page = time_generate(G, args.r)
    drawn = sum(1 for _, t in G.nodes(data="type") if t != "Source")
    print(f"graph: {drawn:,} nodes to draw (and {len(G) - drawn} sources, listed in cards), "
          f"{G.number_of_edges():,} relations")
    print(f"layout + generate_html: {seconds:.2f} s (best of {args.r}); page {len(page.encode()) / 1e6:.2f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.html"
        path.write_text(page, encoding="utf-8")
        if args.keep:
            args.keep.write_text(page, encoding="utf-8")
        if not Path(CHROMIUM).exists():
            print(f"{CHROMIUM} not found: browser timings skipped", file=sys.stderr)
            return
        t = time_browser(path, args.r)
    print(f"chromium: {t['nodes']:,.0f} nodes and {t['edges']:,.0f} edges drawn (median of {args.r} runs)")
    print(f"  navigation start -> first draw (settled, physics off): {t['first_draw']:.0f} ms")
    print(f"  goto() -> map ready, wall clock:                       {t['wall']:.0f} ms")
    print(f"  full redraw:                                           {t['redraw']:.0f} ms")
    print(f"  select a node (restyle all for neighbour highlight):   {t['select']:.0f} ms")


if __name__ == "__main__":
    main()
