"""The map in a real browser: headless Debian Chromium driven by Playwright, pages opened from disk.

Every test checks that the page made no request beyond file: and data: URLs and raised no
error. Skipped only when /usr/bin/chromium is missing (CI installs it).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.career.network import load_network
from mlgraph.career.paths import find_routes
from mlgraph.cli import main
from mlgraph.map.html import generate_html
from mlgraph.map.views import whole_view

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
FIXTURES = Path(__file__).parent / "fixtures"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
HOSTILE = ["--no-builtin", "--data", str(FIXTURES / "hostile_labels.ttl")]
MLD = "https://w3id.org/mlgraph/id/"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


class MapPage:
    """A map opened in a fresh page, with everything it requested, logged or alerted."""

    def __init__(self, browser, path: Path) -> None:
        self.requests, self.errors, self.dialogs = [], [], []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.mlgraphView && window.mlgraphView.ready", timeout=60_000)
        self.data = json.loads(self.page.text_content("#mlgraph-data"))

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert [u for u in self.requests if not u.startswith(("file:", "data:"))] == []
        assert self.errors == [] and self.dialogs == []
        assert self.js("typeof window.pwned") == "undefined"


def write_map(tmp_path: Path, *args, data=TINY, name="map.html") -> Path:
    out = tmp_path / name
    result = CliRunner().invoke(main, [*data, "viz", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def drawn_ids(data: dict) -> list[str]:
    return [n["id"] for n in data["nodes"] if n["shown"]]


def flat(text: str) -> str:
    """Drop line breaks: the panel wraps long labels, and U+2028/2029 are line breaks too."""
    return re.sub("[\n\u2028\u2029]", "", text)


def canvas_ink(page) -> int:
    """Count the canvas pixels that are not blank: proof that something was drawn."""
    return page.evaluate("""() => {
        const c = document.querySelector('#map canvas'), ctx = c.getContext('2d');
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ink++;
        return ink;
    }""")


def test_whole_map_draws_every_node_offline(browser, tmp_path, tiny):
    m = MapPage(browser, write_map(tmp_path))
    expected = list(whole_view(tiny).nodes)
    assert sorted(drawn_ids(m.data)) == sorted(expected)
    assert m.js("mlgraphView.drawnNodeCount()") == len(expected) == m.js("mlgraphView.nodes.length")
    assert m.js("mlgraphView.drawnEdgeCount()") == tiny.subgraph(expected).number_of_edges()
    assert canvas_ink(m.page) > 2000
    m.page.screenshot(path=tmp_path / "whole.png")
    assert (tmp_path / "whole.png").stat().st_size > 10_000
    assert m.page.text_content("#legend-types").replace(" ", "").startswith("Role5Skill3Tool2")
    m.assert_clean()


def test_search_selects_focuses_and_shows_the_card(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path))
    m.page.fill("#search", "JR dev")
    m.page.press("#search", "Enter")
    assert m.js("mlgraphView.selected()") == MLD + "junior-developer"
    panel = m.page.inner_text("#panel")
    assert panel.startswith("junior developer\nRole · entry level") and "Also known as: jr dev" in panel
    assert "Article A" in panel and "is an entry route into" not in panel  # incoming reads backwards
    assert "can be entered from:" in panel
    assert "1 stated" in panel  # each relation says how its sources back it
    m.page.fill("#search", "astronaut")
    m.page.press("#search", "Enter")
    assert "Nothing on this map is called" in m.page.inner_text("#search-status")
    m.assert_clean()


def test_clicking_a_node_dims_all_but_its_neighbours(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path))
    target = MLD + "analyst"
    x, y = m.js("""id => { const v = mlgraphView.network; const p = v.canvasToDOM(v.getPosition(id));
                           const r = document.getElementById('map').getBoundingClientRect();
                           return [p.x + r.left, p.y + r.top]; }""", target)
    m.page.mouse.click(x, y)
    assert m.js("mlgraphView.selected()") == target
    colours = m.js("Object.fromEntries(mlgraphView.nodes.get().map(n => [n.id, n.font.color]))")
    bright = {n for n, c in colours.items() if c != "#cbd5e1"}
    assert bright == {MLD + n for n in ("analyst", "junior-developer", "team-lead", "sql")}
    assert m.page.inner_text("#panel").startswith("analyst")
    m.assert_clean()


def test_route_page_highlights_exactly_the_route_with_numbered_steps(browser, tmp_path, tiny):
    m = MapPage(browser, write_map(tmp_path, "--path", "bootcamp", "team lead"))
    route = find_routes(tiny, MLD + "bootcamp", MLD + "team-lead")[0]
    ids = [n["id"] for n in route.nodes]
    assert m.js("mlgraphView.emphasised()") == sorted(ids)
    labels = m.js("mlgraphView.edges.get().filter(e => e.label).map(e => [e.from, e.to, e.label])")
    assert sorted(labels, key=lambda e: e[2]) == [[u, v, str(i)] for i, (u, v) in enumerate(zip(ids, ids[1:]), 1)]
    steps = m.page.locator("#panel ol.steps > li").all_inner_texts()
    assert len(steps) == route.hops and steps[0].startswith("1coding bootcamp is an entry route into junior developer")
    m.page.screenshot(path=tmp_path / "route.png")
    m.assert_clean()


def test_route_finder_in_the_page_follows_career_moves(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path))
    m.page.select_option("#route-from", label="intern")
    m.page.select_option("#route-to", label="senior developer")
    m.page.click("#route-go")
    route = ("intern", "junior-developer", "senior-developer")
    assert m.js("mlgraphView.emphasised()") == sorted(MLD + n for n in route)
    assert "intern → junior developer → senior developer (2 steps)" in m.page.inner_text("#panel")
    m.page.select_option("#route-from", label="team lead")
    m.page.select_option("#route-to", label="intern")
    m.page.click("#route-go")
    assert "No career route from team lead to intern" in m.page.inner_text("#panel")
    m.assert_clean()


def test_type_toggles_hide_and_show_nodes(browser, tmp_path, tiny):
    m = MapPage(browser, write_map(tmp_path))
    skills = sorted(n for n, t in tiny.nodes(data="type") if t == "Skill")
    m.page.get_by_label("Skill").uncheck()
    assert sorted(m.js("mlgraphView.nodes.get({filter: n => n.hidden}).map(n => n.id)")) == skills
    m.page.get_by_label("Skill").check()
    assert m.js("mlgraphView.nodes.get({filter: n => n.hidden}).length") == 0
    m.assert_clean()


def test_focus_page_starts_on_the_focus_node(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path, "--focus", "senior developer", "--depth", "1"))
    assert m.js("mlgraphView.selected()") == MLD + "senior-developer"
    assert m.page.inner_text("#title") == "Around senior developer (1 step)"
    m.assert_clean()


def test_hostile_labels_never_run_and_show_as_text(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path, data=HOSTILE))
    nodes = [n for n in m.data["nodes"] if n["shown"]]
    assert len(nodes) == 8
    for node in nodes:
        m.js("id => mlgraphView.select(id)", node["id"])
        panel = m.page.inner_text("#panel")
        assert flat(node["label"]) in flat(panel)  # the label, whole, as text
        assert node["id"] in panel and (not node["description"] or node["description"][:20] in panel)
        x, y = m.js("""id => { const v = mlgraphView.network; const p = v.canvasToDOM(v.getPosition(id));
                               const r = document.getElementById('map').getBoundingClientRect();
                               return [p.x + r.left, p.y + r.top]; }""", node["id"])
        m.page.mouse.move(x, y)
        m.page.wait_for_timeout(350)  # the tooltip shows after 250 ms
    panel = m.page.inner_text("#panel")
    assert "</script><script>window.pwned='source title'</script>" in panel  # the source's title
    assert m.page.locator("#panel img, #panel svg, #panel iframe, #panel script, #panel a, #panel b").count() == 0
    assert m.page.locator(".vis-tooltip img, .vis-tooltip svg, .vis-tooltip b").count() == 0
    assert m.js("getComputedStyle(document.body).display") != "none"
    m.page.fill("#search", "<img src=x onerror=alert('img')>")
    m.page.press("#search", "Enter")
    assert m.js("mlgraphView.selected()") == MLD + "img-role"
    route_options = m.page.locator("#route-from option").all_inner_texts()
    assert "</script><script>window.pwned='label'</script>" in route_options
    m.assert_clean()


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_viz", Path(__file__).parents[1] / "bench" / "bench_viz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_2000_node_page_opens_without_errors(browser, tmp_path):
    G = load_bench().random_network(2000)
    path = tmp_path / "big.html"
    path.write_text(generate_html(G, whole_view(G)), encoding="utf-8")
    m = MapPage(browser, path)
    assert m.js("mlgraphView.drawnNodeCount()") == 2000 == len(drawn_ids(m.data))
    assert canvas_ink(m.page) > 10_000
    m.assert_clean()


@pytest.mark.parametrize("args", [(), ("--path", "data scientist", "machine learning architect")])
def test_built_in_graph_pages(browser, tmp_path, args):
    m = MapPage(browser, write_map(tmp_path, *args, data=[]))
    G = load_network()
    if args:
        route = find_routes(G, MLD + "data-scientist", MLD + "machine-learning-architect")[0]
        assert m.js("mlgraphView.emphasised()") == sorted(n["id"] for n in route.nodes)
    else:
        assert m.js("mlgraphView.drawnNodeCount()") == len(whole_view(G).nodes)
    m.page.screenshot(path=tmp_path / f"built-in-{len(args)}.png")
    assert canvas_ink(m.page) > 5000 and re.match(r"\S", m.page.inner_text("#panel"))
    m.assert_clean()


def test_profile_rings_what_the_person_has_and_what_is_missing(browser, tmp_path):
    profile = tmp_path / "me.txt"
    profile.write_text("# what I know\nPython\nSQL\n")
    page = MapPage(browser, write_map(tmp_path, "--have", str(profile)))
    page.assert_clean()
    assert page.js("window.mlgraphView.ringed('have')") == [MLD + "python", MLD + "sql"]
    assert page.js("window.mlgraphView.ringed('missing')") == sorted(
        MLD + n for n in ("leadership", "spark-skill", "spark-tool"))
    assert page.data["profile"] == {"have": 2, "missing": 3}
    assert flat(page.page.text_content("#legend-profile")) == "you have2to learn3"
    page.page.screenshot(path=str(tmp_path / "profile.png"))


def test_without_a_profile_nothing_is_ringed(browser, tmp_path):
    page = MapPage(browser, write_map(tmp_path))
    assert page.js("window.mlgraphView.ringed('have')") == []
    assert page.js("window.mlgraphView.ringed('missing')") == []
    assert page.page.is_hidden("#profile-section")


def test_route_with_profile_draws_what_is_had_without_dimming_it(browser, tmp_path):
    profile = tmp_path / "me.txt"
    profile.write_text("SQL\n")
    page = MapPage(browser, write_map(tmp_path, "--path", "intern", "senior developer", "--have", str(profile)))
    page.assert_clean()
    assert page.js("window.mlgraphView.ringed('have')") == [MLD + "sql"]
    assert page.js("window.mlgraphView.ringed('missing')") == [MLD + "python", MLD + "spark-tool"]
    step = page.data["routes"][0]["steps"][1]
    assert step["new_skills"] == []  # SQL is had, so the step asks for no new skill
