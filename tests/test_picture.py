"""Pictures of the map from the command line: matplotlib when there is no browser, and a clear
error when there is neither. (Pictures drawn by Chromium are tested with the other browser tests.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mlgraph.cli import main
from mlgraph.map import picture

FIXTURES = Path(__file__).parent / "fixtures"
TINY = ["--no-builtin", "--data", str(FIXTURES / "tiny.ttl")]
ROUTE = ["viz", "--path", "intern", "senior developer"]


@pytest.fixture
def no_browser(monkeypatch):
    monkeypatch.setattr(picture, "find_chromium", lambda: None)


@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_without_a_browser_matplotlib_draws_the_route(tmp_path, no_browser, fmt, magic):
    pytest.importorskip("matplotlib")
    out = tmp_path / "route.out"
    result = CliRunner().invoke(main, [*TINY, *ROUTE, "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 2000
    if fmt == "svg":
        assert b"senior developer" in data


def test_with_neither_one_line_says_what_to_install(tmp_path, no_browser, monkeypatch):
    real = picture.find_spec
    monkeypatch.setattr(picture, "find_spec", lambda name: None if name == "matplotlib" else real(name))
    out = tmp_path / "route.png"
    result = CliRunner().invoke(main, [*TINY, *ROUTE, "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install playwright" in lines[0] and "pip install matplotlib" in lines[0]


def test_a_named_browser_that_is_missing_is_not_used(monkeypatch):
    monkeypatch.setenv("MLGRAPH_CHROMIUM", "/nonexistent/chromium")
    assert picture.find_chromium() is None


def test_the_format_follows_the_output_suffix_unless_given(tmp_path, no_browser):
    pytest.importorskip("matplotlib")
    out = tmp_path / "map.svg"
    assert CliRunner().invoke(main, [*TINY, "viz", "-o", str(out)]).exit_code == 0
    assert out.read_bytes().startswith(b"<?xml")
    html = tmp_path / "map.svg.html"
    assert CliRunner().invoke(main, [*TINY, "viz", "-o", str(html)]).exit_code == 0
    assert html.read_text().startswith("<!DOCTYPE html>")
