"""The similarity of imported occupations, on the twelve fixture occupations joined to the built-in graph."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from mlgraph.career.similarity import (
    WEIGHTS, SimilarityIndex, correlation, direction, imported_roles, rank_similar, role_ratings, score,
)

MLD = "https://w3id.org/mlgraph/id/"
STAT, ORA, DS, ACT = (MLD + "onet-" + c for c in ("15-2041.00", "15-2031.00", "15-2051.00", "15-2011.00"))


def test_ratings_come_from_the_imported_needs(onet):
    # Skills.txt: Statisticians' Mathematics (2.A.1.e) IM 4.88, LV 5.38
    assert role_ratings(onet, STAT)["2.A.1.e"] == {"importance": 4.88, "level": 5.38}
    assert len(role_ratings(onet, STAT)) == 68
    assert role_ratings(onet, DS) == {}  # O*NET 29.2 does not rate Data Scientists


def test_correlation_compares_shape_not_height():
    assert correlation([1, 2, 4], [2, 3, 5]) == pytest.approx(1.0)
    assert correlation([1, 2, 4], [4, 2, 1]) < 0
    assert correlation([3, 3, 3], [1, 2, 3]) == 0.0


def test_score_adds_its_weighted_components(onet):
    found = score(onet, STAT, ORA)
    parts, adds = found.parts, found.contributions
    assert adds["profile"] == pytest.approx(WEIGHTS["profile"] * parts["profile"])
    assert adds["technology"] == pytest.approx(WEIGHTS["technology"] * parts["technology"])
    assert parts["minor_group"] == 1.0 and parts["broad_group"] == 0.0  # 15-2 both; 15-204 vs 15-203
    assert found.score == pytest.approx(sum(adds.values()))
    assert 0 < parts["profile"] <= 1 and 0 < parts["technology"] <= 1


def test_job_zone_gives_direction_and_a_small_cost(onet):
    up = score(onet, DS, STAT)  # job zone 4 -> 5
    assert up.direction == "advancement" and up.contributions["job_zone"] == pytest.approx(-WEIGHTS["job_zone"])
    assert score(onet, STAT, DS).direction == "step down"
    assert score(onet, STAT, ORA).direction == "lateral"
    assert direction(math.nan) == "unknown"


def test_an_unrated_occupation_is_compared_by_what_it_has(onet):
    found = score(onet, DS, ACT)
    assert math.isnan(found.parts["profile"]) and found.contributions["profile"] == 0.0
    assert found.parts["technology"] > 0
    assert found.as_dict()["parts"]["profile"] is None  # JSON has no NaN


def test_rarer_shared_technology_counts_for_more():
    G = nx.MultiDiGraph()
    for role in "abcd":
        G.add_node(role, type="Role", label=role)
    for tool in ("excel", "tensorflow"):
        G.add_node(tool, type="Tool", label=tool)
    G.add_edges_from([(r, "excel", "usesTool") for r in "abcd"] + [("a", "tensorflow", "usesTool"),
                                                                   ("b", "tensorflow", "usesTool")])
    index = SimilarityIndex(G, list("abcd"))
    assert index.parts("a")["technology"][1] > index.parts("a")["technology"][2]


def test_ranking_is_best_first_and_leaves_out_the_role(onet):
    ranked = rank_similar(onet, STAT)
    assert STAT not in [r for r, _ in ranked]
    assert [s.score for _, s in ranked] == sorted((s.score for _, s in ranked), reverse=True)
    assert {r for r, _ in ranked} == set(imported_roles(onet)) - {STAT}


def test_all_pairs_at_once_agree_with_one_at_a_time(onet):
    roles = imported_roles(onet)
    one, every = SimilarityIndex(onet, roles), SimilarityIndex(onet, roles)
    every.compare_all()
    assert list(one.scores(STAT)) == pytest.approx(list(every.scores(STAT)))
