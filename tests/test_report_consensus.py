"""The dropped-word check: a pivot word the other versions render and one version leaves out."""

from __future__ import annotations

from align.model import Alignment, Document, DocumentSet, Link, Sentence
from align.report import ReportOptions, build_report
from align.report.base import CheckContext, pivot_links
from align.report.checks import KINDS, default_kinds
from align.report.checks.consensus import ConsensusChecker, merged
from align.report.findings import build_links

# Three German translations of one English article (tags as a user gives several versions of one
# language); the word aligner needs a few sentences to learn from (wordlinks.MIN_LINKS).
EN = [
    "The council imposed tough sanctions on the company, its director, its partners and its bank last week.",
    "The company sold weapons to the army of a neighbouring country.",
    "Its director said the firm had broken no law.",
    "The minister kicked the bucket last year.",
    "Prosecutors opened an investigation into the director in March.",
    "The court will hear the case next month.",
    "The sanctions freeze the company's accounts in every bank.",
    "Workers at the factory fear for their jobs.",
]
DE = [
    "Der Rat verhängte letzte Woche harte Sanktionen gegen das Unternehmen, seinen Direktor, seine Partner "
    "und seine Bank.",
    "Das Unternehmen verkaufte Waffen an die Armee eines Nachbarlandes.",
    "Sein Direktor sagte, die Firma habe kein Gesetz gebrochen.",
    "Der Minister starb im vergangenen Jahr.",
    "Die Staatsanwaltschaft leitete im März Ermittlungen gegen den Direktor ein.",
    "Das Gericht wird den Fall nächsten Monat verhandeln.",
    "Die Sanktionen frieren die Konten des Unternehmens bei jeder Bank ein.",
    "Die Arbeiter der Fabrik fürchten um ihre Arbeitsplätze.",
]
# "tough" dropped
DROPPED = [DE[0].replace("harte ", ""), *DE[1:]]
# the director's sentence split in two, every word rendered
SPLIT = [*DE[:2], "Sein Direktor äußerte sich.", "Die Firma habe kein Gesetz gebrochen, sagte er.", *DE[3:]]
ASKED = ReportOptions(kinds=default_kinds() | {"dropped-word"})


def version_set(versions: dict[str, list[str]], links: dict[str, list[Link]] | None = None) -> DocumentSet:
    docs = {"en": Document("en", [Sentence(t, 0) for t in EN])}
    alignments = []
    for tag, sentences in versions.items():
        docs[tag] = Document(tag, [Sentence(t, 0) for t in sentences])
        found = (links or {}).get(tag) or [Link((i,), (i,), 0.95) for i in range(len(EN))]
        alignments.append(Alignment("en", tag, found))
    return DocumentSet("t", docs, alignments)


def dropped_words(docset: DocumentSet) -> list:
    return [f for f in build_report(docset, options=ASKED).findings if f.kind == "dropped-word"]


def test_a_qualifier_one_version_drops_is_found_and_located():
    (f,) = dropped_words(version_set({"de-x-a": DE, "de-x-b": DE, "de-x-c": DROPPED}))
    assert (f.pair, f.src_ids, f.tgt_ids) == ("en-de-x-c", ("en.s1",), ("de-x-c.s1",))
    assert [f.src_text[a:b] for a, b in f.src_spans] == ["tough"]
    assert "2 of the 2 other versions" in f.detail


def test_a_free_rendering_each_version_words_its_own_way_is_not():
    """ "kicked the bucket" is rendered freely, differently in each version."""
    died = ["Der Minister ist letztes Jahr gestorben.", "Im vergangenen Jahr verschied der Minister."]
    versions = {"de-x-a": DE, "de-x-b": [*DE[:3], died[0], *DE[4:]], "de-x-c": [*DE[:3], died[1], *DE[4:]]}
    assert dropped_words(version_set(versions)) == []


def test_two_versions_have_no_consensus():
    assert dropped_words(version_set({"de-x-a": DE, "de-x-c": DROPPED})) == []


def test_a_split_sentence_whose_words_align_is_neither_dropped_nor_omitted():
    split = [Link((i,), (i,), 0.95) for i in range(2)]
    split += [Link((2,), (2, 3), 0.9)] + [Link((i,), (i + 1,), 0.95) for i in range(3, 8)]
    docset = version_set({"de-x-a": DE, "de-x-b": DE, "de-x-c": SPLIT}, {"de-x-c": split})
    found = build_report(docset, options=ASKED).findings
    assert [f for f in found if f.pair == "en-de-x-c" and f.src_ids == ("en.s3",)] == []
    assert not [f for f in found if f.kind in {"omission", "addition", "dropped-word"}]


def test_the_kind_is_reported_only_when_asked_for():
    assert "dropped-word" in KINDS and "dropped-word" not in default_kinds()
    docset = version_set({"de-x-a": DE, "de-x-b": DE, "de-x-c": DROPPED})
    assert not [f for f in build_report(docset).findings if f.kind == "dropped-word"]


def test_adjacent_dropped_words_are_one_phrase():
    # tokens: as(0) many(1) as(2) 300(3); "many" and "300" flagged, only stopwords between
    content = [False, True, False, True, True]
    assert merged([(1, 8, 12), (3, 16, 19)], content) == [(8, 19)]
    assert merged([(1, 8, 12), (4, 20, 25)], content) == [(8, 12), (20, 25)]


def test_an_edited_link_is_judged_by_the_votes_learnt_when_the_set_was_loaded():
    """As in the review editor: the pair learnt with the first sentence left unlinked (1-0, 0-1),
    then the link is made 1-1 and checked again."""
    apart = [Link((0,), ()), Link((), (0,))] + [Link((i,), (i,), 0.95) for i in range(1, len(EN))]
    docset = version_set({"de-x-a": DE, "de-x-b": DE, "de-x-c": DROPPED}, {"de-x-c": apart})
    checker = ConsensusChecker(CheckContext(ASKED, docset))
    alignment = docset.alignments[2]
    learnt = checker.learn(build_links(docset, alignment, {}))
    alignment.links[:2] = [Link((0,), (0,), 0.95)]
    links = build_links(docset, alignment, {})
    checker.prepare(links, learnt)
    (f,) = [f for link in links for f in checker.check(link, learnt)]
    assert [f.src_text[a:b] for a, b in f.src_spans] == ["tough"]


def test_the_pivot_links_are_built_once_per_report_and_again_where_an_edit_changed_them():
    """Every pivot pair's checks ask for all the pivot's links (CheckContext.pivot_links): built
    once, and a version's again after a review edit of its links, as pivot_links builds them now."""
    docset = version_set({"de-x-a": DE, "de-x-b": DE, "de-x-c": DROPPED})
    context = CheckContext(ASKED, docset)
    first = context.pivot_links()
    assert all(links is first[v] for v, links in context.pivot_links().items())
    docset.alignments[2].links[:2] = [Link((0, 1), (0, 1), 0.9)]
    edited = context.pivot_links()
    assert edited["de-x-a"] is first["de-x-a"] and edited["de-x-c"] != first["de-x-c"]
    assert edited == pivot_links(docset)
    assert [x.src_ids for x in edited["de-x-c"][:2]] == [("en.s1", "en.s2"), ("en.s3",)]
