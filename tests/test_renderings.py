"""Term renderings without a glossary: the pivot's frequent terms, how each version renders them
(through the word alignment), and the Renderings section of every report format."""

from __future__ import annotations

import json

import pytest
from breakaway_article import breakaway_set
from chromium import headless
from framing_article import framing_set

from align.report import KINDS, ReportOptions, build_report, render
from align.report.renderings import pivot_terms, set_renderings, term_spans
from align.words import tokenize


def test_terms_are_frequent_content_word_runs_names_apart():
    texts = [
        "The Prime Minister met the border police.",
        "Border police were sent by the Prime Minister.",
        "Police said the border stayed open.",
    ]
    terms = {t: (n, name) for t, n, name in pivot_terms(texts, "en", 10)}
    # "prime" and "minister" only ever occur in "prime minister": the longer term stands for them
    assert terms["prime minister"] == (2, True)
    assert "prime" not in terms and "minister" not in terms
    assert terms["border police"] == (2, False)  # capitalised once, at a sentence's start: no name
    assert terms["police"] == (3, False) and terms["border"] == (3, False)
    assert "met" not in terms and "open" not in terms  # once only
    assert list(terms)[:2] == ["border", "police"]  # most frequent first


def test_function_words_are_never_terms_nor_renderings():
    """Auxiliaries, quantifiers and connecting adverbs (the language profile's function words) carry
    no term: "then", "what", "such" were rendered "dann" / "anschließend", "šta" / "ono" and reported."""
    texts = ["Then what happened was such a surprise."] * 2
    assert {t for t, _, _ in pivot_terms(texts, "en", 10)} == {"happened", "surprise"}
    sq = [w for w, *_ in term_spans(tokenize("Kam parë shumë qytete", "sq"), "sq")]
    assert sq == ["parë", "qytete"]


def test_a_term_never_spans_a_stop_word_or_a_number():
    spans = [words for words, *_ in term_spans(tokenize("Republic of Kosovo in 2008", "en"), "en")]
    assert spans == ["republic", "kosovo"]


def test_each_version_renders_a_term_by_its_aligned_words_lemmatised():
    found = {t.term: t for t in set_renderings(framing_set(planted=False), 30).terms}
    border = found["border"]
    assert border.count == 4 and not border.name
    assert [(r.text, r.count) for r in border.versions["de"]] == [("grenze", 4)]
    # "kufirin", "kufiri", "kufirit": one lemma
    assert [(r.text, r.count) for r in border.versions["sq"]] == [("kufi", 4)]
    assert found["prime minister"].name
    assert [r.text for r in found["prime minister"].versions["de"]] == ["ministerpräsident"]


def test_no_terms_when_the_report_follows_none():
    assert set_renderings(framing_set(planted=False), 0).terms == ()


@pytest.fixture(scope="module")
def report():
    return build_report(framing_set(planted=False))


def test_the_renderings_are_in_every_format(report):
    data = json.loads(render(report, "json"))
    border = next(t for t in data["renderings"] if t["term"] == "border")
    assert border["versions"]["sq"] == [{"rendering": "kufi", "count": 4}]
    markdown = render(report, "md").decode()
    assert "## Renderings" in markdown
    assert "| border | 4 | grenze ×4 | kufi ×4 |" in markdown
    html = render(report, "html").decode()
    assert '<section id="renderings"><h2>Renderings</h2>' in html
    assert "<tr><td>border</td><td>4</td><td>grenze <b>×4</b></td><td>kufi <b>×4</b></td></tr>" in html


@pytest.mark.parametrize("width", [1400, 800])
def test_the_renderings_section_reads_within_the_window(report, tmp_path, width):
    page = tmp_path / "report.html"
    page.write_text(render(report, "html").decode(), encoding="utf-8")
    for browser in headless(width, 900):
        browser.get(page.as_uri())
        script = browser.execute_script
        script("document.getElementById('renderings').scrollIntoView()")
        box = script("return document.querySelector('table.renderings').getBoundingClientRect().toJSON()")
        assert box["height"] > 0 and box["left"] >= 0 and box["right"] <= script("return window.innerWidth")
        headings = script(
            "return [...document.querySelectorAll('table.renderings th')].map(h => h.textContent)"
        )
        assert headings == ["term", "count", "de", "sq"]
        cell = script(
            "const td = document.querySelector('table.renderings tbody td');"
            "return td.scrollWidth <= td.clientWidth"
        )
        assert cell  # no word runs out of its cell


