"""``align batch``: outputs, resume, per-set failures, manifest checks, parallel workers, kill -9.

Texts are short (under 20 distinct words) so the language check stays silent and cheap, and the
``fast`` method needs no embeddings.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from align import tei
from align.batch import journal
from align.cli import cli

EN = "Border {n} was closed by Pristina. NATO sent help.\n\nRussia backed Belgrade.\n"
DE = "Grenze {n} wurde von Pristina geschlossen. NATO schickte Hilfe.\n\nRussland stützte Belgrad.\n"
FAST = ("--method", "fast", "--no-cache")


def make_corpus(root: Path, n: int = 3) -> Path:
    """``n`` English-German sets ``s1``..``sN`` with a title each; returns the manifest."""
    root.mkdir(parents=True, exist_ok=True)
    rows = ["id,en,de,title"]
    for i in range(1, n + 1):
        (root / f"en_{i}.txt").write_text(EN.format(n=i), encoding="utf-8")
        (root / f"de_{i}.txt").write_text(DE.format(n=i), encoding="utf-8")
        rows.append(f"s{i},en_{i}.txt,de_{i}.txt,Set {i}")
    manifest = root / "manifest.csv"
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest


def invoke(*args: str | Path):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def batch(manifest: Path, out: Path, *args: str):
    return invoke("batch", manifest, "--out", out, *FAST, *args)


def summary(out: Path) -> pl.DataFrame:
    return pl.read_parquet(out / "summary.parquet")


def journal_ids(out: Path) -> list[str]:
    return [json.loads(line)["id"] for line in (out / journal.JOURNAL).read_text().splitlines()]


def test_writes_one_tei_per_set_a_summary_and_a_log(tmp_path):
    manifest = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    result = batch(manifest, out)
    assert result.exit_code == 0, result.stderr
    assert "3 sets: 3 done, 0 skipped (finished earlier), 0 failed; 18 sentences" in result.stderr
    docset = tei.read(out / "s2.tei.xml")
    assert docset.id == "s2" and docset.meta == {"title": "Set 2"}
    assert [d.source for d in docset.docs.values()] == ["en_2.txt", "de_2.txt"]  # as in the manifest
    assert docset.docs["en"].sentences[0].text == "Border 2 was closed by Pristina."
    df = summary(out)
    assert df["id"].to_list() == ["s1", "s2", "s3"] and df["title"].to_list() == ["Set 1", "Set 2", "Set 3"]
    assert df["status"].to_list() == ["done"] * 3 and df["error"].null_count() == 3
    assert df["sentences_en"].to_list() == [3, 3, 3] and df["sentences_de"].to_list() == [3, 3, 3]
    links = df.select(pl.sum_horizontal(pl.col("^links_.*$"))).to_series().to_list()
    assert links == [len(tei.read(out / f"s{i}.tei.xml").alignments[0].links) for i in (1, 2, 3)]
    assert df["file"].to_list() == ["s1.tei.xml", "s2.tei.xml", "s3.tei.xml"]
    assert df["mean_cert"].null_count() == 0 and df["peak_rss_mb"].min() > 0
    log = (out / "batch.log").read_text()
    assert all(f"s{i} done" in log for i in (1, 2, 3)) and "run ended: 3 done" in log
    assert journal_ids(out) == ["s1", "s2", "s3"]


def test_rerun_skips_unchanged_sets_and_redoes_changed_ones(tmp_path):
    manifest = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert batch(manifest, out, "--no-timestamp").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.tei.xml")}
    result = batch(manifest, out, "--no-timestamp")
    assert "0 done, 3 skipped" in result.stderr
    assert summary(out)["status"].to_list() == ["skipped"] * 3
    assert summary(out)["sentences_en"].to_list() == [3, 3, 3]  # carried over from the first run
    assert {p.name: p.read_bytes() for p in out.glob("*.tei.xml")} == before

    (tmp_path / "corpus" / "de_2.txt").write_text(DE.format(n=22), encoding="utf-8")
    result = batch(manifest, out, "--no-timestamp")
    assert summary(out)["status"].to_list() == ["skipped", "done", "skipped"]
    assert "Grenze 22 wurde" in (out / "s2.tei.xml").read_text()

    (out / "s3.tei.xml").unlink()  # a finished set whose output is gone is redone
    batch(manifest, out, "--no-timestamp")
    assert summary(out)["status"].to_list() == ["skipped", "skipped", "done"]

    batch(manifest, out, "--no-timestamp", "--max-side", "2")  # other options: everything again
    assert summary(out)["status"].to_list() == ["done"] * 3


def test_a_failing_set_is_recorded_and_the_batch_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    manifest = make_corpus(corpus)
    (corpus / "de_2.txt").write_text("  \n", encoding="utf-8")
    (corpus / "en_3.txt").unlink()
    out = tmp_path / "out"
    result = batch(manifest, out)
    assert result.exit_code == 3
    df = summary(out)
    assert df["status"].to_list() == ["done", "failed", "failed"]
    assert df["error"][1] == f"{corpus.resolve() / 'de_2.txt'}: file is empty"
    assert df["error"][2] == f"{corpus.resolve() / 'en_3.txt'}: file not found"
    assert df["sentences_en"][1] is None and df["file"][1] is None
    assert sorted(p.name for p in out.glob("*.tei.xml")) == ["s1.tei.xml"]
    assert "s2 failed: " in result.stderr and "s3 failed: " in result.stderr

    # same inputs: the failure stands (not retried) unless asked
    result = batch(manifest, out)
    assert result.exit_code == 3 and journal_ids(out).count("s2") == 1
    assert summary(out)["status"].to_list() == ["skipped", "failed", "failed"]
    batch(manifest, out, "--retry-failed")
    assert journal_ids(out).count("s2") == 2

    # fixed inputs run by themselves
    (corpus / "de_2.txt").write_text(DE.format(n=2), encoding="utf-8")
    (corpus / "en_3.txt").write_text(EN.format(n=3), encoding="utf-8")
    result = batch(manifest, out)
    assert result.exit_code == 0 and summary(out)["status"].to_list() == ["skipped", "done", "done"]


def test_warnings_about_a_set_go_to_its_log_line_and_summary_row(tmp_path):
    corpus = tmp_path / "corpus"
    manifest = make_corpus(corpus, n=2)
    (corpus / "de_2.txt").write_text(DE.format(n=2).replace("NATO", "\x07NATO"), encoding="utf-8")
    out = tmp_path / "out"
    assert batch(manifest, out, "--jobs", "2").exit_code == 0  # worker processes report them too
    warnings = summary(out)["warnings"].to_list()
    assert warnings[0] is None
    assert (
        warnings[1]
        == f"{corpus.resolve() / 'de_2.txt'}: 1 control character(s) replaced by spaces (first on line 1)"
    )
    assert f"s2 warning: {warnings[1]}" in (out / "batch.log").read_text()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("en,de\nen_1.txt,de_1.txt", "no 'id' column"),
        ("id,en,title\ns1,en_1.txt,x", "needs at least two language columns"),
        (
            "id,en,de\ns1,en_1.txt,de_1.txt\ns1,en_2.txt,de_2.txt",
            "line 3: duplicate id 's1' (first at line 2)",
        ),
        ("id,en,de\nS1,en_1.txt,de_1.txt\ns1,en_2.txt,de_2.txt", "duplicate id 's1'"),
        ("id,en,de\n,en_1.txt,de_1.txt", "line 2: empty id"),
        ("id,en,de\n../s1,en_1.txt,de_1.txt", "id '../s1' cannot name a file"),
        ("id,en,de\ns1,en_1.txt,../outside.txt", "line 2: de: path '../outside.txt' leads outside"),
        ("id,en,de\ns1,en_1.txt,{outside}", "leads outside the manifest's folder"),
        ("id,en,de\ns1,en_1.txt,link.txt", "path 'link.txt' leads outside"),
        ("id,en,de\ns1,en_1.txt,de_1.txt\ns2,,de_2.txt", "line 3: set 's2' has no file for the pivot"),
        ("id,en,de,status\ns1,en_1.txt,de_1.txt,x", "metadata column 'status' clashes"),
        ("id,en,en\ns1,en_1.txt,en_2.txt", "column 'en' appears twice"),
        ("id,en,de", "lists no document sets"),
    ],
)
def test_manifest_problems_refuse_the_run_in_one_line(tmp_path, rows, message):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    outside = tmp_path / "outside.txt"
    outside.write_text(DE.format(n=0), encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside)
    manifest = corpus / "bad.csv"
    manifest.write_text(rows.replace("{outside}", str(outside)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = batch(manifest, out)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"align: error: {manifest}: ") and message in lines[0]
    assert not out.exists()


def test_allow_outside_accepts_paths_beyond_the_manifest(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    (tmp_path / "outside.txt").write_text(DE.format(n=0), encoding="utf-8")
    manifest = corpus / "m.csv"
    manifest.write_text("id,en,de\ns1,en_1.txt,../outside.txt\n", encoding="utf-8")
    result = batch(manifest, tmp_path / "out", "--allow-outside")
    assert result.exit_code == 0, result.stderr
    assert tei.read(tmp_path / "out" / "s1.tei.xml").docs["de"].source == "../outside.txt"


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("garbage.parquet", (), "not a readable Parquet manifest"),
        ("missing.csv", (), "manifest not found"),
        ("manifest.csv", ("--langs", "en,fr"), "--langs names fr, but the manifest has no such column"),
        ("manifest.csv", ("--pivot", "sq"), "pivot sq is not a language column (en, de)"),
        ("manifest.csv", ("--out-is-file",), "output folder is a file"),
        ("manifest.csv", ("--scheduler", "tcp://127.0.0.1:8786"), "--scheduler is for --engine dask"),
    ],
)
def test_bad_files_and_options_fail_in_one_line(tmp_path, setup, args, message):
    make_corpus(tmp_path)
    (tmp_path / "garbage.parquet").write_bytes(b"PAR1 this is not parquet")
    out = tmp_path / "out"
    if "--out-is-file" in args:
        out.write_text("a file", encoding="utf-8")
        args = ()
    result = batch(tmp_path / setup, out, *args)
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not list(tmp_path.glob("out/*.tei.xml"))


def test_language_columns_are_tags_holding_existing_files(tmp_path):
    make_corpus(tmp_path / "c", n=1)
    manifest = tmp_path / "c" / "m.csv"
    # "src" and "url" are ISO 639-3 codes, but their cells name no files: metadata
    manifest.write_text("id,en,de,src,url\ns1,en_1.txt,de_1.txt,BBC,https://example.org/a\n")
    out = tmp_path / "out"
    result = batch(manifest, out)
    assert result.exit_code == 0, result.stderr
    assert "languages en, de (pivot en); metadata src, url" in result.stderr
    assert tei.read(out / "s1.tei.xml").meta == {"src": "BBC", "url": "https://example.org/a"}

    result = batch(manifest, tmp_path / "out2", "--langs", "de,en")
    assert "languages de, en (pivot de)" in result.stderr
    assert tei.read(tmp_path / "out2" / "s1.tei.xml").pivot == "de"
    batch(manifest, tmp_path / "out3", "--pivot", "de")
    assert tei.read(tmp_path / "out3" / "s1.tei.xml").pivot == "de"


def test_parquet_manifest(tmp_path):
    csv = make_corpus(tmp_path, n=2)
    manifest = tmp_path / "manifest.parquet"
    pl.read_csv(csv, infer_schema=False).with_columns(year=pl.lit(2019)).write_parquet(manifest)
    out = tmp_path / "out"
    assert batch(manifest, out).exit_code == 0
    assert tei.read(out / "s1.tei.xml").meta == {"title": "Set 1", "year": "2019"}
    assert summary(out)["year"].to_list() == ["2019", "2019"]


def test_two_workers_give_the_same_files_as_one(tmp_path):
    manifest = make_corpus(tmp_path / "corpus", n=4)
    one, two = tmp_path / "one", tmp_path / "two"
    assert batch(manifest, one, "--no-timestamp").exit_code == 0
    result = batch(manifest, two, "--no-timestamp", "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert "jobs 2, 1 embedding threads each" in (two / "batch.log").read_text()
    for i in range(1, 5):
        assert (one / f"s{i}.tei.xml").read_bytes() == (two / f"s{i}.tei.xml").read_bytes()
    assert summary(two)["id"].to_list() == ["s1", "s2", "s3", "s4"]  # manifest order, not finish order


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path):
    manifest = make_corpus(tmp_path / "corpus", n=1)
    out = tmp_path / "out"
    out.mkdir()
    with journal.locked(out):
        result = batch(manifest, out)
    assert result.exit_code == 1 and "another batch is writing to this folder" in result.stderr


def test_terms_give_findings_per_set_as_align_report_finds_them(tmp_path):
    from align.report import build_report
    from align.terms import load_termbase

    glossary = tmp_path / "terms.csv"
    # German renders Belgrade as "Belgrad", not the termbase's "Beograd": one term-missing per set
    glossary.write_text("concept,lang,term\nc-bg,en,Belgrade\nc-bg,de,Beograd\n", encoding="utf-8")
    out = tmp_path / "out"
    result = batch(make_corpus(tmp_path / "corpus", n=2), out, "--terms", glossary)
    assert result.exit_code == 0, result.stderr
    df = summary(out)
    assert df["findings_term-missing"].to_list() == [1, 1]
    for row in df.iter_rows(named=True):
        report = build_report(tei.read(out / row["file"]), termbase=load_termbase(glossary))
        for kind in {f.kind for f in report.findings}:
            assert row[f"findings_{kind}"] == sum(f.kind == kind for f in report.findings)

    glossary.write_text("concept,lang\n", encoding="utf-8")  # a bad termbase stops the run up front
    result = batch(make_corpus(tmp_path / "corpus2", n=1), tmp_path / "out2", "--terms", glossary)
    assert result.exit_code == 1 and str(glossary) in result.stderr
    assert not (tmp_path / "out2").exists()


def test_missing_dask_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    result = batch(make_corpus(tmp_path / "corpus", n=1), tmp_path / "out", "--engine", "dask")
    assert result.exit_code == 1 and "pip install 'align[dask]'" in result.stderr


def stalled_batch(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A corpus whose set 2 reads a FIFO, so the batch stays "in progress" on it until the test acts;
    returns the manifest, the output folder and the command line that runs the batch in a new process."""
    corpus = tmp_path / "corpus"
    manifest = make_corpus(corpus)
    (corpus / "de_2.txt").unlink()
    os.mkfifo(corpus / "de_2.txt")
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "from align.cli import main; main()", "batch", str(manifest)]
    return manifest, out, [*cmd, "--out", str(out)]


