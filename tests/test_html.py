"""The map page as text: self-contained, escaped, deterministic; the views; the viz command."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.career.paths import find_routes
from mlgraph.cli import main
from mlgraph.errors import BadInput
from mlgraph.map.html import embed_json, generate_html, write_html
from mlgraph.map.layout import place_view
from mlgraph.map.page_data import map_data
from mlgraph.career.project import project_graph
from mlgraph.map.views import focus_view, keep_types, limit_nodes, route_view, whole_view
from mlgraph.rdf.builtin import ontology_dir
from mlgraph.rdf.load import parse_files

FIXTURES = Path(__file__).parent / "fixtures"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
HOSTILE = FIXTURES / "hostile_labels.ttl"
MLD = "https://w3id.org/mlgraph/id/"


class Elements(HTMLParser):
    """Collect start tags with their attributes, and the text of each script element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile():
    return project_graph(parse_files([ontology_dir() / "schema.ttl", HOSTILE]))


def test_page_is_one_file_with_three_scripts_and_no_external_reference(tiny):
    page = generate_html(tiny, whole_view(tiny))
    doc = parse(page)
    assert [attrs.get("type") for attrs, _ in doc.scripts] == ["application/json", None, None]
    assert not [t for t in doc.tags if t[0] in ("link", "img", "iframe", "object", "embed", "base")]
    assert not [(t, a) for t, a in doc.tags if "src" in a or "href" in a]
    assert not re.search(r"@import|url\((?!\s*[\"']?data:)", page)


def test_only_urls_are_data_iris_and_vis_license_text(tiny):
    """No URL that a browser could fetch: outside the JSON data, only the vendored library's
    licence header, its SVG namespace and an error-message link remain, none in a loading spot."""
    page = generate_html(tiny, whole_view(tiny))
    data_block = parse(page).scripts[0][1]
    outside = page.replace(data_block, "")
    known = {"https://visjs.github.io/vis-network/", "http://almende.com", "https://github.com/visjs",
             "http://www.apache.org/licenses/LICENSE-2.0", "http://opensource.org/licenses/MIT",
             "http://www.w3.org/2000/svg", "https://github.com/zloirock/core-js",
             "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
             "https://github.com/uuidjs/uuid#getrandomvalues-not-supported"}
    assert set(re.findall(r"https?://[^\s\"'<>)]+", outside)) <= known
    assert "sourceMappingURL" not in page


