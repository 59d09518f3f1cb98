"""Profiles (--have files): reading YAML or plain lists, forgiving resolution, unknown names."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.career.profile import Profile, have_status, load_profile, read_names, resolve_profile
from mlgraph.cli import main
from mlgraph.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures"
GUIDE = ["--no-builtin", "--data", str(FIXTURES / "guidance.ttl")]
MLD = "https://w3id.org/mlgraph/id/"



@pytest.mark.parametrize("text", [
    "python\nSQL\n",
    "# what I know\npython   # daily\n\n  SQL  \n",
    "- python\n- SQL\n",
    "[python, SQL]",
    "skills: [SQL]\ntools:\n  - python\n",
])
def test_every_format_lists_the_same_names(text):
    assert sorted(read_names(text), key=str.casefold) == ["python", "SQL"]


def test_hash_inside_a_name_is_not_a_comment():
    assert read_names("C#\nC++ # my first language\n#python\n") == ["C#", "C++"]


def test_mapping_of_levels_gives_the_names():
    assert read_names("skills:\n  statistics: good\n  sql: basic\n") == ["statistics", "sql"]


def test_names_resolve_forgivingly_and_unknown_ones_are_returned(guide):
    profile = resolve_profile(guide, ["  machine-LEARNING ", "mld:python", "knitting"])
    assert profile.have == {MLD + "machine-learning", MLD + "python"}
    assert profile.unknown == ("knitting",)


def test_a_name_both_skill_and_tool_counts_as_both(tiny):
    assert resolve_profile(tiny, ["spark"]).have == {MLD + "spark-skill", MLD + "spark-tool"}


def test_a_role_counts_as_everything_it_needs(guide):
    profile = resolve_profile(guide, ["data analyst"])
    assert profile.have == {MLD + n for n in ("sql", "statistics", "communication", "python")}
    assert profile.named == (MLD + "data-analyst",)


def test_load_profile_reads_a_file(guide, tmp_path):
    mine = tmp_path / "me.yaml"
    mine.write_text("skills: [statistics, deep learning]\n", encoding="utf-8")
    assert load_profile(guide, mine).have == {MLD + "statistics", MLD + "deep-learning"}


@pytest.mark.parametrize("text, message", [
    ("", "lists no skills"),
    ("# only a comment\n", "lists no skills"),
    ("knitting\nbaking\n", "none of the names"),
])
def test_profiles_naming_nothing_known_are_bad_input(guide, tmp_path, text, message):
    mine = tmp_path / "me.txt"
    mine.write_text(text, encoding="utf-8")
    with pytest.raises(BadInput, match=message):
        load_profile(guide, mine)


def test_missing_profile_file_is_bad_input(guide, tmp_path):
    with pytest.raises(BadInput, match="no-such.txt"):
        load_profile(guide, tmp_path / "no-such.txt")


def test_have_status_marks_skills_and_tools_only(guide):
    status = have_status(guide, Profile(have=frozenset({MLD + "sql"})))
    assert status[MLD + "sql"] == "have" and status[MLD + "python"] == "missing"
    assert MLD + "data-scientist" not in status
    assert have_status(guide, Profile(have=frozenset()), [MLD + "sql", MLD + "chef"]) == {MLD + "sql": "missing"}
    assert have_status(guide, {MLD + "sql"}, [MLD + "sql", MLD + "r"]) == {MLD + "sql": "have", MLD + "r": "missing"}


def test_cli_warns_about_unknown_names_on_stderr_and_keeps_going(tmp_path):
    mine = tmp_path / "me.txt"
    mine.write_text("deep learning\nknitting\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*GUIDE, "gap", "data scientist", "ML engineer", "--have", str(mine), "--json"])
    assert result.exit_code == 0, result.output
    assert "'knitting' is not a known skill or tool" in result.stderr
    data = json.loads(result.stdout)
    assert MLD + "deep-learning" not in [s["id"] for s in data["skills_to_gain"]]


def test_cli_profile_with_nothing_known_exits_2(tmp_path):
    mine = tmp_path / "me.txt"
    mine.write_text("knitting\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*GUIDE, "next", "data scientist", "--have", str(mine)])
    assert result.exit_code == 2
    assert "none of the names" in result.stderr and "Traceback" not in result.output
