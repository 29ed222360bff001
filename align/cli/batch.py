"""``align batch``: align every document set of a manifest into a folder, resumably."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..config import ENGINES, AlignOptions
from ..errors import OutputError, log
from .common import alignment_options

EXIT_SETS_FAILED = 3
EXIT_STOPPED = 4  # an output could not be written: the run stopped, finished sets are kept


class _Progress:
    """A line on stderr per set this run finishes (aligned, reported again or failed), with the counts
    so far and the time left; skipped sets only count. ``-q`` silences it, as all progress."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.counts = {"done": 0, "reported": 0, "skipped": 0, "failed": 0}
        self.start = time.monotonic()

    def update(self, outcome) -> None:
        from ..batch.summary import duration

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


@click.command()
@click.argument("manifest", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(),
    help="Output folder (created if missing, in an existing one).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True, help="Sets aligned at once."
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=ENGINES[0],
    show_default=True,
    help="local: worker processes on this machine. dask: a Dask cluster (pip install 'align[dask]').",
)
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786) [default: a LocalCluster].")
@click.option("--langs", help="Comma-separated language columns, pivot first [default: detected].")
@click.option(
    "--pivot", help="Language every other version is aligned to [default: the first language column]."
)
@click.option("--allow-outside", is_flag=True, help="Accept input paths outside the manifest's folder.")
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Run again the sets that failed on their inputs before (a set whose worker was lost or whose "
    "TEI could not be written is retried anyway).",
)
@click.option(
    "--terms",
    type=click.Path(dir_okay=False),
    help="Termbase (TBX, CSV): count findings per set and write its HTML report.",
)
@click.option(
    "--no-timestamp", is_flag=True, help="Leave the run date out of the TEI (byte-identical re-runs)."
)
@click.option("--derived", is_flag=True, help="Also link non-pivot pairs, composed through the pivot.")
@alignment_options
def batch(
    manifest: str,
    out: str,
    jobs: int,
    engine: str,
    scheduler: str | None,
    langs: str | None,
    pivot: str | None,
    allow_outside: bool,
    retry_failed: bool,
    terms: str | None,
    no_timestamp: bool,
    derived: bool,
    options: AlignOptions,
) -> None:
    """Align every document set listed in MANIFEST (CSV, TSV or Parquet) into one TEI file each.

    \b
    Manifest: one row per set; an `id` column; one column per language, named by
    its BCP 47 tag (en, de, sr-Cyrl) and holding a path relative to the manifest;
    any other column is metadata, kept in the TEI header and the exports. A column
    is a language when its name is a tag and one of its paths exists (or use
    --langs). Paths may not leave the manifest's folder (see --allow-outside).

    \b
    Writes OUT/{id}.tei.xml per set (with --terms also OUT/{id}.report.html),
    OUT/summary.parquet and summary.csv (one row per set), OUT/index.html (findings
    per set, linking to each report), OUT/batch.log and OUT/batch.journal.jsonl (the
    resume state). A line per finished set goes to stderr with the counts and the
    time left (-q silences it); Ctrl-C says what finished and what did not. A re-run
    skips the sets whose inputs and options are unchanged; when only --terms changed,
    findings are counted from the existing TEI, not realigned. Sets of earlier runs
    that the manifest no longer lists are marked stale. A set that fails is recorded
    and the others go on. Each worker embeds with min(--threads, cores / jobs)
    threads; its peak memory was 0.3-0.45 GB on ntrex-dev news articles
    (scripts/bench_batch.py; summary.parquet reports it per set).

    \b
    Dask: --engine dask runs the same work per set on a cluster (--scheduler),
    or on a LocalCluster of --jobs single-threaded worker processes. Workers
    need align installed and must see the input paths; this process writes the
    outputs. On a remote cluster each set embeds with --threads threads.

    \b
    Exit status: 0 every set done, 1 bad manifest or options (nothing run),
    3 some sets failed (see the summary), 4 an output could not be written
    (disk full, folder read-only: the run stopped; that set is recorded as
    failed and retried by the next run), 130 interrupted, 143 terminated by
    SIGTERM (finished sets kept in each case). A set whose worker was lost
    (killed, out of memory) is retried by the next run too.

    \b
    Examples:
      align batch manifest.csv --out out/ --jobs 2
      align batch manifest.csv --out out/ --engine dask --scheduler tcp://host:8786
    """
    from ..batch.manifest import read_manifest
    from ..batch.runner import LOG, BatchConfig, BatchReport, prepare_output, run_batch, stopped_summary
    from ..batch.summary import SUMMARY, SUMMARY_CSV, summary_line
    from ..batch.task import check_terms
    from ..report.overview import OVERVIEW

    if terms:
        check_terms(terms)
    config = BatchConfig(
        options=options,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        retry_failed=retry_failed,
        timestamp=not no_timestamp,
        derived=derived,
        terms=terms,
    )
    lang_list = [x.strip() for x in langs.split(",") if x.strip()] if langs else None
    plan = read_manifest(manifest, langs=lang_list, pivot=pivot, allow_outside=allow_outside)
    prepare_output(out)
    log.info(
        f"{manifest}: {len(plan.sets)} sets; languages {', '.join(plan.langs)} (pivot {plan.pivot}); "
        f"metadata {', '.join(plan.meta_columns) or 'none'}"
    )
    progress = _Progress(len(plan.sets))
    report = BatchReport()
    try:
        report = run_batch(plan, out, config, on_outcome=progress.update, report=report)
    except OutputError as exc:
        log.error(f"{exc}; the run stopped (finished sets are kept, re-run to go on)")
        click.get_current_context().exit(EXIT_STOPPED)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: say what is kept before align.cli exits 130 / 143
        log.warning(f"{stopped_summary(report, plan)} (finished sets are kept, re-run to go on)")
        raise
    log.info(
        f"{summary_line(report)} ({Path(out) / SUMMARY}, {SUMMARY_CSV}, {OVERVIEW}; log {Path(out) / LOG})"
    )
    if report.stale:
        ids = ", ".join(o.spec.id for o in report.stale[:10]) + (" ..." if len(report.stale) > 10 else "")
        log.warning(
            f"{len(report.stale)} sets of earlier runs are not in the manifest any more; their files are "
            f"stale (marked so in the summary): {ids}"
        )
    failed = [o for o in report.outcomes if o.status == "failed"]
    if failed:
        click.get_current_context().exit(EXIT_SETS_FAILED)
