"""Node cards and statistics on the tiny graph."""

from mlgraph.career.describe import describe_node, graph_stats

MLD = "https://w3id.org/mlgraph/id/"


def test_card_lists_relations_both_ways_with_readable_labels(tiny):
    card = describe_node(tiny, MLD + "junior-developer")
    rows = {(r["direction"], r["relation_label"], r["node"]["label"]) for r in card["relations"]}
    assert ("out", "progresses to", "senior developer") in rows
    assert ("in", "can be entered from", "coding bootcamp") in rows
    assert [s["label"] for s in card["sources"]] == ["Article A", "Article B"]


def test_stats_counts_by_type_and_relation(tiny, tiny_rdf):
    stats = graph_stats(tiny)
    assert stats["triples"] == len(tiny_rdf)
    assert stats["nodes"] == {"Role": 5, "Skill": 3, "Tool": 2, "EducationPath": 1, "Source": 2}
    assert stats["edges"]["requiresSkill"] == 4 and sum(stats["edges"].values()) == 15
