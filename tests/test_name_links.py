"""The name check's sound rules and its reading of the word alignment (align.report.checks.names)."""

from __future__ import annotations

import pytest

from align.lang import WORD
from align.model import Alignment, Document, DocumentSet, Link, Sentence
from align.report import build_report
from align.report.checks.names import judged
from align.report.wordlinks import LinkWords
from align.text.propernames import NameMention, name_key
from align.words import WordLink, tokenize


def versions(texts: dict[str, list[str]]) -> DocumentSet:
    """An en set with the other versions, each linked 1-1 to en."""
    docs = {lang: Document(lang, [Sentence(t, 0) for t in lines]) for lang, lines in texts.items()}
    links = [Link((i,), (i,), 0.9) for i in range(len(texts["en"]))]
    return DocumentSet("t", docs, [Alignment("en", lang, list(links)) for lang in list(texts)[1:]])


def name_details(docset: DocumentSet, pair: str) -> list[str]:
    return [f.detail for f in build_report(docset).findings if f.kind == "name" and f.pair == pair]


@pytest.mark.parametrize(
    ("en", "other", "lang", "third"),
    [
        # soft g (Serbian "dž") and a silent e before a plural s
        ("Giles added the victim was hurt.", "Џајлс је додао да је жртва повређена.", "sr-Cyrl", "sq"),
        ("Sturridge received a pass.", "Стариџ је примио додавање.", "sr-Cyrl", "sq"),  # -dge
        # a short form, read the Albanian way (q = ć; an Albanian version's "Shaq" is "Šać")
        ("Players like Shaq play forward.", "Играчи као Шаћири играју напред.", "sr-Cyrl", "de"),
        ("Capp founded the firm.", "Фирму је основао са Каповом.", "sr-Cyrl", "sq"),  # possessive + case
        ("They lost to Cesena.", "Ata humbën nga Čezene.", "sq", "de"),  # Italian ce = če, s = z
        (
            "Livi took a point off Hearts.",
            "Livingston nahm Hearts einen Punkt ab.",
            "de",
            "sq",
        ),  # a short form
        ("Juve won again.", "Juventusit i shkoi fitorja sërish.", "sq", "de"),  # a short form, declined
    ],
)
def test_names_rendered_by_sound_or_as_a_short_form_are_present(en, other, lang, third):
    # a third version writes the name as the source does, so a single proper word is checked
    docset = versions({"en": [en], lang: [other], third: [en]})
    assert [f.detail for f in build_report(docset).findings if f.kind == "name"] == []


def words(left: str, right: str, pairs: list[tuple[str, str]], langs: tuple[str, str]) -> LinkWords:
    """Word links between the tokens spelt as in ``pairs`` (first occurrence of each)."""
    a, b = tokenize(left, langs[0]), tokenize(right, langs[1])
    index = ([t.text for t in a].index, [t.text for t in b].index)
    return LinkWords(tuple(a), tuple(b), tuple(WordLink(index[0](x), index[1](y), 1.0) for x, y in pairs))


def mention(text: str, name: str, lang: str) -> NameMention:
    start = text.index(name)
    return NameMention(name, name_key(name, lang), start, start + len(name))


def judge(
    left: str, right: str, pairs: list[tuple[str, str]], name: str, langs=("en", "sr-Cyrl"), title: str = ""
) -> str | None:
    """The verdict on ``title`` + ``name`` (on the left side when it is in ``left``, else on the
    right), whose words after the title are compared."""
    found = words(left, right, pairs, langs)
    on_left = name in left
    text, lang, other, other_lang = (
        (left, langs[0], right, langs[1]) if on_left else (right, langs[1], left, langs[0])
    )
    named = mention(text, title + name, lang)
    compared = [m for m in WORD.finditer(named.text) if len(m.group(0)) > 2 and m.start() >= len(title)]
    return judged(named, compared, (lang, other, other_lang), found, on_left)


def test_a_name_linked_to_capitalised_words_of_its_translation_is_rendered():
    en, sr = "Snow fell in the central Rockies.", "Снег је пао на централне Стеновите планине."
    assert judge(en, sr, [("Rockies", "Стеновите")], "Rockies") == ""


def test_capitalised_words_translating_an_institution_are_no_added_name():
    en = "SNL mocked his testimony before the Senate Judicial Committee."
    sq = "SNL talli dëshminë përpara Komisionit Gjyqësor të Senatit."
    pairs = [("Judicial", "Gjyqësor"), ("Committee", "Komisionit")]
    assert judge(en, sq, pairs, "Komisionit Gjyqësor", ("en", "sq")) == ""


