"""Routes on the tiny graph, where the right answers are visible in its header comment."""

import pytest

from mlgraph.career.paths import find_routes
from mlgraph.errors import BadInput, NoRoute

MLD = "https://w3id.org/mlgraph/id/"
INTERN, JUNIOR, SENIOR, ANALYST, LEAD, BOOTCAMP = (
    MLD + n for n in ("intern", "junior-developer", "senior-developer", "analyst", "team-lead", "bootcamp"))


def labels(route):
    return [n["label"] for n in route.nodes]


def test_best_route_has_fewest_steps_and_explains_each_step(tiny):
    route = find_routes(tiny, INTERN, SENIOR)[0]
    assert labels(route) == ["intern", "junior developer", "senior developer"]
    assert route.hops == 2 and route.cost == 2
    first, second = route.steps
    assert (first.relation, first.sources) == ("leadsTo", (MLD.replace("id/", "source/") + "a",))
    assert second.relation == "progressesTo"
    assert second.sources == ("https://w3id.org/mlgraph/source/a", "https://w3id.org/mlgraph/source/b")
    assert [s["label"] for s in second.new_skills] == ["SQL"]
    assert [t["label"] for t in second.new_tools] == ["spark"]  # Python was already used


def test_k_gives_distinct_alternatives_best_first(tiny):
    routes = find_routes(tiny, INTERN, LEAD, k=3)
    # Both cost 3 steps; the one made of progressions beats the one with a sideways move.
    assert [labels(r) for r in routes] == [
        ["intern", "junior developer", "senior developer", "team lead"],
        ["intern", "junior developer", "analyst", "team lead"],
    ]


def test_via_and_avoid_choose_the_branch(tiny):
    via = find_routes(tiny, INTERN, LEAD, via=[SENIOR])
    avoid = find_routes(tiny, INTERN, LEAD, avoid=[SENIOR])
    assert labels(via[0])[2] == "senior developer"
    assert labels(avoid[0])[2] == "analyst"


def test_max_hops_too_small_finds_nothing(tiny):
    with pytest.raises(NoRoute, match="within 2 steps"):
        find_routes(tiny, INTERN, LEAD, max_hops=2)


def test_routes_do_not_go_backwards_or_through_skills(tiny):
    with pytest.raises(NoRoute):
        find_routes(tiny, LEAD, INTERN)


def test_education_step_counts_what_was_taught(tiny):
    step = find_routes(tiny, BOOTCAMP, JUNIOR)[0].steps[0]
    assert step.relation_text == "is an entry route into"
    assert step.new_tools == ()  # the bootcamp teaches Python, which the junior developer uses


def test_json_shape_matches_the_contract(tiny):
    data = find_routes(tiny, INTERN, SENIOR)[0].as_dict()
    assert set(data) >= {"hops", "cost", "nodes", "steps"}
    assert set(data["nodes"][0]) >= {"id", "label", "type"}
    assert set(data["steps"][0]) >= {"from", "relation", "to", "sources"}
    assert data["steps"][0]["from"] == INTERN and data["steps"][-1]["to"] == SENIOR


@pytest.mark.parametrize("kwargs", [{"k": 0}, {"max_hops": 0}, {"avoid": [INTERN]}])
def test_bad_requests_are_bad_input(tiny, kwargs):
    with pytest.raises(BadInput):
        find_routes(tiny, INTERN, LEAD, **kwargs)


def test_same_source_and_target_is_bad_input(tiny):
    with pytest.raises(BadInput, match="same node"):
        find_routes(tiny, INTERN, INTERN)
