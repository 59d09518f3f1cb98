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

    def __init__(self, browser, path: Path, width: int = 1400, height: int = 900, fragment: str = "",
                 **options) -> None:
        self.requests, self.errors, self.dialogs = [], [], []
        self.page = browser.new_page(viewport={"width": width, "height": height}, **options)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.resolve().as_uri() + fragment)
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


# ---- every screen, the keyboard, paper, pictures and shareable addresses ---------------------

def box(page, selector: str) -> dict:
    return page.locator(selector).bounding_box() or {"width": 0, "height": 0}


@pytest.mark.parametrize("width, height", [(390, 844), (768, 1024)])
def test_on_phones_and_tablets_the_map_takes_the_width_and_panels_open_from_buttons(browser, tmp_path, width, height):
    m = MapPage(browser, write_map(tmp_path), width=width, height=height)
    area = box(m.page, "#map")
    assert area["width"] == width and area["height"] > 300
    assert m.page.is_hidden("#controls") and m.page.is_hidden("#panel")
    for which in ("controls", "panel"):
        m.page.click(f"#toggle-{which}")
        assert m.page.is_visible(f"#{which}")
        assert m.page.get_attribute(f"#toggle-{which}", "aria-expanded") == "true"
        m.page.keyboard.press("Escape")
        assert m.page.is_hidden(f"#{which}")
    assert canvas_ink(m.page) > 2000
    m.assert_clean()


def test_a_search_on_a_phone_opens_the_card_over_the_map(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path), width=390, height=844)
    m.page.click("#toggle-controls")
    m.page.fill("#search", "analyst")
    m.page.press("#search", "Enter")
    assert m.page.is_hidden("#controls") and m.page.is_visible("#panel")
    assert m.page.inner_text("#panel").startswith("analyst")
    m.assert_clean()


def test_keyboard_alone_finds_a_node_opens_its_card_and_goes_back(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path))
    m.page.keyboard.press("/")
    assert m.js("document.activeElement.id") == "search"
    m.page.keyboard.type("JR dev")
    m.page.keyboard.press("Enter")
    assert m.js("mlgraphView.selected()") == MLD + "junior-developer"
    assert m.page.inner_text("#panel").startswith("junior developer")
    m.page.keyboard.press("Tab")  # on to the Find button, with a visible focus ring
    assert m.js("document.activeElement.id") == "search-go"
    assert m.js("getComputedStyle(document.activeElement).outlineStyle") != "none"
    m.page.locator("#panel .link").first.focus()
    target = m.page.locator("#panel .link").first.inner_text()
    m.page.keyboard.press("Enter")  # a relation in the card opens that node's card
    assert m.page.inner_text("#panel").startswith(target)
    m.page.keyboard.press("Escape")
    assert m.js("mlgraphView.selected()") is None and m.page.inner_text("#panel").lower().startswith("about this map")
    assert m.js("document.activeElement.id") == "panel"  # focus stays where the reader was
    m.assert_clean()


def test_route_finder_works_from_the_keyboard_and_opens_on_a_pair_with_a_route(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path))
    start, end = m.page.input_value("#route-from"), m.page.input_value("#route-to")
    nodes = m.data["nodes"]
    assert m.js("([a, b]) => mlgraphView.findRoute(a, b)", [nodes[int(start)]["id"], nodes[int(end)]["id"]])
    m.page.focus("#route-to")
    m.page.keyboard.press("Enter")
    assert "No route" not in m.page.inner_text("#panel") and len(m.js("mlgraphView.emphasised()")) >= 2
    m.assert_clean()


def test_the_address_fragment_restores_and_follows_the_view(browser, tmp_path):
    path = write_map(tmp_path)
    m = MapPage(browser, path, fragment="#route=intern,senior-developer")
    route = ["intern", "junior-developer", "senior-developer"]
    assert m.js("mlgraphView.emphasised()") == sorted(MLD + n for n in route)
    panel = m.page.inner_text("#panel")
    assert "intern → junior developer → senior developer" in panel
    assert "Nothing new" not in panel  # the page does not work out a found route's needs: it says nothing
    m.js("id => mlgraphView.select(id)", MLD + "sql")
    assert m.js("location.hash") == "#node=sql"
    m.page.click("#route-clear")
    assert m.js("location.hash") == ""
    m.js("location.hash = '#node=team-lead'")
    m.page.wait_for_function("mlgraphView.selected() !== null")
    assert m.js("mlgraphView.selected()") == MLD + "team-lead"
    shared = MapPage(browser, path, fragment="#node=Team%20Lead")  # a label works too
    assert shared.js("mlgraphView.selected()") == MLD + "team-lead"
    m.assert_clean()
    shared.assert_clean()


def test_download_buttons_save_the_view_as_png_and_svg_without_leaving_the_page(browser, tmp_path):
    import xml.etree.ElementTree as ET

    m = MapPage(browser, write_map(tmp_path, "--path", "intern", "senior developer"), accept_downloads=True)
    with m.page.expect_download() as png:
        m.page.click("#download-png")
    data = Path(png.value.path()).read_bytes()
    assert png.value.suggested_filename.endswith(".png") and data.startswith(b"\x89PNG") and len(data) > 5000
    with m.page.expect_download() as svg:
        m.page.click("#download-svg")
    tree = ET.parse(svg.value.path())
    texts = {" ".join(t.itertext()) for t in tree.iter("{http://www.w3.org/2000/svg}text")}  # a line each
    assert {"intern", "junior developer", "senior developer", "1", "2"} <= texts
    assert not list(tree.iter("{http://www.w3.org/2000/svg}script")) and not list(tree.iter("{http://www.w3.org/2000/svg}image"))
    m.assert_clean()


