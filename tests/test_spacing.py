"""Keeping nodes apart: overlaps removed, big labels given room, stray parts kept close."""

from __future__ import annotations

import math

from mlgraph.map.spacing import MIN_GAP, place_on_rings, pull_in, spread_apart


def test_spread_apart_gives_big_labels_more_room():
    pos = spread_apart({"a": (0.0, 0.0), "b": (5.0, 0.0), "c": (300.0, 0.0)}, 40, room={"a": 100})
    assert math.dist(pos["a"], pos["b"]) >= 100 + 20 - 1
    assert pos["c"] == (300, 0)


def test_rings_place_in_order_outside():
    pos = {"x": (0.0, 0.0)}
    place_on_rings(["a", "b", "c"], pos)
    assert all(math.hypot(*pos[n]) == 2 * MIN_GAP for n in "abc")


def test_a_crowd_is_cleared_even_when_nudging_alone_cannot():
    crowd = {f"n{i}": (float(i % 3), float(i // 3)) for i in range(60)}
    pos = spread_apart(crowd, 50)
    points = list(pos.values())
    assert min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:]) >= 49


def test_pull_in_brings_strays_halfway_back():
    pos = pull_in({"a": (-1.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0), "d": (0.0, -1.0), "e": (0.0, 90.0)})
    assert pos["a"] == (-1.0, 0.0) and 50 < pos["e"][1] < 70  # 72 from the centre, now 45.5
