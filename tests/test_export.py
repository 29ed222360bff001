"""``align export``: TMX (DTD-valid), TSV/CSV, Parquet and bead files from a TEI file or a folder.

The sets are built by hand, so every expected row is known without running the aligner.
"""

from __future__ import annotations

import polars as pl
import pytest
from click.testing import CliRunner
from lxml import etree

from align import tei
from align.cli import cli
from align.formats.beadfile import read_beads
from align.model import Alignment, Document, DocumentSet, Link, Sentence

EN = ["Pristina closed the border.", "NATO was asked for help.", "Russia backed Belgrade.", "More later."]
DE = ["Pristina schloss die Grenze.", "Man bat die NATO", "um Hilfe.", "Russland stützte Belgrad."]
SQ = ["Prishtina mbylli kufirin.", "NATO-s iu kërkua ndihmë.", "Rusia mbështeti Beogradin.", "Më vonë."]
EN_DE = [
    Link((0,), (0,), 0.91),
    Link((1,), (1, 2), 0.75),  # 1-2: one English sentence, two German ones
    Link((2,), (3,), 0.88),
    Link((3,), (), 0.2),  # 1-0: nothing in German
]
EN_SQ = [Link((i,), (i,), None, "manual") for i in range(4)]


def _doc(lang: str, texts: list[str]) -> Document:
    return Document(lang, [Sentence(t, 0) for t in texts], source=f"{lang}.txt")


def make_set(set_id: str = "kosovo", meta: dict[str, str] | None = None) -> DocumentSet:
    return DocumentSet(
        id=set_id,
        docs={"en": _doc("en", EN), "de": _doc("de", DE), "sq": _doc("sq", SQ)},
        alignments=[Alignment("en", "de", EN_DE), Alignment("en", "sq", EN_SQ)],
        meta=meta if meta is not None else {"title": "Border", "source": "wire"},
    )


@pytest.fixture
def tei_file(tmp_path):
    path = tmp_path / "kosovo.tei.xml"
    tei.write(make_set(), path, timestamp=False)
    return path


@pytest.fixture
def folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    tei.write(make_set("a", {"title": "First"}), out / "a.tei.xml", timestamp=False)
    tei.write(make_set("b", {"genre": "news"}), out / "b.tei.xml", timestamp=False)
    (out / "summary.parquet").write_bytes(b"not a TEI: ignored by export")
    return out


def invoke(*args: str):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


def tmx_units(path) -> list[etree._Element]:
    return etree.parse(str(path)).getroot().findall("body/tu")


def test_tmx_is_dtd_valid(tei_file, folder, tmp_path, shared_dir):
    dtd = etree.DTD(str(shared_dir / "schema" / "tmx" / "tmx14.dtd"))
    filtered = ["--min-cert", "0.8", "--exclude-flagged", _report(tmp_path), "--exclude-kinds", "number"]
    for source, args in [
        (tei_file, ["--pair", "en-de"]),
        (tei_file, []),
        (folder, ["--pair", "de-sq"]),
        (tei_file, filtered),  # a header with a note and props
    ]:
        out = tmp_path / "x.tmx"
        assert invoke("export", source, *args, "-o", out).exit_code == 0
        doc = etree.parse(str(out))
        assert dtd.validate(doc), dtd.error_log.filter_from_errors()
        assert doc.getroot().findall("body/tu")


def test_tmx_has_one_unit_per_two_sided_link(tei_file, tmp_path):
    out = tmp_path / "en-de.tmx"
    result = invoke("export", tei_file, "--format", "tmx", "--pair", "en-de", "-o", out)
    assert result.exit_code == 0, result.output
    header = etree.parse(str(out)).getroot().find("header")
    assert header.get("srclang") == "en" and header.get("creationtool") == "align"
    units = tmx_units(out)
    assert len(units) == 3  # the 1-0 link has no translation to offer
    segs = [[s.text for s in tu.iter("seg")] for tu in units]
    assert segs[1] == [EN[1], "Man bat die NATO um Hilfe."]  # 1-2 joined with a space
    assert [tu.findtext("prop[@type='x-cert']") for tu in units] == ["0.9100", "0.7500", "0.8800"]
    assert [tu.findtext("prop[@type='x-link']") for tu in units] == ["1-1", "1-2", "1-1"]
    assert units[1].findtext("prop[@type='x-tei-link']") == "#en.s2 #de.s2 #de.s3"
    langs = [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in units[0].iter("tuv")]
    assert langs == ["en", "de"]
    assert len({tu.get("tuid") for tu in units}) == 3


