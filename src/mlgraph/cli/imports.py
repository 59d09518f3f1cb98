"""Commands that bring other taxonomies into mlgraph's vocabulary: ``mlgraph import onet``."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from mlgraph.cli.base import pass_settings


@click.group("import")
def import_group():
    """Turn another taxonomy's files into RDF in mlgraph's vocabulary.

    \b
    Examples:
      mlgraph import onet data/onet-29.2 -o onet.ttl
      mlgraph --data onet.ttl show "statisticians"
    """


@import_group.command("onet")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("-o", "--output", default="out/onet.ttl", show_default=True,
              help="File to write; the format follows its suffix (.ttl, .nt, .jsonld, .rdf, .trig, .nq); - for stdout.")
@click.option("--force", is_flag=True, help="Replace an existing file mlgraph did not write.")
@pass_settings
def import_onet(settings, folder, output, force):
    """Write the O*NET text files in FOLDER as RDF: occupations, needs, technology, related occupations.

    Occupations become roles (code, title, description, job zone, alternate titles); skills
    and knowledge become skills under the Content Model's hierarchy; each rating becomes a need
    (importance 3 or more: requires; 2 to 3: benefits from; below 2: hardly needs) whose
    statement keeps O*NET's importance, level, N, standard error, date, domain source and
    suppression flag; technologies become tools under their commodity class, with hot and
    in-demand flags; related occupations become career links with their tier and rank. Every
    relation cites src:onet-29.2 with evidence "imported". A technology named like a built-in
    tool (Python, R ...) is linked to that tool.

    \b
    Examples:
      mlgraph import onet ../shared/data/onet-29.2 -o onet.ttl
      mlgraph --data onet.ttl next "15-2051.00"
    """
    from mlgraph.career.names import normalize
    from mlgraph.career.network import load_network
    from mlgraph.importers.onet import read_onet
    from mlgraph.importers.onet_rdf import onet_triples
    from mlgraph.rdf.export import choose_format, write_export
    from mlgraph.rdf.plain import render_plain

    fmt, path = choose_format(output, None)
    G = load_network((), use_cache=settings.use_cache, builtin=settings.builtin)
    tools = {normalize(label): n for n, a in G.nodes(data=True) if a["type"] == "Tool"
             for label in (a["label"], *a.get("alt_labels", ()))}
    with _progress(folder) as advance:
        data = read_onet(folder, progress=advance)
        text = render_plain(onet_triples(data, tools), fmt)
        advance(1)
    if path is None:
        click.echo(text, nl=False)
        return
    write_export(text, path, force=force)
    click.echo(f"wrote {path}: {len(data.occupations)} occupations, {len(data.ratings)} ratings, "
               f"{len(data.technology)} technology links, {len(data.related)} related-occupation links", err=True)


@contextmanager
def _progress(folder: Path):
    """Yield a callback advancing a progress bar (bytes read, then one step to write), shown on a terminal only."""
    from mlgraph.importers.onet import FILES

    if not sys.stderr.isatty():
        yield lambda size: None
        return
    total = sum((folder / name).stat().st_size for name in FILES if (folder / name).is_file()) + 1
    with click.progressbar(length=total, label="importing O*NET", file=sys.stderr) as bar:
        yield bar.update
