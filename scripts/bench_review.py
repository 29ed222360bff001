"""Review editor speed on a synthetic 5,000-link set: open, one edit, save, and the page in Chromium.

The set is built from the bundled corpus (en and de gold sentences repeated until there are ``--links``
links per pair; every 10th link a 1-2 or 2-1, so the checkers see realistic text) and written as
``align run`` would. Timed (medians over ``--repeats`` after a warm-up, which loads simplemma's
dictionaries): opening the file for review (read, sentence ids, findings of every link), the state the
page downloads (JSON), one edit with its findings update, and saving (tree, change record, atomic
write). Baselines from the same run: ``tei.read`` of the file and ``tei.write`` of the set, and
``build_report`` (what ``align report`` computes). With Chromium and chromedriver installed, the page's
load (navigation until the links are drawn) and the round trip of a key press that merges two links are
timed in the browser too.

    python scripts/bench_review.py [--links 5000] [--repeats 3] [--pairs 1]
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from benchlib import REPO, median_time

from align import tei
from align.aligner.pipeline import load_document
from align.formats.beadfile import read_beads
from align.model import Alignment, Document, DocumentSet, Link, Sentence
from align.report import build_report
from align.review.server import Server, state_json
from align.review.session import ReviewSession

CORPUS = REPO / "corpora" / "kosovo-barricades"
VERSIONS = {"de": "de", "sr-Cyrl": "sr", "sq": "sq"}  # lang -> gold file name


def synthetic_set(size: int, pairs: int) -> DocumentSet:
    """``links`` links per pair, by repeating the gold corpus (sentences and their gold links)."""
    en = load_document(CORPUS / "gold" / "en.sents", "en", presplit=True)
    docs = {"en": Document("en", [])}
    gold = {}
    for lang, name in list(VERSIONS.items())[:pairs]:
        docs[lang] = Document(lang, [])
        gold[lang] = (
            load_document(CORPUS / "gold" / f"{name}.sents", lang, presplit=True),
            read_beads(CORPUS / "gold" / f"en-{name}.gold"),
        )
    alignments = {lang: Alignment("en", lang, []) for lang in gold}
    copies = 0
    while len(next(iter(alignments.values())).links) < size:
        en_base, para = len(docs["en"].sentences), copies
        docs["en"].sentences.extend(Sentence(s.text, para) for s in en.sentences)
        for lang, (doc, links) in gold.items():
            base = len(docs[lang].sentences)
            docs[lang].sentences.extend(Sentence(s.text, para) for s in doc.sentences)
            alignments[lang].links.extend(
                Link(
                    tuple(i + en_base for i in b.src), tuple(j + base for j in b.tgt), 0.3 + 0.7 * (k % 7) / 6
                )
                for k, b in enumerate(links)
            )
        copies += 1
    return DocumentSet("synthetic", docs, list(alignments.values()))


def browser_times(session: ReviewSession, repeats: int) -> tuple[float, float] | None:
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return None
    if not (chromium and driver_path):
        return None
    profile = tempfile.mkdtemp(prefix="align-bench-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,900"):  # fmt: skip # noqa: E501
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    server = Server(session)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ready = lambda d: d.execute_script("return document.body && document.body.dataset.ready") == "1"  # noqa: E731
    idle = lambda d: d.execute_script("return busy === false")  # noqa: E731
    try:
        loads, edits = [], []
        for _ in range(repeats + 1):
            start = time.perf_counter()
            driver.get(server.url)
            WebDriverWait(driver, 120, poll_frequency=0.01).until(ready)
            loads.append(time.perf_counter() - start)
            start = time.perf_counter()
            ActionChains(driver).send_keys("m").perform()
            WebDriverWait(driver, 120, poll_frequency=0.01).until(idle)
            edits.append(time.perf_counter() - start)
            ActionChains(driver).send_keys("z").perform()
            WebDriverWait(driver, 120, poll_frequency=0.01).until(idle)
        return statistics.median(loads[1:]), statistics.median(edits[1:])
    finally:
        server.shutdown()
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=1, choices=(1, 2, 3))
    args = parser.parse_args()

    docset = synthetic_set(args.links, args.pairs)
    n_links = sum(len(a.links) for a in docset.alignments)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.tei.xml"
        tei.write(docset, path)
        size = path.stat().st_size
        ReviewSession(path, "bench")  # warm-up: simplemma's dictionaries
        t_read = median_time(lambda: tei.read(path), args.repeats)
        t_write = median_time(lambda: tei.write(docset, Path(tmp) / "copy.tei.xml"), args.repeats)
        read = tei.read(path)
        t_report = median_time(lambda: build_report(read), args.repeats)
        sessions: list[ReviewSession] = []
        t_open = median_time(lambda: sessions.append(ReviewSession(path, "bench")), args.repeats)
        session = sessions[-1]
        t_state = median_time(lambda: json.dumps(state_json(session)), args.repeats)
        state_bytes = len(json.dumps(state_json(session)))
        middle = session.ids["en"][session.links(0)[len(session.links(0)) // 2].src[0]]

        def edit_and_undo() -> None:
            session.edit(docset.alignments[0].pair, "merge", middle, "next")
            session.undo()

        t_edit = median_time(edit_and_undo, args.repeats) / 2

        def edit_and_save() -> None:
            session.edit(docset.alignments[0].pair, "check", middle)
            session.save()
            session.undo()
            session.save()

        t_save = median_time(edit_and_save, args.repeats) / 2
        in_browser = browser_times(session, args.repeats)

    print(f"synthetic set: {n_links} links ({len(docset.alignments)} pairs), {size / 1e6:.1f} MB TEI, "
          f"state JSON {state_bytes / 1e6:.1f} MB; medians of {args.repeats}")  # fmt: skip
    rows = [
        ("tei.read (baseline)", t_read, t_read),
        ("build_report (align report's checks)", t_report, t_read),
        ("open for review (read + ids + findings)", t_open, t_read),
        ("state JSON for the page", t_state, t_read),
        ("one edit + findings update", t_edit, t_read),
        ("tei.write (baseline)", t_write, t_write),
        ("save (tree, change, atomic write)", t_save, t_write),
    ]
    if in_browser:
        rows += [("page load in Chromium (to links drawn)", in_browser[0], t_read),
                 ("merge key press to redrawn page", in_browser[1], t_read)]  # fmt: skip
    else:
        print("(Chromium/chromedriver/selenium not installed: browser timings skipped)")
    print(f"{'step':44} {'seconds':>8} {'ratio':>7}")
    for name, seconds, base in rows:
        print(f"{name:44} {seconds:8.3f} {seconds / base:6.2f}x")


if __name__ == "__main__":
    main()
