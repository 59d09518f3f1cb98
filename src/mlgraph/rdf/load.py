"""Parse RDF files into one rdflib graph, safely: strict parsers, no network, one-line errors.

Turtle, N-Triples, N-Quads, TriG and RDF/XML are read by oxigraph's strict parser (it reports
line and column, and is faster than rdflib's) and converted into rdflib terms; JSON-LD too, after
a check that its contexts are all inline (nothing is ever fetched) and its ``@id`` values are
IRIs. Every format goes through the same conversion, so language tags come out lower-cased and
literals keep their lexical form ("042"^^xsd:integer stays 042) whatever the file's format. A
file that holds no triple at all is refused like an empty file. RDF/XML
with a DTD is refused before any parser sees it (entity bombs, external entities; the checks are
in :mod:`mlgraph.rdf.checks`). Problems that do not stop loading (an ``owl:imports`` that is
not followed, named graphs merged) are returned as warnings for the caller to show, never printed.

>>> from mlgraph.rdf.builtin import builtin_files
>>> g = parse_files(builtin_files())
>>> len(g) > 1000
True
"""

from __future__ import annotations

import logging
import warnings as py_warnings
from contextlib import contextmanager
from collections.abc import Iterable, Iterator
from pathlib import Path

import rdflib
from rdflib import OWL, BNode, Literal, URIRef

from mlgraph.errors import BadInput
from mlgraph.rdf.checks import check_jsonld, check_rdf_bytes
from mlgraph.rdf.formats import (FORMATS, PARSERS, imports_warning, merged_graphs_warning, parse_errors, rdf_format)
from mlgraph.storage.files import read_regular
from mlgraph.rdf.vocab import PREFIXES

__all__ = ["PARSERS", "parse_files", "parse_into", "quiet_rdflib", "rdf_format"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def parse_files(paths: Iterable[Path], warnings: list[str] | None = None) -> rdflib.Graph:
    """Parse RDF files into one graph with the project's prefixes bound.

    Warnings (things ignored on purpose) are appended to ``warnings`` when a list is given.
    """
    return parse_sources([(Path(p), None) for p in paths], warnings)


def parse_sources(sources: Iterable[tuple[Path, bytes | None]], warnings: list[str] | None = None) -> rdflib.Graph:
    """Parse (path, bytes) pairs into one graph; bytes None means read the file now.

    Callers that digest the bytes (the cache) pass the bytes they digested, so what is parsed is
    exactly what was digested even if the file changes meanwhile.
    """
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for path, data in sources:
        found = parse_into(graph, Path(path), data)
        if warnings is not None:
            warnings.extend(found)
    return graph


def parse_into(graph: rdflib.Graph, path: Path, data: bytes | None = None) -> list[str]:
    """Add the triples of one file to ``graph`` and return warnings, or raise BadInput with file:line.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     mine = Path(folder, "mine.nt")
    ...     _ = mine.write_text('<urn:a> <urn:b> "c" .')
    ...     parse_into(rdflib.Graph(), mine)
    []
    """
    if data is None:
        data = read_regular(path, "the RDF file")  # first: a folder or FIFO is named as such
    fmt = rdf_format(path)
    check_rdf_bytes(data, path, fmt)
    base = path.resolve().as_uri()
    if fmt == "json-ld":
        check_jsonld(data, path)
    warnings: list[str] = []
    with quiet_rdflib():
        triples = list(_strict_triples(data, fmt, path, base, warnings))  # all or nothing
    if not triples:
        raise BadInput(f"{path}: no triples in it (only prefixes, comments or plain JSON); "
                       "a file given to mlgraph must add RDF statements")
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return sorted(set(warnings))


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Keep rdflib from printing while it reads: it warns and logs a traceback on stderr for
    ill-typed literals such as ``"abc"^^xsd:decimal`` (kept as written) and for deprecations.

    >>> with quiet_rdflib():
    ...     Literal("abc", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")).value is None
    True
    """
    logger = logging.getLogger("rdflib")
    disabled, logger.disabled = logger.disabled, True
    term_logger = logging.getLogger("rdflib.term")
    term_disabled, term_logger.disabled = term_logger.disabled, True
    try:
        with py_warnings.catch_warnings():
            py_warnings.simplefilter("ignore")
            yield
    finally:
        logger.disabled, term_logger.disabled = disabled, term_disabled


def _strict_triples(data: bytes, fmt: str, path: Path, base: str,
                    warnings: list[str]) -> Iterator[tuple]:
    """Yield the file's triples as rdflib terms, read by oxigraph; named graphs are merged."""
    import pyoxigraph as ox

    name, ox_name = FORMATS[fmt]
    bnodes: dict[str, BNode] = {}  # fresh per file, so two files' _:b1 stay apart
    with parse_errors(path, name):
        for quad in ox.parse(data.removeprefix(b"\xef\xbb\xbf"), getattr(ox.RdfFormat, ox_name), base_iri=base):
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                warnings.append(merged_graphs_warning(path))
            s, p, o = (_rdflib_term(t, bnodes, path) for t in (quad.subject, quad.predicate, quad.object))
            if p == OWL.imports:
                warnings.append(imports_warning(path, o))
            yield s, p, o


def _rdflib_term(term, bnodes: dict[str, BNode], path: Path):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return bnodes.setdefault(term.value, BNode())
    if not isinstance(term, ox.Literal):
        raise BadInput(f"{path}: RDF 1.2 triple terms ({term}) are not supported; use rdf:Statement nodes")
    if getattr(term, "direction", None):
        raise BadInput(f"{path}: literal {term} has a base direction, which mlgraph does not support")
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:  # RDF 1.1: "x" and "x"^^xsd:string are the same term
        return Literal(term.value)
    # normalize=False keeps the lexical form as written ("042" stays "042"), so exports are faithful.
    return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)


def parse_data(graph: rdflib.Graph, data: bytes, fmt: str, name: str) -> list[str]:
    """Add the triples of RDF ``data`` that did not come from a file (a server's answer) to
    ``graph`` through the same strict parser; ``name`` (a URL) stands for the file in messages.

    >>> g = rdflib.Graph()
    >>> parse_data(g, b'<urn:a> <urn:b> "c" .', "nt", "http://example.org/query"), len(g)
    ([], 1)
    """
    warnings: list[str] = []
    with quiet_rdflib():
        triples = list(_strict_triples(data, fmt, name, name, warnings))  # all or nothing
    graph.addN((s, p, o, graph) for s, p, o in triples)
    return sorted(set(warnings))
