"""IRIs and prefixes of the mlgraph vocabulary, as plain strings.

Kept free of rdflib so that quick queries, answered from the cached network, never import it.

>>> expand_curie("mld:data-scientist")
'https://w3id.org/mlgraph/id/data-scientist'
>>> compact_iri("https://w3id.org/mlgraph/ns#progressesTo")
'mlg:progressesTo'
"""

from __future__ import annotations

MLG = "https://w3id.org/mlgraph/ns#"
MLD = "https://w3id.org/mlgraph/id/"
SRC = "https://w3id.org/mlgraph/source/"

PREFIXES: dict[str, str] = {
    "mlg": MLG,
    "mld": MLD,
    "src": SRC,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}

#: Node types shown to people, in display order; each is a class in the mlg namespace.
NODE_TYPES = (
    "Role", "Skill", "Tool", "Industry", "Application",
    "EducationPath", "Organization", "Task", "Source",
)


def expand_curie(curie: str) -> str | None:
    """Return the IRI for ``prefix:local`` with a known prefix, else None."""
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in PREFIXES or local.startswith("//"):
        return None
    return PREFIXES[prefix] + local


def compact_iri(iri: str) -> str:
    """Return ``prefix:local`` for an IRI in a known namespace, else the IRI itself."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def local_name(iri: str) -> str:
    """Return the part of an IRI after its last ``#`` or ``/``.

    >>> local_name("https://w3id.org/mlgraph/ns#usesTool")
    'usesTool'
    """
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def type_named(text: str) -> str:
    """Return the node type ``text`` names (any case, singular or plural), or raise BadInput.

    >>> type_named("education paths"), type_named("TOOL")
    ('EducationPath', 'Tool')
    """
    from mlgraph.errors import BadInput

    wanted = text.casefold().rstrip("s").replace(" ", "").replace("-", "")
    for name in NODE_TYPES:
        if name.casefold() == wanted or name.casefold().rstrip("s") == wanted:
            return name
    raise BadInput(f"unknown type {text!r}; known types: {', '.join(NODE_TYPES)}")


def types_named(text: str) -> tuple[str, ...]:
    """Return the node types named in a comma-separated list, each once, in the order given.

    >>> types_named("roles, Skill,education path")
    ('Role', 'Skill', 'EducationPath')
    """
    from mlgraph.errors import BadInput

    names = [part.strip() for part in text.split(",") if part.strip()]
    if not names:
        raise BadInput(f"--type {text!r} names no type; e.g. --type Role,Skill")
    return tuple(dict.fromkeys(type_named(name) for name in names))
