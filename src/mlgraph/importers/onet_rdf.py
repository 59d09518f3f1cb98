"""Map O*NET records onto mlgraph's vocabulary as sorted RDF triples.

Occupations become ``mlg:Role`` (code, title, description, job zone, alternate titles as
``skos:altLabel``); skill and knowledge elements become ``mlg:Skill`` with their element IDs and
``skos:broader`` links up the Content Model (Reading Comprehension -> Content -> Basic Skills);
technologies become ``mlg:Tool`` under their commodity class. Every relation is a plain triple
plus one ``rdf:Statement`` sourced to ``src:onet-29.2`` with evidence ``mlg:imported`` and
O*NET's own numbers.

A rating becomes a need by O*NET's importance anchors (1 not important, 2 somewhat important,
3 important, 4 very important, 5 extremely important): IM >= 3 ``mlg:requiresSkill`` graded
essential; 2 <= IM < 3 ``mlg:optionalSkill`` graded good to have; IM < 2 ``mlg:minorSkill``
(rated, but not a need: kept because similarity uses the whole profile).

>>> need_relation("3.12"), need_relation("2.5"), need_relation("1.75")
('requiresSkill', 'optionalSkill', 'minorSkill')
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping

from mlgraph.importers.onet import OnetData
from mlgraph.rdf.plain import RDF, iri, literal, text
from mlgraph.rdf.vocab import MLD, MLG, PREFIXES, SRC

SKOS, DCT, XSD = (PREFIXES[p] for p in ("skos", "dct", "xsd"))
RDF_TYPE, STATEMENT = RDF + "type", iri(RDF + "Statement")

#: The source every imported relation cites.
SOURCE = iri(SRC + "onet-29.2")

#: Top elements of the Content Model that hold skills and knowledge.
ROOTS = ("2.A", "2.B", "2.C")

_SLUG = re.compile(r"[^a-z0-9]+")
_M = {name: MLG + name for name in (
    "Role", "Skill", "Tool", "onetSocCode", "jobZone", "onetElementId", "commodityCode", "kind",
    "requiresSkill", "optionalSkill", "minorSkill", "usesTool", "relatedOccupation",
    "evidence", "imported", "grade", "essential", "goodToHave", "onetImportance", "onetLevel",
    "sampleSize", "standardError", "domainSource", "suppressed", "hotTechnology", "inDemand",
    "relatednessTier", "relatednessIndex")}


def need_relation(importance: str) -> str:
    """Return the relation a rating of importance ``importance`` (IM, 1-5) becomes."""
    value = float(importance)
    return "requiresSkill" if value >= 3 else "optionalSkill" if value >= 2 else "minorSkill"


def occupation_iri(code: str) -> str:
    """Return the IRI of an O*NET occupation.

    >>> occupation_iri("15-2051.00")
    'https://w3id.org/mlgraph/id/onet-15-2051.00'
    """
    return f"{MLD}onet-{code}"


def onet_triples(data: OnetData, tools: Mapping[str, str] | None = None) -> list[tuple]:
    """Return every triple of ``data`` in mlgraph's vocabulary as sorted plain triples (no blank nodes).

    ``tools`` maps normalized labels of tools already in the graph to their IRIs: a technology
    of that name is linked to the existing tool instead of a new one.
    """
    tool_iris = technology_iris(data, tools or {})
    by_subject: dict[str, set] = {}
    for part in (_occupations(data), _elements(data), _ratings(data), _technology(data, tool_iris), _related(data)):
        for s, p, o in part:
            by_subject.setdefault(s, set()).add((p, o))
    # Sorting per subject is much faster than sorting a million long tuples, and gives the same order.
    return [(s, p, o) for s in sorted(by_subject) for p, o in sorted(by_subject[s])]


def technology_iris(data: OnetData, tools: Mapping[str, str]) -> dict[str, str]:
    """Name each technology: an existing tool of the same label, else ``mld:onet-tech-SLUG``."""
    from mlgraph.career.names import normalize

    names, taken = {}, {}
    for example in sorted({t.example for t in data.technology}):
        if normalize(example) in tools:
            names[example] = tools[normalize(example)]
            continue
        slug = _SLUG.sub("-", example.casefold()).strip("-") or "x"
        if slug in taken:  # two names with one slug ("C++", "C#"...): tell them apart by a hash
            slug += "-" + hashlib.sha1(example.encode()).hexdigest()[:6]
        taken[slug] = example
        names[example] = f"{MLD}onet-tech-{slug}"
    return names


def _occupations(data: OnetData) -> Iterator[tuple]:
    for occ in data.occupations.values():
        node = occupation_iri(occ.code)
        yield node, RDF_TYPE, iri(_M["Role"])
        yield node, SKOS + "prefLabel", text(occ.title)
        yield node, DCT + "description", text(occ.description)
        yield node, _M["onetSocCode"], literal(occ.code)
        if occ.job_zone is not None:
            yield node, _M["jobZone"], literal(str(occ.job_zone), XSD + "integer")
        for alt in occ.alt_titles:
            yield node, SKOS + "altLabel", text(alt)


def _elements(data: OnetData) -> Iterator[tuple]:
    used = {r.element for r in data.ratings}
    wanted = {e for e in data.elements if e.startswith(ROOTS) and any(u == e or u.startswith(e + ".") for u in used)}
    skill_names = {data.elements[e][0] for e in wanted if not e.startswith("2.C")}
    for element in sorted(wanted):
        node = f"{MLD}onet-{element}"
        name, description = data.elements[element]
        if element.startswith("2.C") and name in skill_names:  # O*NET has a Mathematics skill and knowledge area
            name += " (knowledge)"
        yield node, RDF_TYPE, iri(_M["Skill"])
        yield node, SKOS + "prefLabel", text(name)
        yield node, DCT + "description", text(description)
        yield node, _M["onetElementId"], literal(element)
        yield node, _M["kind"], literal("knowledge" if element.startswith("2.C") else "workplace")
        parent = element.rsplit(".", 1)[0]
        if element not in ROOTS and parent in wanted:
            yield node, SKOS + "broader", iri(f"{MLD}onet-{parent}")


def _statement(node: str, subject: str, predicate: str, obj: str) -> Iterator[tuple]:
    """Yield a relation triple and the statement that sources it (its numbers are added by the caller)."""
    yield subject, predicate, iri(obj)
    yield node, RDF_TYPE, STATEMENT
    yield node, RDF + "subject", iri(subject)
    yield node, RDF + "predicate", iri(predicate)
    yield node, RDF + "object", iri(obj)
    yield node, DCT + "source", SOURCE
    yield node, _M["evidence"], iri(_M["imported"])


def _ratings(data: OnetData) -> Iterator[tuple]:
    for r in data.ratings:
        node = f"{MLD}onet-need-{r.code}-{r.element}"
        relation = need_relation(r.importance)
        yield from _statement(node, occupation_iri(r.code), _M[relation], f"{MLD}onet-{r.element}")
        if relation != "minorSkill":
            yield node, _M["grade"], iri(_M["essential" if relation == "requiresSkill" else "goodToHave"])
        yield node, _M["onetImportance"], literal(r.importance, XSD + "decimal")
        if r.level is not None:
            yield node, _M["onetLevel"], literal(r.level, XSD + "decimal")
        if r.n:
            yield node, _M["sampleSize"], literal(r.n, XSD + "integer")
        if r.standard_error:
            yield node, _M["standardError"], literal(r.standard_error, XSD + "decimal")
        yield node, DCT + "date", literal(r.date, XSD + "gYearMonth")
        yield node, _M["domainSource"], literal(r.domain_source)
        if r.suppressed:
            yield node, _M["suppressed"], literal("true", XSD + "boolean")


def _technology(data: OnetData, names: Mapping[str, str]) -> Iterator[tuple]:
    for t in data.technology:
        tool, group = names[t.example], f"{MLD}onet-unspsc-{t.commodity_code}"
        if tool.startswith(f"{MLD}onet-tech-"):
            yield tool, RDF_TYPE, iri(_M["Tool"])
            yield tool, SKOS + "prefLabel", text(t.example)
            yield tool, SKOS + "broader", iri(group)
        yield group, RDF_TYPE, iri(_M["Tool"])
        yield group, SKOS + "prefLabel", text(t.commodity_title)
        yield group, _M["commodityCode"], literal(t.commodity_code)
        node = f"{MLD}onet-uses-{t.code}-{tool.rsplit('/', 1)[-1]}"
        yield from _statement(node, occupation_iri(t.code), _M["usesTool"], tool)
        # Absent flags mean O*NET's "N": only the "Y"s are written.
        if t.hot:
            yield node, _M["hotTechnology"], literal("true", XSD + "boolean")
        if t.in_demand:
            yield node, _M["inDemand"], literal("true", XSD + "boolean")


def _related(data: OnetData) -> Iterator[tuple]:
    for link in data.related:
        node = f"{MLD}onet-related-{link.code}-{link.related}"
        yield from _statement(node, occupation_iri(link.code), _M["relatedOccupation"], occupation_iri(link.related))
        yield node, _M["relatednessTier"], literal(link.tier)
        yield node, _M["relatednessIndex"], literal(str(link.index), XSD + "integer")