def test_tmx_of_every_pair_to_stdout_omits_unknown_scores(tei_file):
    result = invoke("export", tei_file, "--format", "tmx")
    assert result.exit_code == 0, result.output
    root = etree.fromstring(result.stdout_bytes)
    units = root.findall("body/tu")
    assert len(units) == 3 + 4
    manual = [tu for tu in units if tu.findtext("prop[@type='x-status']") == "manual"]
    assert len(manual) == 4 and all(tu.find("prop[@type='x-cert']") is None for tu in manual)


def test_reversed_and_composed_pairs(tei_file, tmp_path):
    out = tmp_path / "de-en.tmx"
    assert invoke("export", tei_file, "--pair", "de-en", "-o", out).exit_code == 0
    units = tmx_units(out)
    assert units[1].get("srclang") == "de"
    assert [s.text for s in units[1].iter("seg")] == ["Man bat die NATO um Hilfe.", EN[1]]
    # de-sq was never aligned: composed through the English pivot
    links = tmp_path / "de-sq.beads"
    assert invoke("export", tei_file, "--pair", "de-sq", "-o", links).exit_code == 0
    composed = [(b.src, b.tgt) for b in read_beads(links)]
    assert composed == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,)), ((), (3,))]


def test_a_pair_named_by_language_alone_when_unambiguous(tmp_path):
    docs = {lang: _doc(lang, EN) for lang in ("en", "sr-Cyrl", "sr-Latn")}
    ones = [Link((i,), (i,), 0.5) for i in range(4)]
    docset = DocumentSet("s", docs, [Alignment("en", "sr-Cyrl", ones), Alignment("en", "sr-Latn", ones)])
    path = tmp_path / "s.tei.xml"
    tei.write(docset, path, timestamp=False)
    result = invoke("export", path, "--format", "tsv", "--pair", "sr-en")
    assert result.exit_code == 1 and "no set has the pair sr-en" in result.stderr  # two sr versions
    result = invoke("export", path, "--format", "tsv", "--pair", "en-sr-Latn")
    assert pl.read_csv(result.stdout_bytes, separator="\t")["pair"].unique().to_list() == ["en-sr-Latn"]
    tei.write(DocumentSet("s", {k: docs[k] for k in ("en", "sr-Cyrl")}, docset.alignments[:1]), path)
    result = invoke("export", path, "--format", "tsv", "--pair", "sr-en")
    assert pl.read_csv(result.stdout_bytes, separator="\t")["pair"].unique().to_list() == ["sr-Cyrl-en"]


def test_tsv_rows_match_the_links(tei_file):
    result = invoke("export", tei_file, "--format", "tsv", "--pair", "en-de")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == [
        "set_id", "pair", "src_lang", "tgt_lang", "src_ids", "tgt_ids", "link_type", "cert", "status",
        "src_text", "tgt_text", "source", "title",
    ]  # fmt: skip
    assert lines[2].split("\t") == [
        "kosovo", "en-de", "en", "de", "en.s2", "de.s2 de.s3", "1-2", "0.75", "auto",
        EN[1], "Man bat die NATO um Hilfe.", "wire", "Border",
    ]  # fmt: skip
    assert lines[4].split("\t")[4:8] == ["en.s4", "", "1-0", "0.2"]
    assert len(lines) == 1 + len(EN_DE)


