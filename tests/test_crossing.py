"""The aligner's crossing pass (:mod:`align.aligner.crossing`) on a short news text written for these tests:
the German translator moved the end of the second English sentence ("..., and 384 bodies were found by
evening.") to the start of the third German one, so sentences 1-2 of both sides form one 2-2 unit; the
other sentences are translated one for one, and the German of the fifth repeats the name and the number
of the fourth ("Palu", "500") where the English has "they"."""

from __future__ import annotations

from align.aligner.crossing import merge_crossing
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
