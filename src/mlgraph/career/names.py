"""Resolve what people type to nodes: IRI, CURIE, label or synonym, forgivingly.

Matching ignores case and punctuation (but keeps ``+`` and ``#`` so C, C++ and C# differ).
An unknown name raises :class:`NameNotFound` with the closest names; a name shared by several
nodes raises :class:`AmbiguousName` listing them.

>>> normalize("  Machine-Learning   ENGINEER! ")
'machine learning engineer'
>>> normalize("C++") == normalize("c")
False
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Collection

import networkx as nx

from mlgraph.career.occupations import occupation_node
from mlgraph.errors import AmbiguousName, BadInput, NameNotFound
from mlgraph.rdf.vocab import expand_curie

#: Word characters, combining marks (kept: they belong to the letter before), + and #.
_NOT_WORD = re.compile(r"[^\w\u0300-\u036f+#]+")


def normalize(text: str) -> str:
    """Return ``text`` folded for matching: Unicode-normalised (NFKC), case-folded, punctuation as
    single spaces. A name typed composed matches a label stored decomposed, and full-width or
    ligature letters match their plain forms.

    >>> normalize("cafe\u0301") == normalize("caf\u00e9") == "caf\u00e9"
    True
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(_NOT_WORD.sub(" ", folded.replace("_", " ")).split())


def label_index(G: nx.MultiDiGraph) -> dict[str, list[tuple[int, str]]]:
    """Map each normalized label to (rank, node) pairs: rank 0 preferred, 1 alternative, 2 IRI.

    An O*NET-SOC code (``15-2051.00``) is a preferred name of the imported occupation and an
    alternative one of a role aligned to it.

    Kept with the graph while its node count stays the same, so resolving the two ends of a
    route normalizes every label once, not twice.
    """
    known = _INDEXES.get(G)
    if known is not None and known[0] == len(G):
        return known[1]
    index = _build_label_index(G)
    _INDEXES[G] = (len(G), index)
    return index


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _build_label_index(G: nx.MultiDiGraph) -> dict[str, list[tuple[int, str]]]:
    index = defaultdict(list)
    for node, attrs in G.nodes(data=True):
        index[normalize(attrs["label"])].append((0, node))
        for alt in attrs.get("alt_labels", ()):
            index[normalize(alt)].append((1, node))
        index[normalize(node.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])].append((2, node))
        if "onet" in attrs:  # an O*NET-SOC code names its occupation first, then roles aligned to it
            index[normalize(attrs["onet"])].append((0 if node == occupation_node(attrs["onet"]) else 1, node))
    return index


def resolve(G: nx.MultiDiGraph, name: str, prefer: Collection[str] = ()) -> str:
    """Return the node ``name`` stands for, preferring nodes whose type is in ``prefer``.

    >>> from mlgraph.career.network import load_network
    >>> resolve(load_network(), "ML engineer")
    'https://w3id.org/mlgraph/id/machine-learning-engineer'
    """
    if name in G:
        return name
    iri = expand_curie(name.strip())
    if iri in G:
        return iri
    key = normalize(name)
    if not key:
        raise BadInput(f"empty name {name!r}: give a label, a CURIE such as mld:python, or an IRI")
    matches = label_index(G).get(key)
    if not matches:
        raise NameNotFound(name, suggest(G, key))
    return _pick(G, name, matches, prefer)


def _pick(G: nx.MultiDiGraph, name: str, matches: list[tuple[int, str]], prefer: Collection[str]) -> str:
    preferred = [m for m in matches if G.nodes[m[1]]["type"] in prefer] or matches
    best_rank = min(rank for rank, _ in preferred)
    nodes = sorted({node for rank, node in preferred if rank == best_rank})
    if len(nodes) > 1:
        raise AmbiguousName(name, [describe_candidate(G, n) for n in nodes])
    return nodes[0]


def describe_candidate(G: nx.MultiDiGraph, node: str) -> str:
    """Return ``label (Type, IRI)``, the way candidates and suggestions are listed."""
    return f"{G.nodes[node]['label']} ({G.nodes[node]['type']}, {node})"


def suggest(G: nx.MultiDiGraph, key: str, limit: int = 5) -> list[str]:
    """Return up to ``limit`` labels close to the normalized ``key``: containing it, then similar."""
    index = label_index(G)
    containing = [k for k in index if re.search(rf"(^| ){re.escape(key)}( |$)", k)]
    similar = difflib.get_close_matches(key, list(index), n=limit, cutoff=0.6)
    labels = []
    for k in sorted(containing, key=len) + similar:
        for _, node in sorted(index[k]):
            label = G.nodes[node]["label"]
            if label not in labels:
                labels.append(label)
    return labels[:limit]


def search(G: nx.MultiDiGraph, text: str) -> list[str]:
    """Return nodes whose labels (then descriptions) contain every word of ``text``, best first.

    >>> from mlgraph.career.network import load_network
    >>> G = load_network()
    >>> "https://w3id.org/mlgraph/id/apache-spark" in search(G, "spark")
    True
    """
    words = normalize(text).split()
    if not words:
        raise BadInput("empty search text: give one or more words, e.g. `mlgraph search spark`")
    scored = []
    for node, attrs in G.nodes(data=True):
        score = _search_score(attrs, words)
        if score is not None:
            scored.append((score, attrs["label"].casefold(), node))
    return [node for *_, node in sorted(scored)]


def _search_score(attrs: dict, words: list[str]) -> int | None:
    label = normalize(attrs["label"])
    alts = [normalize(a) for a in attrs.get("alt_labels", ())]
    if label == " ".join(words) or " ".join(words) in alts:
        return 0
    fields = [(1, label), *((2, a) for a in alts), (3, normalize(attrs.get("description", "")))]
    for score, field in fields:
        tokens = field.split()
        if all(any(t.startswith(w) for t in tokens) for w in words):
            return score
    return None
