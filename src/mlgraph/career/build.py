"""Build the career network straight from a table of plain triples, without rdflib.

The same network as :func:`mlgraph.career.project.project_graph` gives for the same files (same
nodes, attributes, edges and order; a test holds the two together), built from
:func:`mlgraph.rdf.triples.read_triples`, which costs a fraction of parsing into rdflib.

>>> from mlgraph.rdf.builtin import builtin_files
>>> from mlgraph.rdf.triples import read_triples
>>> G = build_network(read_triples(builtin_files()))
>>> G.nodes["https://w3id.org/mlgraph/id/data-scientist"]["type"]
'Role'
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import networkx as nx

from mlgraph.rdf.literals import plain_number_problem, read_plain_number
from mlgraph.rdf.triples import Triples, count_triples
from mlgraph.rdf.vocab import MLG, NODE_TYPES, compact_iri, local_name
from mlgraph.storage.bulk import collector_paused

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
TYPE, SUBCLASS = RDF + "type", RDFS + "subClassOf"
LABELS = (SKOS + "prefLabel", RDFS + "label")
DESCRIPTIONS = (DCT + "description", SKOS + "definition", RDFS + "comment")
NODE_VALUES = (("kind", MLG + "kind"), ("level", MLG + "level"), ("onet", MLG + "onetSocCode"),
               ("onet_element", MLG + "onetElementId"))
SOURCE_VALUES = (("title", DCT + "title"), ("publisher", DCT + "publisher"), ("date", DCT + "date"),
                 ("file", MLG + "sourceFile"))


def build_network(table: Triples) -> nx.MultiDiGraph:
    """Return the career network of ``table``: typed entities linked by sourced relations."""
    warnings: list[str] = []
    with collector_paused():
        relations = relation_table(table, warnings)
        network = nx.MultiDiGraph(triples=count_triples(table), relations=relations)
        types = entity_types(table)
        attrs = node_attributes(table, types)
        # Sorted, as project_graph does, so no answer depends on the order triples arrive in.
        network.add_nodes_from(sorted(attrs.items()))
        add_relations(network, table)
        add_salaries(network, table, warnings)
        warnings += untyped_warnings(table, types)
        from mlgraph.career.occupations import join_aligned_occupations

        join_aligned_occupations(network)
    network.graph["projection_warnings"] = warnings
    return network


#: How many resources one warning names before it says "and N more".
NAMED_IN_WARNING = 5


def untyped_warnings(table: Triples, types: dict[str, str]) -> list[str]:
    """Warn about resources with a preferred label but no type at all: no command would show them."""
    typed = {s for s, _ in table.get(TYPE, ())}
    untyped = sorted({s for s, _ in table.get(SKOS + "prefLabel", ())
                      if is_iri(s) and s not in types and s not in typed})
    if not untyped:
        return []
    named = ", ".join(compact_iri(n) for n in untyped[:NAMED_IN_WARNING])
    more = f" and {len(untyped) - NAMED_IN_WARNING} more" if len(untyped) > NAMED_IN_WARNING else ""
    return [f"{len(untyped)} resource(s) have a label but no type, so no command shows them: {named}{more}; "
            "add a type such as mlg:Role or mlg:Skill"]


def text(term) -> str:
    """Return what rdflib's ``str()`` gives for a term: a literal's text, else the IRI or label.

    >>> text(("data", "en", None)), text("https://example.org/a")
    ('data', 'https://example.org/a')
    """
    return term[0] if type(term) is tuple else term


def is_iri(term) -> bool:
    """True for an IRI (always absolute, so holding a ``:``); blank nodes and literals are not."""
    return type(term) is str and ":" in term


def values_by_subject(table: Triples, predicate: str) -> dict:
    """Return ``{subject: [object, ...]}`` for one predicate, in reading order."""
    found: dict = {}
    for s, o in table.get(predicate, ()):
        found.setdefault(s, []).append(o)
    return found


def first_values(table: Triples, predicate: str) -> dict:
    """Return ``{subject: first object}`` for one predicate (rdflib's ``Graph.value``)."""
    return {s: o for s, o in reversed(list(table.get(predicate, ())))}


def subjects_by_object(table: Triples, predicate: str) -> dict:
    """Return ``{object: [subject, ...]}``, objects in the order first read (rdflib's order)."""
    found: dict = {}
    for s, o in table.get(predicate, ()):
        found.setdefault(o, []).append(s)
    return found


def subclasses(table: Triples, cls: str) -> set:
    """Return ``cls`` and every class below it through ``rdfs:subClassOf``."""
    below = subjects_by_object(table, SUBCLASS)
    found, stack = {cls}, [cls]
    while stack:
        for sub in below.get(stack.pop(), ()):
            if sub not in found:
                found.add(sub)
                stack.append(sub)
    return found


def entity_types(table: Triples) -> dict[str, str]:
    """Map every IRI typed with an mlgraph entity class (or a subclass of one) to its type name."""
    class_type: dict = {}
    for name in NODE_TYPES:
        for sub in subclasses(table, MLG + name):
            class_type.setdefault(sub, name)
    types: dict[str, str] = {}
    for cls, nodes in subjects_by_object(table, TYPE).items():
        if cls in class_type:
            for node in nodes:
                if is_iri(node):
                    types.setdefault(node, class_type[cls])
    return types


def preferred_text(values: list | None) -> str:
    """Return the first English (or untagged) literal among ``values``, else ``""``."""
    literals = [v for v in values or () if type(v) is tuple]
    if not literals:
        return ""
    return min(literals, key=lambda lit: (not is_english(lit[1]), lit[0]))[0]


def is_english(language: str | None) -> bool:
    """Return True for untagged text and any English tag (``en``, ``en-US``, ``EN-gb``).

    >>> is_english("en-us"), is_english(None), is_english("de")
    (True, True, False)
    """
    lang = (language or "en").lower()
    return lang == "en" or lang.startswith("en-")


def first_text(indexes: list[dict], node: str) -> str:
    """Return the preferred text of the first property (one index each) that has a literal."""
    for index in indexes:
        found = preferred_text(index.get(node))
        if found:
            return found
    return ""


def node_attributes(table: Triples, types: dict[str, str]) -> dict[str, dict]:
    """Return the plain attributes of every entity: label, type, description and the like."""
    labels = [values_by_subject(table, p) for p in LABELS]
    descriptions = [values_by_subject(table, p) for p in DESCRIPTIONS]
    alt = values_by_subject(table, SKOS + "altLabel")
    values = {key: first_values(table, p) for key, p in NODE_VALUES}
    sources = {key: first_values(table, p) for key, p in SOURCE_VALUES}
    matches = [values_by_subject(table, SKOS + p) for p in ("exactMatch", "closeMatch")]
    broader = values_by_subject(table, SKOS + "broader")
    zones = first_values(table, MLG + "jobZone")
    found = {}
    for node, node_type in types.items():
        label = first_text(labels, node) or local_name(node)
        # SKOS allows one preferred label per language: the others are names to find the node by.
        others = {text(o) for o in (*alt.get(node, ()), *labels[0].get(node, ()))} - {label}
        attrs = {"label": label, "type": node_type,
                 "alt_labels": sorted(others),
                 "description": first_text(descriptions, node)}
        attrs.update((key, text(index[node])) for key, index in values.items() if node in index)
        if node in zones:
            attrs["job_zone"] = int(text(zones[node]))
        broader_iris = sorted(o for o in broader.get(node, ()) if is_iri(o))
        if broader_iris:
            attrs["broader"] = broader_iris
        matched = sorted(text(o) for index in matches for o in index.get(node, ()))
        if matched:
            attrs["matches"] = matched
        if node_type == "Source":
            attrs.update((key, text(index[node])) for key, index in sources.items() if node in index)
        found[node] = attrs
    return found


def relation_properties(table: Triples, relation_class: str) -> set[str]:
    """Return properties typed with ``relation_class`` or one of its subclasses."""
    classes = subclasses(table, relation_class)
    return {p for p, cls in table.get(TYPE, ()) if cls in classes and is_iri(p)}


def relation_table(table: Triples, warnings: list[str] | None = None) -> dict[str, dict]:
    """Describe every relation property: IRI, label, inverse label, and whether routes use it.

    Keys are local names; mlgraph's own property keeps its local name when another shares it, and
    the other is keyed by its full IRI (a warning says so).
    """
    labels = [values_by_subject(table, RDFS + "label")]
    inverse = [values_by_subject(table, MLG + "inverseLabel")]
    career = relation_properties(table, MLG + "CareerRelation")
    found: dict[str, dict] = {}
    for prop in sorted(relation_properties(table, MLG + "Relation"), key=lambda p: (not p.startswith(MLG), p)):
        name = local_name(prop)
        if name in found:
            if warnings is not None:
                warnings.append(f"relation <{prop}> has the same name as <{found[name]['iri']}>; "
                                f"it is kept apart as {prop!r}")
            name = prop
        found[name] = {"iri": prop, "label": first_text(labels, prop) or name,
                       "inverse_label": first_text(inverse, prop) or f"← {name}", "career": prop in career}
    return dict(sorted(found.items()))


def statement_records(table: Triples) -> dict[tuple, list[dict]]:
    """Map each reified (subject, predicate, object) to its evidence records, one per source
    (:func:`mlgraph.career.evidence.build_record`); a statement citing several sources gives one each."""
    from mlgraph.career.evidence import FIGURES, build_record, sort_records, stronger

    subject, predicate, obj = (first_values(table, RDF + p) for p in ("subject", "predicate", "object"))
    cited = values_by_subject(table, DCT + "source")
    details = {name: first_values(table, DCT + "date" if name == "date" else MLG + name)
               for name in (*FIGURES, "evidence", "grade", "alternativeGroup")}
    notes = values_by_subject(table, SKOS + "note")
    records: dict[tuple, dict] = {}
    for st in subjects_by_object(table, TYPE).get(RDF + "Statement", ()):
        if st not in cited:
            continue
        key = (subject.get(st), predicate.get(st), obj.get(st))

        def plain(name):
            return plain_value(details[name][st]) if st in details[name] else None

        found = records.setdefault(key, {})
        for source in cited[st]:
            record = build_record(
                text(source), relation=text(key[1]) if key[1] is not None else "None",
                evidence=plain("evidence"), grade=plain("grade"), note=preferred_text(notes.get(st)),
                group=plain("alternativeGroup"), figures={n: json_value(plain(n)) for n in FIGURES})
            found[text(source)] = stronger(found.get(text(source)), record)
    return {key: sort_records(found.values()) for key, found in records.items()}


XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {"integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                 "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort",
                 "unsignedByte"}


def plain_value(term):
    """Return a term as rdflib's ``toPython`` gives it, for the datatypes statements use."""
    if type(term) is not tuple:
        return term
    lexical, _, datatype = term
    kind = datatype[len(XSD):] if datatype and datatype.startswith(XSD) else None
    try:
        if kind in INTEGER_TYPES:
            return int(lexical)
        if kind == "decimal":
            return Decimal(lexical)
        if kind in ("double", "float"):
            return float(lexical)
        if kind == "boolean":
            return lexical.strip().lower() in ("true", "1")
        if kind == "date":
            return date.fromisoformat(lexical)
        if kind == "dateTime":
            return datetime.fromisoformat(lexical)
    except (ValueError, ArithmeticError):
        return lexical
    return lexical


def json_value(value):
    """Return a plain value as evidence records keep it: numbers and booleans, else text."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return float(value) if isinstance(value, Decimal) else str(value)


def add_relations(network: nx.MultiDiGraph, table: Triples) -> None:
    """Add one edge per relation triple between two entities, keyed by the relation name, with
    its sources and evidence records."""
    records = statement_records(table)
    edges = []
    for name, info in network.graph["relations"].items():
        prop = info["iri"]
        found = []
        for o, subjects in subjects_by_object(table, prop).items():
            if text(o) in network:
                for s in subjects:
                    if text(s) in network:
                        evidence = records.get((s, prop, o), [])
                        found.append((text(s), text(o), name, {"sources": sorted({r["source"] for r in evidence}),
                                                               "evidence": evidence}))
        edges += sorted(found, key=lambda edge: edge[:2])
    network.add_edges_from(edges)


SALARY_NUMBERS = (("amount", SCHEMA + "value"), ("min", SCHEMA + "minValue"), ("max", SCHEMA + "maxValue"))
SALARY_WORDS = (("currency", SCHEMA + "currency"), ("period", MLG + "period"), ("region", MLG + "region"),
                ("date", DCT + "date"), ("statistic", MLG + "statistic"))


def add_salaries(network: nx.MultiDiGraph, table: Triples, warnings: list[str] | None = None) -> None:
    """Attach salary observations to their roles as a ``salaries`` list, largest figure first.

    A figure that is not a finite number of sensible size is left out (None) with a warning; an
    observation left with no figure at all is skipped.
    """
    role_of = first_values(table, MLG + "salaryOf")
    observations = subjects_by_object(table, TYPE).get(MLG + "SalaryObservation", ())
    if not observations:
        return
    index = {p: first_values(table, p) for _, p in (*SALARY_NUMBERS, *SALARY_WORDS, ("note", SKOS + "note"))}
    cited = values_by_subject(table, DCT + "source")
    for obs in sorted(observations):
        role = text(role_of[obs]) if obs in role_of else "None"
        if role in network:
            record = salary_record(index, cited, obs, warnings)
            if any(record[k] is not None for k in ("amount", "min", "max")):
                network.nodes[role].setdefault("salaries", []).append(record)
    for _, attrs in network.nodes(data=True):
        if "salaries" in attrs:
            attrs["salaries"].sort(key=lambda s: (s["currency"], -(s["amount"] or s["max"] or 0)))


def salary_record(index: dict[str, dict], cited: dict, obs: str, warnings: list[str] | None = None) -> dict:
    """Return one salary observation as a plain dict (``index``: first value by predicate and subject);
    unusable figures become None (and a warning)."""
    def number(prop):
        if obs not in index[prop]:
            return None
        value = index[prop][obs]
        problem = plain_number_problem(value)
        if problem and warnings is not None:
            warnings.append(f"salary {compact_iri(obs)}: {compact_iri(prop)} {problem}; figure skipped")
        return read_plain_number(value)

    record: dict = {key: number(p) for key, p in SALARY_NUMBERS}
    record.update((key, text(index[p][obs]) if obs in index[p] else "") for key, p in SALARY_WORDS)
    record["sources"] = sorted(text(o) for o in cited.get(obs, ()))
    record["note"] = text(index[SKOS + "note"][obs]) if obs in index[SKOS + "note"] else ""
    return record
