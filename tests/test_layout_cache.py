"""Layouts are kept per view in the cache folder, and recomputed when the view or graph changes."""

from __future__ import annotations

from mlgraph.map.layout import place_view
from mlgraph.map.layout_cache import cached_positions, layout_key
from mlgraph.map.views import focus_view, whole_view

MLD = "https://w3id.org/mlgraph/id/"


def test_second_drawing_reads_the_stored_layout(tiny, private_cache):
    view = whole_view(tiny)
    first = cached_positions(tiny, view)
    (entry,) = private_cache.glob("layout-*.json")
    assert first == place_view(tiny, view)
    assert cached_positions(tiny, view) == first
    entry.write_text('[["only-one-node", [1, 2]]]')  # a stored layout that misses nodes is not used
    assert cached_positions(tiny, view) == first


def test_views_and_graphs_get_their_own_layouts(tiny):
    whole, around = whole_view(tiny), focus_view(tiny, MLD + "analyst")
    assert layout_key(tiny, whole) != layout_key(tiny, around)
    changed = tiny.copy()
    changed.add_edge(MLD + "intern", MLD + "analyst", key="canMoveTo", sources=[])
    assert layout_key(changed, whole) != layout_key(tiny, whole)


def test_damaged_layout_is_recomputed(tiny, private_cache):
    view = whole_view(tiny)
    first = cached_positions(tiny, view)
    (entry,) = private_cache.glob("layout-*.json")
    entry.write_text("{not json")
    assert cached_positions(tiny, view) == first
