"""The ``viz`` command: write the interactive map as one offline HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from mlgraph.cli.base import have_option, load_have, pass_settings
from mlgraph.errors import BadInput

ROUTE_ENDS = ("Role", "EducationPath")


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("out/mlgraph.html"), show_default=True, help="Where to write the page.")
@click.option("--path", "ends", nargs=2, metavar="SOURCE TARGET", default=None,
              help="Show the route(s) between two roles, numbered step by step.")
@click.option("-k", "k", type=int, default=None, help="With --path: how many routes (default 1).")
@click.option("--focus", metavar="NAME", help="Show one node and its neighbourhood.")
@click.option("--depth", type=int, default=None, help="With --focus: how many links out (default 1).")
@click.option("--type", "types", metavar="TYPE[,TYPE...]",
              help="Draw only these node types, e.g. Role,Skill (routes and the focus always stay).")
@click.option("--max-nodes", type=int, default=None,
              help="Draw at most this many nodes, best connected first (default 2000).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the web browser.")
@have_option
@pass_settings
def viz(settings, output, ends, k, focus, depth, types, max_nodes, open_page, have_file):
    """Write an interactive map of the graph: one HTML file that works offline.

    The page has a search box, type filters, node cards with their sources, and a route
    finder. Nothing is fetched from the network when it is opened.

    \b
    Examples:
      mlgraph viz
      mlgraph viz --path "data scientist" "machine learning architect" -k 2
      mlgraph viz --focus python --depth 2 -o out/python.html --open
      mlgraph viz --type Role,EducationPath
      mlgraph viz --path "software engineer" "ml engineer" --have me.txt
    """
    from mlgraph.map.html import generate_html, write_html
    from mlgraph.map.layout_cache import cached_positions

    _check_options(ends, k, focus, depth)
    G = settings.network()
    have = load_have(G, have_file) if have_file else None
    view = choose_view(G, ends, k or 1, focus, depth or 1, types, max_nodes, have or ())
    write_html(generate_html(G, view, cached_positions(G, view), have=have), output)
    for note in (*view.remarks, view.left_out_note()):
        if note:
            click.echo(f"mlgraph: {note}", err=True)
    edges = G.subgraph(view.nodes).number_of_edges()
    click.echo(f"Wrote {output} ({len(view.nodes):,} nodes, {edges:,} relations): {view.title}", err=True)
    if open_page:
        import webbrowser

        webbrowser.open(Path(output).resolve().as_uri())


def _check_options(ends, k, focus, depth) -> None:
    if ends and focus:
        raise BadInput("give either --path SOURCE TARGET or --focus NAME, not both")
    if k is not None and not ends:
        raise BadInput("-k goes with --path SOURCE TARGET")
    if depth is not None and not focus:
        raise BadInput("--depth goes with --focus NAME")


def choose_view(G, ends, k: int, focus, depth: int, types, max_nodes, have=()):
    """Return the view the options ask for: routes, a neighbourhood or the whole graph, filtered.

    >>> from mlgraph.career.network import load_network
    >>> view = choose_view(load_network(), None, 1, "python", 1, "Role", None)
    >>> view.title, view.hidden_types
    ('Around Python (1 step)', ('EducationPath', 'Skill'))
    """
    from mlgraph.career.names import resolve
    from mlgraph.map.views import (
        DEFAULT_MAX_NODES, DEFAULT_TYPES, focus_view, keep_types, limit_nodes, route_view, whole_view,
    )

    wanted = parse_types(types) if types else None
    if ends:
        from mlgraph.career.paths import find_routes

        source, target = (resolve(G, name, ROUTE_ENDS) for name in ends)
        view = route_view(G, find_routes(G, source, target, k=k, have=have), asked=k, have=have)
    elif focus:
        view = focus_view(G, resolve(G, focus), depth)
    else:
        view = whole_view(G, wanted or DEFAULT_TYPES)
    if wanted:
        view = keep_types(G, view, wanted)
    return limit_nodes(G, view, DEFAULT_MAX_NODES if max_nodes is None else max_nodes)


def parse_types(text: str) -> tuple[str, ...]:
    """Return the node types named in a comma-separated list (any case, singular or plural).

    >>> parse_types("roles, Skill,education path")
    ('Role', 'Skill', 'EducationPath')
    """
    from mlgraph.cli.explore import parse_type

    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise BadInput(f"--type {text!r} names no type; e.g. --type Role,Skill")
    return tuple(dict.fromkeys(parse_type(name) for name in names))
