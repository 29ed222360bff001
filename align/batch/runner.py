"""Run a manifest: decide what is already done, dispatch the rest, write each TEI and journal it.

A set is skipped when the journal's latest record for its id is ``done`` with the same content key
(the bytes of every input, the manifest's metadata and names, the options, the align version) and
its TEI is still there. A set that failed with the same key stays failed unless ``retry_failed``;
a changed input makes it run again by itself, and so does a failure that was not the set's own
(``transient``: its worker was lost, its TEI could not be written).

An output that cannot be written (a full disk, a read-only folder) fails the set being written and
stops the run with :class:`~align.errors.OutputError`: every later set would fail the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..config import ENGINES, AlignOptions
from ..errors import InputError, OutputError
from ..io.fsutil import atomic_write_bytes, remove_stale_temporaries
from . import journal
from .engines import make_engine, run_jobs
from .manifest import Manifest, SetSpec
from .summary import write_summary
from .task import SetJob, SetResult, worker_threads

LOG = "batch.log"
TEI_SUFFIX = ".tei.xml"


@dataclass(frozen=True)
class BatchConfig:
    options: AlignOptions = AlignOptions()
    jobs: int = 1
    engine: str = ENGINES[0]  # one of align.config.ENGINES
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    dask_processes: bool = True  # LocalCluster workers as processes (tests use threads)
    retry_failed: bool = False
    timestamp: bool = True
    derived: bool = False
    terms: str | None = None

    def __post_init__(self) -> None:
        if self.scheduler is not None and self.engine != "dask":
            raise InputError("--scheduler is for --engine dask")


@dataclass
class Outcome:
    """One set's state after this run: ``done`` (aligned now), ``skipped`` (done earlier) or ``failed``."""

    spec: SetSpec
    status: str
    record: dict  # the journal record (see _record)


@dataclass
class BatchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def sentences(self) -> int:
        """Sentences aligned in this run (all languages)."""
        return sum(sum(o.record.get("sentences", {}).values()) for o in self.outcomes if o.status == "done")


def tei_name(set_id: str) -> str:
    return set_id + TEI_SUFFIX


