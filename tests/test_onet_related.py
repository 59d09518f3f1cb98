"""Scoring next's similarity against O*NET's related occupations, which the scored graph never holds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.cli import main
from mlgraph.evaluate.onet_related import evaluate, held_out_network, related_lists, scores

ONET = Path(__file__).parent / "fixtures" / "onet"
MLD = "https://w3id.org/mlgraph/id/"


def test_metrics_by_hand():
    truth = {"s1": "Primary-Short", "l1": "Primary-Long", "x": "Supplemental"}
    found = scores(["x", "s1", "n", "l1"], truth)
    assert found["R@10"] == 1.0 and found["R@20"] == 1.0
    assert found["P@5"] == pytest.approx(1 / 5)
    assert found["MRR"] == 0.5  # the first Primary-Short is second
    ideal = 3 + 2 / 1.5849625 + 1 / 2
    assert found["nDCG@20"] == pytest.approx((1 + 3 / 1.5849625 + 2 / 2.3219281) / ideal)


def test_the_scored_graph_holds_no_related_occupation_links(tmp_path):
    folder = tmp_path / "onet"
    shutil.copytree(ONET, folder)
    G = held_out_network(folder)
    assert not [k for _, _, k in G.edges(keys=True) if k == "relatedOccupation"]
    assert not any("relatednessTier" in r for *_, attrs in G.edges(data=True) for r in attrs.get("evidence", ()))
    # and it does not read the file at all: a garbled one changes nothing
    (folder / "Related Occupations.txt").write_text("garbage", encoding="utf-8")
    garbled = held_out_network(folder)
    assert sorted(garbled.edges(keys=True)) == sorted(G.edges(keys=True))


def test_the_related_lists_are_read_only_to_score():
    lists = related_lists(ONET)
    assert lists[MLD + "onet-15-2041.00"][MLD + "onet-15-2051.00"] == "Primary-Short"
    assert len(lists) == 12


def test_every_ranking_is_scored_for_every_list():
    rows = evaluate(held_out_network(ONET), related_lists(ONET))
    names = [row.name for row in rows]
    assert names == ["random", "skills+knowledge importance cosine", "similarity without occupation family",
                     "similarity (next)", "similarity + title words"]
    assert all(0 <= v <= 1 for row in rows for v in (*row.everyone.values(), *row.held_out.values()))


def test_eval_command_prints_the_table_and_json():
    text = CliRunner().invoke(main, ["eval", "onet-related", str(ONET)])
    assert text.exit_code == 0, text.output
    assert "similarity (next)" in text.output and "nDCG@20" in text.output
    as_json = CliRunner().invoke(main, ["eval", "onet-related", str(ONET), "--json"])
    document = json.loads(as_json.stdout)
    assert document["occupations"] == 12 and len(document["rankings"]) == 5


def test_eval_of_a_missing_folder_is_bad_input(tmp_path):
    result = CliRunner().invoke(main, ["eval", "onet-related", str(tmp_path / "none")])
    assert result.exit_code == 2 and "Traceback" not in result.output
