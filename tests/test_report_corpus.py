"""The report on the bundled corpus, built from the gold splits and links (so independent of the
aligner), against the divergences its README documents."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from chromium import CHROMIUM, FLAGS, missing

from align import tei
from align.aligner.pipeline import load_document
from align.formats.beadfile import read_beads
from align.model import Alignment, DocumentSet
from align.report import build_report
from align.tei import parse_sentence_id
from align.terms import load_termbase

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpora" / "kosovo-barricades"
LANGS = {"en": "en", "de": "de", "sr": "sr-Cyrl", "sq": "sq"}  # file name -> language tag
# README kind -> the finding kinds that report it (a framing row is about wording: any term check)
REPORTED_AS = {
    "framing": {"framing", "forbidden-term", "term-missing"},
    "number": {"number"},
    "name": {"name"},
    "omission": {"omission"},
    "addition": {"addition"},
}
# Documented divergences the report does not find, with why (update when the checks change):
KNOWN_MISSES: set[tuple[str, tuple[int, ...], tuple[int, ...], str]] = set()
# Framing findings on links the README does not list; each is right by the termbase:
UNLISTED_FRAMING = {
    ("en-sr", (13,), (14,)),  # "Kosovo Serbs" -> "Срба са Косова и Метохије" (as on en 8)
    ("en-sr", (32,), (32,)),  # "northern Kosovo" -> "северу Косова и Метохије"
    ("en-sr", (34,), (34,)),  # "Kosovo Serbs" -> "Срба са Косова и Метохије"
    ("en-sq", (17,), (18,)),  # "Serbian community association" -> Pristina's "Asociacioni i komunave ..."
    ("en-sq", (19,), (20,)),  # "on the ground" -> "kufi" (border), Pristina's word
}


def _check_corpus():
    spec = importlib.util.spec_from_file_location("check_corpus", REPO / "scripts" / "check_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def divergences():
    return _check_corpus().read_divergences(CORPUS / "README.md")


@pytest.fixture(scope="module")
def gold_set() -> DocumentSet:
    docs = {
        tag: load_document(CORPUS / "gold" / f"{name}.sents", tag, presplit=True)
        for name, tag in LANGS.items()
    }
    alignments = [
        Alignment("en", LANGS[name], read_beads(CORPUS / "gold" / f"en-{name}.gold"))
        for name in ("de", "sr", "sq")
    ]
    return DocumentSet("kosovo-barricades", docs, alignments)


@pytest.fixture(scope="module")
def findings(gold_set):
    termbase = load_termbase(REPO / "corpora" / "terms" / "kosovo.tbx")
    return build_report(gold_set, termbase=termbase).findings


def _where(finding) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """(README pair name, en sentence numbers, other sentence numbers) of a finding."""
    pair = finding.pair.replace("-sr-Cyrl", "-sr")
    return (
        pair,
        tuple(parse_sentence_id(i)[1] for i in finding.src_ids),
        tuple(parse_sentence_id(i)[1] for i in finding.tgt_ids),
    )


def _covers(finding, row) -> bool:
    pair, left, right = _where(finding)
    return pair == row.pair and set(row.en) <= set(left) and set(row.other) <= set(right)


def test_documented_divergences_are_found(divergences, findings):
    missed = set()
    for row in divergences:
        if row.kind not in REPORTED_AS:
            continue  # merge and split are link shapes (2-1, 1-2), shown with every link
        if not any(f.kind in REPORTED_AS[row.kind] and _covers(f, row) for f in findings):
            missed.add((row.pair, row.en, row.other, row.kind))
    assert missed == KNOWN_MISSES
    assert len([r for r in divergences if r.kind in REPORTED_AS]) - len(missed) == 38


@pytest.mark.parametrize("kind", ["number", "name", "omission", "addition"])
def test_no_false_alarms_for_numbers_names_and_gaps(divergences, findings, kind):
    documented = {(r.pair, r.en, r.other) for r in divergences if r.kind == kind}
    reported = [_where(f) for f in findings if f.kind == kind]
    assert len(reported) == len(set(reported))
    assert set(reported) == documented


def test_framing_findings_are_documented_or_right_by_the_termbase(divergences, findings):
    documented = {(r.pair, r.en, r.other) for r in divergences if r.kind == "framing"}
    links = {_where(f) for f in findings if f.kind in ("framing", "forbidden-term")}
    undocumented = {w for w in links if not any(w[0] == p and set(e) <= set(w[1]) for p, e, _ in documented)}
    assert undocumented == UNLISTED_FRAMING


def test_specific_findings(findings):
    by_link = {(_where(f), f.kind): f for f in findings}
    changed = by_link[("en-sr", (33,), (33,)), "number"]
    assert (changed.severity, changed.detail) == (
        "high",
        "Numbers differ: only in en: “48”; only in sr-Cyrl: “36”.",
    )
    pm = by_link[("en-sr", (5,), (5,)), "framing"]
    assert pm.concept in ("kosovo-pm", "kosovo-name")
    bands = by_link[("en-sq", (9,), (10,)), "forbidden-term"]
    assert [h.surface for h in bands.tgt_terms] == ["bandat kriminale"]
    states = by_link[("en-sq", (3,), (3,)), "framing"]
    assert (states.concept, [h.surface for h in states.tgt_terms]) == (
        "serbia-kosovo-pair",
        ["mes dy shteteve"],
    )
    incited = by_link[("en-sq", (8,), (9,)), "framing"]
    assert (incited.concept, incited.src_terms, [h.framing for h in incited.tgt_terms]) == (
        "belgrade-role",
        (),
        ["pristina"],
    )
    assert not any(f.pair == "en-de" and f.kind in ("framing", "name") for f in findings)  # dpa stays close


# --- the report command on the corpus, every output ------------------------------------------------

TBX = REPO / "corpora" / "terms" / "kosovo.tbx"
TEI_SCHEMA = tei.find_schema()  # ships with the package: never None


@pytest.fixture(scope="module")
def gold_tei(gold_set, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "kosovo.tei.xml"
    tei.write(gold_set, path, timestamp=False)
    return path


def run(*args: str):
    from click.testing import CliRunner

    from align.cli import cli

    return CliRunner().invoke(cli, ["report", *map(str, args)], catch_exceptions=False)


def test_json_report(gold_tei, findings):
    import json

    result = run(gold_tei, "--terms", TBX, "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(f["pair"], f["kind"], f["detail"]) for f in data["findings"]] == [
        (f.pair, f.kind, f.detail) for f in findings
    ]
    assert len({f["fingerprint"] for f in data["findings"]}) == len(findings)
    first = next(f for f in data["findings"] if f["kind"] == "framing")
    assert set(first) == {
        "fingerprint", "pair", "kind", "severity", "src_ids", "tgt_ids", "src_text", "tgt_text",
        "concept", "src_terms", "tgt_terms", "src_spans", "tgt_spans", "detail",
    }  # fmt: skip
    assert set(first["tgt_terms"][0]) == {"concept", "term", "surface", "framing", "forbidden"}
    summary = data["summary"]
    assert summary["total"] == len(findings)
    assert summary["pairs"]["en-sr-Cyrl"]["kinds"]["omission"] == 2
    assert summary["pairs"]["en-de"]["links"] == 38
    assert "findings in set kosovo-barricades" in result.stderr  # the terminal summary


def test_outputs_are_deterministic(gold_tei, tmp_path):
    for name in ("a.html", "b.html", "a.json", "b.json", "a.md", "b.md"):
        assert run(gold_tei, "--terms", TBX, "-o", tmp_path / name).exit_code == 0
    for ext in ("html", "json", "md"):
        assert (tmp_path / f"a.{ext}").read_bytes() == (tmp_path / f"b.{ext}").read_bytes()


def test_tables(gold_tei, tmp_path, findings):
    import polars as pl

    assert (
        run(
            gold_tei, "--terms", TBX, "-o", tmp_path / "f.csv", "--aligned-table", tmp_path / "l.parquet"
        ).exit_code
        == 0
    )
    assert run(gold_tei, "--terms", TBX, "-o", tmp_path / "f.parquet").exit_code == 0
    csv = pl.read_csv(tmp_path / "f.csv")
    parquet = pl.read_parquet(tmp_path / "f.parquet")
    assert csv.height == parquet.height == len(findings)
    assert csv.columns == parquet.columns
    assert parquet.schema["src_ids"] == pl.List(pl.String)
    merged = parquet.filter(pl.col("src_ids").list.len() == 2).row(0, named=True)
    assert " ".join(merged["src_ids"]) in csv["src_ids"].to_list()
    framed = csv.filter(pl.col("kind") == "framing").row(0, named=True)
    assert framed["tgt_terms"] == "Косову и Метохији (belgrade)"
    several = parquet.filter(pl.col("tgt_terms").list.len() > 1).row(0, named=True)
    assert "; ".join(several["tgt_terms"]) in csv["tgt_terms"].to_list()  # terms joined with "; "
    omitted = csv.filter(pl.col("kind") == "omission").row(0, named=True)
    assert omitted["tgt_ids"] is None and omitted["tgt_text"] is None  # empty cells, as align export
    links = pl.read_parquet(tmp_path / "l.parquet")
    assert links.height == 38 + 39 + 39  # every link of the three pairs
    assert links["findings"].sum() == len(findings)
    omitted = links.filter((pl.col("pair") == "en-sq") & (pl.col("link_type") == "1-0"))
    assert omitted["kinds"].to_list() == ["omission"]


def test_markdown(gold_tei):
    result = run(gold_tei, "--terms", TBX, "--pairs", "sr-Cyrl", "--kinds", "number,omission")
    assert result.exit_code == 0
    md = result.stdout
    assert "| kind | en-sr-Cyrl | total |" in md and "| number | 3 | 3 |" in md
    assert "## en-sr-Cyrl (5 findings)" in md
    assert "- **number** (high): Numbers differ: only in en: “48”; only in sr-Cyrl: “36”." in md


def test_annotated_tei_is_valid_and_reads_back(gold_tei, gold_set, tmp_path, findings):
    from lxml import etree

    out = tmp_path / "annotated.tei.xml"
    assert run(gold_tei, "--terms", TBX, "--annotate", "-o", out).exit_code == 0
    assert TEI_SCHEMA is not None, "the TEI schema that ships with the package is missing"
    assert tei.validate(out, TEI_SCHEMA) == []
    back = tei.read(out)
    assert back.docs.keys() == gold_set.docs.keys() and back.alignments == tei.read(gold_tei).alignments
    root = etree.parse(str(out)).getroot()
    ns = {"t": tei.TEI_NS}
    annotations = root.findall("t:standOff/t:listAnnotation[@type='divergence']/t:annotation", ns)
    assert len(annotations) == len(findings)
    number = next(a for a in annotations if a.get("ana") == "#div.number" and "#en.s34" in a.get("target"))
    assert number.get("target") == "#en.s34 #sr-Cyrl.s34"
    assert (
        number.findtext("t:note", namespaces=ns) == "Numbers differ: only in en: “48”; only in sr-Cyrl: “36”."
    )
    # re-annotating replaces the list; without it the file is the original, byte for byte
    again = tmp_path / "again.tei.xml"
    assert run(out, "--terms", TBX, "--annotate", "-o", again).exit_code == 0
    assert again.read_bytes() == out.read_bytes()
    none = tmp_path / "none.tei.xml"
    assert run(out, "--kinds", "forbidden-term", "--annotate", "-o", none).exit_code == 0  # no termbase: none
    assert none.read_bytes() == gold_tei.read_bytes()


def test_html_in_a_headless_browser(gold_tei, tmp_path, findings):
    import re
    import subprocess

    if CHROMIUM is None:
        missing("chromium")
    page = tmp_path / "report.html"
    assert run(gold_tei, "--terms", TBX, "-o", page).exit_code == 0
    flags = [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]

    def dom(fragment: str) -> str:
        done = subprocess.run(
            [CHROMIUM, *flags, "--dump-dom", page.as_uri() + fragment],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-500:]
        return done.stdout

    full = dom("")
    assert 'data-ready="1"' in full  # the script ran
    assert '<svg id="chart"' in full and '<section id="overview">' in full
    assert f"{len(findings)} of {len(findings)} findings shown" in full
    numbers = sum(f.kind == "number" for f in findings)
    filtered = dom("#kinds=number&langs=sr-Cyrl&only=1")
    sr_numbers = sum(f.kind == "number" and f.pair == "en-sr-Cyrl" for f in findings)
    assert f"{sr_numbers} of {len(findings)} findings shown" in filtered
    visible_rows = re.findall(r'<tr id="f-[0-9a-f]+"(?![^>]*hidden)[^>]*data-kind="(\w[\w-]*)"', filtered)
    assert set(visible_rows) == {"number"} and len(visible_rows) == sr_numbers == 3 < numbers
    shown_grid_rows = re.findall(r'<tr id="row-\d+" class="has-findings">', filtered)
    assert len(shown_grid_rows) == 3  # only rows with a visible finding
    assert (
        len(re.findall(r'<tr id="row-\d+"[^>]*hidden', filtered))
        == len(re.findall(r'<tr id="row-', filtered)) - 3
    )
    sq_serious = sum(f.pair == "en-sq" and f.severity != "low" for f in findings)
    assert f"{sq_serious} of {len(findings)} findings shown" in dom("#langs=sq&severities=high,medium")
    # The counts, the chart and the overview follow the filters.
    assert '<td data-all="1">3</td>' in filtered
    assert re.findall(r'<g data-pair="([\w-]+)">.*?<text class="n"[^>]*>(\d+)</text>', filtered, re.S) == [
        ("en-de", "0"),
        ("en-sr-Cyrl", "3"),
        ("en-sq", "0"),
    ]
    assert len(re.findall(r'<rect class="of[^>]*visibility="visible"', filtered)) == 3
    # Marks of hidden findings are switched off, those of shown ones stay.
    on = re.findall(r'<mark class="d k-(\w[\w-]*) sev-\w+"', filtered)
    assert on and set(on) == {"number"}
    # Sorted by severity, lowest first, from the address; the order is kept there too.
    ranked = dom("#sort=-severity")
    order = re.findall(r'<tr id="f-[0-9a-f]+"[^>]*data-severity="(\w+)"', ranked)
    assert order == sorted(order, key=("low", "medium", "high").index) and len(order) == len(findings)
    assert 'data-col="severity"' in ranked and 'aria-sort="descending" data-col="severity"' in ranked
    subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={tmp_path / 'shot.png'}", "--window-size=1400,2000", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert (tmp_path / "shot.png").stat().st_size > 10_000


def test_html_marks_what_differs_in_the_text(gold_tei, tmp_path, findings):
    """Numbers and names that differ are marked in the sentences themselves, badges say what differs,
    the overview and chart are inline SVG and nothing is fetched from the network."""
    import html
    import re

    page = tmp_path / "report.html"
    assert run(gold_tei, "--terms", TBX, "-o", page).exit_code == 0
    text = page.read_text(encoding="utf-8")
    marked = re.findall(r'<mark class="d k-(number|name) sev-\w+"[^>]*>(.*?)</mark>', text)
    spans = {
        (f.kind, side[a:b])
        for f in findings
        if f.kind in ("number", "name")
        for side, pairs in ((f.src_text, f.src_spans), (f.tgt_text, f.tgt_spans))
        for a, b in pairs
    }
    assert spans and spans <= {(k, html.unescape(re.sub(r"<[^>]+>", "", m))) for k, m in marked}
    badges = re.findall(r'<a class="badge k-([\w-]+) sev-\w+"[^>]*>([^<]*)</a>', text)
    assert sorted(k for k, _ in badges) == sorted(f.kind for f in findings)  # a badge per finding
    assert all(label.startswith(kind) for kind, label in badges)
    assert any(kind == "number" and "\u2260" in label for kind, label in badges)  # "number 48 ≠ 36"
    assert text.count("<svg") == 2 and "Severity \u2014" in text
    assert not re.search(r'(src|href)="(https?:)?//', text)
