"""Safe loading: the hostile corpus gets one-line errors fast, with no network and nothing written."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from mlgraph.cli import main
from mlgraph.errors import BadInput
from mlgraph.rdf.builtin import builtin_files
from mlgraph.rdf.canonical import canonical_triples
from mlgraph.rdf.checks import remote_contexts
from mlgraph.rdf.load import parse_files, parse_into

HOSTILE = Path(__file__).parent / "hostile"

#: (file in tests/hostile, exit code, fragment of the one line on stderr)
CORPUS = [
    ("truncated.ttl", 2, "truncated.ttl:4: not valid Turtle: Unexpected end of file (line 4, column 19)"),
    ("bad-iri.ttl", 2, "bad-iri.ttl:3: not valid Turtle: Invalid IRI code point ' '"),
    ("undefined-prefix.ttl", 2, "undefined-prefix.ttl:1: not valid Turtle: The prefix nope: has not been declared"),
    ("utf16.ttl", 2, "utf16.ttl: file is UTF-16 encoded; RDF text must be UTF-8"),
    ("latin1.ttl", 2, "latin1.ttl:3: not UTF-8 (byte 0xe9 at line 3, column 26)"),
    ("binary.ttl", 2, "binary.ttl: binary data (NUL bytes), not an RDF text file"),
    ("empty.ttl", 2, "empty.ttl: empty file: there is no RDF in it"),
    ("billion-laughs.rdf", 2, "billion-laughs.rdf: refused: the XML declares a DTD or entities"),
    ("external-entity.rdf", 2, "external-entity.rdf: refused: the XML declares a DTD or entities"),
    ("remote-dtd.rdf", 2, "remote-dtd.rdf: refused: the XML declares a DTD or entities"),
    ("not-well-formed.rdf", 2, "not-well-formed.rdf:4: not well-formed XML: mismatched tag"),
    ("remote-context.jsonld", 2, "refused: JSON-LD @context refers to 'https://schema.org/'"),
    ("scoped-remote-context.jsonld", 2, "refers to 'http://example.org/ctx.jsonld'"),
    ("not-json.jsonld", 2, "not-json.jsonld:5: not JSON, so not JSON-LD: Expecting value (line 5, column 1)"),
    ("bad-graph.trig", 2, "bad-graph.trig:2: not valid TriG: \"not a graph name\" is not a valid subject or graph name"),
    ("bad-literal.nt", 2, "bad-literal.nt:1: not valid N-Triples: Unexpected end of file"),
    ("relative-iri.nt", 2, "relative-iri.nt:1: not valid N-Triples: No scheme found in an absolute IRI"),
    ("bad-quad.nq", 2, "bad-quad.nq:1: not valid N-Quads"),
    ("unknown-suffix.txt", 2, "unknown RDF file type '.txt'; known suffixes: .json, .jsonld"),
    ("owl-imports.ttl", 0, "warning: tests/hostile/owl-imports.ttl: owl:imports <https://example.org/big-ontology.ttl> ignored"),
    ("deep-nesting.ttl", 0, "wrote"),
    ("shape-violation.ttl", 1, "mld:prompt-whisperer mlg:level: mlg:level must be one of entry, mid, senior, executive"),
]


@pytest.fixture
def no_network(monkeypatch):
    """Make any attempt to open a connection or resolve a name fail loudly."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args[:2]}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_the_corpus_has_a_row_for_every_file():
    assert sorted(name for name, *_ in CORPUS) == sorted(p.name for p in HOSTILE.iterdir())
    assert len(CORPUS) >= 15


@pytest.mark.parametrize("name, code, fragment", CORPUS, ids=[row[0] for row in CORPUS])
def test_hostile_file_gets_its_line_and_exit_code_fast(name, code, fragment, tmp_path, private_cache,
                                                       no_network, monkeypatch):
    monkeypatch.chdir(Path(__file__).parents[1])  # so messages show tests/hostile/NAME
    out = tmp_path / "out"
    command = (["validate"] if name == "shape-violation.ttl" else ["export", "-o", str(out / "graph.ttl")])
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["--no-builtin", "--data", f"tests/hostile/{name}", *command])
    elapsed = time.perf_counter() - started
    assert result.exit_code == code, result.output
    assert fragment in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    # A bound against hangs and blow-ups (billion laughs, deep nesting), not a speed measure: bench/ times things.
    assert elapsed < 30, f"{name} took {elapsed:.2f}s"
    if code == 2:
        assert result.stderr.count("\n") == 1, result.stderr  # one line
        assert result.stdout == ""
        assert not out.exists() and not private_cache.exists()  # nothing written, not even a cache


