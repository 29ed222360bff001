"""Language profiles: one record per language, looked up by tag; Croatian and Bosnian as the worked
example of adding a language (a data module reusing the Serbian Latin data, plus these tests)."""

from __future__ import annotations

import pytest

from align.lang import WORD, family_members, language_name, primary, profile, profiles
from align.numbers import extract_numbers, number_values, unmatched
from align.terms.stem import keys
from align.text.propernames import name_key
from align.text.segment import split_sentences
from align.text.textnorm import to_latin

SERBO_CROATIAN = ("sr", "hr", "bs", "cnr", "sh", "hbs")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("sr-Latn-RS", "sr"),
        ("SR_latn", "sr"),
        ("srp", "sr"),
        ("cnr-ME", "cnr"),
        ("hbs", "hbs"),
        ("x y", "x y"),
    ],
)
def test_primary_subtag(tag: str, expected: str) -> None:
    assert primary(tag) == expected  # "cnr" stays "cnr" (lang[:2] made it "cn")


@pytest.mark.parametrize("tag", SERBO_CROATIAN)
def test_serbo_croatian_family_shares_one_profile_shape(tag: str) -> None:
    lp = profile(f"{tag}-Latn")
    assert (lp.family, lp.lemmatiser, lp.stemmer, lp.abbreviations) == ("hbs", "hbs", "serbian", "sr")
    assert lp.hyphen_endings and lp.numbers is not None
    assert keys("teritorije", tag) & keys("teritorija", "sr")  # one stemmer for the family
    assert name_key("Вучићем", tag) == "vucic"


def test_family_members_and_registry() -> None:
    assert set(family_members("hbs")) == set(SERBO_CROATIAN)
    codes = [p.code for p in profiles()]
    assert codes == sorted(set(codes)) and {"en", "de", "sq", "sr", "hr", "bs"} <= set(codes)
    assert profile("cnr") is profile("sr") and profile("hr") is not profile("sr")


def test_generic_profile_for_languages_without_a_data_module() -> None:
    fr, no, xx = profile("fr-CA"), profile("no"), profile("xx")
    assert (fr.code, fr.script, fr.lemmatiser, fr.numbers) == ("fr", "Latn", "fr", None)
    assert no.lemmatiser == "nb"  # simplemma's code for Norwegian
    assert (xx.script, xx.lemmatiser, xx.reldi) == (None, None, None)
    assert profile("sl").reldi == "sl" and profile("ja").decimal_point
    assert profile("not a tag!").code == "not a tag!"  # malformed: generic, no error


def test_word_is_letters_only() -> None:
    assert WORD.findall("COVID-19 i 3D_model Vučić") == ["COVID", "i", "D", "model", "Vučić"]


def test_cyrillic_read_through_serbian_latin_only_where_the_profile_says() -> None:
    assert to_latin("Вучић", "bs-Cyrl") == to_latin("Вучић", "cnr") == "Vučić"
    assert to_latin("Москва", "ru") == "Москва"


HR_TEXT = (
    "Sastanak je održan 9. prosinca 2022. u Zagrebu. Prisustvovao je i dr. sc. Ivan Horvat, prof. na "
    "fakultetu. Vidi str. 5. Zatim su otišli na ručak."
)


@pytest.mark.parametrize("tag", ["hr", "bs"])
def test_croatian_and_bosnian_segmentation(tag: str) -> None:
    assert split_sentences(HR_TEXT, tag) == [
        "Sastanak je održan 9. prosinca 2022. u Zagrebu.",
        "Prisustvovao je i dr. sc. Ivan Horvat, prof. na fakultetu.",
        "Vidi str. 5.",
        "Zatim su otišli na ručak.",
    ]


def test_croatian_numbers_and_months() -> None:
    text = (
        "Dana 9. prosinca 2022. dvije tisuće ljudi platilo je 3,5 milijuna kuna, dvadeset i pet posto više."
    )
    found = [(n.value, n.kind) for n in extract_numbers(text, "hr")]
    assert found == [
        (9.0, "ordinal"),
        (12.0, "month"),
        (2022.0, "year"),
        (2000.0, "word"),
        (3_500_000.0, "decimal"),
        (25.0, "percent"),
    ]
    # the Croatian and the Serbian date are the same numbers
    assert unmatched(
        extract_numbers("9. prosinca 2022.", "hr"), extract_numbers("9. decembra 2022.", "sr")
    ) == (
        [],
        [],
    )
    assert number_values("listopada 2021.", "sr") == {2021.0: 1}  # Croatian months only in hr


def test_bosnian_numbers_in_both_scripts() -> None:
    assert number_values("Dvije hiljade i 1,5 miliona", "bs") == number_values(
        "Двије хиљаде и 1,5 милиона", "bs"
    )


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("sr-Cyrl", "Serbian (Cyrillic script)"),
        ("hr", "Croatian"),
        ("cnr", "Montenegrin"),  # an alias of the Serbian profile keeps its own name
        ("fr-CA", "French (CA)"),
        ("xx-Latn", "xx (Latin script)"),
    ],
)
def test_language_names(tag: str, name: str) -> None:
    assert language_name(tag) == name
