"""Study plans on the guidance fixture: data scientist -> ML engineer -> ML architect."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.career.costs import step_cost
from mlgraph.career.paths import find_routes
from mlgraph.career.plan import plan_steps, render_plan, write_plan
from mlgraph.cli import main
from mlgraph.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures"
GUIDE = ["--no-builtin", "--data", str(FIXTURES / "guidance.ttl")]
MLD = "https://w3id.org/mlgraph/id/"
DS, ARCH, SE = (MLD + n for n in ("data-scientist", "ml-architect", "software-engineer"))



@pytest.fixture(scope="module")
def route(guide):
    return find_routes(guide, DS, ARCH, cost=step_cost("skills"))[0]


def test_each_step_learns_what_is_new_in_prerequisite_order(guide, route):
    first, second = plan_steps(guide, route)
    assert [i["label"] for i in first.learn] == ["linear algebra", "deep learning", "programming", "TensorFlow"]
    assert [i["label"] for i in second.learn] == ["Spark", "system design", "leadership"]
    assert [p["label"] for p in first.where] == ["ML online course", "statistics degree"]
    assert [t["label"] for t in first.where[0]["teaches"]] == ["deep learning", "TensorFlow"]
    assert [t["label"] for t in first.untaught] == ["programming"]


def test_what_was_learnt_earlier_is_not_planned_again(guide):
    # software engineer -> junior ML engineer -> ML engineer: machine learning is learnt once, at step 1
    route = find_routes(guide, SE, ARCH, cost=step_cost("skills"))[0]
    learnt = [i["label"] for step in plan_steps(guide, route) for i in step.learn]
    assert learnt.count("machine learning") == 1 and len(learnt) == len(set(learnt))


def test_have_leaves_known_skills_out(guide, route):
    first, _ = plan_steps(guide, route, have={MLD + "deep-learning", MLD + "tensorflow"})
    assert [i["label"] for i in first.learn] == ["programming", "linear algebra"]  # nothing builds on algebra now


def test_rendered_plan_reads_as_markdown_with_numbered_sources(guide, route):
    text = render_plan(guide, route, cost="skills")
    assert text.startswith("# Study plan: data scientist → ML architect\n\n- Route: data scientist → ML engineer → ML architect\n")
    assert "- Steps: 2; cost: 3.8 (skills: the sum of the importance (0-1) of each new need, each counted once)" in text
    assert "## Step 1: data scientist → ML engineer\n\ndata scientist can move to ML engineer [1] (1 stated). Step cost: 2.2." in text
    assert ("*mathematical skills*\n\n- [ ] **linear algebra** — good to have · importance 0.40 · 1 stated, good to have [1]\n"
            "  - learn at: statistics degree [1]\n\n*technical skills*\n\n"
            "- [ ] **deep learning** — essential · importance 0.60 · 1 stated [2]; builds on machine learning\n"
            "  - learn at: ML online course (MOOC Co) [1]\n") in text
    assert "No education path in the graph teaches: programming" in text
    assert text.endswith("## Sources\n\n1. Article B\n2. Article A, *All about careers*, `a.txt`\n")


def test_rendering_is_deterministic_and_has_no_dates(guide, route):
    assert render_plan(guide, route) == render_plan(guide, route)
    assert "2025" not in render_plan(guide, route) and "2026" not in render_plan(guide, route)


def test_markdown_characters_in_labels_are_escaped(guide, route):
    G = guide.copy()
    G.nodes[MLD + "tensorflow"]["label"] = "Tensor*Flow* <b>"
    assert r"**Tensor\*Flow\* \<b\>** — tool" in render_plan(G, route)


def test_write_plan_creates_folders_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "deep" / "er" / "plan.md"
    write_plan("# plan\n", target)
    assert target.read_text(encoding="utf-8") == "# plan\n"
    assert list(target.parent.iterdir()) == [target]


def test_write_plan_to_a_folder_is_bad_input_and_writes_nothing(tmp_path):
    with pytest.raises(BadInput, match="cannot write the plan"):
        write_plan("# plan\n", tmp_path)
    assert list(tmp_path.iterdir()) == []


def run(*args):
    return CliRunner().invoke(main, [*GUIDE, *args])


def test_cli_prints_the_plan_by_default():
    result = run("plan", "data scientist", "ml architect")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Study plan: data scientist → ML architect\n")


def test_cli_writes_the_plan_with_o_and_same_bytes_as_printed(tmp_path):
    out = tmp_path / "plans" / "me.md"
    result = run("plan", "data scientist", "ml architect", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "wrote" in result.stderr
    assert out.read_text(encoding="utf-8") == run("plan", "data scientist", "ml architect").stdout


def test_cli_cost_changes_the_planned_route():
    by_hops = run("plan", "software engineer", "ml architect", "--cost", "hops").stdout
    by_skills = run("plan", "software engineer", "ml architect").stdout
    assert "- Route: software engineer → research scientist → ML architect" in by_hops
    assert "- Route: software engineer → junior ML engineer → ML engineer → ML architect" in by_skills


def test_cli_plan_with_have(tmp_path):
    mine = tmp_path / "me.txt"
    mine.write_text("deep learning\n", encoding="utf-8")
    text = run("plan", "data scientist", "ml architect", "--have", str(mine)).stdout
    assert "plus your profile: deep learning" in text
    assert "**deep learning**" not in text


def test_cli_plan_without_route_exits_1():
    result = run("plan", "ml architect", "data scientist")
    assert result.exit_code == 1 and "no career route" in result.stderr


def test_missing_prerequisites_are_planned_before_what_builds_on_them(guide):
    route = find_routes(guide, MLD + "data-analyst", ARCH, cost=step_cost("skills"))[0]
    first = plan_steps(guide, route)[0]
    assert first.step.target == DS
    assert [(i["label"], i["prerequisite"]) for i in first.learn] == [("linear algebra", True), ("machine learning", False)]
    assert "- [ ] **linear algebra** — prerequisite · importance 0.60 · 1 stated [" in render_plan(guide, route)
