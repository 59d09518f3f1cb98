"""Mapping O*NET records onto mlgraph's vocabulary, and writing them fast but like the canonical writer."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
from mlgraph.importers.onet import read_onet
from mlgraph.importers.onet_rdf import need_relation, onet_triples
from mlgraph.rdf.canonical import canonical_triples
from mlgraph.rdf.export import FORMATS
from mlgraph.rdf.plain import render_plain, render_plain_turtle, to_rdflib

MLG = rdflib.Namespace("https://w3id.org/mlgraph/ns#")
MLD = rdflib.Namespace("https://w3id.org/mlgraph/id/")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
SOURCE = URIRef("https://w3id.org/mlgraph/source/onet-29.2")


@pytest.fixture(scope="module")
def triples():
    return onet_triples(read_onet(FIXTURES / "onet"), tools={"python": str(MLD["python"])})


@pytest.fixture(scope="module")
def graph(triples):
    g = rdflib.Graph()
    for t in to_rdflib(triples):
        g.add(t)
    return g


def statement(graph, s, p, o):
    found = [st for st in graph.subjects(RDF.subject, s) if (st, RDF.predicate, p) in graph and (st, RDF.object, o) in graph]
    assert len(found) == 1
    return found[0]


def test_occupation_is_a_role_with_code_title_and_job_zone(graph):
    ds = MLD["onet-15-2051.00"]
    assert (ds, RDF.type, MLG.Role) in graph
    assert graph.value(ds, SKOS.prefLabel) == Literal("Data Scientists", lang="en")
    assert graph.value(ds, MLG.onetSocCode) == Literal("15-2051.00")
    assert graph.value(ds, MLG.jobZone) == Literal("4", datatype=XSD.integer)
    assert Literal("Data Analytic Scientist", lang="en") in set(graph.objects(ds, SKOS.altLabel))


def test_importance_picks_the_relation():
    assert [need_relation(v) for v in ("5", "3", "2.99", "2", "1.99", "1")] == [
        "requiresSkill", "requiresSkill", "optionalSkill", "optionalSkill", "minorSkill", "minorSkill"]


def test_a_need_is_an_imported_statement_with_onets_numbers(graph):
    # Statisticians, Mathematics (skill 2.A.1.e): IM 4.88, LV 5.38, N 8, SE 0.125, 08/2024, Analyst
    stat, math = MLD["onet-15-2041.00"], MLD["onet-2.A.1.e"]
    assert (stat, MLG.requiresSkill, math) in graph
    st = statement(graph, stat, MLG.requiresSkill, math)
    assert graph.value(st, DCT.source) == SOURCE and graph.value(st, MLG.evidence) == MLG.imported
    assert graph.value(st, MLG.grade) == MLG.essential
    assert graph.value(st, MLG.onetImportance) == Literal("4.88", datatype=XSD.decimal)
    assert graph.value(st, MLG.onetLevel) == Literal("5.38", datatype=XSD.decimal)
    assert graph.value(st, MLG.sampleSize) == Literal("8", datatype=XSD.integer)
    assert graph.value(st, MLG.standardError) == Literal("0.125", datatype=XSD.decimal)
    assert graph.value(st, DCT.date) == Literal("2024-08", datatype=XSD.gYearMonth)
    assert graph.value(st, MLG.domainSource) == Literal("Analyst")
    assert graph.value(st, MLG.suppressed) is None


def test_lower_importance_is_good_to_have_or_hardly_needed(graph):
    stat = MLD["onet-15-2041.00"]
    persuasion = statement(graph, stat, MLG.optionalSkill, MLD["onet-2.B.1.c"])  # IM 2.5
    assert graph.value(persuasion, MLG.grade) == MLG.goodToHave
    selection = statement(graph, stat, MLG.minorSkill, MLD["onet-2.B.3.c"])  # Equipment Selection, IM 1
    assert graph.value(selection, MLG.grade) is None


def test_suppressed_ratings_are_marked(graph):
    cis, building = MLD["onet-11-3021.00"], MLD["onet-2.C.3.d"]
    relation = next(graph.predicates(cis, building))
    st = statement(graph, cis, relation, building)
    assert graph.value(st, MLG.suppressed) == Literal("true", datatype=XSD.boolean)


def test_skills_and_knowledge_form_the_content_model_hierarchy(graph):
    reading = MLD["onet-2.A.1.a"]
    assert graph.value(reading, MLG.onetElementId) == Literal("2.A.1.a")
    assert graph.value(reading, SKOS.broader) == MLD["onet-2.A.1"]
    assert graph.value(MLD["onet-2.A.1"], SKOS.broader) == MLD["onet-2.A"]
    assert graph.value(MLD["onet-2.A"], SKOS.broader) is None
    assert graph.value(MLD["onet-2.C.4.a"], SKOS.prefLabel) == Literal("Mathematics (knowledge)", lang="en")


def test_technology_is_a_tool_under_its_commodity_with_flags(graph):
    ds, linux = MLD["onet-15-2051.00"], MLD["onet-tech-linux"]
    assert graph.value(linux, SKOS.broader) == MLD["onet-unspsc-43233004"]
    assert graph.value(MLD["onet-unspsc-43233004"], SKOS.prefLabel) == Literal("Operating system software", lang="en")
    st = statement(graph, ds, MLG.usesTool, linux)
    assert graph.value(st, MLG.hotTechnology) == Literal("true", datatype=XSD.boolean)
    assert graph.value(st, MLG.inDemand) is None  # O*NET says N


def test_a_technology_named_like_a_known_tool_links_to_it(graph):
    assert (MLD["onet-15-2051.00"], MLG.usesTool, MLD["python"]) in graph
    assert (MLD["python"], RDF.type, None) not in graph
    assert (MLD["onet-tech-python"], None, None) not in graph


def test_related_occupations_keep_tier_and_index(graph):
    st = statement(graph, MLD["onet-15-2041.00"], MLG.relatedOccupation, MLD["onet-15-2031.00"])
    assert graph.value(st, MLG.relatednessTier) == Literal("Primary-Long")
    assert graph.value(st, MLG.relatednessIndex) == Literal("6", datatype=XSD.integer)


def test_every_relation_has_one_imported_statement(graph, triples):
    relations = [t for t in graph if t[1] in (MLG.requiresSkill, MLG.optionalSkill, MLG.minorSkill,
                                              MLG.usesTool, MLG.relatedOccupation)]
    assert len({statement(graph, *t) for t in relations}) == len(relations)
    assert set(graph.objects(None, DCT.source)) == {SOURCE}
    assert not any(isinstance(term, rdflib.BNode) for t in graph for term in t)


def test_fast_turtle_is_the_canonical_turtle_and_the_same_every_time(graph, triples):
    text = render_plain_turtle(triples)
    assert text == FORMATS["ttl"].render(canonical_triples(graph))
    assert text == render_plain_turtle(onet_triples(read_onet(FIXTURES / "onet"), tools={"python": str(MLD["python"])}))


@pytest.mark.parametrize("key", [k for k, f in FORMATS.items() if f.rdf])
def test_every_rdf_format_reads_back_the_same_triples(graph, triples, key):
    parsers = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml", "trig": "trig", "nquads": "nquads"}
    back = rdflib.Graph()
    back.parse(data=render_plain(triples, FORMATS[key]), format=parsers[key])
    assert set(back) == set(graph)  # no blank nodes: equal triple sets are isomorphic graphs


@pytest.mark.skipif(shutil.which("rapper") is None, reason="needs Debian's raptor2-utils")
def test_rapper_reads_the_turtle_with_every_triple(tmp_path, triples):
    path = tmp_path / "onet.ttl"
    path.write_text(render_plain_turtle(triples), encoding="utf-8")
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert f"returned {len(triples)} triples" in run.stderr
