"""Check RDF files against mlgraph's SHACL shapes and say what to fix, where.

pySHACL runs with no inference, no owl:imports and no JavaScript. The data graph always holds
the schema, so the SPARQL constraint that every relation is sourced can see which properties
are relations. Each problem names the file it came from: the file holding the offending triple,
else the files that describe the node.

>>> from mlgraph.rdf.builtin import builtin_files
>>> report = validate_files(builtin_files())
>>> report.conforms, report.problems
(True, [])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import SH, SKOS

from mlgraph.rdf.builtin import shapes_file
from mlgraph.rdf.load import parse_files
from mlgraph.rdf.vocab import compact_iri

_IRI_IN_TEXT = re.compile(r"https?://[^\s<>\"'{}|^`]+")


@dataclass(frozen=True)
class Problem:
    """One shape violation: where it is, which node and property, and what is wrong."""

    file: str
    node: str
    label: str
    property: str
    message: str
    severity: str = "Violation"
    value: str = ""

    def as_dict(self) -> dict:
        """Return the problem as plain data."""
        return {k: getattr(self, k) for k in ("file", "node", "label", "property", "message", "severity", "value")}

    def line(self) -> str:
        """Return the problem as one line a person can act on.

        >>> Problem("mine.ttl", "mld:x", "x", "skos:prefLabel", "needs a label").line()
        'mine.ttl: x (mld:x) skos:prefLabel: needs a label'
        """
        prop = f" {self.property}" if self.property else ""
        kind = "" if self.severity == "Violation" else f"[{self.severity.lower()}] "
        name = f"{self.label} ({self.node})" if self.label and self.label != self.node else self.node
        return f"{self.file}: {kind}{name}{prop}: {self.message}"


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: the files read, their triples, and the problems found."""

    files: list[str]
    triples: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when no problem is a violation (warnings and infos do not count)."""
        return not any(p.severity == "Violation" for p in self.problems)

    def as_dict(self) -> dict:
        """Return the report as plain data."""
        return {"conforms": self.conforms, "files": self.files, "triples": self.triples,
                "problems": [p.as_dict() for p in self.problems]}


def validate_files(paths: Sequence[Path]) -> Report:
    """Parse ``paths`` (each on its own, to know where every triple came from) and validate them."""
    warnings: list[str] = []
    parts = [(str(path), parse_files([path], warnings)) for path in paths]
    data = parse_files([])
    for _, part in parts:
        data += part
    problems = [_describe(data, parts, result) for result in shacl_results(data)]
    problems += number_problems(data, parts)
    problems.sort(key=lambda p: (p.file, p.label.casefold(), p.node, p.property, p.message))
    return Report([name for name, _ in parts], len(data), problems, warnings)


def number_problems(data: rdflib.Graph, parts) -> list[Problem]:
    """Return a problem for each salary figure that is not a finite number (SHACL's datatype
    checks accept ``NaN`` and ``INF`` as doubles; no command can use them)."""
    from mlgraph.rdf.literals import salary_number_problems

    return [Problem(file=", ".join(origin_files(parts, obs, prop, value)) or "?", node=_name(obs),
                    label=node_label(data, obs), property=_name(prop),
                    message=f"{problem}: a salary figure must be a finite number", value=_name(value))
            for obs, prop, value, problem in salary_number_problems(data)]


def shacl_results(data: rdflib.Graph) -> list[tuple]:
    """Return (results graph, result node) pairs for every result of validating ``data``.

    >>> from rdflib.namespace import SKOS
    >>> g = rdflib.Graph().add((URIRef("urn:x"), RDF.type, URIRef("https://w3id.org/mlgraph/ns#Tool")))
    >>> [str(results.value(node, SH.resultPath)) for results, node in shacl_results(g)]
    ['http://www.w3.org/2004/02/skos/core#prefLabel']
    """
    import pyshacl

    from mlgraph.rdf.parsed_once import queries_parsed_once

    shapes = parse_files([shapes_file()])
    with queries_parsed_once():
        _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", abort_on_first=False,
                                         allow_infos=True, allow_warnings=True, do_owl_imports=False,
                                         advanced=False, js=False)
    return [(results, node) for node in results.subjects(RDF.type, SH.ValidationResult)]


def _describe(data: rdflib.Graph, parts, found) -> Problem:
    results, node = found
    focus = results.value(node, SH.focusNode)
    path = results.value(node, SH.resultPath)
    value = results.value(node, SH.value)
    messages = sorted(str(m) for m in results.objects(node, SH.resultMessage))
    message = _compact_text("; ".join(messages) or f"breaks {results.value(node, SH.sourceConstraintComponent)}")
    severity = str(results.value(node, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
    return Problem(
        file=", ".join(origin_files(parts, focus, path, value)) or "?",
        node=_name(focus), label=node_label(data, focus),
        property=_name(path) if isinstance(path, URIRef) else "",
        message=message, severity=severity,
        value=_name(value) if value is not None else "",
    )


def origin_files(parts, focus, path, value) -> list[str]:
    """Return the files that hold the offending triple, else those describing the focus node.

    >>> a = rdflib.Graph().add((URIRef("urn:x"), URIRef("urn:p"), URIRef("urn:y")))
    >>> b = rdflib.Graph().add((URIRef("urn:x"), URIRef("urn:q"), URIRef("urn:z")))
    >>> origin_files([("a.ttl", a), ("b.ttl", b)], URIRef("urn:x"), None, URIRef("urn:z"))
    ['b.ttl']
    """
    tests = []
    if path is not None and value is not None:
        tests.append((focus, path, value))
    if value is not None:
        tests.append((focus, None, value))
    if isinstance(path, URIRef):
        tests.append((focus, path, None))
    tests += [(focus, None, None), (None, None, focus)]
    for pattern in tests:
        files = [name for name, graph in parts if pattern in graph]
        if files:
            return files
    return []


def node_label(data: rdflib.Graph, node) -> str:
    """Return what to call a node in a report: its label, or what a statement node is about.

    >>> st = BNode()
    >>> g = rdflib.Graph().add((st, RDF.type, RDF.Statement)).add((st, RDF.subject, URIRef("urn:x")))
    >>> node_label(g, st)
    'statement: urn:x ? ?'
    """
    label = data.value(node, SKOS.prefLabel)
    if label is not None:
        return str(label)
    if isinstance(node, BNode) and (node, RDF.type, RDF.Statement) in data:
        parts = [data.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        return "statement: " + " ".join(_name(p) if p is not None else "?" for p in parts)
    return _name(node)


def _name(term) -> str:
    if isinstance(term, Literal):
        return repr(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return compact_iri(str(term)) if term is not None else ""


def _compact_text(text: str) -> str:
    return _IRI_IN_TEXT.sub(lambda m: compact_iri(m.group()), " ".join(text.split()))


def render_report(report: Report) -> str:
    """Return the problems, one line each; empty when there are none.

    >>> render_report(Report(["a.ttl"], 3, [Problem("a.ttl", "mld:x", "x", "mlg:level", "bad level")]))
    'a.ttl: x (mld:x) mlg:level: bad level'
    """
    return "\n".join(problem.line() for problem in report.problems)
