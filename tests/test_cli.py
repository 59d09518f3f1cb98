"""The command line, through click's CliRunner, on the tiny graph (``--no-builtin --data``)."""

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from mlgraph.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
MLD = "https://w3id.org/mlgraph/id/"


def run(*args, tiny=True):
    result = CliRunner().invoke(main, [*(TINY if tiny else []), *args])
    return result


def test_path_text_explains_steps_with_sources():
    result = run("path", "intern", "senior developer")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Route: intern → junior developer → senior developer  (2 steps)"
    assert "1. intern is an entry route into junior developer [1]" in result.stdout
    assert "2. junior developer progresses to senior developer [1,2]" in result.stdout
    assert re.search(r"new to learn \(2\):\n +tools\n +- spark · 0.60 · \[1\] 1 stated\n"
                     r" +technical skills\n +- SQL · 0.60 · \[1\] 1 stated", result.stdout)
    assert "[1]  Article A (a.txt)" in result.stdout and "[2]  Article B" in result.stdout


def test_path_json_matches_the_contract():
    result = run("path", "intern", "team lead", "-k", "3", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["source"] == {"id": MLD + "intern", "label": "intern", "type": "Role", "level": "entry"}
    assert [p["hops"] for p in data["paths"]] == [3, 3]
    assert data["paths"][0]["nodes"][2]["label"] == "senior developer"
    assert data["paths"][0]["steps"][0] == {**data["paths"][0]["steps"][0], "from": MLD + "intern",
                                            "relation": "leadsTo", "to": MLD + "junior-developer",
                                            "sources": ["https://w3id.org/mlgraph/source/a"]}


def test_no_route_exits_1_with_one_line():
    result = run("path", "team lead", "intern")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "no career route" in result.stderr


def test_unknown_name_gets_suggestions_and_exit_1():
    result = run("show", "junor developer")
    assert result.exit_code == 1
    assert "did you mean: junior developer" in result.stderr
    assert "Traceback" not in result.output


def test_ambiguous_name_lists_candidates_and_exits_2():
    result = run("show", "spark")
    assert result.exit_code == 2
    assert "spark (Skill" in result.stderr and "spark (Tool" in result.stderr


def test_show_card_groups_relations_and_cites_sources():
    result = run("show", "jr dev")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("junior developer\nRole · entry level · mld:junior-developer\n")
    assert "Career\n" in out and "progresses to: senior developer [" in out
    assert "can be entered from: coding bootcamp [" in out
    assert "Tools\n  uses: Python [" in out


def test_show_json_has_relations_with_direction_and_sources():
    data = json.loads(run("show", "team lead", "--json").stdout)
    assert {"description", "alt_labels", "relations"} <= set(data)
    incoming = {(r["relation"], r["node"]["label"]) for r in data["relations"] if r["direction"] == "in"}
    assert incoming == {("progressesTo", "analyst"), ("progressesTo", "senior developer")}
    assert all(r["sources"] for r in data["relations"])


def test_list_by_type_text_and_json():
    result = run("list", "--type", "tools")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["Python", "spark"]
    data = json.loads(run("list", "--type", "Role", "--json").stdout)
    assert [n["label"] for n in data] == ["analyst", "intern", "junior developer", "senior developer", "team lead"]


def test_list_unknown_type_is_usage_error():
    result = run("list", "--type", "planet")
    assert result.exit_code == 2 and "known types: Role" in result.stderr


def test_search_finds_and_misses():
    assert json.loads(run("search", "developer", "--json").stdout)[0]["label"] == "junior developer"
    missing = run("search", "astronaut")
    assert missing.exit_code == 1 and "nothing matches" in missing.stderr


def test_stats_json_counts_nodes_and_edges(tiny_rdf):
    data = json.loads(run("stats", "--json").stdout)
    assert data["nodes"]["Role"] == 5 and data["nodes"]["Source"] == 2
    assert data["edges"]["progressesTo"] == 3
    assert data["triples"] == len(tiny_rdf)


def test_broken_data_file_is_one_line_with_file_and_line():
    result = CliRunner().invoke(main, ["--data", str(FIXTURES / "broken.ttl"), "stats"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    line = result.stderr.strip()
    assert "\n" not in line and "broken.ttl" in line and "line 5" in line


def test_missing_data_file_is_bad_input():
    result = CliRunner().invoke(main, ["--data", "no-such-file.ttl", "stats"])
    assert result.exit_code == 2 and "no-such-file.ttl" in result.stderr


def commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help_with_an_example_and_is_in_the_readme(name):
    command = main.commands[name]
    help_text = command.get_help(click.Context(command, info_name=name))
    assert "Examples:" in help_text and f"mlgraph {name}" in help_text
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    assert f"mlgraph {name}" in readme


def test_load_warnings_reach_stderr_on_every_load(private_cache):
    owl_imports = str(Path(__file__).parent / "hostile" / "owl-imports.ttl")
    for _ in range(2):  # the second load comes from the cache and must warn all the same
        result = CliRunner().invoke(main, [*TINY, "--data", owl_imports, "stats", "--json"])
        assert result.exit_code == 0, result.output
        assert "warning:" in result.stderr and "owl:imports" in result.stderr
        json.loads(result.stdout)


@pytest.mark.parametrize("args", [
    ["path", "software engineer", "machine learning architect", "-k", "3", "--json"],
    ["gap", "software engineer", "machine learning engineer", "--all", "--json"],
])
def test_answers_do_not_depend_on_the_hash_seed(args, tmp_path):
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("0", "1", "7"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "MLGRAPH_CACHE_DIR": str(tmp_path / seed)}
        run = subprocess.run([sys.executable, "-m", "mlgraph", *args], env=env, capture_output=True, text=True,
                             timeout=120)
        assert run.returncode == 0, run.stderr
        outputs.add(run.stdout)
    assert len(outputs) == 1
