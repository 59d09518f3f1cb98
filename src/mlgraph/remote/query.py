"""Run a read-only SPARQL query on the server's graph, with the same safety rules as locally.

The text is checked by :func:`mlgraph.rdf.query.prepare_query` before anything is sent (updates,
SERVICE, FROM and GRAPH refused), and the text actually sent is checked again after parameters
are bound. The graph is chosen with the protocol's ``default-graph-uri``, never by editing the
query. Answers come back as SPARQL JSON results or N-Triples and become the same rdflib result
objects a local query gives, so they print the same way.

>>> from rdflib import URIRef, Variable
>>> print(bind_values("SELECT ?o\\nWHERE {\\n  ?s ?p ?o\\n}", {Variable("s"): URIRef("urn:a")}))
SELECT ?o
WHERE { VALUES (?s) { (<urn:a>) }
  ?s ?p ?o
}
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

from mlgraph.errors import BadInput, RemoteError
from mlgraph.remote.endpoint import Endpoint
from mlgraph.remote.http import fetch, open_client
from mlgraph.remote.read import JSON_RESULTS, NTRIPLES, sparql_form

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(text: str, bindings: Mapping) -> str:
    """Return ``text`` with its parameters bound by a VALUES block opening its WHERE clause.

    A local query binds with rdflib's ``initBindings``; a server has no such thing, so the values
    travel in the query as SPARQL 1.1 VALUES. The block opens the outermost WHERE group, which
    binds the variables before anything else is evaluated, as ``initBindings`` does (a trailing
    VALUES clause would only be joined after GROUP BY, which changes what an aggregate counts
    when the variable is not grouped on). The values are rdflib terms written by rdflib's own
    ``n3()`` (IRIs checked, literals escaped) from names already resolved to nodes, so no text a
    person typed is pasted into the query, and the result is parsed and checked again before it
    is sent. Only the named queries shipped with mlgraph take parameters.
    """
    if not bindings:
        return text
    variables = " ".join(v.n3() for v in bindings)
    row = " ".join(term.n3() for term in bindings.values())
    for match in _WHERE.finditer(text):
        if not text[text.rfind("\n", 0, match.start()) + 1:match.start()].lstrip().startswith("#"):
            return f"{text[:match.end()]} VALUES ({variables}) {{ ({row}) }}{text[match.end():]}"
    raise BadInput("cannot bind parameters: the query has no WHERE { ... } clause")


def query_server(endpoint: Endpoint, text: str, bindings: Mapping | None = None, client=None):
    """Run read-only SPARQL ``text`` on the endpoint's graph; return an rdflib query result."""
    from mlgraph.rdf.query import prepare_query

    text = bind_values(text, bindings or {})
    kind = prepare_query(text).algebra.name  # refuses updates, SERVICE, FROM, GRAPH before sending
    if client is None:
        with open_client(endpoint) as client:
            return query_server(endpoint, text, None, client)
    graph_result = kind in ("ConstructQuery", "DescribeQuery")
    accept = NTRIPLES if graph_result else JSON_RESULTS
    body = fetch(client, endpoint, "POST", endpoint.query_url, accept, data=sparql_form(endpoint, text))
    return _graph_result(endpoint, body, kind) if graph_result else _table_result(endpoint, body)


def _table_result(endpoint: Endpoint, body: bytes):
    from rdflib.query import Result

    try:
        return Result.parse(io.BytesIO(body), format="json")
    except Exception:  # a server that fails midway writes its error after the results it had sent
        tail = " ".join(body[-300:].decode("utf-8", "replace").split())
        raise RemoteError(f"{endpoint.query_url}: the answer is not SPARQL JSON results; the server may have "
                          f"stopped the query midway (timeout?). It ends: {tail!r}") from None


def _graph_result(endpoint: Endpoint, body: bytes, kind: str):
    from rdflib.query import Result

    from mlgraph.rdf.load import parse_data, parse_files

    graph = parse_files([])
    try:
        parse_data(graph, body, "nt", endpoint.query_url)
    except BadInput as exc:
        raise RemoteError(f"{endpoint.query_url}: the answer is not valid N-Triples; the server may have "
                          f"stopped the query midway ({str(exc)[:200]})") from None
    result = Result("CONSTRUCT" if kind == "ConstructQuery" else "DESCRIBE")
    result.graph = graph
    return result
