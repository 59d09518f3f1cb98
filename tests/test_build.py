"""The fast path (oxigraph triples -> network) gives exactly the network of the rdflib projection."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlgraph.career.build import build_network
from mlgraph.career.project import project_graph
from mlgraph.rdf.builtin import builtin_files, ontology_dir
from mlgraph.rdf.export import FORMATS, render_rdf
from mlgraph.rdf.load import parse_files
from mlgraph.rdf.triples import read_triples

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = Path(__file__).parent / "hostile"
SCHEMA = ontology_dir() / "schema.ttl"

FILE_SETS = {
    "built-in": builtin_files(),
    "tiny": [SCHEMA, FIXTURES / "tiny.ttl"],
    "tiny+unsourced": [SCHEMA, FIXTURES / "tiny.ttl", FIXTURES / "unsourced.ttl"],
    "guidance": [SCHEMA, FIXTURES / "guidance.ttl"],
    "evidence": [SCHEMA, FIXTURES / "evidence.ttl"],
    "hostile labels": [SCHEMA, FIXTURES / "hostile_labels.ttl"],
    "owl:imports": [*builtin_files(), HOSTILE / "owl-imports.ttl"],
    "shape violation": [*builtin_files(), HOSTILE / "shape-violation.ttl"],
}


def assert_same_network(expected, actual) -> None:
    assert list(actual.nodes(data=True)) == list(expected.nodes(data=True))
    assert list(actual.edges(keys=True, data=True)) == list(expected.edges(keys=True, data=True))
    assert actual.graph == expected.graph


@pytest.mark.parametrize("name", FILE_SETS)
def test_fast_path_builds_the_projected_network(name):
    paths = FILE_SETS[name]
    rdflib_warnings, fast_warnings = [], []
    expected = project_graph(parse_files(paths, rdflib_warnings))
    assert_same_network(expected, build_network(read_triples(paths, fast_warnings)))
    assert fast_warnings == rdflib_warnings


@pytest.mark.parametrize("key", [k for k, fmt in FORMATS.items() if fmt.rdf])
def test_fast_path_agrees_in_every_rdf_format(key, tmp_path):
    mine = tmp_path / f"tiny.{FORMATS[key].suffix.lstrip('.')}"
    mine.write_text(render_rdf(parse_files([FIXTURES / "tiny.ttl"]), FORMATS[key]), encoding="utf-8")
    expected = project_graph(parse_files([SCHEMA, mine]))
    actual = build_network(read_triples([SCHEMA, mine]))
    # JSON-LD and named graphs may come out of rdflib in another order: compare as sets there
    assert dict(actual.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(actual.edges(keys=True, data=True)) == sorted(expected.edges(keys=True, data=True))
    assert actual.graph == expected.graph


def test_blank_nodes_of_two_files_stay_apart(tmp_path):
    # the same _:st label in two files names two statements: each source stays with its relation
    head = ("@prefix mlg: <https://w3id.org/mlgraph/ns#> . @prefix mld: <https://w3id.org/mlgraph/id/> . "
            "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix dct: <http://purl.org/dc/terms/> .\n")
    one, two = tmp_path / "one.ttl", tmp_path / "two.ttl"
    one.write_text(head + "mld:intern mlg:leadsTo mld:analyst . _:st a rdf:Statement ; rdf:subject mld:intern ; "
                   "rdf:predicate mlg:leadsTo ; rdf:object mld:analyst ; dct:source <urn:one> .")
    two.write_text(head + "mld:analyst mlg:progressesTo mld:team-lead . _:st a rdf:Statement ; rdf:subject mld:analyst ; "
                   "rdf:predicate mlg:progressesTo ; rdf:object mld:team-lead ; dct:source <urn:two> .")
    paths = [SCHEMA, FIXTURES / "tiny.ttl", one, two]
    G = build_network(read_triples(paths))
    assert_same_network(project_graph(parse_files(paths)), G)
    assert G.edges["https://w3id.org/mlgraph/id/intern", "https://w3id.org/mlgraph/id/analyst", "leadsTo"][
        "sources"] == ["urn:one"]


def test_fast_path_keeps_the_projections_checks(tmp_path):
    # relation names that collide, English variants, unusable salary figures, a label without a type
    mine = tmp_path / "mine.ttl"
    mine.write_text("""
@prefix mlg: <https://w3id.org/mlgraph/ns#> . @prefix mld: <https://w3id.org/mlgraph/id/> .
@prefix ex: <https://example.org/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:progressesTo a mlg:CareerRelation . mld:intern ex:progressesTo mld:analyst .
mld:analyst skos:prefLabel "Analytiker"@de, "analyst (US)"@en-US .
ex:nobody skos:prefLabel "Nobody" .
ex:s1 a mlg:SalaryObservation ; mlg:salaryOf mld:analyst ; schema:value "INF"^^xsd:double ; schema:currency "EUR" .
ex:s2 a mlg:SalaryObservation ; mlg:salaryOf mld:analyst ; schema:value "about 100k" ;
    schema:minValue "50000"^^xsd:decimal ; schema:currency "EUR" .
""", encoding="utf-8")
    paths = [SCHEMA, FIXTURES / "tiny.ttl", mine]
    expected = project_graph(parse_files(paths))
    actual = build_network(read_triples(paths))
    assert_same_network(expected, actual)
    warnings = actual.graph["projection_warnings"]
    assert len(warnings) == 4 and "https://example.org/progressesTo" in actual.graph["relations"]
    assert {"Analytiker", "analyst (US)"} <= set(actual.nodes["https://w3id.org/mlgraph/id/analyst"]["alt_labels"])
    assert [s["min"] for s in actual.nodes["https://w3id.org/mlgraph/id/analyst"]["salaries"]] == [50000.0]
