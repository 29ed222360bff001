"""Omissions inside links (align.report.checks.omissions) on constructed en-de cases, with the real
embeddings: a dropped clause is found and its words located, a faithful paraphrase is not, a merged
sentence that adds nothing is an omission; spans reach JSON, the tables and the TEI annotations."""

from __future__ import annotations

import json

import polars as pl
import pytest
from click.testing import CliRunner
from lxml import etree

from align import tei
from align.cli import cli
from align.model import Alignment, Bead, Document, DocumentSet, Sentence
from align.report import ReportOptions, build_report
from align.report.checks.omissions import clauses

EN = [
    "The mayor opened the new bridge over the river on Monday, after three years of construction that "
    "cost the city forty million euros.",
    "Thousands of residents came to watch the ceremony.",
    "The old bridge will be closed for repairs next spring.",
    "The police blocked the streets around the town hall for the whole day.",
    "Traffic is expected to ease in the centre.",
]
DE = [
    "Der Bürgermeister eröffnete am Montag die neue Brücke über den Fluss.",  # drops the second clause
    "Tausende Einwohner kamen, um die Zeremonie zu sehen.",
    "Die alte Brücke wird im nächsten Frühjahr für Reparaturen geschlossen.",
    "Die Polizei sperrte den ganzen Tag die Straßen rund um das Rathaus.",
    "Der Verkehr im Zentrum soll sich entspannen.",
]
PARAPHRASE = (
    "Nach dreijähriger Bauzeit, die die Stadt vierzig Millionen Euro gekostet hat, hat der Bürgermeister "
    "die neue Brücke über den Fluss am Montag eröffnet."
)
DROPPED = "after three years of construction that cost the city forty million euros"
KINDS = frozenset({"omission", "addition", "partial-omission", "partial-addition"})


def pair_set(left: list[str], right: list[str], beads: list[Bead] | None = None) -> DocumentSet:
    beads = beads or [Bead((i,), (i,), 0.95) for i in range(len(left))]
    docs = {
        "en": Document("en", [Sentence(t, 0) for t in left]),
        "de": Document("de", [Sentence(t, 0) for t in right]),
    }
    return DocumentSet("t", docs, [Alignment("en", "de", beads)])


def findings(docset: DocumentSet) -> list:
    return build_report(docset, options=ReportOptions(kinds=KINDS)).findings


def test_clauses_split_at_punctuation_and_keep_offsets():
    text = 'BERLIN (AP) - Hans Modrow, who led the party, died on Saturday: "He was 95."'
    pieces = [text[a:b] for a, b in clauses(text, 1)]
    assert pieces == ["BERLIN", "AP", "Hans Modrow", "who led the party", "died on Saturday", "He was 95."]
    assert clauses("One clause only here.", 1) == []


def test_a_dropped_clause_is_found_and_located():
    (f,) = findings(pair_set(EN, DE))
    assert (f.kind, f.severity, f.left_ids, f.right_ids) == (
        "partial-omission",
        "medium",
        ("en.s1",),
        ("de.s1",),
    )
    ((start, end),) = f.left_spans
    assert f.left_text[start:end].rstrip(".") == DROPPED
    assert f.right_spans == ()
    assert DROPPED in f.detail


def test_a_faithful_paraphrase_is_not():
    assert findings(pair_set(EN, [PARAPHRASE, *DE[1:]])) == []


def test_the_other_way_round_is_a_partial_addition():
    (f,) = findings(pair_set(DE, EN))
    assert f.kind == "partial-addition" and f.left_spans == ()
    ((start, end),) = f.right_spans
    assert f.right_text[start:end].rstrip(".") == DROPPED


def test_a_merged_sentence_that_adds_nothing_is_an_omission():
    right = [PARAPHRASE, *DE[1:3], DE[4]]  # "The police blocked ..." is not translated
    beads = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,)), Bead((3, 4), (3,))]
    (f,) = findings(pair_set(EN, right, beads))
    assert (f.kind, f.severity, f.left_ids, f.right_ids) == (
        "omission",
        "high",
        ("en.s4", "en.s5"),
        ("de.s4",),
    )
    ((start, end),) = f.left_spans
    assert f.left_text[start:end] == EN[3]


def test_a_merge_whose_sentences_are_all_translated_is_no_finding():
    right = [PARAPHRASE, *DE[1:3], f"{DE[3][:-1]}, und {DE[4][0].lower()}{DE[4][1:]}"]
    beads = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), (2,)), Bead((3, 4), (3,))]
    assert findings(pair_set(EN, right, beads)) == []


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
    ((start, end),) = f["left_spans"]
    assert f["left_text"][start:end].rstrip(".") == DROPPED and f["right_spans"] == []
    for fmt in ("csv", "parquet"):
        assert run(report_tei, "-o", tmp_path / f"f.{fmt}").exit_code == 0
    row = (
        pl.read_parquet(tmp_path / "f.parquet")
        .filter(pl.col("kind") == "partial-omission")
        .row(0, named=True)
    )
    assert row["left_spans"] == [f"{start}-{end}"]
    csv = pl.read_csv(tmp_path / "f.csv").filter(pl.col("kind") == "partial-omission")
    assert csv["left_spans"].to_list() == [f"{start}-{end}"]


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
