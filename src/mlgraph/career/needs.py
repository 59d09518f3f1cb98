"""What a role needs, with evidence and importance, and what of it someone already covers.

A role's needs are its skills (``requiresSkill``, ``optionalSkill``) and tools (``usesTool``),
each with its evidence records and importance. Absence is not lack: a levelled role (junior ML
engineer, ``skos:broader`` the ML engineer) also needs what its general role needs, unless it
says otherwise itself. The skill hierarchy counts once: someone who has a broader skill
(statistics) has its narrower ones (t-test, ANOVA) covered, and needs that fall under another
need of the same list are grouped under it (see :mod:`mlgraph.career.ranking`). Needs one
source gives as alternatives (one of Java, C++ or C) are all covered when one of them is had.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("mle", type="Role"); G.add_node("junior", type="Role", broader=["mle"])
>>> G.add_node("stats", type="Skill"); G.add_node("t-test", type="Skill", broader=["stats"])
>>> _ = G.add_edge("mle", "t-test", key="requiresSkill", evidence=[{"source": "a", "evidence": "stated", "grade": None}])
>>> sorted(role_needs(G, "junior")), role_needs(G, "junior")["t-test"]["inherited_from"]
(['t-test'], 'mle')
>>> list(missing_needs(G, {"stats"}, "junior"))
[]
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import networkx as nx

from mlgraph.career.evidence import importance, meets_minimum

#: The relations that make a need, and whether the need is a tool.
NEED_RELATIONS = {"requiresSkill": False, "optionalSkill": False, "usesTool": True}


def broader_chain(G: nx.MultiDiGraph, node: str) -> list[str]:
    """Return the broader nodes of ``node`` (``skos:broader``, transitively), nearest first.

    >>> G = nx.MultiDiGraph([("t", "x"), ("tests", "x"), ("stats", "x")])
    >>> G.nodes["t"]["broader"], G.nodes["tests"]["broader"] = ["tests"], ["stats"]
    >>> broader_chain(G, "t")
    ['tests', 'stats']
    """
    chain: list[str] = []
    todo = list(G.nodes[node].get("broader", ())) if node in G else []
    while todo:
        up = todo.pop(0)
        if up in G and up != node and up not in chain:
            chain.append(up)
            todo += list(G.nodes[up].get("broader", ()))
    return chain


def own_needs(G: nx.MultiDiGraph, role: str) -> dict[str, dict]:
    """Return the needs the sources give ``role`` itself: node -> tool?, essential?, evidence, importance."""
    needs: dict[str, dict] = {}
    for _, node, relation, records in G.out_edges(role, keys=True, data="evidence"):
        if relation in NEED_RELATIONS:
            need = needs.setdefault(node, {"tool": NEED_RELATIONS[relation], "evidence": [], "essential": False,
                                           "prerequisite": False})
            need["evidence"] = need["evidence"] + list(records or ())
            need["essential"] = need["essential"] or _essential(relation, records or ())
    for need in needs.values():
        need["importance"] = importance(need["evidence"])
        need["inherited_from"] = None
    return needs


def _essential(relation: str, records) -> bool:
    """A skill need is essential unless every source grades it good to have; a tool likewise."""
    if relation == "optionalSkill":
        return False
    return not records or any(r.get("grade") != "goodToHave" for r in records)


def general_roles(G: nx.MultiDiGraph, role: str) -> list[str]:
    """Return the roles ``role`` is a level of (``skos:broader`` between roles), nearest first."""
    return [r for r in broader_chain(G, role) if G.nodes[r].get("type") == "Role"]


def role_needs(G: nx.MultiDiGraph, role: str) -> dict[str, dict]:
    """Return what ``role`` needs: its own needs, plus its general roles' needs it does not restate."""
    needs = own_needs(G, role)
    for general in general_roles(G, role):
        for node, need in own_needs(G, general).items():
            if node not in needs:
                needs[node] = dict(need, inherited_from=general)
    return needs


def capabilities(G: nx.MultiDiGraph, node: str) -> set[str]:
    """Return what someone at ``node`` has: a role's needs (inherited ones too), or what a path teaches."""
    if G.nodes[node].get("type") == "EducationPath":
        return {o for _, o, relation in G.out_edges(node, keys=True) if relation == "teaches"}
    return set(role_needs(G, node))


def is_covered(G: nx.MultiDiGraph, node: str, had: Collection[str]) -> bool:
    """Return whether ``node`` or one of its broader skills is among ``had``."""
    return node in had or any(up in had for up in broader_chain(G, node))


def missing_needs(G: nx.MultiDiGraph, had: Collection[str], target: str,
                  min_evidence: str | None = None) -> dict[str, dict]:
    """Return the needs of ``target`` that ``had`` does not cover, strongest evidence at least ``min_evidence``.

    A record that names an alternative group is satisfied when another need of that group (same
    source) is covered; a need all of whose records are so satisfied is not missing.
    """
    had = set(had)
    needs = role_needs(G, target)
    covered = {n for n in needs if is_covered(G, n, had)}
    satisfied = {key for n in covered for key in _group_keys(needs[n]["evidence"])}
    missing = {}
    for node, need in needs.items():
        if node in covered:
            continue
        left = [r for r in need["evidence"] if _group_key(r) not in satisfied]
        if need["evidence"] and not left:
            continue
        if meets_minimum(left, min_evidence):
            missing[node] = dict(need, evidence=left, importance=importance(left))
    return missing


def _group_key(record: dict) -> tuple[str, str] | None:
    group = record.get("alternativeGroup")
    return (record["source"], group) if group else None


def _group_keys(records: Iterable[dict]) -> set[tuple[str, str]]:
    return {key for key in map(_group_key, records) if key}


def alternative_sets(needs: dict[str, dict]) -> list[set[str]]:
    """Return sets of needs that are only ever asked for as alternatives of one another (two or more).

    >>> rec = lambda s: {"source": s, "alternativeGroup": "language"}
    >>> [sorted(s) for s in alternative_sets({"java": {"evidence": [rec("a")]}, "c": {"evidence": [rec("a")]},
    ...                                       "sql": {"evidence": []}})]
    [['c', 'java']]
    """
    grouped = {n: _group_keys(need["evidence"]) for n, need in needs.items()
               if need["evidence"] and all(_group_key(r) for r in need["evidence"])}
    links = nx.Graph()
    links.add_nodes_from(grouped)
    by_key: dict[tuple, list[str]] = {}
    for node, keys in grouped.items():
        for key in keys:
            by_key.setdefault(key, []).append(node)
    for members in by_key.values():
        links.add_edges_from(zip(members, members[1:]))
    return [set(c) for c in nx.connected_components(links) if len(c) > 1]
