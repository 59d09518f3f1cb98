"""The skill gap between where someone is and a role: what to learn, where, and in what order.

The person has the skills and tools of their current role (or what their education path
teaches), plus those of their profile. The target role needs essential and optional skills and
tools; what is missing is listed essential first, each with the education paths that teach it
and the organizations that offer those paths, and put in a learning order that keeps every
prerequisite before what builds on it. Prerequisites the person lacks that the role does not
list itself (machine learning, before deep learning) are added to the learning order too.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, t in [("ds", "Role"), ("mle", "Role"), ("ml", "Skill"), ("dl", "Skill"), ("py", "Tool")]:
...     G.add_node(n, label=n, type=t)
>>> edges = [("ds", "ml", "requiresSkill"), ("mle", "ml", "requiresSkill"), ("mle", "dl", "requiresSkill"),
...          ("mle", "py", "usesTool"), ("ml", "dl", "prerequisiteOf")]
>>> _ = G.add_edges_from((u, v, k, {"sources": []}) for u, v, k in edges)
>>> gap = skill_gap(G, "ds", "mle")
>>> [s["id"] for s in gap.skills_to_gain], [s["id"] for s in gap.skills_shared], [t["id"] for t in gap.tools_to_gain]
(['dl'], ['ml'], ['py'])
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import networkx as nx

from mlgraph.career.network import capabilities, node_summary, skills_needed, tools_needed


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

    def as_dict(self) -> dict:
        return {
            "source": self.source, "target": self.target,
            "skills_to_gain": list(self.skills_to_gain), "skills_shared": list(self.skills_shared),
            "tools_to_gain": list(self.tools_to_gain), "tools_shared": list(self.tools_shared),
            "prerequisites_to_gain": list(self.prerequisites_to_gain),
            "learning_order": list(self.learning_order), "profile": list(self.profile),
        }


def missing_needs(G: nx.MultiDiGraph, had: Collection[str], target: str) -> tuple[dict[str, bool], set[str]]:
    """Return the skills (node -> essential?) and tools ``target`` needs that are not in ``had``."""
    skills = {s: essential for s, essential in skills_needed(G, target).items() if s not in had}
    return skills, tools_needed(G, target) - set(had)


def skill_gap(G: nx.MultiDiGraph, source: str, target: str, have: Collection[str] = frozenset()) -> Gap:
    """Return the gap from ``source`` (a role or education path), plus the skills in ``have``, to ``target``."""
    own = capabilities(G, source)
    had = own | set(have)
    skills, tools = missing_needs(G, had, target)
    extra = missing_prerequisites(G, skills, had)
    needs = {**dict.fromkeys(tools, True), **skills, **dict.fromkeys(extra, False)}
    earlier = earlier_needs(G, needs)
    needed = skills_needed(G, target)

    def entry(node: str, **more) -> dict:
        return {**node_summary(G, node), "sources": requirement_sources(G, target, node), **more}

    def to_learn(node: str, **more) -> dict:
        return entry(node, **more, taught_by=teachers(G, node), builds_on=builds_on(G, node),
                     learn_after=[node_summary(G, n) for n in sort_needs(G, dict.fromkeys(earlier[node], True))])

    def covered(node: str) -> str:
        return "source" if node in own else "profile"

    return Gap(
        source=node_summary(G, source), target=node_summary(G, target),
        skills_to_gain=tuple(to_learn(s, essential=skills[s]) for s in sort_needs(G, skills)),
        skills_shared=tuple(entry(s, essential=needed[s], covered_by=covered(s))
                            for s in sort_needs(G, {s: needed[s] for s in needed if s in had})),
        tools_to_gain=tuple(to_learn(t) for t in sort_needs(G, dict.fromkeys(tools, True))),
        tools_shared=tuple(entry(t, covered_by=covered(t))
                           for t in sort_needs(G, dict.fromkeys(tools_needed(G, target) & had, True))),
        prerequisites_to_gain=tuple(
            to_learn(p, sources=prerequisite_sources(G, p),
                     needed_for=[node_summary(G, n) for n in sort_needs(G, skills) if p in earlier[n]])
            for p in sort_needs(G, dict.fromkeys(extra, True))),
        learning_order=tuple(node_summary(G, n) for n in learning_order(G, needs)),
        profile=tuple(node_summary(G, n) for n in sorted(set(have) - own, key=lambda n: _label_key(G, n)) if n in G),
    )


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


def sort_needs(G: nx.MultiDiGraph, needs: Mapping[str, bool]) -> list[str]:
    """Return the nodes of ``needs`` (node -> essential?) essential first, then by label."""
    return sorted(needs, key=lambda n: (not needs[n], *_label_key(G, n)))


def _label_key(G: nx.MultiDiGraph, node: str) -> tuple[str, str]:
    return G.nodes[node].get("label", node).casefold(), node


def requirement_sources(G: nx.MultiDiGraph, role: str, node: str) -> list[str]:
    """Return the sources that say ``role`` needs ``node`` (skill or tool)."""
    if not G.has_edge(role, node):
        return []
    return sorted({s for key, attrs in G[role][node].items()
                   if key in ("requiresSkill", "optionalSkill", "usesTool") for s in attrs["sources"]})


def teachers(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """Return the education paths that teach ``node``, each with ``offered_by`` organizations and sources."""
    found = []
    for path, _, key, sources in G.in_edges(node, keys=True, data="sources"):
        if key == "teaches":
            offered = sorted((o for o, _, k in G.in_edges(path, keys=True) if k == "offers"),
                             key=lambda o: _label_key(G, o))
            found.append(dict(node_summary(G, path), sources=list(sources),
                              offered_by=[node_summary(G, o) for o in offered]))
    return sorted(found, key=lambda p: (p["label"].casefold(), p["id"]))


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
