"""A graph's files and what is read from them, each on first use: the career network (through
the cache) and the whole RDF graph, with the warnings loading gave and name resolution.

>>> graph = LoadedGraph(builtin=False)
>>> graph
<LoadedGraph: schema, not read yet>
>>> graph.files()[0].name
'schema.ttl'
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from pathlib import Path

#: A profile: a file's path, names of skills and tools, or a resolved Profile.
Have = str | PathLike | Iterable[str] | None


class LoadedGraph:
    """The built-in graph (or only its schema) and your ``data`` files, read when first needed.

    ``network`` is the networkx projection the answers use, ``rdf`` the whole rdflib graph
    (parsed when first needed), ``warnings`` what loading ignored on purpose. With an
    ``endpoint`` (a :class:`mlgraph.remote.endpoint.Endpoint`) both are read from that SPARQL
    server's graph instead of files, and queries run on the server.
    """

    def __init__(self, data: str | PathLike | Iterable[str | PathLike] = (), builtin: bool = True,
                 use_cache: bool = True, endpoint=None) -> None:
        self.data = tuple(Path(p) for p in ([data] if isinstance(data, (str, PathLike)) else data))
        self.builtin, self.use_cache, self.endpoint = builtin, use_cache, endpoint
        self._network, self._rdf, self._rdf_warnings = None, None, ()

    @property
    def network(self):
        """The career network (a ``networkx.MultiDiGraph``), loaded through the cache on first use."""
        if self._network is None and self.endpoint is not None:
            from mlgraph.remote.read import fetch_network

            self._network = fetch_network(self.endpoint, use_cache=self.use_cache)
        if self._network is None:
            from mlgraph.career.network import load_network

            self._network = load_network(self.data, use_cache=self.use_cache, builtin=self.builtin)
        return self._network

    @property
    def rdf(self):
        """The whole RDF graph (an ``rdflib.Graph``), parsed on first use."""
        if self._rdf is None and self.endpoint is not None:
            from mlgraph.remote.read import fetch_graph

            self._rdf = fetch_graph(self.endpoint)
        if self._rdf is None:
            from mlgraph.rdf.load import parse_files

            warnings: list[str] = []
            self._rdf = parse_files(self.files(), warnings)
            self._rdf_warnings = tuple(warnings)
        return self._rdf

    @property
    def warnings(self) -> tuple[str, ...]:
        """What loading ignored on purpose (``owl:imports``, merged named graphs), each once."""
        found = self._network.graph.get("load_warnings", ()) if self._network is not None else ()
        return tuple(dict.fromkeys([*found, *self._rdf_warnings]))

    def files(self, extra: Iterable[str | PathLike] = ()) -> list[Path]:
        """Return the files read: the built-in ones (or only the schema), your data, then ``extra``."""
        from mlgraph.rdf.builtin import input_files

        return input_files(self.data + tuple(Path(p) for p in extra), self.builtin)

    def __repr__(self) -> str:
        where = "built-in graph" if self.builtin else "schema"
        files = f" + {len(self.data)} file{'s' * (len(self.data) != 1)}" if self.data else ""
        if self._network is None:
            return f"<{type(self).__name__}: {where}{files}, not read yet>"
        G = self._network
        return f"<{type(self).__name__}: {where}{files}, {G.number_of_nodes():,} nodes, {G.number_of_edges():,} relations>"

    def resolve(self, name: str, prefer: Iterable[str] = ()) -> str:
        """Return the IRI ``name`` stands for, preferring nodes of the ``prefer`` types.

        >>> LoadedGraph().resolve("mld:python")
        'https://w3id.org/mlgraph/id/python'
        """
        from mlgraph.career.names import resolve

        return resolve(self.network, name, tuple(prefer))

    def profile(self, have: Have):
        """Return the :class:`~mlgraph.career.profile.Profile` of a file's path or of names.

        >>> len(LoadedGraph().profile(["python", "SQL"]).have)
        2
        """
        from mlgraph.career.profile import as_profile

        return as_profile(self.network, have)

    def _have(self, have: Have) -> frozenset[str]:
        return self.profile(have).have
