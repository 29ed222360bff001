"""Word links of a pair's links: a news article aligned once for every check that asks."""

from __future__ import annotations

from align.model import Alignment, Document, DocumentSet, Link, Sentence
from align.report import ReportOptions, build_report, renderings, wordlinks
from align.report.base import LinkContext
from align.report.checks import omissions
from align.report.wordlinks import link_words
from align.words import tokenize

EN = [f"The mayor of town {n} opened a new bridge over the river on Monday." for n in range(8)]
DE = [
    f"Der Bürgermeister der Stadt {n} eröffnete am Montag eine neue Brücke über den Fluss." for n in range(8)
]


def contexts(left: list[str], right: list[str]) -> list[LinkContext]:
    return [
        LinkContext("en-de", Link((i,), (i,)), "en", "de", (f"en.s{i + 1}",), (f"de.s{i + 1}",), a, b)
        for i, (a, b) in enumerate(zip(left, right, strict=True))
    ]


def test_a_links_word_links_do_not_depend_on_what_else_is_asked():
    links = contexts(EN, DE)
    pair = [(x.src_text, x.tgt_text) for x in links]
    alone = link_words(pair, links[3:4])
    together = link_words(pair, links)
    assert alone[links[3]] == together[links[3]]
    assert {w.src for w in together[links[3]].links} >= {1, 3, 5}  # mayor, town, opened
    assert link_words(pair[:5], links[:5]) == {}  # too few links to learn from


def test_the_report_aligns_a_news_article_once_for_every_check(monkeypatch):
    """The omission check (a merged sentence to judge) and the term renderings ("bridge", "mayor",
    seen in every link) ask about the same pair: one word alignment serves both."""
    calls, asked = [], []
    real = wordlinks.align_units

    def counting(units, *args):
        calls.append(len(units))
        return real(units, *args)

    def asking(caller):
        def wrapped(pair, wanted):
            asked.append((caller, len(wanted)))
            return link_words(pair, wanted)

        return wrapped

    monkeypatch.setattr(wordlinks, "align_units", counting)
    monkeypatch.setattr(omissions, "link_words", asking("omissions"))
    monkeypatch.setattr(renderings, "link_words", asking("renderings"))
    wordlinks._aligned.cache_clear()
    merged = [*DE[:3], f"{DE[3]} {DE[4]}", *DE[5:]]
    links = [Link((i,), (i,), 0.95) for i in range(3)] + [Link((3, 4), (3,), 0.9)]
    links += [Link((i,), (i - 1,), 0.95) for i in range(5, 8)]
    docs = {
        "en": Document("en", [Sentence(t, 0) for t in EN]),
        "de": Document("de", [Sentence(t, 0) for t in merged]),
    }
    build_report(DocumentSet("t", docs, [Alignment("en", "de", links)]), options=ReportOptions())
    assert asked == [("renderings", 7), ("omissions", 1)]
    assert calls == [7]


def test_content_words_are_numbers_and_words_of_meaning_and_without_numbers_words_only():
    tokens = tokenize("In 2008 the 3rd council met at 10:30 in Pristina", "en")
    content = [t.text for t in tokens if wordlinks.is_content(t, "en")]
    assert content == ["2008", "3rd", "council", "met", "10:30", "Pristina"]
    assert [t.text for t in tokens if wordlinks.is_content(t, "en", numbers=False)] == [
        "council",
        "met",
        "Pristina",
    ]
