"""The aligner's word pass (:mod:`align.aligner.refine`) on a short news text written for these tests: the
German translator split the second English sentence in two ("..., with the death toll expected to
rise." = "Es wird erwartet, dass die Zahl der Toten noch steigt.") and left out the short fifth one ("The
president visited the city on Sunday.")."""

from __future__ import annotations

import pytest

from align.aligner import refine as refine_module
from align.aligner.anchors import matched, unmatched
from align.aligner.refine import refine
from align.aligner.sentences import align_texts
from align.config import AlignOptions
from align.model import Link

EN = [
    "A strong earthquake struck the Indonesian island of Sulawesi on Friday afternoon.",
    "At least 384 people were killed when a tsunami hit the coast near the city of Palu, "
    "with the death toll expected to rise.",
    "Rescue teams searched the beaches of Palu for survivors on Saturday.",
    "Many roads to the city were blocked by landslides.",
    "The president visited the city on Sunday.",  # left out
    "The army said it would bring food and water to the region by ship.",
    "Hospitals in Palu treated hundreds of injured people in tents.",
    "Aid groups asked for more doctors and medicine.",
]
DE = [
    "Ein starkes Erdbeben erschütterte am Freitagnachmittag die indonesische Insel Sulawesi.",
    "Mindestens 384 Menschen wurden getötet, als ein Tsunami die Küste nahe der Stadt Palu traf.",
    "Es wird erwartet, dass die Zahl der Toten noch steigt.",  # split off
    "Rettungsteams suchten am Samstag an den Stränden von Palu nach Überlebenden.",
    "Viele Straßen in die Stadt wurden durch Erdrutsche blockiert.",
    "Die Armee sagte, sie werde Lebensmittel und Wasser per Schiff in die Region bringen.",
    "Krankenhäuser in Palu behandelten Hunderte von Verletzten in Zelten.",
    "Hilfsorganisationen baten um mehr Ärzte und Medikamente.",
]
SURE = [Link((i,), (j,), cert=0.99) for i, j in ((5, 5), (6, 6), (7, 7))]


def units(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in links]


def first_pass(*middle: Link) -> list[Link]:
    """A first pass that got the first sentence and the last three right and was unsure in between."""
    return [Link((0,), (0,), cert=0.99), *middle, *SURE]


def test_a_split_off_sentence_joins_its_link() -> None:
    links = first_pass(
        Link((1,), (1,), cert=0.6),
        Link((), (2,), cert=0.5),  # the split-off sentence left alone: an "addition"
        Link((2,), (3,), cert=0.9),
        Link((3,), (4,), cert=0.7),
        Link((4,), (), cert=0.8),
    )
    out = units(refine(links, EN, DE, "en", "de", 4))
    assert ((1,), (1, 2)) in out
    assert ((4,), ()) in out  # the dropped sentence is not pulled in


def test_a_dropped_short_sentence_stays_alone() -> None:
    merged = first_pass(
        Link((1,), (1, 2), cert=0.7),
        Link((2,), (3,), cert=0.9),
        Link((3, 4), (4,), cert=0.5),  # the dropped sentence hidden in its neighbour's link
    )
    out = units(refine(merged, EN, DE, "en", "de", 4))
    assert ((3,), (4,)) in out and ((4,), ()) in out
    alone = first_pass(
        Link((1,), (1, 2), cert=0.7),
        Link((2,), (3,), cert=0.9),
        Link((3,), (4,), cert=0.6),
        Link((4,), (), cert=0.5),
    )
    assert units(refine(alone, EN, DE, "en", "de", 4)) == units(alone)


def test_sure_links_are_not_reconsidered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refine_module, "UNSURE", 0.8)
    links = first_pass(
        Link((1,), (1,), cert=0.95),
        Link((), (2,), cert=0.9),
        Link((2,), (3,), cert=0.9),
        Link((3, 4), (4,), cert=0.85),
    )
    assert refine(links, EN, DE, "en", "de", 4) == links


