"""Export the graph: six RDF formats (lossless, byte-stable) and two views of the career network.

The RDF formats write the rdflib graph exactly (every triple, provenance statements included)
with content-named blank nodes; GraphML and CSV write the networkx projection that the other
commands use (entities, and relations with their sources), which is not the whole RDF graph.

Files are written atomically (a temporary file in the same folder, then a rename), and an
existing file is replaced only when mlgraph wrote it and nobody changed it since (mlgraph keeps
a digest of what it wrote in its cache folder), or when the caller forces it.

>>> export_format(".ttl").key, export_format("json-ld").key
('ttl', 'jsonld')
>>> export_format("yaml")
Traceback (most recent call last):
...
mlgraph.errors.BadInput: unknown export format 'yaml'; known formats: ttl, nt, jsonld, xml, trig, nquads, graphml, csv
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import rdflib

from mlgraph.errors import BadInput
from mlgraph.rdf.canonical import canonical_triples
from mlgraph.rdf.rdfxml import render_rdfxml
from mlgraph.rdf.spreadsheet import safe_cell
from mlgraph.rdf.serialize import render_jsonld, render_ntriples, render_trig, render_turtle
from mlgraph.storage.records import written_by_mlgraph, write_owned  # noqa: F401 (written_by_mlgraph: part of the API)

if TYPE_CHECKING:  # networkx is imported only by the network formats, when used
    import networkx as nx


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its key, file suffix, name, and the pure function that renders it."""

    key: str
    suffix: str
    title: str
    rdf: bool  # True: renders canonical RDF triples; False: renders the networkx projection
    render: Callable


def render_graphml(G: nx.MultiDiGraph) -> str:
    """Return the career network as GraphML: nodes with their attributes, edges keyed by relation.

    Lists and records (synonyms, salaries) are stored as JSON text, sources as space-separated IRIs.
    Text with a control character XML 1.0 forbids is refused, as the RDF/XML export does: no
    XML reader would open the file.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", label="A", type="Role", alt_labels=["a1"])
    >>> '<data key="d0">["a1"]</data>' in render_graphml(G)
    True
    """
    import networkx as nx

    H = nx.MultiDiGraph()
    for node in sorted(G):
        attrs = {k: _plain(v) for k, v in sorted(G.nodes[node].items())}
        _check_xml_text(node, attrs)
        H.add_node(node, **attrs)
    for u, v, relation in sorted(G.edges(keys=True)):
        H.add_edge(u, v, key=relation, relation=relation, sources=" ".join(G.edges[u, v, relation]["sources"]))
    return "\n".join(nx.generate_graphml(H, prettyprint=True)) + "\n"


def _check_xml_text(node: str, attrs: dict) -> None:
    from mlgraph.rdf.rdfxml import _XML_FORBIDDEN

    for key, value in [("id", node), *attrs.items()]:
        if isinstance(value, str) and _XML_FORBIDDEN.search(value):
            raise BadInput(f"GraphML cannot hold the {key} of {node} ({value[:40]!r}): it has a control character "
                           "XML forbids; fix the data, or export as Turtle (ttl) or CSV instead")


def _plain(value):
    return value if isinstance(value, (str, int, float, bool)) else json.dumps(value, ensure_ascii=False, sort_keys=True)


#: Columns of the CSV export: a ``node`` row fills id, label, type; an ``edge`` row fills the rest.
CSV_COLUMNS = ("record", "id", "label", "type", "from", "relation", "to", "sources")


