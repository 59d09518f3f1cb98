"""Short, ranked lists of needs: count each need once, group by theme, prerequisites first.

Needs to gain become items. A need that falls under another need of the same list (t-test
under statistics, through ``skos:broader``) joins that need's item, listed in ``includes``;
needs asked for only as alternatives of one another become one "one of" item. An item weighs
as much as the most important of its needs, and its evidence is the strongest record of each
source that asks for any of them. Each item has a theme: the top of its skill hierarchy
(mathematics, artificial intelligence ...) when it has a broader skill, else its kind (workplace
skills, languages ...). Lists are
ordered prerequisites first, then by importance, most important first; the top ``limit`` items
are shown and the rest counted.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("stats", label="statistics", type="Skill", kind="mathematical")
>>> G.add_node("t", label="t-test", type="Skill", kind="mathematical", broader=["stats"])
>>> needs = {"stats": {"importance": 0.6, "evidence": []}, "t": {"importance": 0.8, "evidence": []}}
>>> [(i["label"], i["importance"], [m["label"] for m in i["includes"]]) for i in group_items(G, needs)]
[('statistics', 0.8, ['t-test'])]
"""

from __future__ import annotations

import weakref

from collections.abc import Mapping

import networkx as nx

from mlgraph.career.evidence import best_class, sort_records, stronger
from mlgraph.career.needs import alternative_sets, broader_chain
from mlgraph.career.network import node_summary

#: How many items a list shows unless asked for all.
TOP_ITEMS = 10

#: How a kind reads as a theme when a need sits in no hierarchy.
KIND_THEMES = {"language": "languages", "library": "libraries", "framework": "frameworks",
               "platform": "platforms", "database": "databases", "hardware": "hardware",
               "operating-system": "operating systems"}


def need_entry(G: nx.MultiDiGraph, node: str, need: Mapping) -> dict:
    """Return one need as JSON: node summary, importance, evidence records and their best class."""
    records = sort_records(need.get("evidence", ()))
    entry = dict(node_summary(G, node), importance=need.get("importance", 0.0), evidence=records,
                 best_evidence=best_class(records))
    for key in ("essential", "tool", "inherited_from", "prerequisite"):
        if key in need:
            entry[key] = need[key]
    return entry


def theme(G: nx.MultiDiGraph, node: str) -> str:
    """Return the theme of ``node``: the top of its hierarchy (when it has a broader one), else its kind."""
    chain = broader_chain(G, node)
    if chain:
        return G.nodes[chain[-1]]["label"]
    attrs = G.nodes[node]
    kind = attrs.get("kind")
    if attrs.get("type") == "Tool":
        return KIND_THEMES.get(kind, "tools")
    return f"{kind} skills" if kind else "other needs"


def group_items(G: nx.MultiDiGraph, needs: Mapping[str, Mapping]) -> list[dict]:
    """Return the items of ``needs``: narrower needs under their broader need, alternatives as one."""
    heads: dict[str, list[str]] = {}
    for node in needs:
        above = [up for up in broader_chain(G, node) if up in needs]
        heads.setdefault(above[-1] if above else node, []).append(node)
    items = []
    one_of = alternative_sets({h: needs[h] for h in heads})
    grouped = {h for members in one_of for h in members}
    for members in one_of:
        ranked = sorted(members, key=lambda n: (-needs[n]["importance"], _label(G, n)))
        item = _item(G, ranked[0], needs, heads[ranked[0]])
        item["one_of"] = [need_entry(G, n, needs[n]) for n in ranked]
        item["evidence"] = area_evidence(needs[n].get("evidence", ()) for n in members)
        item["best_evidence"] = best_class(item["evidence"])
        item["theme"] = KIND_THEMES.get(G.nodes[ranked[0]].get("kind"), theme(G, ranked[0]))
        items.append(item)
    items += [_item(G, head, needs, members) for head, members in heads.items() if head not in grouped]
    return sorted(items, key=lambda i: (-i["importance"], i["label"].casefold(), i["id"]))


def _item(G: nx.MultiDiGraph, head: str, needs: Mapping, members: list[str]) -> dict:
    others = sorted((m for m in members if m != head), key=lambda n: (-needs[n]["importance"], _label(G, n)))
    item = need_entry(G, head, needs[head])
    item["importance"] = max(needs[m]["importance"] for m in members)
    item["evidence"] = area_evidence(needs[m].get("evidence", ()) for m in members)
    item["best_evidence"] = best_class(item["evidence"])
    item["includes"] = [need_entry(G, m, needs[m]) for m in others]
    item["theme"] = theme(G, head)
    return item


