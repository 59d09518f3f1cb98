"""What the Python API returns: small frozen records that print, display and convert.

Each result keeps the library's own answer and adds what a Python user reaches for:
``as_dict()`` (exactly the JSON the command line prints with ``--json``), a readable ``repr``,
``_repr_html_`` (escaped HTML tables, for notebooks) and, where the answer is a table,
``to_pandas()`` (pandas is an optional extra, imported only then).
"""

from mlgraph.results.graph import Card, Nodes, Stats
from mlgraph.results.guidance import Moves, Routes, SkillGap, StudyPlan

__all__ = ["Card", "Moves", "Nodes", "Routes", "SkillGap", "Stats", "StudyPlan"]
