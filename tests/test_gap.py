"""Skill gaps on the guidance fixture, whose needs are listed in its header comment."""

import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from mlgraph.career.gap import learning_order, skill_gap
from mlgraph.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
GUIDE = ["--no-builtin", "--data", str(FIXTURES / "guidance.ttl")]
MLD = "https://w3id.org/mlgraph/id/"
SRC = "https://w3id.org/mlgraph/source/"
DS, MLE, SE, COURSE = (MLD + n for n in ("data-scientist", "ml-engineer", "software-engineer", "ml-course"))



def labels(nodes):
    return [n["label"] for n in nodes]


def test_gap_lists_essential_before_optional_and_what_is_shared(guide):
    gap = skill_gap(guide, DS, MLE)
    assert labels(gap.skills_to_gain) == ["deep learning", "programming", "linear algebra"]
    assert [s["essential"] for s in gap.skills_to_gain] == [True, True, False]
    assert labels(gap.skills_shared) == ["machine learning", "communication"]
    assert labels(gap.tools_to_gain) == ["TensorFlow"] and labels(gap.tools_shared) == ["Python"]


def test_each_missing_skill_names_who_teaches_it_and_who_offers_that(guide):
    deep, programming, algebra = skill_gap(guide, DS, MLE).skills_to_gain
    assert labels(deep["taught_by"]) == ["ML online course"]
    assert labels(deep["taught_by"][0]["offered_by"]) == ["MOOC Co"]
    assert deep["taught_by"][0]["sources"] == [SRC + "b"]
    assert deep["sources"] == [SRC + "a"] and labels(deep["builds_on"]) == ["machine learning"]
    assert programming["taught_by"] == []
    assert labels(algebra["taught_by"]) == ["statistics degree"] and algebra["taught_by"][0]["offered_by"] == []


def test_learning_order_puts_prerequisites_first(guide):
    # linear algebra is only good to have, but deep learning builds on it (through machine learning).
    order = labels(skill_gap(guide, DS, MLE).learning_order)
    assert order == ["linear algebra", "deep learning", "programming", "TensorFlow"]


def test_learning_order_survives_a_prerequisite_cycle():
    G = nx.MultiDiGraph()
    for n in "abc":
        G.add_node(n, label=n)
    G.add_edges_from([("b", "a", "prerequisiteOf"), ("a", "b", "prerequisiteOf"), ("c", "a", "prerequisiteOf")])
    assert learning_order(G, {"a": True, "b": True, "c": False}) == ["c", "a", "b"]


def test_have_shrinks_the_gap(guide):
    gap = skill_gap(guide, DS, MLE, have={MLD + "deep-learning", MLD + "tensorflow"})
    assert labels(gap.skills_to_gain) == ["programming", "linear algebra"]
    assert gap.tools_to_gain == ()
    shared = {s["label"]: s["covered_by"] for s in gap.skills_shared}
    assert shared == {"deep learning": "profile", "machine learning": "source", "communication": "source"}
    assert labels(gap.profile) == ["deep learning", "TensorFlow"]


def test_an_education_path_as_source_counts_what_it_teaches(guide):
    gap = skill_gap(guide, COURSE, MLE)
    assert labels(gap.skills_shared) == ["deep learning", "machine learning"]
    assert labels(gap.tools_shared) == ["TensorFlow"]


def test_cli_json_matches_the_contract():
    result = CliRunner().invoke(main, [*GUIDE, "gap", "data scientist", "ml engineer", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == {"id": DS, "label": "data scientist", "type": "Role", "level": "mid"}
    assert data["target"]["id"] == MLE
    assert {"id", "label", "type", "taught_by"} <= set(data["skills_to_gain"][0])
    assert data["skills_to_gain"][0]["taught_by"][0]["id"] == COURSE
    assert [n["label"] for n in data["skills_shared"]] == ["machine learning", "communication"]
    assert [n["id"] for n in data["tools_to_gain"]] == [MLD + "tensorflow"]


def test_cli_text_ranks_needs_by_theme_with_importance_and_evidence():
    result = CliRunner().invoke(main, [*GUIDE, "gap", "data scientist", "ml engineer"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("From data scientist to ML engineer\nYou cover 42% of its 7 needs (weighted by importance).\n")
    assert ("  mathematical skills\n    - linear algebra (good to have) · 0.40 · [1] 1 stated, good to have\n"
            "        learn at statistics degree\n"
            "  technical skills\n    - deep learning · 0.60 · [2] 1 stated\n        learn at ML online course (MOOC Co)\n") in out
    assert "Already covered: machine learning, Python, communication" in out
    assert "[2]  Article A (a.txt)" in out


def test_cli_unknown_role_gets_suggestions():
    result = CliRunner().invoke(main, [*GUIDE, "gap", "data scientst", "ml engineer"])
    assert result.exit_code == 1 and "did you mean: data scientist" in result.stderr


def test_prerequisites_the_role_does_not_list_are_added_first(guide):
    # ML architect needs machine learning and deep learning, which build on linear algebra; the data
    # analyst has statistics but not linear algebra, and the architect does not list it.
    gap = skill_gap(guide, MLD + "data-analyst", MLD + "ml-architect")
    (algebra,) = gap.prerequisites_to_gain
    assert algebra["label"] == "linear algebra" and algebra["sources"] == [SRC + "a"]
    assert labels(algebra["needed_for"]) == ["deep learning", "machine learning"]
    assert labels(gap.learning_order)[:3] == ["linear algebra", "machine learning", "deep learning"]
    assert "linear algebra" not in labels(gap.skills_to_gain)
