"""Every command against a real `oxigraph serve` gives the same answers as on local files."""

import json
from pathlib import Path
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from mlgraph.cli import main
from mlgraph.rdf.builtin import builtin_files, ontology_dir
from mlgraph.rdf.load import parse_files
from mlgraph.remote.endpoint import make_endpoint
from mlgraph.remote.read import fetch_graph

GRAPH = "https://example.org/test/builtin"
FIXTURES = Path(__file__).parent / "fixtures"


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def server(oxigraph):
    """The built-in graph pushed to the session's server; the global options that read it."""
    result = run("push", "--endpoint", oxigraph, "--graph", GRAPH, "--replace")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == GRAPH
    return ["--endpoint", oxigraph, "--graph", GRAPH]


TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
TINY_GRAPH = "https://example.org/test/tiny"


@pytest.fixture(scope="module")
def tiny_server(oxigraph):
    """The tiny graph pushed to the session's server; the global options that read it."""
    result = run(*TINY, "push", "--endpoint", oxigraph, "--graph", TINY_GRAPH, "--replace")
    assert result.exit_code == 0, result.output
    return ["--endpoint", oxigraph, "--graph", TINY_GRAPH]


def numbers_by_value(graph: Graph) -> Graph:
    """The graph with each number written in one canonical way: Oxigraph stores numbers by value,
    so ``1970000.0``^^xsd:decimal comes back as ``1970000`` (the same number, another spelling)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and isinstance(o.value, (int, float, Decimal)) and not isinstance(o.value, bool):
            value = o.value.normalize() if isinstance(o.value, Decimal) else o.value
            o = Literal(format(value, "f") if isinstance(value, Decimal) else repr(value), datatype=o.datatype)
        out.add((s, p, o))
    return out


def test_push_then_read_back_gives_an_isomorphic_graph(tiny_server, oxigraph):
    back = fetch_graph(make_endpoint(oxigraph, TINY_GRAPH))
    assert isomorphic(back, parse_files([ontology_dir() / "schema.ttl", FIXTURES / "tiny.ttl"]))


def test_builtin_graph_reads_back_the_same_up_to_how_numbers_are_spelt(server, oxigraph):
    # The canonical N-Triples export names blank nodes by their content, so equal text means
    # isomorphic graphs (and is much faster to check than rdflib's isomorphic on 4,000 triples).
    from mlgraph.rdf.export import FORMATS, render_rdf

    back = fetch_graph(make_endpoint(oxigraph, GRAPH))
    local = parse_files(builtin_files())
    assert len(back) == len(local)
    assert render_rdf(numbers_by_value(back), FORMATS["nt"]) == render_rdf(numbers_by_value(local), FORMATS["nt"])


def test_push_refuses_to_overwrite_without_replace(server, oxigraph):
    result = run("push", "--endpoint", oxigraph, "--graph", GRAPH)
    assert result.exit_code == 2
    assert "already holds triples; add --replace" in result.stderr


def test_push_prints_the_default_graph_named_for_the_release(oxigraph):
    result = run("push", "--endpoint", oxigraph, "--replace", "--json")
    assert result.exit_code == 0, result.output
    pushed = json.loads(result.stdout)
    assert pushed["graph"].startswith("https://w3id.org/mlgraph/graph/")
    assert pushed["triples"] == len(parse_files(builtin_files()))
    same = run("--endpoint", oxigraph, "stats", "--json")  # the default graph is read by default
    assert json.loads(same.stdout)["triples"] == pushed["triples"]


COMMANDS = [
    ["show", "intern"],
    ["show", "jr dev", "--json"],
    ["show", "spark"],
    ["show", "no such role"],
    ["search", "spark"],
    ["search", "dev", "--json"],
    ["list"],
    ["list", "--type", "Skill", "--json"],
    ["path", "intern", "team lead", "-k", "3", "--json"],
    ["path", "intern", "senior developer"],
    ["path", "team lead", "intern"],
    ["gap", "intern", "team lead", "--json"],
    ["gap", "junior developer", "team lead"],
    ["next", "junior developer"],
    ["next", "intern", "--json"],
    ["plan", "intern", "team lead"],
    ["stats"],
    ["stats", "--json"],
    *[["export", "--format", fmt, "-o", "-"] for fmt in ("nt", "ttl", "jsonld", "xml", "trig", "nquads", "graphml", "csv")],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_command_answers_the_same_from_the_server(tiny_server, args):
    local, remote = run(*TINY, *args), run(*tiny_server, *args)
    assert remote.exit_code == local.exit_code, remote.output
    assert remote.stdout == local.stdout
    assert remote.stderr == local.stderr


QUERIES = [
    ["SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--json"],
    ["ASK { ?s a <https://w3id.org/mlgraph/ns#Role> }"],
    ["CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/mlgraph/ns#Skill> ; ?p ?o }"],
    ["DESCRIBE <https://w3id.org/mlgraph/id/sql>", "--csv"],
    ["SELECT ?s WHERE { ?s a <urn:nothing> }"],
    ["roles-needing-skill", "-p", "skill=SQL"],
    ["taught-by", "-p", "education=coding bootcamp", "--csv"],
    ["tools-for-role", "-p", "role=senior developer", "--json"],
    ["next-roles", "-p", "role=junior developer"],
    ["education-for-role", "-p", "role=junior developer"],
    ["salaries-of-role", "-p", "role=intern"],
    ["sources-of-relation", "-p", "from=junior developer", "-p", "to=senior developer"],
    ["facts-from-source", "-p", "source=src:a"],
    ["unsourced-relations"],
]


def words_by_line(text: str) -> list[list[str]]:
    # GROUP_CONCAT joins a group's values in no set order (the SPARQL spec leaves it open, and
    # rdflib and Oxigraph differ), so a line is compared as its multiset of words; numbers are
    # compared by value (Oxigraph stores them by value: 1970000.0 comes back as 1970000).
    return [sorted(by_value(word) for word in line.replace(",", " ").split())
            for line in text.splitlines() if line.strip("- ")]


def by_value(word: str) -> str:
    try:
        return format(Decimal(word).normalize(), "f")
    except ArithmeticError:
        return word


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: a[0][:40])
def test_query_answers_the_same_from_the_server(tiny_server, args):
    local, remote = run(*TINY, "query", *args), run(*tiny_server, "query", *args)
    assert remote.exit_code == local.exit_code, remote.output
    assert words_by_line(remote.stdout) == words_by_line(local.stdout)


BUILTIN_COMMANDS = [
    ["show", "ml engineer"],
    ["path", "data scientist", "machine learning architect", "-k", "3", "--json"],
    ["next", "data scientist", "--json"],
    ["stats", "--json"],
]


@pytest.mark.parametrize("args", BUILTIN_COMMANDS, ids=" ".join)
def test_builtin_graph_answers_the_same_from_the_server(server, args):
    local, remote = run(*args), run(*server, *args)
    assert remote.exit_code == local.exit_code == 0, remote.output
    assert remote.stdout == local.stdout


def test_builtin_salaries_are_the_same_numbers_from_the_server(server):
    local, remote = (run(*pre, "query", "salaries-of-role", "-p", "role=MLE") for pre in ([], server))
    assert remote.exit_code == local.exit_code == 0, remote.output
    assert words_by_line(remote.stdout) == words_by_line(local.stdout)


@pytest.mark.parametrize("view", [["--focus", "python"], ["--path", "intern", "team lead"]], ids=" ".join)
def test_viz_draws_the_same_map_from_the_server(tiny_server, tmp_path, view):
    local = run(*TINY, "viz", *view, "-o", str(tmp_path / "local.html"))
    remote = run(*tiny_server, "viz", *view, "-o", str(tmp_path / "remote.html"))
    assert local.exit_code == remote.exit_code == 0, remote.output
    assert (tmp_path / "remote.html").read_bytes() == (tmp_path / "local.html").read_bytes()


def test_a_replaced_graph_is_read_afresh_not_from_the_cache(oxigraph, tmp_path):
    graph = ["--endpoint", oxigraph, "--graph", "https://example.org/test/changing"]
    mine = tmp_path / "mine.ttl"
    mine.write_text("@prefix mlg: <https://w3id.org/mlgraph/ns#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                    "<https://example.org/id/quantum-whisperer> a mlg:Role ; skos:prefLabel \"quantum whisperer\" .\n")
    assert run("push", *graph[:2], "--graph", graph[3], "--replace").exit_code == 0
    assert run(*graph, "show", "quantum whisperer").exit_code == 1  # cached from here on
    assert run("--data", str(mine), "push", *graph[:2], "--graph", graph[3], "--replace").exit_code == 0
    found = run(*graph, "show", "quantum whisperer")
    assert found.exit_code == 0, found.output
    assert run(*graph, "--no-cache", "show", "quantum whisperer").stdout == found.stdout


def test_query_refuses_an_update_before_sending_anything(tiny_server):
    server = tiny_server
    result = run(*server, "query", "DELETE WHERE { ?s ?p ?o }")
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert run(*server, "stats", "--json").exit_code == 0  # the graph is still there


def test_a_graph_the_server_does_not_hold_is_one_clear_line(oxigraph):
    result = run("--endpoint", oxigraph, "--graph", "https://example.org/test/never-pushed", "stats")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "holds no triples; push it first" in result.stderr