def area_evidence(record_lists) -> list[dict]:
    """Return the strongest record of each source among several needs' records: who asks for the area.

    >>> [r["evidence"] for r in area_evidence([[{"source": "a", "evidence": "listed"}], [{"source": "a", "evidence": "stated"}]])]
    ['stated']
    """
    best: dict[str, dict] = {}
    for record in (r for records in record_lists for r in records):
        best[record["source"]] = stronger(best.get(record["source"]), record)
    return sort_records(best.values())


def _label(G: nx.MultiDiGraph, node: str) -> tuple[str, str]:
    return G.nodes[node].get("label", node).casefold(), node


def order_items(G: nx.MultiDiGraph, items: list[dict]) -> list[dict]:
    """Return ``items`` with what another item builds on first, then most important first, by theme.

    Themes follow the order of their first item; within a theme the same order holds.
    """
    by_id = {item["id"]: item for item in items}
    member_of = {m["id"]: item["id"] for item in items for m in (item, *item["includes"], *item.get("one_of", ()))}
    order = nx.DiGraph()
    order.add_nodes_from(item["id"] for item in items)
    # A prerequisite counts through skills outside the list too (a before b before c orders a before c).
    for node in member_of:
        for before in prerequisites_before(G, node):
            if before in member_of and member_of[before] != member_of[node]:
                order.add_edge(member_of[before], member_of[node])
    # A prerequisite weighs as much as what it comes before; among equals, foundations first.
    weight = {item["id"]: max([item["importance"]] + [by_id[n]["importance"] for n in nx.descendants(order, item["id"])])
              for item in items}
    rank = {n: (-weight[n], not order.out_degree(n), by_id[n]["label"].casefold(), n) for n in weight}
    groups = nx.condensation(order)
    first = {c: min(groups.nodes[c]["members"], key=rank.__getitem__) for c in groups}
    ordered = [n for c in nx.lexicographical_topological_sort(groups, key=lambda c: rank[first[c]])
               for n in sorted(groups.nodes[c]["members"], key=rank.__getitem__)]
    themes = list(dict.fromkeys(by_id[n]["theme"] for n in ordered))
    return sorted((by_id[n] for n in ordered), key=lambda i: themes.index(i["theme"]))


def top_items(G: nx.MultiDiGraph, items: list[dict], limit: int | None = TOP_ITEMS) -> tuple[list[dict], int]:
    """Return the ``limit`` most important items (all with None) in display order, and how many are left out.

    >>> G = nx.MultiDiGraph()
    >>> items = [{"id": n, "label": n, "importance": w, "includes": [], "theme": "t"} for n, w in [("a", .2), ("b", .9)]]
    >>> [i["id"] for i in top_items(G, items, 1)[0]], top_items(G, items, 1)[1]
    (['b'], 1)
    """
    ranked = sorted(items, key=lambda i: (-i["importance"], i["label"].casefold(), i["id"]))
    shown = ranked if limit is None else ranked[:limit]
    return order_items(G, shown), len(ranked) - len(shown)


def items_cost(items: list[dict]) -> float:
    """Return what learning ``items`` costs: the sum of their importance, each item counted once."""
    return round(sum(item["importance"] for item in items if not item.get("prerequisite")), 4)


def prerequisites_before(G: nx.MultiDiGraph, node: str) -> set[str]:
    """Return every skill that comes before ``node`` through ``prerequisiteOf``, however far back.

    The prerequisite graph and the answers are kept with ``G`` while its node count stays the
    same: a route explains many steps, and rebuilding them for each step cost a pass over every
    edge of the graph.
    """
    known = _PREREQUISITES.get(G)
    if known is None or known[0] != len(G):
        prereq = nx.DiGraph((u, v) for u, v, key in G.edges(keys=True) if key == "prerequisiteOf")
        known = _PREREQUISITES[G] = (len(G), prereq, {})
    _, prereq, before = known
    if node not in before:
        before[node] = nx.ancestors(prereq, node) if node in prereq else set()
    return before[node]


_PREREQUISITES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
