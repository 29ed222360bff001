"""The command line end to end on small texts: outputs, exit codes, one-line errors, nothing half-written."""

from __future__ import annotations

import inspect

import pytest
from click.testing import CliRunner

from align import tei
from align.batch.engines import make_engine
from align.cli import cli
from align.errors import InputError
from align.formats.tables import SCHEMA as LINK_COLUMNS_IN_ORDER
from align.terms import load_termbase

EN = (
    "The government in Pristina closed the border crossing on Wednesday. It asked NATO for help.\n\n"
    "In Berlin, the foreign ministry said the barricades must go. Russia backed Belgrade.\n"
)
DE = (
    "Die Regierung in Pristina schloss am Mittwoch den Grenzübergang. Sie bat die NATO um Hilfe.\n\n"
    "In Berlin sagte das Auswärtige Amt, die Barrikaden müssten weg. Russland stellte sich hinter Belgrad.\n"
)


@pytest.fixture
def texts(tmp_path):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    return tmp_path


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_run_writes_tei_that_reads_back(texts):
    out = texts / "set.tei.xml"
    result = invoke(
        "run", f"en={texts / 'en.txt'}", f"de={texts / 'de.txt'}", "--method", "fast", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    docset = tei.read(out)
    assert list(docset.docs) == ["en", "de"]
    assert [s.text for s in docset.docs["de"].sentences][1] == "Sie bat die NATO um Hilfe."
    assert [(b.src, b.tgt) for b in docset.alignments[0].links] == [((i,), (i,)) for i in range(4)]


def test_run_is_deterministic_without_timestamp(texts):
    args = ["run", f"en={texts / 'en.txt'}", f"de={texts / 'de.txt'}", "--method", "fast", "--no-timestamp"]
    first, second = invoke(*args, "-o", str(texts / "a.xml")), invoke(*args, "-o", str(texts / "b.xml"))
    assert first.exit_code == second.exit_code == 0
    assert (texts / "a.xml").read_bytes() == (texts / "b.xml").read_bytes()


def pair(texts, target: str = "de.txt", *options: str):
    return invoke(
        "pair",
        str(texts / "en.txt"),
        str(texts / target),
        "--src-lang",
        "en",
        "--tgt-lang",
        "de",
        "--method",
        "fast",
        *options,
    )


def test_pair_links_and_tsv_formats(texts):
    gold = pair(texts, "de.txt", "--format", "beads", "--no-certs")
    assert gold.exit_code == 0
    assert gold.output.splitlines() == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]
    tsv = pair(texts)
    rows = [line.split("\t") for line in tsv.output.splitlines()]
    header = rows[0]
    assert header[:11] == list(LINK_COLUMNS_IN_ORDER)  # the layout of align export's TSV
    row = dict(zip(header, rows[2], strict=True))
    assert (row["src_ids"], row["tgt_ids"]) == ("en.s2", "de.s2")
    assert (row["src_text"], row["tgt_text"]) == ("It asked NATO for help.", "Sie bat die NATO um Hilfe.")
    assert 0.0 <= float(row["cert"]) <= 1.0 and row["link_type"] == "1-1"
    old = pair(texts, "de.txt", "--format", "beads", "--no-scores")  # the former name, for one release
    assert old.exit_code == 0 and old.output == gold.output
    assert "--no-scores" not in invoke("pair", "--help").output


def test_segment_reads_stdin(texts):
    result = invoke("segment", "-", "--lang", "de", input=DE)
    assert result.exit_code == 0
    assert result.output.split("\n\n")[0].splitlines() == [
        "Die Regierung in Pristina schloss am Mittwoch den Grenzübergang.",
        "Sie bat die NATO um Hilfe.",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["english!={d}/en.txt", "de={d}/de.txt"], "language tag"),
        (["en={d}/en.txt", "de={d}/missing.txt"], "missing.txt: file not found"),
        (["en={d}/en.txt", "de={d}/empty.txt"], "empty.txt: file is empty"),
        (["en={d}/en.txt", "de={d}/binary.txt"], "binary.txt: binary data"),
        (["en={d}/en.txt", "de={d}/latin1.txt"], "latin1.txt: invalid UTF-8 at line 1"),
        (["en={d}/en.txt", "en={d}/de.txt"], "given twice"),
        (["en={d}/en.txt", "de={d}/de.txt", "--pivot", "fr"], "pivot language fr"),
    ],
)
def test_bad_input_is_one_line_nonzero_and_writes_nothing(texts, args, message):
    (texts / "empty.txt").write_bytes(b"")
    (texts / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (texts / "latin1.txt").write_bytes("Größe".encode("latin-1"))
    out = texts / "out.tei.xml"
    out.write_text("previous result")
    result = CliRunner().invoke(
        cli, ["run", *[a.format(d=texts) for a in args], "--method", "fast", "-o", str(out)]
    )
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("align: error: ") and message in lines[0], result.output
    assert "Traceback" not in result.output
    assert out.read_text() == "previous result"
    assert [p.name for p in texts.iterdir() if p.name.startswith(".out")] == []


def test_bom_crlf_input_gives_the_same_alignment(texts):
    (texts / "de-win.txt").write_bytes(b"\xef\xbb\xbf" + DE.replace("\n", "\r\n").encode())
    plain, windows = pair(texts, "de.txt"), pair(texts, "de-win.txt")
    assert windows.exit_code == 0 and windows.output == plain.output


def test_wrong_language_and_length_warnings(texts):
    (texts / "long.txt").write_text(DE * 6, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "run",
            f"en={texts / 'en.txt'}",
            f"sq={texts / 'de.txt'}",
            f"de={texts / 'long.txt'}",
            "--method",
            "fast",
            "-o",
            str(texts / "w.xml"),
        ],
    )
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("align: warning:")]
    assert any("de.txt" in w and "sq" in w and "de" in w for w in warnings), warnings
    assert any("long.txt" in w and "longer" in w for w in warnings), warnings


