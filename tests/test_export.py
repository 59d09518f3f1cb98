"""Exports: every registered format is deterministic and lossless, rapper agrees, files are safe."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.compare import isomorphic

from mlgraph.cli import main
from mlgraph.errors import BadInput
from mlgraph.career.project import project_graph
from mlgraph.rdf.builtin import builtin_files, ontology_dir
from mlgraph.rdf.canonical import canonical_triples
from mlgraph.rdf.export import FORMATS, choose_format, export_format, render_rdf, write_export
from mlgraph.rdf.load import parse_files

FIXTURES = Path(__file__).parent / "fixtures"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
RDF_FORMATS = [key for key, fmt in FORMATS.items() if fmt.rdf]
NETWORK_FORMATS = [key for key, fmt in FORMATS.items() if not fmt.rdf]
EX = "http://example.org/"
MLD = "https://w3id.org/mlgraph/id/"


def reparse(text: str, fmt_key: str, folder: Path) -> rdflib.Graph:
    path = folder / f"again.{FORMATS[fmt_key].suffix}"
    path.write_text(text, encoding="utf-8")
    return parse_files([path])


def same_graph(a: rdflib.Graph, b: rdflib.Graph) -> bool:
    # Equal canonical forms prove isomorphism (each is a renaming of its graph); far faster than
    # rdflib.compare on thousands of blank nodes.
    return canonical_triples(a) == canonical_triples(b)


@pytest.fixture(scope="module")
def real_rdf():
    return parse_files(builtin_files())


def odd_graph() -> rdflib.Graph:
    """Blank nodes in a loop, a long chain, unicode, and literals with quotes, newlines, types, tags."""
    g = rdflib.Graph()
    p = URIRef(EX + "p")
    a, b, c = BNode(), BNode(), BNode()
    g.add((a, p, b)); g.add((b, p, c)); g.add((c, p, a))  # nothing else points at the loop
    chain = URIRef(EX + "chain")
    for _ in range(600):  # deeper than rdflib's Turtle writer can nest
        nxt = BNode(); g.add((chain, p, nxt)); chain = nxt
    s = URIRef(EX + "caf\u00e9/\u65e5\u672c")
    for text in ['say "hi"', "two\nlines\r\nand a tab\t", "back\\slash", "triple \"\"\" quote", "", "\u0007 bell"]:
        g.add((s, URIRef(EX + "text"), Literal(text)))
    g.add((s, URIRef(EX + "label"), Literal("chat", lang="fr")))
    g.add((s, URIRef(EX + "label"), Literal("chat", lang="en-gb")))
    g.add((s, URIRef(EX + "n"), Literal("042", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))))
    g.add((s, URIRef(EX + "n"), Literal("not a number", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))))
    g.add((s, URIRef(EX + "n"), Literal("x", datatype=URIRef(EX + "myType"))))
    g.add((s, RDF.type, URIRef(EX + "Thing")))
    return g


@pytest.mark.parametrize("key", RDF_FORMATS)
@pytest.mark.parametrize("graph_name", ["tiny", "odd"])
def test_rdf_formats_round_trip_isomorphically(key, graph_name, tiny_rdf, tmp_path):
    if graph_name == "odd" and key == "xml":
        graph = odd_graph()
        graph.remove((None, URIRef(EX + "text"), Literal("\u0007 bell")))  # XML 1.0 cannot hold it
    else:
        graph = tiny_rdf if graph_name == "tiny" else odd_graph()
    again = reparse(render_rdf(graph, FORMATS[key]), key, tmp_path)
    assert len(again) == len(graph)
    # rdflib.compare takes seconds on the 600-node chain; equal canonical forms prove the same.
    assert isomorphic(again, graph) if graph_name == "tiny" else same_graph(again, graph)


@pytest.mark.parametrize("key", RDF_FORMATS)
def test_rdf_formats_are_byte_stable_across_loads_and_orders(key, tiny_rdf):
    shuffled = rdflib.Graph()
    for triple in sorted(tiny_rdf, key=lambda t: str(t[::-1])):  # another insertion order
        shuffled.add(triple)
    fresh = parse_files([ontology_dir() / "schema.ttl", FIXTURES / "tiny.ttl"])  # new blank node ids
    outputs = {render_rdf(g, FORMATS[key]) for g in (tiny_rdf, shuffled, fresh)}
    assert len(outputs) == 1


@pytest.mark.parametrize("key", RDF_FORMATS)
def test_real_graph_round_trips_in_every_rdf_format(key, real_rdf, tmp_path):
    again = reparse(render_rdf(real_rdf, FORMATS[key]), key, tmp_path)
    assert len(again) == len(real_rdf)
    assert same_graph(again, real_rdf)


def test_real_graph_turtle_is_isomorphic_by_rdflib_too(real_rdf, tmp_path):
    assert isomorphic(reparse(render_rdf(real_rdf, FORMATS["ttl"]), "ttl", tmp_path), real_rdf)


RAPPER_INPUT = {"ttl": "turtle", "nt": "ntriples", "xml": "rdfxml", "trig": "trig", "nquads": "nquads"}


@pytest.mark.skipif(shutil.which("rapper") is None,
                    reason="rapper not installed (Debian package raptor2-utils; .ci/run installs it)")
@pytest.mark.parametrize("key", sorted(RAPPER_INPUT))
def test_rapper_reads_the_same_number_of_triples(key, real_rdf, tmp_path):
    path = tmp_path / f"mlgraph.{FORMATS[key].suffix}"
    path.write_text(render_rdf(real_rdf, FORMATS[key]), encoding="utf-8")
    done = subprocess.run(["rapper", "-i", RAPPER_INPUT[key], "-c", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"returned {len(real_rdf)} triples" in done.stderr


@pytest.mark.parametrize("key", NETWORK_FORMATS)
def test_network_formats_are_byte_stable(key, tiny):
    again = project_graph(parse_files([ontology_dir() / "schema.ttl", FIXTURES / "tiny.ttl"]))
    assert FORMATS[key].render(tiny) == FORMATS[key].render(again)


def test_graphml_round_trips_the_network(tiny, tmp_path):
    path = tmp_path / "g.graphml"
    path.write_text(FORMATS["graphml"].render(tiny), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(tiny.nodes)
    assert set(back.edges(keys=True)) == set(tiny.edges(keys=True))
    for u, v, k in tiny.edges(keys=True):
        assert back.edges[u, v, k]["sources"].split() == tiny.edges[u, v, k]["sources"]
    for node, attrs in tiny.nodes(data=True):
        assert back.nodes[node]["label"] == attrs["label"]
        assert json.loads(back.nodes[node]["alt_labels"]) == attrs["alt_labels"]


def test_csv_holds_every_node_and_edge_with_sources(tiny):
    rows = list(csv.DictReader(io.StringIO(FORMATS["csv"].render(tiny))))
    nodes = {r["id"]: r for r in rows if r["record"] == "node"}
    edges = {(r["from"], r["to"], r["relation"]): r["sources"].split() for r in rows if r["record"] == "edge"}
    assert set(nodes) == set(tiny.nodes)
    assert nodes[MLD + "junior-developer"]["label"] == "junior developer"
    assert nodes[MLD + "junior-developer"]["type"] == "Role"
    assert edges == {(u, v, k): s for u, v, k, s in tiny.edges(keys=True, data="sources")}


def test_jsonld_keeps_blank_nodes_that_only_point_at_each_other(tmp_path):
    g = rdflib.Graph()
    a, b = BNode(), BNode()
    g.add((a, URIRef(EX + "p"), b)); g.add((b, URIRef(EX + "p"), a))
    again = reparse(render_rdf(g, FORMATS["jsonld"]), "jsonld", tmp_path)
    assert len(again) == 2 and isomorphic(again, g)


def test_jsonld_has_an_inline_context_of_the_used_prefixes_only():
    document = json.loads(render_rdf(parse_files([FIXTURES / "tiny.ttl"]), FORMATS["jsonld"]))
    context = document["@context"]
    assert isinstance(context, dict)
    text = json.dumps(document["@graph"])
    assert context and all(f'"{prefix}:' in text for prefix in context)
    assert set(context) == {"dct", "mld", "mlg", "rdf", "skos", "src"}


def test_rdfxml_refuses_what_it_cannot_hold():
    g = rdflib.Graph()
    g.add((URIRef(EX + "a"), URIRef(EX + "p/"), Literal("x")))
    with pytest.raises(BadInput, match="cannot write the property"):
        render_rdf(g, FORMATS["xml"])
    g = rdflib.Graph()
    g.add((URIRef(EX + "a"), URIRef(EX + "p"), Literal("bell \u0007")))
    with pytest.raises(BadInput, match="control character"):
        render_rdf(g, FORMATS["xml"])


def test_registry_resolves_aliases_and_names_the_known_formats():
    assert {export_format(name).key for name in ("turtle", ".TTL", "n-triples", "rdf", "owl", ".nq", "json")} == \
        {"ttl", "nt", "xml", "nquads", "jsonld"}
    with pytest.raises(BadInput, match="known formats: ttl, nt, jsonld, xml, trig, nquads, graphml, csv"):
        export_format("docx")
    assert choose_format("out/x.rdf", None)[0].key == "xml"
    assert choose_format("-", "nt") == (FORMATS["nt"], None)
    assert choose_format(None, None) == (FORMATS["ttl"], Path("out/mlgraph.ttl"))


# ------------------------------------------------------------------ writing files

def test_existing_file_is_replaced_only_if_mlgraph_wrote_it(tmp_path):
    target = tmp_path / "mine.ttl"
    target.write_text("# my notes\n")
    with pytest.raises(BadInput, match="--force"):
        write_export("new", target)
    assert target.read_text() == "# my notes\n"
    write_export("first", target, force=True)
    write_export("second", target)  # mlgraph wrote it, unchanged since: replaced
    assert target.read_text() == "second"
    target.write_text("edited by hand")
    with pytest.raises(BadInput, match="changed since"):
        write_export("third", target)
    assert target.read_text() == "edited by hand"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "exports" / "out.ttl"
    write_export("old", target)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(BadInput, match="No space left"):
        write_export("new", target)
    assert target.read_text() == "old"
    assert [p.name for p in target.parent.iterdir()] == ["out.ttl"]


def run(*args):
    return CliRunner().invoke(main, [*TINY, *args])


def test_cli_default_writes_out_mlgraph_ttl_in_the_current_folder(tmp_path, monkeypatch, tiny_rdf):
    monkeypatch.chdir(tmp_path)
    result = run("export")
    assert result.exit_code == 0, result.output
    written = tmp_path / "out" / "mlgraph.ttl"
    assert written.read_text(encoding="utf-8") == render_rdf(tiny_rdf, FORMATS["ttl"])
    assert "wrote out/mlgraph.ttl" in result.stderr
    assert run("export").exit_code == 0  # mlgraph's own file: replaced without --force


def test_cli_refuses_to_overwrite_a_foreign_file(tmp_path):
    target = tmp_path / "keep.nt"
    target.write_text("precious\n")
    result = run("export", "-o", str(target))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text() == "precious\n"
    assert run("export", "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("<https://w3id.org/mlgraph/")


def test_cli_stdout_and_format_from_suffix(tmp_path, tiny_rdf):
    result = run("export", "--format", "nt", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == render_rdf(tiny_rdf, FORMATS["nt"])
    assert run("export", "-o", str(tmp_path / "g.jsonld")).exit_code == 0
    assert json.loads((tmp_path / "g.jsonld").read_text())["@graph"]


def test_cli_unknown_format_is_one_line_listing_the_known_ones(tmp_path):
    result = run("export", "-o", str(tmp_path / "g.docx"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "known formats: ttl, nt" in result.stderr
    assert not list(tmp_path.iterdir())


HASH_SCRIPT = """
import hashlib, sys
from pathlib import Path
from mlgraph.career.project import project_graph
from mlgraph.rdf.builtin import ontology_dir
from mlgraph.rdf.export import FORMATS, render_rdf
from mlgraph.rdf.load import parse_files
g = parse_files([ontology_dir() / "schema.ttl", Path(sys.argv[1])])
G = project_graph(g)
for key, fmt in FORMATS.items():
    text = render_rdf(g, fmt) if fmt.rdf else fmt.render(G)
    print(key, hashlib.sha256(text.encode()).hexdigest())
