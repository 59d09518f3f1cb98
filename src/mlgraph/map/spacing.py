"""Keep a map's nodes apart: no two boxes (shape and label) overlapping, stray parts close to the rest.

Force layouts leave crowds around hubs and fling loose parts far away; both make a map hard to
read once it is fitted to a window. These steps run after any layout and are deterministic.

>>> spread_apart({"a": (0.0, 0.0), "b": (1.0, 0.0)}, 10)
{'a': (-5, 0), 'b': (6, 0)}
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

#: Nodes closer than this many pixels are pushed apart after layout, so labels stay readable.
MIN_GAP = 70


def pull_in(pos: dict[str, tuple[float, float]], keep: float = 0.8) -> dict[str, tuple[float, float]]:
    """Return ``pos`` with the far-flung nodes (beyond the ``keep`` share nearest the centre)
    pulled halfway in: a few long chains would otherwise make the whole map small on screen.

    >>> pos = pull_in({"a": (-1.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0), "d": (0.0, -1.0), "e": (0.0, 9.0)})
    >>> pos["e"], pos["a"]
    ((0.0, 6.8), (-1.0, 0.0))
    """
    if len(pos) < 4:
        return pos
    cx, cy = statistics.fmean(p[0] for p in pos.values()), statistics.fmean(p[1] for p in pos.values())
    radii = sorted(math.hypot(x - cx, y - cy) for x, y in pos.values())
    limit = radii[int(keep * (len(radii) - 1))]
    pulled = {}
    for node, (x, y) in pos.items():
        r = math.hypot(x - cx, y - cy)
        f = (limit + (r - limit) / 2) / r if r > limit else 1.0
        pulled[node] = (cx + (x - cx) * f, cy + (y - cy) * f)
    return pulled


def place_on_rings(nodes: Sequence[str], pos: dict[str, tuple[float, float]]) -> None:
    """Place ``nodes`` side by side, in order, on rings just outside the nodes already in ``pos``.

    >>> pos = {"a": (0.0, 0.0)}
    >>> place_on_rings(["b"], pos); pos["b"]
    (140.0, 0.0)
    """
    radius = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + 2 * MIN_GAP
    i = 0
    for node in nodes:
        per_ring = max(1, int(2 * math.pi * radius / MIN_GAP))
        angle = 2 * math.pi * i / per_ring
        pos[node] = (radius * math.cos(angle), radius * math.sin(angle))
        i += 1
        if i == per_ring:
            radius, i = radius + MIN_GAP, 0


Box = tuple[float, float, float, float]


def spread_apart(pos: dict[str, tuple[float, float]], gap: float, room: dict[str, float] | None = None,
                 rounds: int = 150, boxes: dict[str, Box] | None = None) -> dict[str, tuple[int, int]]:
    """Return ``pos`` with nodes nudged apart until no two of their boxes overlap, rounded to
    whole pixels. A node's box is given in ``boxes`` as (left, top, right, bottom) from its
    centre (a shape with its label below), else a square ``room`` (or ``gap / 2``) each way.
    Overlapping boxes move apart along the axis that needs the smaller move, so wide labels
    slide sideways and stacked ones up and down. Where nudging alone does not clear a crowd,
    the whole map is stretched a little and nudged again.

    >>> spread_apart({"a": (0.0, 0.0), "b": (10.0, 0.0)}, 60)
    {'a': (-26, 0), 'b': (36, 0)}
    >>> spread_apart({"a": (0.0, 0.0), "b": (0.0, 10.0)}, 60, boxes={"a": (-50, -5, 50, 20)})
    {'a': (0, -20), 'b': (0, 30)}
    """
    pos = {n: list(xy) for n, xy in pos.items()}
    box = {n: (boxes or {}).get(n) or _square((room or {}).get(n, gap / 2)) for n in pos}
    sizes = sorted(max(b[2] - b[0], b[3] - b[1]) for b in box.values())
    cell = max(gap, sizes[len(sizes) // 2] if sizes else gap)  # the typical box; big ones span cells
    _make_room(pos, box)
    # a budget of rounds that shrinks as the map grows: a huge map keeps a few overlaps rather
    # than taking minutes (its small labels only show when zoomed in anyway)
    budget = max(60, WORK // max(len(pos), 1))
    # nudge long before each stretch (stretching grows the whole map), and stretch a little at a time
    each = min(rounds, max(30, budget // 6))
    for stretch in range(24):
        if stretch:
            factor = 1.02 + 0.01 * stretch  # gently at first: a map should grow no more than it must
            for xy in pos.values():
                xy[0], xy[1] = xy[0] * factor, xy[1] * factor
        now = min(each, budget)
        if now <= 0 or _settle(pos, box, cell, now):
            break
        budget -= now
    return {n: (round(x), round(y)) for n, (x, y) in sorted(pos.items())}


#: Share of a map's area its boxes may cover before nudging: denser maps are first stretched to
#: this (nudging alone would take many rounds to clear a crowd that has no room to go to).
MAX_DENSITY = 0.45

#: Node-rounds of nudging a map may take in all (about a second of work per 100,000).
WORK = 200_000


def _make_room(pos: dict[str, list[float]], box: dict[str, Box]) -> None:
    """Stretch ``pos`` about the origin until its boxes cover at most ``MAX_DENSITY`` of its extent."""
    if len(pos) < 100:  # a small map has room to spread without this
        return
    xs = [xy[0] + b for n, xy in pos.items() for b in (box[n][0], box[n][2])]
    ys = [xy[1] + b for n, xy in pos.items() for b in (box[n][1], box[n][3])]
    extent = (max(xs) - min(xs)) * (max(ys) - min(ys))
    covered = sum((b[2] - b[0]) * (b[3] - b[1]) for b in box.values())
    if covered > MAX_DENSITY * extent:
        factor = math.sqrt(covered / (MAX_DENSITY * extent))
        for xy in pos.values():
            xy[0], xy[1] = xy[0] * factor, xy[1] * factor


def _square(half: float) -> Box:
    return (-half, -half, half, half)


def _settle(pos: dict[str, list[float]], box: dict[str, Box], cell: float, rounds: int) -> bool:
    """Push overlapping nodes apart for up to ``rounds`` rounds; return whether none overlaps now."""
    return any(not _push_apart(pos, box, cell) for _ in range(rounds))


def _push_apart(pos: dict[str, list[float]], box: dict[str, Box], cell: float) -> bool:
    """Push every overlapping pair apart at once (in a fixed order); return whether any was.

    Each box is filed under every grid cell it touches, so only boxes sharing a cell are compared
    and a few wide labels do not make every cell large.
    """
    grid: dict[tuple[int, int], list[str]] = {}
    for node in sorted(pos):
        (x, y), (left, top, right, bottom) = pos[node], box[node]
        for cx in range(int((x + left) // cell), int((x + right) // cell) + 1):
            for cy in range(int((y + top) // cell), int((y + bottom) // cell) + 1):
                grid.setdefault((cx, cy), []).append(node)
    moved, seen = False, set()
    for key in sorted(grid):
        members = grid[key]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) not in seen:
                    seen.add((a, b))
                    moved |= _push(pos[a], pos[b], box[a], box[b], a + b)
    return moved


def _push(a: list[float], b: list[float], ba: Box, bb: Box, names: str) -> bool:
    """Move ``a`` and ``b`` apart by half the overlap of their boxes each, along the cheaper axis."""
    # how far b must move right (or left) / down (or up) for the boxes to stop overlapping
    right, left = a[0] + ba[2] - (b[0] + bb[0]), b[0] + bb[2] - (a[0] + ba[0])
    down, up = a[1] + ba[3] - (b[1] + bb[1]), b[1] + bb[3] - (a[1] + ba[1])
    if min(right, left, down, up) <= 0.5:
        return False
    if a == b:  # same spot: split along a direction fixed by the names, not by chance
        horizontal = sum(map(ord, names)) % 2 == 0
        dx, dy = (right, 0.0) if horizontal else (0.0, down)
    else:
        dx = right if right < left else -left
        dy = down if down < up else -up
        dx, dy = (dx, 0.0) if abs(dx) <= abs(dy) else (0.0, dy)
    half_x, half_y = dx / 2 + math.copysign(0.5, dx) * (dx != 0), dy / 2 + math.copysign(0.5, dy) * (dy != 0)
    a[0] -= half_x
    a[1] -= half_y
    b[0] += half_x
    b[1] += half_y
    return True
