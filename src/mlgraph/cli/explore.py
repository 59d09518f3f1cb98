"""Commands that explore the graph: path, list, search, stats (show is in :mod:`mlgraph.cli.card`)."""

from __future__ import annotations

import click

from mlgraph.cli.base import (
    Footnotes, cost_option, echo_json, have_option, json_option, load_have, pass_settings, wrap,
)
from mlgraph.career.evidence import best_class
from mlgraph.cli.needs_text import all_option, evidence_text, min_evidence_option, render_items
from mlgraph.errors import NothingFound
from mlgraph.rdf.vocab import NODE_TYPES, compact_iri

#: How many new needs a route step lists unless asked for all.
TOP_ITEMS = 10


@click.command()
@click.argument("source")
@click.argument("target")
@click.option("-k", "k", type=int, default=1, show_default=True, help="How many distinct routes to show, best first.")
@click.option("--via", multiple=True, metavar="NAME", help="Only routes through this node (repeatable, in order).")
@click.option("--avoid", multiple=True, metavar="NAME", help="Only routes that avoid this node (repeatable).")
@click.option("--max-hops", type=int, default=None, help="Only routes of at most this many steps.")
@cost_option
@have_option
@all_option
@min_evidence_option
@json_option
@pass_settings
def path(settings, source, target, k, via, avoid, max_hops, cost_name, have_file, show_all, min_evidence, as_json):
    """Find routes from SOURCE to TARGET over career steps and entry routes.

    Each step names the relation, the article(s) that support it and how (a step only listed in
    a table, or the editors' inference, says so and never outranks a stated one), and the ten
    most important needs of the next role not met earlier on the route (--all for every one).
    Names are matched forgivingly (label,
    synonym, CURIE or IRI, any case).

    \b
    Examples:
      mlgraph path "data scientist" "machine learning architect"
      mlgraph path "software developer" "ml engineer" -k 3 --json
      mlgraph path "data scientist" "ml architect" --avoid "machine learning specialist"
      mlgraph path "software engineer" "ml architect" --cost skills --have me.txt
    """
    g = settings.graph()
    routes = g.route(source, target, k=k, via=via, avoid=avoid, max_hops=max_hops, cost=cost_name,
                     have=load_have(g, have_file))
    if as_json:
        echo_json(routes.as_dict())
        return
    click.echo(render_routes(g.network, routes.paths, k, show_cost=cost_name != "hops",
                             limit=None if show_all else TOP_ITEMS, min_evidence=min_evidence))


def render_routes(G, routes, k: int, show_cost: bool = False, limit: int | None = TOP_ITEMS,
                  min_evidence: str | None = None) -> str:
    """Return routes as text: one numbered block per route, then the sources cited."""
    notes = Footnotes(G)
    blocks = []
    if len(routes) < k:
        blocks.append(f"Only {len(routes)} distinct route{'s' * (len(routes) != 1)} found (asked for {k}).")
    for number, route in enumerate(routes, 1):
        names = " → ".join(n["label"] for n in route.nodes)
        head = f"Route {number}" if len(routes) > 1 else "Route"
        cost = f", cost {route.cost:g}" if show_cost else ""
        lines = [wrap(f"{head}: {names}  ({route.hops} step{'s' * (route.hops != 1)}{cost})")]
        for i, step in enumerate(route.steps, 1):
            evidence = evidence_text(step.evidence, notes) if step.evidence else notes.cite(step.sources)
            lines.append(wrap((f"{best_class(step.evidence) or 'unsourced'} only: " if step.weak else "")
                              + f"{G.nodes[step.source]['label']} {step.relation_text} "
                              f"{G.nodes[step.target]['label']} {evidence}"
                              + (f"  (cost {step.cost:g})" if show_cost else ""),
                              indent="      ", first=f"  {i:>2}. "))
            lines.extend(_render_gains(G, step, notes, limit, min_evidence))
        blocks.append("\n".join(lines))
    blocks.append(notes.render())
    return "\n\n".join(b for b in blocks if b)


def _render_gains(G, step, notes, limit: int | None, min_evidence: str | None) -> list[str]:
    """The step's most important new needs by theme, and how many more there are."""
    from mlgraph.career.evidence import meets_minimum
    from mlgraph.career.ranking import top_items

    items = [i for i in step.items if meets_minimum(i["evidence"], min_evidence)]
    if not items:
        return []
    shown, left = top_items(G, items, limit)
    lines = [f"      new to learn ({len(items)}):", *render_items(shown, notes, indent="        ", detailed=False)]
    if left:
        lines.append(wrap(f"and {left} more: --all, or mlgraph gap \"{G.nodes[step.source]['label']}\" "
                          f"\"{G.nodes[step.target]['label']}\"", indent=" " * 10, first=" " * 10))
    return lines


@click.command("list")
@click.option("--type", "node_type", metavar="TYPE",
              help=f"Only nodes of this type: {', '.join(NODE_TYPES)} (any case, singular or plural).")
@json_option
@pass_settings
def list_nodes(settings, node_type, as_json):
    """List the nodes of the graph, by type then label.

    \b
    Examples:
      mlgraph list --type Tool
      mlgraph list --type roles --json
    """
    _print_nodes(settings.graph().list(node_type), as_json)


@click.command()
@click.argument("text", nargs=-1, required=True)
@json_option
@pass_settings
def search(settings, text, as_json):
    """Find nodes whose label, synonyms or description contain TEXT (every word, any case).

    \b
    Examples:
      mlgraph search spark
      mlgraph search deep learning --json
    """
    nodes = settings.graph().search(" ".join(text))
    if not nodes:
        raise NothingFound(f"nothing matches {' '.join(text)!r}; try fewer or shorter words, or `mlgraph list`")
    _print_nodes(nodes, as_json)


def _print_nodes(nodes, as_json) -> None:
    if as_json:
        echo_json(nodes.as_dict())
        return
    rows = [(n["label"], n["type"] + (f" ({n['kind']})" if "kind" in n else ""), compact_iri(n["id"])) for n in nodes]
    w1 = min(max((len(r[0]) for r in rows), default=0), 48)
    w2 = max((len(r[1]) for r in rows), default=0)
    for label, kind, iri in rows:
        click.echo(f"{label:<{w1}}  {kind:<{w2}}  {iri}")


@click.command()
@json_option
@pass_settings
def stats(settings, as_json):
    """Count the triples, the nodes by type and the relations by kind.

    \b
    Examples:
      mlgraph stats
      mlgraph --data mine.ttl stats --json
    """
    from mlgraph.career.network import relation_label

    g = settings.graph()
    counts = g.stats().as_dict()
    if as_json:
        echo_json(counts)
        return
    lines = [f"Triples: {counts['triples']:,}", f"Salary figures: {counts['salaries']}", "", "Nodes"]
    lines += [f"  {t:<16}{n:>6}" for t, n in counts["nodes"].items()]
    lines += ["", "Relations"]
    lines += [f"  {relation_label(g.network, r) + ' (' + r + ')':<44}{n:>6}" for r, n in counts["edges"].items()]
    click.echo("\n".join(lines))
