"""Forgiving name resolution on the tiny graph."""

import pytest

from mlgraph.career.names import normalize, resolve, search
from mlgraph.errors import AmbiguousName, BadInput, NameNotFound

MLD = "https://w3id.org/mlgraph/id/"


@pytest.mark.parametrize("name", [
    "junior developer", "Junior Developer", "  junior-developer!", "JR. DEV", "mld:junior-developer",
    MLD + "junior-developer", "junior_developer",
])
def test_every_spelling_finds_the_same_node(tiny, name):
    assert resolve(tiny, name) == MLD + "junior-developer"


def test_shared_label_is_ambiguous_and_lists_candidates(tiny):
    with pytest.raises(AmbiguousName) as info:
        resolve(tiny, "Spark")
    assert len(info.value.candidates) == 2
    assert "spark (Skill" in str(info.value) and "spark (Tool" in str(info.value)


def test_type_preference_settles_an_ambiguous_name(tiny):
    assert resolve(tiny, "spark", prefer=("Tool",)) == MLD + "spark-tool"


def test_misspelt_name_gets_suggestions_not_a_guess(tiny):
    with pytest.raises(NameNotFound) as info:
        resolve(tiny, "junior develper")
    assert info.value.suggestions[0] == "junior developer"
    assert info.value.exit_code == 1


def test_partial_name_suggests_the_labels_containing_it(tiny):
    with pytest.raises(NameNotFound) as info:
        resolve(tiny, "developer")
    assert set(info.value.suggestions) >= {"junior developer", "senior developer"}


def test_empty_name_is_bad_input(tiny):
    with pytest.raises(BadInput):
        resolve(tiny, " -- ")


def test_plus_and_hash_are_significant():
    assert normalize("C#") != normalize("C++") != normalize("C")


def test_search_ranks_exact_label_first_then_descriptions(tiny):
    assert search(tiny, "spark")[:2] == [MLD + "spark-skill", MLD + "spark-tool"]
    assert search(tiny, "reviews") == [MLD + "senior-developer"]
    assert search(tiny, "nothing-like-this") == []
