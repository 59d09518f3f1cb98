"""How big each node and its label are drawn, so the layout can keep labels from overlapping.

The page draws a node as a shape of its type's size with the label below it, wrapped to a
maximum width. The same numbers travel to the page (see :mod:`mlgraph.map.page_data`), so
the boxes estimated here are the boxes the browser draws, give or take the font's metrics.

>>> left, top, right, bottom = label_box("data scientist", "Role")
>>> right - left > 100, top < 0 < bottom
(True, True)
"""

from __future__ import annotations

#: Radius of each type's shape, in pixels (others: ``DEFAULT_SIZE``).
NODE_SIZE = {"Role": 22, "EducationPath": 17, "Industry": 13, "Organization": 12}
DEFAULT_SIZE = 9

#: Font size of each type's label (others: ``DEFAULT_FONT``). Roles carry the story: big enough
#: to read when the whole map fits the screen; other labels appear as you zoom in.
FONT_SIZE = {"Role": 36, "EducationPath": 18, "Industry": 17}
DEFAULT_FONT = 13

#: Labels wrap at word breaks beyond this many pixels.
WRAP_WIDTH = {"Role": 250}
DEFAULT_WRAP = 170

#: Gap between a shape and the top of its label: vis-network hangs a label 4 px below most
#: shapes, and half a line lower under a dot (the roles' shape); plus a little air.
LABEL_DROP = {"Role": 4 + FONT_SIZE["Role"] // 2 + 3}
DEFAULT_DROP = 7

#: vis-network shapes that draw their label inside them, with this margin all round.
LABEL_INSIDE, INSIDE_MARGIN = frozenset({"ellipse", "box", "circle", "database", "text"}), 5

#: The node a neighbourhood map is about is drawn larger: at least this size and font, and at
#: least twice its type's size and 12 px more font.
CENTRE_SIZE, CENTRE_FONT = 34, 34

#: Share of the font size a character takes, for narrow, wide, capital and other characters
#: (fitted to DejaVu Sans / system-ui as Chromium draws them; about 4% generous).
_NARROW, _WIDE, _CAPITAL, _OTHER = set("iljtfr.,'()-I |!:;"), set("mwMW@%"), 0.70, 0.60


def text_width(text: str, font: float) -> float:
    """Return the estimated width in pixels of ``text`` in a ``font``-pixel sans-serif font.

    >>> round(text_width("Python", 13))
    45
    """
    em = sum(0.33 if c in _NARROW else 0.9 if c in _WIDE else _CAPITAL if c.isupper() else _OTHER for c in text)
    return em * font


def wrap_lines(text: str, font: float, width: float) -> list[str]:
    """Return ``text`` broken at spaces into lines no wider than ``width`` (a long word stays whole).

    >>> wrap_lines("machine learning engineer", 36, 250)
    ['machine', 'learning', 'engineer']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, font) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def label_box(label: str, node_type: str, centre: bool = False, shape: str = "dot") -> tuple[float, float, float, float]:
    """Return the box a node and its label cover, as (left, top, right, bottom) from its centre;
    ``centre`` for the node a neighbourhood map is about; ``shape`` is vis-network's shape name.

    >>> label_box("R", "Skill"), label_box("R", "Skill", centre=True), label_box("R", "Task", shape="ellipse")
    ((-9, -9, 9, 29), (-34, -34, 34, 75), (-13, -13, 13, 13))
    """
    size, font = NODE_SIZE.get(node_type, DEFAULT_SIZE), FONT_SIZE.get(node_type, DEFAULT_FONT)
    if centre:
        size, font = max(2 * size, CENTRE_SIZE), max(font + 12, CENTRE_FONT)
    wrap = WRAP_WIDTH.get(node_type, DEFAULT_WRAP) * (0.82 if shape == "ellipse" else 1)  # as vis wraps them
    lines = wrap_lines(label, font, wrap)
    if shape in LABEL_INSIDE:
        width, height = max(text_width(line, font) for line in lines), font * len(lines)
        # vis-network draws an ellipse 1.5 times as wide and twice as tall as its text
        half_width, half_height = ((width * 0.75, height) if shape == "ellipse"
                                   else (width / 2 + INSIDE_MARGIN, height / 2 + INSIDE_MARGIN))
        half_width = max(half_width, half_height)
        return (-round(half_width), -round(half_height), round(half_width), round(half_height))
    half = max(size, max(text_width(line, font) for line in lines) / 2)
    return (-round(half), -size, round(half), size + LABEL_DROP.get(node_type, DEFAULT_DROP) + font * len(lines))
