"""Evidence records and importance, on tests/fixtures/evidence.ttl (its header works out the figures)."""

import pytest

from mlgraph.career.evidence import (
    best_class, build_record, importance, is_weak, meets_minimum, record_weight, summarize_evidence,
)

MLD = "https://w3id.org/mlgraph/id/"
SRC = "https://w3id.org/mlgraph/source/"


def records(G, role, need, relation):
    return G.edges[MLD + role, MLD + need, relation]["evidence"]


def test_each_source_keeps_its_own_grade(evidence_graph):
    found = records(evidence_graph, "mle", "teamwork", "requiresSkill")
    assert [(r["source"], r["evidence"], r["grade"]) for r in found] == [
        (SRC + "a", "stated", "essential"), (SRC + "b", "stated", "goodToHave")]
    assert importance(found) == pytest.approx(1 - 0.2 * 0.6)


def test_a_legacy_statement_with_two_sources_gives_two_records(evidence_graph):
    found = records(evidence_graph, "scientist", "statistics", "requiresSkill")
    assert [(r["source"], r["evidence"], r["grade"]) for r in found] == [
        (SRC + "a", "stated", None), (SRC + "b", "stated", None)]
    assert importance(found) == pytest.approx(1 - 0.4 * 0.4)


def test_editorial_is_the_default_for_the_editorial_source(evidence_graph):
    (record,) = records(evidence_graph, "scientist", "teamwork", "requiresSkill")
    assert record["evidence"] == "editorial" and importance([record]) == pytest.approx(0.25 * 0.75)


def test_imported_records_keep_their_figures_and_weigh_by_them(evidence_graph):
    (record,) = records(evidence_graph, "scientist", "python", "usesTool")
    assert record["evidence"] == "imported" and record["onetImportance"] == 4.0
    assert record_weight(record) == pytest.approx(0.8 * 3 / 4 * 0.75)


def test_alternative_groups_are_kept(evidence_graph):
    (record,) = records(evidence_graph, "mle", "java", "usesTool")
    assert record["alternativeGroup"] == "language"


@pytest.mark.parametrize("relation, grade", [("optionalSkill", "goodToHave"), ("requiresSkill", None)])
def test_an_ungraded_optional_skill_is_good_to_have(relation, grade):
    assert build_record(SRC + "a", relation=relation)["grade"] == grade


def test_more_and_stronger_sources_weigh_more():
    listed, stated = build_record("a", "listed"), build_record("b", "stated", "essential")
    assert importance([listed]) < importance([stated]) < importance([listed, stated]) < 1


def test_strength_orders_stated_imported_listed_editorial():
    ranked = [build_record("s", c) for c in ("editorial", "listed", "imported", "stated")]
    assert best_class(ranked) == "stated" and best_class(ranked[:3]) == "imported"
    assert is_weak(ranked[:2]) and not is_weak(ranked[:3])
    assert meets_minimum(ranked[:2], "listed") and not meets_minimum(ranked[:2], "imported")


def test_summary_counts_classes_and_grades():
    found = [build_record("a", "stated", "essential"), build_record("b", "listed"), build_record("c", "listed")]
    assert summarize_evidence(found) == "1 stated, essential; 2 listed"
