"""Evidence behind a relation: one record per source, its weight, and a need's importance.

A record says who backs a relation (``source``), how (``evidence``: stated, listed, editorial
or imported), with which grade that source gives (``essential``, ``goodToHave`` or None when
it does not grade), an optional ``note``, ``alternativeGroup``, and a taxonomy's own figures
when imported (``onetImportance``, ``onetLevel`` ...). Everything here takes and returns plain
values, so any loader can build records, not only the rdflib projection.

Importance of a need: each record weighs ``class_weight * grade_weight`` (stated 0.8, listed
0.5, editorial 0.25, imported 0.8 * (IM - 1) / 4 or 0.4 without an O*NET importance; essential
1, ungraded 0.75, good to have 0.5), and the need's importance is the noisy-or of its weights,
``1 - prod(1 - w)``: more and stronger sources give a higher importance.

>>> records = [build_record("src:a", "stated", "essential"), build_record("src:b", "listed")]
>>> importance(records)
0.875
>>> summarize_evidence(records)
'1 stated, essential; 1 listed'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from mlgraph.rdf.vocab import SRC, local_name

#: Evidence classes, strongest first.
CLASS_ORDER = ("stated", "imported", "listed", "editorial")

#: Weight of a record by evidence class (imported records are weighed by their O*NET importance).
CLASS_WEIGHTS = {"stated": 0.8, "listed": 0.5, "editorial": 0.25, "imported": 0.4}

#: Weight of a record by the grade its source gives (None: the source does not grade).
GRADE_WEIGHTS = {"essential": 1.0, None: 0.75, "goodToHave": 0.5}

#: How grades read in text.
GRADE_WORDS = {"essential": "essential", "goodToHave": "good to have"}

#: What a need with no record at all weighs: the curators' ungraded guess.
UNSOURCED_WEIGHT = CLASS_WEIGHTS["editorial"] * GRADE_WEIGHTS[None]

#: Taxonomy figures a record keeps when its statement carries them.
FIGURES = ("onetImportance", "onetLevel", "sampleSize", "standardError", "date", "domainSource",
           "suppressed", "relatednessTier", "relatednessIndex", "hotTechnology", "inDemand")

EDITORIAL = SRC + "editorial"


def build_record(source: str, evidence: str | None = None, grade: str | None = None, note: str = "",
                 relation: str = "", group: str | None = None, figures: Mapping | None = None) -> dict:
    """Return one evidence record, filling the defaults of the evidence model.

    ``evidence`` and ``grade`` may be IRIs or local names. Without an evidence class a record
    is ``editorial`` when its source is ``src:editorial``, else ``stated``; without a grade, a
    record of an ``optionalSkill`` relation is good to have.

    >>> build_record("https://w3id.org/mlgraph/source/editorial", relation="optionalSkill")["evidence"]
    'editorial'
    >>> build_record("src:a", relation="optionalSkill")["grade"]
    'goodToHave'
    """
    evidence = local_name(evidence) if evidence else ("editorial" if source == EDITORIAL else "stated")
    grade = local_name(grade) if grade else ("goodToHave" if local_name(relation) == "optionalSkill" else None)
    record = {"source": source, "evidence": evidence, "grade": grade, "note": note}
    if group:
        record["alternativeGroup"] = group
    record.update((key, value) for key, value in (figures or {}).items() if key in FIGURES and value is not None)
    return record


def sort_records(records: Iterable[dict]) -> list[dict]:
    """Return records strongest class first, then by source."""
    return sorted(records, key=lambda r: (class_rank(r["evidence"]), r["source"]))


def stronger(a: dict | None, b: dict) -> dict:
    """Return the stronger of two records of one source: class, then grade, then note, so the
    choice never depends on the order statements are read in.

    >>> stronger({"evidence": "listed", "grade": None, "note": "b"}, {"evidence": "stated", "grade": None, "note": "a"})["evidence"]
    'stated'
    """
    if a is None:
        return b
    grades = {"essential": 0, None: 1, "goodToHave": 2}
    rank = lambda r: (class_rank(r.get("evidence")), grades.get(r.get("grade"), 3), r.get("note") or "")
    return min(a, b, key=rank)


def class_rank(evidence: str | None) -> int:
    """Return the rank of an evidence class, 0 for the strongest (unknown classes rank last)."""
    return CLASS_ORDER.index(evidence) if evidence in CLASS_ORDER else len(CLASS_ORDER)


def record_weight(record: Mapping) -> float:
    """Return one record's weight, class weight times grade weight.

    >>> record_weight({"evidence": "imported", "grade": None, "onetImportance": 3.5})
    0.375
    """
    evidence = record.get("evidence")
    if evidence == "imported" and record.get("onetImportance") is not None:
        base = 0.8 * (float(record["onetImportance"]) - 1) / 4
    else:
        base = CLASS_WEIGHTS.get(evidence, CLASS_WEIGHTS["editorial"])
    return round(max(base, 0.0) * GRADE_WEIGHTS.get(record.get("grade"), GRADE_WEIGHTS[None]), 6)


def importance(records: Iterable[Mapping]) -> float:
    """Return the noisy-or of the records' weights (0..1); a need with no record weighs UNSOURCED_WEIGHT."""
    weights = [record_weight(r) for r in records] or [UNSOURCED_WEIGHT]
    return round(1 - math.prod(1 - w for w in weights), 4)


