"""A study plan in Markdown for a route: per step, what to learn, where, and who says so.

Each skill or tool is planned once, at the first step whose role needs it and that the person
does not already have (from the starting role, their profile or an earlier step), together with
the prerequisites it builds on that the person lacks; within a step, prerequisites come first,
then essential before good-to-have, then by label. The text has no
dates and a fixed order, so two plans of the same route diff cleanly.

>>> from mlgraph.career.paths import Route, Step
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, t in [("a", "Role"), ("b", "Role"), ("sql", "Skill")]: G.add_node(n, label=n, type=t)
>>> _ = G.add_edge("b", "sql", key="requiresSkill", sources=[])
>>> step = Step(source="a", relation="progressesTo", target="b", sources=(), cost=1.0, relation_text="progresses to")
>>> route = Route(nodes=({"id": "a", "label": "a", "type": "Role"}, {"id": "b", "label": "b", "type": "Role"}),
...               steps=(step,), cost=1.0)
>>> print(render_plan(G, route).splitlines()[0])
# Study plan: a → b
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from mlgraph.career.gap import (
    builds_on, learning_order, missing_needs, missing_prerequisites, prerequisite_sources, requirement_sources, teachers,
)
from mlgraph.career.network import capabilities, node_summary
from mlgraph.career.paths import Route, Step
from mlgraph.storage.atomic import write_output

#: How each ``--cost`` is explained at the top of a plan.
COST_NOTES = {
    "hops": "1 per step",
    "skills": "1 per new essential skill or tool, 0.5 per new good-to-have skill",
    "blend": "1 per step plus 1 per new essential skill or tool and 0.5 per new good-to-have skill",
}

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#])")


@dataclass(frozen=True)
class PlanStep:
    """One step of a plan: the move, what to learn in order, and the education paths that teach it."""

    step: Step
    learn: tuple[dict, ...]
    where: tuple[dict, ...]
    untaught: tuple[dict, ...]


def plan_steps(G: nx.MultiDiGraph, route: Route, have: Collection[str] = frozenset()) -> list[PlanStep]:
    """Return the route's steps, each with what is new to learn there, in learning order, and where."""
    known = capabilities(G, route.nodes[0]["id"]) | set(have)
    planned = []
    for step in route.steps:
        skills, tools = missing_needs(G, known, step.target)
        extra = missing_prerequisites(G, skills, known)
        needs = {**dict.fromkeys(tools, True), **skills, **dict.fromkeys(extra, False)}
        learn = tuple(dict(node_summary(G, n), essential=needs[n], tool=n in tools, prerequisite=n in extra,
                           sources=prerequisite_sources(G, n) if n in extra else requirement_sources(G, step.target, n),
                           builds_on=builds_on(G, n))
                      for n in learning_order(G, needs))
        where, untaught = _where(G, learn)
        planned.append(PlanStep(step=step, learn=learn, where=where, untaught=untaught))
        known |= set(needs) | capabilities(G, step.target)
    return planned


def _where(G: nx.MultiDiGraph, learn: tuple[dict, ...]) -> tuple[tuple[dict, ...], tuple[dict, ...]]:
    """Group the items by the education paths that teach them; also return the items nobody teaches."""
    paths: dict[str, dict] = {}
    untaught = []
    for item in learn:
        found = teachers(G, item["id"])
        if not found:
            untaught.append(item)
        for path in found:
            entry = paths.setdefault(path["id"], dict(path, teaches=[], sources=[]))
            entry["teaches"].append(item)
            entry["sources"] = sorted(set(entry["sources"]) | set(path["sources"]))
    ordered = sorted(paths.values(), key=lambda p: (-len(p["teaches"]), p["label"].casefold(), p["id"]))
    return tuple(ordered), tuple(untaught)


def render_plan(G: nx.MultiDiGraph, route: Route, have: Collection[str] = frozenset(), cost: str = "hops") -> str:
    """Return the Markdown study plan of ``route`` for someone who also has the skills in ``have``."""
    refs: dict[str, int] = {}

    def cite(sources) -> str:
        nums = sorted({refs.setdefault(s, len(refs) + 1) for s in sources})
        return f"[{', '.join(map(str, nums))}]" if nums else "[unsourced]"

    first, last = route.nodes[0], route.nodes[-1]
    lines = [f"# Study plan: {_md(first['label'])} → {_md(last['label'])}", ""]
    lines += _overview(G, route, have, cost)
    for number, planned in enumerate(plan_steps(G, route, have), 1):
        lines += ["", *_render_step(G, number, planned, cite)]
    lines += ["", "## Sources", ""]
    lines += [f"{num}. {_reference(G, iri)}" for iri, num in refs.items()] or ["No sources cited."]
    return "\n".join(lines) + "\n"


def _overview(G, route: Route, have, cost: str) -> list[str]:
    path = " → ".join(_md(n["label"]) for n in route.nodes)
    extra = sorted((G.nodes[n]["label"] for n in set(have) - capabilities(G, route.nodes[0]["id"]) if n in G),
                   key=str.casefold)
    lines = [f"- Route: {path}",
             f"- Steps: {route.hops}; cost: {route.cost:g} ({cost}: {COST_NOTES.get(cost, cost)})",
             f"- Starting from: what {_md(route.nodes[0]['label'])} covers"
             + (f", plus your profile: {', '.join(map(_md, extra))}" if extra else "")]
    return lines


def _render_step(G, number: int, planned: PlanStep, cite) -> list[str]:
    step = planned.step
    here, there = (_md(G.nodes[n]["label"]) for n in (step.source, step.target))
    lines = [f"## Step {number}: {here} → {there}", "",
             f"{here} {step.relation_text} {there} {cite(step.sources)}. Step cost: {step.cost:g}.",
             "", "### What to learn", ""]
    if not planned.learn:
        lines.append(f"Nothing new: what {there} needs is already covered.")
    for i, item in enumerate(planned.learn, 1):
        what = ("tool" if item["tool"] else "prerequisite" if item["prerequisite"]
                else "essential" if item["essential"] else "good to have")
        prereq = f"; builds on {', '.join(_md(p['label']) for p in item['builds_on'])}" if item["builds_on"] else ""
        lines.append(f"{i}. **{_md(item['label'])}** ({what}) {cite(item['sources'])}{prereq}")
    if planned.learn:
        lines += ["", "### Where to learn it", ""]
    for path in planned.where:
        providers = ", ".join(_md(o["label"]) for o in path["offered_by"])
        lines.append(f"- {_md(path['label'])} teaches {', '.join(_md(t['label']) for t in path['teaches'])} "
                     f"{cite(path['sources'])}" + (f"; offered by {providers}" if providers else ""))
    if planned.untaught:
        lines.append(f"- No education path in the graph teaches: {', '.join(_md(t['label']) for t in planned.untaught)}")
    return lines


def _reference(G: nx.MultiDiGraph, iri: str) -> str:
    attrs = G.nodes[iri] if iri in G else {"label": iri}
    parts = [_md(attrs.get("label", iri))]
    if attrs.get("title") and attrs["title"] != attrs.get("label"):
        parts.append(f"*{_md(attrs['title'])}*")
    if attrs.get("file"):
        parts.append(f"`{attrs['file']}`")
    return ", ".join(parts)


def _md(text: str) -> str:
    """Escape the characters Markdown would read as markup, so labels show as written."""
    return _MARKDOWN.sub(r"\\\1", text)


def write_plan(text: str, path: Path) -> None:
    """Write ``text`` to ``path`` atomically (whole file or nothing), creating parent folders."""
    write_output(Path(path), text, "the plan")
