"""Finding a name however it was typed, and only as whole words."""

import unicodedata

import pytest

from quiltarchive.name_forms import mentions, name_variants, replace_name

NAME = "Zoë Ångström"


@pytest.mark.parametrize(
    "typed",
    [
        NAME,
        unicodedata.normalize("NFD", NAME),
        NAME.upper(),
        NAME.casefold(),
        "Zoe Angstrom",
        "ZOE ANGSTROM",
        unicodedata.normalize("NFD", NAME.upper()),
    ],
)
def test_every_form_of_the_name_is_found_and_replaced(typed):
    text = f"Stall run by {typed}, with thanks."
    assert mentions(text, NAME)
    assert replace_name(text, NAME, "[name removed]") == "Stall run by [name removed], with thanks."


@pytest.mark.parametrize(
    "text", ["Zoë Ångströmberg came too", "Zoë Ångström-Smith", "Zoë and Ångström", "Zoë"]
)
def test_only_the_whole_name_counts(text):
    expected = "Zoë Ångström-Smith" in text  # a hyphen ends a word: that one is her name too
    assert mentions(text, NAME) is expected


def test_every_occurrence_goes_and_the_rest_stays():
    text = f"{NAME} & {NAME.upper()}: Zoë's patch"
    assert replace_name(text, NAME, "X") == "X & X: Zoë's patch"


def test_the_variants_cover_composition_case_and_accents():
    variants = set(name_variants(NAME))
    assert {NAME, unicodedata.normalize("NFD", NAME), "zoë ångström", "ZOE ANGSTROM"} <= variants
    assert "Zoe Angstrom" in variants and "zoe angstrom" in variants
