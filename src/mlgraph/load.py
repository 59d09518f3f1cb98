"""Find the built-in ontology and parse RDF files into one rdflib graph.

>>> paths = builtin_files()
>>> [p.name for p in paths][:2]
['schema.ttl', 'sources.ttl']
>>> g = parse_files(paths)
>>> len(g) > 1000
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import rdflib

from mlgraph.errors import BadInput
from mlgraph.builtin import builtin_files, ontology_dir, shapes_file  # noqa: F401 (re-exported)
from mlgraph.vocab import PREFIXES

#: RDF formats read from users' files, by file suffix (rdflib parser names).
PARSERS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".trig": "trig",
    ".nq": "nquads",
}

def rdf_format(path: Path) -> str:
    """Return the rdflib parser name for a file, judged by its suffix.

    >>> rdf_format(Path("mine.ttl"))
    'turtle'
    """
    try:
        return PARSERS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(PARSERS))
        raise BadInput(f"{path}: unknown RDF file type {path.suffix!r}; known suffixes: {known}") from None


def parse_files(paths: Iterable[Path]) -> rdflib.Graph:
    """Parse RDF files into one graph with the project's prefixes bound."""
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for path in paths:
        parse_into(graph, Path(path))
    return graph


def parse_into(graph: rdflib.Graph, path: Path) -> None:
    """Add the triples of one file to ``graph``, or raise BadInput naming the file and line."""
    fmt = rdf_format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot read file ({exc.strerror or exc})") from None
    try:
        graph.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises many unrelated types for syntax errors
        raise BadInput(f"{path}: {_describe_parse_error(exc)}") from None


def _describe_parse_error(exc: Exception) -> str:
    line = getattr(exc, "lines", None) or getattr(exc, "line", None)
    text = " ".join(str(getattr(exc, "msg", None) or exc).split())
    where = f"line {line}: " if isinstance(line, int) else ""
    return f"{where}not valid RDF: {text[:200]}"
