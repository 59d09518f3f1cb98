"""Parse each SPARQL text once while pySHACL validates, however many nodes it checks.

pySHACL runs a SPARQL-based constraint once per focus node, handing rdflib the same query text
each time with the node bound; rdflib parses and translates the text anew on every call, which
costs about 15 ms, so a constraint on 200,000 nodes would spend most of an hour parsing. Inside
:func:`queries_parsed_once`, rdflib's SPARQL processor keeps each text's translated query (rdflib
itself reuses prepared queries this way; bindings are applied at evaluation, not in the query).

>>> import rdflib
>>> g = rdflib.Graph().add((rdflib.URIRef("urn:a"), rdflib.URIRef("urn:p"), rdflib.Literal(1)))
>>> with queries_parsed_once() as parsed:
...     rows = [len(g.query("SELECT ?o WHERE { ?s ?p ?o }")) for _ in range(3)]
>>> rows, len(parsed)
([1, 1, 1], 1)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def queries_parsed_once() -> Iterator[dict]:
    """Make rdflib translate each distinct query text once within the block; yield the cache."""
    from rdflib.plugins.sparql import processor

    parse, translate = processor.parseQuery, processor.translateQuery
    parsed: dict = {}

    def parse_once(text):
        return text if isinstance(text, _Parsed) else _Parsed(text)

    def translate_once(query, base=None, init_ns=None):
        if not isinstance(query, _Parsed):
            return translate(query, base, init_ns)
        key = (query.text, base, tuple(sorted((init_ns or {}).items())))
        if key not in parsed:
            parsed[key] = translate(parse(query.text), base, init_ns)
        return parsed[key]

    processor.parseQuery, processor.translateQuery = parse_once, translate_once
    try:
        yield parsed
    finally:
        processor.parseQuery, processor.translateQuery = parse, translate


class _Parsed:
    """A query text whose parsing is left to the translation step (which is cached)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text
