"""Run read-only SPARQL on the graph: users' queries and named ones with bound parameters.

A query is parsed and translated to SPARQL algebra before it runs; updates (INSERT, DELETE,
LOAD, CLEAR ...), SERVICE calls and FROM clauses (which would make rdflib fetch documents) are
refused. Named queries live in ``queries/*.rq`` beside this module; their parameters are bound
as values (``initBindings``), so what a person types never becomes part of a query's text.

>>> sorted(named_queries())[:2]
['education-for-role', 'facts-from-source']
>>> prepare_query("DELETE WHERE { ?s ?p ?o }")
Traceback (most recent call last):
...
mlgraph.errors.BadInput: refused: this is a SPARQL update (it would change the graph); mlgraph query is read-only
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources

import rdflib
from rdflib import BNode, Literal, URIRef, Variable

from mlgraph.errors import BadInput
from mlgraph.rdf.vocab import NODE_TYPES, compact_iri


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with mlgraph: its name, what it answers, its parameters and its text."""

    name: str
    title: str
    text: str
    params: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (type, help)

    def as_dict(self) -> dict:
        """Return the query as plain data (for ``--list --json``)."""
        params = [{"name": n, "type": t, "help": h} for n, (t, h) in self.params.items()]
        return {"name": self.name, "title": self.title, "params": params}


def named_queries() -> dict[str, NamedQuery]:
    """Return the named queries shipped in ``mlgraph/rdf/queries``, by name."""
    folder = resources.files("mlgraph.rdf") / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            query = parse_named_query(entry.name[:-3], entry.read_text(encoding="utf-8"))
            found[query.name] = query
    return found


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read a named query's ``# title:`` and ``# param: NAME TYPE HELP`` header lines.

    >>> q = parse_named_query("demo", "# title: Demo\\n# param: role Role the role\\nASK { ?role ?p ?o }")
    >>> q.title, q.params
    ('Demo', {'role': ('Role', 'the role')})
    """
    title, params = name, {}
    for line in text.splitlines():
        if line.startswith("# title:"):
            title = line.split(":", 1)[1].strip()
        elif line.startswith("# param:"):
            pname, ptype, *words = line.split(":", 1)[1].split()
            params[pname] = (ptype, " ".join(words))
    return NamedQuery(name, title, text, params)


def prepare_query(text: str):
    """Parse and translate a SPARQL query, refusing anything that writes or reaches the network.

    >>> prepare_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    mlgraph.errors.BadInput: refused: SERVICE would send the query to another server; mlgraph never does
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.algebra import traverse

    try:
        query = prepareQuery(text)
    except ParseException as exc:
        if _is_update(text):
            raise BadInput("refused: this is a SPARQL update (it would change the graph); "
                           "mlgraph query is read-only") from None
        raise BadInput(f"query:{exc.lineno}: not valid SPARQL: {exc.msg} (line {exc.lineno}, column {exc.col}): "
                       f"{exc.line.strip()[:80]}") from None
    except Exception as exc:  # rdflib's translation raises plain exceptions for semantic errors
        raise BadInput(f"not a valid SPARQL query: {' '.join(str(exc).split())[:200]}") from None
    if query.algebra.get("datasetClause"):
        raise BadInput("refused: FROM / FROM NAMED would load other documents; "
                       "query the loaded graph, adding files with --data")
    names: list[str] = []
    traverse(query.algebra, visitPre=lambda node: names.append(getattr(node, "name", "")))
    if "ServiceGraphPattern" in names:
        raise BadInput("refused: SERVICE would send the query to another server; mlgraph never does")
    if "Graph" in names:
        raise BadInput("GRAPH finds nothing here: mlgraph reads every file into one default graph; "
                       "drop the GRAPH clause")
    return query


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # not an update either: the caller reports the query's syntax error
        return False
    return True


