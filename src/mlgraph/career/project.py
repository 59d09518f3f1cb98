"""Project the RDF graph onto a networkx multigraph that keeps relations and their sources.

Nodes are IRIs (strings) with plain attributes (label, type, description, ``broader`` ...); edges
are keyed by the relation's local name and carry the IRIs of the sources that support them and
one evidence record per source (see :mod:`mlgraph.career.evidence`). When two relation
properties share a local name (a user's ``ex:progressesTo`` beside mlgraph's own), mlgraph's
keeps the short name and the other is keyed by its full IRI, whatever the order they were read
in. Things the projection leaves out on purpose (a number that is not one, a labelled resource
without a type) are listed in ``G.graph["projection_warnings"]``.

>>> from mlgraph.rdf.builtin import builtin_files
>>> from mlgraph.rdf.load import parse_files
>>> G = project_graph(parse_files(builtin_files()))
>>> G.nodes["https://w3id.org/mlgraph/id/data-scientist"]["type"]
'Role'
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import networkx as nx
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from mlgraph.career.evidence import FIGURES, build_record, sort_records, stronger
from mlgraph.rdf.literals import number_problem, read_number
from mlgraph.rdf.vocab import MLG, NODE_TYPES, compact_iri, local_name

_MLG = rdflib.Namespace(MLG)
_SCHEMA = rdflib.Namespace("https://schema.org/")


def project_graph(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """Return the career network of ``graph``: typed entities linked by sourced relations."""
    warnings: list[str] = []
    network = nx.MultiDiGraph(
        triples=len(graph),
        relations=relation_table(graph, warnings),
    )
    # Nodes and edges go in sorted, so the network (and every tie broken by its order) does not
    # depend on the order the triples were read in: files, or a SPARQL server's answer.
    types = entity_types(graph)
    for node, node_type in sorted(types.items()):
        network.add_node(str(node), **node_attributes(graph, node, node_type))
    add_relations(network, graph)
    add_salaries(network, graph, warnings)
    warnings += untyped_warnings(graph, types)
    from mlgraph.career.occupations import join_aligned_occupations

    join_aligned_occupations(network)
    network.graph["projection_warnings"] = warnings
    return network


#: How many resources one warning names before it says "and N more".
NAMED_IN_WARNING = 5


def untyped_warnings(graph: rdflib.Graph, types: dict) -> list[str]:
    """Warn about resources with a preferred label but no type at all: no command would show them."""
    untyped = sorted({str(s) for s in graph.subjects(SKOS.prefLabel, None)
                      if isinstance(s, URIRef) and s not in types and graph.value(s, RDF.type) is None})
    if not untyped:
        return []
    named = ", ".join(compact_iri(n) for n in untyped[:NAMED_IN_WARNING])
    more = f" and {len(untyped) - NAMED_IN_WARNING} more" if len(untyped) > NAMED_IN_WARNING else ""
    return [f"{len(untyped)} resource(s) have a label but no type, so no command shows them: {named}{more}; "
            "add a type such as mlg:Role or mlg:Skill"]


def entity_types(graph: rdflib.Graph) -> dict[URIRef, str]:
    """Map every IRI typed with an mlgraph entity class (or a subclass of one) to its type name."""
    top = {_MLG[name]: name for name in NODE_TYPES}
    class_type = {}
    for cls, name in top.items():
        for sub in graph.transitive_subjects(RDFS.subClassOf, cls):
            class_type.setdefault(sub, name)
    types: dict[URIRef, str] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if isinstance(node, URIRef) and cls in class_type:
            types.setdefault(node, class_type[cls])
    return types


def node_attributes(graph: rdflib.Graph, node: URIRef, node_type: str) -> dict:
    """Return the plain attributes of one entity: label, type, description and the like."""
    label = preferred_text(graph, node, (SKOS.prefLabel, RDFS.label)) or local_name(node)
    # SKOS allows one preferred label per language: the others are names to find the node by.
    others = {str(o) for p in (SKOS.altLabel, SKOS.prefLabel) for o in graph.objects(node, p)} - {label}
    attrs = {
        "label": label,
        "type": node_type,
        "alt_labels": sorted(others),
        "description": preferred_text(graph, node, (DCTERMS.description, SKOS.definition, RDFS.comment)),
    }
    for key, prop in (("kind", _MLG.kind), ("level", _MLG.level), ("onet", _MLG.onetSocCode),
                      ("onet_element", _MLG.onetElementId)):
        value = graph.value(node, prop)
        if value is not None:
            attrs[key] = str(value)
    zone = graph.value(node, _MLG.jobZone)
    if zone is not None:
        attrs["job_zone"] = int(zone)
    broader = sorted(str(o) for o in graph.objects(node, SKOS.broader) if isinstance(o, URIRef))
    if broader:
        attrs["broader"] = broader
    matches = sorted(str(o) for p in (SKOS.exactMatch, SKOS.closeMatch) for o in graph.objects(node, p))
    if matches:
        attrs["matches"] = matches
    if node_type == "Source":
        attrs.update(source_attributes(graph, node))
    return attrs


def source_attributes(graph: rdflib.Graph, node: URIRef) -> dict:
    """Return what identifies a source document: title, publisher, date, file."""
    attrs = {}
    for key, prop in (("title", DCTERMS.title), ("publisher", DCTERMS.publisher),
                      ("date", DCTERMS.date), ("file", _MLG.sourceFile)):
        value = graph.value(node, prop)
        if value is not None:
            attrs[key] = str(value)
    return attrs


def preferred_text(graph: rdflib.Graph, node: URIRef, props) -> str:
    """Return the first English (or untagged) literal of the first property that has one."""
    for prop in props:
        values = [o for o in graph.objects(node, prop) if isinstance(o, Literal)]
        if values:
            ranked = sorted(values, key=lambda lit: (not is_english(lit), str(lit)))
            return str(ranked[0])
    return ""


def is_english(literal: Literal) -> bool:
    """Return True for untagged text and any English tag (``en``, ``en-US``, ``EN-gb``).

    >>> is_english(Literal("x", lang="en-US")), is_english(Literal("x", lang="de"))
    (True, False)
    """
    lang = (literal.language or "en").lower()
    return lang == "en" or lang.startswith("en-")


def relation_table(graph: rdflib.Graph, warnings: list[str] | None = None) -> dict[str, dict]:
    """Describe every relation property: IRI, label, inverse label, and whether routes use it.

    Keys are local names; mlgraph's own property keeps its local name when another shares it, and
    the other is keyed by its full IRI (a warning says so).
    """
    table = {}
    props = sorted(relation_properties(graph, _MLG.Relation), key=lambda p: (not str(p).startswith(MLG), str(p)))
    for prop in props:
        name = local_name(prop)
        if name in table:
            if warnings is not None:
                warnings.append(f"relation <{prop}> has the same name as <{table[name]['iri']}>; "
                                f"it is kept apart as {str(prop)!r}")
            name = str(prop)
        table[name] = {
            "iri": str(prop),
            "label": preferred_text(graph, prop, (RDFS.label,)) or name,
            "inverse_label": preferred_text(graph, prop, (_MLG.inverseLabel,)) or f"← {name}",
            "career": prop in relation_properties(graph, _MLG.CareerRelation),
        }
    return dict(sorted(table.items()))


def relation_properties(graph: rdflib.Graph, relation_class: URIRef) -> set[URIRef]:
    """Return properties typed with ``relation_class`` or one of its subclasses."""
    classes = set(graph.transitive_subjects(RDFS.subClassOf, relation_class))
    return {p for c in classes for p in graph.subjects(RDF.type, c) if isinstance(p, URIRef)}


def statement_records(graph: rdflib.Graph) -> dict[tuple, list[dict]]:
    """Map each reified (subject, predicate, object) to its evidence records, one per source.

    A statement citing several sources (the older style) gives one record per source.
    """
    records = defaultdict(dict)
    for st in graph.subjects(RDF.type, RDF.Statement):
        key = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object))
        details = statement_details(graph, st)
        for source in graph.objects(st, DCTERMS.source):
            record = build_record(str(source), relation=str(key[1]), **details)
            records[key][str(source)] = stronger(records[key].get(str(source)), record)
    return {key: sort_records(found.values()) for key, found in records.items()}


def statement_details(graph: rdflib.Graph, st) -> dict:
    """Return a statement's evidence class, grade, note, alternative group and figures as plain values."""
    def plain(prop):
        value = graph.value(st, prop)
        return value.toPython() if isinstance(value, Literal) else (str(value) if value is not None else None)

    figures = {name: plain(DCTERMS.date if name == "date" else _MLG[name]) for name in FIGURES}
    return {"evidence": plain(_MLG.evidence), "grade": plain(_MLG.grade),
            "note": preferred_text(graph, st, (SKOS.note,)), "group": plain(_MLG.alternativeGroup),
            "figures": {k: _json_value(v) for k, v in figures.items()}}


