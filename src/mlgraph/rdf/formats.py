"""Which RDF format a file holds (by suffix), and the one-line messages about reading it.

Free of rdflib, so that the fast path from RDF files to the career network never imports it.

>>> rdf_format(Path("mine.ttl"))
'turtle'
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mlgraph.errors import BadInput

#: RDF formats read from users' files, by file suffix (rdflib parser names).
PARSERS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".trig": "trig",
    ".nq": "nquads",
}

#: What each parser name is called in messages, and oxigraph's name for it (JSON-LD too, after
#: :func:`mlgraph.rdf.checks.check_jsonld`).
FORMATS: dict[str, tuple[str, str | None]] = {
    "turtle": ("Turtle", "TURTLE"),
    "nt": ("N-Triples", "N_TRIPLES"),
    "nquads": ("N-Quads", "N_QUADS"),
    "trig": ("TriG", "TRIG"),
    "xml": ("RDF/XML", "RDF_XML"),
    "json-ld": ("JSON-LD", "JSON_LD"),
}

OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"


def rdf_format(path: Path) -> str:
    """Return the rdflib parser name for a file, judged by its suffix.

    >>> rdf_format(Path("mine.rdf"))
    'xml'
    """
    try:
        return PARSERS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(PARSERS))
        raise BadInput(f"{path}: unknown RDF file type {path.suffix!r}; known suffixes: {known}") from None


def syntax_message(path: Path, fmt_name: str, exc: SyntaxError) -> str:
    """Return the one line that says where a file stops being valid RDF and why.

    >>> err = SyntaxError("Parser error at line 4 column 19: Unexpected end of file")
    >>> err.lineno, err.offset = 4, 19
    >>> syntax_message(Path("a.ttl"), "Turtle", err)
    'a.ttl:4: not valid Turtle: Unexpected end of file (line 4, column 19)'
    """
    reason = exc.msg or str(exc)
    if reason.startswith("Parser error") and ": " in reason:
        reason = reason.split(": ", 1)[1]
    reason = " ".join(reason.split())[:200]
    if exc.lineno:
        return f"{path}:{exc.lineno}: not valid {fmt_name}: {reason} (line {exc.lineno}, column {exc.offset})"
    return f"{path}: not valid {fmt_name}: {reason}"


def too_large_message(path: Path) -> str:
    """Return the one line that refuses a term past the parser's buffer cap (16 MiB)."""
    return (f"{path}: refused: a single term (literal or IRI) is larger than the 16 MiB "
            "mlgraph's parser accepts; shorten it")


@contextmanager
def parse_errors(path: Path, fmt_name: str) -> Iterator[None]:
    """Turn what oxigraph raises while reading ``path`` into one ``BadInput`` line.

    >>> with parse_errors(Path("a.ttl"), "Turtle"):
    ...     raise ValueError("bad  IRI")
    Traceback (most recent call last):
    mlgraph.errors.BadInput: a.ttl: not valid Turtle: bad IRI
    """
    try:
        yield
    except SyntaxError as exc:
        raise BadInput(syntax_message(path, fmt_name, exc)) from None
    except MemoryError:  # oxigraph's buffer cap: one token (a literal, an IRI) past 16 MiB
        raise BadInput(too_large_message(path)) from None
    except (UnicodeError, ValueError) as exc:
        raise BadInput(f"{path}: not valid {fmt_name}: {' '.join(str(exc).split())[:200]}") from None


def imports_warning(path: Path, iri) -> str:
    """Return the warning that an ``owl:imports`` was not followed.

    >>> imports_warning(Path("a.ttl"), "https://example.org/o.ttl")[:60]
    'a.ttl: owl:imports <https://example.org/o.ttl> ignored: mlgr'
    """
    return (f"{path}: owl:imports <{iri}> ignored: mlgraph never fetches documents; "
            "download it and add it with --data")


def merged_graphs_warning(path: Path) -> str:
    """Return the warning that a file's named graphs were merged into the one graph."""
    return f"{path}: named graphs are merged into one graph (mlgraph keeps no graph names)"
