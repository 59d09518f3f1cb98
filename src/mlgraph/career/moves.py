"""Next moves out of a role: the stated career steps first, then the roles with the most similar needs.

Stated moves follow the sources' own relations from the role. A move backed only by listed or
editorial evidence never outranks one a source states (or a taxonomy imports); then come
progressions, entry routes, sideways moves; within one relation the nearest level up first and
steps down last, then the most similar. Other roles are ranked by a weighted Jaccard similarity
of what the person has and what the role needs, each need weighted by its importance (see
:mod:`mlgraph.career.evidence`; a skill the person has covers its narrower skills): the sum of
the smaller weights over the sum of the larger ones (1 for identical needs, 0 for nothing in
common). Each move also says what share of the role's importance-weighted needs the person
already covers; when either side has no sourced needs there is not enough data to compare, and
similarity and coverage are None rather than 0. Between imported occupations (O*NET) the
similarity of :mod:`mlgraph.career.similarity` ranks instead, and the move's kind follows the job
zone (advancement, lateral, step down). Roles of a lower level are left out of that
list: a step back is not a next move. Each move says whether it is an advancement (a higher
level, entry < mid < senior < executive; else better pay in the same currency; else a stated
progression) or lateral.

>>> weighted_jaccard({"sql": 1.0, "talk": 0.5}, {"sql": 1.0, "ml": 1.0})
0.4
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import networkx as nx

from mlgraph.career.costs import need_weights
from mlgraph.career.evidence import best_class, importance, is_weak, sort_records, summarize_evidence
from mlgraph.career.gap import needs_coverage
from mlgraph.career.needs import broader_chain, capabilities, missing_needs, role_needs
from mlgraph.career.network import career_relations, node_summary, relation_label
from mlgraph.career.paths import RELATION_PRIORITY
from mlgraph.career.ranking import group_items, need_entry, order_items
from mlgraph.career.similarity import has_imported_profile, rank_similar

#: Seniority levels (mlg:level), lowest first.
LEVELS = ("entry", "mid", "senior", "executive")

#: Salary figures that describe part of the pay or part of the people, not the role as a whole.
PARTIAL_PAY = ("additional", "bonus", "entry", "senior", "experienced")


@dataclass(frozen=True)
class Move:
    """One move out of a role: where to, why, how well backed, and what it asks to learn."""

    node: dict
    kind: str
    kind_reason: str
    similarity: float | None
    coverage: float | None = None
    relation: str | None = None
    relation_text: str = "has similar needs to"
    sources: tuple[str, ...] = ()
    shared: tuple[dict, ...] = ()
    to_gain: tuple[dict, ...] = ()
    evidence: tuple[dict, ...] = ()
    needs: int = 0
    why: dict | None = None  # the similarity's components, between imported occupations

    @property
    def weak(self) -> bool:
        """True for a stated move that only listed or editorial evidence backs."""
        return self.relation is not None and is_weak(self.evidence)

    def as_dict(self) -> dict:
        return {"node": self.node, "kind": self.kind, "kind_reason": self.kind_reason,
                "similarity": self.similarity, "coverage": self.coverage, "relation": self.relation,
                "relation_label": self.relation_text, "sources": list(self.sources),
                "evidence": list(self.evidence), "best_evidence": best_class(self.evidence),
                "evidence_summary": summarize_evidence(self.evidence) if self.evidence else None,
                "importance": importance(self.evidence) if self.evidence else None,
                "weak_evidence": self.weak, "enough_data": self.coverage is not None, "needs": self.needs,
                "shared": list(self.shared), "to_gain": list(self.to_gain)} | ({"why": self.why} if self.why else {})


def weighted_jaccard(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Return sum of min weights over sum of max weights of two weighted sets (0 when both are empty)."""
    keys = set(a) | set(b)
    larger = sum(max(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    smaller = sum(min(a.get(k, 0.0), b.get(k, 0.0)) for k in keys)
    return round(smaller / larger, 4) if larger else 0.0


def person_weights(G: nx.MultiDiGraph, role: str, have: Collection[str] = frozenset()) -> dict[str, float]:
    """Return the weighted needs of ``role`` with every skill or tool in ``have`` at full weight."""
    weights = need_weights(G, role)
    weights.update(dict.fromkeys(have, 1.0))
    return weights


def similarity(G: nx.MultiDiGraph, mine: Mapping[str, float], target: str) -> float | None:
    """Return the weighted Jaccard similarity of ``mine`` and ``target``'s needs (None if either is empty).

    A need of ``target`` that falls under a broader skill of ``mine`` counts as had, at that weight.
    """
    theirs = need_weights(G, target)
    if not mine or not theirs:
        return None
    expanded = dict(mine)
    for need in theirs:
        if need not in expanded:
            above = [mine[up] for up in broader_chain(G, need) if up in mine]
            if above:
                expanded[need] = max(above)
    return weighted_jaccard(expanded, theirs)


def next_moves(G: nx.MultiDiGraph, role: str, n: int = 5, have: Collection[str] = frozenset()) -> list[Move]:
    """Return up to ``n`` moves out of ``role``: well-backed stated ones first, then by similarity.

    >>> G = nx.MultiDiGraph()
    >>> for r, level in [("junior", "entry"), ("senior", "senior"), ("tester", "entry")]:
    ...     G.add_node(r, label=r, type="Role", level=level)
    >>> G.add_node("sql", label="SQL", type="Skill")
    >>> G.graph["relations"] = {"progressesTo": {"career": True, "label": "progresses to"}}
    >>> _ = G.add_edges_from([("junior", "senior", "progressesTo", {"sources": ["a"], "evidence": []}),
    ...     ("junior", "sql", "requiresSkill", {}), ("tester", "sql", "requiresSkill", {})])
    >>> [(m.node["label"], m.kind, m.similarity) for m in next_moves(G, "junior")]
    [('senior', 'advancement', None), ('tester', 'lateral', 1.0)]
    """
    mine = person_weights(G, role, have)
    had = capabilities(G, role) | set(have)
    if has_imported_profile(G, role):  # an imported occupation: ranked by the documented similarity
        return _imported_moves(G, role, n, mine, had)
    moves = [_move(G, role, target, mine, had, relation) for target, relation in stated_moves(G, role)]
    # Well-backed first; within one relation the nearest step up first (mid -> senior before
    # mid -> executive), steps down last.
    moves.sort(key=lambda m: (m.weak, _priority(m.relation), _level_jump(G, role, m.node["id"]),
                              -(m.similarity or 0.0)))
    stated = {m.node["id"] for m in moves}
    similar = []
    for target in G.nodes:
        if target != role and target not in stated and G.nodes[target]["type"] == "Role" \
                and not _lower_level(G, role, target):
            score = similarity(G, mine, target)
            if score:
                similar.append((-score, G.nodes[target]["label"].casefold(), target))
    moves += [_move(G, role, target, mine, had) for *_, target in sorted(similar)]
    return moves[:max(n, 0)]


def _imported_moves(G, role, n, mine, had) -> list[Move]:
    """Stated moves, then the most similar imported roles; each scored by :mod:`mlgraph.career.similarity`."""
    similar = dict(rank_similar(G, role))
    stated = stated_moves(G, role)
    stated.sort(key=lambda tr: (_priority(tr[1]), -similar[tr[0]].score if tr[0] in similar else 0))
    taken = {t for t, _ in stated}
    chosen = (stated + [(t, None) for t in similar if t not in taken])[:max(n, 0)]
    return [_move(G, role, t, mine, had, r, similar.get(t)) for t, r in chosen]


def stated_moves(G: nx.MultiDiGraph, role: str) -> list[tuple[str, str]]:
    """Return (target role, relation) for the career relations out of ``role``, in relation priority order."""
    career = career_relations(G)
    best: dict[str, str] = {}
    for _, target, relation in G.out_edges(role, keys=True):
        if relation in career and G.nodes[target]["type"] == "Role" and target != role:
            if target not in best or _priority(relation) < _priority(best[target]):
                best[target] = relation
    return sorted(best.items(), key=lambda tr: (_priority(tr[1]), G.nodes[tr[0]]["label"].casefold(), tr[0]))


def _priority(relation: str) -> tuple[int, str]:
    return (RELATION_PRIORITY.index(relation) if relation in RELATION_PRIORITY else len(RELATION_PRIORITY), relation)


def _move(G, role, target, mine, had, relation=None, scored=None) -> Move:
    needed = role_needs(G, target)
    missing = missing_needs(G, had, target)
    shared = {n: need for n, need in needed.items() if n not in missing}
    kind, reason = move_kind(G, role, target, relation)
    if scored is not None and scored.direction != "unknown":  # between occupations: by job zone
        kind, reason = scored.direction, f"job zone {G.nodes[role]['job_zone']} to {G.nodes[target]['job_zone']}"
    records = sort_records(r for rel in career_relations(G) if G.has_edge(role, target, rel)
                           for r in G.edges[role, target, rel].get("evidence", ())) if relation else []
    sources = sorted({s for r in career_relations(G) if G.has_edge(role, target, r)
                      for s in G.edges[role, target, r]["sources"]}) if relation else []
    return Move(
        node=node_summary(G, target), kind=kind, kind_reason=reason,
        similarity=round(scored.score, 4) if scored else similarity(G, mine, target),
        coverage=needs_coverage(G, had, target) if had else None, relation=relation,
        relation_text=_relation_text(G, role, target, relation),
        sources=tuple(sources), evidence=tuple(records), needs=len(needed),
        shared=tuple(need_entry(G, n, shared[n]) for n in sorted(
            shared, key=lambda n: (-shared[n]["importance"], G.nodes[n]["label"].casefold()))),
        to_gain=tuple(order_items(G, group_items(G, missing))),
        why=scored.as_dict() if scored else None,
    )


def _relation_text(G: nx.MultiDiGraph, role: str, target: str, relation: str | None) -> str:
    """Return how the move's relation reads, with the taxonomy's tier and rank when it gives them."""
    if not relation:
        return Move.relation_text
    from mlgraph.career.occupations import imported_figures

    found = imported_figures(G.edges[role, target, relation])
    tier = f" ({found['relatednessTier']}, #{found['relatednessIndex']})" if "relatednessTier" in found else ""
    return relation_label(G, relation) + tier


def move_kind(G: nx.MultiDiGraph, source: str, target: str, relation: str | None = None) -> tuple[str, str]:
    """Return ("advancement" or "lateral", why): by level, else by pay, else by a stated progression.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", level="mid"); G.add_node("b", level="senior")
    >>> move_kind(G, "a", "b")
    ('advancement', 'more senior: mid to senior')
    """
    low, high = (_level(G, n) for n in (source, target))
    if low is not None and high is not None and low != high:
        if high > low:
            return "advancement", f"more senior: {LEVELS[low]} to {LEVELS[high]}"
        return "lateral", f"less senior: {LEVELS[low]} to {LEVELS[high]}"
    paid = better_paid(G, source, target)
    if paid:
        return "advancement", paid
    if relation == "progressesTo":
        return "advancement", "a career step up the sources describe"
    return "lateral", "same level" if low is not None and low == high else "no level or pay difference known"


def _level(G: nx.MultiDiGraph, node: str) -> int | None:
    level = G.nodes[node].get("level")
    return LEVELS.index(level) if level in LEVELS else None


def _level_jump(G: nx.MultiDiGraph, source: str, target: str) -> int:
    """Rank a move by level: the same or the next level first, then unknown levels, steps down last."""
    low, high = _level(G, source), _level(G, target)
    if low is None or high is None:
        return len(LEVELS)
    return high - low if high >= low else len(LEVELS) + low - high


def _lower_level(G: nx.MultiDiGraph, source: str, target: str) -> bool:
    low, high = _level(G, source), _level(G, target)
    return low is not None and high is not None and high < low


def typical_pay(G: nx.MultiDiGraph, role: str) -> dict[tuple[str, str], float]:
    """Return the median whole-role salary figure of ``role`` per (currency, period).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("r", salaries=[{"amount": 10.0, "currency": "INR", "period": "year", "statistic": "average"},
    ...                           {"amount": 2.0, "currency": "INR", "period": "year", "statistic": "additional pay"}])
    >>> typical_pay(G, "r")
    {('INR', 'year'): 10.0}
    """
    figures: dict[tuple[str, str], list[float]] = {}
    for salary in G.nodes[role].get("salaries", ()):
        if any(word in salary.get("statistic", "").casefold() for word in PARTIAL_PAY):
            continue
        amount = salary.get("amount")
        if amount is None and salary.get("min") is not None and salary.get("max") is not None:
            amount = (salary["min"] + salary["max"]) / 2
        if amount is not None and salary.get("currency"):
            figures.setdefault((salary["currency"], salary.get("period", "")), []).append(amount)
    return {key: statistics.median(values) for key, values in sorted(figures.items())}


def better_paid(G: nx.MultiDiGraph, source: str, target: str) -> str | None:
    """Return why ``target`` pays more than ``source`` in a currency both are paid in, or None."""
    mine, theirs = typical_pay(G, source), typical_pay(G, target)
    for (currency, period), amount in theirs.items():
        before = mine.get((currency, period))
        if before is not None and amount > before * 1.05:
            return f"better paid: {currency} {amount:,.0f} against {currency} {before:,.0f} a {period or 'period'}"
    return None
