"""Route costs on the guidance fixture: software engineer -> ML architect has a short route that
asks to learn a lot (through research scientist) and a longer one that asks less (through the
ML engineers); the header comment of tests/fixtures/guidance.ttl works the figures out.

Every statement of the fixture is stated and ungraded, so an essential skill or a tool weighs
0.8 x 0.75 = 0.6 and a good-to-have skill 0.8 x 0.5 = 0.4."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.career.costs import EPSILON, blend_cost, skills_cost, step_cost
from mlgraph.career.paths import find_routes, hop_cost
from mlgraph.cli import main
from mlgraph.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures"
GUIDE = ["--no-builtin", "--data", str(FIXTURES / "guidance.ttl")]
MLD = "https://w3id.org/mlgraph/id/"
SE, RS, JR, MLE, ARCH = (MLD + n for n in (
    "software-engineer", "research-scientist", "junior-ml-engineer", "ml-engineer", "ml-architect"))
SHORT = ["software engineer", "research scientist", "ML architect"]
LONG = ["software engineer", "junior ML engineer", "ML engineer", "ML architect"]



def labels(route):
    return [n["label"] for n in route.nodes]


def test_step_costs_sum_the_importance_of_new_needs(guide):
    # research scientist: 5 new essential skills and TensorFlow at 0.6, communication at 0.4
    assert skills_cost(guide, SE, RS) == pytest.approx(6 * 0.6 + 0.4)
    assert skills_cost(guide, JR, MLE) == pytest.approx(0.6 + 0.4 + 0.4 + 0.6)
    assert blend_cost(guide, JR, MLE) == pytest.approx(1 + 2.0)


def test_a_step_with_nothing_new_still_costs_epsilon(guide):
    assert skills_cost(guide, MLE, JR) == EPSILON > 0


# On a route a need is paid for once: system design, learnt as a software engineer, is not
# charged again at the architect (long route: 0.6 + 2.0 + 1.0; short route: 4.0 + 1.0).
@pytest.mark.parametrize("name, expected, cost", [
    ("hops", SHORT, 2), ("skills", LONG, 3.6), ("blend", LONG, 3 + 3.6),
])
def test_each_cost_picks_its_own_best_route(guide, name, expected, cost):
    route = find_routes(guide, SE, ARCH, cost=step_cost(name))[0]
    assert labels(route) == expected
    assert route.cost == pytest.approx(cost)
    assert route.cost == pytest.approx(sum(step.cost for step in route.steps))


def test_have_makes_known_skills_free(guide):
    have = {MLD + "machine-learning", MLD + "deep-learning", MLD + "tensorflow"}
    route = find_routes(guide, SE, ARCH, cost=step_cost("skills", have), have=have)[0]
    assert labels(route) == LONG
    assert [s.cost for s in route.steps] == pytest.approx([EPSILON, 0.8, 1.0])  # optional skills, leadership, Spark
    assert route.cost < find_routes(guide, SE, ARCH, cost=step_cost("skills"))[0].cost
    assert [s["label"] for s in route.steps[1].new_skills] == ["communication", "linear algebra"]


def test_when_nothing_is_new_the_shorter_route_wins(guide):
    have = {MLD + n for n in ("statistics", "linear-algebra", "machine-learning", "deep-learning",
                              "research-methods", "communication", "system-design", "leadership",
                              "tensorflow", "spark")}
    route = find_routes(guide, SE, ARCH, cost=step_cost("skills", have))[0]
    assert labels(route) == SHORT and route.cost == pytest.approx(2 * EPSILON)


def test_a_need_met_earlier_on_the_route_is_not_charged_again(guide):
    route = find_routes(guide, SE, ARCH, cost=step_cost("skills"))[0]
    last = route.steps[-1]
    assert [s["label"] for s in last.new_skills] == ["leadership"]  # system design came with the start
    assert last.cost == pytest.approx(1.0) and skills_cost(guide, MLE, ARCH) == pytest.approx(1.6)


def test_unknown_cost_is_bad_input():
    assert step_cost("hops") is hop_cost
    with pytest.raises(BadInput, match="known costs: hops, skills, blend"):
        step_cost("money")


def run(*args):
    return CliRunner().invoke(main, [*GUIDE, *args])


def test_cli_path_json_has_route_and_step_costs():
    result = run("path", "software engineer", "ml architect", "--cost", "skills", "--json")
    assert result.exit_code == 0, result.output
    best = json.loads(result.stdout)["paths"][0]
    assert [n["label"] for n in best["nodes"]] == LONG
    assert best["cost"] == pytest.approx(3.6) and [s["cost"] for s in best["steps"]] == pytest.approx([0.6, 2.0, 1.0])


def test_cli_path_text_shows_costs_only_when_asked():
    skills = run("path", "software engineer", "ml architect", "--cost", "skills")
    assert skills.exit_code == 0, skills.output
    assert skills.stdout.splitlines()[0].endswith("(3 steps, cost 3.6)")
    assert "progresses to ML engineer [2] 1 stated  (cost 2)" in skills.stdout
    hops = run("path", "software engineer", "ml architect")
    assert hops.stdout.splitlines()[0] == "Route: software engineer → research scientist → ML architect  (2 steps)"


def test_cli_path_have_lowers_the_cost(tmp_path):
    mine = tmp_path / "me.txt"
    mine.write_text("machine learning\ndeep learning\nTensorFlow\n", encoding="utf-8")
    result = run("path", "software engineer", "ml architect", "--cost", "skills", "--have", str(mine), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["paths"][0]["cost"] == pytest.approx(1.81)


def test_cli_path_rejects_an_unknown_cost():
    result = run("path", "software engineer", "ml architect", "--cost", "money")
    assert result.exit_code == 2 and "money" in result.stderr
