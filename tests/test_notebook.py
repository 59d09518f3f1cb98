"""The map as a Python object: an isolated inline frame, a saved page, a pyvis Network."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import mlgraph

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def tiny():
    return mlgraph.load([FIXTURES / "tiny.ttl"], builtin=False)


@pytest.fixture(scope="module")
def hostile():
    return mlgraph.load([FIXTURES / "hostile_labels.ttl"], builtin=False)


def frame_page(frame: str) -> str:
    match = re.fullmatch(r'<iframe srcdoc="([^"]*)" sandbox="allow-scripts" title="[^"]*" style="[^"]*"></iframe>', frame)
    assert match, frame[:300]
    return html.unescape(match.group(1))


def test_inline_map_is_the_whole_page_in_a_sandboxed_frame(tiny):
    drawn = tiny.map(path=("intern", "team lead"))
    assert frame_page(drawn._repr_html_()) == drawn.page
    assert "allow-same-origin" not in drawn._repr_html_()


def test_hostile_text_cannot_leave_the_frame_attribute(hostile):
    drawn = hostile.map()
    frame = drawn._repr_html_()
    assert frame_page(frame) == drawn.page
    assert frame.count("<") == 2  # the iframe's own tags; everything else is escaped


def test_to_pyvis_holds_the_same_nodes_edges_colours_and_positions(tiny):
    drawn = tiny.map()
    net = drawn.to_pyvis()
    nodes = {n["id"]: n for n in net.nodes}
    shown = drawn.drawn
    assert set(nodes) == {n["id"] for n in shown}
    colours = {t["name"]: t["colour"] for t in drawn.data["types"]}
    for node in shown:
        assert (nodes[node["id"]]["x"], nodes[node["id"]]["y"]) == (node["x"], node["y"])
        assert nodes[node["id"]]["color"] == colours[node["type"]]
        assert nodes[node["id"]]["label"] == node["label"]
    ids = [n["id"] for n in drawn.data["nodes"]]
    assert sorted((e["from"], e["to"], e["color"]) for e in net.edges) == sorted(
        (ids[u], ids[v], drawn.data["relations"][k]["colour"]) for u, v, k, *_ in drawn.drawn_edges)
    assert len(net.edges) == tiny.network.subgraph(drawn.view.nodes).number_of_edges()
    assert net.options.physics.enabled is False


def test_pyvis_tooltips_are_plain_text(hostile):
    net = hostile.map().to_pyvis()
    by_id = {n["id"]: n for n in net.nodes}
    role = by_id["https://w3id.org/mlgraph/id/script-role"]
    assert role["title"] == "</script><script>window.pwned='label'</script>\nRole"
    # pyvis renders every tooltip as HTML once any title contains "href": none may
    assert not any("href" in item.get("title", "") for item in net.nodes + net.edges)
    page = net.generate_html()
    assert "window.pwned='label'</script>" not in page  # the JSON pyvis writes escapes it


def test_save_writes_the_page(tiny, tmp_path):
    drawn = tiny.map(focus="python")
    assert drawn.save(tmp_path / "maps" / "python.html").read_text(encoding="utf-8") == drawn.page
    assert repr(drawn).startswith("<Map 'Around Python (1 step)': ")
