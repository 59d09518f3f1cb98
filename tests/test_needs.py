"""Needs, the skill hierarchy, levelled roles and alternatives, on tests/fixtures/evidence.ttl."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.career.costs import skills_cost
from mlgraph.career.gap import skill_gap
from mlgraph.career.moves import next_moves
from mlgraph.career.needs import capabilities, missing_needs, role_needs
from mlgraph.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
EVIDENCE = ["--no-builtin", "--data", str(FIXTURES / "evidence.ttl")]
MLD = "https://w3id.org/mlgraph/id/"
ANALYST, SCIENTIST, MLE, JUNIOR, ARCH = (MLD + n for n in ("analyst", "scientist", "mle", "junior-mle", "architect"))


def test_tasks_are_not_needs(evidence_graph):
    assert MLD + "deploy-models" not in role_needs(evidence_graph, MLE)
    assert evidence_graph.nodes[MLD + "deploy-models"]["type"] == "Task"


def test_a_levelled_role_inherits_its_general_roles_needs(evidence_graph):
    needs = role_needs(evidence_graph, JUNIOR)
    assert needs[MLD + "python"]["inherited_from"] is None
    assert {n for n, need in needs.items() if need["inherited_from"] == MLE} == set(role_needs(evidence_graph, MLE))
    assert skill_gap(evidence_graph, JUNIOR, MLE).items == ()


def test_a_broader_skill_covers_its_narrower_ones_and_alternatives_cover_each_other(evidence_graph):
    assert set(missing_needs(evidence_graph, capabilities(evidence_graph, ANALYST), MLE)) == {MLD + "teamwork"}
    gap = skill_gap(evidence_graph, ANALYST, MLE)
    assert gap.coverage == pytest.approx(round(2.375 / 3.255, 4))


def test_narrower_needs_are_grouped_and_alternatives_count_once(evidence_graph):
    gap = skill_gap(evidence_graph, ARCH, MLE)
    assert [(i["label"], i["importance"]) for i in gap.items] == [
        ("teamwork", 0.88), ("statistics", 0.8), ("C++", 0.6)]
    statistics, languages = gap.items[1], gap.items[2]
    assert [m["label"] for m in statistics["includes"]] == ["t-test"]
    assert [m["label"] for m in languages["one_of"]] == ["C++", "Java"]
    assert skills_cost(evidence_graph, ARCH, MLE) == pytest.approx(0.88 + 0.8 + 0.6)


def test_a_role_without_sourced_needs_has_no_coverage(evidence_graph):
    assert skill_gap(evidence_graph, ARCH, MLE).coverage is None  # nothing is known of the architect
    assert skill_gap(evidence_graph, ANALYST, ARCH).coverage is None
    architect = next(m for m in next_moves(evidence_graph, MLE) if m.node["id"] == ARCH)
    assert architect.coverage is None and architect.similarity is None


def test_a_listed_move_never_outranks_a_stated_one(evidence_graph):
    moves = next_moves(evidence_graph, ANALYST)
    assert [(m.node["label"], m.relation, m.weak) for m in moves[:2]] == [
        ("scientist", "canMoveTo", False), ("ML engineer", "progressesTo", True)]


def run(*args):
    return CliRunner().invoke(main, [*EVIDENCE, *args])


def test_cli_says_not_enough_data_instead_of_zero():
    result = run("gap", "analyst", "ML architect")
    assert result.exit_code == 0, result.output
    assert "Not enough data to compare: no source describes what ML architect needs" in " ".join(result.stdout.split())
    assert "0%" not in result.stdout
    assert json.loads(run("gap", "analyst", "ML architect", "--json").stdout)["coverage"] is None


def test_cli_next_says_listed_only():
    out = run("next", "analyst").stdout
    assert " 1. scientist" in out and "listed only: progresses to [2] 1 listed" in out


def test_cli_min_evidence_hides_weaker_needs():
    result = run("gap", "ML architect", "ML engineer", "--min-evidence", "stated", "--json")
    data = json.loads(result.stdout)
    assert MLD + "t-test" not in [s["id"] for s in data["skills_to_gain"]]
    assert data["hidden_by_min_evidence"] == 1


def test_cli_gap_json_carries_evidence_and_importance():
    data = json.loads(run("gap", "ML architect", "ML engineer", "--json").stdout)
    teamwork = next(s for s in data["skills_to_gain"] if s["label"] == "teamwork")
    assert teamwork["importance"] == 0.88 and teamwork["best_evidence"] == "stated"
    assert [r["grade"] for r in teamwork["evidence"]] == ["essential", "goodToHave"]


def test_cli_show_lists_tasks_and_evidence():
    out = run("show", "ML engineer").stdout
    assert "performs: deploy models [2] (1 listed)" in out
    assert "t-test [1] (1 listed)" in out and "statistics [2] (1 stated, essential)" in out
