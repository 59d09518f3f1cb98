"""What a career step costs, so routes can be the shortest, the least to learn, or a mix.

A step from ``u`` to ``v`` asks the person to learn what ``v`` needs that they do not yet have
(the skills and tools of ``u``, or what an education path ``u`` teaches, plus their profile):

- ``hops``: every step costs 1, the route with fewest steps wins;
- ``skills``: each new essential skill costs 1, each new optional (good-to-have) skill 0.5,
  each new tool or language 1; a step with nothing new still costs ``EPSILON`` (0.01), so
  shorter routes win ties and a loop of free steps can never look cheaper than staying put;
- ``blend``: 1 per step plus the ``skills`` cost, so one extra step is worth one new skill.

The cost is counted per step, against the role just left: a route's total is the sum of its
steps (a skill needed again two steps later, after being dropped, counts twice).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edges_from([("a", "sql", "requiresSkill"), ("b", "sql", "requiresSkill"),
...                       ("b", "ml", "requiresSkill"), ("b", "talk", "optionalSkill")])
>>> for n in ("a", "b"): G.nodes[n]["type"] = "Role"
>>> skills_cost(G, "a", "b"), blend_cost(G, "a", "b"), skills_cost(G, "a", "b", have={"ml", "talk"})
(1.5, 2.5, 0.01)
"""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx

from mlgraph.career.gap import missing_needs
from mlgraph.career.network import capabilities, skills_needed, tools_needed
from mlgraph.career.paths import StepCost, hop_cost
from mlgraph.errors import BadInput

#: What learning one item costs: an essential skill, a good-to-have skill, a tool or language.
ESSENTIAL, OPTIONAL, TOOL = 1.0, 0.5, 1.0

#: The least a step costs under ``skills`` and ``blend``: never zero, so free loops cannot win.
EPSILON = 0.01


def need_weights(G: nx.MultiDiGraph, role: str) -> dict[str, float]:
    """Return what a role needs, weighted: essential skills 1, optional 0.5, tools 1.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edges_from([("r", "sql", "requiresSkill"), ("r", "py", "usesTool")])
    >>> need_weights(G, "r")
    {'sql': 1.0, 'py': 1.0}
    """
    weights = {skill: ESSENTIAL if essential else OPTIONAL for skill, essential in skills_needed(G, role).items()}
    for tool in tools_needed(G, role):
        weights[tool] = max(weights.get(tool, 0.0), TOOL)
    return weights


def learning_cost(skills: dict[str, bool], tools: Collection[str]) -> float:
    """Return the cost of learning ``skills`` (node -> essential?) and ``tools``, at least EPSILON.

    >>> learning_cost({"sql": True, "talk": False}, {"python"})
    2.5
    """
    total = sum(ESSENTIAL if essential else OPTIONAL for essential in skills.values()) + TOOL * len(tools)
    return max(total, EPSILON)


def skills_cost(G: nx.MultiDiGraph, u: str, v: str, have: Collection[str] = frozenset()) -> float:
    """Return what moving from ``u`` to ``v`` asks to learn, given ``u``'s capabilities and ``have``."""
    skills, tools = missing_needs(G, capabilities(G, u) | set(have), v)
    return learning_cost(skills, tools)


def blend_cost(G: nx.MultiDiGraph, u: str, v: str, have: Collection[str] = frozenset()) -> float:
    """Return 1 for the step plus its ``skills`` cost."""
    return 1.0 + skills_cost(G, u, v, have)


#: The named cost functions ``--cost`` accepts, best-known first.
COSTS = {"hops": hop_cost, "skills": skills_cost, "blend": blend_cost}


def step_cost(name: str, have: Collection[str] = frozenset()) -> StepCost:
    """Return the step cost called ``name`` for a person who already has ``have``.

    >>> step_cost("hops") is hop_cost
    True
    """
    if name not in COSTS:
        raise BadInput(f"unknown cost {name!r}; known costs: {', '.join(COSTS)}")
    chosen = COSTS[name]
    if chosen is hop_cost:
        return hop_cost
    held = frozenset(have)
    return lambda G, u, v: chosen(G, u, v, held)
