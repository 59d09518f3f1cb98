"""Choose which relations a map page carries: those it draws, and those to nodes off the map
only while they are few.

A card lists every relation of its node, including those to nodes not drawn ("not on this
map"). On a small map that costs little; on a 2,000-node slice of a large graph the relations
leading off the map outnumber the drawn ones several times and make most of the page, so past
:data:`OFF_MAP_LIMIT` the page keeps only the relations it draws, and says so.

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b", "x"), ("b", "c", "y")])
>>> page_edges(G, ["a", "b"])
([('a', 'b', 'x'), ('b', 'c', 'y')], '')
>>> page_edges(G, ["a", "b"], off_map_limit=0)[0]
[('a', 'b', 'x')]
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx

#: Most relations to off-map nodes a page carries for its cards; past this it carries none.
OFF_MAP_LIMIT = 2000


def page_edges(G: nx.MultiDiGraph, drawn: Sequence[str],
               off_map_limit: int = OFF_MAP_LIMIT) -> tuple[list[tuple[str, str, str]], str]:
    """Return the sorted (u, v, relation) edges a page carries for ``drawn`` nodes, and a note
    for the page when relations to off-map nodes were left out (else ``""``)."""
    shown = set(drawn)
    touching = {(u, v, k) for n in drawn for u, v, k in (*G.out_edges(n, keys=True), *G.in_edges(n, keys=True))}
    off_map = {e for e in touching if e[0] not in shown or e[1] not in shown}
    if len(off_map) <= off_map_limit:
        return sorted(touching), ""
    note = (f"Cards list only the relations drawn on this map; {len(off_map):,} relations to nodes "
            "off the map are left out (use --focus NAME to see a node with all its relations).")
    return sorted(touching - off_map), note
