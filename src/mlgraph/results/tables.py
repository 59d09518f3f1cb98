"""How results show outside the terminal: escaped HTML tables for notebooks, pandas DataFrames.

Every cell is text run through :func:`html.escape`, so a label such as ``<script>`` shows as
written in a notebook and never runs. pandas is optional (``pip install 'mlgraph[pandas]'``) and
imported only when a DataFrame is asked for.

>>> print(html_table(["label", "type"], [["<b>SQL</b>", "Skill"]], caption="Needs"))
<table class="mlgraph">
<caption>Needs</caption>
<thead><tr><th>label</th><th>type</th></tr></thead>
<tbody>
<tr><td>&lt;b&gt;SQL&lt;/b&gt;</td><td>Skill</td></tr>
</tbody>
</table>
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from mlgraph.errors import BadInput
from mlgraph.rdf.vocab import compact_iri


def html_table(columns: Sequence[str], rows: Iterable[Sequence], caption: str = "") -> str:
    """Return rows as an HTML table with every header and cell escaped."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    body = ["<tr>" + "".join(f"<td>{html.escape(cell_text(v))}</td>" for v in row) + "</tr>" for row in rows]
    lines = ['<table class="mlgraph">']
    if caption:
        lines.append(f"<caption>{html.escape(caption)}</caption>")
    lines += [f"<thead><tr>{head}</tr></thead>", "<tbody>", *body, "</tbody>", "</table>"]
    return "\n".join(lines)


def html_block(title: str, *parts: str, lines: Iterable[str] = ()) -> str:
    """Return a titled block: an escaped heading, escaped paragraphs ``lines``, then HTML ``parts``.

    >>> html_block("a < b", lines=["x & y"])
    '<div class="mlgraph"><strong>a &lt; b</strong>\\n<p>x &amp; y</p></div>'
    """
    paragraphs = [f"<p>{html.escape(line)}</p>" for line in lines]
    return '<div class="mlgraph">' + "\n".join([f"<strong>{html.escape(title)}</strong>", *paragraphs, *parts]) + "</div>"


#: How many items of a list a table cell shows before saying how many more there are.
CELL_ITEMS = 12


def cell_text(value) -> str:
    """Return a cell as text: node dicts by label, IRIs as CURIEs, lists joined (the first
    ``CELL_ITEMS``, then how many more), None as empty.

    >>> cell_text([{"label": "SQL"}, "https://w3id.org/mlgraph/source/a"]), cell_text(None), cell_text(0.5)
    ('SQL, src:a', '', '0.5')
    >>> cell_text(list(range(14)))
    '0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more'
    """
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("label", value.get("id", "")))
    if isinstance(value, (list, tuple)):
        shown = ", ".join(cell_text(v) for v in value[:CELL_ITEMS])
        return shown + (f" and {len(value) - CELL_ITEMS} more" if len(value) > CELL_ITEMS else "")
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return compact_iri(value)
    return str(value)


def data_frame(columns: Sequence[str], rows: Iterable[Sequence]):
    """Return rows as a pandas DataFrame with these columns (pandas is imported here, on demand).

    >>> data_frame(["label", "n"], [["SQL", 1]]).to_dict("records")
    [{'label': 'SQL', 'n': 1}]
    """
    try:
        import pandas
    except ImportError:
        raise BadInput("to_pandas() needs pandas: pip install 'mlgraph[pandas]'") from None
    return pandas.DataFrame([list(row) for row in rows], columns=list(columns))


def labels(nodes: Iterable[dict]) -> str:
    """Return the labels of node dicts joined with ``, ``.

    >>> labels([{"label": "SQL"}, {"label": "Python"}])
    'SQL, Python'
    """
    return ", ".join(n["label"] for n in nodes)


def plural(count: int, word: str) -> str:
    """Return ``count`` and ``word``, with an ``s`` unless the count is one.

    >>> plural(1, "route"), plural(2, "step")
    ('1 route', '2 steps')
    """
    return f"{count} {word}{'s' * (count != 1)}"
