"""``mlgraph import onet`` and the commands on its output (the fixture's twelve occupations)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.cli import main

ONET = Path(__file__).parent / "fixtures" / "onet"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_import_writes_the_same_bytes_every_time(tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert run("import", "onet", ONET, "-o", first).exit_code == 0
    assert run("import", "onet", ONET, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    assert "12 occupations" in run("import", "onet", ONET, "-o", first).stderr


def test_import_format_follows_the_suffix(tmp_path):
    assert run("import", "onet", ONET, "-o", tmp_path / "o.nt").exit_code == 0
    assert (tmp_path / "o.nt").read_text().startswith("<https://w3id.org/mlgraph/id/")
    refused = run("import", "onet", ONET, "-o", tmp_path / "o.csv")
    assert refused.exit_code == 2 and "not RDF" in refused.stderr


def test_a_malformed_row_is_one_line_with_file_and_line_and_nothing_written(tmp_path):
    folder = tmp_path / "onet"
    shutil.copytree(ONET, folder)
    with (folder / "Skills.txt").open("a", encoding="utf-8") as handle:
        handle.write("15-2041.00\tStatisticians\t2.A.1.a\n")
    lines = len((folder / "Skills.txt").read_text(encoding="utf-8").splitlines())
    result = run("import", "onet", folder, "-o", tmp_path / "out.ttl")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip() == (f"mlgraph: error: {folder / 'Skills.txt'}:{lines}: "
                                     "3 tab-separated fields, expected 15")
    assert not (tmp_path / "out.ttl").exists()


@pytest.fixture
def data(onet_ttl):
    return ["--data", str(onet_ttl)]


def test_path_goes_from_a_builtin_role_through_occupations_citing_each_step(data):
    result = run(*data, "path", "data scientist", "computer systems engineers/architects", "--json")
    route = json.loads(result.stdout)["paths"][0]
    assert route["nodes"][0]["id"].endswith("/data-scientist")
    assert route["nodes"][-1]["id"].endswith("/onet-15-1299.08")
    assert route["steps"][0]["relation"] == "matchesOccupation"
    assert all(step["sources"] for step in route["steps"])
    assert {s for step in route["steps"][1:] for s in step["sources"]} == {"https://w3id.org/mlgraph/source/onet-29.2"}


def test_show_an_occupation_by_title(data):
    result = run(*data, "show", "statisticians")
    assert result.exit_code == 0
    assert "Analytical Statistician" in result.stdout and "is related to" in result.stdout


def test_next_by_code_ranks_with_the_similarity_and_explains_it(data):
    result = run(*data, "next", "15-2041.00", "--json")
    moves = json.loads(result.stdout)["moves"]
    assert moves and all("why" in m for m in moves)
    assert {"profile", "technology", "minor_group", "broad_group", "job_zone"} <= set(moves[0]["why"]["parts"])
    text = run(*data, "next", "15-2041.00").stdout
    assert "why: score" in text and "knowledge & skills r=" in text


def test_gap_between_occupations_lists_tools_to_gain(data):
    result = run(*data, "gap", "software developers", "data scientists", "--json")
    assert result.exit_code == 0
    assert {t["label"] for t in json.loads(result.stdout)["tools_to_gain"]} >= {"Tableau"}


def test_viz_focus_on_an_occupation(data, tmp_path):
    result = run(*data, "viz", "--focus", "data scientists", "-o", tmp_path / "m.html")
    assert result.exit_code == 0 and (tmp_path / "m.html").stat().st_size > 1000
