"""The aligner's crossing pass (:mod:`align.aligner.crossing`) on a short news text written for these tests:
the German translator moved the end of the second English sentence ("..., and 384 bodies were found by
evening.") to the start of the third German one, so sentences 1-2 of both sides form one 2-2 unit; the
other sentences are translated one for one, and the German of the fifth repeats the name and the number
of the fourth ("Palu", "500") where the English has "they"."""

from __future__ import annotations

import math

import pytest

from align.aligner.crossing import _contrast, merge_crossing
from align.model import Link

EN = [
    "A strong earthquake struck the Indonesian island of Sulawesi on Friday afternoon.",
    "Rescue teams searched the beaches of Palu for survivors on Saturday, "
    "and 384 bodies were found by evening.",
    "Many roads to the city were blocked by landslides.",
    "Hospitals in Palu treated 500 injured people in tents.",
    "The mayor said that they needed more doctors and medicine.",
    "The army said it would bring food and water to the region by ship.",
]
DE = [
    "Ein starkes Erdbeben erschütterte am Freitagnachmittag die indonesische Insel Sulawesi.",
    "Rettungsteams suchten am Samstag an den Stränden von Palu nach Überlebenden.",
    "Bis zum Abend wurden 384 Leichen gefunden, "
    "und viele Straßen in die Stadt waren durch Erdrutsche blockiert.",
    "Krankenhäuser in Palu behandelten 500 Verletzte in Zelten.",
    "Der Bürgermeister von Palu sagte, die 500 Verletzten bräuchten mehr Ärzte und Medikamente.",
    "Die Armee sagte, sie werde Lebensmittel und Wasser per Schiff in die Region bringen.",
]
ONE_FOR_ONE = [Link((k,), (k,), cert=0.95) for k in range(len(EN))]


def units(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in links]


def test_links_whose_words_cross_merge_and_neighbours_sharing_words_do_not() -> None:
    out = merge_crossing(ONE_FOR_ONE, EN, DE, "en", "de", 4)
    assert units(out) == [((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,)), ((4,), (4,)), ((5,), (5,))]
    assert out[1].cert == 0.95  # the merged link keeps the lower cert of the two


def test_no_merge_beyond_the_link_types_of_the_search() -> None:
    assert units(merge_crossing(ONE_FOR_ONE, EN, DE, "en", "de", 1)) == units(ONE_FOR_ONE)


def test_null_links_are_left_alone() -> None:
    links = [ONE_FOR_ONE[0], Link((1,), (), cert=0.9), Link((), (1,), cert=0.9), *ONE_FOR_ONE[2:]]
    assert units(merge_crossing(links, EN, DE, "en", "de", 4)) == units(links)


def test_only_pairs_whose_lengths_contrast_are_word_aligned(monkeypatch) -> None:
    """Links 1 and 2 lie on opposite sides of the document's length ratio because the clause moved,
    links 2-3 and 3-4 by chance; links 0-1 and 4-5 lie on the same side, so neither these pairs nor
    links 0 and 5 alone are word-aligned, and the outcome is the same."""
    import align.words

    aligned: list[tuple[list[str], list[str]]] = []
    real = align.words.align_units

    def recording(units, *args):
        aligned.extend(units)
        return real(units, *args)

    monkeypatch.setattr(align.words, "align_units", recording)
    out = merge_crossing(ONE_FOR_ONE, EN, DE, "en", "de", 4)
    assert units(out) == [((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,)), ((4,), (4,)), ((5,), (5,))]
    first_words = {(s[0], t[0]) for s, t in aligned}
    assert ("Rescue", "Rettungsteams") in first_words  # link 1 and the union 1-2
    assert ("A", "Ein") not in first_words and ("The", "Die") not in first_words  # links 0 and 5
    assert len(aligned) == 4 + 3  # links 1-4 alone and the unions 1-2, 2-3, 3-4


def test_length_contrast_needs_opposite_sides_of_the_document_ratio() -> None:
    src, tgt = ["a" * 100, "b" * 50, "c" * 100], ["x" * 50, "y" * 100, "z" * 100]
    links = [Link((k,), (k,)) for k in range(3)]
    # log(100/50) = 0.69 and log(50/100) = -0.69 around a document ratio of 0
    assert _contrast(links[0], links[1], src, tgt, 0.0) == pytest.approx(2 * math.log(2))
    assert _contrast(links[1], links[2], src, tgt, 0.0) == 0.0  # -0.69 and 0: not opposite
    assert _contrast(links[0], links[1], src, tgt, math.log(2)) == 0.0  # 0 and -1.39 around log 2
