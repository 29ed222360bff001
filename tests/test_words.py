"""Word alignment: tokens with offsets, known links in small constructed sets (a name across scripts,
a number written the other locale's way, a reordered clause, a word with no counterpart), the
probabilities and determinism, and the ``align words`` command."""

from __future__ import annotations

import numpy as np
import pytest

from align.words import Token, WordLink, align_units, tokenize
from align.words.params import Params


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


def test_reordered_clause_keeps_its_links(en_de):
    """ "in Berlin" moves from the end to the front: the jump model follows it as a block."""
    units, links = en_de
    for en, de in (("in", "In"), ("Berlin", "Berlin"), ("minister", "Minister"), ("the", "der")):
        assert linked(units[2], links[2], en, de), (en, de)
    assert not linked(units[2], links[2], "Berlin", "zurück")


def test_word_with_no_counterpart_stays_unlinked(en_de):
    units, links = en_de
    src, tgt = units[4]
    extra = tgt.index("auch")
    assert all(w.tgt != extra for w in links[4])
    assert linked(units[4], links[4], "Berlin", "Berlin")


def test_name_across_scripts_is_linked():
    pairs = [
        ("Vučić met Kurti in Brussels .", "Вучић се састао са Куртијем у Бриселу ."),
        ("Kurti said nothing .", "Курти није ништа рекао ."),
    ]
    units = units_of(pairs, "en", "sr-Cyrl")
    links = align_units(units, "en", "sr-Cyrl")
    assert linked(units[0], links[0], "Vučić", "Вучић")
    assert linked(units[1], links[1], "Kurti", "Курти")


def test_shipped_lexicon_serves_both_directions_scripts_and_neighbours():
    from align.words.lexicon import lexicon_for

    for src, tgt, english_source in (("en", "de", True), ("sr-Cyrl", "en", False), ("en", "hr", True)):
        found = lexicon_for(src, tgt)
        assert found is not None and found[1] is english_source, (src, tgt)
    assert lexicon_for("en", "fr") is None and lexicon_for("de", "sq") is None
    lexicon, _ = lexicon_for("en", "de")  # type: ignore[misc]
    given_en, given_de = lexicon.lookup(["government", "said"], ["regierung", "sagte"], np.array([0, 1, 0]),
                                        np.array([0, 1, 1]))  # fmt: skip
    assert given_en[0] > 0.5 and given_en[1] > 0.5 and given_de[1] > 0.5
    assert given_en[2] == 0 == given_de[2]  # "government" / "sagte": no entry


def test_the_lexicon_links_a_word_spelt_nothing_alike():
    """ "government" / "Regierung" share no letters, meet once and sit in different places: the shipped
    prior makes the link, and makes it surer than position alone does."""
    pairs = [("The government resigned on Monday .", "Am Montag trat die Regierung zurück .")]
    units = units_of(pairs, "en", "de")

    def prob(params: Params) -> float:
        links = align_units(units, "en", "de", params)[0]
        return max((w.prob for w in links if (w.src, w.tgt) == (1, 4)), default=0.0)

    assert prob(Params()) > max(0.5, prob(Params(lexicon_weight=0)))


def test_deterministic_and_empty_units(en_de):
    units, links = en_de
    assert align_units(units, "en", "de") == links
    with_empty = [*units, ([], ["Hallo"]), (["Hello"], [])]
    assert align_units(with_empty, "en", "de")[len(units) :] == [[], []]
    assert align_units([], "en", "de") == []


def invoke(*args: str, input: str | None = None):
    from click.testing import CliRunner

    from align.cli import cli

    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def parallel(tmp_path):
    (tmp_path / "en.txt").write_text("".join(f"{s}\n" for s, _ in EN_DE), encoding="utf-8")
    (tmp_path / "de.txt").write_text("".join(f"{t}\n" for _, t in EN_DE), encoding="utf-8")
    return tmp_path


def pharaoh(text: str) -> list[set[tuple[int, int]]]:
    return [{(int(a), int(b)) for a, b in (x.split("-") for x in line.split())} for line in text.splitlines()]


