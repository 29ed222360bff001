"""A batch run as ``align batch`` tells it: the manifest read and announced, a progress line per set
this run finishes, what was kept when the run stops, and the closing summary. The work behind the
command, kept here so a library user or a test gets the same run and the same lines without it."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from ..errors import OutputError, log
from .manifest import Manifest, read_manifest
from .runner import LOG, BatchConfig, BatchReport, Outcome, prepare_output, run_batch, stopped_summary
from .summary import SUMMARY, SUMMARY_CSV, duration, summary_line


class Progress:
    """A line on stderr per set this run finishes (aligned, reported again or failed), with the counts
    so far and the time left; skipped sets only count. ``-q`` silences it, as all progress."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.counts = {"done": 0, "reported": 0, "skipped": 0, "failed": 0}
        self.start = time.monotonic()

    def update(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status == "skipped":
            return
        finished = sum(self.counts.values())
        worked = finished - self.counts["skipped"]  # skipped sets cost nothing: leave them out of the rate
        left = (time.monotonic() - self.start) / worked * (self.total - finished)
        eta = f"; about {duration(left)} left" if finished < self.total else ""
        counts = ", ".join(f"{n} {status}" for status, n in self.counts.items() if n or status != "reported")
        where = f"[{finished}/{self.total}] {outcome.spec.id} {outcome.status}"
        if outcome.status == "failed":
            log.warning(f"{where}: {outcome.record.get('error')} ({counts}{eta})")
        else:
            log.info(f"{where} in {outcome.record.get('seconds', 0):.1f}s ({counts}{eta})")


def open_manifest(
    path: str | Path,
    out: str | Path,
    *,
    langs: Sequence[str] | None = None,
    pivot: str | None = None,
    allow_outside: bool = False,
) -> Manifest:
    """Read the manifest at ``path`` and make the output folder, before any work: InputError or
    OutputError means nothing was run. Announces the sets, languages and metadata."""
    plan = read_manifest(path, langs=langs, pivot=pivot, allow_outside=allow_outside)
    prepare_output(out)
    log.info(
        f"{path}: {len(plan.sets)} sets; languages {', '.join(plan.langs)} (pivot {plan.pivot}); "
        f"metadata {', '.join(plan.meta_columns) or 'none'}"
    )
    return plan


def run_manifest(plan: Manifest, out: str | Path, config: BatchConfig) -> BatchReport:
    """Align the sets of ``plan`` into ``out`` with a progress line per set and a closing summary. An
    output that cannot be written stops the run: OutputError, logged with what is kept; so is an
    interrupt (KeyboardInterrupt, re-raised)."""
    report = BatchReport()
    try:
        report = run_batch(plan, out, config, on_outcome=Progress(len(plan.sets)).update, report=report)
    except OutputError as exc:
        log.error(f"{exc}; the run stopped (finished sets are kept, re-run to go on)")
        raise
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: say what is kept before align.cli exits 130 / 143
        log.warning(f"{stopped_summary(report, plan)} (finished sets are kept, re-run to go on)")
        raise
    _closing(report, out)
    return report


def _closing(report: BatchReport, out: str | Path) -> None:
    """The summary line, and a warning naming the sets of earlier runs the manifest no longer lists."""
    from ..report.overview import OVERVIEW

    log.info(
        f"{summary_line(report)} ({Path(out) / SUMMARY}, {SUMMARY_CSV}, {OVERVIEW}; log {Path(out) / LOG})"
    )
    if report.stale:
        ids = ", ".join(o.spec.id for o in report.stale[:10]) + (" ..." if len(report.stale) > 10 else "")
        log.warning(
            f"{len(report.stale)} sets of earlier runs are not in the manifest any more; their files are "
            f"stale (marked so in the summary): {ids}"
        )
