"""Commands that read and write RDF: export, query, validate."""

from __future__ import annotations

from pathlib import Path

import click

from mlgraph.cli.base import echo_json, json_option, pass_settings, warn
from mlgraph.errors import BadInput, NothingFound


@click.command()
@click.option("-o", "--output", metavar="FILE",
              help="File to write (default out/mlgraph.SUFFIX in the current folder); '-' for stdout.")
@click.option("--format", "fmt", metavar="FORMAT",
              help="ttl, nt, jsonld, xml, trig, nquads, graphml or csv (default: from the file suffix, else ttl).")
@click.option("--force", is_flag=True, help="Replace FILE even if mlgraph did not write it.")
@pass_settings
def export(settings, output, fmt, force):
    """Export the graph as RDF (every triple, with its sources) or as a network table.

    \b
    RDF formats hold the whole graph and re-import to the same graph:
      ttl (Turtle), nt (N-Triples), jsonld (JSON-LD, inline context), xml (RDF/XML, .rdf),
      trig (TriG) and nquads (N-Quads, .nq), all in the default graph.
    Network formats hold the career network the other commands use (nodes with their
    attributes, relations with their sources), not the whole RDF graph:
      graphml (GraphML of the networkx projection) and csv (one table: 'node' rows with
      id,label,type, then 'edge' rows with from,relation,to,sources).

    Output is byte-for-byte the same for the same graph (sorted, stable prefixes, blank
    nodes named by content). The file is written atomically. An existing file is replaced
    only if mlgraph wrote it and it is unchanged since; otherwise add --force.

    \b
    Examples:
      mlgraph export
      mlgraph export -o out/mlgraph.jsonld
      mlgraph export --format nt -o - | wc -l
      mlgraph --data mine.ttl export -o merged.trig --force
    """
    from mlgraph.rdf.export import choose_format

    fmt, path = choose_format(output, fmt)
    if path is not None and path.exists() and not force:
        _check_replaceable(path)
    g = settings.graph(network=not fmt.rdf)
    written = g.export(path, format=fmt.key, force=force)
    settings.warn_loaded()
    if path is None:
        click.echo(written, nl=False)
        return
    G = g.network if not fmt.rdf else None
    size = f"{len(g.rdf):,} triples" if fmt.rdf else f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges"
    click.echo(f"mlgraph: wrote {path} ({fmt.title}, {size})", err=True)


def _check_replaceable(path: Path) -> None:
    # Refuse before the (possibly slow) load rather than after it; write_export checks again.
    from mlgraph.rdf.export import written_by_mlgraph

    if path.is_file() and not written_by_mlgraph(path):
        raise BadInput(f"{path}: exists and was not written by mlgraph (or was changed since); "
                       "use --force to replace it, or choose another file with -o")


@click.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), metavar="FILE.rq",
              help="Read the query from a file.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a named query's parameter (repeatable); names are resolved like `show`.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option("--show-sparql", is_flag=True, help="Print the query and its bound values instead of running it.")
@click.option("--csv", "as_csv", is_flag=True, help="Print SPARQL CSV results.")
@json_option
@pass_settings
def query(settings, sparql, query_file, params, list_queries, show_sparql, as_csv, as_json):
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) or a named query.

    SPARQL is the argument or a file (-f); a bare name runs one of the named queries
    (see --list), with its parameters given as --param NAME=VALUE. Values are bound to the
    query's variables, never pasted into its text. Updates, SERVICE, FROM and GRAPH are refused.

    \b
    Output: an aligned table (ASK: true/false; CONSTRUCT/DESCRIBE: Turtle);
    --json: SPARQL 1.1 JSON results (CONSTRUCT/DESCRIBE: JSON-LD);
    --csv: SPARQL 1.1 CSV results (CONSTRUCT/DESCRIBE: subject,predicate,object).
    A query that matches nothing (no rows, no triples) exits with 1.

    \b
    Examples:
      mlgraph query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --json
      mlgraph query --list
      mlgraph query roles-needing-skill --param skill="deep learning"
      mlgraph query salaries-of-role -p role=MLE --csv
      mlgraph query -f mine.rq
    """
    if list_queries:
        from mlgraph.rdf.query import named_queries

        _list_named(named_queries(), as_json)
        return
    if sparql and query_file:
        raise BadInput("give the query as an argument or with -f FILE, not both")
    g = settings.graph(network=False)
    prepared = g.prepare_query(query_file or sparql, _param_values(params))
    settings.warn_loaded()
    if show_sparql:
        click.echo(prepared.text.rstrip("\n"))
        for variable, value in prepared.bindings.items():
            click.echo(f"# bound: ?{variable} = {value.n3()}")
        return
    result = g.query(prepared)
    settings.warn_loaded()
    if as_json:
        click.echo(result.to_json(), nl=False)
    elif as_csv:
        click.echo(result.to_csv(), nl=False)
    else:
        click.echo(result.to_text(), nl=result.type not in ("CONSTRUCT", "DESCRIBE"))
    if result.type != "ASK" and not len(result):  # rows, or triples of a CONSTRUCT / DESCRIBE
        raise NothingFound("the query matched nothing")


def _param_values(params) -> dict[str, str]:
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            raise BadInput(f"--param {item!r}: write NAME=VALUE, e.g. --param skill=\"deep learning\"")
        values[name.strip()] = value
    return values


def _list_named(named, as_json) -> None:
    if as_json:
        echo_json([q.as_dict() for q in named.values()])
        return
    for q in named.values():
        params = " ".join(f"--param {n}=<{t}>" for n, (t, _) in q.params.items())
        click.echo(f"{q.name} {params}".rstrip())
        click.echo(f"    {q.title}")


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@json_option
@pass_settings
def validate(settings, files, as_json):
    """Check the graph and your files against mlgraph's SHACL shapes.

    Validates the built-in graph (unless --no-builtin) together with --data files and the
    FILES given. Prints one line per problem: file, node, property, what is wrong.
    Exit codes: 0 conforms, 1 violations found, 2 a file cannot be read.

    \b
    Examples:
      mlgraph validate
      mlgraph validate mine.ttl
      mlgraph --no-builtin validate mine.ttl --json
    """
    from mlgraph.rdf.validate import render_report

    report = settings.graph(network=False).validate(*files).report
    warn(report.warnings)
    if as_json:
        echo_json(report.as_dict())
    elif report.problems:
        click.echo(render_report(report))
    violations = sum(p.severity == "Violation" for p in report.problems)
    summary = f"{len(report.files)} files, {report.triples:,} triples"
    if violations:
        click.echo(f"mlgraph: {violations} violation(s) of the shapes in {summary}", err=True)
        click.get_current_context().exit(1)
    click.echo(f"mlgraph: conforms to the shapes ({summary})", err=True)
