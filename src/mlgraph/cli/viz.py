"""The ``viz`` command: write the interactive map as one offline HTML file, or a picture of it."""

from __future__ import annotations

from pathlib import Path

import click

from mlgraph.cli.base import have_option, load_have, pass_settings
from mlgraph.errors import BadInput

FORMATS = ("html", "png", "svg")


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the page or picture.  [default: out/mlgraph.html, .png or .svg]")
@click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default=None,
              help="html (the interactive page), or a png or svg picture of it; "
                   "by default from the output's suffix, else html.")
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
@click.option("--force", is_flag=True, help="Replace FILE even if mlgraph did not write it.")
@have_option
@pass_settings
def viz(settings, output, fmt, ends, k, focus, depth, types, max_nodes, open_page, force, have_file):
    """Write an interactive map of the graph: one HTML file that works offline.

    The page has a search box, type filters, node cards with their sources, and a route
    finder. Nothing is fetched from the network when it is opened. With --format png or svg
    (or an -o ending in .png or .svg) it writes a picture instead, drawn by headless Chromium
    through Playwright when available, else by matplotlib.

    \b
    Examples:
      mlgraph viz
      mlgraph viz --path "data scientist" "machine learning architect" -k 2
      mlgraph viz --focus python --depth 2 -o out/python.html --open
      mlgraph viz --type Role,EducationPath
      mlgraph viz --path "software engineer" "ml engineer" --have me.txt
      mlgraph viz --path "data scientist" "ml architect" --format png -o route.png
    """
    from mlgraph.storage.records import check_replaceable

    _check_options(ends, k, focus, depth)
    fmt, output = choose_format(fmt, output)
    check_replaceable(output, "the map" if fmt == "html" else "the picture", force)
    g = settings.graph()
    have = load_have(g, have_file)
    options = dict(path=ends, k=k or 1, focus=focus, depth=depth or 1, types=types, max_nodes=max_nodes, have=have)
    if fmt == "html":
        drawn = g.map(**options)
        drawn.save(output, force=force)
        view = drawn.view
    else:
        from mlgraph.map.picture import make_picture
        from mlgraph.storage.records import write_owned

        view = g.map_view(**options)
        if output.is_dir():
            raise BadInput(f"{output}: is a folder; cannot write the picture there, give a file name")
        write_owned(output, make_picture(g.network, view, fmt, have.have if have else None), "the picture", force)
    G = g.network
    for note in (*view.remarks, view.left_out_note()):
        if note:
            click.echo(f"mlgraph: {note}", err=True)
    edges = G.subgraph(view.nodes).number_of_edges()
    click.echo(f"Wrote {output} ({len(view.nodes):,} nodes, {edges:,} relations): {view.title}", err=True)
    if open_page:
        import webbrowser

        webbrowser.open(Path(output).resolve().as_uri())


def choose_format(fmt: str | None, output: Path | None) -> tuple[str, Path]:
    """Return the format and output file: the format asked for, else the output's suffix, else html.

    >>> choose_format(None, Path("route.PNG")), choose_format("svg", None)
    (('png', PosixPath('route.PNG')), ('svg', PosixPath('out/mlgraph.svg')))
    """
    suffix = output.suffix.lower().lstrip(".") if output else ""
    fmt = (fmt or (suffix if suffix in FORMATS else "html")).lower()
    return fmt, output or Path(f"out/mlgraph.{fmt}")


def _check_options(ends, k, focus, depth) -> None:
    if ends and focus:
        raise BadInput("give either --path SOURCE TARGET or --focus NAME, not both")
    if k is not None and not ends:
        raise BadInput("-k goes with --path SOURCE TARGET")
    if depth is not None and not focus:
        raise BadInput("--depth goes with --focus NAME")
