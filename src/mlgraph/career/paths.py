"""Find and explain routes between roles over career relations.

Routes follow relations the schema marks as career relations (progresses to, is an entry route
into, can move to), never shared skills. Each step says which relation links the two nodes,
which sources support it and how (evidence records), and what the next node needs that the
person does not have yet: not from the start, nor from an earlier step of the route. A route
with a step backed only by listed or editorial evidence never outranks one whose steps are all
stated (or imported), whatever their costs; among equals the cheaper route wins.

>>> from mlgraph.career.network import load_network
>>> G = load_network()
>>> ds, mla = (f"https://w3id.org/mlgraph/id/{n}" for n in ("data-scientist", "machine-learning-architect"))
>>> route = find_routes(G, ds, mla)[0]
>>> route.nodes[0]["label"], route.nodes[-1]["label"]
('data scientist', 'machine learning architect')
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import networkx as nx

from mlgraph.career.evidence import best_class, importance, is_weak, sort_records
from mlgraph.career.needs import capabilities, missing_needs
from mlgraph.career.network import career_relations, node_summary, relation_label
from mlgraph.career.ranking import group_items, need_entry, order_items
from mlgraph.errors import BadInput, NoRoute

#: When two nodes are linked by several career relations, the step names the first of these.
RELATION_PRIORITY = ("progressesTo", "leadsTo", "canMoveTo")

#: How many candidate routes are examined at most when --via or --max-hops filter them.
SEARCH_LIMIT = 5000

#: How many candidate routes, cheapest by step costs first, are re-ranked by evidence and by
#: what the whole route asks to learn (a need is paid for once per route, not once per step).
RERANK_LIMIT = 200

#: A step cost: (network, from node, to node) -> non-negative number.
StepCost = Callable[[nx.MultiDiGraph, str, str], float]


def hop_cost(G: nx.MultiDiGraph, u: str, v: str) -> float:
    """Every step costs 1: the best route is the one with fewest steps."""
    return 1.0


@dataclass(frozen=True)
class Step:
    """One link of a route, with the evidence and what it asks of the person."""

    source: str
    relation: str
    target: str
    sources: tuple[str, ...]
    cost: float
    relations: tuple[str, ...] = ()
    relation_text: str = ""
    new_skills: tuple[dict, ...] = ()
    new_tools: tuple[dict, ...] = ()
    evidence: tuple[dict, ...] = ()
    items: tuple[dict, ...] = ()

    @property
    def weak(self) -> bool:
        """True when only listed or editorial evidence backs the step."""
        return is_weak(self.evidence)

    def as_dict(self) -> dict:
        return {
            "from": self.source, "relation": self.relation, "to": self.target,
            "sources": list(self.sources), "relation_label": self.relation_text,
            "relations": list(self.relations), "cost": self.cost,
            "evidence": list(self.evidence), "importance": importance(self.evidence) if self.evidence else None,
            "best_evidence": best_class(self.evidence), "weak_evidence": self.weak,
            "new_skills": list(self.new_skills), "new_tools": list(self.new_tools), "items": list(self.items),
        }


@dataclass(frozen=True)
class Route:
    """A route between two nodes: its nodes (as JSON node dicts), its steps, its total cost."""

    nodes: tuple[dict, ...]
    steps: tuple[Step, ...]
    cost: float

    @property
    def hops(self) -> int:
        return len(self.steps)

    @property
    def weak(self) -> bool:
        """True when some step is backed only by listed or editorial evidence."""
        return any(step.weak for step in self.steps)

    def as_dict(self) -> dict:
        return {"hops": self.hops, "cost": self.cost, "weak_evidence": self.weak, "nodes": list(self.nodes),
                "steps": [step.as_dict() for step in self.steps]}


def career_network(G: nx.MultiDiGraph, avoid: Sequence[str] = (), cost: StepCost = hop_cost) -> nx.DiGraph:
    """Return the simple directed graph of career links, without ``avoid`` nodes, weighted by ``cost``."""
    career = career_relations(G)
    H = nx.DiGraph()
    for u, v, relation in G.edges(keys=True):
        if relation in career and u not in avoid and v not in avoid:
            if H.has_edge(u, v):
                H.edges[u, v]["relations"].append(relation)
            else:
                H.add_edge(u, v, relations=[relation], weight=cost(G, u, v))
    return H


def find_routes(
    G: nx.MultiDiGraph,
    source: str,
    target: str,
    k: int = 1,
    via: Sequence[str] = (),
    avoid: Sequence[str] = (),
    max_hops: int | None = None,
    cost: StepCost = hop_cost,
    have: Collection[str] = frozenset(),
) -> list[Route]:
    """Return up to ``k`` distinct routes from ``source`` to ``target``, cheapest first.

    ``have`` names skills and tools the person already has: steps do not list them as new.
    """
    _check_route_request(source, target, k, via, avoid, max_hops)
    H = career_network(G, avoid, cost)
    if source not in H or target not in H or not nx.has_path(H, source, target):
        raise NoRoute(_no_route_message(G, source, target, via, avoid, max_hops))
    candidates = nx.shortest_simple_paths(H, source, target, weight="weight")
    chosen = []
    for seen, nodes in enumerate(itertools.islice(candidates, SEARCH_LIMIT)):
        if max_hops is not None and len(nodes) - 1 > max_hops and cost is hop_cost:
            break
        weight = nx.path_weight(H, nodes, "weight")
        strong = [c for c in chosen if not c.weak]
        if len(chosen) >= k and seen >= RERANK_LIMIT:
            break
        if len(strong) >= k and cost is hop_cost and weight > strong[k - 1].cost:
            break  # enough well-backed routes, and the remaining candidates cost more
        if _acceptable(nodes, via, max_hops):
            chosen.append(explain_route(G, H, nodes, have, cost))
            chosen.sort(key=lambda r: (r.weak, r.cost, _relation_rank(H, r.nodes)))
    if not chosen:
        raise NoRoute(_no_route_message(G, source, target, via, avoid, max_hops))
    return chosen[:k]


def _relation_rank(H: nx.DiGraph, nodes) -> int:
    ids = [n["id"] if isinstance(n, dict) else n for n in nodes]
    return sum(min(map(_priority, H.edges[u, v]["relations"]))[0] for u, v in itertools.pairwise(ids))


def _check_route_request(source, target, k, via, avoid, max_hops) -> None:
    if source == target:
        raise BadInput("source and target are the same node: give two different roles")
    if k < 1:
        raise BadInput(f"-k must be at least 1, not {k}")
    if max_hops is not None and max_hops < 1:
        raise BadInput(f"--max-hops must be at least 1, not {max_hops}")
    clash = {source, target, *via} & set(avoid)
    if clash:
        raise BadInput(f"cannot both go through and avoid {', '.join(sorted(clash))}")


def _acceptable(nodes: list[str], via: Sequence[str], max_hops: int | None) -> bool:
    if max_hops is not None and len(nodes) - 1 > max_hops:
        return False
    positions = [nodes.index(v) if v in nodes else -1 for v in via]
    return all(p >= 0 for p in positions) and positions == sorted(positions)


def _no_route_message(G, source, target, via, avoid, max_hops) -> str:
    label = lambda n: G.nodes[n]["label"]  # noqa: E731
    limits = [f"through {', '.join(map(label, via))}" if via else "",
              f"avoiding {', '.join(map(label, avoid))}" if avoid else "",
              f"within {max_hops} steps" if max_hops else ""]
    limits = " ".join(part for part in limits if part)
    return (f"no career route from {label(source)} to {label(target)}" + (f" {limits}" if limits else "")
            + f"; see `mlgraph show \"{label(source)}\"` for its relations or `mlgraph next` for moves")


def explain_route(G: nx.MultiDiGraph, H: nx.DiGraph, nodes: list[str], have: Collection[str] = frozenset(),
                  cost: StepCost | None = None) -> Route:
    """Turn a node sequence of the career network into a Route with explained steps.

    Each step lists (and, with ``cost``, is charged for) only what the route has not met yet.
    """
    known = capabilities(G, nodes[0]) | set(have)
    steps = []
    for u, v in itertools.pairwise(nodes):
        steps.append(explain_step(G, H, u, v, have, known, cost))
        known |= capabilities(G, v)
    return Route(nodes=tuple(node_summary(G, n) for n in nodes), steps=tuple(steps),
                 cost=round(sum(step.cost for step in steps), 6))  # so 0.1 + 0.2 prints as 0.3


def explain_step(G: nx.MultiDiGraph, H: nx.DiGraph, u: str, v: str, have: Collection[str] = frozenset(),
                 known: Collection[str] | None = None, cost: StepCost | None = None) -> Step:
    """Describe the move from ``u`` to ``v``: relation, sources, evidence, and what is new to learn.

    What is new is measured against ``known`` (by default what ``u`` covers) plus ``have``.
    """
    relations = sorted(H.edges[u, v]["relations"], key=_priority)
    records = sort_records(r for rel in relations for r in G.edges[u, v, rel].get("evidence", ()))
    sources = sorted({s for r in relations for s in G.edges[u, v, r]["sources"]})
    had = set(capabilities(G, u) if known is None else known) | set(have)
    new = missing_needs(G, had, v)
    ranked = sorted(new, key=lambda n: (-new[n]["importance"], G.nodes[n]["label"].casefold(), n))
    return Step(source=u, relation=relations[0], target=v, sources=tuple(sources),
                cost=_charge(G, u, v, had, cost) if cost else H.edges[u, v]["weight"], relations=tuple(relations),
                relation_text=relation_label(G, relations[0]),
                new_skills=tuple(need_entry(G, n, new[n]) for n in ranked if not new[n]["tool"]),
                new_tools=tuple(need_entry(G, n, new[n]) for n in ranked if new[n]["tool"]),
                evidence=tuple(records), items=tuple(order_items(G, group_items(G, new))))


def _charge(G: nx.MultiDiGraph, u: str, v: str, known: set[str], cost: StepCost) -> float:
    """Return the step's cost given what the route has met so far, when ``cost`` can take that into account."""
    if "known" in inspect.signature(cost).parameters:
        return cost(G, u, v, known=known)
    return cost(G, u, v)


def _priority(relation: str) -> tuple[int, str]:
    return (RELATION_PRIORITY.index(relation) if relation in RELATION_PRIORITY else len(RELATION_PRIORITY), relation)
