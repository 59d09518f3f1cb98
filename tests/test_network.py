"""Loading the network: projection, cache, and the rdflib-free fast path."""

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx

from mlgraph.career.network import capabilities, load_network, skills_needed, tools_needed
from mlgraph.storage import cache

FIXTURES = Path(__file__).parent / "fixtures"
MLD = "https://w3id.org/mlgraph/id/"


def test_projection_keeps_types_labels_relations_and_sources(tiny):
    assert tiny.nodes[MLD + "junior-developer"]["alt_labels"] == ["jr dev"]
    assert tiny.nodes[MLD + "bootcamp"]["kind"] == "bootcamp"
    edge = tiny.edges[MLD + "junior-developer", MLD + "senior-developer", "progressesTo"]
    assert edge["sources"] == ["https://w3id.org/mlgraph/source/a", "https://w3id.org/mlgraph/source/b"]
    assert tiny.graph["relations"]["progressesTo"]["career"] is True
    assert tiny.graph["relations"]["usesTool"]["career"] is False


def test_statements_and_schema_are_not_nodes(tiny):
    assert all(t in {"Role", "Skill", "Tool", "EducationPath", "Source"} for _, t in tiny.nodes(data="type"))
    assert tiny.number_of_nodes() == 13


def test_requirements_split_essential_and_optional(tiny):
    assert skills_needed(tiny, MLD + "team-lead") == {MLD + "leadership": True, MLD + "sql": True,
                                                      MLD + "spark-skill": False}
    assert tools_needed(tiny, MLD + "senior-developer") == {MLD + "python", MLD + "spark-tool"}
    assert capabilities(tiny, MLD + "bootcamp") == {MLD + "python"}


def test_unsourced_relation_projects_with_no_sources():
    G = load_network([FIXTURES / "tiny.ttl", FIXTURES / "unsourced.ttl"], builtin=False)
    assert G.edges[MLD + "intern", MLD + "team-lead", "progressesTo"]["sources"] == []


def test_cache_round_trip_gives_the_same_network(private_cache):
    first = load_network([FIXTURES / "tiny.ttl"], builtin=False)
    files = list(private_cache.glob("network-*.json"))
    assert len(files) == 1
    second = load_network([FIXTURES / "tiny.ttl"], builtin=False)
    assert nx.utils.graphs_equal(first, second)
    assert second.graph == first.graph


def test_cache_is_keyed_by_content_and_path(tmp_path, private_cache):
    copy = tmp_path / "copy.ttl"
    copy.write_bytes((FIXTURES / "tiny.ttl").read_bytes())
    load_network([copy], builtin=False)
    load_network([copy], builtin=False)
    assert len(list(private_cache.glob("network-*.json"))) == 1
    copy.write_bytes(copy.read_bytes() + b"\n# changed\n")  # same path, new content
    load_network([copy], builtin=False)
    assert len(list(private_cache.glob("network-*.json"))) == 2
    load_network([FIXTURES / "tiny.ttl"], builtin=False)  # same content, other path
    assert len(list(private_cache.glob("network-*.json"))) == 3


def test_cached_warnings_name_the_file_loaded(tmp_path, private_cache):
    # the reason the path is part of the key: warnings name the file
    hostile = Path(__file__).parent / "hostile" / "owl-imports.ttl"
    first, second = tmp_path / "first.ttl", tmp_path / "second.ttl"
    for copy in (first, second):
        copy.write_bytes(hostile.read_bytes())
    load_network([first], builtin=False)
    warnings = load_network([second], builtin=False).graph["load_warnings"]
    assert warnings and all(str(second) in w for w in warnings)


def test_cache_keeps_only_the_most_recently_used_networks(tmp_path, private_cache, monkeypatch):
    monkeypatch.setattr(cache, "KEEP", 2)
    entries = []
    for i in range(3):
        copy = tmp_path / f"copy{i}.ttl"
        copy.write_bytes((FIXTURES / "tiny.ttl").read_bytes())
        before = set(private_cache.glob("network-*.json"))
        load_network([copy], builtin=False)
        (entry,) = set(private_cache.glob("network-*.json")) - before
        os.utime(entry, (1000 + i, 1000 + i))  # used in this order, seconds apart
        entries.append(entry)
        if i == 1:  # using the first one again makes the second the least recently used
            load_network([tmp_path / "copy0.ttl"], builtin=False)
    assert set(private_cache.glob("network-*.json")) == {entries[0], entries[2]}


def test_damaged_cache_file_is_rebuilt(private_cache):
    load_network([FIXTURES / "tiny.ttl"], builtin=False)
    (cached,) = private_cache.glob("network-*.json")
    cached.write_text("{not json")
    G = load_network([FIXTURES / "tiny.ttl"], builtin=False)
    assert G.number_of_nodes() == 13
    json.loads(cached.read_text())  # rewritten whole


def test_cache_entry_that_parses_but_is_damaged_is_rebuilt(private_cache):
    load_network([FIXTURES / "tiny.ttl"], builtin=False)
    (cached,) = private_cache.glob("network-*.json")
    envelope = json.loads(cached.read_text())
    payload = envelope["network"]  # the codec's payload inside the verified envelope
    payload["edges"][0] = payload["edges"][0][:-1]  # an edge column cut short
    cached.write_text(json.dumps(envelope))
    G = load_network([FIXTURES / "tiny.ttl"], builtin=False)
    assert G.number_of_edges() == load_network([FIXTURES / "tiny.ttl"], builtin=False, use_cache=False).number_of_edges()


def test_unwritable_cache_folder_is_not_an_error(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("MLGRAPH_CACHE_DIR", str(blocker / "sub"))
    assert load_network([FIXTURES / "tiny.ttl"], builtin=False).number_of_nodes() == 13
    assert cache.read_network("0" * 64) is None


def test_cached_path_query_never_imports_rdflib(private_cache):
    code = ("import sys; from click.testing import CliRunner; from mlgraph.cli import main; "
            "r = CliRunner().invoke(main, ['path', 'data scientist', 'machine learning architect']); "
            "assert r.exit_code == 0, r.output; print('rdflib' in sys.modules, 'pyvis' in sys.modules, "
            "'pyshacl' in sys.modules)")
    env = {"MLGRAPH_CACHE_DIR": str(private_cache), "PATH": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)  # fills cache
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_export_and_query_never_import_networkx(private_cache):
    code = ("import sys; from click.testing import CliRunner; from mlgraph.cli import main; "
            "r = CliRunner().invoke(main, ['export', '--format', 'nt', '-o', '-']); assert r.exit_code == 0, r.output; "
            "r = CliRunner().invoke(main, ['query', 'ASK { ?s ?p ?o }']); assert r.exit_code == 0, r.output; "
            "print('networkx' in sys.modules)")
    env = {"MLGRAPH_CACHE_DIR": str(private_cache), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["False"]


def test_first_load_never_imports_rdflib(private_cache):
    # the fast path itself never imports rdflib, even on the first (uncached) run
    code = ("import sys; from mlgraph.career.network import load_network; load_network(use_cache=False); "
            "print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env={"MLGRAPH_CACHE_DIR": str(private_cache), "PATH": ""})
    assert out.stdout.split() == ["False"]
