"""What a career step costs, so routes can be the shortest, the least to learn, or a mix.

A step from ``u`` to ``v`` asks the person to learn what ``v`` needs that they do not yet have
(the skills and tools of ``u``, or what an education path ``u`` teaches, plus their profile;
on a route, also what every earlier role of the route needed, so nothing is charged twice):

- ``hops``: every step costs 1, the route with fewest steps wins;
- ``skills``: the sum of the importance (0..1, see :mod:`mlgraph.career.evidence`) of the new
  needs, skills and tools alike, each counted once (narrower needs under a broader one, and
  alternatives, count as one); a step with nothing new still costs ``EPSILON`` (0.01), so
  shorter routes win ties and a loop of free steps can never look cheaper than staying put;
- ``blend``: 1 per step plus the ``skills`` cost, so one extra step is worth one need of full importance.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> stated = {"evidence": [{"source": "s", "evidence": "stated", "grade": "essential"}]}
>>> _ = G.add_edges_from([("a", "sql", "requiresSkill", stated), ("b", "sql", "requiresSkill", stated),
...                       ("b", "ml", "requiresSkill", stated), ("b", "talk", "optionalSkill", {"evidence": []})])
>>> for n in G: G.nodes[n].update(type="Role" if n in "ab" else "Skill", label=n)
>>> skills_cost(G, "a", "b"), blend_cost(G, "a", "b"), skills_cost(G, "a", "b", have={"ml", "talk"})
(0.9875, 1.9875, 0.01)
"""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx

from mlgraph.career.needs import capabilities, missing_needs, role_needs
from mlgraph.career.paths import StepCost, hop_cost
from mlgraph.career.ranking import group_items, items_cost
from mlgraph.errors import BadInput

#: The least a step costs under ``skills`` and ``blend``: never zero, so free loops cannot win.
EPSILON = 0.01


def need_weights(G: nx.MultiDiGraph, role: str) -> dict[str, float]:
    """Return what a role needs, each need weighted by its importance.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("r", "py", key="usesTool", evidence=[{"source": "s", "evidence": "listed", "grade": None}])
    >>> need_weights(G, "r")
    {'py': 0.375}
    """
    return {node: need["importance"] for node, need in role_needs(G, role).items()}


def skills_cost(G: nx.MultiDiGraph, u: str, v: str, have: Collection[str] = frozenset(),
                known: Collection[str] | None = None) -> float:
    """Return what moving from ``u`` to ``v`` asks to learn, given ``u``'s capabilities (or ``known``) and ``have``."""
    had = set(capabilities(G, u) if known is None else known) | set(have)
    return max(items_cost(group_items(G, missing_needs(G, had, v))), EPSILON)


def blend_cost(G: nx.MultiDiGraph, u: str, v: str, have: Collection[str] = frozenset(),
               known: Collection[str] | None = None) -> float:
    """Return 1 for the step plus its ``skills`` cost."""
    return 1.0 + skills_cost(G, u, v, have, known)


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
    # ``known``: what the route so far has taught, so that a route does not pay twice for a need.
    return lambda G, u, v, known=None: chosen(G, u, v, held, known)
