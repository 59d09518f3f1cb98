"""Working with a SPARQL server: the global --endpoint options, reading from it, and ``push``."""

from __future__ import annotations

import sys

import click

from mlgraph.cli.base import echo_json, json_option, pass_settings
from mlgraph.remote.endpoint import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT

_SERVER_OPTIONS = [
    click.option("--endpoint", "endpoint_url", metavar="URL",
                 help="Read the graph from this SPARQL server instead of local files (Oxigraph's "
                      "layout: URL/query and URL/store; see --query-url for others)."),
    click.option("--graph", "graph_iri", metavar="IRI",
                 help="The named graph on the server (default: the one `mlgraph push` writes "
                      "for this release and these --data files)."),
    click.option("--query-url", metavar="URL", help="The server's SPARQL query service, if not URL/query."),
    click.option("--store-url", metavar="URL", help="The server's Graph Store service, if not URL/store."),
    click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
                 show_default=True, metavar="SECONDS", help="Longest wait for the server."),
    click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
                 help="Largest answer accepted from the server."),
]


def server_options(command):
    """Add the options that point mlgraph at a SPARQL server (recorded, not acted on)."""
    for option in reversed(_SERVER_OPTIONS):
        command = option(command)
    return command


def server_settings(endpoint_url, graph_iri, query_url, store_url, timeout, max_bytes) -> dict | None:
    """Return the recorded server options, or None when no server is named (local files)."""
    if not endpoint_url:
        if graph_iri or query_url or store_url:
            from mlgraph.errors import BadInput

            raise BadInput("--graph, --query-url and --store-url need --endpoint URL")
        return None
    return {"url": endpoint_url, "graph": graph_iri, "query_url": query_url, "store_url": store_url,
            "timeout": timeout, "max_bytes": max_bytes}


def endpoint_of(settings, url: str | None = None, graph: str | None = None):
    """Return the Endpoint the settings (or a command's own --endpoint / --graph) point at."""
    from mlgraph.errors import BadInput
    from mlgraph.remote.endpoint import default_graph_iri, make_endpoint

    options = dict(settings.remote or {"timeout": DEFAULT_TIMEOUT, "max_bytes": DEFAULT_MAX_BYTES})
    options["url"] = url or options.get("url")
    if not options["url"]:
        raise BadInput("name the server: mlgraph push --endpoint URL (e.g. http://127.0.0.1:7878)")
    options["graph"] = graph or options.get("graph") or default_graph_iri(settings.data, settings.builtin)
    return make_endpoint(**options)


def read_network(settings):
    """Return the career network of the server's graph (cached while the graph is unchanged)."""
    from mlgraph.remote.read import fetch_network

    return fetch_network(endpoint_of(settings), use_cache=settings.use_cache)


def read_rdf(settings):
    """Return the server's graph as an rdflib graph."""
    from mlgraph.remote.read import fetch_graph

    return fetch_graph(endpoint_of(settings))


def query_on_server(settings, text: str, bindings):
    """Run a read-only query on the server's graph; return an rdflib result."""
    from mlgraph.remote.query import query_server

    return query_server(endpoint_of(settings), text, bindings)


@click.command()
@click.option("--endpoint", "endpoint_url", metavar="URL",
              help="The SPARQL server (Oxigraph's layout: URL/store and URL/query; "
                   "else give the global --store-url and --query-url).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="The named graph to write (default: one per mlgraph release plus a digest of your --data files).")
@click.option("--replace", "mode", flag_value="replace", help="Replace the graph if it already holds triples.")
@click.option("--add", "mode", flag_value="add", help="Add to the graph if it already holds triples.")
@json_option
@pass_settings
def push(settings, endpoint_url, graph_iri, mode, as_json):
    """Send the graph (built-in plus --data files) to a SPARQL server's named graph.

    One SPARQL 1.1 Graph Store Protocol request does it (PUT replaces the named graph, POST with
    --add adds to it); on a transactional store such as Oxigraph the graph is replaced whole or
    not at all, so a broken connection or a killed server leaves the previous graph as it was.
    Without --replace or --add, a graph that already holds triples is left alone. The graph's
    name is printed.
    Credentials come from MLGRAPH_ENDPOINT_USER and MLGRAPH_ENDPOINT_PASSWORD,
    MLGRAPH_ENDPOINT_TOKEN (a bearer token) or a netrc file, never from the command line.

    \b
    Examples:
      mlgraph push --endpoint http://127.0.0.1:7878
      mlgraph --data mine.ttl push --endpoint http://127.0.0.1:7878 --replace
      mlgraph push --endpoint http://127.0.0.1:7878 --graph https://example.org/graphs/careers --add
    """
    from mlgraph.rdf.builtin import input_files
    from mlgraph.cli.base import warn
    from mlgraph.rdf.load import parse_files
    from mlgraph.remote.push import push_graph

    endpoint = endpoint_of(settings, endpoint_url, graph_iri)
    warnings: list[str] = []
    graph = parse_files(input_files(settings.data, settings.builtin), warnings)
    warn(warnings)
    with _ProgressBar() as on_progress:
        result = push_graph(graph, endpoint, mode or "create", on_progress)
    if as_json:
        echo_json({"endpoint": endpoint.store_url, **result.as_dict()})
        return
    verb = {"create": "wrote", "replace": "replaced", "add": "added to"}[result.mode]
    click.echo(f"mlgraph: {verb} graph <{result.graph}> at {endpoint.store_url} "
               f"({result.triples:,} triples, {result.bytes:,} bytes)", err=True)
    click.echo(result.graph)


class _ProgressBar:
    """A progress bar on stderr for uploads, shown only on a terminal and for large bodies."""

    def __enter__(self):
        self.bar = None
        return self.update

    def update(self, sent: int, total: int) -> None:
        if self.bar is None and total > (4 << 20) and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label="uploading", file=sys.stderr).__enter__()
        if self.bar is not None:
            self.bar.update(sent - self.bar.pos)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
