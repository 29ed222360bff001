"""The HTML report's colours and its script, in a real headless Chromium (Selenium + chromedriver):
severity wins over kind colour, confidence steps that can be told apart, and a page whose filters keep
working whatever the address or the language tags hold."""

from __future__ import annotations

import pytest
from chromium import headless

from align.model import Alignment, Document, DocumentSet, Link, Sentence
from align.report import build_report
from align.report.html import BADGE_COLOURS, CONFIDENCE_STEPS, cert_colour, render_html

HOSTILE_LANG = 'sq"]x'


def hostile_set() -> DocumentSet:
    """A changed number (high) and a link the aligner doubts (low), in a version whose tag holds a quote."""
    en = Document("en", [Sentence("The army sent 48 soldiers to the border on Monday.", 0),
                         Sentence("Talks went on.", 0)])  # fmt: skip
    sq = Document(HOSTILE_LANG, [Sentence("Ushtria dërgoi 36 ushtarë në kufi të hënën.", 0),
                                 Sentence("Bisedimet vazhduan.", 0)])  # fmt: skip
    links = [Link((0,), (0,), 0.9), Link((1,), (1,), 0.3)]
    return DocumentSet("s", {"en": en, HOSTILE_LANG: sq}, [Alignment("en", HOSTILE_LANG, links)])


def _lab(colour: str) -> tuple[float, float, float]:
    """sRGB hex to CIE L*a*b* (D65), for colour differences as people see them."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    m = ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))
    x, y, z = (sum(a * b for a, b in zip(row, lin, strict=True)) for row in m)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x / 0.9505, y, z / 1.089)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_confidence_steps_are_distinguishable_and_labelled_with_numbers():
    """Neighbouring steps differ by a clearly visible amount (CIE76 ΔE ≥ 20; 2.3 is just noticeable),
    get darker as confidence falls, and the legend gives each step's range in numbers."""
    colours = [cert_colour(c) for c in (0.95, 0.85, 0.7, 0.5, 0.2)]
    assert colours == [colour for _, colour in CONFIDENCE_STEPS]
    labs = [_lab(c) for c in colours]
    for a, b in zip(labs, labs[1:], strict=False):
        assert sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5 >= 20
        assert b[0] < a[0]  # lightness falls
    page = render_html(build_report(hostile_set()))
    assert all(label in page for label in ("\u22650.9", "0.8\u20130.9", "0.4\u20130.6", "<0.4"))


@pytest.fixture(scope="module")
def browser():
    yield from headless(1200, 900)


def test_the_script_survives_a_hostile_address_and_language_tag(browser, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(build_report(hostile_set())), encoding="utf-8")
    browser.get(page.as_uri() + '#sort=x"]&kinds=number')
    script = browser.execute_script
    assert script("return document.body.dataset.ready") == "1"  # the script ran to its end
    assert script("return document.getElementById('shown').textContent") == "1 of 2 findings shown"
    # the overview's severity band follows the filter in the column of the quoted language
    assert script("return document.querySelectorAll('#overview rect.of[visibility=visible]').length") == 1
    # and the filters still work: showing every kind brings the low-confidence finding back
    script("document.querySelector('#filters input[data-kind=\"low-confidence\"]').click()")
    assert script("return document.getElementById('shown').textContent") == "2 of 2 findings shown"
    assert script("return document.querySelectorAll('#overview rect.of[visibility=visible]').length") == 2


def test_a_badge_takes_its_severity_colour_not_its_kind_colour(browser, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render_html(build_report(hostile_set())), encoding="utf-8")
    browser.get(page.as_uri())

    def background(selector: str) -> str:
        return browser.execute_script(
            f"return getComputedStyle(document.querySelector('{selector}')).backgroundColor"
        )

    def rgb(colour: str) -> str:
        return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))

    assert background("table.grid a.badge.k-number") == rgb(BADGE_COLOURS["high"][0])  # not green
    assert background("table.grid a.badge.k-low-confidence") == rgb(BADGE_COLOURS["low"][0])


def worded_set() -> tuple[DocumentSet, bytes]:
    """Six English–German sentence links (enough for the word aligner), written with word links."""
    from align.tei.words import to_bytes_with_words

    pairs = [
        ("The minister met the president in Berlin.", "Der Minister traf den Präsidenten in Berlin."),
        ("The police said 10,000 people came.", "Die Polizei sagte, 10.000 Menschen seien gekommen."),
        ("Yesterday the minister resigned in Berlin.", "In Berlin trat der Minister gestern zurück."),
        ("The president said the police came.", "Der Präsident sagte, die Polizei sei gekommen."),
        ("People came to Berlin.", "Menschen kamen auch nach Berlin."),
        ("The minister said 48 people came.", "Der Minister sagte, 48 Menschen seien gekommen."),
    ]
    en = Document("en", [Sentence(s, 0) for s, _ in pairs])
    de = Document("de", [Sentence(t, 0) for _, t in pairs])
    links = [Link((i,), (i,), 0.9) for i in range(len(pairs))]
    docset = DocumentSet("w<s>", {"en": en, "de": de}, [Alignment("en", "de", links)])
    return docset, to_bytes_with_words(docset, timestamp=False)


def test_a_set_without_word_links_gets_the_page_it_always_got():
    from align import tei
    from align.io.xmlsafe import parse_xml
    from align.report.render import render

    docset, _ = worded_set()
    report = build_report(docset)
    plain = render(report, "html", parse_xml("p.xml", tei.to_bytes(docset, timestamp=False)))
    assert plain == render_html(report).encode("utf-8")
    assert b'class="w' not in plain and b"Words \xe2\x80\x94" not in plain


def test_resting_on_a_word_highlights_its_counterpart_and_unlinked_words_show(browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from align.io.xmlsafe import parse_xml
    from align.report.render import render
    from align.tei.words import read_word_links
    from align.words import tokenize

    docset, data = worded_set()
    tree = parse_xml("w.xml", data)
    links = read_word_links(tree)["en-de"]
    page = tmp_path / "report.html"
    page.write_bytes(render(build_report(docset), "html", tree))
    assert "Words \u2014" in page.read_text(encoding="utf-8")  # the legend says what the dotted words are
    browser.get(page.as_uri())
    assert browser.execute_script("return document.body.dataset.ready") == "1"
    number = [t.text for t in tokenize(docset.docs["en"].sentences[1].text, "en")].index("10,000")
    zahl = [t.text for t in tokenize(docset.docs["de"].sentences[1].text, "de")].index("10.000")
    word = browser.find_element(By.ID, f"w-en.s2.w{number + 1}")
    counterpart = browser.find_element(By.ID, f"w-de.s2.w{zahl + 1}")
    assert "hl" not in counterpart.get_attribute("class").split()
    ActionChains(browser).move_to_element(word).perform()
    assert "hl" in counterpart.get_attribute("class").split()
    assert "hl" in word.get_attribute("class").split()
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert "hl" not in counterpart.get_attribute("class").split()  # the pointer left: highlight gone
    # every word no word link touches is marked as without counterpart, every linked one is not
    touched = {ref.id for a, b, _ in links for ref in (a, b)}
    spans = browser.find_elements(By.CSS_SELECTOR, "table.grid span.w")
    unlinked = {s.get_attribute("id")[2:] for s in spans if "none" in s.get_attribute("class").split()}
    assert unlinked and unlinked == {s.get_attribute("id")[2:] for s in spans} - touched
