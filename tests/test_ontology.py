"""Smoke tests on the real built-in graph in ontology/: sizes, sources, and the routes people ask for."""

import pytest
from rdflib import RDF, RDFS, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from mlgraph.describe import graph_stats
from mlgraph.builtin import builtin_files
from mlgraph.load import parse_files
from mlgraph.names import resolve
from mlgraph.network import load_network
from mlgraph.paths import find_routes

MLG = Namespace("https://w3id.org/mlgraph/ns#")
MLD = "https://w3id.org/mlgraph/id/"
ARTICLES = {f"https://w3id.org/mlgraph/source/{s}" for s in (
    "coursera-mle-india", "upgrad-mle-2025", "interviewkickstart-mle", "become-mle-us", "mle-learning-path")}


@pytest.fixture(scope="module")
def rdf():
    return parse_files(builtin_files())


@pytest.fixture(scope="module")
def G():
    return load_network()


def relation_properties(rdf):
    classes = set(rdf.transitive_subjects(RDFS.subClassOf, MLG.Relation))
    return {p for c in classes for p in rdf.subjects(RDF.type, c)}


@pytest.mark.parametrize("node_type, minimum", [
    ("Role", 20), ("Skill", 60), ("Tool", 30), ("Industry", 10), ("EducationPath", 10), ("Organization", 10),
])
def test_graph_has_the_promised_minimum_counts(G, node_type, minimum):
    assert graph_stats(G)["nodes"].get(node_type, 0) >= minimum


def test_every_relationship_has_a_source(rdf):
    backed = {(rdf.value(st, RDF.subject), rdf.value(st, RDF.predicate), rdf.value(st, RDF.object))
              for st in rdf.subjects(RDF.type, RDF.Statement) if (st, DCTERMS.source, None) in rdf}
    relations = relation_properties(rdf)
    triples = [(s, p, o) for p in relations for s, o in rdf.subject_objects(p)]
    assert len(triples) > 300
    unsourced = [t for t in triples if t not in backed]
    assert unsourced == []


def test_every_statement_backs_a_triple_and_cites_a_known_source(rdf):
    sources = set(rdf.subjects(RDF.type, MLG.Source))
    for st in rdf.subjects(RDF.type, RDF.Statement):
        triple = (rdf.value(st, RDF.subject), rdf.value(st, RDF.predicate), rdf.value(st, RDF.object))
        assert triple in rdf, triple
        cited = set(rdf.objects(st, DCTERMS.source))
        assert cited and cited <= sources, (triple, cited)


def test_every_article_is_cited_and_editorial_facts_are_a_minority(G):
    counts = {}
    for _, _, sources in G.edges(data="sources"):
        for s in sources:
            counts[s] = counts.get(s, 0) + 1
    assert ARTICLES <= set(counts)
    editorial = counts.get("https://w3id.org/mlgraph/source/editorial", 0)
    assert editorial < 0.2 * G.number_of_edges()


def test_every_entity_has_one_preferred_label(rdf, G):
    for node in G:
        assert len(list(rdf.objects(URIRef(node), SKOS.prefLabel))) == 1, node


def test_roles_have_levels_salaries_and_alignments(G):
    mle = G.nodes[MLD + "machine-learning-engineer"]
    assert mle["salaries"] and {s["currency"] for s in mle["salaries"]} >= {"INR", "USD"}
    assert G.nodes[MLD + "junior-machine-learning-engineer"]["level"] == "entry"
    assert any(m.startswith("http://data.europa.eu/esco/occupation/") for m in G.nodes[MLD + "data-scientist"]["matches"])
    assert G.nodes[MLD + "data-scientist"]["onet"] == "15-2051.00"


@pytest.mark.parametrize("name, local", [
    ("ml engineer", "machine-learning-engineer"), ("MLE", "machine-learning-engineer"),
    ("ML architect", "machine-learning-architect"), ("Data Scientist", "data-scientist"),
])
def test_common_names_resolve(G, name, local):
    assert resolve(G, name, ("Role",)) == MLD + local


def test_data_scientist_reaches_ml_architect_through_ml_engineering_with_sourced_steps(G):
    routes = find_routes(G, MLD + "data-scientist", MLD + "machine-learning-architect", k=3)
    assert len(routes) >= 2
    assert len({tuple(n["id"] for n in r.nodes) for r in routes}) == len(routes)
    assert all(step.sources for r in routes for step in r.steps)
    assert routes[0].hops <= 2
    # The upGrad table lists roles open to ML engineers; it is not a ladder that starts at data scientist.
    assert all(r.nodes[1]["id"] == MLD + "machine-learning-engineer" for r in routes)


def test_software_developer_is_an_entry_route_into_ml_engineering(G):
    route = find_routes(G, MLD + "software-developer", MLD + "machine-learning-engineer")[0]
    assert route.hops == 1 and route.steps[0].relation == "leadsTo"
    assert "https://w3id.org/mlgraph/source/coursera-mle-india" in route.steps[0].sources
