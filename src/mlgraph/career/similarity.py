"""How alike two imported occupations are: what they need (importance and level), use, and how they are classified.

The score of a move from occupation A to occupation B adds five documented components:

- **knowledge and skills** (weight 6): the Pearson correlation of A's and B's O*NET ratings,
  taken per block (knowledge importance 1.5, skill importance 1, knowledge level 0.5, skill
  level 0.5; weighted mean, -1..1). A correlation compares the shape of two profiles, so two
  occupations that rank the same areas high agree even if one rates everything higher. Knowledge
  weighs more because it tells occupations apart better (measured). Missing when either side
  has no ratings (O*NET does not rate some newer occupations).
- **technology** (weight 1): cosine of the technologies both use, each weighted by its rarity
  (log of occupations over occupations using it), so sharing TensorFlow says more than sharing
  Microsoft Excel. 0..1.
- **occupation family** (0.3 for the same SOC minor group, e.g. 15-1; 0.2 more for the same broad
  occupation, e.g. 15-125): the taxonomy's own grouping of the codes, not the titles.
- **job zone** (-0.1 per zone apart): preparation needed, 1-5. The move is an *advancement*
  when B's zone is higher, *lateral* when equal, a *step down* when lower.
- **title words** (weight 1, off unless asked): cosine of rarity-weighted title words; used only
  to report how much titles would add, because O*NET's own related lists partly come from titles.

The weights were tuned on half of O*NET's related-occupation lists (even positions by code) and
are reported on the other half by ``mlgraph eval onet-related``.

>>> round(correlation([1.0, 2.0, 3.0], [2.0, 4.0, 6.5]), 3)
0.998
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

WEIGHTS = {"profile": 6.0, "technology": 1.0, "minor_group": 0.3, "broad_group": 0.2, "job_zone": 0.1, "titles": 1.0}

#: Rating blocks of the knowledge-and-skills profile: (element prefix, scale, weight).
BLOCKS = ((("2.C",), "importance", 1.5), (("2.A", "2.B"), "importance", 1.0),
          (("2.C",), "level", 0.5), (("2.A", "2.B"), "level", 0.5))

NEEDS = ("requiresSkill", "optionalSkill", "minorSkill")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Similarity:
    """A score and its parts: the raw value of each component and what it adds to the score."""

    score: float
    parts: dict[str, float]
    contributions: dict[str, float]
    direction: str

    def as_dict(self) -> dict:
        return {"score": round(self.score, 4), "direction": self.direction,
                "parts": {k: None if math.isnan(v) else round(v, 4) for k, v in self.parts.items()},
                "contributions": {k: round(v, 4) for k, v in self.contributions.items()}}


def correlation(a: Sequence[float], b: Sequence[float]) -> float:
    """Return the Pearson correlation of two equally long sequences (0 if either is constant)."""
    import numpy as np

    x, y = np.asarray(a, float) - np.mean(a), np.asarray(b, float) - np.mean(b)
    norm = float(np.linalg.norm(x) * np.linalg.norm(y))
    return float(x @ y / norm) if norm else 0.0


class SimilarityIndex:
    """Everything the score needs about a set of roles, as arrays, so one role is compared with all at once."""

    def __init__(self, G: nx.MultiDiGraph, roles: Sequence[str], titles: bool = False) -> None:
        import numpy as np

        self.G, self.roles, self.titles = G, list(roles), titles
        self.position = {r: i for i, r in enumerate(self.roles)}
        ratings = [role_ratings(G, r) for r in self.roles]
        elements = sorted({e for rated in ratings for e in rated})
        self.rated = np.array([bool(r) for r in ratings])
        self.blocks = []
        for prefixes, scale, weight in BLOCKS:
            cols = [e for e in elements if e.startswith(prefixes)]
            empty = 1.0 if scale == "importance" else 0.0  # unrated: not important, no level
            M = np.array([[r.get(e, {}).get(scale, empty) for e in cols] for r in ratings], float).reshape(len(ratings), len(cols))
            self.blocks.append((_unit_rows(M - M.mean(axis=1, keepdims=True) if M.size else M), weight))
        self.tech = _rarity_vectors(self.roles, [tools_of(G, r) for r in self.roles])
        self.words = _rarity_vectors(self.roles, [set(_WORD.findall(G.nodes[r]["label"].casefold())) for r in self.roles])
        self.zone = np.array([G.nodes[r].get("job_zone", np.nan) for r in self.roles], float)
        self.codes = [G.nodes[r].get("onet", "") for r in self.roles]
        self.minor = np.array([c[:4] or f"none {i}" for i, c in enumerate(self.codes)])
        self.broad = np.array([c[:6] or f"none {i}" for i, c in enumerate(self.codes)])
        self._gram: dict = {}

    def compare_all(self) -> None:
        """Compute every pair's products at once: faster when most roles will be compared (evaluation)."""
        self._gram = {"profile": sum(w * (B @ B.T) for B, w in self.blocks) / sum(w for _, w in self.blocks),
                      "technology": self.tech @ self.tech.T, "titles": self.words @ self.words.T}

    def parts(self, role: str) -> dict:
        """Return each component's raw values (arrays over all roles) for moves out of ``role``."""
        import numpy as np

        i = self.position[role]
        gram = self._gram
        profile = gram["profile"][i] if gram else \
            sum(w * (B @ B[i]) for B, w in self.blocks) / sum(w for _, w in self.blocks)
        return {
            "profile": np.where(self.rated & self.rated[i], profile, np.nan),
            "technology": gram["technology"][i] if gram else self.tech @ self.tech[i],
            "minor_group": (self.minor == self.minor[i]).astype(float),
            "broad_group": (self.broad == self.broad[i]).astype(float),
            "job_zone": self.zone - self.zone[i],
            "titles": gram["titles"][i] if gram else self.words @ self.words[i],
        }

    def scores(self, role: str):
        """Return the score of every role as a move out of ``role`` (its own score is -inf)."""
        import numpy as np

        parts = self.parts(role)
        total = (WEIGHTS["profile"] * np.nan_to_num(parts["profile"]) + WEIGHTS["technology"] * parts["technology"]
                 + WEIGHTS["minor_group"] * parts["minor_group"] + WEIGHTS["broad_group"] * parts["broad_group"]
                 - WEIGHTS["job_zone"] * np.abs(np.nan_to_num(parts["job_zone"])))
        if self.titles:
            total = total + WEIGHTS["titles"] * parts["titles"]
        total[self.position[role]] = -np.inf
        return total

    def explain(self, source: str, target: str, parts: dict | None = None) -> Similarity:
        """Return the score of the move ``source`` -> ``target`` with its components."""
        j = self.position[target]
        parts = parts if parts is not None else self.parts(source)
        raw = {k: float(v[j]) for k, v in parts.items() if k != "titles" or self.titles}
        contributions = {k: WEIGHTS[k] * (0.0 if math.isnan(v) else (-abs(v) if k == "job_zone" else v))
                         for k, v in raw.items()}
        return Similarity(sum(contributions.values()), raw, contributions, direction(raw["job_zone"]))


