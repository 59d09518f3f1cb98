"""Plain triples: a fast way to write large, blank-node-free graphs byte for byte like the canonical writers.

A plain triple is ``(subject IRI, predicate IRI, object)`` where the object is ``iri(...)`` or
``literal(...)``: tuples that sort exactly as :func:`mlgraph.rdf.canonical.canonical_triples`
sorts rdflib terms. :func:`render_plain_turtle` and :func:`render_plain_ntriples` then write the
same bytes as :func:`mlgraph.rdf.serialize.render_turtle` / ``render_ntriples`` would, without
building a million rdflib objects first (an O*NET import is over a million triples).

>>> triples = sorted([("https://w3id.org/mlgraph/id/a", PREFIXES["skos"] + "prefLabel", text("A")),
...                   ("https://w3id.org/mlgraph/id/a", RDF + "type", iri("https://w3id.org/mlgraph/ns#Role"))])
>>> print(render_plain_turtle(triples), end="")
@prefix mld: <https://w3id.org/mlgraph/id/> .
@prefix mlg: <https://w3id.org/mlgraph/ns#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<BLANKLINE>
mld:a a mlg:Role ;
    skos:prefLabel "A"@en .
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from mlgraph.rdf.vocab import PREFIXES

RDF = PREFIXES["rdf"]
_TYPE = RDF + "type"


def iri(value: str) -> tuple:
    """Return an IRI as a plain object term."""
    return (0, value)


def literal(value: str, datatype: str | None = None) -> tuple:
    """Return a literal, typed or plain, as a plain object term."""
    return (2, value, " " + (datatype or ""), None, datatype)


def text(value: str, lang: str = "en") -> tuple:
    """Return a language-tagged literal as a plain object term."""
    return (2, value, lang + " ", lang, None)


def render_plain_turtle(triples: Sequence[tuple]) -> str:
    """Return Turtle for sorted plain triples: used prefixes, then one block per subject."""
    from mlgraph.rdf.serialize import _iri

    prefixes = _used_prefixes(triples)
    names: dict[str, str] = {}
    rendered: dict[tuple, str] = {}

    def name(value: str) -> str:
        if value not in names:
            names[value] = _iri(value, prefixes)
        return names[value]

    def write(o: tuple) -> str:
        if o not in rendered:
            rendered[o] = _object(o, name)
        return rendered[o]

    blocks = []
    for subject, group in groupby(triples, key=lambda t: t[0]):
        group = list(group)
        if group[0][1] != _TYPE:  # rdf:type first ("a"), the rest in order
            group.sort(key=lambda t: t[1] != _TYPE)
        parts = []
        for predicate, objects in groupby(group, key=lambda t: t[1]):
            verb = "a" if predicate == _TYPE else name(predicate)
            parts.append(verb + " " + ", ".join(write(o) for _, _, o in objects))
        blocks.append(name(subject) + " " + " ;\n    ".join(parts) + " .")
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items())
    return (head + "\n" if head else "") + "\n\n".join(blocks) + "\n" if blocks else ""


def render_plain_ntriples(triples: Iterable[tuple]) -> str:
    """Return N-Triples for plain triples, one sorted line each."""
    from mlgraph.rdf.serialize import _iri

    def name(value: str) -> str:
        return _iri(value, {})

    lines = sorted(f"{name(s)} {name(p)} {_object(o, name)} ." for s, p, o in triples)
    return "".join(line + "\n" for line in lines)


def to_rdflib(triples: Iterable[tuple]) -> list[tuple]:
    """Return the triples as rdflib terms (for the other writers and for loading).

    >>> to_rdflib([("urn:a", "urn:p", literal("1", PREFIXES["xsd"] + "integer"))])[0][2].toPython()
    1
    """
    from rdflib import Literal, URIRef

    cache: dict = {}  # terms repeat a lot (predicates, "4.12"^^xsd:decimal ...); build each once

    def ref(value: str) -> URIRef:
        return cache.get(value) or cache.setdefault(value, URIRef(value))

    def term(o: tuple):
        if o[0] == 0:
            return ref(o[1])
        if o not in cache:
            cache[o] = Literal(o[1], lang=o[3], datatype=o[4])
        return cache[o]

    return [(ref(s), ref(p), term(o)) for s, p, o in triples]


def _object(o: tuple, name) -> str:
    if o[0] == 0:
        return name(o[1])
    from mlgraph.rdf.serialize import _CONTROL, _escape

    quoted = '"' + _CONTROL.sub(_escape, o[1]) + '"'
    if o[3]:
        return f"{quoted}@{o[3]}"
    return f"{quoted}^^{name(o[4])}" if o[4] and o[4] != PREFIXES["xsd"] + "string" else quoted


def _used_prefixes(triples: Sequence[tuple]) -> dict[str, str]:
    from mlgraph.rdf.serialize import _LOCAL

    iris = {t[0] for t in triples} | {t[1] for t in triples}
    iris |= {o[1] if o[0] == 0 else o[4] for _, _, o in triples if o[0] == 0 or o[4]}
    used = {prefix for value in iris for prefix, ns in PREFIXES.items()
            if value.startswith(ns) and _LOCAL.match(value[len(ns):])}
    return {prefix: PREFIXES[prefix] for prefix in sorted(used)}


def render_plain(triples: Sequence[tuple], fmt) -> str:
    """Return sorted plain triples in an RDF export format (an :class:`~mlgraph.rdf.export.ExportFormat`).

    Turtle, N-Triples and N-Quads are written directly; the other RDF formats through rdflib
    terms and their canonical writers (same bytes, slower).

    >>> from mlgraph.rdf.export import export_format
    >>> render_plain([("urn:a", "urn:p", iri("urn:b"))], export_format("nt"))
    '<urn:a> <urn:p> <urn:b> .\\n'
    """
    from mlgraph.errors import BadInput

    if not fmt.rdf:
        raise BadInput(f"{fmt.title} holds the career network, not RDF; write the import as .ttl, .nt, .jsonld, .rdf, .trig or .nq")
    if fmt.key == "ttl":
        return render_plain_turtle(triples)
    if fmt.key in ("nt", "nquads"):
        return render_plain_ntriples(triples)
    return fmt.render(to_rdflib(triples))
