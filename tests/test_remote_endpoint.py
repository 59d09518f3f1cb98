"""Where a server's services are, and which graph mlgraph uses there."""

import pytest

from mlgraph import __version__
from mlgraph.errors import BadInput
from mlgraph.remote.endpoint import GRAPH_BASE, default_graph_iri, make_endpoint


def test_a_base_url_follows_oxigraphs_layout():
    e = make_endpoint("https://sparql.example.org/", "urn:g")
    assert (e.query_url, e.store_url) == ("https://sparql.example.org/query", "https://sparql.example.org/store")


def test_each_service_can_be_named_for_other_stores():
    e = make_endpoint("http://h:3030/ds", "urn:g", query_url="http://h:3030/ds/sparql", store_url="http://h:3030/ds/data")
    assert (e.query_url, e.store_url) == ("http://h:3030/ds/sparql", "http://h:3030/ds/data")


@pytest.mark.parametrize("url", ["http://u:p@h", "https://u@h/x", "file:///etc/passwd", "h:7878", ""])
def test_bad_urls_are_refused(url):
    with pytest.raises(BadInput):
        make_endpoint(url, "urn:g")


@pytest.mark.parametrize("graph", ["no scheme", "urn:a b", "urn:a>b"])
def test_bad_graph_names_are_refused(graph):
    with pytest.raises(BadInput, match="--graph"):
        make_endpoint("http://h", graph)


def test_the_default_graph_changes_with_the_data_and_not_otherwise(tmp_path):
    mine = tmp_path / "mine.ttl"
    mine.write_text("<urn:a> <urn:b> <urn:c> .")
    first = default_graph_iri([mine])
    assert first == default_graph_iri([mine]) != default_graph_iri()
    assert first.startswith(f"{GRAPH_BASE}{__version__}/")
    assert default_graph_iri([mine], builtin=False) != first
    mine.write_text("<urn:a> <urn:b> <urn:d> .")
    assert default_graph_iri([mine]) != first