def best_class(records: Iterable[Mapping]) -> str | None:
    """Return the strongest evidence class among ``records`` (None when there are none).

    >>> best_class([{"evidence": "listed"}, {"evidence": "imported"}])
    'imported'
    """
    ranked = sorted((r["evidence"] for r in records), key=class_rank)
    return ranked[0] if ranked else None


def meets_minimum(records: Iterable[Mapping], minimum: str | None) -> bool:
    """Return whether the strongest record is at least as strong as ``minimum`` (any class passes None).

    >>> meets_minimum([{"evidence": "listed"}], "stated"), meets_minimum([{"evidence": "listed"}], "listed")
    (False, True)
    """
    return minimum is None or class_rank(best_class(records)) <= class_rank(minimum)


def is_weak(records: Iterable[Mapping]) -> bool:
    """Return whether ``records`` hold only listed or editorial evidence (or nothing at all)."""
    return class_rank(best_class(records)) > class_rank("imported")


def summarize_evidence(records: Iterable[Mapping]) -> str:
    """Return a compact account of ``records``: count per class, strongest first, with their grades.

    >>> summarize_evidence([{"evidence": "stated", "grade": "essential"},
    ...                     {"evidence": "stated", "grade": "goodToHave"}, {"evidence": "editorial", "grade": None}])
    '2 stated (1 essential, 1 good to have); 1 editorial'
    """
    by_class: dict[str, list] = {}
    for record in sorted(records, key=lambda r: class_rank(r["evidence"])):
        by_class.setdefault(record["evidence"], []).append(record.get("grade"))
    parts = []
    for evidence, grades in by_class.items():
        graded = [g for g in grades if g]
        text = f"{len(grades)} {evidence}"
        if graded and len(set(grades)) == 1:
            text += f", {GRADE_WORDS.get(graded[0], graded[0])}"
        elif graded:
            text += " (" + ", ".join(f"{graded.count(g)} {GRADE_WORDS.get(g, g)}" for g in GRADE_WORDS if g in graded) + ")"
        parts.append(text)
    return "; ".join(parts) or "unsourced"


def weakness_note(records: Iterable[Mapping]) -> str:
    """Return why ``records`` are weak evidence: "listed only: ..." or "editorial only: ...".

    >>> weakness_note([{"evidence": "listed"}])
    'listed only: no source states it, it is read from a table or list'
    """
    best = best_class(records)
    if best == "listed":
        return "listed only: no source states it, it is read from a table or list"
    if best == "editorial":
        return "editorial only: no source states it, it is the editors' inference"
    return "unsourced: no source backs it"
