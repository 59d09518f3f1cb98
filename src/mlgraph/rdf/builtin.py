"""Where the built-in ontology lives, and which of its files make up the graph.

Free of rdflib, so that finding the files (to check the cache) costs nothing.

>>> [p.name for p in builtin_files()][:2]
['schema.ttl', 'sources.ttl']
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from mlgraph.errors import BadInput

#: Top-level files first, in this order; then every file of ``data/`` by name.
_TOP_FILES = ("schema.ttl", "sources.ttl")


def ontology_dir() -> Path:
    """Return the folder of the built-in ontology (inside the installed package, or the repo)."""
    packaged = Path(str(resources.files("mlgraph"))) / "ontology"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "ontology"


def shapes_file() -> Path:
    """Return the SHACL shapes that mlgraph data must conform to (not part of the graph itself)."""
    return ontology_dir() / "shapes.ttl"


def builtin_files() -> list[Path]:
    """Return the Turtle files of the built-in graph in a stable order."""
    root = ontology_dir()
    if not root.is_dir():
        raise BadInput(f"built-in ontology not found at {root}; reinstall mlgraph")
    top = [root / name for name in _TOP_FILES if (root / name).is_file()]
    return top + sorted((root / "data").glob("*.ttl"))


def input_files(data: Sequence[Path] = (), builtin: bool = True) -> list[Path]:
    """Return the built-in ontology files (or only its schema) followed by the user's ``data`` files.

    >>> [p.name for p in input_files(["mine.ttl"], builtin=False)]
    ['schema.ttl', 'mine.ttl']
    """
    base = builtin_files() if builtin else [ontology_dir() / "schema.ttl"]
    return base + [Path(p) for p in data]