def test_hostile_labels_stay_text_in_a_saved_svg(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path, data=HOSTILE), accept_downloads=True)
    with m.page.expect_download() as svg:
        m.page.click("#download-svg")
    import xml.etree.ElementTree as ET

    text = Path(svg.value.path()).read_text(encoding="utf-8")
    tags = {element.tag.split("}")[1] for element in ET.fromstring(text).iter()}
    assert tags <= {"svg", "rect", "text", "tspan", "g", "line", "polygon", "circle"}
    assert "<script" not in text and "<img" not in text and "&lt;/script&gt;" in text
    m.assert_clean()


def test_printing_shows_the_steps_and_sources_and_keeps_the_map_in_proportion(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path, "--path", "bootcamp", "team lead"))
    m.page.emulate_media(media="print")
    assert m.page.is_hidden("#controls") and m.page.is_hidden("#toolbar")
    panel = m.page.inner_text("#panel")
    assert "coding bootcamp is an entry route into junior developer" in panel and "Article A" in panel
    assert "sources" in panel.lower() and "Needs: leadership" in panel
    shape = m.js("""() => { const c = document.querySelector('#map canvas'), r = c.getBoundingClientRect();
                            return [c.width / c.height, r.width / r.height, r.width]; }""")
    assert abs(shape[0] - shape[1]) < 0.02 and shape[2] > 200
    m.page.pdf(path=tmp_path / "route.pdf")
    assert (tmp_path / "route.pdf").read_bytes().startswith(b"%PDF")
    m.assert_clean()


LABEL_BOXES = """() => {
  const net = mlgraphView.network, ctx = net.canvas.frame.canvas.getContext('2d'), boxes = [];
  const INSIDE = ['ellipse', 'box', 'circle', 'database', 'text'];
  net.body.nodeIndices.forEach(id => {
    const n = net.body.nodes[id];
    if (n.options.hidden || !n.options.label) return;
    n.draw(ctx);  // measures the label as drawn: wrapped lines, width, height
    const s = n.labelModule.size, size = n.options.size, f = n.options.font.size, bb = n.shape.boundingBox;
    const top = n.y + size + 4 + (n.options.shape === 'dot' ? f / 2 : 0);  // vis hangs a dot's label lower
    if (INSIDE.includes(n.options.shape)) boxes.push([bb.left, bb.top, bb.right, bb.bottom]);  // label inside
    else boxes.push([n.x - s.width / 2, top, n.x + s.width / 2, top + s.height]);
  });
  net.redraw();
  let pairs = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) pairs++;
  }));
  return [boxes.length, pairs];
}"""


def test_labels_on_the_built_in_map_hardly_overlap(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path, data=[]))
    labels, pairs = m.js(LABEL_BOXES)
    assert labels == len(drawn_ids(m.data)) and pairs < 10
    m.assert_clean()


def test_a_deep_neighbourhood_is_capped_with_a_note_and_a_large_centre(browser, tmp_path):
    out = tmp_path / "python.html"
    result = CliRunner().invoke(main, ["viz", "--focus", "python", "--depth", "2", "-o", str(out)])
    assert result.exit_code == 0
    m = MapPage(browser, out)
    drawn = drawn_ids(m.data)
    assert len(drawn) == 60 and drawn[0] == MLD + "python"
    assert re.search(r"Showing 60 of \d+ nodes; left out: ", m.page.inner_text("#notes"))
    assert "Showing 60 of" in result.stderr
    sizes = m.js("Object.fromEntries(mlgraphView.nodes.get().map(n => [n.id, n.size]))")
    assert sizes[MLD + "python"] > 2 * max(size for node, size in sizes.items() if node != MLD + "python") / 1.5
    m.assert_clean()


def test_route_pages_name_each_steps_top_needs_and_fold_the_rest(browser, tmp_path):
    m = MapPage(browser, write_map(tmp_path, "--path", "software engineer", "machine learning engineer", data=[]))
    for step in m.data["routes"][0]["steps"]:
        every = step["new_skills"] + step["good_to_have"] + step["new_tools"]
        assert set(step["top"]) <= set(every) and len(step["top"]) == min(len(every), 6)
        assert set(step["top"]) <= set(range(len(drawn_ids(m.data))))  # the top needs are drawn
    needs = m.page.locator("#panel ol.steps .needs").all_inner_texts()
    assert needs and all(("Needs" in text) or ("Nothing new" in text) for text in needs)
    m.assert_clean()


@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("svg", b"<svg")])
def test_viz_writes_a_picture_drawn_by_chromium(tmp_path, fmt, magic):
    out = tmp_path / f"route.{fmt}"
    result = CliRunner().invoke(main, [*TINY, "viz", "--path", "intern", "senior developer", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic) and out.stat().st_size > 2000
    assert f"Wrote {out}" in result.stderr
