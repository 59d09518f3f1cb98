"""Check RDF files before any parser sees them: that each is a readable file of UTF-8 text or
well-formed XML without a DTD, and that a JSON-LD document names no context to fetch.

Each problem is a BadInput whose message names the file (and the line, when known) and says what
to do about it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from mlgraph.errors import BadInput


def read_rdf_bytes(path: Path, fmt: str) -> bytes:
    """Return the bytes of an RDF file after checks that name what is wrong with it.

    >>> read_rdf_bytes(Path("nowhere.ttl"), "turtle")
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: nowhere.ttl: no such file
    """
    from mlgraph.storage.files import read_regular

    data = read_regular(path, "the RDF file")
    check_rdf_bytes(data, path, fmt)
    return data


def check_rdf_bytes(data: bytes, path: Path, fmt: str) -> None:
    """Raise BadInput if ``data`` (read from ``path``) is empty, not UTF-8, or XML with a DTD."""
    if not data.strip():
        raise BadInput(f"{path}: empty file: there is no RDF in it")
    if fmt == "xml":
        _check_xml(data, path)
    else:
        _check_text(data, path)


def _check_text(data: bytes, path: Path) -> None:
    """Refuse text RDF that is not UTF-8: other encodings, binary files."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:2].count(b"\x00") == 1:
        raise BadInput(f"{path}: file is UTF-16 encoded; RDF text must be UTF-8 "
                       "(convert it, e.g. `iconv -f UTF-16 -t UTF-8`)")
    if b"\x00" in data[:8192]:
        raise BadInput(f"{path}: binary data (NUL bytes), not an RDF text file; check the file name")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BadInput(f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at line {line}, "
                       f"column {column}); save the file as UTF-8") from None


def _check_xml(data: bytes, path: Path) -> None:
    """Refuse RDF/XML that is not well-formed or declares a DTD or entities (bombs, external files)."""
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    try:
        safe_xml.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise BadInput(f"{path}: refused: the XML declares a DTD or entities (<!DOCTYPE ...>), "
                       "which can expand without limit or read other files; remove the DOCTYPE") from None
    except safe_xml.ParseError as exc:
        line, column = exc.position
        reason = str(exc).split(":")[0]
        raise BadInput(f"{path}:{line}: not well-formed XML: {reason} (line {line}, column {column + 1})") from None


def remote_contexts(document) -> list[str]:
    """Return the contexts in a JSON-LD document that are references (to fetch), not inline.

    >>> remote_contexts({"@context": ["https://schema.org/", {"ex": "urn:ex:"}], "@id": "urn:a"})
    ['https://schema.org/']
    """
    found: list[str] = []
    for item in _objects(document):
        if "@context" in item:
            contexts = item["@context"] if isinstance(item["@context"], list) else [item["@context"]]
            found += [c for c in contexts if isinstance(c, str)]
            found += [c["@import"] for c in contexts if isinstance(c, dict) and "@import" in c]
    return found


def _objects(document, skip: str = "") -> Iterator[dict]:
    """Yield every JSON object in ``document``, depth first, without recursion (deep nesting is
    an attack), leaving out what sits under the key ``skip``."""
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            stack.extend(v for k, v in item.items() if k != skip)


#: What an IRI may not contain (RFC 3987): spaces, controls and these delimiters.
_NOT_IN_IRI = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}


def invalid_ids(document) -> list[str]:
    """Return the ``@id`` values of a JSON-LD document that cannot be IRIs (a JSON-LD reader
    silently drops the nodes they name).

    >>> invalid_ids({"@id": "https://example.org/data engineer", "p": {"@id": "urn:ok"}})
    ['https://example.org/data engineer']
    """
    ids = (item.get("@id") for item in _objects(document, skip="@context"))
    return [value for value in ids if isinstance(value, str) and _NOT_IN_IRI.intersection(value)]


def check_jsonld(data: bytes, path: Path) -> None:
    """Refuse JSON-LD that names a context to fetch, or an ``@id`` that is not an IRI.

    >>> check_jsonld(b'{"@context": "https://schema.org/", "@id": "urn:a"}', Path("a.jsonld"))
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: a.jsonld: refused: JSON-LD @context refers to 'https://schema.org/', a document mlgraph would have to fetch; mlgraph never fetches: put the context inline
    """
    import json

    try:
        # Numbers stay text: a 5,000-digit number is not an error here (the literal keeps it).
        document = json.loads(data.decode("utf-8").removeprefix("\ufeff"), parse_int=str, parse_float=str,
                              parse_constant=str)
    except RecursionError:
        raise BadInput(f"{path}: refused: JSON nested too deeply to read safely") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{path}:{exc.lineno}: not JSON, so not JSON-LD: {exc.msg} "
                       f"(line {exc.lineno}, column {exc.colno})") from None
    remote = remote_contexts(document)
    if remote:
        raise BadInput(f"{path}: refused: JSON-LD @context refers to {remote[0]!r}, a document mlgraph "
                       "would have to fetch; mlgraph never fetches: put the context inline")
    bad = invalid_ids(document)
    if bad:
        raise BadInput(f"{path}: @id {bad[0][:80]!r} is not a valid IRI (spaces and <>\"{{}}|^` are not "
                       "allowed); percent-encode them, e.g. %20 for a space")
