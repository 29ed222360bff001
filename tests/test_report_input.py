"""``align report`` with bad and hostile input, and its options: one-line errors, nothing half-written."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from align import tei
from align.cli import cli
from align.model import Alignment, Document, DocumentSet, Link, Sentence

DATA = Path(__file__).parent / "data" / "report"
TEI_SCHEMA = tei.find_schema()  # ships with the package: never None


def run(*args):
    return CliRunner().invoke(cli, ["report", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def small_tei(tmp_path) -> Path:
    """en + sr-Cyrl: a changed number, an omission, and text that looks like markup."""
    docs = {
        "en": Document(
            "en",
            [
                Sentence("It takes 24 to 48 hours in Kosovo.", 0),
                Sentence("Belgrade encouraged them.", 0),
                Sentence('He said: <script>alert("x")</script> & *bold* | pipe.', 1),
            ],
        ),
        "sr-Cyrl": Document(
            "sr-Cyrl",
            [
                Sentence("Трајаће 24 до 36 сати на Косову и Метохији.", 0),
                Sentence('Рекао је: <b>"да"</b> & *не* | цев.', 1),
            ],
        ),
    }
    links = [Link((0,), (0,), 0.95), Link((1,), (), 0.2), Link((2,), (1,), 0.3)]
    path = tmp_path / "small.tei.xml"
    tei.write(DocumentSet("small", docs, [Alignment("en", "sr-Cyrl", links)]), path, timestamp=False)
    return path


def assert_clean_error(result, output: Path, *fragments: str) -> None:
    """Exit 1, one line on stderr naming the problem, no output and no temporary file left."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("align: error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    assert not output.exists()
    assert [p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.")] == []


# --- hostile and foreign XML ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            "<teiCorpus>&lol2;</teiCorpus>",
            "entities",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>',
            "entities",
        ),
        ("<a>" * 300 + "</a>" * 300, "not well-formed"),
        ("<teiCorpus><unclosed></teiCorpus>", "not well-formed"),
        ('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "<TEI>, not <teiCorpus>"),
        ("<html><body/></html>", "outside the TEI namespace"),
        ("", "empty"),
    ],
)
def test_hostile_or_foreign_xml(tmp_path, content, message):
    source = tmp_path / "in.xml"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out" / "r.html"
    out.parent.mkdir()
    assert_clean_error(run(source, "-o", out), out, str(source), message)


def test_huge_text_node_is_refused(tmp_path):
    source = tmp_path / "huge.xml"
    source.write_bytes(
        b'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><s>' + b"x" * 11_000_000 + b"</s></teiCorpus>"
    )
    out = tmp_path / "r.json"
    assert_clean_error(run(source, "-o", out), out, "not well-formed")


def test_tei_that_is_not_aligned(tmp_path, small_tei):
    text = small_tei.read_text(encoding="utf-8")
    start, end = text.index("<standOff>"), text.index("</standOff>") + len("</standOff>")
    unaligned = tmp_path / "unaligned.tei.xml"
    unaligned.write_text(text[:start] + text[end:], encoding="utf-8")
    out = tmp_path / "r.md"
    assert_clean_error(run(unaligned, "-o", out), out, "not an aligned corpus")


def test_a_doctype_is_refused(tmp_path, small_tei):
    """TEI needs no DTD and none is ever fetched: a DOCTYPE (here an external one) is refused."""
    text = small_tei.read_text(encoding="utf-8")
    with_dtd = tmp_path / "dtd.tei.xml"
    declaration = '<!DOCTYPE teiCorpus SYSTEM "http://example.invalid/tei.dtd">\n'
    with_dtd.write_text(text.replace("<teiCorpus", declaration + "<teiCorpus", 1), encoding="utf-8")
    out = tmp_path / "r.md"
    assert_clean_error(run(with_dtd, "-o", out), out, "DOCTYPE is refused")