def test_joins_respect_max_side() -> None:
    links = first_pass(
        Link((1,), (1,), cert=0.6),
        Link((), (2,), cert=0.5),
        Link((2,), (3,)),
        Link((3,), (4,)),
        Link((4,), ()),
    )
    assert ((1,), (1, 2)) not in units(refine(links, EN, DE, "en", "de", 1))


@pytest.mark.parametrize("method", ["fast", "embed"])
def test_the_word_pass_keeps_every_sentence_once_in_order(method: str) -> None:
    links = align_texts(EN, DE, "en", "de", AlignOptions(method=method, cache_dir=""))
    assert [i for b in links for i in b.src] == list(range(len(EN)))
    assert [j for b in links for j in b.tgt] == list(range(len(DE)))
    assert all(b.cert is not None and 0.0 <= b.cert <= 1.0 for b in links)
    assert ((4,), ()) in units(links)


# A Serbian and an Albanian translation of a short match report, written for these tests: the coach's
# sentence is left out, and in Serbian the scorer's clause is a sentence of its own.
MATCH_EN = [
    "Serbia's national football team beat Norway in a qualifying match in Belgrade on Tuesday evening.",
    "The only goal came in the second half, when striker Aleksandar Mitrović shot from the edge of the box.",
    "Coach Dragan Stojković praised the defenders after the game.",  # left out in both
    "The team now leads its group with nine points from four matches.",
    "Fans celebrated in the streets of the capital until late at night.",
    "The next match will be played in Oslo next month.",
]
MATCH = {
    "sr-Cyrl": [
        "Фудбалска репрезентација Србије победила је Норвешку у квалификационој утакмици у Београду у "
        "уторак увече.",
        "Једини гол пао је у другом полувремену.",
        "Нападач Александар Митровић шутирао је са ивице шеснаестерца.",  # split off
        "Тим сада предводи своју групу са девет бодова из четири утакмице.",
        "Навијачи су славили на улицама престонице до касно у ноћ.",
        "Следећа утакмица биће одиграна у Ослу следећег месеца.",
    ],
    "sq": [
        "Kombëtarja e futbollit të Serbisë mundi Norvegjinë në një ndeshje kualifikuese në Beograd të "
        "martën në mbrëmje.",
        "Goli i vetëm erdhi në pjesën e dytë, kur sulmuesi Aleksandar Mitroviq gjuajti nga buza e zonës.",
        "Ekipi tani kryeson grupin e tij me nëntë pikë nga katër ndeshje.",
        "Tifozët festuan në rrugët e kryeqytetit deri vonë natën.",
        "Ndeshja e radhës do të luhet në Oslo muajin e ardhshëm.",
    ],
}


@pytest.mark.parametrize("lang", ["sr-Cyrl", "sq"])
def test_a_dropped_sentence_with_a_name_leaves_its_neighbours_link(lang: str) -> None:
    tgt = MATCH[lang]
    split = len(tgt) - len(MATCH_EN) + 2  # target sentences of the scorer's link (2 in Serbian)
    after = [Link((i,), (i - 2 + split,), cert=0.99) for i in range(3, len(MATCH_EN))]
    scorer = tuple(range(1, 1 + split))
    for merged in (
        [Link((1, 2), scorer, cert=0.5), *after],  # hidden in the link before it
        [Link((1,), scorer, cert=0.7), Link((2, 3), (1 + split,), cert=0.5), *after[1:]],  # or after it
    ):
        out = units(refine([Link((0,), (0,), cert=0.99), *merged], MATCH_EN, tgt, "en", lang, 4))
        assert ((2,), ()) in out and ((1,), scorer) in out


def test_a_split_off_sentence_with_a_name_stays_in_its_link() -> None:
    tail = [Link((i,), (i + 1,), cert=0.99) for i in range(3, len(MATCH_EN))]
    for first in (
        [Link((1,), (1,), cert=0.6), Link((), (2,), cert=0.5), Link((2,), (), cert=0.5)],
        [Link((1,), (1, 2), cert=0.5), Link((2,), (), cert=0.5)],
    ):
        links = [Link((0,), (0,), cert=0.99), *first, Link((3,), (3,), cert=0.99), *tail[1:]]
        out = units(refine(links, MATCH_EN, MATCH["sr-Cyrl"], "en", "sr-Cyrl", 4))
        assert ((1,), (1, 2)) in out and ((2,), ()) in out