def render_csv(G: nx.MultiDiGraph) -> str:
    """Return the career network as one CSV table: node rows first, then edge rows.

    A cell a spreadsheet would run as a formula gets a leading ``'`` (see :mod:`mlgraph.rdf.spreadsheet`).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("urn:a", label="A", type="Role"); G.add_node("urn:b", label="B", type="Role")
    >>> _ = G.add_edge("urn:a", "urn:b", key="progressesTo", sources=["urn:src"])
    >>> print(render_csv(G))
    record,id,label,type,from,relation,to,sources
    node,urn:a,A,Role,,,,
    node,urn:b,B,Role,,,,
    edge,,,,urn:a,progressesTo,urn:b,urn:src
    <BLANKLINE>
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for node in sorted(G):
        row = ["node", node, G.nodes[node]["label"], G.nodes[node]["type"], "", "", "", ""]
        writer.writerow([safe_cell(cell) for cell in row])
    for u, v, relation in sorted(G.edges(keys=True)):
        row = ["edge", "", "", "", u, relation, v, " ".join(G.edges[u, v, relation]["sources"])]
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


FORMATS: dict[str, ExportFormat] = {f.key: f for f in (
    ExportFormat("ttl", "ttl", "Turtle", True, render_turtle),
    ExportFormat("nt", "nt", "N-Triples", True, render_ntriples),
    ExportFormat("jsonld", "jsonld", "JSON-LD", True, render_jsonld),
    ExportFormat("xml", "rdf", "RDF/XML", True, render_rdfxml),
    ExportFormat("trig", "trig", "TriG", True, render_trig),
    ExportFormat("nquads", "nq", "N-Quads", True, render_ntriples),
    ExportFormat("graphml", "graphml", "GraphML (career network)", False, render_graphml),
    ExportFormat("csv", "csv", "CSV (career network)", False, render_csv),
)}

#: Other names and file suffixes for the formats.
ALIASES: dict[str, str] = {
    "turtle": "ttl", "ntriples": "nt", "n-triples": "nt", "json-ld": "jsonld", "json": "jsonld",
    "rdf": "xml", "rdfxml": "xml", "rdf/xml": "xml", "rdf-xml": "xml", "owl": "xml",
    "nq": "nquads", "n-quads": "nquads",
}


def export_format(name: str) -> ExportFormat:
    """Return the format named by a key, an alias or a file suffix (with or without the dot)."""
    key = name.strip().lower().lstrip(".")
    key = ALIASES.get(key, key)
    if key not in FORMATS:
        raise BadInput(f"unknown export format {name!r}; known formats: {', '.join(FORMATS)}")
    return FORMATS[key]


def choose_format(output: str | None, name: str | None) -> tuple[ExportFormat, Path | None]:
    """Return the format (``name``, else the output's suffix, else Turtle) and the path (None: stdout).

    >>> fmt, path = choose_format(None, "jsonld")
    >>> fmt.key, str(path)
    ('jsonld', 'out/mlgraph.jsonld')
    """
    if output == "-":
        return export_format(name or "ttl"), None
    if name:
        fmt = export_format(name)
    elif output:
        if not Path(output).suffix:
            raise BadInput(f"{output}: no file suffix to tell the format; add one or use --format")
        fmt = export_format(Path(output).suffix)
    else:
        fmt = FORMATS["ttl"]
    return fmt, Path(output) if output else Path("out") / f"mlgraph.{fmt.suffix}"


def render_rdf(graph: rdflib.Graph, fmt: ExportFormat) -> str:
    """Return ``graph`` in an RDF format: every triple, blank nodes named by content, sorted.

    >>> g = rdflib.Graph().add((rdflib.BNode(), rdflib.URIRef("urn:ex:p"), rdflib.Literal("x")))
    >>> render_rdf(g, FORMATS["nt"])
    '_:b0 <urn:ex:p> "x" .\\n'
    """
    return fmt.render(canonical_triples(graph))


def write_export(text: str, path: Path, force: bool = False) -> Path:
    """Write ``text`` to ``path`` atomically, refusing to replace a file mlgraph did not write.

    The policy (and the record of what mlgraph wrote) is :mod:`mlgraph.storage.records`.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder, "g.nt")
    ...     _ = target.write_text("mine")
    ...     write_export("new", target)
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: ...g.nt: exists and was not written by mlgraph (or was changed since); use --force ...
    """
    return write_owned(path, text.encode("utf-8"), "the export", force)
