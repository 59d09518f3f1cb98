"""The skill gap between where someone is and a role: what to learn, where, and in what order.

The person has the skills and tools of their current role (with its general role's, for a
levelled role), or what their education path teaches, plus those of their profile; a broader
skill covers its narrower ones. The target role's needs that are not covered are the gap, each
with its importance and evidence records, the education paths that teach it and the
organizations that offer them. Needs are counted once and grouped into ranked items (see
:mod:`mlgraph.career.ranking`), in an order that keeps every prerequisite before what builds on
it. Prerequisites the person lacks that the role does not list itself (machine learning, before
deep learning) are added too. A role with no sourced needs (or only the editors' guesses) has
no coverage (None): there is not enough data to compare.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, t in [("ds", "Role"), ("mle", "Role"), ("ml", "Skill"), ("dl", "Skill"), ("py", "Tool")]:
...     G.add_node(n, label=n, type=t)
>>> edges = [("ds", "ml", "requiresSkill"), ("mle", "ml", "requiresSkill"), ("mle", "dl", "requiresSkill"),
...          ("mle", "py", "usesTool"), ("ml", "dl", "prerequisiteOf")]
>>> _ = G.add_edges_from((u, v, k, {"sources": [], "evidence": []}) for u, v, k in edges)
>>> gap = skill_gap(G, "ds", "mle")
>>> [s["id"] for s in gap.skills_to_gain], [s["id"] for s in gap.skills_shared], [t["id"] for t in gap.tools_to_gain]
(['dl'], ['ml'], ['py'])
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import networkx as nx

from mlgraph.career.evidence import best_class, importance
from mlgraph.career.needs import capabilities, is_covered, missing_needs, role_needs
from mlgraph.career.network import node_summary
from mlgraph.career.places import best_places, teachers
from mlgraph.career.ranking import group_items, need_entry, order_items


@dataclass(frozen=True)
class Gap:
    """What ``target`` needs that ``source`` (plus a profile) lacks, and what they share."""

    source: dict
    target: dict
    skills_to_gain: tuple[dict, ...]
    skills_shared: tuple[dict, ...]
    tools_to_gain: tuple[dict, ...]
    tools_shared: tuple[dict, ...]
    learning_order: tuple[dict, ...]
    prerequisites_to_gain: tuple[dict, ...] = ()
    profile: tuple[dict, ...] = ()
    items: tuple[dict, ...] = ()
    coverage: float | None = None
    hidden: int = 0
    inherits_from: tuple[dict, ...] = ()
    source_needs: int = 0
    target_needs: int = 0

    def as_dict(self) -> dict:
        return {
            "source": self.source, "target": self.target,
            "skills_to_gain": list(self.skills_to_gain), "skills_shared": list(self.skills_shared),
            "tools_to_gain": list(self.tools_to_gain), "tools_shared": list(self.tools_shared),
            "prerequisites_to_gain": list(self.prerequisites_to_gain),
            "learning_order": list(self.learning_order), "profile": list(self.profile),
            "items": list(self.items), "coverage": self.coverage, "hidden_by_min_evidence": self.hidden,
            "inherits_from": list(self.inherits_from), "source_needs": self.source_needs, "target_needs": self.target_needs,
        }


def needs_coverage(G: nx.MultiDiGraph, had: Collection[str], target: str) -> float | None:
    """Return the importance-weighted share of ``target``'s needs ``had`` covers (directly, through a
    broader skill, or through an alternative); None when no source (beyond the editors) gives
    ``target`` a need.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("r", "sql", key="requiresSkill", evidence=[{"source": "a", "evidence": "stated", "grade": None}])
    >>> _ = G.add_edge("e", "sql", key="requiresSkill", evidence=[{"source": "ed", "evidence": "editorial", "grade": None}])
    >>> needs_coverage(G, {"sql"}, "r"), needs_coverage(G, {"sql"}, "e"), needs_coverage(G, {"sql"}, "sql")
    (1.0, None, None)
    """
    needs = role_needs(G, target)
    total = sum(n["importance"] for n in needs.values())
    if not total or all(best_class(n["evidence"]) in (None, "editorial") for n in needs.values()):
        return None  # no source describes the role: the editors' guesses are no ground to compare on
    missing = missing_needs(G, had, target)
    return round(sum(n["importance"] for k, n in needs.items() if k not in missing) / total, 4)


def skill_gap(G: nx.MultiDiGraph, source: str, target: str, have: Collection[str] = frozenset(),
              min_evidence: str | None = None) -> Gap:
    """Return the gap from ``source`` (a role or education path), plus the skills in ``have``, to ``target``.

    ``min_evidence`` leaves out needs whose strongest evidence is weaker (they are counted in ``hidden``).
    """
    own = capabilities(G, source)
    had = own | set(have)
    missing = missing_needs(G, had, target, min_evidence)
    extra = prerequisite_needs(G, {n for n, need in missing.items() if not need["tool"]}, missing, had)
    every = {**missing, **extra}
    items = order_items(G, group_items(G, every))
    for item in items:
        item["best_places"] = best_places(G, item["id"])
    earlier = earlier_needs(G, every)
    needed = role_needs(G, target)

    def entry(node: str, need: Mapping, **more) -> dict:
        return {**need_entry(G, node, need), "sources": sorted({r["source"] for r in need["evidence"]}), **more}

    def to_learn(node: str, **more) -> dict:
        return entry(node, every[node], **more, taught_by=teachers(G, node), best_places=best_places(G, node),
                     builds_on=builds_on(G, node), learn_after=[node_summary(G, n) for n in _ranked(G, every, earlier[node])])

    def shared(tool: bool) -> tuple[dict, ...]:
        return tuple(entry(n, needed[n], covered_by="source" if is_covered(G, n, own) else "profile")
                     for n in _ranked(G, needed, [n for n in needed if needed[n]["tool"] == tool and is_covered(G, n, had)]))

    return Gap(
        source=node_summary(G, source), target=node_summary(G, target),
        skills_to_gain=tuple(to_learn(n) for n in _ranked(G, missing, [n for n in missing if not missing[n]["tool"]])),
        skills_shared=shared(False),
        tools_to_gain=tuple(to_learn(n) for n in _ranked(G, missing, [n for n in missing if missing[n]["tool"]])),
        tools_shared=shared(True),
        prerequisites_to_gain=tuple(
            to_learn(p, needed_for=[node_summary(G, n) for n in _ranked(G, missing, missing) if p in earlier[n]])
            for p in _ranked(G, extra, extra)),
        learning_order=tuple(node_summary(G, n) for n in learning_order(G, {n: every[n]["essential"] for n in every})),
        profile=tuple(node_summary(G, n) for n in sorted(set(have) - own, key=lambda n: _label_key(G, n)) if n in G),
        items=tuple(items), coverage=needs_coverage(G, had, target) if had else None,
        hidden=len(missing_needs(G, had, target)) - len(missing) if min_evidence else 0,
        inherits_from=tuple(node_summary(G, r) for r in dict.fromkeys(
            n["inherited_from"] for n in needed.values() if n["inherited_from"])),
        source_needs=len(own), target_needs=len(needed),
    )


def _ranked(G: nx.MultiDiGraph, needs: Mapping[str, Mapping], nodes) -> list[str]:
    """Return ``nodes`` most important first, then by label."""
    return sorted(nodes, key=lambda n: (-needs[n]["importance"], *_label_key(G, n)))


def prerequisite_needs(G: nx.MultiDiGraph, skills: Collection[str], missing: Mapping[str, Mapping],
                       had: Collection[str]) -> dict[str, dict]:
    """Return the prerequisites of ``skills`` that are neither had nor needed, as needs.

    Each weighs as much as the most important need it comes before; its evidence is that of the
    ``prerequisiteOf`` links that make it one.
    """
    extra = {p for p in missing_prerequisites(G, skills, had) if not is_covered(G, p, had)}
    earlier = earlier_needs(G, set(skills) | extra)
    found = {}
    for p in extra:
        records = [r for _, _, key, rs in G.out_edges(p, keys=True, data="evidence")
                   if key == "prerequisiteOf" for r in (rs or ())]
        after = [missing[n]["importance"] for n in skills if p in earlier[n]]
        found[p] = {"tool": False, "essential": False, "prerequisite": True, "inherited_from": None,
                    "evidence": records, "importance": max(after, default=importance(records))}
    return found


def prerequisite_sources(G: nx.MultiDiGraph, skill: str) -> list[str]:
    """Return the sources that say ``skill`` is a prerequisite of another skill."""
    return sorted({s for _, _, key, sources in G.out_edges(skill, keys=True, data="sources")
                   if key == "prerequisiteOf" for s in sources})


def missing_prerequisites(G: nx.MultiDiGraph, skills: Collection[str], had: Collection[str]) -> set[str]:
    """Return the skills that ``skills`` build on (directly or not) that are neither had nor among them.

    >>> G = nx.MultiDiGraph([("algebra", "ml", "prerequisiteOf"), ("ml", "deep", "prerequisiteOf")])
    >>> sorted(missing_prerequisites(G, ["deep"], had=["algebra"]))
    ['ml']
    """
    prereq = nx.DiGraph((u, v) for u, v, key in G.edges(keys=True) if key == "prerequisiteOf")
    before = set().union(*(nx.ancestors(prereq, s) for s in skills if s in prereq))
    return before - set(had) - set(skills)


def _label_key(G: nx.MultiDiGraph, node: str) -> tuple[str, str]:
    return G.nodes[node].get("label", node).casefold(), node


def requirement_sources(G: nx.MultiDiGraph, role: str, node: str) -> list[str]:
    """Return the sources that say ``role`` needs ``node`` (skill or tool)."""
    if not G.has_edge(role, node):
        return []
    return sorted({s for key, attrs in G[role][node].items()
                   if key in ("requiresSkill", "optionalSkill", "usesTool") for s in attrs["sources"]})


def builds_on(G: nx.MultiDiGraph, skill: str) -> list[dict]:
    """Return the skills that are prerequisites of ``skill``, by label."""
    before = {u for u, _, key in G.in_edges(skill, keys=True) if key == "prerequisiteOf"}
    return [node_summary(G, n) for n in sorted(before, key=lambda n: _label_key(G, n))]


def earlier_needs(G: nx.MultiDiGraph, needs: Collection[str]) -> dict[str, set[str]]:
    """Map each of ``needs`` to the others that are its prerequisites, directly or through other skills.

    >>> G = nx.MultiDiGraph([("algebra", "ml", "prerequisiteOf"), ("ml", "deep", "prerequisiteOf")])
    >>> earlier_needs(G, ["deep", "algebra"])
    {'deep': {'algebra'}, 'algebra': set()}
    """
    prereq = nx.DiGraph((u, v) for u, v, key in G.edges(keys=True) if key == "prerequisiteOf")
    wanted = set(needs)
    return {n: (nx.ancestors(prereq, n) & wanted if n in prereq else set()) for n in needs}


def learning_order(G: nx.MultiDiGraph, needs: Mapping[str, bool]) -> list[str]:
    """Order ``needs`` (node -> essential?) so prerequisites come first; ties essential first, by label.

    A prerequisite counts even through skills outside ``needs`` (a before b before c orders a
    before c), a prerequisite of an essential skill ranks as essential, and among equals what
    something builds on comes first. Should the data hold a prerequisite cycle, its members are
    kept together.

    >>> G = nx.MultiDiGraph()
    >>> for n in ("algebra", "ml", "talk"): G.add_node(n, label=n)
    >>> _ = G.add_edge("algebra", "ml", key="prerequisiteOf")
    >>> learning_order(G, {"ml": True, "algebra": False, "talk": True})
    ['algebra', 'ml', 'talk']
    """
    order = nx.DiGraph()
    order.add_nodes_from(needs)
    order.add_edges_from((before, n) for n, earlier in earlier_needs(G, needs).items() for before in earlier)
    essential = {n: needs[n] or any(needs[later] for later in order.successors(n)) for n in needs}
    # Foundations first: among equals, what something else builds on comes before what nothing does.
    rank = {n: (not essential[n], not order.out_degree(n), *_label_key(G, n)) for n in needs}
    groups = nx.condensation(order)
    members = {c: sorted(groups.nodes[c]["members"], key=rank.__getitem__) for c in groups}
    ordered = nx.lexicographical_topological_sort(groups, key=lambda c: rank[members[c][0]])
    return [n for c in ordered for n in members[c]]
