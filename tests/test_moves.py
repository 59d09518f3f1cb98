"""Next moves on the guidance fixture. From data scientist (mid): the stated moves come first
(progresses to ML manager, can move to ML engineer), then roles by weighted Jaccard similarity
of needs weighted by importance (every statement is stated and ungraded: essential skills and
tools 0.6, good-to-have skills 0.4): statistician 1.6/3.4 = 0.47 > research scientist 2.2/5.2
= 0.42 > ML architect 0.6/5.6 = 0.11; entry-level roles are a step back and are left out, the
chef shares nothing."""

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from mlgraph.career.moves import better_paid, move_kind, next_moves, weighted_jaccard
from mlgraph.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
GUIDE = ["--no-builtin", "--data", str(FIXTURES / "guidance.ttl")]
MLD = "https://w3id.org/mlgraph/id/"
DS, MLE, ARCH, JR = (MLD + n for n in ("data-scientist", "ml-engineer", "ml-architect", "junior-ml-engineer"))



def ranking(moves):
    return [m.node["label"] for m in moves]


def test_stated_moves_first_then_by_similarity(guide):
    moves = next_moves(guide, DS, n=10)
    assert ranking(moves) == ["ML manager", "ML engineer", "statistician", "research scientist", "ML architect"]
    assert [m.relation for m in moves] == ["progressesTo", "canMoveTo", None, None, None]
    assert [m.similarity for m in moves[2:]] == [round(1.6 / 3.4, 4), round(2.2 / 5.2, 4), round(0.6 / 5.6, 4)]


def test_each_move_says_why(guide):
    manager, engineer, statistician, *_ = next_moves(guide, DS)
    assert (manager.kind, manager.kind_reason) == ("advancement", "more senior: mid to executive")
    assert manager.coverage == 0.625  # communication (0.6) and machine learning (0.4) of 1.6
    assert manager.sources == ("https://w3id.org/mlgraph/source/a",)
    assert (engineer.kind, engineer.kind_reason) == ("lateral", "same level")
    assert [n["label"] for n in engineer.shared] == ["machine learning", "Python", "communication"]
    # prerequisites first: linear algebra comes before deep learning (through machine learning)
    assert [n["label"] for n in engineer.to_gain] == ["linear algebra", "deep learning", "programming", "TensorFlow"]
    assert statistician.relation_text == "has similar needs to" and statistician.sources == ()


def test_n_limits_the_list(guide):
    assert ranking(next_moves(guide, DS, n=3)) == ["ML manager", "ML engineer", "statistician"]


def test_have_shifts_the_ranking(guide):
    # with deep learning, TensorFlow and linear algebra (each at 1), research scientist (4.0/6.4)
    # overtakes statistician (1.6/6.4) and ML architect (1.8/7.4)
    moves = next_moves(guide, DS, n=10, have={MLD + "deep-learning", MLD + "tensorflow", MLD + "linear-algebra"})
    assert ranking(moves)[2:] == ["research scientist", "statistician", "ML architect"]
    engineer = moves[1]
    assert [n["label"] for n in engineer.to_gain] == ["programming"]


def test_better_pay_in_the_same_currency_is_an_advancement(guide):
    assert better_paid(guide, MLE, DS) == "better paid: INR 1,200,000 against INR 1,000,000 a year"
    assert move_kind(guide, MLE, DS) == ("advancement", "better paid: INR 1,200,000 against INR 1,000,000 a year")
    assert better_paid(guide, DS, MLE) is None


def test_a_stated_progression_without_level_or_pay_is_an_advancement(guide):
    assert move_kind(guide, MLD + "chef", MLD + "statistician", "progressesTo")[0] == "advancement"
    assert move_kind(guide, MLD + "chef", MLD + "statistician")[0] == "lateral"


def test_a_role_with_no_moves_gives_nothing(guide):
    assert next_moves(guide, MLD + "chef") == []


weights = st.dictionaries(st.sampled_from("abcdef"), st.sampled_from([0.5, 1.0]))


@given(weights, weights)
def test_similarity_is_symmetric_and_between_0_and_1(a, b):
    assert weighted_jaccard(a, b) == weighted_jaccard(b, a)
    assert 0.0 <= weighted_jaccard(a, b) <= 1.0
    if a:
        assert weighted_jaccard(a, a) == 1.0


def test_essential_counts_more_than_optional():
    assert weighted_jaccard({"x": 1.0, "y": 1.0}, {"x": 1.0}) < weighted_jaccard({"x": 1.0, "y": 0.5}, {"x": 1.0})


def run(*args):
    return CliRunner().invoke(main, [*GUIDE, *args])


def test_cli_json_lists_moves_with_kind_and_why():
    result = run("next", "data scientist", "-n", "3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["role"]["id"] == DS
    first = data["moves"][0]
    assert first["node"]["label"] == "ML manager" and first["kind"] == "advancement"
    assert first["relation"] == "progressesTo" and first["sources"] == ["https://w3id.org/mlgraph/source/a"]
    assert [m["node"]["label"] for m in data["moves"]] == ["ML manager", "ML engineer", "statistician"]


def test_cli_text_ranks_and_explains():
    result = run("next", "data scientist", "-n", "3")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert (" 1. ML manager — advancement (more senior: mid to executive)\n"
            "    progresses to [1] 1 stated; similarity 0.22; you cover 62% of its 3 needs") in out
    assert " 3. statistician — lateral (same level)\n    similar skills and tools; similarity 0.47" in out
    assert "to gain:   R" in out


def test_cli_next_with_nothing_to_offer_exits_1():
    result = run("next", "chef")
    assert result.exit_code == 1 and "no moves known out of chef" in result.stderr


def test_stated_moves_go_nearest_level_first_and_steps_down_last():
    import networkx as nx

    G = nx.MultiDiGraph(relations={r: {"career": True, "label": r} for r in ("progressesTo", "canMoveTo")})
    for name, level in [("me", "mid"), ("boss", "executive"), ("lead", "senior"), ("junior", "entry"),
                        ("peer", None)]:
        G.add_node(name, label=name, type="Role", **({"level": level} if level else {}))
    G.add_edges_from((u, v, k, {"sources": []}) for u, v, k in [
        ("me", "boss", "progressesTo"), ("me", "lead", "progressesTo"),
        ("me", "junior", "canMoveTo"), ("me", "peer", "canMoveTo")])
    assert ranking(next_moves(G, "me")) == ["lead", "boss", "peer", "junior"]
