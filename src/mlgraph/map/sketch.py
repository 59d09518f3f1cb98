"""A plain picture of a map drawn with matplotlib, for machines without a browser.

Same positions, colours and route numbering as the page; labels for roles, education paths and
a route's needs (the others would only crowd a still picture).
"""

from __future__ import annotations

import io

import networkx as nx

from mlgraph.map.labels import DEFAULT_WRAP, FONT_SIZE, NODE_SIZE, WRAP_WIDTH, wrap_lines
from mlgraph.map.page_data import EDGE_STYLES, NODE_STYLES

#: Matplotlib marker for each vis-network shape.
MARKERS = {"dot": "o", "diamond": "D", "square": "s", "triangle": "^", "triangleDown": "v", "star": "*",
           "hexagon": "h", "box": "s"}

#: Pixels of the page per inch of the picture.
PIXELS_PER_INCH = 140


def draw_sketch(G: nx.MultiDiGraph, view, positions: dict[str, tuple[int, int]], fmt: str) -> bytes:
    """Return a ``fmt`` (png or svg) picture of ``view`` of ``G`` at ``positions``.

    >>> from mlgraph.map.views import View
    >>> G = nx.MultiDiGraph([("a", "b", "progressesTo")], relations={})
    >>> nx.set_node_attributes(G, {"a": "A", "b": "B"}, "label"); nx.set_node_attributes(G, "Role", "type")
    >>> draw_sketch(G, View(nodes=("a", "b"), title="t"), {"a": (0, 0), "b": (300, 0)}, "svg")[:5]
    b'<?xml'
    """
    import matplotlib

    matplotlib.use("Agg")  # no window, whatever the user's default backend
    import matplotlib.pyplot as plt

    pos = {n: (x, -y) for n, (x, y) in positions.items() if n in view.nodes}
    xs, ys = [p[0] for p in pos.values()] or [0], [p[1] for p in pos.values()] or [0]
    width = min(max((max(xs) - min(xs) + 400) / PIXELS_PER_INCH, 6), 30)
    height = min(max((max(ys) - min(ys) + 300) / PIXELS_PER_INCH, 4), 30)
    fig, ax = plt.subplots(figsize=(width, height))
    try:
        _draw(G, view, pos, ax)
        ax.set_title(view.title, loc="left", fontsize=14, fontweight="bold")
        ax.set_axis_off()
        ax.margins(0.08)
        out = io.BytesIO()
        fig.savefig(out, format=fmt, dpi=150 if fmt == "png" else None, bbox_inches="tight", facecolor="white",
                    metadata={"Software": None} if fmt == "png" else {"Date": None})
        return out.getvalue()
    finally:
        plt.close(fig)


def _draw(G: nx.MultiDiGraph, view, pos: dict, ax) -> None:
    steps = {(s.source, s.target): k for route in view.routes[:1] for k, s in enumerate(route.steps, 1)}
    H = nx.DiGraph((u, v, {"relation": k}) for u, v, k in G.subgraph(view.nodes).edges(keys=True) if u != v)
    for (u, v), data in H.edges.items():
        colour, width, dashed = EDGE_STYLES.get(data["relation"], ("#b6b9c2", 1.0, True))
        on_route = (u, v) in steps
        nx.draw_networkx_edges(H, pos, [(u, v)], ax=ax, edge_color="#dc2626" if on_route else colour,
                               width=4 if on_route else width * 0.7, style="solid" if on_route or not dashed else "dashed",
                               alpha=1 if on_route or not view.routes else 0.5, arrowsize=14 if on_route else 6)
    nx.draw_networkx_edge_labels(H, pos, {e: str(k) for e, k in steps.items()}, ax=ax, font_size=13,
                                 font_color="#b91c1c", font_weight="bold")
    for node_type, (colour, shape) in NODE_STYLES.items():
        members = [n for n in pos if G.nodes[n]["type"] == node_type]
        # marker sizes are areas in square points; one pixel of the page is 72 / PIXELS_PER_INCH points
        sizes = [(2 * NODE_SIZE.get(node_type, 9) * 72 / PIXELS_PER_INCH) ** 2 * (3 if n == view.focus else 1) for n in members]
        nx.draw_networkx_nodes(G, pos, members, ax=ax, node_color=colour, node_shape=MARKERS.get(shape, "o"),
                               node_size=sizes, edgecolors="#111827", linewidths=0.6)
    on_route = {n["id"] for route in view.routes for n in route.nodes}
    points = 72 / PIXELS_PER_INCH  # one pixel of the page, in points
    for node, (x, y) in pos.items():
        node_type, label = G.nodes[node]["type"], G.nodes[node]["label"]
        if view.routes or node_type in ("Role", "EducationPath") or node == view.focus:
            font = FONT_SIZE.get(node_type, 13)
            lines = wrap_lines(label, font, WRAP_WIDTH.get(node_type, DEFAULT_WRAP))
            ax.annotate("\n".join(lines), (x, y), xytext=(0, -(NODE_SIZE.get(node_type, 9) + 4) * points),
                        textcoords="offset points", ha="center", va="top", fontsize=max(font * points, 6),
                        linespacing=1.0, fontweight="bold" if node in on_route or node == view.focus else "normal")