def test_resume_after_kill_9(tmp_path):
    """Kill the run while set 2 is in progress: set 1 is kept and skipped, nothing partial remains."""
    manifest, out, cmd = stalled_batch(tmp_path)
    corpus = manifest.parent
    proc = subprocess.Popen([*cmd, *FAST], start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not journal.load(out) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert list(journal.load(out)) == ["s1"]
        assert proc.poll() is None
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert sorted(p.name for p in out.glob("*.tei.xml")) == ["s1.tei.xml"]
    tei.read(out / "s1.tei.xml")  # complete
    stale = out / ".s2.tei.xml.align-x1y2z3w4.tmp"  # what a kill during a write would leave
    stale.write_text("<teiCorpus", encoding="utf-8")
    os.utime(stale, (0, 0))

    (corpus / "de_2.txt").unlink()
    (corpus / "de_2.txt").write_text(DE.format(n=2), encoding="utf-8")
    result = batch(manifest, out)
    assert result.exit_code == 0, result.stderr
    assert summary(out)["status"].to_list() == ["skipped", "done", "done"]
    assert not stale.exists() and not list(out.glob(".*.tmp"))
    assert [tei.read(out / f"s{i}.tei.xml").id for i in (1, 2, 3)] == ["s1", "s2", "s3"]


def test_progress_is_a_line_per_finished_set_and_quiet_silences_it(tmp_path):
    manifest = make_corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "de_2.txt").write_text("", encoding="utf-8")
    result = batch(manifest, tmp_path / "out")
    lines = result.stderr.splitlines()
    progress = [line for line in lines if line.startswith(("align: [", "align: warning: ["))]
    assert [line.split("]")[0].split("[")[1] for line in progress] == ["1/3", "2/3", "3/3"]
    assert (
        progress[0].startswith("align: [1/3] s1 done in ")
        and "(1 done, 0 skipped, 0 failed; about" in progress[0]
    )
    assert progress[1].startswith("align: warning: [2/3] s2 failed: ") and "file is empty" in progress[1]
    assert progress[2].endswith("(2 done, 0 skipped, 1 failed)")  # the last: nothing left to estimate
    assert invoke("batch", manifest, "--out", tmp_path / "quiet", *FAST, "-q").stderr == ""
    rerun = batch(manifest, tmp_path / "out", "--retry-failed")  # skipped sets only count
    (line,) = [line for line in rerun.stderr.splitlines() if "] s" in line]
    assert line.startswith("align: warning: [2/3] s2 failed: ")