def test_a_name_standing_for_a_word_made_of_it_is_rendered():
    en, sq = (
        "Karen Hunter tweeted that he was right.",
        "Karen Hunter postoi në Twitter se ai kishte të drejtë.",
    )
    assert judge(en, sq, [("tweeted", "Twitter")], "Twitter", ("en", "sq")) == ""


def test_a_name_linked_to_another_name_is_that_name():
    assert (
        judge("Varela scored twice.", "Валеро је постигао два гола.", [("Varela", "Валеро")], "Varela")
        == "Валеро"
    )


@pytest.mark.parametrize(
    "pairs",
    [
        [("reporter", "Korrespondenti"), ("tweeted", "Tweeter")],  # the name linked to nothing
        [("Trudell", "shkroi")],  # to a leftover common word
        # to a sentence's first word, which renders another word beside the name
        [("reporter", "Korrespondenti"), ("Trudell", "Korrespondenti")],
    ],
)
def test_a_dropped_name_stays_missing_whatever_leftover_word_it_is_linked_to(pairs):
    en = "Lakers reporter Mike Trudell tweeted that James will play."
    sq = "Korrespondenti i Lakers shkroi në Tweeter se James do të luajë."
    assert judge(en, sq, pairs, "Mike Trudell", ("en", "sq")) is None


def test_a_capitalised_word_may_render_the_title_of_a_dropped_name():
    # the aligner links the dropped name to what is left over: the title's rendering
    en = "Serbian Defense Minister Milos Vucevic said Belgrade was ready."
    sq = "Ministri serb i Mbrojtjes tha se Beogradi është i gatshëm."
    pairs = [("Serbian", "serb"), ("Minister", "Ministri"), ("Milos", "Mbrojtjes"), ("Belgrade", "Beogradi")]
    assert judge(en, sq, pairs, "Milos Vucevic", ("en", "sq"), title="Defense Minister ") is None
    # linked to the title's word too, that word renders the title, not the name
    assert (
        judge(
            en,
            sq,
            [*pairs, ("Defense", "Mbrojtjes")],
            "Milos Vucevic",
            ("en", "sq"),
            title="Defense Minister ",
        )
        is None
    )


def test_a_german_noun_is_capitalised_whatever_it_translates():
    en, de = "The hearing had 20 million Nielsen viewers.", "Die Anhörung sahen 20 Millionen Zuschauer."
    assert judge(en, de, [("Nielsen", "Zuschauer")], "Nielsen", ("en", "de")) is None


def test_a_link_to_the_rendering_of_another_name_says_nothing():
    # the aligner's slip: "Capp" linked to the rendering of "Jones", the name beside it
    en, sr = "Capp founded the firm with Jones.", "Џоунс је основао фирму."
    assert judge(en, sr, [("Capp", "Џоунс"), ("Jones", "Џоунс")], "Capp") is None


FILLER = {
    "en": [
        "The team played well on Saturday.",
        "The coach was happy with the result.",
        "The fans sang all night.",
        "The team will play again next week.",
        "The coach praised the fans.",
        "The result was a draw.",
    ],
    "sr-Cyrl": [
        "Тим је добро играо у суботу.",
        "Тренер је био задовољан резултатом.",
        "Навијачи су певали целе ноћи.",
        "Тим ће поново играти следеће недеље.",
        "Тренер је похвалио навијаче.",
        "Резултат је био нерешен.",
    ],
    "sq": [
        "Ekipi luajti mirë të shtunën.",
        "Trajneri ishte i kënaqur me rezultatin.",
        "Tifozët kënduan gjithë natën.",
        "Ekipi do të luajë sërish javën e ardhshme.",
        "Trajneri i lavdëroi tifozët.",
        "Rezultati ishte barazim.",
    ],
}


@pytest.mark.parametrize(
    ("en", "sr", "sq", "detail"),
    [
        (
            "Varela scored twice.",
            "Валеро је постигао два гола.",
            "Varela shënoi dy herë.",
            "en has the name “Varela”; sr-Cyrl names “Валеро” there.",
        ),
        (
            "Reporter Mike Trudell said the team will play.",
            "Новинар је рекао да ће тим играти.",
            "Reporteri Mike Trudell tha se ekipi do të luajë.",
            "en has the name “Mike Trudell”; sr-Cyrl names no one like it here.",
        ),
    ],
)
def test_a_changed_or_dropped_name_is_reported_through_the_alignment(en, sr, sq, detail):
    docset = versions(
        {"en": [*FILLER["en"], en], "sr-Cyrl": [*FILLER["sr-Cyrl"], sr], "sq": [*FILLER["sq"], sq]}
    )
    assert name_details(docset, "en-sr-Cyrl") == [detail]
