"""Result objects: readable reprs, escaped HTML tables, DataFrames with the documented columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import mlgraph

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def guide():
    return mlgraph.load([FIXTURES / "guidance.ttl"], builtin=False)


@pytest.fixture(scope="module")
def hostile():
    return mlgraph.load([FIXTURES / "hostile_labels.ttl"], builtin=False)


def test_routes_print_their_nodes_and_tabulate_their_steps(guide):
    routes = guide.route("software engineer", "ML architect", k=2)
    assert repr(routes).splitlines()[0] == "<Routes software engineer → ML architect: 2 routes>"
    assert repr(routes).splitlines()[1].startswith("  1. software engineer → ")
    frame = routes.to_pandas()
    assert list(frame.columns) == ["route", "step", "from", "relation", "to", "cost", "sources", "new_skills", "new_tools"]
    assert len(frame) == sum(r.hops for r in routes)
    assert frame["from"].iloc[0] == "software engineer" and frame["to"].iloc[-1] == "ML architect"
    assert len(routes) == 2 and routes[0] is routes.best and list(routes) == list(routes.paths)


def test_gap_as_a_data_frame_lists_every_need_once(guide):
    gap = guide.gap("data scientist", "ML engineer")
    frame = gap.to_pandas()
    assert list(frame.columns)[:4] == ["label", "type", "need", "essential"]
    expected = len(gap.skills_to_gain) + len(gap.tools_to_gain) + len(gap.prerequisites_to_gain)
    assert len(frame) == expected > 0
    assert set(frame["need"]) <= {"skill", "tool", "prerequisite"}
    assert re.match(r"<SkillGap data scientist → ML engineer: \d+ skills?, \d+ tools? to gain; \d+ covered>", repr(gap))


def test_moves_stats_nodes_and_cards_convert(guide):
    moves = guide.next("data scientist", n=3)
    assert list(moves.to_pandas()["rank"]) == [1, 2, 3]
    assert repr(moves).startswith("<Moves from data scientist: 3 moves>")
    stats = guide.stats().to_pandas()
    assert stats.loc[(stats["counts"] == "node") & (stats["name"] == "Role"), "count"].item() == 10
    assert list(guide.list("tools").to_pandas()["label"]) == ["Python", "R", "Spark", "TensorFlow"]
    card = guide.show("ML engineer")
    assert repr(card).startswith("<Card ML engineer (Role, mld:ml-engineer): ")
    assert len(card.to_pandas()) == len(card["relations"])


def test_plan_shows_as_markdown(guide):
    plan = guide.plan("software engineer", "ML architect")
    assert plan._repr_markdown_() == str(plan) and plan.as_dict()["markdown"] == str(plan)
    assert repr(plan).startswith("<StudyPlan software engineer → ")


def test_query_and_validation_results_tabulate(guide):
    found = guide.query("SELECT ?role ?label WHERE { ?role a <https://w3id.org/mlgraph/ns#Role> ; "
                        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?label")
    frame = found.to_pandas()
    assert list(frame.columns) == ["role", "label"] and "chef" in set(frame["label"])
    assert "<QueryResult SELECT: 10 rows>" in repr(found)
    assert "<table" in found._repr_html_()
    report = guide.validate(FIXTURES / "unsourced.ttl")
    assert len(report.to_pandas()) == len(report.problems) > 0
    assert repr(report).startswith("<Validation: does not conform")


def test_html_tables_escape_hostile_labels(hostile):
    for result in (hostile.list(), hostile.stats(), hostile.search("role"),
                   hostile.show("mld:script-role"), hostile.query("SELECT ?s ?o WHERE { ?s ?p ?o }")):
        page = result._repr_html_()
        assert "<script" not in page and "<img" not in page and "<svg" not in page and "<b " not in page
        assert "<table" in page or "<strong>" in page
    assert "&lt;/script&gt;&lt;script&gt;" in hostile.show("mld:script-role")._repr_html_()


def test_to_pandas_without_pandas_says_how_to_install(guide, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(mlgraph.BadInput, match=r"mlgraph\[pandas\]"):
        guide.stats().to_pandas()