def test_a_tei_laid_out_by_another_tool(tmp_path):
    """Ids like en.d1.s1 and a taxonomy without align's categories: findings and annotations use the
    file's own ids, and the missing categories are declared."""
    out = tmp_path / "annotated.xml"
    result = run(DATA / "foreign.tei.xml", "--annotate", "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert 'ana="#div.number"' in text and 'target="#en.d1.s1 #sr.d1.s1"' in text
    assert 'target="#en.d1.s3"' in text and '<category xml:id="div.omission">' in text
    assert TEI_SCHEMA is not None, "the TEI schema that ships with the package is missing"
    assert tei.validate(out, TEI_SCHEMA) == []


def test_a_foreign_tei_keeps_its_ids_in_every_output(tmp_path):
    """The aligned table, the findings and a re-encoded file all use the file's own sentence ids."""
    table, out = tmp_path / "f.csv", tmp_path / "f.json"
    result = run(DATA / "foreign.tei.xml", "-f", "json", "--aligned-table", table, "-o", out)
    assert result.exit_code == 0, result.stderr
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["kind"], f["src_ids"], f["tgt_ids"]) for f in findings] == [
        ("number", ["en.d1.s1"], ["sr.d1.s1"]),
        ("omission", ["en.d1.s3"], []),
    ]
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [(r["src_ids"], r["tgt_ids"], r["findings"], r["kinds"]) for r in rows] == [
        ("en.d1.s1", "sr.d1.s1", "1", "number"),
        ("en.d1.s2", "sr.d1.s2", "0", ""),
        ("en.d1.s3", "", "1", "omission"),
    ]
    docset = tei.read(DATA / "foreign.tei.xml")
    assert tei.read("again.xml", tei.to_bytes(docset)) == docset  # written back with the same ids
    assert b'<s xml:id="sr.d1.s2">' in tei.to_bytes(docset)


# --- termbases ------------------------------------------------------------------------------------


def test_termbase_without_the_languages(small_tei, tmp_path):
    out = tmp_path / "r.html"
    assert_clean_error(
        run(small_tei, "--terms", DATA / "no-langs.tbx", "-o", out),
        out,
        "no-langs.tbx",
        "no terms for en, sr-Cyrl",
    )


def test_glossary_without_the_needed_columns(small_tei, tmp_path):
    out = tmp_path / "r.html"
    assert_clean_error(
        run(small_tei, "--terms", DATA / "bad-columns.csv", "-o", out), out, "missing column(s) lang, term"
    )


def test_framing_labels_any_by_default_or_a_fixed_vocabulary(small_tei, tmp_path):
    result = run(small_tei, "--terms", DATA / "terms.csv", "--kinds", "framing", "--format", "json")
    assert result.exit_code == 0
    (finding,) = json.loads(result.stdout)["findings"]
    assert [t["framing"] for t in finding["tgt_terms"]] == ["belgrade"]
    ok = run(small_tei, "--terms", DATA / "terms.csv", "--framing-labels", "belgrade,pristina,neutral")
    assert ok.exit_code == 0
    out = tmp_path / "r.md"
    refused = run(small_tei, "--terms", DATA / "terms.csv", "--framing-labels", "belgrade,neutral", "-o", out)
    assert_clean_error(refused, out, "unknown framing label 'pristina'")


def test_framing_field_names_the_column(small_tei, tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text(
        "concept,lang,term,side\nk,en,Kosovo,\nk,sr,Косово и Метохија,belgrade\n", encoding="utf-8"
    )
    result = run(
        small_tei, "--terms", glossary, "--framing-field", "side", "--kinds", "framing", "--format", "json"
    )
    assert [f["detail"] for f in json.loads(result.stdout)["findings"]] == [
        "Framing differs for “Kosovo” (k): en “Kosovo” (neutral), sr-Cyrl “Косову и Метохији” (belgrade)."
    ]


# --- options --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kinds", "numbers"], "unknown kind 'numbers'"),
        (["--kinds", "number,-name"], "not both"),
        (["--fail-on", "numbr"], "--fail-on: 'numbr'"),
        (["--pairs", "en-fr"], "no pair 'en-fr'"),
        (["--format", "html", "--annotate"], "leave out --format"),
        (["--aligned-table", "{tmp}/links.xlsx"], "give --aligned-table a file (csv, parquet, tsv)"),
    ],
)
def test_bad_options(small_tei, tmp_path, args, message):
    out = tmp_path / "r.html"
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert_clean_error(run(small_tei, *args, "-o", out), out, message)


