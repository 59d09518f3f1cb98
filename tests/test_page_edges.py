"""A page carries the relations it draws, and those leading off the map only while they are few."""

from __future__ import annotations

from mlgraph.map.page_data import map_data
from mlgraph.map.page_edges import page_edges
from mlgraph.map.views import whole_view

MLD = "https://w3id.org/mlgraph/id/"


def test_small_map_keeps_relations_to_nodes_off_the_map(tiny):
    edges, note = page_edges(tiny, [MLD + "analyst"])
    assert (MLD + "junior-developer", MLD + "analyst", "canMoveTo") in edges
    assert note == ""


def test_past_the_limit_only_drawn_relations_stay(tiny):
    drawn = [MLD + "junior-developer", MLD + "senior-developer", MLD + "analyst"]
    edges, note = page_edges(tiny, drawn, off_map_limit=1)
    assert edges == sorted(e for e in tiny.edges(keys=True) if e[0] in drawn and e[1] in drawn)
    assert "left out" in note


def test_whole_map_of_a_small_graph_is_unchanged(tiny):
    data = map_data(tiny, whole_view(tiny), {})
    assert len(data["edges"]) == tiny.number_of_edges()
