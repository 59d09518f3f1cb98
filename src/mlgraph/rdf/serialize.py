"""Write RDF triples as Turtle, TriG, N-Triples, N-Quads and JSON-LD, byte for byte stable.

The writers are flat on purpose: one block per subject, blank nodes by name (``_:b0``), every
literal on one line with escapes. That keeps them exact for any graph (rdflib's Turtle writer
recurses into nested blank nodes and fails past a few hundred levels; its JSON-LD writer drops
blank nodes that only point at each other) and keeps the output stable: the input is the sorted,
canonically named list from :func:`mlgraph.rdf.canonical.canonical_triples`, and nothing here
depends on hashing or insertion order. Only the prefixes a file uses are declared.

>>> from rdflib import URIRef, Literal
>>> print(render_turtle([(URIRef("https://w3id.org/mlgraph/id/a"),
...                       URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("A", lang="en"))]))
@prefix mld: <https://w3id.org/mlgraph/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<BLANKLINE>
mld:a skos:prefLabel "A"@en .
<BLANKLINE>
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from itertools import groupby

from rdflib import RDF, BNode, Literal, URIRef

from mlgraph.rdf.vocab import PREFIXES

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")

#: A local name written after ``prefix:`` as is (a safe subset of Turtle's PN_LOCAL).
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?\Z")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_CONTROL = re.compile(r'["\\\x00-\x1f\x7f]')
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')

#: The triple the examples below write.
_EXAMPLE = [(URIRef("https://w3id.org/mlgraph/id/a"), URIRef("urn:ex:says"), Literal("caf\u00e9", lang="fr"))]


def render_ntriples(triples: Sequence[tuple]) -> str:
    """Return N-Triples (also valid N-Quads of the default graph): one sorted line per triple.

    >>> print(render_ntriples(_EXAMPLE), end="")
    <https://w3id.org/mlgraph/id/a> <urn:ex:says> "caf\u00e9"@fr .
    """
    lines = sorted(" ".join(_term(t, {}) for t in triple) + " ." for triple in triples)
    return "".join(line + "\n" for line in lines)


def render_turtle(triples: Sequence[tuple]) -> str:
    """Return Turtle: used prefixes, then one block per subject in the triples' order."""
    prefixes = used_prefixes(triples)
    blocks = _subject_blocks(triples, prefixes)
    return _prefix_lines(prefixes, "@prefix {} <{}> .") + "\n\n".join(blocks) + "\n" if blocks else ""


def render_trig(triples: Sequence[tuple]) -> str:
    """Return TriG with every triple in the default graph, written as a ``{ ... }`` block.

    >>> print(render_trig(_EXAMPLE), end="")
    @prefix mld: <https://w3id.org/mlgraph/id/> .
    <BLANKLINE>
    {
        mld:a <urn:ex:says> "caf\u00e9"@fr .
    }
    """
    prefixes = used_prefixes(triples)
    blocks = ["\n".join("    " + line for line in block.split("\n")) for block in _subject_blocks(triples, prefixes)]
    return _prefix_lines(prefixes, "@prefix {} <{}> .") + "{\n" + "\n\n".join(blocks) + "\n}\n"


def used_prefixes(triples: Sequence[tuple]) -> dict[str, str]:
    """Return the project prefixes (sorted) that shorten at least one IRI of ``triples``.

    >>> used_prefixes([(URIRef("https://schema.org/value"),) * 3])
    {'schema': 'https://schema.org/'}
    """
    iris = {t for triple in triples for t in triple if isinstance(t, URIRef)}
    iris |= {t.datatype for triple in triples for t in triple if isinstance(t, Literal) and t.datatype}
    used = {prefix for iri in iris for prefix, ns in PREFIXES.items()
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns):])}
    return {prefix: PREFIXES[prefix] for prefix in sorted(used)}


def _prefix_lines(prefixes: dict[str, str], pattern: str) -> str:
    lines = [pattern.format(prefix + ":", ns) for prefix, ns in prefixes.items()]
    return "\n".join(lines) + "\n\n" if lines else ""


def _subject_blocks(triples: Sequence[tuple], prefixes: dict[str, str]) -> list[str]:
    referenced = {o for _, _, o in triples if isinstance(o, BNode)}
    blocks = []
    for subject, group in groupby(triples, key=lambda t: t[0]):
        group = sorted(group, key=lambda t: (t[1] != RDF.type, str(t[1])))
        head = "[]" if isinstance(subject, BNode) and subject not in referenced else _term(subject, prefixes)
        parts = []
        for predicate, objects in groupby(group, key=lambda t: t[1]):
            verb = "a" if predicate == RDF.type else _term(predicate, prefixes)
            parts.append(verb + " " + ", ".join(_term(o, prefixes) for _, _, o in objects))
        blocks.append(head + " " + " ;\n    ".join(parts) + " .")
    return blocks


def _term(term, prefixes: dict[str, str]) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return _iri(str(term), prefixes)
    text = '"' + _CONTROL.sub(_escape, str(term)) + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype and term.datatype != XSD_STRING:
        return f"{text}^^{_iri(str(term.datatype), prefixes)}"
    return text


def _escape(match: re.Match) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _iri(iri: str, prefixes: dict[str, str]) -> str:
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return "<" + _IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"


def render_jsonld(triples: Sequence[tuple]) -> str:
    """Return flattened JSON-LD: an inline context of the used prefixes and one object per subject.

    Every blank node is a top-level object with its ``_:b`` name, so nodes that only point at each
    other survive; every literal keeps its exact lexical form as a string ``@value``.

    >>> json.loads(render_jsonld(_EXAMPLE))["@graph"]
    [{'@id': 'mld:a', 'urn:ex:says': [{'@value': 'caf\u00e9', '@language': 'fr'}]}]
    """
    prefixes = _jsonld_prefixes(triples)
    nodes = []
    for subject, group in groupby(triples, key=lambda t: t[0]):
        node: dict = {"@id": _jsonld_id(subject, prefixes)}
        group = sorted(group, key=lambda t: (t[1] != RDF.type, _jsonld_id(t[1], prefixes)))
        for predicate, objects in groupby(group, key=lambda t: t[1]):
            values = [o for _, _, o in objects]
            if predicate == RDF.type and all(isinstance(o, URIRef) for o in values):
                node["@type"] = [_jsonld_id(o, prefixes) for o in values]
            else:
                node[_jsonld_id(predicate, prefixes)] = [_jsonld_value(o, prefixes) for o in values]
        nodes.append(node)
    document = {"@context": prefixes, "@graph": nodes}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _jsonld_prefixes(triples: Sequence[tuple]) -> dict[str, str]:
    # A prefix that is also the scheme of some IRI would turn that IRI into something else.
    schemes = {str(t).split(":", 1)[0] for triple in triples for t in triple if isinstance(t, URIRef)}
    return {p: ns for p, ns in used_prefixes(triples).items() if p not in schemes}


def _jsonld_id(term, prefixes: dict[str, str]) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    iri = str(term)
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _jsonld_value(term, prefixes: dict[str, str]) -> dict:
    if not isinstance(term, Literal):
        return {"@id": _jsonld_id(term, prefixes)}
    value = {"@value": str(term)}
    if term.language:
        value["@language"] = term.language
    elif term.datatype and term.datatype != XSD_STRING:
        value["@type"] = _jsonld_id(term.datatype, prefixes)
    return value


