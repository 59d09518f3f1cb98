"""Write RDF triples as RDF/XML, byte for byte stable, or refuse what RDF/XML cannot hold.

Like the other writers (:mod:`mlgraph.rdf.serialize`) it is flat: one ``rdf:Description`` per
subject in the order of :func:`mlgraph.rdf.canonical.canonical_triples`, blank nodes by
``rdf:nodeID``, namespaces declared once on the root.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby

from rdflib import RDF, BNode, Literal, URIRef

from mlgraph.errors import BadInput
from mlgraph.rdf.serialize import XSD_STRING
from mlgraph.rdf.vocab import PREFIXES

#: Predicates that RDF/XML reads as syntax, not as properties.
_RDFXML_RESERVED = {URIRef(str(RDF) + name) for name in ("RDF", "ID", "about", "parseType", "resource", "li", "nodeID",
                                           "datatype", "Description", "aboutEach", "aboutEachPrefix", "bagID")}
_NAME_TAIL = re.compile(r"[\w.-]*\Z")
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_rdfxml(triples: Sequence[tuple]) -> str:
    """Return RDF/XML: one ``rdf:Description`` per subject, namespaces declared on the root.

    Raises BadInput for what RDF/XML cannot hold: a property IRI that does not end in an XML name,
    or text with characters XML 1.0 forbids.

    >>> print(render_rdfxml([(URIRef("https://w3id.org/mlgraph/id/a"), URIRef("urn:ex:says"),
    ...                       Literal("caf\u00e9", lang="fr"))]), end="")
    <?xml version="1.0" encoding="utf-8"?>
    <rdf:RDF
       xmlns:ns1="urn:ex:"
       xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="https://w3id.org/mlgraph/id/a">
        <ns1:says xml:lang="fr">caf\u00e9</ns1:says>
      </rdf:Description>
    </rdf:RDF>
    """
    namespaces = _xml_namespaces(triples)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f'   xmlns:{prefix}="{_xml_escape(ns)}"' for ns, prefix in sorted(namespaces.items(), key=lambda kv: kv[1])]
    lines[-1] += ">"
    for subject, group in groupby(triples, key=lambda t: t[0]):
        lines.append(f"  <rdf:Description {_xml_node('about', subject)}>")
        lines += [_xml_property(p, o, namespaces) for _, p, o in group]
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return "\n".join(lines) + "\n"


def _xml_namespaces(triples: Sequence[tuple]) -> dict[str, str]:
    known = {ns: prefix for prefix, ns in PREFIXES.items()}
    namespaces = {str(RDF): "rdf"}
    for predicate in sorted({p for _, p, _ in triples}):
        ns, _ = _split_property(predicate)
        if ns not in namespaces:
            namespaces[ns] = known.get(ns) or f"ns{sum(p.startswith('ns') for p in namespaces.values()) + 1}"
    return namespaces


def _split_property(predicate) -> tuple[str, str]:
    """Split a property IRI into namespace and the longest XML name that ends it."""
    iri = str(predicate)
    cut = _NAME_TAIL.search(iri).start()
    while cut < len(iri) and not (iri[cut].isalpha() or iri[cut] == "_"):
        cut += 1
    if 0 < cut < len(iri) and predicate not in _RDFXML_RESERVED:
        return iri[:cut], iri[cut:]
    raise BadInput(f"RDF/XML cannot write the property <{iri}> (it must end in an XML name and not be "
                   "RDF/XML syntax); export as Turtle (ttl) instead")


def _xml_node(attribute: str, term) -> str:
    if isinstance(term, BNode):
        return f'rdf:nodeID="{term}"'
    return f'rdf:{attribute}="{_xml_escape(str(term))}"'


def _xml_property(predicate, obj, namespaces: dict[str, str]) -> str:
    ns, local = _split_property(predicate)
    name = f"{namespaces[ns]}:{local}"
    if not isinstance(obj, Literal):
        return f"    <{name} {_xml_node('resource', obj)}/>"
    if _XML_FORBIDDEN.search(str(obj)):
        raise BadInput(f"RDF/XML cannot hold the literal {obj.n3()[:60]} (a control character XML forbids); "
                       "export as Turtle (ttl) instead")
    if obj.language:
        attrs = f' xml:lang="{obj.language}"'
    elif obj.datatype and obj.datatype != XSD_STRING:
        attrs = f' rdf:datatype="{_xml_escape(str(obj.datatype))}"'
    else:
        attrs = ""
    return f"    <{name}{attrs}>{_xml_escape(str(obj), text=True)}</{name}>"


def _xml_escape(value: str, text: bool = False) -> str:
    """Escape for XML text (``text=True``) or for a double-quoted attribute; CR survives as &#13;."""
    out = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return out if text else out.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