def direction(zone_change: float) -> str:
    """Return how a move changes the preparation needed: advancement, lateral or step down.

    >>> direction(1), direction(0), direction(-2), direction(float("nan"))
    ('advancement', 'lateral', 'step down', 'unknown')
    """
    if math.isnan(zone_change):
        return "unknown"
    return "advancement" if zone_change > 0 else "lateral" if zone_change == 0 else "step down"


def role_ratings(G: nx.MultiDiGraph, role: str) -> dict[str, dict[str, float]]:
    """Return ``{element ID: {"importance": IM, "level": LV}}`` from the imported needs of ``role``.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("math", onet_element="2.A.1.e")
    >>> _ = G.add_edge("stat", "math", "requiresSkill",
    ...                evidence=[{"evidence": "imported", "onetImportance": 4.88, "onetLevel": 5.38}])
    >>> role_ratings(G, "stat")
    {'2.A.1.e': {'importance': 4.88, 'level': 5.38}}
    """
    from mlgraph.career.occupations import imported_figures

    ratings = {}
    for _, skill, key, attrs in G.out_edges(role, keys=True, data=True):
        element = G.nodes[skill].get("onet_element")
        figures = imported_figures(attrs) if key in NEEDS and element else {}
        if "onetImportance" in figures:
            ratings[element] = {name: figures[f"onet{name.title()}"] for name in ("importance", "level")
                                if f"onet{name.title()}" in figures}
    return ratings


def tools_of(G: nx.MultiDiGraph, role: str) -> set[str]:
    """Return the tools ``role`` uses.

    >>> G = nx.MultiDiGraph([("stat", "r", "usesTool"), ("stat", "math", "requiresSkill")])
    >>> tools_of(G, "stat")
    {'r'}
    """
    return {t for _, t, key in G.out_edges(role, keys=True) if key == "usesTool"}


def has_imported_profile(G: nx.MultiDiGraph, role: str) -> bool:
    """Return True if ``role`` carries imported ratings or is an imported occupation."""
    from mlgraph.career.occupations import is_occupation

    return is_occupation(G, role) or bool(role_ratings(G, role))


def imported_roles(G: nx.MultiDiGraph) -> list[str]:
    """Return the roles the similarity compares: those with an imported profile, sorted."""
    return sorted(n for n, t in G.nodes(data="type") if t == "Role" and has_imported_profile(G, n))


def score(G: nx.MultiDiGraph, a: str, b: str) -> Similarity:
    """Return the similarity of a move from ``a`` to ``b`` among the graph's imported roles."""
    return SimilarityIndex(G, imported_roles(G)).explain(a, b)


def rank_similar(G: nx.MultiDiGraph, role: str, n: int | None = None) -> list[tuple[str, Similarity]]:
    """Return the ``n`` (default all) other imported roles most similar to ``role``, best first, ties by IRI."""
    import numpy as np

    index = SimilarityIndex(G, imported_roles(G))
    totals, parts = index.scores(role), index.parts(role)
    order = [j for j in np.argsort(-totals, kind="stable") if index.roles[j] != role][:n]
    return [(index.roles[j], index.explain(role, index.roles[j], parts)) for j in order]


def _unit_rows(M):
    import numpy as np

    norms = np.linalg.norm(M, axis=1, keepdims=True)
    return M / np.where(norms == 0, 1, norms)


def _rarity_vectors(roles: Sequence[str], sets: Sequence[set[str]]):
    """Return unit rows weighting each item by log(roles / roles having it)."""
    import numpy as np

    items = sorted(set().union(*sets)) if sets else []
    column = {item: k for k, item in enumerate(items)}
    M = np.zeros((len(roles), len(items)))
    for i, chosen in enumerate(sets):
        M[i, [column[x] for x in chosen]] = 1.0
    M *= np.log(len(roles) / np.maximum(M.sum(axis=0), 1))
    return _unit_rows(M)