def _rendering_findings(planted: bool):
    options = ReportOptions(kinds=frozenset({"rendering"}))
    return build_report(framing_set(planted=planted), options=options).findings


def test_the_planted_framing_divergences_are_found_and_the_faithful_version_has_none():
    assert _rendering_findings(planted=False) == []
    found = _rendering_findings(planted=True)
    # findings only in the four sentences where a divergence is planted, all in the Albanian version
    assert sorted({f.src_ids for f in found}) == [("en.s1",), ("en.s2",), ("en.s4",), ("en.s5",)]
    assert {f.pair for f in found} == {"en-sq"}
    marked: dict[str, list[str]] = {}
    for f in found:
        marked.setdefault(f.src_ids[0], []).extend(f.tgt_text[a:b] for a, b in f.tgt_spans)
    assert marked["en.s1"] == ["mënyrë", "njëanshme"]  # "në mënyrë të njëanshme": unilaterally
    assert marked["en.s2"] == ["institucioneve"]  # of the provisional institutions
    assert marked["en.s4"] == ["Republikës"]  # the Republic of Kosovo
    assert marked["en.s5"] == ["vija", "administrative"]  # the border as the administrative line
    republic = next(f for f in found if f.src_ids == ("en.s4",))
    assert [republic.src_text[a:b] for a, b in republic.src_spans] == ["Kosovo"]  # around a name
    assert "adds" in republic.detail and republic.severity == "medium"
    # a term the version renders elsewhere only once, or a usual rendering the word lexicon does not
    # know: weak evidence, so low and marked for review
    weak = [f for f in found if f.src_ids in {("en.s1",), ("en.s5",)}]
    assert all(f.severity == "low" and "review candidate" in f.detail for f in weak)


def test_a_second_article_written_apart_finds_its_planted_qualifier():
    """Not fitted to the framing article: "the so-called Republic of Varnia" is found (its
    "sogenannten"; the aligner links "Republik" to "wants"), nothing on the faithful version. The
    planted "independent state" for "breakaway territory" is not: the aligner links the new words to
    the term, and the version renders the term two ways elsewhere, so there is no one usual rendering
    to stand apart from."""
    options = ReportOptions(kinds=frozenset({"rendering"}))
    assert build_report(breakaway_set(planted=False), options=options).findings == []
    found = build_report(breakaway_set(planted=True), options=options).findings
    assert [(f.pair, f.src_ids) for f in found] == [("en-de", ("en.s10",))]
    assert [found[0].tgt_text[a:b] for a, b in found[0].tgt_spans] == ["sogenannten"]


def test_a_qualifier_dropped_from_a_term_is_found():
    """ "the breakaway territory" rendered "otcepljena teritorija" three times and once "teritorija":
    the qualifier is dropped where the other version keeps it."""
    options = ReportOptions(kinds=frozenset({"rendering"}))
    found = build_report(breakaway_set(planted=False, dropped=True), options=options).findings
    assert [(f.pair, f.src_ids) for f in found] == [("en-sr", ("en.s11",))]
    assert found[0].detail.startswith("sr drops \u201cotcepljena\u201d from \u201cbreakaway territory\u201d")
    assert [found[0].src_text[a:b] for a, b in found[0].src_spans] == ["breakaway territory"]
    assert [found[0].tgt_text[a:b] for a, b in found[0].tgt_spans] == ["teritorija"]


def test_the_rendering_kind_is_opt_in():
    assert "rendering" in KINDS and "rendering" not in ReportOptions().kinds
    assert all(f.kind != "rendering" for f in build_report(framing_set(planted=True)).findings)


def test_the_command_line_names_the_opt_in_kind_to_get_it():
    from align.cli.report import _kinds

    assert "rendering" not in _kinds(None)
    assert _kinds("-length") == ReportOptions().kinds - {"length"}
    assert _kinds("rendering,number") == {"rendering", "number"}


def test_the_help_marks_every_opt_in_kind_and_only_those():
    from align.cli.report import kinds_help
    from align.report.checks import default_kinds

    lines = {line.split()[0]: line for line in kinds_help(width=10_000).splitlines()}
    assert set(lines) == set(KINDS)
    for kind, line in lines.items():
        assert ("off unless named in --kinds" in line) == (kind not in default_kinds()), line