def test_format_from_the_extension_or_refused(small_tei, tmp_path):
    out = tmp_path / "report.txt"
    assert_clean_error(run(small_tei, "-o", out), out, "cannot tell the format")
    assert_clean_error(run(small_tei, "--format", "parquet"), tmp_path / "none", "Parquet is binary")


def test_html_is_self_contained_and_escaped(small_tei, tmp_path):
    out = tmp_path / "r.html"
    assert run(small_tei, "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;&quot;да&quot;&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # ours
    assert not any(s in page for s in ("http://", "https://", "<link", "@import", "@font-face", "src="))


def test_markdown_escapes_text(small_tei):
    md = run(small_tei, "--kinds", "low-confidence").stdout
    assert r'> **en**: He said: \<script\>alert("x")\</script\> \& \*bold\* \| pipe.' in md
    assert "<script>" not in md
    assert "1 finding (1 low)." in md and "## en-sr-Cyrl (1 finding)" in md  # not "1 findings"


def test_low_confidence_threshold(small_tei):
    def kinds(*args):
        return [f["kind"] for f in json.loads(run(small_tei, "--format", "json", *args).stdout)["findings"]]

    assert kinds("--kinds", "low-confidence") == ["low-confidence"]  # the 0.3 link; the 0.2 one is a gap
    assert kinds("--kinds", "low-confidence", "--min-cert", "0.25") == []
    assert kinds("--kinds=-low-confidence,-name") == ["number", "omission"]


def test_ignore_file_rules_fingerprints_and_baseline(small_tei, tmp_path):
    report = json.loads(run(small_tei, "--format", "json").stdout)
    number = next(f for f in report["findings"] if f["kind"] == "number")
    ignore = tmp_path / "ignore.txt"
    ignore.write_text(
        f"# accepted\n{number['fingerprint']}   # the 36 is right\n* omission en.s2\nen-sr-Cyrl length *\n",
        encoding="utf-8",
    )
    result = run(small_tei, "--format", "json", "--ignore", ignore)
    data = json.loads(result.stdout)
    assert [f["kind"] for f in data["findings"]] == ["low-confidence"]
    assert data["summary"]["ignored"] == 2
    assert "line 4: rule 'en-sr-Cyrl length *' matches no finding" in result.stderr
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(report), encoding="utf-8")
    assert json.loads(run(small_tei, "--format", "json", "--ignore", baseline).stdout)["findings"] == []
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert len(json.loads(run(small_tei, "--format", "json", "--ignore", empty).stdout)["findings"]) == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("en-sr-Cyrl numbers en.s1\n", "line 1: unknown kind 'numbers'"),
        ("# ok\nabc\n", "line 2: expected a 12-digit fingerprint"),
        ('{"findings": [{"kind": "number"}]}', "entry 1: no 12-digit fingerprint"),
        ("[1, 2", "not valid JSON"),
    ],
)
def test_bad_ignore_files(small_tei, tmp_path, content, message):
    ignore = tmp_path / "ignore.txt"
    ignore.write_text(content, encoding="utf-8")
    out = tmp_path / "r.html"
    assert_clean_error(run(small_tei, "--ignore", ignore, "-o", out), out, "ignore.txt", message)


@pytest.mark.parametrize(
    ("fail_on", "status"),
    [
        (None, 0),
        ("any", 3),
        ("number", 3),
        ("high", 3),
        ("name", 0),
        ("low-confidence:medium", 0),
        ("low", 3),
    ],
)
def test_fail_on(small_tei, tmp_path, fail_on, status):
    out = tmp_path / "r.json"
    result = run(small_tei, "-o", out, *(["--fail-on", fail_on] if fail_on else []))
    assert result.exit_code == status
    assert out.exists()  # the report is written either way


def test_a_set_without_divergences(tmp_path):
    docs = {
        "en": Document("en", [Sentence("It rained in Belgrade.", 0)]),
        "de": Document("de", [Sentence("In Belgrad regnete es.", 0)]),
    }
    source = tmp_path / "same.tei.xml"
    tei.write(
        DocumentSet("same", docs, [Alignment("en", "de", [Link((0,), (0,), 0.9)])]), source, timestamp=False
    )
    page = tmp_path / "r.html"
    assert run(source, "-o", page, "--fail-on", "any").exit_code == 0
    assert "<p>No findings.</p>" in page.read_text(encoding="utf-8")
    data = json.loads(run(source, "--format", "json").stdout)
    assert data["findings"] == [] and data["summary"]["total"] == 0


