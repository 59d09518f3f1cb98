"""Score ``next``'s similarity against O*NET's expert-reviewed related occupations, held out.

The graph the rankings see is built from the importer's records read *without* Related
Occupations.txt (:func:`held_out_network`), through the same RDF mapping and projection as
``mlgraph --data onet.ttl``; the related lists are read separately, only to score. For each
occupation with a list, every other occupation is ranked, and the ranking scored:

- R@10, R@20: share of its Primary links (Primary-Short and Primary-Long, 10 each) in the top 10 / 20
- P@5: share of the top 5 that are Primary-Short
- nDCG@20: graded gain Primary-Short 3, Primary-Long 2, Supplemental 1
- MRR: mean reciprocal rank of the first Primary-Short

>>> scores(["a", "b", "c"], {"b": "Primary-Short", "x": "Primary-Long"})["R@10"]
0.5
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

GAIN = {"Primary-Short": 3, "Primary-Long": 2, "Supplemental": 1}
METRICS = ("R@10", "R@20", "P@5", "nDCG@20", "MRR")


@dataclass(frozen=True)
class Row:
    """One ranking's mean metrics over all occupations with a list, and over the half not used for tuning."""

    name: str
    everyone: dict[str, float]
    held_out: dict[str, float]

    def as_dict(self) -> dict:
        return {"ranking": self.name, "all": self.everyone, "held_out_half": self.held_out}


def held_out_network(folder: Path, progress: Callable[[int], None] | None = None) -> nx.MultiDiGraph:
    """Return the career network of an O*NET release read without its related-occupation links."""
    from mlgraph.career.project import project_graph
    from mlgraph.importers.onet import read_onet
    from mlgraph.importers.onet_rdf import onet_triples
    from mlgraph.rdf.builtin import ontology_dir
    from mlgraph.rdf.load import parse_files
    from mlgraph.rdf.plain import to_rdflib

    data = read_onet(folder, related=False, progress=progress)
    graph = parse_files([ontology_dir() / "schema.ttl"])
    graph.addN((s, p, o, graph) for s, p, o in to_rdflib(onet_triples(data)))
    return project_graph(graph)


def related_lists(folder: Path) -> dict[str, dict[str, str]]:
    """Return O*NET's related lists as {occupation node: {related node: tier}}."""
    from mlgraph.career.occupations import occupation_node
    from mlgraph.importers.onet import read_related

    lists: dict[str, dict[str, str]] = defaultdict(dict)
    for link in read_related(folder):
        lists[occupation_node(link.code)][occupation_node(link.related)] = link.tier
    return dict(lists)


def scores(ranked: Sequence[str], truth: dict[str, str]) -> dict[str, float]:
    """Return the five metrics of one ranking against one related list."""
    primary = {k for k, tier in truth.items() if tier != "Supplemental"}
    short = {k for k, tier in truth.items() if tier == "Primary-Short"}
    gains = [GAIN.get(truth.get(k), 0) for k in ranked[:20]]
    ideal = sorted((GAIN[t] for t in truth.values()), reverse=True)[:20]
    first = next((rank for rank, k in enumerate(ranked, 1) if k in short), None)
    return {
        "R@10": len(primary.intersection(ranked[:10])) / len(primary) if primary else 0.0,
        "R@20": len(primary.intersection(ranked[:20])) / len(primary) if primary else 0.0,
        "P@5": len(short.intersection(ranked[:5])) / 5,
        "nDCG@20": _dcg(gains) / _dcg(ideal) if ideal else 0.0,
        "MRR": 1 / first if first else 0.0,
    }


def _dcg(gains: Sequence[int]) -> float:
    return sum(g / math.log2(rank + 1) for rank, g in enumerate(gains, 1))


def rankings(G: nx.MultiDiGraph) -> dict[str, Callable[[str], list[str]]]:
    """Return the rankings compared: next's similarity (with and without titles, without the family
    component), a plain importance cosine of skills and knowledge, and a random order."""
    import numpy as np

    from mlgraph.career import similarity

    roles = [n for n, t in G.nodes(data="type") if t == "Role"]
    roles.sort()
    plain = similarity.SimilarityIndex(G, roles)
    titled = similarity.SimilarityIndex(G, roles, titles=True)
    plain.compare_all()
    titled.compare_all()
    cosine = _importance_cosine(G, roles)
    rng = np.random.default_rng(0)

    def by(totals) -> list[str]:
        return [roles[j] for j in np.argsort(-totals, kind="stable")]

    def without_family(role):
        parts = plain.parts(role)
        totals = plain.scores(role) - similarity.WEIGHTS["minor_group"] * parts["minor_group"] \
            - similarity.WEIGHTS["broad_group"] * parts["broad_group"]
        return by(totals)

    return {
        "random": lambda role: [r for r in rng.permutation(roles) if r != role],
        "skills+knowledge importance cosine": lambda role: by(cosine(role)),
        "similarity without occupation family": without_family,
        "similarity (next)": lambda role: by(plain.scores(role)),
        "similarity + title words": lambda role: by(titled.scores(role)),
    }


def _importance_cosine(G: nx.MultiDiGraph, roles: list[str]) -> Callable:
    import numpy as np

    from mlgraph.career.similarity import role_ratings

    ratings = [role_ratings(G, r) for r in roles]
    elements = sorted({e for rated in ratings for e in rated})
    M = np.array([[r.get(e, {}).get("importance", 0.0) for e in elements] for r in ratings])
    norms = np.linalg.norm(M, axis=1, keepdims=True)
    M = M / np.where(norms == 0, 1, norms)
    position = {r: i for i, r in enumerate(roles)}

    def cosine(role):
        totals = M @ M[position[role]]
        totals[position[role]] = -np.inf
        return totals

    return cosine


def evaluate(G: nx.MultiDiGraph, lists: dict[str, dict[str, str]]) -> list[Row]:
    """Return one row per ranking: mean metrics over every list, and over the held-out half.

    Occupations are sorted by code; the even positions were used to tune the similarity's
    weights, the odd ones (the held-out half) were not.
    """
    queries = sorted(q for q in lists if q in G)
    held_out = set(queries[1::2])
    rows = []
    for name, rank in rankings(G).items():
        per_query = {q: scores([r for r in rank(q) if r != q], lists[q]) for q in queries}
        rows.append(Row(name, _mean(per_query.values()), _mean(v for q, v in per_query.items() if q in held_out)))
    return rows


def _mean(results) -> dict[str, float]:
    results = list(results)
    return {m: round(sum(r[m] for r in results) / len(results), 3) if results else 0.0 for m in METRICS}


def render_table(rows: Sequence[Row], queries: int) -> str:
    """Return the rows as a plain-text table: all lists, then the held-out half.

    >>> row = Row("random", dict.fromkeys(METRICS, 0.01), dict.fromkeys(METRICS, 0.02))
    >>> print(render_table([row], 1).splitlines()[4])
    random                                      0.010    0.010    0.010    0.010    0.010
    """
    head = f"{'ranking':<40}" + "".join(f"{m:>9}" for m in METRICS)
    lines = [f"{queries} occupations with a related list; each ranks every other occupation", "", "all lists", head]
    lines += [f"{row.name:<40}" + "".join(f"{row.everyone[m]:>9.3f}" for m in METRICS) for row in rows]
    lines += ["", "held-out half (odd positions by code; weights were tuned on the even ones)", head]
    lines += [f"{row.name:<40}" + "".join(f"{row.held_out[m]:>9.3f}" for m in METRICS) for row in rows]
    return "\n".join(lines)
