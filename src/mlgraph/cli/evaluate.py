"""Commands that measure mlgraph's advice: ``mlgraph eval onet-related``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mlgraph.cli.base import echo_json, json_option


@click.group("eval")
def eval_group():
    """Measure mlgraph's advice against held-out expert judgements.

    \b
    Examples:
      mlgraph eval onet-related data/onet-29.2
    """


@eval_group.command("onet-related")
@click.argument("folder", type=click.Path(path_type=Path))
@json_option
def onet_related(folder, as_json):
    """Score `next`'s similarity against O*NET's related occupations, which it never sees.

    The graph is built from FOLDER's O*NET files without Related Occupations.txt; for each of
    the occupations with a related list every other occupation is ranked, and the ranking
    scored: R@10 and R@20 (share of the 10 Primary links in the top 10 / 20), P@5 (Primary-Short
    in the top 5), nDCG@20 (Primary-Short 3, Primary-Long 2, Supplemental 1), MRR (first
    Primary-Short). Beside it, in the same run: a random ranking, a plain cosine of skill and
    knowledge importance, the similarity without its occupation-family part, and with title words.
    Takes about two minutes on the full release.

    \b
    Examples:
      mlgraph eval onet-related ../shared/data/onet-29.2
      mlgraph eval onet-related ../shared/data/onet-29.2 --json
    """
    from mlgraph.evaluate.onet_related import evaluate, held_out_network, related_lists, render_table

    lists = related_lists(folder)
    if sys.stderr.isatty():
        click.echo("building the graph without the related occupations ...", err=True)
    G = held_out_network(folder)
    rows = evaluate(G, lists)
    if as_json:
        echo_json({"occupations": len(lists), "rankings": [row.as_dict() for row in rows]})
    else:
        click.echo(render_table(rows, len(lists)))
