"""Place a map's nodes once, in Python, so the page draws at once and the same every time.

The browser's physics would move nodes around on every opening; positions computed here with a
seeded layout make the page settle immediately and make the same graph give the same page.
Routes are laid out as a timeline (one column per step), a neighbourhood as a ring around its
centre, anything else with a force-directed layout (only on its best connected core when large,
the rest placed beside a neighbour, because that layout costs the square of the node count).

>>> pos = place_route([["a", "b", "c"]], {})
>>> [pos[n] for n in "abc"]
[(0, 0), (300, 0), (600, 0)]
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Collection, Iterable, Sequence

import networkx as nx

from mlgraph.map.labels import label_box
from mlgraph.map.page_data import NODE_STYLES
from mlgraph.map.spacing import MIN_GAP, Box, place_on_rings, pull_in, spread_apart

#: Force-directed layout on at most this many nodes (about a second); the rest are satellites.
CORE_SIZE = 400

#: Pixels between route columns (at least), route rows, and the rows and columns of the grid of
#: skills under a step.
COLUMN, ROW, ITEM, ITEM_WIDTH = 300, 190, 80, 160

#: On a whole-graph map, pixels between career columns, between roles in a column, and the
#: length links settle at.
LAYER_GAP, STACK_GAP, EDGE_LENGTH = 340, 170, 70

#: Pixels between the rings of a neighbourhood.
RING = 260

_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def place_view(G: nx.MultiDiGraph, view, seed: int = 7) -> dict[str, tuple[int, int]]:
    """Return positions for a :class:`mlgraph.map.views.View`: timeline, rings or force-directed.

    >>> from mlgraph.map.views import View
    >>> G = nx.MultiDiGraph([("a", "b")])
    >>> nx.set_node_attributes(G, "Skill", "type")
    >>> place_view(G, View(nodes=("a", "b"), title="", focus="a"))
    {'a': (0, 0), 'b': (260, 0)}
    """
    if view.routes:
        from mlgraph.map.views import top_needs

        drawn = set(view.nodes)
        needs: dict[str, list[str]] = {}
        for route in view.routes:
            for step in route.steps:
                needs.setdefault(step.target, []).extend(n for n in top_needs(G, step) if n in drawn)
        pos = place_route([[n["id"] for n in route.nodes] for route in view.routes], needs)
        # what the person already has (a --have profile) sits in a grid above the route's start
        extra = [n for n in view.nodes if n not in pos]
        rows = _grid_shape(len(extra))[1]
        _place_grid(extra, pos[view.routes[0].nodes[0]["id"]][0], -rows * ITEM - ITEM, pos)
        return pos
    roles = [n for n in view.nodes if G.nodes[n]["type"] == "Role"]
    boxes = {n: label_box(G.nodes[n].get("label", n), G.nodes[n]["type"], centre=n == view.focus,
                          shape=NODE_STYLES.get(G.nodes[n]["type"], ("", "dot"))[1]) for n in view.nodes}
    if view.focus:
        return place_around(G, view.focus, view.nodes, seed, boxes)
    return place_nodes(view.nodes, G.subgraph(view.nodes).edges(), seed, place_career(G, roles), boxes)


def place_nodes(nodes: Sequence[str], links: Iterable[tuple[str, str]], seed: int = 7,
                pinned: dict[str, tuple[float, float]] | None = None,
                boxes: dict[str, Box] | None = None) -> dict[str, tuple[int, int]]:
    """Return pixel positions for ``nodes`` joined by ``links``: force-directed, seeded, spread out.

    ``pinned`` nodes start at the positions given and the others settle around them; at the end
    no two nodes' ``boxes`` (shape and label, see :func:`mlgraph.map.labels.label_box`; a
    ``MIN_GAP`` square for nodes without one) overlap. The largest
    connected part is laid out; smaller parts and lone nodes go on rings around it (a force
    layout would fling them far away and shrink everything else when the page fits the window).

    >>> pos = place_nodes(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> pos == place_nodes(["c", "b", "a"], [("b", "c"), ("a", "b")])
    True
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(nodes))
    H.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in links if u != v and u in H and v in H))
    if len(H) == 0:
        return {}
    parts = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    main = induced(H, parts[0])
    core = induced(main, sorted(main, key=lambda n: (-main.degree(n), n))[:CORE_SIZE])
    fixed = {n: xy for n, xy in (pinned or {}).items() if n in core}
    pos = _spring(core, fixed, seed, room_for=len(main))
    place_satellites(main, pos)
    pos = pull_in(pos)
    place_on_rings([n for part in parts[1:] for n in part], pos)
    return spread_apart(pos, MIN_GAP, boxes=boxes)


