"""The Python API: the same answers as the command line, names resolved the same way, errors raised."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import mlgraph
from mlgraph.cli import main
from mlgraph.errors import AmbiguousName, BadInput, NameNotFound, NoRoute

FIXTURES = Path(__file__).parent / "fixtures"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
GUIDE = ["--no-builtin", "--data", str(FIXTURES / "guidance.ttl")]
MLD = "https://w3id.org/mlgraph/id/"


@pytest.fixture
def tiny():
    return mlgraph.load(FIXTURES / "tiny.ttl", builtin=False)


@pytest.fixture
def guide():
    return mlgraph.load([FIXTURES / "guidance.ttl"], builtin=False)


def cli_json(data, *args):
    result = CliRunner().invoke(main, [*data, *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# Each API call beside the command whose --json it must equal.
SAME_AS_CLI = [
    (TINY, lambda g: g.route("intern", "team lead", k=3), ["path", "intern", "team lead", "-k", "3"]),
    (TINY, lambda g: g.route("intern", "team lead", avoid=["analyst"]), ["path", "intern", "team lead", "--avoid", "analyst"]),
    (TINY, lambda g: g.show("jr dev"), ["show", "jr dev"]),
    (TINY, lambda g: g.list("tools"), ["list", "--type", "tools"]),
    (TINY, lambda g: g.list(), ["list"]),
    (TINY, lambda g: g.search("developer"), ["search", "developer"]),
    (TINY, lambda g: g.stats(), ["stats"]),
    (GUIDE, lambda g: g.gap("data scientist", "ML engineer"), ["gap", "data scientist", "ML engineer"]),
    (GUIDE, lambda g: g.next("data scientist", n=3), ["next", "data scientist", "-n", "3"]),
    (GUIDE, lambda g: g.route("software engineer", "ml architect", cost="skills"),
     ["path", "software engineer", "ml architect", "--cost", "skills"]),
    (TINY, lambda g: g.query("SELECT ?s WHERE { ?s a <https://w3id.org/mlgraph/ns#Role> } ORDER BY ?s"),
     ["query", "SELECT ?s WHERE { ?s a <https://w3id.org/mlgraph/ns#Role> } ORDER BY ?s"]),
]


@pytest.mark.parametrize("data, ask, command", SAME_AS_CLI, ids=lambda v: " ".join(v) if isinstance(v, list) and v[0] != "--no-builtin" else None)
def test_as_dict_is_what_the_command_prints_with_json(data, ask, command):
    graph = mlgraph.load([data[2]], builtin=False)
    assert ask(graph).as_dict() == cli_json(data, *command)


def test_a_profile_as_names_or_as_a_file_gives_the_same_answer(guide, tmp_path):
    mine = tmp_path / "me.txt"
    mine.write_text("python\nstatistics\n")
    by_names = guide.gap("software engineer", "ML engineer", have=["Python", "statistics"])
    by_file = guide.gap("software engineer", "ML engineer", have=mine)
    assert by_names.as_dict() == by_file.as_dict() == guide.gap(
        "software engineer", "ML engineer", have=str(mine)).as_dict()
    assert {n["label"] for n in by_names.profile} <= {"Python", "statistics"}
    assert by_names.as_dict() != guide.gap("software engineer", "ML engineer").as_dict()
    assert by_file.as_dict() == cli_json(GUIDE, "gap", "software engineer", "ML engineer", "--have", str(mine))


def test_an_unknown_name_in_a_profile_given_in_code_raises_with_suggestions(guide):
    with pytest.raises(NameNotFound, match="did you mean: statistics"):
        guide.gap("software engineer", "ML engineer", have=["statistcs"])


def test_errors_are_raised_never_printed(tiny, capsys):
    with pytest.raises(NoRoute):
        tiny.route("team lead", "intern")
    with pytest.raises(NameNotFound) as found:
        tiny.show("junor developer")
    assert found.value.suggestions[0] == "junior developer"
    with pytest.raises(AmbiguousName):
        tiny.show("spark")
    with pytest.raises(BadInput, match="known types"):
        tiny.list("planet")
    with pytest.raises(BadInput, match="read-only"):
        tiny.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert capsys.readouterr() == ("", "")


def test_a_bad_file_raises_at_load():
    with pytest.raises(BadInput, match="broken.ttl"):
        mlgraph.load([FIXTURES / "broken.ttl"], builtin=False)


def test_load_warnings_are_kept_not_printed(capsys):
    graph = mlgraph.load([FIXTURES / "tiny.ttl", Path(__file__).parent / "hostile" / "owl-imports.ttl"], builtin=False)
    assert any("owl:imports" in w for w in graph.warnings)
    assert capsys.readouterr() == ("", "")


def test_names_resolve_as_on_the_command_line(tiny):
    assert tiny.resolve("JR DEV") == tiny.resolve("mld:junior-developer") == MLD + "junior-developer"
    assert tiny.route("intern", "senior developer", via=["jr dev"]).best.nodes[1]["label"] == "junior developer"


def test_plan_is_the_markdown_the_command_prints_and_saves_it(guide, tmp_path):
    result = CliRunner().invoke(main, [*GUIDE, "plan", "software engineer", "ml architect"])
    plan = guide.plan("software engineer", "ml architect")
    assert str(plan) == result.stdout
    assert plan.save(tmp_path / "plans" / "plan.md").read_text() == result.stdout


def test_export_returns_text_or_writes_the_file(tiny, tmp_path):
    printed = CliRunner().invoke(main, [*TINY, "export", "--format", "nt", "-o", "-"]).stdout
    assert tiny.export(format="nt") == printed
    written = tiny.export(tmp_path / "g.nt")
    assert written.read_text() == printed
    assert tiny.export(tmp_path / "g.nt") == written  # mlgraph wrote it: replaced without force
    (tmp_path / "mine.nt").write_text("mine")
    with pytest.raises(BadInput, match="force"):
        tiny.export(tmp_path / "mine.nt")
    assert tiny.export(format="csv").startswith("record,")


def test_query_named_with_values_and_from_a_file(tiny, tmp_path):
    named = tiny.query("tools-for-role", role="jr dev")
    assert named.type == "SELECT" and len(named) >= 1
    assert "Python" in [str(row["label"]) for row in named]
    rq = tmp_path / "roles.rq"
    rq.write_text("ASK { ?s ?p ?o }")
    assert bool(tiny.query(rq)) is True
    assert tiny.prepare_query("tools-for-role", {"role": "intern"}).bindings


def test_validate_reports_problems_of_extra_files(tiny):
    report = tiny.validate(FIXTURES / "unsourced.ttl")
    assert not report.conforms and report.problems
    assert report.as_dict()["conforms"] is False
    assert tiny.validate().conforms


def test_map_views_and_their_errors(tiny, tmp_path):
    whole = tiny.map()
    route = tiny.map(path=("intern", "team lead"), k=2)
    assert len(route.data["routes"]) == 2
    assert tiny.map(focus="python", depth=1).view.focus == MLD + "python"
    assert set(tiny.map(types="Role").view.nodes) == {n for n in whole.view.nodes if n.startswith(MLD) and
                                                       tiny.network.nodes[n]["type"] == "Role"}
    with pytest.raises(BadInput, match="not both"):
        tiny.map(path=("intern", "team lead"), focus="python")
    page = route.save(tmp_path / "out" / "map.html")
    assert page.read_text() == route.page


def test_importing_mlgraph_or_asking_for_help_loads_nothing_heavy():
    code = ("import sys, mlgraph; from click.testing import CliRunner; from mlgraph.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0; "
            "print(*(m in sys.modules for m in ('networkx', 'rdflib', 'pandas', 'pyvis', 'mlgraph.api')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["False"] * 5
    assert "load" in dir(mlgraph) and callable(mlgraph.load)
    with pytest.raises(AttributeError):
        mlgraph.no_such_thing  # noqa: B018


def test_the_readme_python_example_runs(tmp_path, monkeypatch, capsys):
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)  # it writes out/plan.md and out/python.html
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.startswith("<Routes data scientist → machine learning architect: 2 routes>")
    assert (tmp_path / "out" / "plan.md").read_text().startswith("# Study plan")
    assert (tmp_path / "out" / "python.html").read_text().startswith("<!DOCTYPE html>")
