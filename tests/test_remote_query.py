"""Queries sent to a server: parameters bound as VALUES, the same refusals as local queries."""

import pytest
from rdflib import Literal, URIRef, Variable

from mlgraph.errors import BadInput
from mlgraph.rdf.query import named_queries, prepare_query
from mlgraph.remote.endpoint import make_endpoint
from mlgraph.remote.query import bind_values, query_server

NOWHERE = make_endpoint("http://127.0.0.1:9", "urn:g", timeout=1)  # nothing listens: nothing may be sent


@pytest.mark.parametrize("text", [
    "DELETE WHERE { ?s ?p ?o }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_unsafe_queries_are_refused_before_anything_is_sent(text):
    with pytest.raises(BadInput):  # a RemoteError (connection refused) would mean it tried to send
        query_server(NOWHERE, text)


def test_a_literal_value_is_escaped_by_rdflib_not_pasted():
    hostile = 'x" } } ; DROP ALL ; SELECT * { "'
    text = bind_values("SELECT ?s WHERE { ?s ?p ?o }", {Variable("o"): Literal(hostile)})
    query = prepare_query(text)  # still one read-only query
    assert query.algebra.name == "SelectQuery"
    assert 'VALUES (?o) { ("x\\" } } ; DROP ALL ; SELECT * { \\"") }' in text


def test_an_iri_that_is_not_one_is_refused():
    with pytest.raises(Exception):
        bind_values("SELECT ?s WHERE { ?s ?p ?o }", {Variable("s"): URIRef("urn:a> <urn:b")})


@pytest.mark.parametrize("name", [n for n, q in named_queries().items() if q.params])
def test_every_named_query_with_parameters_can_be_bound(name):
    query = named_queries()[name]
    bindings = {Variable(p): URIRef("https://w3id.org/mlgraph/id/x") for p in query.params}
    text = bind_values(query.text, bindings)
    assert "VALUES" in text and prepare_query(text).algebra.name == "SelectQuery"
