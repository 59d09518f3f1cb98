"""Validation against the SHACL shapes: conformance, readable problems, files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mlgraph.cli import main
from mlgraph.rdf.builtin import builtin_files, ontology_dir
from mlgraph.rdf.validate import Problem, validate_files

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE = Path(__file__).parent / "hostile"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]


def test_the_builtin_graph_conforms():
    report = validate_files(builtin_files())
    assert report.conforms and report.problems == []
    assert report.triples > 1000
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 0
    assert result.stdout == "" and "conforms to the shapes" in result.stderr


def test_the_tiny_graph_conforms():
    assert validate_files([ontology_dir() / "schema.ttl", FIXTURES / "tiny.ttl"]).conforms


def test_a_missing_source_is_one_line_naming_file_node_and_relation():
    result = CliRunner().invoke(main, [*TINY, "validate", str(FIXTURES / "unsourced.ttl")])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{FIXTURES / 'unsourced.ttl'}: intern (mld:intern): relation mlg:progressesTo to mld:team-lead "
        "has no source: add an rdf:Statement with dct:source"]
    assert "1 violation(s)" in result.stderr


def test_each_problem_names_its_property_and_message():
    report = validate_files([ontology_dir() / "schema.ttl", HOSTILE / "shape-violation.ttl"])
    assert not report.conforms
    found = {(p.node, p.property, p.message) for p in report.problems}
    assert found == {
        ("mld:junior-prompter", "",
         "relation mlg:progressesTo to mld:prompt-whisperer has no source: add an rdf:Statement with dct:source"),
        ("mld:prompt-whisperer", "mlg:level", "mlg:level must be one of entry, mid, senior, executive"),
        ("mld:prompt-whisperer", "skos:prefLabel", "needs exactly one skos:prefLabel with a language tag"),
    }
    assert {p.file for p in report.problems} == {str(HOSTILE / "shape-violation.ttl")}
    assert next(p for p in report.problems if p.property == "mlg:level").value == "'legendary'"


def test_the_file_named_is_the_one_holding_the_bad_triple(tmp_path):
    labels = tmp_path / "labels.ttl"
    labels.write_text('@prefix mlg: <https://w3id.org/mlgraph/ns#> .\n'
                      '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                      '<https://w3id.org/mlgraph/id/x> a mlg:Skill ; mlg:kind "technical" ; skos:prefLabel "x"@en .\n')
    extra = tmp_path / "extra.ttl"
    extra.write_text('@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                     '<https://w3id.org/mlgraph/id/x> skos:prefLabel "second"@en .\n')
    report = validate_files([ontology_dir() / "schema.ttl", labels, extra])
    [problem] = report.problems
    assert problem.property == "skos:prefLabel"
    assert problem.file == f"{labels}, {extra}"  # two labels: both files describe the node


def test_json_report_and_unreadable_file(tmp_path):
    result = CliRunner().invoke(main, ["--no-builtin", "validate", str(HOSTILE / "shape-violation.ttl"), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["conforms"] is False and len(data["problems"]) == 3
    assert set(data["problems"][0]) >= {"file", "node", "label", "property", "message"}
    missing = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.ttl")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr and missing.stdout == ""


def test_problem_line_reads_well():
    assert Problem("a.ttl", "mld:x", "x", "", "is odd", severity="Warning").line() == "a.ttl: [warning] x (mld:x): is odd"
