"""SPARQL queries: read-only, bound parameters, the three output forms, named queries."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, URIRef, Variable

from mlgraph.cli import main
from mlgraph.errors import BadInput
from mlgraph.rdf.query import bind_params, named_queries, parse_named_query, prepare_query, run_query

FIXTURES = Path(__file__).parent / "fixtures"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
MLD = "https://w3id.org/mlgraph/id/"


def run(*args, tiny=True):
    return CliRunner().invoke(main, [*(TINY if tiny else []), *args])


def test_count_of_all_triples_equals_stats_on_the_real_graph():
    counted = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--json", tiny=False)
    stats = run("stats", "--json", tiny=False)
    assert counted.exit_code == 0 and stats.exit_code == 0
    n = json.loads(counted.stdout)["results"]["bindings"][0]["n"]["value"]
    assert int(n) == json.loads(stats.stdout)["triples"] > 1000


@pytest.mark.parametrize("text, fragment", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL update"),
    ("DELETE WHERE { ?s ?p ?o }", "SPARQL update"),
    ("LOAD <http://example.org/data.ttl>", "SPARQL update"),
    ("CLEAR ALL", "SPARQL update"),
    ("DROP GRAPH <urn:g>", "SPARQL update"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://x.org/q> { ?o ?q ?r } } }", "SERVICE"),
    ("SELECT * FROM <http://example.org/other.ttl> WHERE { ?s ?p ?o }", "FROM"),
    ("SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
    ("SELECT * WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }", "GRAPH"),
])
def test_writes_and_network_access_are_refused(text, fragment):
    with pytest.raises(BadInput, match=fragment):
        prepare_query(text)
    result = run("query", text)
    assert result.exit_code == 2 and fragment in result.stderr and result.stdout == ""


def test_syntax_error_is_one_line_with_its_line_number():
    result = run("query", "SELECT ?s WHERE {\n  ?s ?p \n")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not valid SPARQL" in result.stderr and "line 2" in result.stderr


def test_select_table_is_aligned_with_curies():
    result = run("query", "PREFIX mlg: <https://w3id.org/mlgraph/ns#> "
                          "SELECT ?role ?tool WHERE { ?role mlg:usesTool ?tool } ORDER BY ?role ?tool")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["role", "tool"]
    assert lines[2:] == ["mld:junior-developer  mld:python", "mld:senior-developer  mld:python",
                         "mld:senior-developer  mld:spark-tool"]
    assert len({line.index("mld:", 4) for line in lines[2:]}) == 1  # second column lines up


def test_json_follows_the_sparql_results_format():
    data = json.loads(run("query", "SELECT ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l } "
                                   "ORDER BY ?l LIMIT 1", "--json").stdout)
    assert list(data) == ["head", "results"] and data["head"]["vars"] == ["l"]
    assert data["results"]["bindings"] == [{"l": {"type": "literal", "value": "Article A", "xml:lang": "en"}}]
    ask = json.loads(run("query", "ASK { ?s ?p ?o }", "--json").stdout)
    assert ask == {"head": {}, "boolean": True}


def test_csv_follows_the_sparql_results_format():
    result = run("query", "SELECT ?s WHERE { ?s a <https://w3id.org/mlgraph/ns#Tool> } ORDER BY ?s", "--csv")
    assert result.stdout_bytes == f"s\r\n{MLD}python\r\n{MLD}spark-tool\r\n".encode()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's JSON-LD reader, in the check only
def test_ask_and_construct_print_readable_text():
    assert run("query", "ASK { ?s a <https://w3id.org/mlgraph/ns#Planet> }").stdout == "false\n"
    text = run("query", "CONSTRUCT { ?s <urn:ex:named> ?l } WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> "
                        "\"intern\"@en ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }").stdout
    assert text == '@prefix mld: <https://w3id.org/mlgraph/id/> .\n\nmld:intern <urn:ex:named> "intern"@en .\n'
    described = run("query", "DESCRIBE <https://w3id.org/mlgraph/id/intern>", "--json")
    graph = rdflib.Graph().parse(data=described.stdout, format="json-ld")
    assert (URIRef(MLD + "intern"), URIRef("https://w3id.org/mlgraph/ns#level"), Literal("entry")) in graph


def test_empty_select_exits_1_after_printing_the_empty_result():
    result = run("query", "SELECT ?s WHERE { ?s a <https://w3id.org/mlgraph/ns#Planet> }", "--json")
    assert result.exit_code == 1 and "matched nothing" in result.stderr
    assert json.loads(result.stdout)["results"]["bindings"] == []
    described = run("query", "DESCRIBE <http://example.org/nothing>")
    assert described.exit_code == 1 and described.stdout == ""


def test_an_error_while_evaluating_is_one_line_not_an_internal_error():
    result = run("query", 'SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?s), "(")) }')
    assert result.exit_code == 2 and result.stderr.startswith("mlgraph: error: the query failed")


def test_named_queries_are_listed_with_their_parameters():
    names = set(named_queries())
    assert {"roles-needing-skill", "taught-by", "tools-for-role", "sources-of-relation",
            "salaries-of-role"} <= names
    listed = json.loads(run("query", "--list", "--json").stdout)
    assert {q["name"] for q in listed} == names
    text = run("query", "--list").stdout
    assert "roles-needing-skill --param skill=<Skill>" in text


@pytest.mark.parametrize("name, params, column, expected", [
    ("roles-needing-skill", ["skill=sql"], "label", ["analyst", "senior developer", "team lead"]),
    ("taught-by", ["education=coding bootcamp"], "label", ["Python"]),
    ("tools-for-role", ["role=jr dev"], "label", ["Python"]),
    ("next-roles", ["role=junior developer"], "label", ["analyst", "senior developer"]),
    ("education-for-role", ["role=junior developer"], "label", ["coding bootcamp"]),
    ("sources-of-relation", ["from=junior developer", "to=senior developer"], "source",
     ["https://w3id.org/mlgraph/source/a", "https://w3id.org/mlgraph/source/b"]),
    ("facts-from-source", ["source=Article B"], "object",
     ["team lead", "SQL", "junior developer", "Python", "analyst", "senior developer", "spark"]),
])
def test_named_queries_answer_on_the_tiny_graph(name, params, column, expected):
    args = [arg for p in params for arg in ("--param", p)]
    result = run("query", name, *args, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [row[column]["value"] for row in rows] == expected


@pytest.mark.parametrize("name, params", [
    ("roles-needing-skill", ["skill=deep learning"]), ("taught-by", ["education=machine learning bootcamp"]),
    ("tools-for-role", ["role=MLE"]), ("next-roles", ["role=data scientist"]),
    ("education-for-role", ["role=MLE"]), ("salaries-of-role", ["role=MLE"]),
    ("sources-of-relation", ["from=data scientist", "to=ML engineer"]),
    ("facts-from-source", ["source=article 001"]),
])
def test_named_queries_find_rows_in_the_real_graph(name, params):
    args = [arg for p in params for arg in ("-p", p)]
    result = run("query", name, *args, "--csv", tiny=False)
    assert result.exit_code == 0, result.output
    assert len(list(csv.reader(io.StringIO(result.stdout)))) > 1


def test_every_relation_of_the_real_graph_is_sourced():
    result = run("query", "unsourced-relations", tiny=False)
    assert result.exit_code == 1 and "matched nothing" in result.stderr


def test_unsourced_relation_is_found_when_there_is_one():
    result = CliRunner().invoke(main, [*TINY, "--data", str(FIXTURES / "unsourced.ttl"),
                                       "query", "unsourced-relations", "--csv"])
    assert result.exit_code == 0
    assert f"{MLD}intern,https://w3id.org/mlgraph/ns#progressesTo,{MLD}team-lead" in result.stdout


def test_parameters_are_bound_never_pasted_into_the_text():
    hostile = 'x" } ; DROP ALL ; SELECT * { "'
    query = parse_named_query("echo", "# param: word text any text\nSELECT ?word WHERE { }")
    bindings = bind_params(query, {"word": hostile}, lambda value, kind: pytest.fail("not a node"))
    assert bindings == {Variable("word"): Literal(hostile)}
    result = run_query(rdflib.Graph(), prepare_query(query.text), bindings)
    assert [str(row.word) for row in result] == [hostile]


def test_show_sparql_prints_the_stored_text_and_the_bound_values():
    result = run("query", "tools-for-role", "--param", "role=jr dev", "--show-sparql")
    assert result.exit_code == 0
    stored = named_queries()["tools-for-role"].text
    assert result.stdout == stored.rstrip("\n") + f"\n# bound: ?role = <{MLD}junior-developer>\n"
    assert "jr dev" not in result.stdout


@pytest.mark.parametrize("args, code, fragment", [
    (["tools-for-role"], 2, "needs --param role=VALUE"),
    (["tools-for-role", "-p", "role=jr dev", "-p", "colour=red"], 2, "has no parameter 'colour'"),
    (["tools-for-role", "-p", "role"], 2, "write NAME=VALUE"),
    (["tools-for-role", "-p", "role=astronaut"], 1, "no node named 'astronaut'"),
    (["tools-for-role", "-p", "role=spark"], 2, "ambiguous"),  # no Role named spark: a Skill and a Tool are
    (["tool-for-roles"], 2, "no named query 'tool-for-roles'"),
    (["SELECT * WHERE { ?s ?p ?o }", "-p", "a=b"], 2, "only applies to named queries"),
    ([], 2, "give a SPARQL query"),
])
def test_bad_named_query_use_is_one_line(args, code, fragment):
    result = run("query", *args)
    assert result.exit_code == code and fragment in result.stderr, result.output
    assert result.stderr.count("\n") == 1


def test_query_from_a_file(tmp_path):
    path = tmp_path / "roles.rq"
    path.write_text("PREFIX mlg: <https://w3id.org/mlgraph/ns#>\nSELECT (COUNT(?r) AS ?n) WHERE { ?r a mlg:Role }\n")
    result = run("query", "-f", str(path), "--csv")
    assert result.stdout_bytes == b"n\r\n5\r\n"
    assert run("query", "-f", str(tmp_path / "missing.rq")).exit_code == 2