def test_default_set_id_comes_from_the_folder_when_files_are_named_by_language(texts):
    from align.aligner.pipeline import default_set_id

    assert default_set_id("en", texts / "en.txt") == texts.name
    assert default_set_id("en", texts / "article-2022.txt") == "article-2022"
    assert default_set_id("sr-Cyrl", texts / "sr.txt") == texts.name


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_works_before_and_after_the_subcommand(texts, where):
    out = str(texts / "s.xml")
    run = ["run", f"en={texts / 'en.txt'}", f"de={texts / 'de.txt'}", "--method", "fast", "-o", out]
    loud = invoke(*run)
    assert "align: wrote" in loud.stderr
    quiet = invoke("-q", *run) if where == "before" else invoke(*run, "-q")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    verbose = invoke("-v", *run) if where == "before" else invoke(*run, "--verbose")
    assert verbose.exit_code == 0 and "align: wrote" in verbose.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "en.txt", "de.txt"], "align: error: run: malformed argument 'en.txt': expected LANG=FILE"),
        (["run", "en:en.txt", "de=de.txt"], "align: error: run: malformed argument 'en:en.txt'"),
        (["run", "en=en.txt", "de="], "align: error: run: malformed argument 'de='"),
        (["run", "en=en.txt"], "align: error: run: need at least two LANG=FILE inputs"),
        (["run", "en=-", "de=-"], "align: error: run: only one input can be standard input"),
        (["pair", "-", "-", "--src-lang", "en", "--tgt-lang", "de"], "align: error: pair: only one of"),
        (["pair", "en.txt"], "align: error: pair: missing argument 'TARGET' (see 'align pair --help')"),
        (["segment", "x", "--lang", "de", "--bogus"], "align: error: segment: no such option '--bogus'"),
        (["nosuch"], "align: error: no such command 'nosuch' (see 'align --help')"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(args, message):
    result = CliRunner().invoke(cli, args, prog_name="align")
    assert result.exit_code == 2  # 1 is bad input, 2 a bad command line (README)
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(message)


def test_cli_defaults_and_choices_come_from_the_library():
    """--help shows what the library does by default, not a copy that could drift."""
    from align.config import ENGINES, MAX_SIDE_LIMIT, AlignOptions
    from align.formats import EXPORT, REPORT, names
    from align.report import ReportOptions

    pair_help = " ".join(invoke("pair", "--help").output.split())
    assert f"[default: {AlignOptions().method}]" in pair_help and "embed|fast" in pair_help
    assert f"[default: {AlignOptions().max_side}; 1<=x<={MAX_SIDE_LIMIT}]" in pair_help
    report_help = " ".join(invoke("report", "--help").output.split())
    assert f"[default: {ReportOptions().min_cert}; 0<=x<=1]" in report_help
    assert f"[default: {ReportOptions().length_ratio}; x>1]" in report_help
    assert "|".join(names(REPORT)) in report_help
    assert all(name in invoke("export", "--help").output for name in names(EXPORT, "intertext"))
    batch_help = " ".join(invoke("batch", "--help").output.split())
    assert f"[{'|'.join(ENGINES)}]" in batch_help and f"[default: {ENGINES[0]}]" in batch_help
    framing_default = inspect.signature(load_termbase).parameters["framing_field"].default
    assert (
        "--framing-field TEXT Where the termbase keeps framing labels: TBX termNote/descrip type, or "
        f"glossary column. [default: {framing_default}]"
    ) in report_help


def test_an_unknown_batch_engine_is_refused_by_the_library():
    with pytest.raises(InputError, match="unknown batch engine 'spark' \\(expected local or dask\\)"):
        make_engine("spark", 1)


@pytest.fixture
def aligned(texts):
    """texts plus set.tei.xml, its InterText files in it/ and a bead file."""
    tei_file = texts / "set.tei.xml"
    assert invoke("run", f"en={texts / 'en.txt'}", f"de={texts / 'de.txt'}", "--method", "fast",
                  "-o", str(tei_file)).exit_code == 0  # fmt: skip
    assert invoke("export", str(tei_file), "--format", "intertext", "-o", str(texts / "it")).exit_code == 0
    (texts / "gold.beads").write_text("[0]:[0]\n[1]:[1]\n")
    return texts


@pytest.mark.parametrize(
    "command",
    [
        ["run", "en={d}/en.txt", "de={d}/de.txt", "--method", "fast"],
        ["pair", "{d}/en.txt", "{d}/de.txt", "--src-lang", "en", "--tgt-lang", "de", "--method", "fast"],
        ["segment", "{d}/en.txt", "--lang", "en"],
        ["report", "{d}/set.tei.xml", "--format", "html"],
        ["export", "{d}/set.tei.xml", "--format", "tmx"],
        ["export", "{d}/set.tei.xml", "--format", "intertext"],
        ["import", "{d}/it/{d.name}.en.de.xml"],
        ["eval", "--gold", "{d}/gold.beads", "--test", "{d}/gold.beads"],
    ],
    ids=lambda c: "-".join(c[:3:2]),
)
def test_output_in_a_missing_folder_is_refused_not_created(aligned, command):
    """'-o FILE touches only FILE' (README): a typo in the folder must not grow a tree."""
    target = aligned / "missing" / "deeper" / "out.x"
    result = CliRunner().invoke(cli, [*[a.format(d=aligned) for a in command], "-o", str(target)])
    assert result.exit_code == 1, result.output
    # one line, before any work (no progress line)
    assert result.stderr == f"align: error: {target}: the folder {target.parent} does not exist\n"
    assert not (aligned / "missing").exists()


def test_batch_output_folder_is_created_only_inside_an_existing_one(aligned):
    (aligned / "m.csv").write_text(f"id,en,de\nx,{aligned / 'en.txt'},{aligned / 'de.txt'}\n")
    out = aligned / "missing" / "out"
    result = CliRunner().invoke(cli, ["batch", str(aligned / "m.csv"), "--out", str(out), "--method", "fast"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"align: error: {out}: the folder {out.parent} does not exist\n",
    )
    assert not (aligned / "missing").exists()


@pytest.mark.parametrize(("tag", "unknown"), [("ge", True), ("xx", True), ("gsw", False), ("de", False)])
def test_a_tag_that_is_no_language_and_a_text_in_another_language_are_warned_about(texts, tag, unknown):
    result = invoke("run", f"en={texts / 'en.txt'}", f"{tag}={texts / 'de.txt'}", "--method", "fast",
                    "-o", str(texts / "w.xml"))  # fmt: skip
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("align: warning:")]
    de_txt = texts / "de.txt"
    expected = [f"align: warning: {de_txt}: {tag} is not a BCP 47 language we know"] if unknown else []
    if unknown:  # a real language without a dictionary (gsw) may look like German: not judged
        expected.append(f"align: warning: {de_txt}: declared {tag} but the text looks like de")
    assert len(warnings) == len(expected) and all(
        w.startswith(e) for w, e in zip(warnings, expected, strict=True)
    ), warnings


def test_report_takes_a_folder_of_sets(aligned):
    """A batch output folder is the usual input: a report per set into -o DIR and an overview page."""
    sets = aligned / "sets"
    sets.mkdir()
    (sets / "a.tei.xml").write_bytes((aligned / "set.tei.xml").read_bytes())
    de = (aligned / "de.txt").read_text(encoding="utf-8").replace("Mittwoch", "Mittwoch, 12. Mai,")
    (aligned / "de2.txt").write_text(de, encoding="utf-8")
    run = ["run", f"en={aligned / 'en.txt'}", f"de={aligned / 'de2.txt'}", "--method", "fast", "--id", "b"]
    assert invoke(*run, "-o", str(sets / "b.tei.xml")).exit_code == 0
    (sets / "summary.parquet").write_bytes(b"PAR1 not a TEI: left alone")

    result = invoke("report", str(sets), "-o", str(aligned / "reports"), "--fail-on", "number")
    assert result.exit_code == 3, result.output  # b's added number, across the folder
    assert sorted(p.name for p in (aligned / "reports").iterdir()) == [
        "a.report.html", "b.report.html", "index.html"
    ]  # fmt: skip
    index = (aligned / "reports" / "index.html").read_text(encoding="utf-8")
    assert '<a href="a.report.html">report</a>' in index and '<a href="../sets/b.tei.xml">TEI</a>' in index
    assert "2 sets: 2 reported" in index
    assert len(result.stderr.splitlines()) == 3  # a line per set, then what was written

    quiet = invoke("report", str(sets), "-o", str(aligned / "json"), "--format", "json", "-q")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    assert sorted(p.name for p in (aligned / "json").iterdir()) == [
        "a.report.json",
        "b.report.json",
        "index.html",
    ]
    refused = CliRunner().invoke(cli, ["report", str(sets)])
    assert refused.exit_code == 1
    assert (
        refused.stderr == f"align: error: {sets}: a folder of sets gives one report per set: give -o FOLDER\n"
    )


def test_quiet_report_prints_nothing(aligned):
    """-q means only errors: no findings table, on either stream."""
    result = invoke("report", str(aligned / "set.tei.xml"), "-o", str(aligned / "r.json"), "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (aligned / "r.json").is_file()
    loud = invoke("report", str(aligned / "set.tei.xml"), "-o", str(aligned / "r.json"))
    assert loud.stdout == "" and "total" in loud.stderr
