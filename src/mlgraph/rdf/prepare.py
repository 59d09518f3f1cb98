"""Turn what a user asks (SPARQL text, a ``.rq`` file, or a named query with values) into a query
ready to run: parsed, checked read-only, and with values bound to its variables.

>>> prepared = prepare("SELECT ?s WHERE { ?s ?p ?o }")
>>> prepared.named is None, prepared.bindings
(True, {})
>>> prepare("no-such-query")
Traceback (most recent call last):
...
mlgraph.errors.BadInput: no named query 'no-such-query'; known: ...
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mlgraph.errors import BadInput


@dataclass(frozen=True)
class PreparedQuery:
    """A parsed read-only query, the values bound to its variables, and the named query it came from."""

    text: str
    query: object  # rdflib's translated query
    bindings: dict = field(default_factory=dict)
    named: object = None  # mlgraph.rdf.query.NamedQuery or None


def query_text(sparql: str | Path) -> tuple[str, object]:
    """Return the text of the query ``sparql`` names (itself, a file, a named query) and the named query.

    >>> query_text("taught-by")[1].params["education"][0]
    'EducationPath'
    """
    from mlgraph.rdf.query import named_queries

    if isinstance(sparql, Path):
        try:
            return sparql.read_text(encoding="utf-8"), None
        except (OSError, UnicodeDecodeError) as exc:
            raise BadInput(f"{sparql}: cannot read the query ({getattr(exc, 'strerror', None) or exc})") from None
    if not sparql:
        raise BadInput("give a SPARQL query, -f FILE.rq, or a named query (see `mlgraph query --list`)")
    named = named_queries()
    if sparql in named:
        return named[sparql].text, named[sparql]
    if sparql.replace("-", "").isalnum():
        raise BadInput(f"no named query {sparql!r}; known: {', '.join(named)}")
    return sparql, None


def prepare(sparql: str | Path, params: Mapping[str, str] | None = None,
            resolve: Callable[[str, tuple[str, ...]], str] | None = None) -> PreparedQuery:
    """Return the query ``sparql`` names, parsed and refused if it writes or fetches, with ``params`` bound.

    ``resolve(name, types)`` turns a parameter's value into the IRI of a node, preferring ``types``;
    user text is bound to variables, never pasted into the query.
    """
    from mlgraph.rdf.query import bind_params, node_types, prepare_query

    text, named = query_text(sparql)
    prepared = prepare_query(text)
    if named is None:
        if params:
            raise BadInput("--param only applies to named queries (see `mlgraph query --list`)")
        return PreparedQuery(text, prepared)
    if resolve is None:
        raise BadInput(f"query {named.name!r} names nodes; give a resolver for its parameters")
    bindings = bind_params(named, dict(params or {}), lambda value, kind: resolve(value, node_types(kind)))
    return PreparedQuery(text, prepared, bindings, named)