def test_parquet_of_a_folder_has_every_link_and_each_sets_metadata(folder, tmp_path):
    out = tmp_path / "pairs.parquet"
    result = invoke("export", folder, "-o", out)
    assert result.exit_code == 0, result.output
    df = pl.read_parquet(out)
    assert df.height == 2 * (len(EN_DE) + len(EN_SQ))
    assert df.columns[-2:] == ["title", "genre"]
    a = df.filter(pl.col("set_id") == "a")
    assert a["title"].unique().to_list() == ["First"] and a["genre"].null_count() == a.height
    row = df.filter((pl.col("set_id") == "b") & (pl.col("link_type") == "1-2")).row(0, named=True)
    assert row["src_ids"] == ["en.s2"] and row["tgt_ids"] == ["de.s2", "de.s3"]
    assert row["cert"] == pytest.approx(0.75) and row["genre"] == "news"
    assert df.filter(pl.col("pair") == "en-sq")["cert"].null_count() == 8


def test_csv_and_set_filter(folder):
    result = invoke("export", folder, "--format", "csv", "--set", "b", "--pair", "en-sq")
    assert result.exit_code == 0, result.output
    df = pl.read_csv(result.stdout_bytes)
    assert df["set_id"].unique().to_list() == ["b"] and df.height == 4
    assert df["src_text"].to_list() == EN


def test_bead_files_round_trip(tei_file, folder, tmp_path):
    one = tmp_path / "one.beads"
    assert invoke("export", tei_file, "--pair", "en-de", "-o", one).exit_code == 0
    assert [(b.src, b.tgt, b.cert) for b in read_beads(one)] == [(b.src, b.tgt, b.cert) for b in EN_DE]
    many = tmp_path / "beads"
    assert invoke("export", folder, "--format", "beads", "-o", many).exit_code == 0
    assert sorted(p.name for p in many.iterdir()) == [
        "a.en-de.beads", "a.en-sq.beads", "b.en-de.beads", "b.en-sq.beads",
    ]  # fmt: skip