@pytest.mark.parametrize("make, fragment", [
    (lambda folder: folder, "is a folder, not a file"),
    (lambda folder: folder / "missing.ttl", "missing.ttl: no such file"),
])
def test_folders_and_missing_files_are_named(make, fragment, tmp_path):
    target = make(tmp_path)
    result = CliRunner().invoke(main, ["--no-builtin", "validate", str(target)])
    assert result.exit_code == 2 and fragment in result.stderr and result.stderr.count("\n") == 1


def test_warnings_are_returned_not_printed(capsys):
    warnings: list[str] = []
    graph = parse_files([HOSTILE / "owl-imports.ttl"], warnings)
    assert len(graph) == 2
    assert warnings == [f"{HOSTILE / 'owl-imports.ttl'}: owl:imports <https://example.org/big-ontology.ttl> "
                        "ignored: mlgraph never fetches documents; download it and add it with --data"]
    assert capsys.readouterr() == ("", "")


def test_ill_typed_literals_are_kept_as_written_and_nothing_is_printed(tmp_path, capsys):
    path = tmp_path / "odd.ttl"
    path.write_text('<urn:a> <urn:p> "abc"^^<http://www.w3.org/2001/XMLSchema#decimal>, '
                    '"042"^^<http://www.w3.org/2001/XMLSchema#boolean>, "007"^^<http://www.w3.org/2001/XMLSchema#integer> .\n')
    graph = parse_files([path])
    assert sorted(str(o) for o in graph.objects()) == ["007", "042", "abc"]
    assert capsys.readouterr() == ("", "")


def test_named_graphs_are_merged_with_a_warning(tmp_path):
    path = tmp_path / "g.trig"
    path.write_text("<urn:g> { <urn:a> <urn:p> <urn:b> . }\n<urn:c> <urn:p> <urn:d> .\n")
    warnings: list[str] = []
    assert len(parse_files([path], warnings)) == 2
    assert warnings == [f"{path}: named graphs are merged into one graph (mlgraph keeps no graph names)"]


def test_blank_node_labels_of_two_files_stay_apart(tmp_path):
    for name in ("one.nt", "two.nt"):
        (tmp_path / name).write_text("_:b1 <urn:p> <urn:o> .\n")
    graph = parse_files([tmp_path / "one.nt", tmp_path / "two.nt"])
    assert len(graph) == 2 and len(set(graph.subjects())) == 2


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.ttl"
    path.write_bytes(b"\xef\xbb\xbf<urn:a> <urn:p> \"caf\xc3\xa9\" .\n")
    assert [str(o) for o in parse_files([path]).objects()] == ["caf\u00e9"]


def test_a_failed_file_adds_nothing_to_the_graph(tmp_path):
    path = tmp_path / "half.nt"
    path.write_text("<urn:a> <urn:p> <urn:b> .\n<urn:a> <urn:p> broken .\n")
    graph = rdflib.Graph()
    with pytest.raises(BadInput, match=r"half.nt:2: "):
        parse_into(graph, path)
    assert len(graph) == 0


def test_remote_contexts_are_found_anywhere():
    document = {"@context": {"@import": "https://example.org/ctx"},
                "@graph": [{"@context": [{"x": "urn:x:"}, "https://schema.org/"], "@id": "urn:a"}]}
    assert sorted(remote_contexts(document)) == ["https://example.org/ctx", "https://schema.org/"]
    assert remote_contexts({"@context": {"ex": "http://example.org/"}, "@id": "ex:a"}) == []


def test_the_builtin_graph_reads_the_same_as_with_rdflibs_own_parser():
    ours = parse_files(builtin_files())
    theirs = rdflib.Graph()
    for path in builtin_files():
        theirs.parse(path, format="turtle")
    assert len(ours) == len(theirs) > 1000
    assert canonical_triples(ours) == canonical_triples(theirs)  # equal canonical forms: isomorphic
