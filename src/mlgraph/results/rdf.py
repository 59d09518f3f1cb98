"""Answers about the RDF graph: SPARQL results and SHACL validation reports.

>>> import rdflib
>>> g = rdflib.Graph().add((rdflib.URIRef("https://w3id.org/mlgraph/id/a"), rdflib.URIRef("urn:p"), rdflib.Literal(3)))
>>> found = QueryResult("SELECT ?s ?o WHERE { ?s ?p ?o }", g.query("SELECT ?s ?o WHERE { ?s ?p ?o }"))
>>> found
<QueryResult SELECT: 1 row>
s      o
-----  -
mld:a  3
>>> found.rows()
[['https://w3id.org/mlgraph/id/a', 3]]
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from mlgraph.results.tables import data_frame, html_block, html_table, plural


@dataclass(frozen=True)
class QueryResult:
    """The result of a read-only SPARQL query (``CareerGraph.query``): rows, a boolean or a graph.

    ``result`` is rdflib's own result; iterate over it for rows as rdflib gives them.
    """

    text: str
    result: object  # rdflib.query.Result

    @property
    def type(self) -> str:
        """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``."""
        return self.result.type

    def __len__(self) -> int:
        """Rows of a SELECT, triples of a CONSTRUCT or DESCRIBE, 1 for ASK."""
        return 1 if self.type == "ASK" else len(self.result)

    def __bool__(self) -> bool:
        return bool(self.result.askAnswer) if self.type == "ASK" else len(self) > 0

    def __iter__(self):
        return iter(self.result)

    def as_dict(self) -> dict:
        """Return what ``mlgraph query --json`` prints: SPARQL 1.1 JSON results, or JSON-LD for a graph."""
        return json.loads(self.to_json())

    def to_json(self) -> str:
        """Return the JSON text ``mlgraph query --json`` prints."""
        from mlgraph.rdf.query import render_json

        return render_json(self.result)

    def to_text(self) -> str:
        """Return the result as ``mlgraph query`` prints it: a table, true/false, or Turtle."""
        from mlgraph.rdf.query import render_table

        if self.type in ("CONSTRUCT", "DESCRIBE"):
            from mlgraph.rdf.export import FORMATS, render_rdf

            return render_rdf(self.result.graph, FORMATS["ttl"])
        return render_table(self.result)

    def to_csv(self) -> str:
        """Return SPARQL 1.1 CSV results, as ``mlgraph query --csv`` prints them."""
        from mlgraph.rdf.query import render_csv

        return render_csv(self.result)

    def columns(self) -> list[str]:
        if self.type in ("CONSTRUCT", "DESCRIBE"):
            return ["subject", "predicate", "object"]
        return ["boolean"] if self.type == "ASK" else [str(v) for v in self.result.vars]

    def rows(self, python: bool = True) -> list[list]:
        """Return the rows: IRIs as strings, literals as Python values (``python``) or as text."""
        if self.type == "ASK":
            return [[bool(self.result.askAnswer)]]
        if self.type in ("CONSTRUCT", "DESCRIBE"):
            from mlgraph.rdf.canonical import canonical_triples

            found = canonical_triples(self.result.graph)
        else:
            found = [[row[v] for v in self.result.vars] for row in self.result]
        return [[_value(term, python) for term in row] for row in found]

    def __repr__(self) -> str:
        text = self.to_text().rstrip("\n").splitlines()
        more = [f"... ({len(text) - 20} more lines)"] if len(text) > 21 else []
        return "\n".join([f"<QueryResult {self.type}: {plural(len(self), _unit(self.type))}>", *text[:20], *more])

    def _repr_html_(self) -> str:
        rows = self.rows(python=False)
        return html_block(f"{self.type}: {plural(len(self), _unit(self.type))}",
                          html_table(self.columns(), rows[:500]),
                          lines=[f"Showing 500 of {len(rows):,} rows."] if len(rows) > 500 else [])

    def to_pandas(self):
        """Return the rows as a DataFrame: one column per variable (subject, predicate, object for graphs)."""
        return data_frame(self.columns(), self.rows())


def _unit(kind: str) -> str:
    return {"SELECT": "row", "ASK": "answer"}.get(kind, "triple")


def _value(term, python: bool):
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.Literal):
        value = term.toPython() if python else str(term)
        return str(term) if isinstance(value, rdflib.Literal) else value
    return str(term)


@dataclass(frozen=True)
class Validation:
    """The SHACL report of ``CareerGraph.validate``: the files read and the problems found."""

    report: object  # mlgraph.rdf.validate.Report

    @property
    def conforms(self) -> bool:
        """True when no problem is a violation."""
        return self.report.conforms

    @property
    def problems(self) -> list:
        return self.report.problems

    def __bool__(self) -> bool:
        return self.conforms

    def as_dict(self) -> dict:
        """Return what ``mlgraph validate --json`` prints."""
        return self.report.as_dict()

    def rows(self) -> list[list]:
        return [[p.file, p.label, p.node, p.property, p.message, p.severity] for p in self.problems]

    def __repr__(self) -> str:
        r = self.report
        head = (f"<Validation: {'conforms' if r.conforms else 'does not conform'} ({plural(len(r.files), 'file')}, "
                f"{r.triples:,} triples, {plural(len(r.problems), 'problem')})>")
        return "\n".join([head, *(f"  {p.line()}" for p in self.problems[:20])])

    def _repr_html_(self) -> str:
        r = self.report
        title = f"{'Conforms' if r.conforms else 'Does not conform'}: {len(r.files)} files, {r.triples:,} triples"
        return html_block(title, html_table(PROBLEM_COLUMNS, self.rows()) if self.problems else "")

    def to_pandas(self):
        """Return one row per problem: file, node label and IRI, property, message, severity."""
        return data_frame(PROBLEM_COLUMNS, self.rows())


PROBLEM_COLUMNS = ("file", "label", "node", "property", "message", "severity")
