"""Generated graphs survive every RDF format, JSON-LD included, through mlgraph's own loader.

Each format: render, read back with the loader users' files go through, and compare (same
triples up to blank-node names, same bytes when exported again). Graphs include what broke
before: copies of the same rdf:Statement, language tags in any case, lexical forms that a
normalising reader would rewrite ("042", "1E400"), text with quotes, newlines and control
characters. 2,000 examples per format when the environment variable CI is set, fewer locally.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from rdflib import RDF, BNode, Literal, URIRef

from mlgraph.errors import BadInput
from mlgraph.rdf.export import FORMATS, render_rdf
from mlgraph.rdf.load import parse_files

EXAMPLES = 2000 if os.environ.get("CI") else 60
RDF_FORMATS = [key for key, fmt in FORMATS.items() if fmt.rdf]
EX = "https://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT_SOURCE = URIRef("http://purl.org/dc/terms/source")
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

IRIS = st.sampled_from([EX + "a", EX + "b", EX + "caf\u00e9", "urn:isbn:1", "https://w3id.org/mlgraph/id/x",
                        "https://w3id.org/mlgraph/ns#Role"]).map(URIRef)
PREDICATES = st.sampled_from([EX + "p", EX + "q", "http://www.w3.org/2004/02/skos/core#prefLabel"]).map(URIRef)
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=10)
LITERALS = st.one_of(
    TEXT.map(Literal),
    st.tuples(TEXT, st.sampled_from(["en", "EN", "en-US", "de-CH", "zh-Hant-TW"])).map(
        lambda t: Literal(t[0], lang=t[1])),
    st.tuples(st.sampled_from(["042", "-0", "1.50", "1E400", "1.0E6", "NaN", "INF", "abc", "9" * 60]),
              st.sampled_from([XSD + "integer", XSD + "decimal", XSD + "double", EX + "custom"])).map(
        lambda t: Literal(t[0], datatype=URIRef(t[1]), normalize=False)),
)


@st.composite
def graphs(draw):
    g = rdflib.Graph()
    bnodes = [BNode() for _ in range(draw(st.integers(0, 3)))]
    subjects = st.one_of(IRIS, *([st.sampled_from(bnodes)] if bnodes else []))
    objects = st.one_of(IRIS, LITERALS, *([st.sampled_from(bnodes)] if bnodes else []))
    for s, p, o in draw(st.lists(st.tuples(subjects, PREDICATES, objects), max_size=10)):
        g.add((s, p, o))
    for _ in range(draw(st.integers(0, 3))):  # copies of one statement, as merging a file twice gives
        statement = BNode()
        g.add((statement, RDF.type, RDF.Statement))
        g.add((statement, RDF.subject, URIRef(EX + "a")))
        g.add((statement, DCT_SOURCE, URIRef(EX + "article")))
    return g


def lowered(graph: rdflib.Graph) -> rdflib.Graph:
    """What every reader gives: language tags lower-cased (RDF 1.1 says they compare case-insensitively)."""
    out = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def read_back(text: str, key: str, folder: Path) -> rdflib.Graph:
    path = folder / f"again.{FORMATS[key].suffix}"
    path.write_text(text, encoding="utf-8")
    return parse_files([path])


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("key", RDF_FORMATS)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
@given(graph=graphs())
def test_every_format_round_trips_through_the_loader(key, graph, tmp_path_factory):
    assume(len(graph) > 0)
    note(render_rdf(graph, FORMATS["nt"]))
    if key == "xml" and any(isinstance(o, Literal) and XML_FORBIDDEN.search(o) for o in graph.objects()):
        with pytest.raises(BadInput):
            render_rdf(graph, FORMATS[key])
        return
    text = render_rdf(graph, FORMATS[key])
    again = read_back(text, key, tmp_path_factory.mktemp(key))
    expected = render_rdf(lowered(graph), FORMATS["nt"])
    assert render_rdf(again, FORMATS["nt"]) == expected  # same triples, blank nodes up to renaming
    assert render_rdf(again, FORMATS[key]) == render_rdf(lowered(graph), FORMATS[key])  # stable bytes


def expanded_jsonld(graph: rdflib.Graph) -> list:
    """The graph as expanded JSON-LD written by hand (not by mlgraph): upper-case language tags,
    numbers' lexical forms as typed strings."""
    nodes: dict = {}
    for s, p, o in graph:
        node = nodes.setdefault(s, {"@id": f"_:{s}" if isinstance(s, BNode) else str(s)})
        if isinstance(o, Literal):
            value = {"@value": str(o)}
            if o.language:
                value["@language"] = o.language.upper()
            elif o.datatype:
                value["@type"] = str(o.datatype)
        else:
            value = {"@id": f"_:{o}" if isinstance(o, BNode) else str(o)}
        node.setdefault(str(p), []).append(value)
    return list(nodes.values())


@pytest.mark.filterwarnings("ignore::UserWarning")
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
@given(graph=graphs())
def test_hand_written_json_ld_reads_like_turtle(graph, tmp_path_factory):
    assume(len(graph) > 0)
    folder = tmp_path_factory.mktemp("jsonld")
    (folder / "mine.jsonld").write_text(json.dumps(expanded_jsonld(graph)), encoding="utf-8")
    (folder / "mine.ttl").write_text(render_rdf(graph, FORMATS["ttl"]), encoding="utf-8")
    from_jsonld = parse_files([folder / "mine.jsonld"])
    from_turtle = parse_files([folder / "mine.ttl"])
    assert render_rdf(from_jsonld, FORMATS["nt"]) == render_rdf(from_turtle, FORMATS["nt"])
