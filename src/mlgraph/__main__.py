"""Allow ``python -m mlgraph``."""

from mlgraph.cli import main

main()
