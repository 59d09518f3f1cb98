"""The ``mlgraph`` command line: a thin layer over the library.

The group only records global options; each command loads what it needs, so ``--help`` and
quick queries stay fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from mlgraph import __version__
from mlgraph.cli.base import MlgraphGroup, Settings
from mlgraph.cli.card import show
from mlgraph.cli.explore import list_nodes, path, search, stats
from mlgraph.cli.guide import gap, next_role, plan
from mlgraph.cli.evaluate import eval_group
from mlgraph.cli.imports import import_group
from mlgraph.cli.rdf import export, query, validate
from mlgraph.cli.remote import push, server_options, server_settings
from mlgraph.cli.viz import viz


@click.group(cls=MlgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", "data", multiple=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path),
              help="Merge your own RDF file with the built-in graph (repeatable). "
                   "Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads, by suffix.")
@click.option("--no-builtin", is_flag=True,
              help="Leave out the built-in data: use only the schema and your --data files.")
@click.option("--no-cache", is_flag=True, help="Parse the RDF files again instead of using the cache.")
@server_options
@click.version_option(__version__, prog_name="mlgraph")
@click.pass_context
def main(ctx: click.Context, data: tuple[Path, ...], no_builtin: bool, no_cache: bool, **server) -> None:
    """Explore a sourced knowledge graph of machine-learning careers.

    Ask for routes between roles, what a role needs, and where each fact comes from.

    \b
    Examples:
      mlgraph path "data scientist" "machine learning architect"
      mlgraph show "ml engineer"
      mlgraph search spark
      mlgraph --data mine.ttl stats
      mlgraph --endpoint http://127.0.0.1:7878 show "ml engineer"
    """
    ctx.obj = Settings(data=data, use_cache=not no_cache, builtin=not no_builtin,
                       remote=server_settings(**server))


for command in (path, show, list_nodes, search, stats, gap, next_role, plan, viz, export, query, validate, push,
                import_group, eval_group):
    main.add_command(command)