def set_key(spec: SetSpec, config: BatchConfig) -> str:
    """Content hash of everything that shapes a set's TEI; InputError if an input cannot be read."""
    from ..io.reader import read_bytes

    def digest(path: str | Path) -> str:
        return hashlib.sha256(read_bytes(path)).hexdigest()

    payload = {
        "id": spec.id,
        "versions": [(v.lang, v.name, digest(v.path)) for v in spec.versions],
        "meta": spec.meta,
        "settings": config.options.as_settings(),
        "timestamp": config.timestamp,
        "derived": config.derived,
        "terms": digest(config.terms) if config.terms else None,
        "align": __version__,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _record(result: SetResult, spec: SetSpec) -> dict:
    return {
        "id": result.id,
        "key": result.key,
        "status": result.status,
        "error": result.error,
        "seconds": round(result.seconds, 3),
        "peak_rss_mb": None if result.peak_rss_mb is None else round(result.peak_rss_mb, 1),
        "file": tei_name(spec.id) if result.status == "done" else None,
        "finished": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "warnings": result.warnings,
        "transient": result.transient,
        **asdict(result.stats),
    }


class _Log:
    """The human-readable run log, appended across runs."""

    def __init__(self, path: Path) -> None:
        self._fh = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in run_batch's finally

    def write(self, line: str) -> None:
        # the log only informs: a full disk must not turn into a traceback here (the journal reports it)
        with contextlib.suppress(OSError):
            self._fh.write(f"{datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')} {line}\n")
            self._fh.flush()

    def outcome(self, outcome: Outcome, detail: str | None = None) -> None:
        rec = outcome.record
        if outcome.status != "skipped":
            for warning in rec.get("warnings") or ():
                self.write(f"{outcome.spec.id} warning: {warning}")
        if outcome.status == "failed":
            self.write(f"{outcome.spec.id} failed: {rec.get('error')}")
            if detail:
                with contextlib.suppress(OSError):
                    self._fh.write("".join(f"    {line}\n" for line in detail.rstrip().splitlines()))
            return
        if outcome.status == "skipped":
            self.write(f"{outcome.spec.id} skipped (done on {rec.get('finished')}, inputs unchanged)")
            return
        sizes = ", ".join(f"{lang} {n}" for lang, n in rec.get("sentences", {}).items())
        self.write(f"{outcome.spec.id} done {rec.get('seconds', 0):.2f}s ({sizes})")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._fh.close()


def prepare_output(out: str | Path) -> Path:
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError("output folder is a file", folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create output folder: {exc.strerror or exc}", folder) from None
    return folder


def run_batch(
    manifest: Manifest,
    out: str | Path,
    config: BatchConfig = BatchConfig(),
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> BatchReport:
    """Align every set of ``manifest`` into ``out``; per-set failures are recorded, never raised."""
    folder = prepare_output(out)
    start = time.perf_counter()
    report = BatchReport()
    with journal.locked(folder):
        remove_stale_temporaries(folder, force=True)
        previous = journal.load(folder)
        log = _Log(folder / LOG)
        book = journal.Journal(folder)
        engine = None
        threads = (
            config.options.threads
            if config.engine == "dask" and config.scheduler
            else worker_threads(config.options.threads, config.jobs)
        )
        options = replace(config.options, threads=threads)
        specs = {s.id: s for s in manifest.sets}

        def settle(outcome: Outcome, detail: str | None = None) -> None:
            report.outcomes.append(outcome)
            log.outcome(outcome, detail)
            if on_outcome is not None:
                on_outcome(outcome)

        def plan() -> Iterator[SetJob]:
            for spec in manifest.sets:
                try:
                    key = set_key(spec, config)
                except InputError as exc:  # an input is missing or unreadable: fails here, never sent
                    record = _record(SetResult(spec.id, "", "failed", 0.0, error=str(exc)), spec)
                    book.append(record)
                    settle(Outcome(spec, "failed", record))
                    continue
                before = previous.get(spec.id)
                if before is not None and before.get("key") == key:
                    if before.get("status") == "done" and (folder / tei_name(spec.id)).is_file():
                        settle(Outcome(spec, "skipped", before))
                        continue
                    if before.get("status") == "failed" and not (
                        config.retry_failed or before.get("transient")
                    ):
                        settle(Outcome(spec, "failed", before))
                        continue
                yield SetJob(
                    id=spec.id,
                    inputs=tuple((v.lang, str(v.path)) for v in spec.versions),
                    names=tuple(v.name for v in spec.versions),
                    meta=tuple(sorted(spec.meta.items())),
                    options=options,
                    key=key,
                    timestamp=config.timestamp,
                    derived=config.derived,
                    terms=config.terms,
                )

        log.write(
            f"run: {manifest.path} ({len(manifest.sets)} sets; languages {', '.join(manifest.langs)}; "
            f"metadata {', '.join(manifest.meta_columns) or 'none'}); engine {config.engine}, "
            f"jobs {config.jobs}, {threads} embedding threads each; settings {options.as_settings()}"
        )
        try:
            engine = make_engine(
                config.engine, config.jobs, config.scheduler, processes=config.dask_processes
            )
            for result in run_jobs(engine, plan()):
                spec = specs[result.id]
                try:
                    if result.tei is not None:
                        atomic_write_bytes(folder / tei_name(spec.id), result.tei)
                    record = _record(result, spec)
                    book.append(record)
                except OutputError as exc:
                    failed = replace(result, status="failed", error=str(exc), tei=None, transient=True)
                    record = _record(failed, spec)
                    with contextlib.suppress(OutputError):  # the journal may be on the same full disk
                        book.append(record)
                    settle(Outcome(spec, "failed", record))
                    raise
                settle(Outcome(spec, result.status, record), result.detail)
        except BaseException as exc:
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            log.write(f"run stopped ({reason}); finished sets are kept, re-run to go on")
            raise
        finally:
            if engine is not None:
                engine.close()
            book.close()
            report.seconds = time.perf_counter() - start
            if len(report.outcomes) == len(manifest.sets):
                log.write(
                    f"run ended: {report.count('done')} done, {report.count('skipped')} skipped, "
                    f"{report.count('failed')} failed in {report.seconds:.1f}s"
                )
            log.close()
        order = {s.id: n for n, s in enumerate(manifest.sets)}
        report.outcomes.sort(key=lambda o: order[o.spec.id])
        write_summary(folder, manifest, report.outcomes)
    return report
