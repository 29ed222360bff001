"""Word alignment: tokens with offsets, known links in small constructed sets (a name across scripts,
a number written the other locale's way, a reordered clause, a word with no counterpart), the
probabilities and determinism, and the ``align words`` command."""

from __future__ import annotations

import pytest

from align.words import Token, WordLink, align_units, tokenize


def units_of(pairs: list[tuple[str, str]], src_lang: str, tgt_lang: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([t.text for t in tokenize(s, src_lang)], [t.text for t in tokenize(t, tgt_lang)]) for s, t in pairs
    ]


def linked(units, links: list[WordLink], src_word: str, tgt_word: str) -> bool:
    src, tgt = units
    return any(src[w.src] == src_word and tgt[w.tgt] == tgt_word for w in links)


def test_tokenize_keeps_offsets_numbers_and_inner_hyphens():
    text = "In mid-2020, 10,000 people didn't leave (Vučić said)."
    tokens = tokenize(text, "en")
    assert [t.text for t in tokens] == [
        "In", "mid-2020", ",", "10,000", "people", "didn't", "leave", "(", "Vučić", "said", ")", ".",
    ]  # fmt: skip
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[3] == Token("10,000", 13, 19)


EN_DE = [
    ("The minister met the president in Berlin .", "Der Minister traf den Präsidenten in Berlin ."),
    ("The police said 10,000 people came .", "Die Polizei sagte , 10.000 Menschen seien gekommen ."),
    ("Yesterday the minister resigned in Berlin .", "In Berlin trat der Minister gestern zurück ."),
    ("The president said the police came .", "Der Präsident sagte , die Polizei sei gekommen ."),
    ("People came to Berlin .", "Menschen kamen auch nach Berlin ."),
]


@pytest.fixture(scope="module")
def en_de():
    units = units_of(EN_DE, "en", "de")
    return units, align_units(units, "en", "de")


def test_links_are_sorted_probabilities_and_in_range(en_de):
    units, links = en_de
    assert len(links) == len(units)
    for (src, tgt), unit_links in zip(units, links, strict=True):
        assert unit_links == sorted(unit_links, key=lambda w: (w.src, w.tgt))
        assert all(0 <= w.src < len(src) and 0 <= w.tgt < len(tgt) for w in unit_links)
        assert all(0 < w.prob <= 1 for w in unit_links)


def test_number_written_the_other_way_is_linked(en_de):
    units, links = en_de
    assert linked(units[1], links[1], "10,000", "10.000")


def test_name_across_scripts_is_linked():
    pairs = [
        ("Vučić met Kurti in Brussels .", "Вучић се састао са Куртијем у Бриселу ."),
        ("Kurti said nothing .", "Курти није ништа рекао ."),
    ]
    units = units_of(pairs, "en", "sr-Cyrl")
    links = align_units(units, "en", "sr-Cyrl")
    assert linked(units[0], links[0], "Vučić", "Вучић")
    assert linked(units[1], links[1], "Kurti", "Курти")


def test_deterministic_and_empty_units(en_de):
    units, links = en_de
    assert align_units(units, "en", "de") == links
    with_empty = [*units, ([], ["Hallo"]), (["Hello"], [])]
    assert align_units(with_empty, "en", "de")[len(units) :] == [[], []]
    assert align_units([], "en", "de") == []
