"""mlgraph: a sourced knowledge graph of machine-learning careers.

The library is organised by concept in subpackages: :mod:`mlgraph.rdf` reads, writes, queries
and validates the RDF graph; :mod:`mlgraph.career` loads the career network (cached) and answers
questions about it (names, routes, gaps, moves, plans); :mod:`mlgraph.map` draws it as an offline
HTML page; :mod:`mlgraph.storage` writes files and keeps the cache. The command line in
:mod:`mlgraph.cli` is a thin layer over them.
"""

__version__ = "0.1.0"