"""


def test_every_format_is_identical_across_processes_with_different_hash_seeds():
    digests = []
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", HASH_SCRIPT, str(FIXTURES / "tiny.ttl")],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        digests.append(done.stdout)
    assert digests[0] == digests[1]
    assert len(digests[0].splitlines()) == len(FORMATS)


# ------------------------------------------------------------------ generated graphs

IRIS = st.sampled_from([EX + "a", EX + "b", EX + "caf\u00e9", EX + "x?y=1&z", "urn:isbn:123",
                        "https://w3id.org/mlgraph/id/data-scientist", "https://w3id.org/mlgraph/ns#Role"])
PREDICATES = st.sampled_from([EX + "p", EX + "q", str(RDF.type), "https://w3id.org/mlgraph/ns#teaches",
                              "http://www.w3.org/2004/02/skos/core#prefLabel"])
XSD = "http://www.w3.org/2001/XMLSchema#"
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12) | \
    st.sampled_from(['"', '"""', "\\", "\n", "\r\n", "a'b", "\u00e9\u4e2d\U0001F600", " lead", "trail "])
LITERALS = st.one_of(
    TEXT.map(Literal),
    st.tuples(TEXT, st.sampled_from(["en", "fr", "de-ch", "zh-hant-tw"])).map(lambda t: Literal(t[0], lang=t[1])),
    st.tuples(st.sampled_from(["1", "042", "-0", "1.50", "abc", "true", "2024-02-30", "1e3"]),
              st.sampled_from([XSD + "integer", XSD + "decimal", XSD + "boolean", XSD + "date", XSD + "double",
                               EX + "custom"])).map(lambda t: Literal(t[0], datatype=URIRef(t[1]))),
)