def test_numbers_and_names_missing_opposite() -> None:
    other = ["„И нико кога је она поменула не може то да потврди."]
    assert unmatched("It's 36 years old.", other, "en", "sr-Cyrl")  # a number, none opposite
    assert unmatched("A phenomenal performance and result for Livingston.", other, "en", "sr-Cyrl")
    assert not unmatched("The result was phenomenal.", other, "en", "sr-Cyrl")  # nothing to go by
    # a name found across scripts, a number in other units, a capital at the start: no evidence against
    assert not unmatched("Striker Aleksandar Mitrović scored.", MATCH["sr-Cyrl"][2:3], "en", "sr-Cyrl")
    assert not unmatched("The prints were 12 inches long.", ["Sie waren 30 cm lang."], "en", "de")
    assert not unmatched("Techniquement, rien de difficile.", ["Technisch einfach."], "fr", "de")
    assert not unmatched("Ash falls on Mexico City.", ["Pepeo pada na Meksiko Siti."], "en", "sr-Latn")
    # where every noun has a capital, a compound the dictionary lacks is no name
    assert not unmatched("Er traf mit dem ersten Ballkontakt.", ["He scored at once."], "de", "en")


# The match report without the coach's sentence, and with a short exclamation that neither translation
# has: a sentence of two counted words, too few for a share of them to mean much.
SHORT_EN = [*MATCH_EN[:2], MATCH_EN[3], "What a relief!", *MATCH_EN[4:]]


@pytest.mark.parametrize("lang", ["sr-Cyrl", "sq"])
def test_a_dropped_short_sentence_leaves_a_merge(lang: str) -> None:
    tgt = MATCH[lang]
    off = len(tgt) - len(SHORT_EN) + 1  # 1 where the scorer's clause is a sentence of its own
    head = [Link((0,), (0,), cert=0.99), Link((1,), tuple(range(1, 2 + off)), cert=0.9)]
    tail = [Link((i,), (i - 1 + off,), cert=0.99) for i in range(5, len(SHORT_EN))]
    for middle in (
        [Link((2, 3), (2 + off,), cert=0.5), Link((4,), (3 + off,), cert=0.99)],  # hidden before it
        [Link((2,), (2 + off,), cert=0.5), Link((3, 4), (3 + off,), cert=0.5)],  # or after it
    ):
        out = units(refine([*head, *middle, *tail], SHORT_EN, tgt, "en", lang, 4))
        assert ((3,), ()) in out and ((2,), (2 + off,)) in out and ((4,), (3 + off,)) in out


@pytest.mark.parametrize("lang", ["sr-Cyrl", "sq"])
def test_the_aligner_keeps_a_dropped_short_sentence_alone(lang: str) -> None:
    """End to end, fast method: the search merges the exclamation into the sentence before it, the word
    pass takes it out."""
    search = units(align_texts(SHORT_EN, MATCH[lang], "en", lang, AlignOptions(method="fast"), words=False))
    assert ((3,), ()) not in search
    assert ((3,), ()) in units(align_texts(SHORT_EN, MATCH[lang], "en", lang, AlignOptions(method="fast")))


def test_a_short_sentence_stays_with_as_many_sentences_opposite() -> None:
    """Its translation may be a sentence of its own within the other side's segment, in words the
    lexicon lacks."""
    tgt = [*MATCH["sr-Cyrl"][:3], MATCH["sr-Cyrl"][3] + " Какво олакшање!", *MATCH["sr-Cyrl"][4:]]
    links = [
        Link((0,), (0,), cert=0.99),
        Link((1,), (1, 2), cert=0.9),
        Link((2, 3), (3,), cert=0.5),
        *[Link((i,), (i - 1,), cert=0.99) for i in range(4, len(SHORT_EN))],
    ]
    assert ((2, 3), (3,)) in units(refine(links, SHORT_EN, tgt, "en", "sr-Cyrl", 4))


