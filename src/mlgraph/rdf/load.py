"""Parse RDF files into one rdflib graph, safely: strict parsers, no network, one-line errors.

Turtle, N-Triples, N-Quads, TriG and RDF/XML are read by oxigraph's strict parser (it reports
line and column, and is faster than rdflib's) and converted into rdflib terms; JSON-LD is read
by rdflib after a check that its contexts are all inline, so nothing is ever fetched. RDF/XML
with a DTD is refused before any parser sees it (entity bombs, external entities; the checks are
in :mod:`mlgraph.rdf.checks`). Problems that do not stop loading (an ``owl:imports`` that is
not followed, named graphs merged) are returned as warnings for the caller to show, never printed.

>>> from mlgraph.rdf.builtin import builtin_files
>>> g = parse_files(builtin_files())
>>> len(g) > 1000
True
"""

from __future__ import annotations

import json
import logging
import warnings as py_warnings
from contextlib import contextmanager
from collections.abc import Iterable, Iterator
from pathlib import Path

import rdflib
from rdflib import OWL, BNode, Literal, URIRef

from mlgraph.errors import BadInput
from mlgraph.rdf.checks import check_is_file, read_rdf_bytes, remote_contexts
from mlgraph.rdf.formats import FORMATS, PARSERS, imports_warning, merged_graphs_warning, rdf_format, syntax_message
from mlgraph.rdf.vocab import PREFIXES

__all__ = ["PARSERS", "parse_files", "parse_into", "quiet_rdflib", "rdf_format"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def parse_files(paths: Iterable[Path], warnings: list[str] | None = None) -> rdflib.Graph:
    """Parse RDF files into one graph with the project's prefixes bound.

    Warnings (things ignored on purpose) are appended to ``warnings`` when a list is given.
    """
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for path in paths:
        found = parse_into(graph, Path(path))
        if warnings is not None:
            warnings.extend(found)
    return graph


def parse_into(graph: rdflib.Graph, path: Path) -> list[str]:
    """Add the triples of one file to ``graph`` and return warnings, or raise BadInput with file:line.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     mine = Path(folder, "mine.nt")
    ...     _ = mine.write_text('<urn:a> <urn:b> "c" .')
    ...     parse_into(rdflib.Graph(), mine)
    []
    """
    check_is_file(path)
    fmt = rdf_format(path)
    data = read_rdf_bytes(path, fmt)
    base = path.resolve().as_uri()
    if fmt == "json-ld":
        before = set(graph.objects(None, OWL.imports))
        _parse_jsonld(graph, data, path, base)
        imports = set(graph.objects(None, OWL.imports)) - before
        return [imports_warning(path, iri) for iri in sorted(imports)]
    warnings: list[str] = []
    with quiet_rdflib():
        triples = list(_strict_triples(data, fmt, path, base, warnings))  # all or nothing
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
    try:
        for quad in ox.parse(data.removeprefix(b"\xef\xbb\xbf"), getattr(ox.RdfFormat, ox_name), base_iri=base):
            if not isinstance(quad.graph_name, ox.DefaultGraph):
                warnings.append(merged_graphs_warning(path))
            s, p, o = (_rdflib_term(t, bnodes, path) for t in (quad.subject, quad.predicate, quad.object))
            if p == OWL.imports:
                warnings.append(imports_warning(path, o))
            yield s, p, o
    except SyntaxError as exc:
        raise BadInput(syntax_message(path, name, exc)) from None


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


def _parse_jsonld(graph: rdflib.Graph, data: bytes, path: Path, base: str) -> None:
    try:
        document = json.loads(data.decode("utf-8").removeprefix("\ufeff"))
    except RecursionError:
        raise BadInput(f"{path}: refused: JSON nested too deeply to read safely") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}:{exc.lineno}: not JSON, so not JSON-LD: {exc.msg} "
                       f"(line {exc.lineno}, column {exc.colno})") from None
    remote = remote_contexts(document)
    if remote:
        raise BadInput(f"{path}: refused: JSON-LD @context refers to {remote[0]!r}, a document mlgraph "
                       "would have to fetch; mlgraph never fetches: put the context inline")
    try:
        with quiet_rdflib():
            graph.parse(data=json.dumps(document), format="json-ld", publicID=base)
    except Exception as exc:  # rdflib's JSON-LD reader raises many unrelated types
        raise BadInput(f"{path}: not valid JSON-LD: {' '.join(str(exc).split())[:200]}") from None




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