def test_csp_allows_exactly_the_inline_scripts_and_no_network(tiny):
    page = generate_html(tiny, whole_view(tiny))
    doc = parse(page)
    csp = next(a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src" not in csp and "unsafe-eval" not in csp
    hashes = set(re.findall(r"'sha256-([^']+)'", csp))
    code = [text for attrs, text in doc.scripts if attrs.get("type") is None]
    assert hashes == {base64.b64encode(hashlib.sha256(t.encode()).digest()).decode() for t in code}


def test_embedded_json_round_trips_and_hides_markup(hostile):
    view = whole_view(hostile)
    page = generate_html(hostile, view)
    doc = parse(page)
    assert len(doc.scripts) == 3  # no label closed the data block or opened a script
    data = json.loads(doc.scripts[0][1])
    assert data == json.loads(json.dumps(map_data(hostile, view, place_view(hostile, view))))
    labels = {n["label"] for n in data["nodes"]}
    assert "</script><script>window.pwned='label'</script>" in labels
    for raw in ("<img src=x", "<svg", "</style><style>", "<!--", "\u2028", "\u2029", "<iframe"):
        assert raw not in page.replace(doc.scripts[1][1], "")  # the vendored library aside
    assert "{{ 7*7 }}" in doc.scripts[0][1] and "@@DATA@@" in doc.scripts[0][1]  # kept literally


def test_embed_json_escapes_what_could_end_a_script():
    text = embed_json({"a": "</SCRIPT>&<!--\u2028\u2029"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</SCRIPT>&<!--\u2028\u2029"}


def test_same_graph_gives_byte_identical_page(tiny):
    again = project_graph(parse_files([ontology_dir() / "schema.ttl", FIXTURES / "tiny.ttl"]))
    assert generate_html(tiny, whole_view(tiny)) == generate_html(again, whole_view(again))
    routes = find_routes(tiny, MLD + "intern", MLD + "team-lead", k=2)
    assert generate_html(tiny, route_view(tiny, routes)) == generate_html(again, route_view(again, routes))


def test_whole_view_leaves_sources_out_and_says_so(tiny):
    view = whole_view(tiny)
    assert len(view.nodes) == 11 and not any(tiny.nodes[n]["type"] == "Source" for n in view.nodes)
    assert view.notes() == ["Not drawn: Sources (sources are listed in each card)."]
    assert view.nodes[0] == MLD + "junior-developer"  # best connected first


def test_route_view_holds_route_then_what_each_step_needs(tiny):
    routes = find_routes(tiny, MLD + "intern", MLD + "senior-developer")
    view = route_view(tiny, routes)
    assert view.nodes[:3] == (MLD + "intern", MLD + "junior-developer", MLD + "senior-developer")
    assert set(view.nodes[3:]) == {MLD + "python", MLD + "sql", MLD + "spark-tool"}
    assert view.title == "Route from intern to senior developer"
    data = map_data(tiny, view, place_view(tiny, view))
    step = data["routes"][0]["steps"][1]
    assert [data["nodes"][i]["label"] for i in step["new_skills"]] == ["SQL"]
    assert [data["sources"][i]["label"] for i in step["sources"]] == ["Article A", "Article B"]


def test_focus_view_is_nearest_first_and_depth_checked(tiny):
    view = focus_view(tiny, MLD + "analyst", 1)
    assert view.nodes[0] == MLD + "analyst" and view.focus == MLD + "analyst"
    assert set(view.nodes) == {MLD + n for n in ("analyst", "junior-developer", "team-lead", "sql")}
    assert len(focus_view(tiny, MLD + "analyst", 2).nodes) > len(view.nodes)
    with pytest.raises(BadInput):
        focus_view(tiny, MLD + "analyst", 0)


def test_keep_types_keeps_the_route(tiny):
    view = keep_types(tiny, route_view(tiny, find_routes(tiny, MLD + "bootcamp", MLD + "team-lead")), {"Role"})
    assert MLD + "bootcamp" in view.nodes and MLD + "sql" not in view.nodes
    assert "Skill" in view.hidden_types


def test_limit_nodes_counts_what_it_leaves_out(tiny):
    view = limit_nodes(tiny, whole_view(tiny), 4)
    assert len(view.nodes) == 4
    assert sum(view.left_out.values()) == 7
    assert view.left_out_note().startswith("Showing 4 of 11 nodes; left out: ")
    assert view.notes()[0] == view.left_out_note()
    routed = limit_nodes(tiny, route_view(tiny, find_routes(tiny, MLD + "intern", MLD + "team-lead")), 1)
    assert len(routed.nodes) == 4  # a route is never cut


def test_write_html_is_atomic_and_reports_unwritable_paths(tmp_path):
    target = write_html("<p>x</p>", tmp_path / "new" / "map.html")
    assert target.read_text() == "<p>x</p>" and [p.name for p in target.parent.iterdir()] == ["map.html"]
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # readable like any file the user writes
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(BadInput, match="cannot write"):
        write_html("<p>x</p>", blocker / "map.html")


# ---- the command ---------------------------------------------------------------------------

def viz(*args, data=TINY):
    return CliRunner().invoke(main, [*data, "viz", *args])


def test_viz_writes_default_path_under_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = viz()
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "mlgraph.html").read_text()
    assert "<title>mlgraph: the whole map</title>" in page
    assert result.stdout == "" and "Wrote out/mlgraph.html (11 nodes" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["mlgraph.html"]


def test_viz_path_focus_and_types(tmp_path):
    route = viz("--path", "intern", "team lead", "-k", "2", "-o", str(tmp_path / "r.html"))
    assert route.exit_code == 0, route.output
    data = json.loads(parse((tmp_path / "r.html").read_text()).scripts[0][1])
    assert data["title"] == "2 routes from intern to team lead" and len(data["routes"]) == 2
    fewer = viz("--path", "intern", "senior developer", "-k", "3", "-o", str(tmp_path / "r.html"))
    assert "mlgraph: Only 1 distinct route found (asked for 3)." in fewer.stderr
    assert json.loads(parse((tmp_path / "r.html").read_text()).scripts[0][1])["notes"] == [
        "Only 1 distinct route found (asked for 3)."]
    focus = viz("--focus", "analyst", "--depth", "1", "-o", str(tmp_path / "f.html"))
    assert focus.exit_code == 0 and "Around analyst (1 step)" in focus.stderr
    typed = viz("--type", "roles,skill", "-o", str(tmp_path / "t.html"))
    assert typed.exit_code == 0, typed.output
    data = json.loads(parse((tmp_path / "t.html").read_text()).scripts[0][1])
    assert {t["name"] for t in data["types"]} == {"Role", "Skill"}


def test_viz_max_nodes_says_what_it_left_out_on_stderr_and_in_page(tmp_path):
    result = viz("--max-nodes", "3", "-o", str(tmp_path / "m.html"))
    assert result.exit_code == 0
    assert "mlgraph: Showing 3 of 11 nodes; left out:" in result.stderr
    data = json.loads(parse((tmp_path / "m.html").read_text()).scripts[0][1])
    assert data["notes"][0].startswith("Showing 3 of 11 nodes")


@pytest.mark.parametrize("args, code, message", [
    (("--path", "intern", "team lead", "--focus", "analyst"), 2, "not both"),
    (("-k", "2",), 2, "-k goes with --path"),
    (("--depth", "2"), 2, "--depth goes with --focus"),
    (("--type", "planet"), 2, "unknown type 'planet'"),
    (("--max-nodes", "0"), 2, "--max-nodes must be at least 1"),
    (("--focus", "astronaut"), 1, "no node named 'astronaut'"),
    (("--path", "team lead", "intern"), 1, "no career route"),
])
def test_viz_bad_options_are_one_line_and_write_nothing(tmp_path, args, code, message):
    result = viz(*args, "-o", str(tmp_path / "x.html"))
    assert result.exit_code == code and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.html").exists()


def test_viz_open_hands_the_file_url_to_the_browser(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    result = viz("--open", "-o", str(tmp_path / "o.html"))
    assert result.exit_code == 0 and opened == [(tmp_path / "o.html").resolve().as_uri()]


@pytest.mark.parametrize("args", [(), ("--focus", "python")])
def test_built_in_page_is_byte_identical_whatever_the_hash_seed(tmp_path, args):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"map-{seed}.html"
        subprocess.run([sys.executable, "-m", "mlgraph", "viz", *args, "-o", str(out)], check=True,
                       capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_profile_marks_skills_and_tools_only_when_asked(tmp_path):
    from mlgraph.career.network import load_network
    from mlgraph.map.views import whole_view as whole

    G = load_network([Path(__file__).parent / "fixtures" / "tiny.ttl"], builtin=False)
    have = {"https://w3id.org/mlgraph/id/python"}
    marked = {n["id"].rsplit("/", 1)[1]: n.get("profile") for n in map_data(G, whole(G), {}, have)["nodes"]
              if n["shown"]}
    assert marked["python"] == "have" and marked["sql"] == "missing"
    assert marked["intern"] is None  # roles are not ringed
    assert map_data(G, whole(G), {})["profile"] is None


def test_edges_carry_their_evidence_for_the_cards(evidence_graph):
    data = map_data(evidence_graph, whole_view(evidence_graph), {})
    label = {i: n["label"] for i, n in enumerate(data["nodes"])}
    by_pair = {(label[u], label[v], rel): text for u, v, rel, _, text in data["edges"]}
    assert by_pair["ML engineer", "teamwork", "requiresSkill"] == "2 stated (1 essential, 1 good to have)"
    assert by_pair["analyst", "ML engineer", "progressesTo"] == "1 listed"
