"""Omissions inside links (align.report.checks.omissions) on constructed en-de cases, with the real
embeddings: a dropped clause is found and its words located, a faithful paraphrase is not, a merged
sentence that adds nothing is an omission; spans reach JSON, the tables and the TEI annotations."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import polars as pl
import pytest
from click.testing import CliRunner
from lxml import etree

from align import tei
from align.cli import cli
from align.embedding import Embedder
from align.model import Alignment, Document, DocumentSet, Link, Sentence
from align.report import ReportOptions, build_report
from align.report.base import OmissionParams
from align.report.checks import default_kinds
from align.report.checks.omissions import (
    ContrastChecker,
    anchors,
    clauses,
    edges,
    glosses_acronym,
    lone_numbers,
    missing_edges,
    rendered_elsewhere,
    uncovered,
    without,
)
from align.report.findings import build_links, match_terms
from align.terms import load_termbase

EN = [
    "The mayor opened the new bridge over the river on Monday, after three years of construction by "
    "Strabag that cost the city forty million euros.",
    "Thousands of residents came to watch the ceremony.",
    "The police blocked the streets around the town hall for the whole day.",
    "Traffic is expected to ease in the centre.",
    "Strabag also built the old bridge, which will be closed for repairs next spring.",
]
DE = [
    "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.",  # drops the second clause
    "Tausende Einwohner kamen, um die Zeremonie zu sehen.",
    "Die Polizei sperrte den ganzen Tag die Straßen rund um das Rathaus.",
    "Der Verkehr im Zentrum soll sich entspannen.",
    "Strabag baute auch die alte Brücke, die im nächsten Frühjahr für Reparaturen geschlossen wird.",
]
PARAPHRASE = (
    "Nach dreijähriger Bauzeit durch Strabag, die die Stadt vierzig Millionen Euro gekostet hat, hat der "
    "Bürgermeister am Montag die neue Brücke über den Fluss eröffnet."
)
# free: "the construction group" for Strabag, one clause for two
FREE = (
    "Nach drei Jahren und vierzig Millionen Euro eröffnete der Bürgermeister am Montag die Brücke des "
    "Baukonzerns."
)
DROPPED = "after three years of construction by Strabag that cost the city forty million euros"
KINDS = frozenset({"omission", "addition", "partial-omission", "partial-addition"})


def pair_set(left: list[str], right: list[str], links: list[Link] | None = None) -> DocumentSet:
    links = links or [Link((i,), (i,), 0.95) for i in range(len(left))]
    docs = {
        "en": Document("en", [Sentence(t, 0) for t in left]),
        "de": Document("de", [Sentence(t, 0) for t in right]),
    }
    return DocumentSet("t", docs, [Alignment("en", "de", links)])


def findings(docset: DocumentSet) -> list:
    return build_report(docset, options=ReportOptions(kinds=KINDS)).findings


def test_clauses_split_at_punctuation_and_keep_offsets():
    text = 'BERLIN (AP) - Hans Modrow, who led the party, died on Saturday: "He was 95."'
    pieces = [text[a:b] for a, b in clauses(text, 1)]
    assert pieces == ["BERLIN", "AP", "Hans Modrow", "who led the party", "died on Saturday", "He was 95."]
    assert clauses("One clause only here.", 1) == []


def test_anchors_are_features_about_as_frequent_in_both_versions():
    left = Counter({"strab": 2, "will": 9, "#40": 1, "monta": 3})
    right = Counter({"strab": 2, "will": 1, "#40": 1})
    assert anchors(left, right, 0.5) == {"strab", "#40"}  # "will" (en) / "will" (de) is chance
    assert anchors(left, right, 0.0) == {"strab", "#40", "will"}


def test_uncovered_words_and_numbers_are_located():
    text = "Strabag built it for 40 million euros in Linz."
    spans = uncovered(
        text, "en", {"strab", f"#{40e6:g}", "linz"}, {"linz"}
    )  # as align.aligner.lexical keys them
    assert [text[a:b] for a, b in spans] == ["Strabag", "40 million"]


def test_lone_numbers_are_bare_numbers_the_other_version_never_mentions():
    en = [
        "On Sept. 11, 2001, the attacks killed 3,000 people.",
        "It weighed 640 pounds.",
        "It took 36 hours.",
    ]
    de = [
        "Am 11. September töteten die Anschläge 3.000 Menschen.",
        "Es wog 290 Kilo.",
        "Es dauerte 48 Stunden.",
    ]
    # 640 pounds / 290 Kilo have units, 36 / 48 is a changed number: both the number check's
    assert lone_numbers(list(zip(en, de, strict=True)), "en", "de") == {"#2001"}
    assert lone_numbers(list(zip(de, en, strict=True)), "de", "en") == {"#2001"}


PLANNED = "planned by the city since 2001"
BRIDGE = (
    f"The new bridge over the river, {PLANNED}, was opened by the mayor on Monday after years of disputes."
)
BRIDGE_DE = (
    "Die neue Brücke über den Fluss{} wurde am Montag nach jahrelangem Streit vom Bürgermeister eröffnet."
)


@pytest.mark.parametrize(("clause", "found"), [("", [PLANNED]), (", von der Stadt seit 2001 geplant,", [])])
def test_a_clause_with_a_year_the_translation_never_mentions_is_found(clause, found):
    """No other sentence has a number, so the year is learnt from neither version; only a number the
    whole translation lacks makes the clause a candidate."""
    result = findings(pair_set([BRIDGE, *EN[1:]], [BRIDGE_DE.format(clause), *DE[1:]]))
    assert [f.src_text[a:b] for f in result for a, b in f.src_spans] == found


def test_a_dropped_clause_is_found_and_located():
    (f,) = findings(pair_set(EN, DE))
    assert (f.kind, f.severity, f.src_ids, f.tgt_ids) == (
        "partial-omission",
        "medium",
        ("en.s1",),
        ("de.s1",),
    )
    ((start, end),) = f.src_spans
    assert f.src_text[start:end].rstrip(".") == DROPPED
    assert f.tgt_spans == ()
    assert DROPPED in f.detail


def test_a_faithful_paraphrase_is_not():
    assert findings(pair_set(EN, [PARAPHRASE, *DE[1:]])) == []


@pytest.mark.parametrize(("first", "gains"), [(DE[0], True), (FREE, False)])
def test_the_contrast_gains_only_when_the_clause_is_untranslated(first, gains):
    """Removing the clause from the source brings it closer to a translation that lacks it, and takes
    it further from a free one that has it (tested here whatever the screens say)."""
    docset = pair_set(EN, [first, *DE[1:]])
    links = build_links(docset, docset.alignments[0], {})
    checker = ContrastChecker(Embedder(), OmissionParams(screen_ratio=0, lexical_ratio=9))
    learnt = checker.learn(links)
    checker.prepare(links, learnt)
    ((side, (unit,)),) = [(s, c) for s, c in checker.evidence(links[0], learnt) if s.left]
    assert side.text[unit.start : unit.end].rstrip(".") == DROPPED
    assert (unit.gain > 0) == gains


def test_the_other_way_round_is_a_partial_addition_when_asked_for():
    (f,) = findings(pair_set(DE, EN))
    assert f.kind == "partial-addition" and f.src_spans == ()
    ((start, end),) = f.tgt_spans
    assert f.tgt_text[start:end].rstrip(".") == DROPPED
    # off by default: nearly all explicitations on professional translations (scripts/README.md)
    assert "partial-addition" not in ReportOptions().kinds
    assert all(f.kind != "partial-addition" for f in build_report(pair_set(DE, EN)).findings)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("BERLIN (AP) - Hans Modrow, who led the party, has died.", ["BERLIN (AP)"]),
        ("GAZIANTEP.KAZINFORM – Kazakh rescuers keep digging.", ["GAZIANTEP.KAZINFORM"]),
        ('McDonald\'s withdraws "tasteless" advert near crematorium - RT World News', ["RT World News"]),
        ("In short - it was a bad year.", []),  # no word in capitals: not a dateline
        ("Modrow - a reform-minded communist - took over East Germany.", []),
        ("The score was 3 - 1 at half time - a surprise", []),  # a tag is capitalised words
    ],
)
def test_datelines_and_source_tags_are_the_edges(text, found):
    assert [text[a:b] for a, b in edges(text)] == found


@pytest.mark.parametrize(
    ("other", "lang", "lacks"),
    [
        ("Hans Modrow, der die Partei führte, ist gestorben.", "de", True),
        ("BERLIN (AP) – Hans Modrow, der die Partei führte, ist gestorben.", "de", False),
        ("Berliner Agentur: Hans Modrow ist gestorben.", "de", False),  # "Berlin" by its first letters
        ("БЕРЛИН (AP) – Ханс Модров је преминуо.", "sr-Cyrl", False),  # compared through one script
    ],
)
def test_an_edge_counts_as_missing_only_when_none_of_its_words_is_there(other, lang, lacks):
    text = "BERLIN (AP) - Hans Modrow, who led the party, has died."
    assert missing_edges(text, "en", other, lang) == (((0, 11),) if lacks else ())


def test_a_dropped_dateline_is_a_partial_omission_at_any_length():
    en = ["BERLIN (AP) - Hans Modrow, who led East Germany in its last communist months, has died.", *EN[1:]]
    de = ["Hans Modrow, der die DDR in ihren letzten kommunistischen Monaten führte, ist gestorben.", *DE[1:]]
    (f,) = findings(pair_set(en, de))
    assert (f.kind, f.src_ids) == ("partial-omission", ("en.s1",))
    assert [f.src_text[a:b] for a, b in f.src_spans] == ["BERLIN (AP)"]
    assert findings(pair_set(en, [f"BERLIN (AP) – {de[0]}", *DE[1:]])) == []


MERGE = [Link((0,), (0,)), Link((1,), (1,)), Link((2, 3), (2,)), Link((4,), (3,))]


def test_a_merged_sentence_that_adds_nothing_is_an_omission():
    right = [PARAPHRASE, DE[1], DE[3], DE[4]]  # "The police blocked ..." is not translated
    (f,) = findings(pair_set(EN, right, MERGE))
    assert (f.kind, f.severity, f.src_ids, f.tgt_ids) == (
        "omission",
        "high",
        ("en.s3", "en.s4"),
        ("de.s3",),
    )
    ((start, end),) = f.src_spans
    assert f.src_text[start:end] == EN[2]


def test_a_merge_whose_sentences_are_all_translated_is_no_finding():
    both = f"{DE[2][:-1]}, und {DE[3][0].lower()}{DE[3][1:]}"
    assert findings(pair_set(EN, [PARAPHRASE, DE[1], both, DE[4]], MERGE)) == []


@pytest.fixture(scope="module")
def report_tei(tmp_path_factory):
    path = tmp_path_factory.mktemp("omissions") / "set.tei.xml"
    tei.write(pair_set(EN, DE), path, timestamp=False)
    return path


def run(*args):
    return CliRunner().invoke(cli, ["report", *map(str, args)], catch_exceptions=False)


def test_spans_in_json_and_tables(report_tei, tmp_path):
    result = run(report_tei, "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    (f,) = [f for f in json.loads(result.stdout)["findings"] if f["kind"] == "partial-omission"]
    ((start, end),) = f["src_spans"]
    assert f["src_text"][start:end].rstrip(".") == DROPPED and f["tgt_spans"] == []
    for fmt in ("csv", "parquet"):
        assert run(report_tei, "-o", tmp_path / f"f.{fmt}").exit_code == 0
    row = (
        pl.read_parquet(tmp_path / "f.parquet")
        .filter(pl.col("kind") == "partial-omission")
        .row(0, named=True)
    )
    assert row["src_spans"] == [f"{start}-{end}"]
    csv = pl.read_csv(tmp_path / "f.csv").filter(pl.col("kind") == "partial-omission")
    assert csv["src_spans"].to_list() == [f"{start}-{end}"]


def test_spans_in_tei_annotations_and_html(report_tei, tmp_path):
    out = tmp_path / "annotated.tei.xml"
    assert run(report_tei, "--annotate", "-o", out).exit_code == 0
    ns = {"t": tei.TEI_NS}
    root = etree.parse(str(out)).getroot()
    (annotation,) = root.findall(".//t:annotation[@ana='#div.partial-omission']", ns)
    (ptr,) = annotation.findall("t:ptr", ns)
    assert ptr.get("type") == "left-span"
    start = EN[0].index(DROPPED)
    assert ptr.get("target").startswith(f"#string-range(id('en.s1'),{start},")
    assert run(report_tei, "-o", tmp_path / "r.html").exit_code == 0
    assert f'<mark class="span">{DROPPED}' in (tmp_path / "r.html").read_text("utf-8")
    schema = tei.find_schema()
    if schema is not None:
        assert tei.validate(out, schema) == []


def test_a_huge_link_gives_the_embedder_no_more_than_it_reads():
    """issue 19: a 2000-2000 link took 121 s and 3.1 GB, the side embedded once without each of its
    sentences. The embedder reads READ_CHARS characters of a text, so no longer text is built, and the
    sentences past them all leave the same head (embedded once)."""
    import numpy as np

    from align.embedding.encoder import DIM, READ_CHARS

    given: list[str] = []

    def fake(texts):
        given.extend(texts)
        return np.ones((len(texts), DIM), dtype=np.float32) / np.sqrt(DIM)

    n = 400
    docset = pair_set(EN * (n // 5), DE * (n // 5), [Link(tuple(range(n)), tuple(range(n)), 0.9)])
    links = build_links(docset, docset.alignments[0], {})
    checker = ContrastChecker(fake, OmissionParams())
    checker.prepare(links)
    side = next(s for s in checker.prepared[links[0]] if s.left)
    assert len(side.text) > 7 * READ_CHARS
    assert max(len(t) for t in given) <= READ_CHARS
    assert len(set(given)) < 2 * READ_CHARS // min(len(s) for s in EN) + 3
    whole = [without(side.text, u.start, u.end)[:READ_CHARS] for u in checker._candidates(side)]
    assert checker._texts(side, checker._candidates(side))[2:] == whole  # the same heads, built cheaply


def test_a_clause_the_glossary_matched_on_both_sides_is_no_partial_omission(tmp_path):
    """The contrast test would flag the clause (a stand-in embedder makes it gain); the glossary says
    the other side of the link has the term, so it is translated."""
    glossary = tmp_path / "terms.csv"
    glossary.write_text(
        "concept,lang,term\nsecretary,en,Interior Secretary\nsecretary,sq,Sekretari i Brendshëm\n", "utf-8"
    )
    # the last link makes "Interior Secretary" a feature both versions use, far from the first
    docset = pair_set(
        ["The rules were announced on Monday in the capital, Interior Secretary, after long talks.", *EN[1:]]
        + ["Interior Secretary Hill spoke."],
        ["Rregullat u shpallën të hënën në kryeqytet nga Sekretari i Brendshëm pas bisedimeve të gjata."]
        + [*DE[1:], "Interior Secretary Hill foli."],
    )
    docset = DocumentSet(
        "t",
        {"en": docset.docs["en"], "sq": Document("sq", docset.docs["de"].sentences)},
        [Alignment("en", "sq", docset.alignments[0].links)],
    )

    def embed(texts):
        return np.array([[0.6, 0.8] if "Interior Secretary" in t else [1.0, 0.0] for t in texts])

    def partial(terms):
        links = build_links(docset, docset.alignments[0], terms)
        # the word check off (it finds "Sekretari" for "Secretary" by itself): the glossary alone decides
        params = OmissionParams(screen_ratio=0, lexical_ratio=9, word_share=1, partial_word_share=1)
        checker = ContrastChecker(embed, params)
        learnt = checker.learn(links)
        checker.prepare(links, learnt)
        found = [f for link in links for f in checker.check(link, learnt) if f.kind == "partial-omission"]
        return [f.src_text[a:b] for f in found for a, b in f.src_spans]

    assert partial({}) == ["Interior Secretary"]
    assert partial(match_terms(docset, load_termbase(glossary), ["en", "sq"])) == []


@pytest.mark.parametrize(
    ("text", "words", "other", "other_lang", "glossed"),
    [
        (
            "Das Nationale Demokratische Institut (NDI) warnte.",
            "Nationale Demokratische Institut",
            "NDI warned.",
            "en",
            True,
        ),
        (
            "NDI (National Democratic Institute) warned.",
            "National Democratic Institute",
            "НДИ је упозорио.",
            "sr-Cyrl",
            True,
        ),
        (
            "Das Nationale Demokratische Institut (NDI) warnte.",
            "Nationale Demokratische Institut",
            "It warned.",
            "en",
            False,
        ),
        ("Das Institut warnte die Wähler.", "die Wähler", "NDI warned.", "en", False),
    ],
)
def test_an_acronym_spelt_out_in_brackets_is_glossed(text, words, other, other_lang, glossed):
    start = text.index(words)
    assert glosses_acronym(text, "de", (start, start + len(words)), other, other_lang) == glossed


# A longer article: the word aligner needs some sentences to learn from (wordlinks.MIN_LINKS).
POLL_EN = [
    "The people of Macedonia voted in a referendum on Sunday on whether to change the name of the country.",
    "The two governments struck a deal in June based on the proposed new name.",
    "President Gjorge Ivanov has said he will not be voting in the referendum.",
    "A poll published last Monday said between 30 and 43 percent of voters would take part, below the "
    "required turnout.",
    "Another poll, conducted by Telma TV, found 57 percent of respondents planning to vote on Sunday.",
    "Of those, 70 percent said they would vote yes.",
    "Prime Minister Zaev says membership will bring much needed investment to Macedonia.",
    "A failure in the referendum would be the first serious blow to the government.",
]
POLL_DE = [
    "Die Bevölkerung von Mazedonien stimmte am Sonntag in einem Referendum über den Namen des Landes ab.",
    "Die beiden Regierungen schlossen im Juni ein Abkommen auf der Grundlage des vorgeschlagenen Namens.",
    "Präsident Gjorge Ivanov sagte, er werde nicht in dem Referendum abstimmen.",
    "Laut einer am Montag veröffentlichten Umfrage würden zwischen 30 und 43 Prozent der Wähler teilnehmen.",
    "Diese Zahl liegt unter der erforderlichen Wahlbeteiligung.",
    "Eine andere, von Telma TV durchgeführte Umfrage ermittelte, dass 57 Prozent der Befragten planen, am "
    "Sonntag abzustimmen.",
    "70 Prozent davon sagten, sie würden mit Ja stimmen.",
    "Premierminister Zaev sagt, die Mitgliedschaft bringe dringend benötigte Investitionen nach Mazedonien.",
    "Ein Scheitern des Referendums wäre der erste schwere Schlag für die Regierung.",
]
SPLIT = (
    [Link((i,), (i,)) for i in range(3)] + [Link((3,), (3, 4))] + [Link((i,), (i + 1,)) for i in range(4, 8)]
)


def test_a_sentence_split_off_in_translation_whose_words_align_is_no_addition():
    assert findings(pair_set(POLL_EN, POLL_DE, SPLIT)) == []


def test_a_sentence_added_in_a_split_link_whose_words_do_not_align_is_still_an_addition():
    """The English sentence is all in the first German one; the second adds a sentence of its own."""
    en = [
        *POLL_EN[:3],
        "A poll published last Monday said between 30 and 43 percent of voters would take part.",
        *POLL_EN[4:],
    ]
    added = [
        *POLL_DE[:4],
        "Der Fußballverein aus Skopje gewann gestern das Pokalfinale gegen Vardar.",
        *POLL_DE[5:],
    ]
    (f,) = findings(pair_set(en, added, SPLIT))
    assert (f.kind, f.tgt_ids) == ("addition", ("de.s4", "de.s5"))
    assert [f.tgt_text[a:b] for a, b in f.tgt_spans] == [added[4]]


# -------------------------------------------------- the other versions' word links judge a clause

PIVOT = "The charges will be reviewed by the independent public prosecution service."


def _words(linked_src: set[str]):
    """Word links of PIVOT with an arbitrary translation: each pivot token in ``linked_src`` (by its
    text) linked to the translation's first word, the others to nothing."""
    from align.report.wordlinks import LinkWords
    from align.words import WordLink, tokenize

    left = tuple(tokenize(PIVOT, "en"))
    right = tuple(tokenize("Die Anklage wird geprüft.", "de"))
    return LinkWords(
        left, right, tuple(WordLink(i, 0, 0.9) for i, t in enumerate(left) if t.text in linked_src)
    )


