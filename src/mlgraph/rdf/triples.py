"""Read RDF files into plain Python values, grouped by predicate, without rdflib terms.

The same strict, offline reading as :mod:`mlgraph.rdf.load` (oxigraph's parser, the checks of
:mod:`mlgraph.rdf.checks`, the same warnings and ``file:line`` errors), but the triples come out
as strings and tuples, which cost a fraction of rdflib terms to make and to keep. A
:data:`Triples` table maps each predicate IRI to its ``(subject, object)`` pairs in the order
first read, each pair once, as an rdflib graph would hold them. Terms are:

- an IRI: its string (always absolute, so it holds a ``:``);
- a blank node: a string of letters and digits only (fresh per file, so two files' ``_:b1``
  stay apart);
- a literal: a tuple ``(text, language, datatype)``; ``language`` is lower case or None,
  ``datatype`` None for plain strings and language-tagged text.

JSON-LD is read by oxigraph too, after the inline-context and ``@id`` checks.

>>> from mlgraph.rdf.builtin import builtin_files
>>> table = read_triples(builtin_files())
>>> count_triples(table) > 1000
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mlgraph.errors import BadInput
from mlgraph.rdf.checks import check_jsonld, check_rdf_bytes
from mlgraph.rdf.formats import (FORMATS, OWL_IMPORTS, imports_warning, merged_graphs_warning, parse_errors, rdf_format)
from mlgraph.storage.files import read_regular
from mlgraph.storage.bulk import collector_paused

#: predicate IRI -> {(subject, object): None}, in the order first read (a dict keeps order and
#: drops repeats, as a set of triples does).
Triples = dict[str, dict[tuple, None]]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def read_triples(paths: Iterable[Path], warnings: list[str] | None = None) -> Triples:
    """Return the triples of ``paths`` as one table; warnings are appended to ``warnings``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     mine = Path(folder, "mine.nt")
    ...     _ = mine.write_text('<urn:a> <urn:b> "c"@EN .\\n<urn:a> <urn:b> "c"@en .\\n')
    ...     read_triples([mine])
    {'urn:b': {('urn:a', ('c', 'en', None)): None}}
    """
    return read_source_triples([(Path(p), None) for p in paths], warnings)


def read_source_triples(sources: Iterable[tuple[Path, bytes | None]], warnings: list[str] | None = None) -> Triples:
    """Return the triples of (path, bytes) pairs as one table; bytes None means read the file now.

    Callers that digest the bytes (the cache) pass the bytes they digested, so what is read is
    exactly what was digested even if the file changes meanwhile.
    """
    table: Triples = {}
    terms: dict[str, str] = {}  # one string object per distinct IRI: the table stays small
    with collector_paused():
        for path, data in sources:
            found = read_into(table, Path(path), terms, data)
            if warnings is not None:
                warnings.extend(found)
    return table


def count_triples(table: Triples) -> int:
    """Return how many distinct triples ``table`` holds.

    >>> count_triples({"urn:p": {("urn:a", "urn:b"): None, ("urn:a", "urn:c"): None}})
    2
    """
    return sum(len(pairs) for pairs in table.values())


def read_into(table: Triples, path: Path, terms: dict[str, str] | None = None,
              data: bytes | None = None) -> list[str]:
    """Add the triples of one file to ``table`` and return warnings, or raise BadInput with file:line.

    ``data`` is the file's bytes if the caller has read them already (once), else None.
    """
    if data is None:
        data = read_regular(path, "the RDF file")  # first: a folder or FIFO is named as such
    fmt = rdf_format(path)
    check_rdf_bytes(data, path, fmt)
    if fmt == "json-ld":
        check_jsonld(data, path)
    base = path.resolve().as_uri()
    terms = {} if terms is None else terms
    name, ox_name = FORMATS[fmt]
    fresh: Triples = {}  # all or nothing: a file that fails half way adds nothing
    with parse_errors(path, name):
        warnings = _read_strict(fresh, data.removeprefix(b"\xef\xbb\xbf"), ox_name, base, terms, path)
    if not fresh:
        raise BadInput(f"{path}: no triples in it (only prefixes, comments or plain JSON); "
                       "a file given to mlgraph must add RDF statements")
    merge_triples(table, fresh)
    return warnings


def merge_triples(table: Triples, more: Triples) -> None:
    """Add the triples of ``more`` to ``table``, keeping the order in which they were first read.

    >>> table = {"urn:p": {("urn:a", "urn:b"): None}}
    >>> merge_triples(table, {"urn:p": {("urn:a", "urn:b"): None, ("urn:c", "urn:d"): None}})
    >>> list(table["urn:p"])
    [('urn:a', 'urn:b'), ('urn:c', 'urn:d')]
    """
    for predicate, pairs in more.items():
        if predicate in table:
            table[predicate].update(pairs)
        else:
            table[predicate] = pairs


def _read_strict(table: Triples, data: bytes, ox_name: str, base: str,
                 terms: dict[str, str], path: Path) -> list[str]:
    """Parse with oxigraph into ``table``; the loop is kept bare because it runs once per triple."""
    import pyoxigraph as ox

    literal, default_graph = ox.Literal, ox.DefaultGraph
    intern = terms.setdefault
    named_graphs = False
    quads = ox.parse(data, getattr(ox.RdfFormat, ox_name), base_iri=base, rename_blank_nodes=True)
    try:
        for s, p, o, g in quads:
            pairs = table.get(p.value)
            if pairs is None:
                pairs = table[intern(p.value, p.value)] = {}
            sv = s.value
            if type(o) is literal:
                pairs[intern(sv, sv), _literal(o, path)] = None
            else:
                ov = o.value
                pairs[intern(sv, sv), intern(ov, ov)] = None
            if type(g) is not default_graph:
                named_graphs = True
    except AttributeError:  # an RDF 1.2 triple term has no value
        raise BadInput(f"{path}: RDF 1.2 triple terms are not supported; use rdf:Statement nodes") from None
    warnings = [imports_warning(path, _text(iri)) for _, iri in table.get(OWL_IMPORTS, ())]
    return sorted(set(warnings + ([merged_graphs_warning(path)] if named_graphs else [])))


def _literal(term, path: Path) -> tuple:
    if getattr(term, "direction", None):
        raise BadInput(f"{path}: literal {term} has a base direction, which mlgraph does not support")
    if term.language:
        return (term.value, term.language, None)
    datatype = term.datatype.value
    return (term.value, None, None if datatype == XSD_STRING else datatype)


def _text(term) -> str:
    return term[0] if isinstance(term, tuple) else term