def bind_params(query: NamedQuery, values: Mapping[str, str],
                resolve: Callable[[str, str], str]) -> dict[Variable, rdflib.term.Identifier]:
    """Return the query's variables bound to the given values; node values go through ``resolve``.

    ``resolve(value, type)`` returns the IRI a name stands for (``names.resolve`` on the network).

    >>> q = parse_named_query("demo", "# param: role Role the role\\nASK { ?role ?p ?o }")
    >>> bind_params(q, {"role": "MLE"}, lambda value, kind: "urn:mle")
    {rdflib.term.Variable('role'): rdflib.term.URIRef('urn:mle')}
    """
    unknown = sorted(set(values) - set(query.params))
    if unknown:
        known = ", ".join(query.params) or "none"
        raise BadInput(f"query {query.name!r} has no parameter {unknown[0]!r}; its parameters: {known}")
    bindings = {}
    for name, (kind, _help) in query.params.items():
        if name not in values:
            raise BadInput(f"query {query.name!r} needs --param {name}=VALUE ({_help})")
        if kind == "text":
            bindings[Variable(name)] = Literal(values[name])
        else:
            bindings[Variable(name)] = URIRef(resolve(values[name], kind))
    return bindings


def node_types(kind: str) -> tuple[str, ...]:
    """Return the node types a parameter of type ``kind`` prefers (none for ``node``).

    >>> node_types("Skill"), node_types("node")
    (('Skill',), ())
    """
    return (kind,) if kind in NODE_TYPES else ()


def run_query(graph: rdflib.Graph, query, bindings: Mapping | None = None):
    """Run a prepared query on ``graph`` with values bound to variables; return rdflib's result.

    >>> g = rdflib.Graph().add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
    >>> result = run_query(g, prepare_query("SELECT ?o WHERE { ?s <urn:p> ?o }"), {Variable("s"): URIRef("urn:a")})
    >>> [str(row.o) for row in result]
    ['x']
    """
    try:
        result = graph.query(query, initBindings=dict(bindings or {}))
        if result.type == "SELECT":
            result.bindings  # evaluate now, so errors surface here rather than while printing
        return result
    except Exception as exc:  # an evaluation error in the user's query, e.g. a bad regex
        raise BadInput(f"the query failed: {' '.join(str(exc).split())[:200]}") from None


def render_table(result) -> str:
    """Return a SELECT result as an aligned text table (IRIs as CURIEs), or an ASK answer.

    >>> g = rdflib.Graph().add((URIRef("https://w3id.org/mlgraph/id/a"), URIRef("urn:p"), Literal("x")))
    >>> print(render_table(g.query("SELECT ?s ?o WHERE { ?s ?p ?o }")))
    s      o
    -----  -
    mld:a  x
    """
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    header = [str(v) for v in result.vars]
    rows = [[_cell(row[v]) for v in result.vars] for row in result]
    widths = [min(max([len(h)] + [len(r[i]) for r in rows]), 60) for i, h in enumerate(header)]
    lines = [_row(header, widths), _row(["-" * w for w in widths], widths)]
    lines += [_row(r, widths) for r in rows]
    return "\n".join(lines)


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact_iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split())


def _row(cells: list[str], widths: list[int]) -> str:
    padded = [c if i == len(cells) - 1 else (c if len(c) <= w else c[:w - 1] + "…").ljust(w)
              for i, (c, w) in enumerate(zip(cells, widths))]
    return "  ".join(padded).rstrip()


def render_json(result) -> str:
    """Return SPARQL 1.1 JSON results (SELECT, ASK) or flattened JSON-LD (CONSTRUCT, DESCRIBE).

    >>> render_json(rdflib.Graph().query("ASK { ?s ?p ?o }"))
    '{\\n  "head": {},\\n  "boolean": false\\n}\\n'
    """
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        from mlgraph.rdf.export import FORMATS, render_rdf

        return render_rdf(result.graph, FORMATS["jsonld"])
    raw = json.loads(result.serialize(format="json"))
    document = {"head": raw.pop("head", {}), **raw}  # the order the SPARQL 1.1 JSON spec shows
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_csv(result) -> str:
    """Return SPARQL 1.1 CSV results (CRLF line ends); a graph result as subject,predicate,object rows.

    >>> g = rdflib.Graph().add((URIRef("urn:a"), URIRef("urn:p"), Literal("x, y")))
    >>> render_csv(g.query("SELECT ?s ?o WHERE { ?s ?p ?o }"))
    's,o\\r\\nurn:a,"x, y"\\r\\n'
    """
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        from mlgraph.rdf.canonical import canonical_triples

        rows = rdflib.query.Result("SELECT")
        rows.vars = [Variable("subject"), Variable("predicate"), Variable("object")]
        rows.bindings = [dict(zip(rows.vars, triple)) for triple in canonical_triples(result.graph)]
        result = rows
    if result.type == "ASK":
        return f"boolean\r\n{str(result.askAnswer).lower()}\r\n"
    return result.serialize(format="csv").decode("utf-8")
