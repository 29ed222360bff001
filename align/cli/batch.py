"""``align batch``: align every document set of a manifest into a folder, resumably."""

from __future__ import annotations

import click

from ..config import ENGINES, AlignOptions
from ..errors import OutputError
from .common import alignment_options

EXIT_SETS_FAILED = 3
EXIT_STOPPED = 4  # an output could not be written: the run stopped, finished sets are kept


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
    from ..batch.console import open_manifest, run_manifest
    from ..batch.runner import BatchConfig
    from ..batch.task import check_terms

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
    plan = open_manifest(manifest, out, langs=lang_list, pivot=pivot, allow_outside=allow_outside)
    try:
        report = run_manifest(plan, out, config)
    except OutputError:  # logged with what is kept
        click.get_current_context().exit(EXIT_STOPPED)
    if report.count("failed"):
        click.get_current_context().exit(EXIT_SETS_FAILED)
