"""Publish the graph to a SPARQL 1.1 server and explore it from there.

:mod:`~mlgraph.remote.endpoint` says where a server's services are and which graph to use;
:mod:`~mlgraph.remote.http` talks to it (timeouts, size caps, credentials, one-line errors);
:mod:`~mlgraph.remote.push` uploads a graph in one Graph Store request; :mod:`~mlgraph.remote.read` reads the
graph back into the career network (cached); :mod:`~mlgraph.remote.query` runs read-only SPARQL
on the server with the same safety rules as a local query.
"""
