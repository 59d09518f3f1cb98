"""Keep CSV cells from being run as formulas when a spreadsheet opens them (CSV injection).

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
(and, in some versions, a tab or carriage return) as a formula, which can fetch URLs or run
commands. Every text cell mlgraph writes to CSV (``export --format csv``, ``query --csv``) goes
through :func:`safe_cell`, which puts a ``'`` before such a cell, the convention spreadsheets
show as plain text. Numbers (``-3``, ``+1.5e3``) are left alone: they are not formulas.

>>> safe_cell('=HYPERLINK("http://evil.example")')
'\\'=HYPERLINK("http://evil.example")'
>>> safe_cell("-12.5"), safe_cell("data scientist")
('-12.5', 'data scientist')
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\Z")


def safe_cell(text: str) -> str:
    """Return ``text`` with a leading ``'`` if a spreadsheet would read it as a formula."""
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text