def test_numbers_and_names_found_opposite() -> None:
    rest = ["Secretary of State Mike Pompeo seems to be on the verge of restarting nuclear diplomacy."]
    other = [
        "Seine Äußerungen kommen zu einem Zeitpunkt, zu dem US-Außenminister Mike Pompeo kurz davor steht."
    ]
    assert matched("His comments come as US.", other, rest, "en", "de")  # "State" is not the US
    assert not matched("His comments come as US.", ["Seine Äußerungen kommen."], [], "en", "de")
    assert not matched("Pompeo said so.", other, rest, "en", "de")  # the rest of the link has him
    assert matched("It took 36 years.", ["Trajalo je 36 godina."], ["It was long."], "en", "sr-Latn")
    assert not matched("It took 36 years.", ["Trajalo je 36 godina."], ["Not 36 days."], "en", "sr-Latn")


# The match report with a sentence of words the lexicon lacks that neither translation has.
UNKNOWN_EN = [*MATCH_EN[:2], MATCH_EN[3], "Spectators whistled, grumbling, dissatisfied.", *MATCH_EN[4:]]


def test_a_dropped_sentence_nothing_vouches_for_leaves_a_merge_whose_rest_is_translated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Long enough for a share of its words, but the word aligner links them to whatever the next
    sentence's translation leaves over (raw support above LEAVE); none of those links has a prior
    behind it, and the next sentence alone covers its translation better than links typically are:
    the sentence leaves. Without that rule (COVERED out of reach) it stays merged."""
    tgt = MATCH["sr-Cyrl"]
    links = [
        Link((0,), (0,), cert=0.99),
        Link((1,), (1, 2), cert=0.9),
        Link((2,), (3,), cert=0.5),
        Link((3, 4), (4,), cert=0.5),
        *[Link((i,), (i,), cert=0.99) for i in range(5, len(UNKNOWN_EN))],
    ]
    out = units(refine(links, UNKNOWN_EN, tgt, "en", "sr-Cyrl", 4))
    assert ((3,), ()) in out and ((4,), (4,)) in out
    monkeypatch.setattr(refine_module, "COVERED", float("inf"))
    assert ((3, 4), (4,)) in units(refine(links, UNKNOWN_EN, tgt, "en", "sr-Cyrl", 4))


def test_a_short_stop_word_opposite_vouches_for_nothing() -> None:
    """ "was" = "је" is a lexicon entry, but nearly every Serbian sentence has "је" (the profile's
    stop word "je", compared folded): a link of the choice's sentence to it does not vouch for the
    sentence. Links of the rest of the link, to longer stop words, or to short words that are no stop
    words, still do."""
    from align.words import WordLink

    en = ["That", "was", "the", "goal", "Rangers", "scored"]  # the choice's sentence: tokens 0-3
    opposite = {"sr-Cyrl": ["Ренџерс", "је", "дао", "гол"], "sq": ["Rangers", "dy", "gola", "shënoi"]}
    joined = Link((0, 1), (0,))
    choice = refine_module._Choice(0, 0, 0, joined, Link((1,), (0,)), False)
    found = [WordLink(1, 1, 0.9), WordLink(3, 3, 0.9), WordLink(4, 0, 0.9), WordLink(5, 1, 0.9)]
    kept = refine_module._vouching(choice, (en, opposite["sr-Cyrl"]), found, (0, 4), ("en", "sr-Cyrl"))
    assert kept == found[1:]  # "was" = "је" out; "goal" = "гол", and the rest's links, stay
    assert refine_module._vouching(choice, (en, opposite["sq"]), found, (0, 4), ("en", "sq")) == found


def test_a_merge_into_fewer_counts_the_sentences_within_the_other_sides_segments() -> None:
    en = ["And that was the manner in which the crucial goal came.", "Rangers conceded a free-kick."]
    one = ["Ренџерс је направио прекршај."]
    two = ["Тако је пао гол. Ренџерс је направио прекршај."]
    choice = refine_module._Choice(0, 0, 0, Link((0, 1), (0,)), Link((1,), (0,)), False)
    assert refine_module._into_fewer(choice, (en, one), ("en", "sr-Cyrl"))
    assert not refine_module._into_fewer(choice, (en, two), ("en", "sr-Cyrl"))  # one for each