def test_export_is_deterministic(folder, tmp_path):
    for fmt in ("tmx", "parquet", "tsv"):
        first, second = tmp_path / f"1.{fmt}", tmp_path / f"2.{fmt}"
        invoke("export", folder, "-o", first)
        invoke("export", folder, "-o", second)
        assert first.read_bytes() == second.read_bytes(), fmt


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pair", "en-fr", "--format", "tsv"], "no set has the pair en-fr (aligned pairs: en-de, en-sq)"),
        (["--format", "parquet"], "Parquet is binary"),
        (["-o", "{tmp}/x.xlsx"], "give --format"),
        (["--format", "beads"], "give -o a folder"),
        (["--set", "nope", "--format", "tsv"], "no document set with id nope"),
    ],
)
def test_bad_requests_fail_in_one_line(tei_file, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = invoke("export", tei_file, *args)
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.xlsx").exists()


def test_bad_sources_fail_in_one_line(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.tei.xml").write_text("<teiCorpus>", encoding="utf-8")
    for source, message in [
        (tmp_path / "empty", "no *.tei.xml files"),
        (tmp_path / "missing.tei.xml", "not found"),
        (tmp_path / "bad.tei.xml", "not well-formed"),
    ]:
        result = invoke("export", source, "--format", "tsv")
        assert result.exit_code == 1 and message in result.stderr, result.stderr
        assert str(source) in result.stderr


# ---- keeping suspect units out: --min-cert, --exclude-flagged, --exclude-kinds ----------------------


def _report(tmp_path, set_id="kosovo", name="report.json"):
    """A JSON report as `align report --format json` writes it (the fields export reads)."""
    import json

    def finding(pair, kind, left, right):
        return {"pair": pair, "kind": kind, "severity": "high", "src_ids": left, "tgt_ids": right}

    findings = [
        finding("en-de", "number", ["en.s3"], ["de.s4"]),  # the 1-1 link Russia/Russland
        finding("en-de", "omission", ["en.s4"], []),  # the 1-0 link
        finding("en-sq", "name", ["en.s1"], ["sq.s1"]),
    ]
    path = tmp_path / name
    path.write_text(json.dumps({"findings": findings, "summary": {"set_id": set_id}}), encoding="utf-8")
    return path


def test_tmx_leaves_out_low_scores_and_flagged_links_and_says_so(tei_file, tmp_path):
    out = tmp_path / "tm.tmx"
    report = _report(tmp_path)
    args = ["--min-cert", "0.8", "--exclude-flagged", report, "--exclude-kinds", "number"]
    result = invoke("export", tei_file, "-o", out, *args)
    assert result.exit_code == 0, result.output
    units = tmx_units(out)
    # en-de: 0.91 kept, 0.75 below the minimum, 0.88 flagged (number); en-sq: manual links have no
    # score and stay, and its name finding is not of a chosen kind.
    assert [tu.get("tuid") for tu in units] == ["kosovo.en-de.en.s1"] + [
        f"kosovo.en-sq.en.s{i}" for i in range(1, 5)
    ]
    header = etree.parse(str(out)).getroot().find("header")
    assert header.findtext("note") == (
        "left out: 1 with cert below 0.8; 1 flagged (number) in report.json: number 1"
    )
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props == {"x-min-cert": "0.8", "x-exclude-flagged": "report.json", "x-exclude-kinds": "number"}
    assert "left out" in result.stderr


def test_tables_leave_out_links_flagged_of_any_kind_in_either_direction(tei_file, tmp_path):
    report = _report(tmp_path)
    result = invoke("export", tei_file, "--format", "tsv", "--exclude-flagged", report)
    table = pl.read_csv(result.stdout.encode(), separator="\t")
    kept = list(zip(table["pair"], table["src_ids"], strict=True))
    assert kept == [
        ("en-de", "en.s1"),
        ("en-de", "en.s2"),
        ("en-sq", "en.s2"),
        ("en-sq", "en.s3"),
        ("en-sq", "en.s4"),
    ]
    out = tmp_path / "de-en.parquet"
    assert (
        invoke("export", tei_file, "--pair", "de-en", "--exclude-flagged", report, "-o", out).exit_code == 0
    )
    assert pl.read_parquet(out)["tgt_ids"].to_list() == [["en.s1"], ["en.s2"]]  # reversed pair, same links


def test_flags_apply_to_their_own_set_only(folder, tmp_path):
    report = _report(tmp_path, set_id="a")
    result = invoke("export", folder, "--format", "csv", "--pair", "en-de", "--exclude-flagged", report)
    table = pl.read_csv(result.stdout.encode())
    assert table.group_by("set_id").len().sort("set_id").rows() == [("a", 2), ("b", 4)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--exclude-flagged", "{tmp}/bad.json"], "not a JSON report from 'align report --format json'"),
        (["--exclude-flagged", "{tmp}/list.json"], "not a JSON report"),
        (
            ["--exclude-flagged", "{tmp}/report.json", "--exclude-kinds", "typo"],
            "unknown finding kind(s) typo",
        ),
        (["--exclude-kinds", "number"], "--exclude-kinds needs --exclude-flagged"),
        (
            ["--min-cert", "0.5", "--format", "beads", "-o", "{tmp}/b"],
            "filter links for tmx, csv, parquet, tsv",
        ),
    ],
)
def test_bad_filters_fail_in_one_line(tei_file, tmp_path, args, message):
    _report(tmp_path)
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = invoke("export", tei_file, *(args if "--format" in args else [*args, "--format", "tsv"]))
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["intertext", "beads"])
@pytest.mark.parametrize("ids", [("kosovo", "kosovo"), ("kosovo 1", "kosovo_1")])
def test_a_folder_whose_sets_share_an_id_is_refused_naming_both_files(tmp_path, fmt, ids):
    """issue 19, bug 9: "wrote 4 files", 3 there, texts from one set and links from the other."""
    folder = tmp_path / "in"
    folder.mkdir()
    tei.write(make_set(ids[0]), folder / "one.tei.xml", timestamp=False)
    tei.write(make_set(ids[1], {"title": "Other"}), folder / "two.tei.xml", timestamp=False)
    if fmt == "beads" and ids[0] != ids[1]:
        pytest.skip("bead file names keep the id as it is: these ids do not collide there")
    result = invoke("export", folder, "--format", fmt, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert "one.tei.xml and " in result.stderr and "two.tei.xml have" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    if ids[0] != ids[1]:  # choosing one of them is fine
        ok = invoke("export", folder, "--format", fmt, "--set", ids[0], "-o", tmp_path / "out")
        assert ok.exit_code == 0, ok.stderr