def induced(H: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """Return the subgraph of ``H`` on ``nodes`` as a new graph with nodes and edges in sorted order.

    networkx's subgraph views may list nodes in the order of a set, which changes from one run
    to the next; a seeded layout is only reproducible if its input order is.

    >>> list(induced(nx.Graph([("b", "a"), ("c", "a")]), {"c", "a"}).nodes)
    ['a', 'c']
    """
    chosen = set(nodes)
    S = nx.Graph()
    S.add_nodes_from(sorted(chosen))
    S.add_edges_from(sorted((min(u, v), max(u, v)) for u, v in H.edges(chosen) if u in chosen and v in chosen))
    return S


def place_career(G: nx.MultiDiGraph, nodes: Collection[str]) -> dict[str, tuple[float, float]]:
    """Return columns for the career moves among ``nodes``: each node one column right of the
    nodes it comes from (longest path; a cycle of moves shares a column), stacked in a column.

    >>> G = nx.MultiDiGraph([("a", "b", "progressesTo"), ("b", "c", "progressesTo")], relations={
    ...     "progressesTo": {"career": True}})
    >>> place_career(G, "abc")
    {'a': (0.0, 0.0), 'b': (340.0, 0.0), 'c': (680.0, 0.0)}
    """
    career = {name for name, info in G.graph["relations"].items() if info.get("career")}
    D = nx.DiGraph(sorted((u, v) for u, v, k in G.subgraph(nodes).edges(keys=True) if k in career and u != v))
    C = nx.condensation(D)
    layer: dict[int, int] = {}
    for c in nx.lexicographical_topological_sort(C, key=lambda c: min(C.nodes[c]["members"])):
        layer[c] = 1 + max((layer[p] for p in C.predecessors(c)), default=-1)
    columns: dict[int, list[str]] = {}
    for node in sorted(D):
        columns.setdefault(layer[C.graph["mapping"][node]], []).append(node)
    pos: dict[str, tuple[float, float]] = {}
    for col, members in sorted(columns.items()):
        # order a column by where its nodes come from, so that moves cross as little as possible
        members.sort(key=lambda n: (statistics.fmean([pos[p][1] for p in D.predecessors(n) if p in pos] or [0.0]), n))
        for i, node in enumerate(members):
            pos[node] = (float(col * LAYER_GAP), (i - (len(members) - 1) / 2) * STACK_GAP)
    return pos


def _spring(H: nx.Graph, fixed: dict[str, tuple[float, float]], seed: int,
            room_for: int) -> dict[str, tuple[float, float]]:
    """Lay out ``H`` around the ``fixed`` nodes, or on a disc big enough for ``room_for`` nodes."""
    if len(H) == 1:
        return {next(iter(H)): fixed.get(next(iter(H)), (0.0, 0.0))}
    if fixed:
        raw = nx.spring_layout(H, pos=dict(fixed), fixed=sorted(fixed), k=EDGE_LENGTH, seed=seed,
                               iterations=200, method="force")
    else:
        raw = nx.spring_layout(H, seed=seed, iterations=150, method="force", scale=90 * math.sqrt(room_for) + 150)
    return {n: (float(x), float(y)) for n, (x, y) in raw.items()}


def place_satellites(H: nx.Graph, pos: dict[str, tuple[float, float]]) -> None:
    """Place every node of the connected graph ``H`` missing from ``pos`` on a small spiral
    beside its best connected placed neighbour, nearest to the placed nodes first.

    >>> pos = {"hub": (0.0, 0.0)}
    >>> place_satellites(nx.Graph([("hub", "a"), ("a", "b")]), pos)
    >>> sorted(pos), round(math.dist(pos["hub"], pos["a"]))
    (['a', 'b', 'hub'], 116)
    """
    crowd: dict[str, int] = {}
    frontier = sorted(n for n in H if n not in pos)
    while frontier:
        waiting = []
        for node in frontier:
            anchors = sorted((a for a in H[node] if a in pos), key=lambda a: (-H.degree(a), a))
            if not anchors:
                waiting.append(node)
                continue
            k = crowd[anchors[0]] = crowd.get(anchors[0], 0) + 1
            x, y = pos[anchors[0]]
            radius = MIN_GAP + 0.65 * MIN_GAP * math.sqrt(k)  # a sunflower: even spacing
            pos[node] = (x + radius * math.cos(k * _GOLDEN_ANGLE), y + radius * math.sin(k * _GOLDEN_ANGLE))
        if len(waiting) == len(frontier):  # not connected to the placed nodes: cannot happen in H
            place_on_rings(waiting, pos)
            return
        frontier = waiting


def place_route(routes: Sequence[Sequence[str]], needs: dict[str, Sequence[str]]) -> dict[str, tuple[int, int]]:
    """Return a timeline: route ``i`` on row ``i``, its steps left to right, and under each step
    a grid of the ``needs`` (skills, tools) first asked for there. Columns widen to fit the grids.

    >>> place_route([["a", "b"]], {"b": ["s", "t"]})
    {'a': (0, 0), 'b': (300, 0), 's': (220, 220), 't': (380, 220)}
    """
    fresh: dict[str, list[str]] = {}
    seen = {n for route in routes for n in route}
    for node, items in needs.items():
        fresh[node] = [i for i in dict.fromkeys(items) if i not in seen]
        seen.update(fresh[node])
    widths = [_grid_shape(len(fresh.get(n, ())))[0] * ITEM_WIDTH for n in routes[0]]
    xs = [0]
    for left, right in itertools.pairwise(widths):
        xs.append(xs[-1] + max(COLUMN, (left + right) // 2 + ITEM_WIDTH // 2))
    pos: dict[str, tuple[int, int]] = {}
    for row, route in enumerate(routes):
        for col, node in enumerate(route):
            at = col * (len(xs) - 1) / max(len(route) - 1, 1)  # a shorter route is stretched
            x = xs[int(at)] if at.is_integer() else xs[int(at)] + (at % 1) * (xs[int(at) + 1] - xs[int(at)])
            pos.setdefault(node, (round(x), row * ROW))
    top = len(routes) * ROW + 30
    first = [n for n in fresh if n in routes[0]]
    depth = max((_place_grid(fresh[n], pos[n][0], top, pos) for n in first), default=0)
    for node in (n for n in fresh if n not in routes[0]):  # under the band of the first route
        top += depth * ITEM + ITEM // 2
        depth = _place_grid(fresh[node], pos[node][0], top, pos)
    return pos


def _place_grid(items: Sequence[str], centre: float, top: int, pos: dict) -> int:
    cols, rows = _grid_shape(len(items))
    for j, item in enumerate(items):
        pos[item] = (round(centre + (j % cols - (cols - 1) / 2) * ITEM_WIDTH), top + (j // cols) * ITEM)
    return rows


def _grid_shape(count: int) -> tuple[int, int]:
    """Return (columns, rows) of a grid for ``count`` labels: about twice as wide as it is tall."""
    cols = max(1, min(count, math.ceil(math.sqrt(count * 0.6)))) if count else 0
    return cols, (math.ceil(count / cols) if cols else 0)


def place_around(G: nx.Graph, centre: str, nodes: Sequence[str], seed: int = 7,
                 boxes: dict[str, Box] | None = None) -> dict[str, tuple[int, int]]:
    """Return ``centre`` in the middle, its neighbours evenly on a ring around it, and nodes
    further out settled by a force layout beside the neighbours they hang from.

    >>> place_around(nx.Graph([("c", "x")]), "c", ["c", "x"])
    {'c': (0, 0), 'x': (260, 0)}
    """
    H = induced(G.to_undirected(as_view=True), nodes)
    ring = sorted(H[centre])
    radius = max(RING, len(ring) * MIN_GAP * 1.4 / (2 * math.pi))
    pinned = {centre: (0.0, 0.0)}
    for i, node in enumerate(ring):
        angle = 2 * math.pi * i / len(ring)
        pinned[node] = (radius * math.cos(angle), radius * math.sin(angle))
    pos = place_nodes(nodes, H.edges(), seed, pinned, boxes)
    cx, cy = pos[centre]  # spacing may have nudged the centre: put it back in the middle
    pos = {n: (x - cx, y - cy) for n, (x, y) in pos.items()}
    # spacing labels may have pushed a neighbour out past nodes further away: keep those outside
    reach = max((math.hypot(*pos[n]) for n in ring), default=0.0) + RING / 3
    outer = {n: xy for n, xy in pos.items() if n != centre and n not in ring and math.hypot(*xy) < reach}
    if not outer:
        return pos
    for node, (x, y) in outer.items():
        angle = math.atan2(y, x) if (x, y) != (0, 0) else sum(map(ord, node)) % 360 * math.pi / 180
        pos[node] = (reach * math.cos(angle), reach * math.sin(angle))
    return spread_apart(pos, MIN_GAP, boxes=boxes)