@st.composite
def graphs(draw):
    bnodes = [BNode() for _ in range(draw(st.integers(0, 5)))]
    subjects = st.one_of(IRIS.map(URIRef), *( [st.sampled_from(bnodes)] if bnodes else []))
    objects = st.one_of(IRIS.map(URIRef), LITERALS, *([st.sampled_from(bnodes)] if bnodes else []))
    g = rdflib.Graph()
    for s, p, o in draw(st.lists(st.tuples(subjects, PREDICATES.map(URIRef), objects), max_size=25)):
        g.add((s, p, o))
    if len(bnodes) >= 2 and draw(st.booleans()):  # a loop of blank nodes nothing else points at
        for here, there in zip(bnodes, bnodes[1:] + bnodes[:1]):
            g.add((here, URIRef(EX + "next"), there))
    return g


XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@pytest.mark.filterwarnings("ignore::UserWarning")  # rdflib warns when the strategies build odd literals
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=graphs())
def test_generated_graphs_round_trip_and_are_stable_in_every_rdf_format(graph, tmp_path_factory):
    assume(len(graph) > 0)  # the loader refuses empty files on purpose
    note(render_rdf(graph, FORMATS["nt"]))
    folder = tmp_path_factory.mktemp("gen")
    relabelled = rdflib.Graph()
    renamed = {}
    for triple in reversed(sorted(graph, key=lambda t: str(t))):
        relabelled.add(tuple(renamed.setdefault(t, BNode()) if isinstance(t, BNode) else t for t in triple))
    for key in RDF_FORMATS:
        if key == "xml" and any(isinstance(o, Literal) and XML_FORBIDDEN.search(o) for o in graph.objects()):
            with pytest.raises(BadInput):
                render_rdf(graph, FORMATS[key])
            continue
        text = render_rdf(graph, FORMATS[key])
        assert text == render_rdf(relabelled, FORMATS[key]), key
        again = reparse(text, key, folder)
        assert len(again) == len(graph), key
        assert isomorphic(again, graph), key


def test_canonical_names_ignore_order_even_for_alike_blank_nodes():
    """Duplicates, symmetric loops, and a 6-loop beside 3-loops (which colour refinement alone
    cannot tell apart) still get the same names whatever the parser's ids and order."""
    import random

    def build(seed: int) -> rdflib.Graph:
        rng = random.Random(seed)
        triples = []
        p, q = URIRef(EX + "p"), URIRef(EX + "q")
        for size in (3, 3, 6):
            loop = [BNode() for _ in range(size)]
            triples += [(a, p, b) for a, b in zip(loop, loop[1:] + loop[:1])]
        triples += [(BNode(), q, Literal("same statement")) for _ in range(3)]
        rng.shuffle(triples)
        g = rdflib.Graph()
        for triple in triples:
            g.add(triple)
        return g

    first = build(0)
    names = {tuple(canonical_triples(build(seed))) for seed in range(5)}
    assert len(names) == 1
    canonical = rdflib.Graph()
    for triple in names.pop():
        canonical.add(triple)
    assert len(canonical) == len(first) == 15 and isomorphic(canonical, first)
