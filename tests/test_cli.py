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
        (["en:{d}/en.txt", "de={d}/de.txt"], "malformed argument"),
        (["en={d}/en.txt", "de="], "malformed argument"),
        (["english!={d}/en.txt", "de={d}/de.txt"], "language tag"),
        (["en={d}/en.txt", "de={d}/missing.txt"], "missing.txt: file not found"),
        (["en={d}/en.txt", "de={d}/empty.txt"], "empty.txt: file is empty"),
        (["en={d}/en.txt", "de={d}/binary.txt"], "binary.txt: binary data"),
        (["en={d}/en.txt", "de={d}/latin1.txt"], "latin1.txt: invalid UTF-8 at line 1"),
        (["en={d}/en.txt"], "at least two"),
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