def test_html_grid_puts_every_version_against_the_pivot(tmp_path):
    """Rows follow the pivot; a sentence a version adds gets its own row before the next unit, and a
    pivot sentence split in one version and merged in another stays one row."""
    docs = {
        "en": Document("en", [Sentence(t, 0) for t in ("One.", "Two.", "Three.", "Four.")]),
        "de": Document("de", [Sentence(t, 0) for t in ("Eins.", "Zwei und drei.", "Vier.")]),
        "sq": Document("sq", [Sentence(t, 0) for t in ("Një.", "Shtesë.", "Dy.", "Tre.", "Katër", "a.")]),
    }
    alignments = [
        Alignment("en", "de", [Link((0,), (0,), 0.9), Link((1, 2), (1,), 0.4), Link((3,), (2,), 0.9)]),
        Alignment(
            "en",
            "sq",
            [Link((0,), (0,)), Link((), (1,)), Link((1,), (2,)), Link((2,), (3,)), Link((3,), (4, 5))],
        ),
    ]
    source = tmp_path / "grid.tei.xml"
    tei.write(DocumentSet("grid", docs, alignments), source, timestamp=False)
    page = tmp_path / "r.html"
    assert run(source, "-o", page).exit_code == 0
    text = page.read_text(encoding="utf-8")
    grid = text[text.index('<section id="parallel">') : text.index('<section id="findings">')]
    rows = [re.findall(r'id="s-([^"]+)"', row) for row in grid.split('<tr id="row-')[1:]]
    assert rows == [
        ["en.s1", "de.s1", "sq.s1"],
        ["sq.s2"],
        ["en.s2", "en.s3", "de.s2", "sq.s3", "sq.s4"],
        ["en.s4", "de.s3", "sq.s5", "sq.s6"],
    ]
    assert '<span class="link low" title="link 2-1, auto">2-1 · 0.40</span>' in grid  # confidence shown


# --- the library behind the command: align.report.files ------------------------------------------


def test_report_file_writes_what_the_command_writes(small_tei, tmp_path):
    from align.report import ReportOptions, load_ignore
    from align.report.files import ReportSettings, fails, report_file

    out, table = tmp_path / "r.json", tmp_path / "aligned.csv"
    result = report_file(small_tei, out, ReportSettings("json", aligned_table=table, table_fmt="csv"))
    assert out.read_bytes() == run(small_tei, "--format", "json").stdout_bytes
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [(r["src_ids"], r["kinds"]) for r in rows] == [
        ("en.s1", "number"),
        ("en.s2", "omission"),
        ("en.s3", "low-confidence"),
    ]
    assert [f.kind for f in result.findings] == ["number", "omission", "low-confidence"]
    assert fails([result], [("number", None)]) and fails([result], [(None, "low")])
    assert not fails([result], [("name", None)]) and not fails([result], [("low-confidence", "medium")])
    ignore = tmp_path / "ignore.txt"
    ignore.write_text("* omission en.s2\n", encoding="utf-8")
    settings = ReportSettings(
        "md", ReportOptions(kinds=frozenset({"number", "omission"})), ignore=load_ignore(ignore)
    )
    quiet = report_file(small_tei, tmp_path / "r.md", settings)
    assert [f.kind for f in quiet.findings] == ["number"] and [f.kind for f in quiet.ignored] == ["omission"]


def test_report_folder_writes_a_report_per_set_and_the_overview(small_tei, tmp_path):
    from align.report.files import ReportSettings, report_file, report_folder

    folder, out = tmp_path / "sets", tmp_path / "out"
    folder.mkdir(), out.mkdir()
    small_tei.rename(folder / small_tei.name)
    results = report_folder(folder, out, ReportSettings("md"))
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "small.report.md"]
    assert "small.report.md" in (out / "index.html").read_text(encoding="utf-8")
    alone = report_file(folder / small_tei.name, tmp_path / "alone.md", ReportSettings("md"))
    assert (out / "small.report.md").read_bytes() == (tmp_path / "alone.md").read_bytes()
    assert [r.findings for r in results] == [alone.findings]
