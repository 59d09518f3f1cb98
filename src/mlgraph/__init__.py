"""mlgraph: a sourced knowledge graph of machine-learning careers.

From Python, :func:`load` the graph and ask it what the command line asks::

    import mlgraph
    g = mlgraph.load()
    g.route("data scientist", "machine learning architect")

The library is organised by concept in subpackages: :mod:`mlgraph.rdf` reads, writes, queries
and validates the RDF graph; :mod:`mlgraph.career` loads the career network (cached) and answers
questions about it (names, routes, gaps, moves, plans); :mod:`mlgraph.map` draws it as an offline
HTML page; :mod:`mlgraph.storage` writes files and keeps the cache. :mod:`mlgraph.api` and
:mod:`mlgraph.results` are the Python API over them, and the command line in :mod:`mlgraph.cli`
is a thin layer over that API.

Importing mlgraph imports nothing heavy: the API loads when first used.
"""

__version__ = "0.1.0"

#: Public names and the module each comes from, imported on first use.
_LAZY = {
    "load": "mlgraph.api",
    "CareerGraph": "mlgraph.api",
    **dict.fromkeys(("Routes", "SkillGap", "Moves", "StudyPlan", "Card", "Nodes", "Stats"), "mlgraph.results"),
    "QueryResult": "mlgraph.results.rdf",
    "Validation": "mlgraph.results.rdf",
    "Map": "mlgraph.map.notebook",
    "MlgraphError": "mlgraph.errors",
    "NothingFound": "mlgraph.errors",
    "NameNotFound": "mlgraph.errors",
    "AmbiguousName": "mlgraph.errors",
    "NoRoute": "mlgraph.errors",
    "BadInput": "mlgraph.errors",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'mlgraph' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
