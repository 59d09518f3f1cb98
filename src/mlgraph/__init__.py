"""mlgraph: a sourced knowledge graph of machine-learning careers.

The library is organised by concept: :mod:`mlgraph.network` loads the graph (cached),
:mod:`mlgraph.names` resolves what people type, :mod:`mlgraph.paths` finds routes between roles,
:mod:`mlgraph.describe` builds node cards and statistics. The command line in :mod:`mlgraph.cli`
is a thin layer over them.
"""

__version__ = "0.1.0"