def _span(words: str) -> tuple[int, int]:
    start = PIVOT.index(words)
    return start, start + len(words)


def test_a_clause_every_other_version_renders_is_this_versions_omission():
    span = _span("independent public prosecution")
    everything = {t for t in PIVOT.replace(".", " ").split()}
    own = _words(everything - {"independent", "public", "prosecution"})
    others = [_words(everything), _words(everything - {"public"})]
    assert not rendered_elsewhere(own, others, PIVOT, span, "en", 0.3)


def test_a_clause_the_word_aligner_finds_hard_everywhere_is_no_omission_of_one_version():
    span = _span("independent public prosecution")
    rest = {t for t in PIVOT.replace(".", " ").split()} - {"independent", "public", "prosecution"}
    own = _words(rest)
    others = [_words(rest), _words(rest | {"public"})]  # a third of the clause linked at best
    assert rendered_elsewhere(own, others, PIVOT, span, "en", 0.3)


def test_the_other_versions_judge_no_number_and_need_two_of_them():
    text = PIVOT.replace("independent", "2001")
    span = (text.index("2001"), text.index("2001") + 4)
    none = _words(set())
    assert not rendered_elsewhere(none, [none, none], text, span, "en", 0.3)  # a number: by value
    span = _span("independent public prosecution")
    assert not rendered_elsewhere(none, [none], PIVOT, span, "en", 0.3)  # one other version says little


