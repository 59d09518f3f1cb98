"""Career answers: routes, skill gaps, next moves and study plans.

>>> from types import SimpleNamespace
>>> python = {"id": "urn:py", "label": "Python", "type": "Tool", "sources": [], "taught_by": []}
>>> gap = SkillGap(SimpleNamespace(source={"label": "a"}, target={"label": "b"}, skills_to_gain=(),
...                                tools_to_gain=(python,), prerequisites_to_gain=(), skills_shared=(), tools_shared=()))
>>> gap
<SkillGap a → b: 0 skills, 1 tool to gain; 0 covered>
>>> gap.rows()
[['Python', 'Tool', 'tool', None, [], [], 'urn:py']]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlgraph.results.tables import data_frame, html_block, html_table, labels, plural as _plural


@dataclass(frozen=True)
class Routes:
    """Routes from ``source`` to ``target``, best first (``CareerGraph.route``); iterate for each route."""

    source: dict
    target: dict
    paths: tuple
    asked: int = 1
    cost: str = "hops"

    @property
    def best(self):
        """The best route (a :class:`mlgraph.career.paths.Route`)."""
        return self.paths[0]

    def __len__(self) -> int:
        return len(self.paths)

    def __iter__(self):
        return iter(self.paths)

    def __getitem__(self, index):
        return self.paths[index]

    def as_dict(self) -> dict:
        """Return what ``mlgraph path --json`` prints."""
        return {"source": self.source, "target": self.target, "paths": [p.as_dict() for p in self.paths]}

    def __repr__(self) -> str:
        head = f"<Routes {self.source['label']} → {self.target['label']}: {_plural(len(self), 'route')}>"
        return "\n".join([head, *(f"  {i}. {labels(p.nodes).replace(', ', ' → ')} ({_plural(p.hops, 'step')}, "
                                  f"cost {p.cost:g})" for i, p in enumerate(self.paths, 1))])

    def step_rows(self) -> list[list]:
        """Return one row per step of every route, in :data:`STEP_COLUMNS` order."""
        return [[number, i, route.nodes[i - 1]["label"], step.relation_text, route.nodes[i]["label"], step.cost,
                 list(step.sources), [s["label"] for s in step.new_skills], [t["label"] for t in step.new_tools]]
                for number, route in enumerate(self.paths, 1) for i, step in enumerate(route.steps, 1)]

    def _repr_html_(self) -> str:
        title = f"{self.source['label']} → {self.target['label']}: {_plural(len(self), 'route')}"
        return html_block(title, html_table(STEP_COLUMNS, self.step_rows()))

    def to_pandas(self):
        """Return one row per step: route number, step number, from, relation, to, cost, sources, what is new."""
        return data_frame(STEP_COLUMNS, self.step_rows())


STEP_COLUMNS = ("route", "step", "from", "relation", "to", "cost", "sources", "new_skills", "new_tools")


@dataclass(frozen=True)
class SkillGap:
    """What ``target`` needs that ``source`` (plus a profile) lacks (``CareerGraph.gap``)."""

    gap: object  # mlgraph.career.gap.Gap

    def __getattr__(self, name):  # source, target, skills_to_gain ... read through to the gap
        if name.startswith("_") or name == "gap":
            raise AttributeError(name)
        return getattr(self.gap, name)

    def as_dict(self) -> dict:
        """Return what ``mlgraph gap --json`` prints."""
        return self.gap.as_dict()

    def needs(self) -> list[tuple[str, dict]]:
        """Return what to gain as (need, entry) pairs: skills, then tools, then unlisted prerequisites."""
        return ([("skill", s) for s in self.gap.skills_to_gain] + [("tool", t) for t in self.gap.tools_to_gain]
                + [("prerequisite", p) for p in self.gap.prerequisites_to_gain])

    def columns(self) -> tuple[str, ...]:
        """Return the table's columns; ``importance`` and ``best_evidence`` join them when the needs carry them."""
        extra = tuple(k for k in ("importance", "best_evidence") if any(k in entry for _, entry in self.needs()))
        return ("label", "type", "need", "essential", *extra, "taught_by", "sources", "id")

    def rows(self) -> list[list]:
        """Return one row per need to gain, in :meth:`columns` order."""
        keys = self.columns()
        return [[need if k == "need" else _plain(entry.get(k)) for k in keys] for need, entry in self.needs()]

    def __repr__(self) -> str:
        g = self.gap
        return (f"<SkillGap {g.source['label']} → {g.target['label']}: {_plural(len(g.skills_to_gain), 'skill')}, "
                f"{_plural(len(g.tools_to_gain), 'tool')} to gain; "
                f"{len(g.skills_shared) + len(g.tools_shared)} covered>")

    def _repr_html_(self) -> str:
        g = self.gap
        covered = labels((*g.skills_shared, *g.tools_shared)) or "nothing yet"
        order = labels(g.learning_order)
        return html_block(f"From {g.source['label']} to {g.target['label']}", html_table(self.columns(), self.rows()),
                          lines=[f"Already covered: {covered}", *([f"Learning order: {order}"] if order else [])])

    def to_pandas(self):
        """Return one row per skill, tool or prerequisite to gain, essential first, with who teaches it."""
        return data_frame(self.columns(), self.rows())