def test_cli_writes_pharaoh_lines_matching_the_library(parallel):
    out = parallel / "out.txt"
    result = invoke(
        "words", str(parallel / "en.txt"), str(parallel / "de.txt"), "--src-lang", "en", "--tgt-lang", "de",
        "--pretokenized", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    units = [(s.split(), t.split()) for s, t in EN_DE]
    expected = [{(w.src, w.tgt) for w in links} for links in align_units(units, "en", "de")]
    assert pharaoh(out.read_text(encoding="utf-8")) == expected
    # tokenized by align: "10,000" stays one word, as with the spaces given here
    tokenized = invoke(
        "words", str(parallel / "en.txt"), str(parallel / "de.txt"), "--src-lang", "en", "--tgt-lang", "de"
    )
    assert pharaoh(tokenized.stdout) == expected


def test_cli_reads_stdin_and_writes_probabilities(parallel):
    result = invoke(
        "words", "-", str(parallel / "de.txt"), "--src-lang", "en", "--tgt-lang", "de", "--probs",
        input=(parallel / "en.txt").read_text(encoding="utf-8"),
    )  # fmt: skip
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(EN_DE)
    first = lines[1].split()[0]  # "The" - "Die"
    link, prob = first.split(":")
    assert link == "0-0" and 0.5 < float(prob) <= 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"de_lines": 4}, "has 5 lines, "),
        ({"tgt_lang": "german"}, "--tgt-lang: unknown language tag 'german'"),
        ({"tgt": "missing.txt"}, "missing.txt: file not found"),
        ({"src": "-", "tgt": "-"}, "cannot both be standard input"),
    ],
)
def test_cli_errors_are_one_line_and_write_nothing(parallel, change, message):
    if "de_lines" in change:
        lines = (parallel / "de.txt").read_text(encoding="utf-8").splitlines()[: change["de_lines"]]
        (parallel / "de.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    src = change.get("src", str(parallel / "en.txt"))
    tgt = change.get("tgt", str(parallel / "de.txt"))
    if tgt not in ("-",) and not tgt.startswith("/"):
        tgt = str(parallel / tgt)
    out = parallel / "out.txt"
    result = invoke(
        "words", src, tgt, "--src-lang", "en", "--tgt-lang", change.get("tgt_lang", "de"), "-o", str(out)
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("align: error: ") and message in lines[0], lines
    assert not out.exists()


def test_export_pharaoh_writes_tokens_and_word_links_of_every_link(parallel):
    from align import tei

    tei_path = parallel / "set.tei.xml"
    (parallel / "en.md").write_text(" ".join(s for s, _ in EN_DE) + "\n", encoding="utf-8")
    (parallel / "de.md").write_text(" ".join(t for _, t in EN_DE) + "\n", encoding="utf-8")
    result = invoke(
        "run", f"en={parallel / 'en.md'}", f"de={parallel / 'de.md'}", "--method", "fast", "-o", str(tei_path)
    )
    assert result.exit_code == 0, result.output
    out = parallel / "words.pharaoh"
    assert invoke("export", str(tei_path), "-o", str(out)).exit_code == 0  # format from the extension
    lines = out.read_text(encoding="utf-8").splitlines()
    links = [b for b in tei.read(tei_path).alignments[0].links if b.src and b.tgt]
    assert len(lines) == len(links) >= 3
    for line in lines:
        src, tgt, links = line.split(" ||| ")
        n_src, n_tgt = len(src.split()), len(tgt.split())
        pairs = [tuple(map(int, x.split("-"))) for x in links.split()]
        assert pairs and all(0 <= i < n_src and 0 <= j < n_tgt for i, j in pairs)
    police = next(line for line in lines if "police" in line and "10,000" in line)
    src, tgt, links = police.split(" ||| ")
    i, j = src.split().index("10,000"), tgt.split().index("10.000")
    assert f"{i}-{j}" in links.split()


def test_run_words_writes_valid_tei_that_reads_back_unchanged(parallel):
    from lxml import etree

    from align import tei

    (parallel / "en.md").write_text(" ".join(s for s, _ in EN_DE) + "\n\nHello\n", encoding="utf-8")
    (parallel / "de.md").write_text(" ".join(t for _, t in EN_DE) + "\n\nHallo\n", encoding="utf-8")
    plain, worded = parallel / "plain.xml", parallel / "words.xml"
    inputs = (f"en={parallel / 'en.md'}", f"de={parallel / 'de.md'}", "--method", "fast", "--no-timestamp")
    assert invoke("run", *inputs, "-o", str(plain)).exit_code == 0
    assert invoke("run", *inputs, "--words", "-o", str(worded)).exit_code == 0
    schema = tei.find_schema()
    assert schema is not None
    assert tei.validate(worded, schema) == []
    assert tei.read(worded) == tei.read(plain)  # every sentence's text, paragraph and link as before
    root = etree.parse(str(worded)).getroot()
    ns = {"t": tei.TEI_NS}
    words = {el.get("{http://www.w3.org/XML/1998/namespace}id"): el.text for el in root.iter(
        f"{{{tei.TEI_NS}}}w", f"{{{tei.TEI_NS}}}pc")}  # fmt: skip
    hello = root.xpath("//t:s[t:w='Hello']", namespaces=ns)[0]
    assert "".join(hello.itertext()) == "Hello"  # a one-word sentence holds no indentation
    links = root.xpath("t:standOff/t:linkGrp[@type='words'][@subtype='en-de']/t:link", namespaces=ns)
    pairs = {tuple(words[t[1:]] for t in link.get("target").split()) for link in links}
    assert ("10,000", "10.000") in pairs and ("Berlin", "Berlin") in pairs and ("Hello", "Hallo") in pairs
    assert all(0 < float(link.get("cert")) <= 1 for link in links)


def test_word_links_read_back_from_the_tei_as_written():
    """A set written with words reads back with the same word links (certs as rounded in the file);
    a set written without them reads none."""
    from align import tei
    from align.io.xmlsafe import parse_xml
    from align.model import Alignment, Document, DocumentSet, Link, Sentence
    from align.tei.words import WordRef, read_word_links, to_bytes_with_words, word_links

    en = Document("en", [Sentence(s, 0) for s, _ in EN_DE])
    de = Document("de", [Sentence(t, 0) for _, t in EN_DE])
    links = [Link((i,), (i,), 0.9) for i in range(len(EN_DE))]
    docset = DocumentSet("s", {"en": en, "de": de}, [Alignment("en", "de", links)])
    data = to_bytes_with_words(docset, timestamp=False)
    read = read_word_links(parse_xml("set.xml", data))
    written = word_links(docset)
    assert list(read) == ["en-de"] and len(read["en-de"]) == len(written["en-de"]) > len(EN_DE)
    assert read == {p: [(a, b, round(c, 4)) for a, b, c in ws] for p, ws in written.items()}
    police = [t.text for t in tokenize(EN_DE[1][0], "en")].index("10,000")
    polizei = [t.text for t in tokenize(EN_DE[1][1], "de")].index("10.000")
    assert (WordRef("en.s2", police), WordRef("de.s2", polizei)) in {(a, b) for a, b, _ in read["en-de"]}
    assert read_word_links(parse_xml("plain.xml", tei.to_bytes(docset, timestamp=False))) == {}
