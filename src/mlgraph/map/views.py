"""Choose what a map shows: the whole graph, routes, a node's neighbourhood, some types only.

A :class:`View` lists the nodes to draw, most important first, so that a size limit can keep
the head of the list and say what it left out. Routes and the focus node always stay drawn.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(relations={})
>>> G.add_node("a", label="a", type="Role"); G.add_node("s", label="s", type="Source")
>>> whole_view(G).nodes
('a',)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

import networkx as nx

from mlgraph.career.network import capabilities
from mlgraph.errors import BadInput
from mlgraph.rdf.vocab import NODE_TYPES

#: Types drawn when none are asked for: sources are cited in cards, not drawn as dots.
DEFAULT_TYPES = tuple(t for t in NODE_TYPES if t != "Source")

#: Maps larger than this are cut down unless asked otherwise: vis-network still draws 2,000
#: nodes in about a second, but labels and clicks get sluggish beyond that.
DEFAULT_MAX_NODES = 2000

#: A neighbourhood deeper than one step keeps at most this many nodes, nearest and best
#: connected first: two steps out from a hub reach most of the graph, which reads as a hairball.
FOCUS_MAX_NODES = 60

#: How many of a route step's needs are drawn and named first (the rest are listed on request).
TOP_NEEDS = 6


@dataclass(frozen=True)
class View:
    """What a map shows: nodes (most important first), a title, and what it highlights."""

    nodes: tuple[str, ...]
    title: str
    routes: tuple = ()
    focus: str | None = None
    left_out: dict[str, int] = field(default_factory=dict)
    hidden_types: tuple[str, ...] = ()
    remarks: tuple[str, ...] = ()

    def notes(self) -> list[str]:
        """Return sentences saying what the map leaves out, for the page."""
        notes = [*self.remarks, self.left_out_note()]
        if self.hidden_types:
            notes.append(f"Not drawn: {', '.join(plural(t, 2) for t in self.hidden_types)}"
                         + (" (sources are listed in each card)." if "Source" in self.hidden_types else "."))
        return [note for note in notes if note]

    def left_out_note(self) -> str:
        """Return what a size limit cut, or an empty string if it cut nothing."""
        if not self.left_out:
            return ""
        total = len(self.nodes) + sum(self.left_out.values())
        parts = ", ".join(f"{n:,} {plural(t, n)}" for t, n in self.left_out.items())
        return (f"Showing {len(self.nodes):,} of {total:,} nodes; left out: {parts}. "
                "Use --max-nodes, --type or --focus to choose what to draw.")


def plural(node_type: str, count: int) -> str:
    """Return a type name for ``count`` nodes: ``Role``/``Roles``, ``EducationPath``/``EducationPaths``.

    >>> plural("Industry", 2), plural("Skill", 1)
    ('Industries', 'Skill')
    """
    if count == 1:
        return node_type
    return node_type[:-1] + "ies" if node_type.endswith("y") else node_type + "s"


def whole_view(G: nx.MultiDiGraph, types: Collection[str] = DEFAULT_TYPES) -> View:
    """Return the view of every node of the given types, best connected first.

    >>> from mlgraph.career.network import load_network
    >>> whole_view(load_network()).hidden_types
    ('Source',)
    """
    present = sorted({t for _, t in G.nodes(data="type")})
    nodes = _by_importance(G, [n for n, t in G.nodes(data="type") if t in types])
    title = "mlgraph: the whole map" if set(types) >= set(DEFAULT_TYPES) else (
        "mlgraph: " + ", ".join(plural(t, 2) for t in NODE_TYPES if t in types))
    return View(nodes=nodes, title=title, hidden_types=tuple(t for t in present if t not in types))


def route_view(G: nx.MultiDiGraph, routes: Sequence, asked: int = 1, have: Collection[str] = ()) -> View:
    """Return the view of routes (from :func:`mlgraph.career.paths.find_routes`) and what each step needs;
    ``asked`` is how many routes were wanted, so that the view can say when fewer exist. Skills
    and tools in ``have`` that the route's roles need are drawn too, so a profile shows on the map.

    >>> from mlgraph.career.network import load_network
    >>> from mlgraph.career.paths import find_routes
    >>> G = load_network()
    >>> ends = [f"https://w3id.org/mlgraph/id/{n}" for n in ("data-scientist", "machine-learning-architect")]
    >>> route_view(G, find_routes(G, *ends)).title
    'Route from data scientist to machine learning architect'
    """
    if not routes:
        raise BadInput("a route view needs at least one route")
    ordered = [n["id"] for route in routes for n in route.nodes]
    ordered += [need for route in routes for step in route.steps for need in top_needs(G, step)]
    ordered += sorted({n for route in routes for node in route.nodes[1:] for n in capabilities(G, node["id"])} & set(have))
    first, last = routes[0].nodes[0]["label"], routes[0].nodes[-1]["label"]
    what = "Route" if len(routes) == 1 else f"{len(routes)} routes"
    fewer = (f"Only {len(routes)} distinct route{'s' * (len(routes) != 1)} found (asked for {asked}).",)
    return View(nodes=tuple(dict.fromkeys(ordered)), title=f"{what} from {first} to {last}",
                routes=tuple(routes), remarks=fewer if len(routes) < asked else ())


def top_needs(G: nx.MultiDiGraph, step, limit: int = TOP_NEEDS) -> list[str]:
    """Return the ids of the ``limit`` needs of a route step that matter most: by importance
    where the evidence gives one, essential before good-to-have, then the most widely asked for.

    >>> from mlgraph.career.network import load_network
    >>> from mlgraph.career.paths import find_routes
    >>> G = load_network()
    >>> ends = [f"https://w3id.org/mlgraph/id/{n}" for n in ("data-scientist", "machine-learning-architect")]
    >>> [len(top_needs(G, step)) <= TOP_NEEDS for step in find_routes(G, *ends)[0].steps]
    [True, True]
    """
    needs = [*step.new_skills, *step.new_tools]
    needs.sort(key=lambda x: (-(x.get("importance") or 0), not x.get("essential", True),
                              -G.in_degree(x["id"]), x["label"].casefold()))
    return [x["id"] for x in needs[:limit]]


def focus_view(G: nx.MultiDiGraph, node: str, depth: int = 1, max_nodes: int = FOCUS_MAX_NODES) -> View:
    """Return the view of ``node`` and every node within ``depth`` links of it, nearest first.
    Deeper than one step, only the first ``max_nodes`` are kept and the view says what it left out.

    >>> from mlgraph.career.network import load_network
    >>> focus_view(load_network(), "https://w3id.org/mlgraph/id/python").title
    'Around Python (1 step)'
    """
    if depth < 1:
        raise BadInput(f"--depth must be at least 1, not {depth}")
    distance = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, cutoff=depth)
    rest = [n for n in distance if n != node and G.nodes[n]["type"] != "Source"]
    nodes = (node, *sorted(rest, key=lambda n: (distance[n], *_rank(G, n))))
    view = View(nodes=nodes, focus=node,
                title=f"Around {G.nodes[node]['label']} ({depth} step{'s' * (depth != 1)})")
    return limit_nodes(G, view, max_nodes) if depth > 1 else view


def keep_types(G: nx.MultiDiGraph, view: View, types: Collection[str]) -> View:
    """Return ``view`` without nodes of other types (route nodes and the focus always stay).

    >>> from mlgraph.career.network import load_network
    >>> G = load_network()
    >>> {G.nodes[n]["type"] for n in keep_types(G, whole_view(G), {"Role"}).nodes}
    {'Role'}
    """
    pinned = _pinned(view)
    nodes = tuple(n for n in view.nodes if n in pinned or G.nodes[n]["type"] in types)
    kept = set(nodes)
    dropped = {G.nodes[n]["type"] for n in view.nodes if n not in kept}
    return replace(view, nodes=nodes, hidden_types=tuple(sorted({*view.hidden_types, *dropped})))


def limit_nodes(G: nx.MultiDiGraph, view: View, max_nodes: int) -> View:
    """Return ``view`` cut to its first ``max_nodes`` nodes, counting by type what it left out.

    >>> from mlgraph.career.network import load_network
    >>> G = load_network()
    >>> len(limit_nodes(G, whole_view(G), 10).nodes)
    10
    """
    if max_nodes < 1:
        raise BadInput(f"--max-nodes must be at least 1, not {max_nodes}")
    if len(view.nodes) <= max_nodes:
        return view
    pinned = _pinned(view)
    kept = [n for n in view.nodes if n in pinned]
    kept += [n for n in view.nodes if n not in pinned][:max(0, max_nodes - len(kept))]
    kept_set = set(kept)
    order = {t: i for i, t in enumerate(NODE_TYPES)}
    counts = Counter(G.nodes[n]["type"] for n in view.nodes if n not in kept_set)
    left_out = dict(sorted(counts.items(), key=lambda kv: order.get(kv[0], 99)))
    return replace(view, nodes=tuple(n for n in view.nodes if n in kept_set), left_out=left_out)


def _pinned(view: View) -> set[str]:
    """The nodes a view must keep whatever the limits: its routes' nodes and its focus."""
    pinned = {n["id"] for route in view.routes for n in route.nodes}
    return pinned | ({view.focus} if view.focus else set())


def _by_importance(G: nx.MultiDiGraph, nodes: Collection[str]) -> tuple[str, ...]:
    """``nodes`` sorted best connected first, then by type order and label."""
    return tuple(sorted(nodes, key=lambda n: _rank(G, n)))


def _rank(G: nx.MultiDiGraph, node: str) -> tuple:
    order = {t: i for i, t in enumerate(NODE_TYPES)}
    attrs = G.nodes[node]
    return (-G.degree(node), order.get(attrs["type"], 99), attrs["label"].casefold(), node)
