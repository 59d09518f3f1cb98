"""Answers about single nodes and the whole graph: a node's card, lists of nodes, counts.

>>> nodes = Nodes(({"id": "urn:a", "label": "SQL", "type": "Skill"},))
>>> nodes
<Nodes: 1 node: SQL>
>>> nodes.as_dict()
[{'id': 'urn:a', 'label': 'SQL', 'type': 'Skill'}]
"""

from __future__ import annotations

from dataclasses import dataclass

from mlgraph.rdf.vocab import compact_iri
from mlgraph.results.tables import data_frame, html_block, html_table, plural as _plural


@dataclass(frozen=True)
class Card:
    """A node's card (``CareerGraph.show``): summary, description, synonyms, relations, sources."""

    card: dict

    def __getitem__(self, key):
        return self.card[key]

    def as_dict(self) -> dict:
        """Return what ``mlgraph show --json`` prints."""
        return self.card

    def rows(self) -> list[list]:
        """Return one row per relation, in :data:`RELATION_COLUMNS` order."""
        return [[r["relation_label"], r["node"]["label"], r["node"]["type"], r["sources"], r["relation"],
                 r["direction"], r["node"]["id"]] for r in self.card["relations"]]

    def __repr__(self) -> str:
        c = self.card
        return (f"<Card {c['label']} ({c['type']}, {compact_iri(c['id'])}): {_plural(len(c['relations']), 'relation')}, "
                f"{_plural(len(c['sources']), 'source')}>")

    def _repr_html_(self) -> str:
        c = self.card
        facts = [f"{c['type']} · {c['id']}"] + ([f"Also known as: {', '.join(c['alt_labels'])}"] if c["alt_labels"] else [])
        return html_block(c["label"], html_table(RELATION_COLUMNS[:4], [r[:4] for r in self.rows()]),
                          lines=[*facts, *([c["description"]] if c["description"] else [])])

    def to_pandas(self):
        """Return the node's relations, one row each, with the node at the other end and the sources."""
        return data_frame(RELATION_COLUMNS, self.rows())


RELATION_COLUMNS = ("relation_label", "label", "type", "sources", "relation", "direction", "id")


@dataclass(frozen=True)
class Nodes:
    """Nodes found by ``CareerGraph.list`` or ``search``, as node dicts; iterate for each."""

    nodes: tuple[dict, ...]

    def __len__(self) -> int:
        return len(self.nodes)

    def __iter__(self):
        return iter(self.nodes)

    def __getitem__(self, index):
        return self.nodes[index]

    def as_dict(self) -> list[dict]:
        """Return what ``mlgraph list --json`` and ``search --json`` print: a list of nodes."""
        return list(self.nodes)

    def rows(self) -> list[list]:
        return [[n["label"], n["type"], n.get("kind"), n["id"]] for n in self.nodes]

    def __repr__(self) -> str:
        shown = ", ".join(n["label"] for n in self.nodes[:8]) + (", ..." if len(self) > 8 else "")
        return f"<Nodes: {_plural(len(self), 'node')}{': ' + shown if shown else ''}>"

    def _repr_html_(self) -> str:
        return html_table(("label", "type", "kind", "id"), self.rows(), caption=_plural(len(self), "node"))

    def to_pandas(self):
        """Return one row per node: label, type, kind (education paths, tools) and IRI."""
        return data_frame(("label", "type", "kind", "id"), self.rows())


@dataclass(frozen=True)
class Stats:
    """Counts of triples, nodes by type and relations by kind (``CareerGraph.stats``)."""

    counts: dict

    def as_dict(self) -> dict:
        """Return what ``mlgraph stats --json`` prints."""
        return self.counts

    def rows(self) -> list[list]:
        return ([["node", t, n] for t, n in self.counts["nodes"].items()]
                + [["relation", r, n] for r, n in self.counts["edges"].items()])

    def __repr__(self) -> str:
        c = self.counts
        return (f"<Stats: {c['triples']:,} triples, {sum(c['nodes'].values()):,} nodes, "
                f"{sum(c['edges'].values()):,} relations>")

    def _repr_html_(self) -> str:
        return html_table(("counts", "name", "count"), self.rows(), caption=f"{self.counts['triples']:,} triples")

    def to_pandas(self):
        """Return one row per node type and per relation: ``counts`` (node or relation), name, count."""
        return data_frame(("counts", "name", "count"), self.rows())
