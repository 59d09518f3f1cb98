"""The example notebook, executed in a real Jupyter kernel (nbclient + ipykernel), outputs checked."""

from __future__ import annotations

import ast
import html
import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).parents[1] / "examples" / "quickstart.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = tmp_path_factory.mktemp("notebook")  # the kernel's working folder: nothing lands in the repo
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def outputs(notebook, source_part: str) -> list[dict]:
    (cell,) = [c for c in notebook.cells if c.cell_type == "code" and source_part in c.source]
    return cell.outputs


def test_every_cell_runs_without_error(executed):
    for cell in executed.cells:
        if cell.cell_type == "code":
            assert cell.outputs, cell.source
            assert all(out.output_type != "error" for out in cell.outputs), cell.source
            assert all(out.get("name") != "stderr" for out in cell.outputs), cell.source


def test_cells_run_in_order_load_route_gap_map_pyvis(executed):
    order = [c.source for c in executed.cells if c.cell_type == "code"]
    steps = ["mlgraph.load(", "g.route(", "to_pandas()", "g.map(path=", "to_pyvis("]
    positions = [next(i for i, source in enumerate(order) if step in source) for step in steps]
    assert positions == sorted(positions)


def test_the_route_shows_as_a_table(executed):
    (out,) = outputs(executed, "routes = g.route(")
    assert "<table" in out.data["text/html"]
    assert out.data["text/plain"].startswith("<Routes data scientist → machine learning architect: 2 routes>")


def test_the_gap_is_a_data_frame_with_the_documented_columns(executed):
    printed, shown = outputs(executed, "needs = gap.to_pandas()")
    columns = ast.literal_eval(printed.text.strip())
    assert columns[:4] == ["label", "type", "need", "essential"] and columns[-3:] == ["taught_by", "sources", "id"]
    headers = re.findall(r"<th>([^<]*)</th>", shown.data["text/html"])
    assert headers[1:5] == ["label", "need", "essential", "taught_by"]  # after the index column


def test_the_map_is_an_isolated_iframe_holding_the_page(executed):
    (out,) = outputs(executed, "route_map = g.map(")
    frame = out.data["text/html"]
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))
    assert page.startswith("<!DOCTYPE html>") and "mlgraph-data" in page


def test_to_pyvis_gives_a_network_with_nodes_and_edges(executed):
    (out,) = outputs(executed, "to_pyvis(")
    nodes, edges, title = re.fullmatch(r"\((\d+), (\d+), '(.*)'\)", out.data["text/plain"]).groups()
    assert int(nodes) > 1 and int(edges) >= int(nodes) - 1
    assert title == "Python\\nTool · language"  # a plain-text tooltip
