"""The cache payload: a network written and read back is the same network; damage is refused."""

from __future__ import annotations

import json

import pytest

from mlgraph.career.network import load_network
from mlgraph.storage.network_codec import decode, encode


def assert_same_network(expected, actual) -> None:
    assert list(actual.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(actual.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert actual.graph == expected.graph


def test_round_trip_keeps_the_built_in_network():
    G = load_network(use_cache=False)
    H = decode(encode(G))
    assert_same_network(G, H)
    some = next(iter(G))
    assert dict(H.pred[some]) == dict(G.pred[some])


def test_round_trip_keeps_the_tiny_network(tiny):
    assert_same_network(tiny, decode(encode(tiny)))


def test_decoded_network_can_grow_like_any_other(tiny):
    H = decode(encode(tiny))
    H.add_edge("x", "y", key="k")
    assert H.has_edge("x", "y", "k") and "x" in H.pred["y"]


def test_payload_names_each_node_and_source_once(tiny):
    text = encode(tiny).decode("utf-8")
    assert text.count('"https://w3id.org/mlgraph/id/junior-developer"') == 1  # edges use positions
    assert text.count('"https://w3id.org/mlgraph/source/a"') == 2  # as a node, and in the sources cited


@pytest.mark.parametrize("damage", [
    lambda p: p.update(format=0),
    lambda p: p["edges"][1].pop(),
    lambda p: p["edges"][0].__setitem__(0, 10**6),
    lambda p: p["node_attrs"]["shape_of"].pop(),
    lambda p: p.pop("sources"),
])
def test_damaged_payload_is_refused(tiny, damage):
    payload = json.loads(encode(tiny))
    damage(payload)
    with pytest.raises(ValueError):
        decode(json.dumps(payload).encode())


def test_payload_that_is_not_json_is_refused():
    with pytest.raises(ValueError):
        decode(b"\x80not json")
