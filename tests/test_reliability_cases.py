"""Every failing case found by trying mlgraph hard, as a test of the mechanism that fixes it.

The inputs are in tests/fixtures/robustness/ (copied from the cases, with their descriptions in
the commit history); each test runs mlgraph as a real process, the way users' scripts do.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.cli import main

FIX = Path(__file__).parent / "fixtures" / "robustness"
HEAD = ("@prefix mlg: <https://w3id.org/mlgraph/ns#> .\n@prefix mld: <https://w3id.org/mlgraph/id/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix schema: <https://schema.org/> .\n@prefix dct: <http://purl.org/dc/terms/> .\n"
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n@prefix src: <https://w3id.org/mlgraph/source/> .\n")
MLD = "https://w3id.org/mlgraph/id/"


@pytest.fixture
def env(tmp_path):
    """Environment of a run: its own cache, no locale or encoding settings, a fixed hash seed."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO", "LANG"))}
    return {**clean, "MLGRAPH_CACHE_DIR": str(tmp_path / "cache"), "PYTHONHASHSEED": "0"}


def mlgraph(env, *args, timeout=60, **kwargs) -> subprocess.CompletedProcess:
    """Run mlgraph as its own process (for what needs real streams, signals or a hash seed)."""
    return subprocess.run([sys.executable, "-m", "mlgraph", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, **kwargs)


def cli(env, *args, cwd=None, timeout=None) -> subprocess.CompletedProcess:
    """Run mlgraph in this process (much faster); same result shape as :func:`mlgraph`."""
    old = os.getcwd()
    os.chdir(cwd or old)
    try:
        result = CliRunner().invoke(main, [str(a) for a in args], env={"MLGRAPH_CACHE_DIR": env["MLGRAPH_CACHE_DIR"]})
    finally:
        os.chdir(old)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def one_error(done: subprocess.CompletedProcess) -> bool:
    lines = [line for line in done.stderr.splitlines() if line.startswith("mlgraph: error:")]
    return done.returncode == 2 and len(lines) == 1 and "Traceback" not in done.stderr


def strict_json(text: str):
    def refuse(constant):
        raise ValueError(constant)
    return json.loads(text, parse_constant=refuse)


# ---------------------------------------------------------------- the cache

def test_a_cache_entry_that_is_a_fifo_is_ignored(env, tmp_path):
    assert cli(env, "stats").returncode == 0
    [entry] = (tmp_path / "cache").glob("network-*.json")
    entry.unlink()
    os.mkfifo(entry)
    done = cli(env, "show", "data scientist", timeout=30)
    assert done.returncode == 0 and "data scientist" in done.stdout
    assert "discarded" in done.stderr


@pytest.mark.parametrize("content", ["[]", "null", "42", '"x"', '{"nodes":[],"edges":[]}',
                                     '{"nodes":[{"id":"x"}],"edges":[]}', '{"format": 2, "network": []}', "{trunc"])
def test_a_damaged_cache_entry_is_discarded_and_rebuilt(env, tmp_path, content):
    cli(env, "stats")
    [entry] = (tmp_path / "cache").glob("network-*.json")
    entry.write_text(content)
    done = cli(env, "show", "data scientist")
    assert done.returncode == 0 and "data scientist" in done.stdout, done.stderr
    assert "discarded and rebuilt" in done.stderr
    again = cli(env, "show", "data scientist")  # rebuilt: no warning the second time
    assert again.returncode == 0 and "discarded" not in again.stderr


def test_the_same_bytes_at_two_paths_keep_their_own_relative_iris_and_warnings(env, tmp_path):
    text = (FIX / "field-06-relative-iri-cache.ttl").read_text()
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.ttl").write_text(text)
    cli(env, "--no-builtin", "--data", tmp_path / "a" / "r.ttl", "stats")
    done = cli(env, "--no-builtin", "--data", tmp_path / "b" / "r.ttl", "show", "relative role", "--json")
    assert json.loads(done.stdout)["id"] == (tmp_path / "b" / "r.ttl").resolve().as_uri() + "#me"
    assert f"{tmp_path / 'b' / 'r.ttl'}: owl:imports" in done.stderr
    assert str(tmp_path / "a") not in done.stderr


def test_a_file_changed_between_digest_and_parse_cannot_poison_the_cache(env, tmp_path):
    """The edit lands exactly after the digest: the parsed bytes are still the digested ones."""
    mine = tmp_path / "mine.ttl"
    alpha = HEAD + 'mld:m a mlg:Role ; skos:prefLabel "Alpha Marker"@en .\n'
    beta = HEAD + 'mld:m a mlg:Role ; skos:prefLabel "Beta Marker"@en .\n'
    mine.write_text(alpha)
    script = f"""
import mlgraph.storage.cache as cache
from mlgraph.career.network import load_network
from pathlib import Path
digest = cache.digest_sources
def digest_then_edit(sources):
    key = digest(sources)
    Path({str(mine)!r}).write_text({beta!r})   # the user saves the file now
    return key
cache.digest_sources = digest_then_edit
G = load_network([Path({str(mine)!r})])
print(G.nodes["{MLD}m"]["label"])
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.strip() == "Alpha Marker", done.stderr  # answered from what was read
    mine.write_text(alpha)
    assert "Alpha Marker" in cli(env, "--data", mine, "list", "--type", "Role").stdout
    mine.write_text(beta)
    assert "Beta Marker" in cli(env, "--data", mine, "list", "--type", "Role").stdout


@pytest.mark.parametrize("seed", ["1", "2"])
def test_a_users_relation_with_a_builtin_local_name_never_replaces_it(env, seed):
    env = {**env, "PYTHONHASHSEED": seed}
    route = ["path", "data scientist", "machine learning architect", "--json"]
    done = mlgraph(env, "--data", FIX / "field-12-relation-localname-collision.ttl", *route)
    assert done.returncode == 0, done.stderr
    assert "same name" in done.stderr
    # ex:progressesTo is not a career step: the routes are those of the built-in graph alone.
    assert json.loads(done.stdout)["paths"] == json.loads(mlgraph(env, *route).stdout)["paths"]


# ---------------------------------------------------------------- the export record

def test_concurrent_exports_keep_every_record(env, tmp_path):
    cli(env, "stats")
    runs = [subprocess.Popen([sys.executable, "-m", "mlgraph", "export", "-o", f"g{i}.nt"], cwd=tmp_path, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(8)]
    assert all(run.wait(timeout=120) == 0 for run in runs)
    refused = [i for i in range(8) if cli(env, "export", "-o", f"g{i}.nt", cwd=tmp_path).returncode != 0]
    assert refused == []
    assert len(json.loads((tmp_path / "cache" / "exports.json").read_text())) == 8


@pytest.mark.parametrize("record", ["[]", "null", "42", '{"x": 5}', "{broken"])
def test_a_damaged_export_record_counts_as_empty(env, tmp_path, record):
    assert cli(env, "export", "-o", "a.ttl", cwd=tmp_path).returncode == 0
    (tmp_path / "cache" / "exports.json").write_text(record)
    assert cli(env, "export", "-o", "b.ttl", cwd=tmp_path).returncode == 0
    assert one_error(cli(env, "export", "-o", "a.ttl", cwd=tmp_path))  # no longer known: --force needed


def test_a_run_killed_between_rename_and_record_does_not_make_the_next_refuse(env, tmp_path):
    """The new digest is recorded before the rename: simulate the kill right after it."""
    script = """
import os, sys
from pathlib import Path
import mlgraph.storage.records as records
original = records.replace_file
def rename_then_die(path, data):
    original(path, data)
    if path.name == "g.nt":
        os._exit(9)   # as kill -9 right after the rename
records.replace_file = rename_then_die
records.write_owned(Path("g.nt"), b"new content", "the export")
"""
    assert cli(env, "export", "-o", "g.nt", cwd=tmp_path).returncode == 0
    killed = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, timeout=60)
    assert killed.returncode == 9 and (tmp_path / "g.nt").read_bytes() == b"new content"
    assert cli(env, "export", "-o", "g.nt", cwd=tmp_path).returncode == 0


def test_viz_and_plan_refuse_to_replace_files_mlgraph_did_not_write(env, tmp_path):
    (tmp_path / "notes.md").write_text("my thesis notes")
    (tmp_path / "index.html").write_text("my page")
    assert one_error(cli(env, "plan", "data scientist", "machine learning architect", "-o", "notes.md",
                             cwd=tmp_path))
    assert one_error(cli(env, "viz", "-o", "index.html", cwd=tmp_path))
    assert (tmp_path / "notes.md").read_text() == "my thesis notes"
    assert (tmp_path / "index.html").read_text() == "my page"
    assert cli(env, "viz", "-o", "index.html", "--force", cwd=tmp_path).returncode == 0
    assert cli(env, "viz", "-o", "index.html", cwd=tmp_path).returncode == 0  # now mlgraph's own


# ---------------------------------------------------------------- special files and limits

def test_special_files_are_refused_at_once_for_input_and_output(env, tmp_path):
    os.mkfifo(tmp_path / "fifo.txt")
    os.mkfifo(tmp_path / "pipe.nt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "zero.nt").symlink_to("/dev/zero")
    (tmp_path / "zero.ttl").symlink_to("/dev/zero")
    for args in (["gap", "data scientist", "ml engineer", "--have", "fifo.txt"],
                 ["gap", "data scientist", "ml engineer", "--have", "zero.txt"],
                 ["export", "-o", "pipe.nt"], ["export", "-o", "zero.nt"], ["export", "-o", "/dev/null", "--force"],
                 ["--data", "zero.ttl", "stats"], ["--data", "pipe.nt", "stats"], ["query", "-f", "fifo.txt"],
                 ["export", "-o", "y" * 300 + ".ttl"]):
        done = cli(env, *args, cwd=tmp_path, timeout=20)
        assert one_error(done), (args, done.stderr)
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_long_have_profile_is_quick_and_summarised(env, tmp_path):
    (tmp_path / "me.txt").write_text("python\n" + "".join(f"unknown skill number {i}\n" for i in range(3000)))
    done = cli(env, "gap", "data scientist", "machine learning engineer", "--have", "me.txt", cwd=tmp_path,
                   timeout=30)
    assert done.returncode == 0
    assert len(done.stderr.splitlines()) <= 12 and "2,990 more unknown names" in done.stderr
    (tmp_path / "big.txt").write_text("python\n" + "x" * 2_000_000)
    assert one_error(cli(env, "gap", "data scientist", "ml engineer", "--have", "big.txt", cwd=tmp_path))


def test_deeply_nested_yaml_in_a_profile_is_one_error(env, tmp_path):
    (tmp_path / "deep.yaml").write_text("skills: " + "[" * 5000 + "]" * 5000 + "\n")
    done = cli(env, "gap", "data scientist", "ml engineer", "--have", "deep.yaml", cwd=tmp_path)
    assert one_error(done) and "deep.yaml" in done.stderr


def test_a_term_larger_than_the_parser_buffer_is_one_error(env, tmp_path):
    (tmp_path / "big.nt").write_bytes(b'<https://example.org/a> <https://example.org/p> "'
                                      + b"x" * (17 * 1024 * 1024) + b'" .\n')
    done = cli(env, "--no-builtin", "--data", "big.nt", "stats", cwd=tmp_path)
    assert one_error(done) and "big.nt" in done.stderr


def test_a_query_has_a_time_limit_and_a_row_cap(env):
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    done = cli(env, "query", cross, "--timeout", "2", timeout=30)
    assert one_error(done) and "time limit" in done.stderr
    regex = 'SELECT * WHERE { BIND(CONCAT("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "!") AS ?x) FILTER regex(?x, "^(a+)+$") }'
    assert one_error(cli(env, "query", regex, "--timeout", "2", timeout=30))
    capped = cli(env, "query", "SELECT ?s WHERE { ?s a ?o }", "--max-rows", "5", "--csv")
    assert capped.returncode == 0 and len(capped.stdout.splitlines()) == 6 and "--max-rows" in capped.stderr


# ---------------------------------------------------------------- values in the data

BAD_FIGURES = ['"about 100k"^^xsd:decimal', '"not-a-number"^^xsd:decimal', '"NaN"^^xsd:double', '"INF"^^xsd:double',
               '"-INF"^^xsd:float', '"' + "9" * 5000 + '"^^xsd:integer', '"1E400"^^xsd:double']


def salary_file(folder: Path, values) -> Path:
    lines = [f"mld:sal{i} a mlg:SalaryObservation ; mlg:salaryOf mld:data-scientist ; schema:value {value} ; "
             'schema:currency "USD" .\n' for i, value in enumerate(values)]
    path = folder / "salary.ttl"
    path.write_text(HEAD + "".join(lines))
    return path


@pytest.mark.parametrize("value", BAD_FIGURES)
def test_an_unusable_salary_figure_is_skipped_with_a_warning(env, tmp_path, value):
    salary_file(tmp_path, [value])
    card = cli(env, "--data", "salary.ttl", "show", "data scientist", "--json", cwd=tmp_path)
    assert card.returncode == 0 and "figure skipped" in card.stderr
    strict_json(card.stdout)
    assert cli(env, "--data", "salary.ttl", "viz", "-o", "map.html", cwd=tmp_path).returncode == 0
    page = (tmp_path / "map.html").read_text()
    strict_json(re.search(r'<script type="application/json" id="mlgraph-data">(.*?)</script>', page, re.S).group(1))


def test_validate_reports_every_unusable_salary_figure(env, tmp_path):
    salary_file(tmp_path, BAD_FIGURES + ['"120000"^^xsd:decimal'])
    checked = cli(env, "--no-builtin", "validate", "salary.ttl", cwd=tmp_path)
    assert checked.returncode == 1
    assert checked.stdout.count("salary figure must be a finite number") == len(BAD_FIGURES)
    for name in ("field-03-nan-inf-salary.ttl", "field-04-illtyped-salary.ttl"):
        assert cli(env, "--data", FIX / name, "path", "data scientist", "machine learning architect").returncode == 0
        assert "finite number" in cli(env, "--no-builtin", "validate", FIX / name).stdout


def test_a_huge_number_in_json_ld_is_kept_as_a_literal(env, tmp_path):
    # JSON-LD turns a number too big for an integer into an xsd:double in canonical form.
    (tmp_path / "n.jsonld").write_text('{"@id": "https://example.org/a", "https://example.org/p": ' + "9" * 5000 + "}")
    done = cli(env, "--no-builtin", "--data", "n.jsonld", "export", "--format", "nt", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and '<https://example.org/a> <https://example.org/p> "9.99' in done.stdout


def test_json_ld_is_normalised_like_turtle(env):
    card = cli(env, "--no-cache", "--no-builtin", "--data", FIX / "field-02-jsonld-lang-case.jsonld",
                   "show", "mld:analyst-jl", "--json")
    assert json.loads(card.stdout)["label"] == "analyst"
    nt = cli(env, "--no-builtin", "--data", FIX / "field-02-jsonld-lang-case.jsonld", "export",
                 "--format", "nt", "-o", "-").stdout
    assert '"analyst"@en .' in nt and '"Analyses data."@en-gb .' in nt and "@EN" not in nt
    nt = cli(env, "--no-builtin", "--data", FIX / "field-05-jsonld-lexical-form.jsonld", "export",
                 "--format", "nt", "-o", "-").stdout
    assert all(f'"{lexical}"^^' in nt for lexical in ("042", "1.0E6", "1E400"))


def test_json_ld_with_an_id_that_is_not_an_iri_or_an_unpaired_surrogate_is_one_error(env, tmp_path):
    done = cli(env, "--no-builtin", "--data", FIX / "field-24-jsonld-invalid-iri.jsonld", "show", "senior data engineer")
    assert one_error(done) and "not a valid IRI" in done.stderr
    (tmp_path / "s.jsonld").write_text('{"@id": "https://example.org/a", "https://example.org/p": "\\ud800"}')
    assert one_error(cli(env, "--no-builtin", "--data", tmp_path / "s.jsonld", "stats"))


@pytest.mark.parametrize("name", ["field-21-no-triples-plain.json", "field-21-no-triples-prefixes-only.ttl"])
def test_a_file_without_triples_is_refused_like_an_empty_file(env, name):
    done = cli(env, "--no-builtin", "--data", FIX / name, "stats")
    assert one_error(done) and "no triples" in done.stderr


def test_a_labelled_resource_without_a_type_is_reported(env, tmp_path):
    (tmp_path / "untyped.ttl").write_text(HEAD + 'mld:lost skos:prefLabel "lost role"@en .\n')
    done = cli(env, "--data", "untyped.ttl", "stats", cwd=tmp_path)
    assert done.returncode == 0 and "label but no type" in done.stderr and "mld:lost" in done.stderr


def test_duplicate_statements_export_fast_and_stable(env, tmp_path):
    args = ["--no-cache", "--no-builtin", "--data", FIX / "field-08-duplicate-statements.ttl", "export",
            "--format", "nt", "-o", "-"]
    first, second = cli(env, *args, timeout=30), cli(env, *args, timeout=30)
    assert first.returncode == 0 and first.stdout == second.stdout
    stats = cli(env, *args[:4], "stats", "--json")
    assert len(first.stdout.splitlines()) == json.loads(stats.stdout)["triples"]  # every triple, once
    assert cli(env, "export", "-o", tmp_path / "full.ttl").returncode == 0
    again = cli(env, "--data", tmp_path / "full.ttl", "export", "--format", "nt", "-o", "-", timeout=60)
    assert again.returncode == 0 and again.stdout == cli(env, "--data", tmp_path / "full.ttl", "export",
                                                              "--format", "nt", "-o", "-", timeout=60).stdout


# ---------------------------------------------------------------- names

def test_english_with_a_region_wins_and_every_preferred_label_is_a_name(env):
    done = cli(env, "--no-builtin", "--data", FIX / "field-01-lang-region-tag.ttl", "show", "mld:x-role", "--json")
    assert json.loads(done.stdout)["label"] == "data wrangler"
    done = cli(env, "--no-builtin", "--data", FIX / "field-25-multilingual-preflabels.ttl", "show", "Datenanalyst",
                   "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["label"] == "data analyst"


def test_a_name_typed_composed_finds_a_label_stored_decomposed(env, tmp_path):
    (tmp_path / "nfd.ttl").write_text(HEAD + 'mld:cafe a mlg:Role ; skos:prefLabel "Cafe\u0301 Analyst"@en .\n')
    done = cli(env, "--data", "nfd.ttl", "show", "caf\u00e9 analyst", "--json", cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["id"] == MLD + "cafe"


# ---------------------------------------------------------------- terminal and pipes

def test_a_closed_pipe_is_a_quiet_end(env):
    cli(env, "stats")
    for args in (["list"], ["search", "a"], ["--data", str(FIX / "field-10-broken-pipe.ttl"), "list"]):
        done = subprocess.run(f"{sys.executable} -m mlgraph {' '.join(repr(a) for a in args)} | head -1",
                              shell=True, capture_output=True, text=True, env={**env, "PYTHONUNBUFFERED": "1"},
                              timeout=60)
        assert done.stdout.count("\n") == 1 and done.stderr == "", done.stderr


def test_a_full_disk_or_a_closed_stdout_is_one_error(env):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "mlgraph", "export", "-o", "-"], stdout=full,
                              stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    assert done.returncode == 2 and "No space left" in done.stderr and "internal" not in done.stderr
    done = subprocess.run(f"{sys.executable} -m mlgraph export -o - >&-", shell=True, stderr=subprocess.PIPE,
                          text=True, env=env, timeout=60)
    assert done.returncode == 2 and "closed" in done.stderr


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "ascii"])
def test_any_output_encoding_works(env, encoding):
    for args in (["path", "data scientist", "machine learning architect"], ["next", "data scientist"]):
        done = mlgraph({**env, "PYTHONIOENCODING": encoding, "LC_ALL": "C"}, *args)
        assert done.returncode == 0 and "→" in done.stdout or "—" in done.stdout, done.stderr


def test_control_characters_never_reach_the_terminal(env, tmp_path):
    (tmp_path / "esc.ttl").write_text(HEAD + 'mld:esc a mlg:Role ; skos:prefLabel '
                                      '"esc\\u001b]0;pwned\\u0007\\u001b[2J\\rfake\\nline"@en .\n')
    for args in (["show", "mld:esc"], ["list", "--type", "Role"], ["search", "esc"]):
        done = cli(env, "--data", "esc.ttl", *args, cwd=tmp_path)
        assert done.returncode == 0
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", done.stdout + done.stderr), repr(done.stdout)
    listed = cli(env, "--data", "esc.ttl", "list", "--type", "Role", cwd=tmp_path).stdout
    assert [line for line in listed.splitlines() if "mld:esc" in line][0].startswith("esc")


# ---------------------------------------------------------------- output for the next program

def test_csv_cells_that_would_run_as_formulas_are_neutralised(env, tmp_path):
    (tmp_path / "evil.ttl").write_text(HEAD + 'mld:evil a mlg:Skill ; skos:prefLabel "=HYPERLINK(\\"http://e/\\")"@en .\n'
                                       'mld:evil2 a mlg:Skill ; skos:prefLabel "@SUM(1+9)"@en .\n'
                                       'mld:evil3 a mlg:Skill ; skos:prefLabel "-2+3"@en .\n')
    assert cli(env, "--data", "evil.ttl", "export", "-o", "g.csv", cwd=tmp_path).returncode == 0
    query = cli(env, "--data", "evil.ttl", "query", "SELECT ?l WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }",
                    "--csv", "--max-rows", "0", cwd=tmp_path).stdout
    for text in ((tmp_path / "g.csv").read_text(), query):
        cells = [cell for row in __import__("csv").reader(text.splitlines()) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:].replace(".", "").isdigit())]
        assert "'=HYPERLINK(\"http://e/\")" in cells and "'@SUM(1+9)" in cells


def test_graphml_refuses_control_characters_like_rdf_xml(env, tmp_path):
    for fmt in ("graphml", "xml"):
        done = cli(env, "--no-builtin", "--data", FIX / "field-11-graphml-control-chars.ttl", "export",
                       "--format", fmt, "-o", tmp_path / f"g.{fmt}")
        assert one_error(done) and "control character" in done.stderr
        assert not (tmp_path / f"g.{fmt}").exists()


def test_a_query_file_with_a_byte_order_mark_runs(env, tmp_path):
    (tmp_path / "q.rq").write_bytes(b"\xef\xbb\xbfSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert cli(env, "query", "-f", tmp_path / "q.rq").returncode == 0


@pytest.mark.parametrize("name, param", [("roles-needing-skill", "skill=deep learning"), ("next-roles", "role=data scientist"),
                                         ("tools-for-role", "role=prompt engineer"),
                                         ("education-for-role", "role=prompt engineer"),
                                         ("taught-by", "education=doctoral degree")])
def test_named_queries_answer_when_a_relation_has_no_source(env, name, param):
    done = cli(env, "--data", FIX / "field-13-named-query-unsourced.ttl", "query", name, "--param", param, "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert rows and all("sources" in row for row in rows)
