"""Reading O*NET's text files (tests/fixtures/onet: twelve occupations cut from O*NET 29.2)."""

from __future__ import annotations

import shutil

import pytest

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
from mlgraph.errors import BadInput
from mlgraph.importers.onet import read_onet, read_related

ONET = FIXTURES / "onet"


@pytest.fixture(scope="module")
def data():
    return read_onet(ONET)


def test_occupations_have_title_description_job_zone_and_alternate_titles(data):
    scientists = data.occupations["15-2051.00"]
    assert scientists.title == "Data Scientists"
    assert scientists.description.startswith("Develop and implement a set of techniques")
    assert scientists.job_zone == 4
    assert scientists.alt_titles == ("Analytics Consultant", "Applied Scientist", "Data Analyst",
                                     "Data Analytic Scientist", "Data Analytics Manager")
    assert len(data.occupations) == 12


def test_importance_and_level_rows_join_into_one_rating_with_their_numbers(data):
    # Skills.txt: 15-2041.00 2.A.1.e Mathematics IM 4.88 (N 8, SE 0.125) and LV 5.38, 08/2024, Analyst
    math = next(r for r in data.ratings if (r.code, r.element) == ("15-2041.00", "2.A.1.e"))
    assert (math.importance, math.level, math.n, math.standard_error) == ("4.88", "5.38", "8", "0.125")
    assert (math.date, math.domain_source, math.suppressed) == ("2024-08", "Analyst", False)
    # Knowledge.txt gives no standard error for this one
    knowledge = next(r for r in data.ratings if (r.code, r.element) == ("15-2041.00", "2.C.4.a"))
    assert (knowledge.importance, knowledge.level, knowledge.n, knowledge.standard_error) == ("4.67", "6.24", "21", "")


def test_a_suppressed_level_marks_the_rating(data):
    # Knowledge.txt: 11-3021.00 2.C.3.d Building and Construction LV 0.65, Recommend Suppress Y
    rating = next(r for r in data.ratings if (r.code, r.element) == ("11-3021.00", "2.C.3.d"))
    assert rating.suppressed


def test_technology_keeps_commodity_and_flags(data):
    linux = next(t for t in data.technology if (t.code, t.example) == ("15-2051.00", "Linux"))
    assert (linux.commodity_code, linux.commodity_title) == ("43233004", "Operating system software")
    assert (linux.hot, linux.in_demand) == (True, False)


def test_related_links_keep_tier_and_index():
    links = [link for link in read_related(ONET) if link.code == "15-2041.00"]
    assert [(link.related, link.tier, link.index) for link in links] == [
        ("15-2051.00", "Primary-Short", 1), ("15-2031.00", "Primary-Long", 6),
        ("15-1221.00", "Primary-Long", 9), ("15-2051.01", "Supplemental", 20)]


def test_without_related_the_related_file_is_never_opened(tmp_path):
    folder = tmp_path / "onet"
    shutil.copytree(ONET, folder)
    (folder / "Related Occupations.txt").write_bytes(b"\xff not even text")
    assert read_onet(folder, related=False).related == ()
    with pytest.raises(BadInput, match="not UTF-8"):
        read_onet(folder)


@pytest.mark.parametrize("name, line, replace, message", [
    ("Skills.txt", 5, lambda f: f[:6] + ["lots"] + f[7:], "Data Value 'lots' is not a number"),
    ("Skills.txt", 3, lambda f: f[:4], "4 tab-separated fields, expected 15"),
    ("Job Zones.txt", 2, lambda f: [f[0], f[1], "9", *f[3:]], "job zone '9' is not 1 to 5"),
    ("Technology Skills.txt", 4, lambda f: ["15-9999.00", *f[1:]], "occupation 15-9999.00 is not in Occupation Data.txt"),
    ("Knowledge.txt", 2, lambda f: f[:2] + ["9.Z"] + f[3:], "element '9.Z' is not in Content Model Reference.txt"),
])
def test_a_malformed_row_names_file_and_line(tmp_path, name, line, replace, message):
    folder = tmp_path / "onet"
    shutil.copytree(ONET, folder)
    lines = (folder / name).read_text(encoding="utf-8").split("\n")
    lines[line - 1] = "\t".join(replace(lines[line - 1].split("\t")))
    (folder / name).write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        read_onet(folder)
    assert str(caught.value).startswith(f"{folder / name}:{line}: ") and message in str(caught.value)


def test_a_missing_file_or_folder_says_what_is_missing(tmp_path):
    with pytest.raises(BadInput, match="not a folder"):
        read_onet(tmp_path / "nowhere")
    with pytest.raises(BadInput, match="Occupation Data.txt: missing"):
        read_onet(tmp_path)