def test_a_dropped_number_is_one_finding_a_dropped_clause_with_it_two():
    """The number check says which number is missing; the partial omission of that number alone
    says it again and goes. A clause holding the number says more, and stays."""
    en = [*EN[1:], "The team measured the ice with drones and ground radar over 18 months."]
    de = [*DE[1:], "Das Team vermass das Eis mit Drohnen."]
    report = build_report(pair_set(en, de), options=ReportOptions(kinds=default_kinds()))
    assert [(f.kind, [f.src_text[a:b] for a, b in f.src_spans]) for f in report.findings] == [
        ("number", ["18"])
    ]
    en, de = [BRIDGE, *EN[1:]], [BRIDGE_DE.format(""), *DE[1:]]
    report = build_report(pair_set(en, de), options=ReportOptions(kinds=default_kinds()))
    assert {(f.kind, tuple(f.src_text[a:b] for a, b in f.src_spans)) for f in report.findings} >= {
        ("partial-omission", (PLANNED,))
    }


# A flood report of our own, en and a faithful sq translation (one sentence each, in order)
FLOOD_EN = [
    "Flooding forces thousands from homes in northern Italy",
    (
        "Heavy rain caused rivers to burst their banks in the Emilia-Romagna region on Tuesday, forcing "
        "more than 5,000 people to leave their homes, the civil protection agency said."
    ),
    "At least two people died, including a 72-year-old farmer who was swept away near Faenza.",
    (
        "Rescue teams used helicopters to lift dozens of residents from rooftops in the town of Cesena "
        "overnight."
    ),
    "Prime Minister Giorgia Meloni said the government would release 20 million euros in emergency aid.",
    "She cut short a visit to Japan, where she had been attending the G7 summit in Hiroshima.",
    "Forecasters expect another 100 millimetres of rain by Thursday.",
    (
        "Schools in Bologna and Ravenna will stay closed until the end of the week, and the Formula One "
        "race at Imola, planned for Sunday, has been called off."
    ),
    '"We have never seen anything like this," said Michele de Pascale, the mayor of Ravenna.',
    "He said the damage would run into hundreds of millions of euros.",
]
FLOOD_SQ = [
    "Përmbytjet largojnë mijëra njerëz nga shtëpitë në veri të Italisë",
    (
        "Shirat e dendur bënë që lumenjtë të dalin nga shtrati në rajonin Emilia-Romanja të martën, duke "
        "detyruar më shumë se 5000 njerëz të largohen nga shtëpitë e tyre, njoftoi agjencia e mbrojtjes "
        "civile."
    ),
    "Të paktën dy persona vdiqën, mes tyre një fermer 72-vjeçar që u mor nga uji pranë Faencës.",
    (
        "Ekipet e shpëtimit përdorën helikopterë për të ngritur dhjetëra banorë nga çatitë në qytetin e "
        "Çezenës gjatë natës."
    ),
    "Kryeministrja Giorgia Meloni tha se qeveria do të lëshojë 20 milionë euro ndihmë emergjente.",
    "Ajo ndërpreu vizitën në Japoni, ku kishte marrë pjesë në samitin e G7 në Hiroshima.",
    "Meteorologët presin edhe 100 milimetra shi deri të enjten.",
    (
        "Shkollat në Bolonja dhe Ravena do të mbeten të mbyllura deri në fund të javës, ndërsa gara e "
        "Formulës 1 në Imola, e planifikuar për të dielën, është anuluar."
    ),
    '"Nuk kemi parë kurrë diçka të tillë," tha Michele de Pascale, kryetari i Ravenës.',
    "Ai tha se dëmet do të arrijnë në qindra miliona euro.",
]