def test_an_interrupted_batch_says_what_finished_and_what_did_not(tmp_path):
    """SIGTERM (as Ctrl-C) while set 2 is in progress: exit 143 and one line naming what is kept."""
    manifest, out, cmd = stalled_batch(tmp_path)
    proc = subprocess.Popen([*cmd, *FAST], start_new_session=True, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not journal.load(out) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert list(journal.load(out)) == ["s1"]
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 143, stderr
    stopped = "stopped after 1 of 3 sets (1 done, 0 reported, 0 skipped, 0 failed); not finished: s2, s3"
    assert f"align: warning: {stopped} (finished sets are kept, re-run to go on)" in stderr.splitlines()
    assert stderr.splitlines()[-1] == "align: terminated"
    assert stopped in (out / "batch.log").read_text()


def test_adding_terms_reports_again_from_the_tei_without_realigning(tmp_path):
    """Only what is reported changed: each set's findings come from its existing TEI (not rewritten),
    its HTML report is written, and the overview links to it; the same terms again skip every set."""
    glossary = tmp_path / "terms.csv"
    glossary.write_text("concept,lang,term\nc-bg,en,Belgrade\nc-bg,de,Beograd\n", encoding="utf-8")
    manifest, out = make_corpus(tmp_path / "corpus", n=2), tmp_path / "out"
    assert batch(manifest, out).exit_code == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.tei.xml")}
    result = batch(manifest, out, "--terms", glossary)
    assert result.exit_code == 0, result.stderr
    assert "0 done, 2 reported again from their TEI, 0 skipped" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.tei.xml")} == stamps  # not realigned
    df = summary(out)
    assert df["status"].to_list() == ["reported"] * 2 and df["findings_term-missing"].to_list() == [1, 1]
    assert df["sentences_en"].to_list() == [3, 3] and df["file"].to_list() == ["s1.tei.xml", "s2.tei.xml"]
    assert 'data-kind="term-missing"' in (out / "s1.report.html").read_text(encoding="utf-8")
    assert "s1 reported" in (out / "batch.log").read_text()
    assert summary(out).equals(pl.read_csv(out / "summary.csv", schema=summary(out).schema))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="s2.report.html">report</a>' in index and '<a href="s2.tei.xml">TEI</a>' in index
    assert "<th>term-missing</th>" in index

    assert summary(out)["status"].to_list() == ["reported"] * 2
    batch(manifest, out, "--terms", glossary)
    assert summary(out)["status"].to_list() == ["skipped"] * 2
    glossary.write_text("concept,lang,term\nc-bg,en,Belgrade\nc-bg,de,Belgrad\n", encoding="utf-8")
    batch(manifest, out, "--terms", glossary)  # another termbase: reported again, still not realigned
    df = summary(out)
    assert df["status"].to_list() == ["reported"] * 2 and "findings_term-missing" not in df.columns
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.tei.xml")} == stamps


def test_sets_dropped_from_the_manifest_are_marked_stale(tmp_path):
    manifest, out = make_corpus(tmp_path / "corpus", n=3), tmp_path / "out"
    assert batch(manifest, out).exit_code == 0
    rows = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join(rows[:2]) + "\n", encoding="utf-8")  # only s1 is left
    result = batch(manifest, out)
    assert result.exit_code == 0, result.stderr
    assert (
        "align: warning: 2 sets of earlier runs are not in the manifest any more; their files are stale "
        "(marked so in the summary): s2, s3"
    ) in result.stderr.splitlines()
    df = summary(out)
    assert df["id"].to_list() == ["s1", "s2", "s3"] and df["status"].to_list() == [
        "skipped",
        "stale",
        "stale",
    ]
    assert df["file"].to_list() == ["s1.tei.xml", "s2.tei.xml", "s3.tei.xml"]
    assert "s3 stale: not in the manifest any more" in (out / "batch.log").read_text()
    assert '<span class="st-stale">stale</span>' in (out / "index.html").read_text(encoding="utf-8")
    (out / "s3.tei.xml").unlink()  # a dropped set whose files are gone is no longer listed
    batch(manifest, out)
    assert summary(out)["id"].to_list() == ["s1", "s2"]


