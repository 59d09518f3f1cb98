"""Positions computed in Python: stable, spread out, and shaped by what the view shows."""

from __future__ import annotations

import math
import os
import random
import subprocess
import sys

import networkx as nx

from mlgraph.career.paths import find_routes
from mlgraph.map.labels import label_box
from mlgraph.map.page_data import NODE_STYLES
from mlgraph.map.layout import CORE_SIZE, place_career, place_nodes, place_route, place_view
from mlgraph.map.spacing import MIN_GAP
from mlgraph.map.views import focus_view, route_view, whole_view

MLD = "https://w3id.org/mlgraph/id/"


def closest_pair(pos) -> float:
    points = list(pos.values())
    return min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:])


def test_same_input_same_positions_whatever_the_order():
    edges = [(f"n{i}", f"n{(i * 7) % 40}") for i in range(40)]
    nodes = [f"n{i}" for i in range(40)]
    assert place_nodes(nodes, edges) == place_nodes(nodes[::-1], edges[::-1])


def test_positions_are_whole_pixels_and_no_two_nodes_overlap():
    G = nx.gnm_random_graph(120, 300, seed=3)
    pos = place_nodes([str(n) for n in G], [(str(u), str(v)) for u, v in G.edges()])
    assert len(pos) == 120 and all(isinstance(c, int) for xy in pos.values() for c in xy)
    assert closest_pair(pos) >= MIN_GAP - 2


def test_lone_nodes_stay_near_the_rest():
    pos = place_nodes(["a", "b", "c", "lone"], [("a", "b"), ("b", "c")])
    reach = max(math.hypot(*pos[n]) for n in "abc")
    assert math.hypot(*pos["lone"]) < reach + 4 * MIN_GAP


def test_large_graph_is_placed_quickly_around_a_core():
    rng = random.Random(5)
    nodes = [f"n{i}" for i in range(CORE_SIZE * 3)]
    edges = [(nodes[i], nodes[rng.randrange(i)]) for i in range(1, len(nodes))]
    pos = place_nodes(nodes, edges)
    assert set(pos) == set(nodes) and closest_pair(dict(list(pos.items())[:300])) >= MIN_GAP - 2


def test_career_columns_follow_the_moves(tiny):
    roles = [n for n, t in tiny.nodes(data="type") if t == "Role"]
    pos = place_career(tiny, roles)
    x = {n.rsplit("/", 1)[1]: xy[0] for n, xy in pos.items()}
    assert x["intern"] < x["junior-developer"] < x["senior-developer"] < x["team-lead"]
    assert x["analyst"] == x["senior-developer"]


def test_route_is_a_timeline_with_needs_below(tiny):
    routes = find_routes(tiny, MLD + "intern", MLD + "team-lead", k=2)
    pos = place_view(tiny, route_view(tiny, routes))
    first = [n["id"] for n in routes[0].nodes]
    assert [pos[n][1] for n in first] == [0] * len(first)
    assert [pos[n][0] for n in first] == sorted(pos[n][0] for n in first)
    second_only = [n["id"] for n in routes[1].nodes if n["id"] not in first]
    assert all(pos[n][1] > 0 for n in second_only)
    assert pos[MLD + "sql"][1] > max(y for _, y in (pos[n] for r in routes for n in (x["id"] for x in r.nodes)))


def test_route_grid_is_wider_for_long_lists():
    pos = place_route([["a", "b"]], {"b": [f"s{i}" for i in range(40)]})
    xs = {pos[f"s{i}"][0] for i in range(40)}
    assert len(xs) >= 4 and pos["b"][0] - pos["a"][0] >= 300


def test_focus_rings_by_distance(tiny):
    view = focus_view(tiny, MLD + "junior-developer", 2)
    pos = place_view(tiny, view)
    assert pos[MLD + "junior-developer"] == (0, 0)
    near, far = math.hypot(*pos[MLD + "intern"]), math.hypot(*pos[MLD + "team-lead"])
    assert 0 < near < far


def boxes_on_map(G, pos):
    return {n: (x + b[0], y + b[1], x + b[2], y + b[3])
            for n, (x, y) in pos.items()
            for b in [label_box(G.nodes[n]["label"], G.nodes[n]["type"], shape=NODE_STYLES[G.nodes[n]["type"]][1])]}


def overlapping(boxes) -> list:
    items = sorted(boxes.items())
    return [(a, b) for i, (a, p) in enumerate(items) for b, q in items[i + 1:]
            if p[0] < q[2] - 1 and q[0] < p[2] - 1 and p[1] < q[3] - 1 and q[1] < p[3] - 1]


def test_whole_view_keeps_shapes_and_labels_apart(tiny):
    pos = place_view(tiny, whole_view(tiny))
    assert set(pos) == set(whole_view(tiny).nodes)
    assert overlapping(boxes_on_map(tiny, pos)) == []


def test_labels_of_the_built_in_map_do_not_overlap():
    from mlgraph.career.network import load_network

    G = load_network()
    pos = place_view(G, whole_view(G))
    assert len(overlapping(boxes_on_map(G, pos))) < 10


def test_positions_do_not_depend_on_python_hash_seed(tmp_path):
    """networkx subgraph views can iterate in set order; the layout must not inherit it."""
    script = tmp_path / "digest.py"
    script.write_text(
        "import hashlib, json, random\n"
        "from mlgraph.map.layout import place_nodes\n"
        "rng = random.Random(5)\n"
        "nodes = [f'n{i}' for i in range(900)]\n"
        "edges = [(nodes[i], nodes[rng.randrange(i)]) for i in range(1, 900)]\n"
        "print(hashlib.sha256(json.dumps(sorted(place_nodes(nodes, edges).items())).encode()).hexdigest())\n")
    digests = {subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1


def test_career_moves_in_a_cycle_share_a_column():
    G = nx.MultiDiGraph(relations={"canMoveTo": {"career": True}, "usesTool": {"career": False}})
    G.add_edges_from([("a", "b", "canMoveTo"), ("b", "a", "canMoveTo"), ("b", "c", "canMoveTo"),
                      ("c", "t", "usesTool")])
    pos = place_career(G, ["a", "b", "c", "t"])
    assert pos["a"][0] == pos["b"][0] < pos["c"][0] and "t" not in pos


def test_a_route_step_draws_its_top_needs_in_a_grid_below_it():
    from mlgraph.career.network import load_network
    from mlgraph.map.layout import ITEM_WIDTH
    from mlgraph.map.views import top_needs

    G = load_network()
    route = find_routes(G, MLD + "data-scientist", MLD + "machine-learning-architect")[0]
    view = route_view(G, [route])
    pos = place_view(G, view)
    assert set(pos) == set(view.nodes)
    for step in route.steps:
        x, y = pos[step.target]
        for need in top_needs(G, step):
            assert pos[need][1] > y and abs(pos[need][0] - x) <= 2 * ITEM_WIDTH