def _plain(value):
    """A cell for a table: node dicts (teachers, builders-on) become their labels."""
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], dict):
        return [item.get("label", item.get("id")) for item in value]
    return value


@dataclass(frozen=True)
class Moves:
    """Ranked moves out of ``role`` (``CareerGraph.next``); iterate for each move."""

    role: dict
    moves: tuple

    def __len__(self) -> int:
        return len(self.moves)

    def __iter__(self):
        return iter(self.moves)

    def __getitem__(self, index):
        return self.moves[index]

    def as_dict(self) -> dict:
        """Return what ``mlgraph next --json`` prints."""
        return {"role": self.role, "moves": [m.as_dict() for m in self.moves]}

    def rows(self) -> list[list]:
        """Return one row per move, in :data:`MOVE_COLUMNS` order."""
        return [[rank, m.node["label"], m.kind, m.kind_reason, m.relation_text, round(m.similarity, 4),
                 round(m.coverage, 4), [i["label"] for i in m.shared], [i["label"] for i in m.to_gain], m.node["id"]]
                for rank, m in enumerate(self.moves, 1)]

    def __repr__(self) -> str:
        head = f"<Moves from {self.role['label']}: {_plural(len(self), 'move')}>"
        return "\n".join([head, *(f"  {r[0]}. {r[1]} ({r[2]}, similarity {r[5]:.2f})" for r in self.rows())])

    def _repr_html_(self) -> str:
        return html_block(f"Next moves from {self.role['label']}", html_table(MOVE_COLUMNS, self.rows()))

    def to_pandas(self):
        """Return one row per move: rank, role, kind and why, relation, similarity, coverage, needs."""
        return data_frame(MOVE_COLUMNS, self.rows())


MOVE_COLUMNS = ("rank", "label", "kind", "why", "relation", "similarity", "coverage", "shared", "to_gain", "id")


@dataclass(frozen=True)
class StudyPlan:
    """A Markdown study plan for ``route`` (``CareerGraph.plan``); ``str()`` gives the Markdown."""

    route: object  # mlgraph.career.paths.Route
    markdown: str
    cost: str = "skills"

    def __str__(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return (f"<StudyPlan {labels(self.route.nodes).replace(', ', ' → ')}: {_plural(self.route.hops, 'step')}, "
                f"{len(self.markdown.splitlines())} lines of Markdown>")

    def _repr_markdown_(self) -> str:
        return self.markdown  # labels are escaped for Markdown when the plan is written

    def as_dict(self) -> dict:
        """Return the plan's route (as ``path --json`` shows a route), its cost measure and its Markdown."""
        return {"source": self.route.nodes[0], "target": self.route.nodes[-1], "cost": self.cost,
                "route": self.route.as_dict(), "markdown": self.markdown}

    def save(self, path: str | Path) -> Path:
        """Write the Markdown to ``path`` atomically, creating folders; return the path."""
        from mlgraph.career.plan import write_plan

        write_plan(self.markdown, Path(path))
        return Path(path)