def test_a_dropped_clause_is_not_also_a_length_finding():
    """sq drops "including a 72-year-old farmer … near Faenza": the partial omission says it, and the
    number check says exactly which number is gone; the length check would only guess at it again."""

    def report(sq: list[str]) -> list:
        docs = {
            "en": Document("en", [Sentence(t, 0) for t in FLOOD_EN]),
            "sq": Document("sq", [Sentence(t, 0) for t in sq]),
        }
        links = [Link((i,), (i,), 0.95) for i in range(len(sq))]
        docset = DocumentSet("flood", docs, [Alignment("en", "sq", links)])
        return build_report(docset, options=ReportOptions(kinds=default_kinds())).findings

    assert report(FLOOD_SQ) == []
    cut = [*FLOOD_SQ[:2], "Të paktën dy persona vdiqën.", *FLOOD_SQ[3:]]
    assert [(f.kind, f.src_ids) for f in report(cut)] == [
        ("number", ("en.s3",)),
        ("partial-omission", ("en.s3",)),
    ]


def test_a_number_said_inside_a_compound_is_no_partial_omission():
    """ "two-year low" / "Zweijahrestief": the number is there, inside the German word."""
    en = ["Inflation in the euro zone falls to a two-year low", *EN[1:], "Two bridges remain closed."]
    de = ["Inflation fällt auf Zweijahrestief", *DE[1:], "Zwei Brücken bleiben gesperrt."]
    assert [f for f in findings(pair_set(en, de)) if f.src_ids == ("en.s1",)] == []