def _json_value(value):
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return float(value) if isinstance(value, Decimal) else str(value)


def add_relations(network: nx.MultiDiGraph, graph: rdflib.Graph) -> None:
    """Add one edge per relation triple between two entities, keyed by the relation name."""
    records = statement_records(graph)
    for name, info in network.graph["relations"].items():
        prop = URIRef(info["iri"])
        for s, o in sorted(graph.subject_objects(prop)):
            if str(s) in network and str(o) in network:
                evidence = records.get((s, prop, o), [])
                network.add_edge(str(s), str(o), key=name, sources=sorted({r["source"] for r in evidence}),
                                 evidence=evidence)


def add_salaries(network: nx.MultiDiGraph, graph: rdflib.Graph, warnings: list[str] | None = None) -> None:
    """Attach salary observations to their roles as a ``salaries`` list, largest figure first.

    A figure that is not a finite number of sensible size is left out (None) with a warning; an
    observation left with no figure at all is skipped.
    """
    for obs in sorted(graph.subjects(RDF.type, _MLG.SalaryObservation), key=str):
        role = str(graph.value(obs, _MLG.salaryOf))
        if role in network:
            record = salary_record(graph, obs, warnings)
            if any(record[k] is not None for k in ("amount", "min", "max")):
                network.nodes[role].setdefault("salaries", []).append(record)
    for _, attrs in network.nodes(data=True):
        if "salaries" in attrs:
            attrs["salaries"].sort(key=lambda s: (s["currency"], -(s["amount"] or s["max"] or 0)))


def salary_record(graph: rdflib.Graph, obs, warnings: list[str] | None = None) -> dict:
    """Return one salary observation as a plain dict; unusable figures become None (and a warning)."""
    def number(prop):
        value = graph.value(obs, prop)
        if value is None:
            return None
        problem = number_problem(value)
        if problem and warnings is not None:
            warnings.append(f"salary {compact_iri(str(obs))}: {compact_iri(str(prop))} {problem}; figure skipped")
        return read_number(value)

    def text(prop):
        value = graph.value(obs, prop)
        return str(value) if value is not None else ""

    return {
        "amount": number(_SCHEMA.value), "min": number(_SCHEMA.minValue), "max": number(_SCHEMA.maxValue),
        "currency": text(_SCHEMA.currency), "period": text(_MLG.period), "region": text(_MLG.region),
        "date": text(DCTERMS.date), "statistic": text(_MLG.statistic),
        "sources": sorted(str(s) for s in graph.objects(obs, DCTERMS.source)),
        "note": text(SKOS.note),
    }
