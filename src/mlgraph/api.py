"""mlgraph from Python: load the graph once, then ask it what the command line asks.

Names are matched as the command line matches them (IRI, CURIE, label or synonym, any case).
Every answer is a small result object: ``as_dict()`` gives the JSON ``--json`` prints, and in a
notebook it shows as a table (``to_pandas()`` for a DataFrame). Problems raise the
:class:`mlgraph.errors.MlgraphError` family; nothing is printed.

>>> import mlgraph
>>> g = mlgraph.load()
>>> routes = g.route("data scientist", "machine learning architect")
>>> [n["label"] for n in routes.best.nodes][0]
'data scientist'
>>> g.show("MLE")["label"]
'machine learning engineer'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path

from mlgraph.errors import BadInput
from mlgraph.loaded import Have, LoadedGraph

#: What route, gap and plan ends are looked up as first.
ROUTE_ENDS = ("Role", "EducationPath")


def load(data: str | PathLike | Iterable[str | PathLike] = (), builtin: bool = True,
         use_cache: bool = True) -> CareerGraph:
    """Return the built-in graph (unless ``builtin=False``) merged with your RDF ``data`` files.

    The files are read now, so a bad file raises here (``BadInput``, with file and line).

    >>> load().network.number_of_nodes() > 100
    True
    """
    graph = CareerGraph(data, builtin=builtin, use_cache=use_cache)
    graph.network  # noqa: B018 - read the files now
    return graph


class CareerGraph(LoadedGraph):
    """The career graph and the questions mlgraph answers about it, as the command line asks them.

    ``network`` is the networkx projection the answers use, ``rdf`` the whole rdflib graph
    (parsed when first needed), ``warnings`` what loading ignored on purpose.
    """

    def route(self, source: str, target: str, k: int = 1, via: Iterable[str] = (), avoid: Iterable[str] = (),
              cost: str = "hops", have: Have = None, max_hops: int | None = None):
        """Return up to ``k`` routes over career relations, best first (``mlgraph path``).

        ``cost`` is ``hops``, ``skills`` or ``blend``; ``have`` is a profile file or names.

        >>> load().route("software engineer", "ml architect", cost="skills").best.hops >= 1
        True
        """
        from mlgraph.career.costs import step_cost
        from mlgraph.career.network import node_summary
        from mlgraph.career.paths import find_routes
        from mlgraph.results import Routes

        G, held = self.network, self._have(have)
        src, dst = (self.resolve(name, ROUTE_ENDS) for name in (source, target))
        found = find_routes(G, src, dst, k=k, via=[self.resolve(n, ROUTE_ENDS) for n in via],
                            avoid=[self.resolve(n, ROUTE_ENDS) for n in avoid], max_hops=max_hops,
                            cost=step_cost(cost, held), have=held)
        return Routes(node_summary(G, src), node_summary(G, dst), tuple(found), asked=k, cost=cost)

    def gap(self, source: str, target: str, have: Have = None, min_evidence: str | None = None):
        """Return what ``target`` needs that ``source`` (and ``have``) lacks, and who teaches it (``mlgraph gap``).

        ``min_evidence`` (``stated``, ``imported``, ``listed``) leaves out needs with weaker evidence.

        >>> load().gap("data scientist", "ml engineer").to_pandas().columns[0]
        'label'
        """
        from mlgraph.career.gap import skill_gap
        from mlgraph.results import SkillGap

        src, dst = (self.resolve(name, ROUTE_ENDS) for name in (source, target))
        return SkillGap(skill_gap(self.network, src, dst, self._have(have), min_evidence))

    def next(self, role: str, n: int = 5, have: Have = None):
        """Return the ``n`` best moves out of ``role``, stated moves first (``mlgraph next``).

        >>> load().next("data scientist", n=3).role["label"]
        'data scientist'
        """
        from mlgraph.career.moves import next_moves
        from mlgraph.career.network import node_summary
        from mlgraph.results import Moves

        node = self.resolve(role, ("Role",))
        found = next_moves(self.network, node, n, self._have(have))
        return Moves(node_summary(self.network, node), tuple(found))

    def plan(self, source: str, target: str, cost: str = "skills", have: Have = None, all: bool = False,  # noqa: A002
             min_evidence: str | None = None):
        """Return a Markdown study plan for the best route under ``cost`` (``mlgraph plan``): the most
        important things to learn per step (``all=True`` for every one), ``min_evidence`` as for ``gap``.

        >>> str(load().plan("data scientist", "ml architect")).startswith("# Study plan")
        True
        """
        from mlgraph.career.costs import step_cost
        from mlgraph.career.paths import find_routes
        from mlgraph.career.plan import render_plan
        from mlgraph.career.ranking import TOP_ITEMS
        from mlgraph.results import StudyPlan

        held = self._have(have)
        src, dst = (self.resolve(name, ROUTE_ENDS) for name in (source, target))
        best = find_routes(self.network, src, dst, cost=step_cost(cost, held), have=held)[0]
        text = render_plan(self.network, best, held, cost, None if all else TOP_ITEMS, min_evidence)
        return StudyPlan(best, text, cost)

    def show(self, name: str):
        """Return a node's card: type, description, synonyms, relations, salaries, sources (``mlgraph show``).

        >>> load().show("python")["type"]
        'Tool'
        """
        from mlgraph.career.describe import describe_node
        from mlgraph.results import Card

        return Card(describe_node(self.network, self.resolve(name)))

    node = show

    def search(self, text: str):
        """Return the nodes whose label, synonyms or description contain every word of ``text``.

        >>> load().search("spark")[0]["label"]
        'Apache Spark'
        """
        from mlgraph.career.names import search

        return self._nodes(search(self.network, text))

    def list(self, type: str | None = None):  # noqa: A002 - the command line's word
        """Return the nodes of one type (``"tools"``, ``"Role"`` ...) or all, by type then label.

        >>> load().list("education paths")[0]["type"]
        'EducationPath'
        """
        from mlgraph.career.network import nodes_of_type
        from mlgraph.rdf.vocab import type_named

        return self._nodes(nodes_of_type(self.network, type_named(type) if type else None))

    def _nodes(self, nodes: Iterable[str]):
        from mlgraph.career.network import node_summary
        from mlgraph.results import Nodes

        return Nodes(tuple(node_summary(self.network, n) for n in nodes))

    def stats(self):
        """Return the number of triples, of nodes by type and of relations by kind.

        >>> load().stats().as_dict()["nodes"]["Role"] > 10
        True
        """
        from mlgraph.career.describe import graph_stats
        from mlgraph.results import Stats

        return Stats(graph_stats(self.network))

    def query(self, sparql: str | Path, params: Mapping[str, str] | None = None, **values: str):
        """Run read-only SPARQL, a ``.rq`` file (a ``Path``), a named query with its values, or a prepared query.

        >>> load().query("roles-needing-skill", skill="deep learning").type
        'SELECT'
        """
        from mlgraph.rdf.query import run_query
        from mlgraph.results.rdf import QueryResult

        from mlgraph.rdf.prepare import PreparedQuery

        prepared = sparql if isinstance(sparql, PreparedQuery) else self.prepare_query(sparql, {**(params or {}), **values})
        if self.endpoint is not None:
            from mlgraph.remote.query import query_server

            return QueryResult(prepared.text, query_server(self.endpoint, prepared.text, prepared.bindings))
        return QueryResult(prepared.text, run_query(self.rdf, prepared.query, prepared.bindings))

    def prepare_query(self, sparql: str | Path, params: Mapping[str, str] | None = None):
        """Return the query parsed, checked read-only, with ``params`` resolved and bound (not run).

        >>> load().prepare_query("taught-by", {"education": "machine learning bootcamp"}).named.name
        'taught-by'
        """
        from mlgraph.rdf.prepare import prepare

        return prepare(sparql, params, lambda value, types: self.resolve(value, types))

    def export(self, path: str | PathLike | None = None, format: str | None = None,  # noqa: A002
               force: bool = False) -> str | Path:
        """Return the graph as text in ``format`` (default Turtle), or write it to ``path`` (format from
        its suffix unless given). An existing file is replaced only if mlgraph wrote it, or with ``force``.

        >>> load().export(format="nt").count("\\n") > 1000
        True
        """
        from mlgraph.rdf.export import choose_format, export_format, render_rdf, write_export

        fmt = export_format(format or "ttl") if path is None else choose_format(str(path), format)[0]
        text = render_rdf(self.rdf, fmt) if fmt.rdf else fmt.render(self.network)
        return text if path is None else write_export(text, Path(path), force=force)

    def validate(self, *files: str | PathLike):
        """Check the graph and ``files`` against mlgraph's SHACL shapes.

        >>> load().validate().conforms
        True
        """
        from mlgraph.rdf.validate import validate_files
        from mlgraph.results.rdf import Validation

        return Validation(validate_files(self.files(files)))

    def map(self, path: tuple[str, str] | None = None, k: int = 1, focus: str | None = None, depth: int = 1,
            types: str | Iterable[str] | None = None, max_nodes: int | None = None, have: Have = None,
            height: int = 640):
        """Return the map of routes (``path=(a, b)``), a neighbourhood (``focus``) or the whole graph.

        In a notebook it shows inline; ``save(file)`` writes the page, ``to_pyvis()`` gives pyvis.

        >>> load().map(focus="python", types="Role").view.title
        'Around Python (1 step)'
        """
        from mlgraph.map.notebook import draw_map

        held = self._have(have) if have is not None else None
        view = self.map_view(path, k, focus, depth, types, max_nodes, have=held)
        return draw_map(self.network, view, have=held, height=height)

    def map_view(self, path: tuple[str, str] | None = None, k: int = 1, focus: str | None = None, depth: int = 1,
                 types: str | Iterable[str] | None = None, max_nodes: int | None = None, have: Have = None):
        """Return what ``map`` would draw (a :class:`mlgraph.map.views.View`), without drawing it.

        >>> load().map_view(path=("data scientist", "ml architect")).title
        'Route from data scientist to machine learning architect'
        """
        from mlgraph.map.notebook import choose_view

        if path and focus:
            raise BadInput("give either path=(SOURCE, TARGET) or focus=NAME, not both")
        held = self._have(have) if have is not None else ()
        return choose_view(self.network, self.resolve, path, k, focus, depth, types, max_nodes, held)