def test_run_manifest_is_the_command_without_the_command_line(tmp_path, caplog):
    """align.batch.console.open_manifest and run_manifest: the same files as ``align batch``, a
    progress line per set, the closing summary; a set that fails is in the report, not raised."""
    from align.batch.console import open_manifest, run_manifest
    from align.batch.runner import BatchConfig
    from align.config import AlignOptions
    from align.errors import OutputError

    manifest = make_corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "de_3.txt").write_text("", encoding="utf-8")
    config = BatchConfig(options=AlignOptions(method="fast", cache_dir=""), timestamp=False)
    with caplog.at_level("INFO", logger="align"):
        report = run_manifest(open_manifest(manifest, tmp_path / "lib"), tmp_path / "lib", config)
    assert [(o.spec.id, o.status) for o in report.outcomes] == [
        ("s1", "done"),
        ("s2", "done"),
        ("s3", "failed"),
    ]
    lines = [r.getMessage() for r in caplog.records]
    assert [line.split("]")[0] for line in lines if line.startswith("[")] == ["[1/3", "[2/3", "[3/3"]
    assert any(line.startswith("3 sets: 2 done, 0 skipped (finished earlier), 1 failed") for line in lines)
    assert batch(manifest, tmp_path / "cli", "--no-timestamp").exit_code == 3  # the failed set
    for name in ("s1.tei.xml", "s2.tei.xml"):
        assert (tmp_path / "lib" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes()
    with pytest.raises(OutputError, match="does not exist"):  # before any work: nothing made
        open_manifest(manifest, tmp_path / "missing" / "out")
    assert not (tmp_path / "missing").exists()
