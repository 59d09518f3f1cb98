"""A study plan in Markdown for a route: per step, a checklist of what to learn, where, and who says so.

Each skill or tool is planned once, at the first step whose role needs it and that the person
does not already have (from the starting role, their profile or an earlier step), together with
the prerequisites it builds on that the person lacks. Needs are counted once and ranked as in
``gap`` (narrower skills under their broader one, alternatives as "one of"); within a step,
prerequisites come first, then the most important. Each item is a Markdown checkbox with its
importance, evidence and sources, and the best place to learn it (a course, bootcamp or
hands-on path before a degree; never a doctoral degree for one skill). The ten most important
items of a step are listed unless all are asked for. The text has no dates and a fixed order,
so two plans of the same route diff cleanly.

>>> from mlgraph.career.paths import Route, Step
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, t in [("a", "Role"), ("b", "Role"), ("sql", "Skill")]: G.add_node(n, label=n, type=t)
>>> _ = G.add_edge("b", "sql", key="requiresSkill", sources=[], evidence=[])
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

from mlgraph.career.evidence import is_weak, summarize_evidence, weakness_note
from mlgraph.career.gap import builds_on, prerequisite_needs
from mlgraph.career.needs import capabilities, missing_needs
from mlgraph.career.paths import Route, Step
from mlgraph.career.places import best_places, teachers
from mlgraph.career.ranking import TOP_ITEMS, group_items, order_items, top_items
from mlgraph.storage.atomic import write_output

#: How each ``--cost`` is explained at the top of a plan.
COST_NOTES = {
    "hops": "1 per step",
    "skills": "the sum of the importance (0-1) of each new need, each counted once",
    "blend": "1 per step plus the sum of the importance (0-1) of each new need",
}

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#])")


@dataclass(frozen=True)
class PlanStep:
    """One step of a plan: the move, what to learn in order, and the education paths that teach it."""

    step: Step
    learn: tuple[dict, ...]
    where: tuple[dict, ...]
    untaught: tuple[dict, ...]


def plan_steps(G: nx.MultiDiGraph, route: Route, have: Collection[str] = frozenset(),
               min_evidence: str | None = None) -> list[PlanStep]:
    """Return the route's steps, each with the items new to learn there, in learning order, and where."""
    known = capabilities(G, route.nodes[0]["id"]) | set(have)
    planned = []
    for step in route.steps:
        missing = missing_needs(G, known, step.target, min_evidence)
        extra = prerequisite_needs(G, {n for n, need in missing.items() if not need["tool"]}, missing, known)
        learn = order_items(G, group_items(G, {**missing, **extra}))
        for item in learn:
            item.update(builds_on=builds_on(G, item["id"]), best_places=best_places(G, item["id"]),
                        sources=sorted({r["source"] for r in item["evidence"]}))
        where, untaught = _where(G, learn)
        planned.append(PlanStep(step=step, learn=tuple(learn), where=where, untaught=untaught))
        known |= set(missing) | set(extra) | capabilities(G, step.target)
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


def render_plan(G: nx.MultiDiGraph, route: Route, have: Collection[str] = frozenset(), cost: str = "hops",
                limit: int | None = TOP_ITEMS, min_evidence: str | None = None) -> str:
    """Return the Markdown study plan of ``route`` for someone who also has the skills in ``have``."""
    refs: dict[str, int] = {}

    def cite(sources) -> str:
        nums = sorted({refs.setdefault(s, len(refs) + 1) for s in sources})
        return f"[{', '.join(map(str, nums))}]" if nums else "[unsourced]"

    first, last = route.nodes[0], route.nodes[-1]
    lines = [f"# Study plan: {_md(first['label'])} → {_md(last['label'])}", ""]
    lines += _overview(G, route, have, cost)
    for number, planned in enumerate(plan_steps(G, route, have, min_evidence), 1):
        lines += ["", *_render_step(G, number, planned, cite, limit)]
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


def _render_step(G, number: int, planned: PlanStep, cite, limit: int | None) -> list[str]:
    step = planned.step
    here, there = (_md(G.nodes[n]["label"]) for n in (step.source, step.target))
    evidence = f" ({summarize_evidence(step.evidence)})" if step.evidence else ""
    lines = [f"## Step {number}: {here} → {there}", "",
             f"{here} {step.relation_text} {there} {cite(step.sources)}{evidence}. Step cost: {step.cost:g}."]
    if is_weak(step.evidence):
        note = weakness_note(step.evidence)
        lines += ["", note[0].upper() + note[1:] + "."]
    lines += ["", "### What to learn", ""]
    if not planned.learn:
        lines.append(f"Nothing new: what {there} needs is already covered.")
    shown, left = top_items(G, list(planned.learn), limit)
    theme = None
    for item in shown:
        if item["theme"] != theme:
            theme = item["theme"]
            lines += ([""] if lines[-1] else []) + [f"*{_md(theme)}*", ""]
        lines += _render_item(item, cite)
    if left:
        lines += ["", f"And {left} more, less important (`--all` lists them)."]
    untaught = [t for t in planned.untaught if t in shown]
    if untaught:
        lines += ["", f"No education path in the graph teaches: {', '.join(_md(t['label']) for t in untaught)}"]
    return lines


def _render_item(item: dict, cite) -> list[str]:
    what = ("prerequisite" if item.get("prerequisite") else "tool" if item.get("tool")
            else "essential" if item.get("essential") else "good to have")
    name = ("one of " + ", ".join(f"**{_md(m['label'])}**" for m in item["one_of"])) if item.get("one_of") \
        else f"**{_md(item['label'])}**"
    extra = f"; includes {', '.join(_md(m['label']) for m in item['includes'])}" if item.get("includes") else ""
    prereq = f"; builds on {', '.join(_md(p['label']) for p in item['builds_on'])}" if item.get("builds_on") else ""
    lines = [f"- [ ] {name} — {what} · importance {item['importance']:.2f} · {summarize_evidence(item['evidence'])} "
             f"{cite(item['sources'])}{extra}{prereq}"]
    places = item.get("best_places") or ()
    if places:
        def place(p):
            return _md(p["label"]) + (f" ({', '.join(_md(o['label']) for o in p['offered_by'])})" if p["offered_by"] else "")
        lead = "learn at: " if len(places) == 1 else "learn at one of: "
        lines.append(f"  - {lead}{'; '.join(map(place, places))} {cite(sorted({s for p in places for s in p['sources']}))}")
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
