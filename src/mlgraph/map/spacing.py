"""Keep a map's nodes apart: no two closer than a gap, stray parts close to the rest.

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


def spread_apart(pos: dict[str, tuple[float, float]], gap: float, room: dict[str, float] | None = None,
                 rounds: int = 30) -> dict[str, tuple[int, int]]:
    """Return ``pos`` with nodes nudged apart until no two are closer than ``gap`` (or than the
    sum of their ``room``, for nodes with big labels), rounded to whole pixels. Where nudging
    alone does not clear a crowd, the whole map is stretched a little and nudged again.

    >>> spread_apart({"a": (0.0, 0.0), "b": (10.0, 0.0)}, 60)
    {'a': (-26, 0), 'b': (36, 0)}
    """
    pos = {n: list(xy) for n, xy in pos.items()}
    room = {n: (room or {}).get(n, gap / 2) for n in pos}
    cell = 2 * max(room.values(), default=gap / 2)
    for stretch in range(12):
        if stretch:
            for xy in pos.values():
                xy[0], xy[1] = xy[0] * 1.12, xy[1] * 1.12
        if _settle(pos, room, cell, rounds if stretch == 0 else 10):
            break
    return {n: (round(x), round(y)) for n, (x, y) in sorted(pos.items())}


def _settle(pos: dict[str, list[float]], room: dict[str, float], cell: float, rounds: int) -> bool:
    """Push crowded nodes apart for up to ``rounds`` rounds; return whether none is crowded now."""
    return any(not _push_apart(pos, room, cell) for _ in range(rounds))


def _push_apart(pos: dict[str, list[float]], room: dict[str, float], cell: float) -> bool:
    """Push every too-close pair apart at once (in a fixed order); return whether any was."""
    grid: dict[tuple[int, int], list[str]] = {}
    for node in sorted(pos):
        x, y = pos[node]
        grid.setdefault((int(x // cell), int(y // cell)), []).append(node)
    moved = False
    for (cx, cy), members in sorted(grid.items()):
        near = [m for dx in (-1, 0, 1) for dy in (-1, 0, 1) for m in grid.get((cx + dx, cy + dy), ())]
        for a in members:
            for b in near:
                if a < b:
                    moved |= _push(pos[a], pos[b], room[a] + room[b], a + b)
    return moved


def _push(a: list[float], b: list[float], gap: float, names: str) -> bool:
    dx, dy = b[0] - a[0], b[1] - a[1]
    dist = math.hypot(dx, dy)
    if dist >= gap - 0.5:
        return False
    if dist < 1e-6:  # same spot: split along a direction fixed by the names, not by chance
        angle = (sum(map(ord, names)) % 360) * math.pi / 180
        dx, dy, dist = math.cos(angle), math.sin(angle), 1.0
    half = (gap - dist) / 2 + 0.5
    a[0] -= dx / dist * half
    a[1] -= dy / dist * half
    b[0] += dx / dist * half
    b[1] += dy / dist * half
    return True
