"""Imported numbers on network edges, the join of built-in roles with their O*NET occupations, codes as names."""

from __future__ import annotations

import pytest

from mlgraph.career.names import resolve
from mlgraph.career.occupations import EDITORIAL, imported_figures, is_occupation, occupation_node
from mlgraph.errors import AmbiguousName

MLD = "https://w3id.org/mlgraph/id/"
STAT, DS = occupation_node("15-2041.00"), occupation_node("15-2051.00")


def test_edges_carry_onets_figures(onet):
    math = imported_figures(onet.edges[STAT, MLD + "onet-2.A.1.e", "requiresSkill"])
    assert (math["onetImportance"], math["onetLevel"], math["sampleSize"], math["standardError"]) == (4.88, 5.38, 8, 0.125)
    related = imported_figures(onet.edges[STAT, MLD + "onet-15-2031.00", "relatedOccupation"])
    assert (related["relatednessTier"], related["relatednessIndex"]) == ("Primary-Long", 6)
    linux = imported_figures(onet.edges[DS, MLD + "linux", "usesTool"])  # the built-in Linux
    assert linux["hotTechnology"] is True and "inDemand" not in linux  # O*NET: in demand N
    assert onet.edges[STAT, MLD + "onet-15-2031.00", "relatedOccupation"]["sources"] == [
        "https://w3id.org/mlgraph/source/onet-29.2"]


def test_builtin_roles_join_their_occupation_both_ways_sourced_to_the_editors(onet):
    for a, b in ((MLD + "data-scientist", DS), (DS, MLD + "data-scientist")):
        assert onet.edges[a, b, "matchesOccupation"]["sources"] == [EDITORIAL]
        assert onet.edges[a, b, "matchesOccupation"]["evidence"][0]["evidence"] == "editorial"
    assert onet.has_edge(MLD + "software-engineer", occupation_node("15-1252.00"), "matchesOccupation")
    assert is_occupation(onet, DS) and not is_occupation(onet, MLD + "data-scientist")


def test_codes_titles_and_alternate_titles_resolve(onet):
    assert resolve(onet, "15-2051.00") == DS  # the occupation, not the role aligned to it
    assert resolve(onet, "data scientists") == DS
    assert resolve(onet, "data scientist") == MLD + "data-scientist"  # the built-in role keeps its name
    assert resolve(onet, "Analytical Statistician") == STAT  # an alternate title


def test_a_code_shared_by_two_aligned_roles_names_their_occupation(onet):
    assert resolve(onet, "15-1252.00") == occupation_node("15-1252.00")


def test_without_the_occupation_a_code_shared_by_two_roles_is_ambiguous():
    from mlgraph.career.network import load_network

    with pytest.raises(AmbiguousName):
        resolve(load_network(), "15-1252.00")  # software developer and software engineer
