"""Turn literals into plain values once, checked: the one place mlgraph trusts a typed value.

RDF keeps an ill-typed literal (``"about 100k"^^xsd:decimal``) as written, and a valid
``xsd:double`` may be ``NaN`` or ``INF``; neither is an amount a person can read, sort or put in
JSON. :func:`read_number` accepts a finite number of sensible size written the way XML Schema
writes numbers, and otherwise says what is wrong so the caller can warn and skip the value
(``validate`` reports the same problems through :func:`number_problem`).

>>> from rdflib import Literal, XSD
>>> read_number(Literal("120000", datatype=XSD.decimal))
120000.0
>>> read_number(Literal("NaN", datatype=XSD.double)) is None
True
>>> number_problem(Literal("about 100k", datatype=XSD.string))
"'about 100k' is not a number"
"""

from __future__ import annotations

import math
import re

#: XML Schema's lexical forms of integer, decimal and double (without NaN and INF).
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\Z")

#: Longer lexical forms are refused before conversion (no amount needs 40 digits).
MAX_DIGITS = 40


def number_problem(value) -> str:
    """Return why ``value`` (a literal or text) is not a usable amount, or "" if it is one."""
    from rdflib import Literal

    if value is None:
        return "missing"
    if not isinstance(value, Literal) or value.language:
        return f"{_show(value)} is not a number literal"
    return lexical_problem(str(value))


def plain_number_problem(term) -> str:
    """Return :func:`number_problem` for a plain term of :mod:`mlgraph.rdf.triples` (a literal is
    a ``(text, language, datatype)`` tuple; anything else is an IRI or blank node), without rdflib.

    >>> plain_number_problem(("12.5", None, "http://www.w3.org/2001/XMLSchema#decimal"))
    ''
    >>> plain_number_problem(("INF", None, "http://www.w3.org/2001/XMLSchema#double"))
    "'INF' is not a number"
    """
    if term is None:
        return "missing"
    if type(term) is not tuple or term[1]:
        return f"{_show(term[0] if type(term) is tuple else term)} is not a number literal"
    return lexical_problem(term[0])


def read_plain_number(term) -> float | None:
    """Return the finite float a plain term stands for, or None when :func:`plain_number_problem` finds one."""
    if plain_number_problem(term):
        return None
    return float(term[0].strip())


def lexical_problem(text: str) -> str:
    """Return why the lexical form ``text`` is not a usable amount, or "" if it is one.

    >>> lexical_problem(" 42 "), lexical_problem("1e400")
    ('', "'1e400' is too large")
    """
    shown = _show(text)
    text = text.strip()
    if len(text) > MAX_DIGITS:
        return f"{shown} has more than {MAX_DIGITS} characters"
    if not _NUMBER.match(text):
        return f"{shown} is not a number"
    if not math.isfinite(float(text)):
        return f"{shown} is too large"
    return ""


def read_number(value) -> float | None:
    """Return the finite float ``value`` stands for, or None when :func:`number_problem` finds one."""
    if number_problem(value):
        return None
    return float(str(value).strip())


def _show(value) -> str:
    text = str(value)
    return repr(text if len(text) <= 30 else text[:27] + "...")


def salary_number_problems(graph) -> list[tuple]:
    """Return (observation, property, value, problem) for every salary figure that is not a usable
    number, so ``validate`` reports what the other commands skip with a warning.

    >>> from rdflib import Graph, Literal, URIRef, XSD
    >>> inf = Literal("INF", datatype=XSD.double, normalize=False)
    >>> g = Graph().add((URIRef("urn:s"), URIRef("https://schema.org/value"), inf))
    >>> [problem for *_, problem in salary_number_problems(g)]
    ["'INF' is not a number"]
    """
    from rdflib import URIRef

    found = []
    for name in ("value", "minValue", "maxValue"):
        prop = URIRef("https://schema.org/" + name)
        for obs, value in graph.subject_objects(prop):
            problem = number_problem(value)
            if problem:
                found.append((obs, prop, value, problem))
    return sorted(found, key=lambda item: (str(item[0]), str(item[1])))
