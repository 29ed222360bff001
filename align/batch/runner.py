"""Run a manifest: decide what is already done, dispatch the rest, write each TEI and journal it.

A set is skipped when the journal's latest record for its id is ``done`` with the same content key
(the bytes of every input, the manifest's metadata and names, the alignment options, the align
version) and its TEI is still there. When only what is reported changed (``--terms`` added, removed
or edited: the report key), the set is not aligned again: its findings are counted from that TEI
(``reported``). A set that failed with the same key stays failed unless ``retry_failed``;
a changed input makes it run again by itself, and so does a failure that was not the set's own
(``transient``: its worker was lost, its TEI could not be written). Sets of an earlier run that the
manifest no longer lists keep their files, marked ``stale`` in the summary and the log.

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
from ..io.fsutil import atomic_write_bytes, output_folder, remove_stale_temporaries
from . import journal
from .engines import make_engine, run_jobs
from .manifest import Manifest, SetSpec
from .summary import write_summary
from .task import SetJob, SetResult, worker_threads

LOG = "batch.log"
TEI_SUFFIX = ".tei.xml"
REPORT_SUFFIX = ".report.html"  # as align report FOLDER names them


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
    stale: list[Outcome] = field(default_factory=list)  # earlier sets the manifest no longer lists

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def sentences(self) -> int:
        """Sentences aligned in this run (all languages)."""
        return sum(sum(o.record.get("sentences", {}).values()) for o in self.outcomes if o.status == "done")


def tei_name(set_id: str) -> str:
    return set_id + TEI_SUFFIX


def report_name(set_id: str) -> str:
    return set_id + REPORT_SUFFIX


def _digest(path: str | Path) -> str:
    from ..io.reader import read_bytes

    return hashlib.sha256(read_bytes(path)).hexdigest()


def set_key(spec: SetSpec, config: BatchConfig) -> str:
    """Content hash of everything that shapes a set's TEI; InputError if an input cannot be read."""
    payload = {
        "id": spec.id,
        "versions": [(v.lang, v.name, _digest(v.path)) for v in spec.versions],
        "meta": spec.meta,
        "settings": config.options.as_settings(),
        "timestamp": config.timestamp,
        "derived": config.derived,
        "align": __version__,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def report_key(config: BatchConfig) -> str | None:
    """Hash of what shapes a set's findings beyond its TEI (the termbase); None without one."""
    if not config.terms:
        return None
    return hashlib.sha256(f"{_digest(config.terms)} {__version__}".encode()).hexdigest()


def _record(result: SetResult, spec: SetSpec, reported: str | None) -> dict:
    """``reported``: the report key the findings were counted under (None: not counted)."""
    finished = result.status in ("done", "reported")
    return {
        "id": result.id,
        "key": result.key,
        "report_key": reported if finished else None,
        "status": result.status,
        "error": result.error,
        "seconds": round(result.seconds, 3),
        "peak_rss_mb": None if result.peak_rss_mb is None else round(result.peak_rss_mb, 1),
        "file": tei_name(spec.id) if finished else None,
        "report": report_name(spec.id) if finished and result.report is not None else None,
        "finished": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "warnings": result.warnings,
        "transient": result.transient,
        **asdict(result.stats),
    }


class _Log:
    """The human-readable run log, appended across runs."""

    def __init__(self, path: Path) -> None:
        self._fh = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in _Run.run's finally

    def write(self, line: str) -> None:
        # the log only informs: a full disk must not turn into a traceback here (the journal reports it)
        with contextlib.suppress(OSError):
            self._fh.write(f"{datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')} {line}\n")
            self._fh.flush()

    def outcome(self, outcome: Outcome, detail: str | None = None) -> None:
        rec = outcome.record
        if outcome.status == "stale":
            self.write(
                f"{outcome.spec.id} stale: not in the manifest any more; its files are from an earlier run"
            )
            return
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
        self.write(f"{outcome.spec.id} {outcome.status} {rec.get('seconds', 0):.2f}s ({sizes})")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._fh.close()


def prepare_output(out: str | Path) -> Path:
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise InputError("output folder is a file", folder)
    return output_folder(folder)  # created if missing, inside an existing folder only


def run_batch(
    manifest: Manifest,
    out: str | Path,
    config: BatchConfig = BatchConfig(),
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
    report: BatchReport | None = None,
) -> BatchReport:
    """Align every set of ``manifest`` into ``out``; per-set failures are recorded, never raised.
    ``report``: filled in as sets finish, so a caller interrupted midway can say what was done."""
    folder = prepare_output(out)
    start = time.perf_counter()
    report = BatchReport() if report is None else report
    with journal.locked(folder):
        remove_stale_temporaries(folder, force=True)
        _Run(manifest, folder, config, report, on_outcome).run(start)
    return report


class _Run:
    """One run of a manifest into a folder (held locked): what the journal says was done before, the
    jobs still to do, and each outcome recorded in the journal, the log and the report as it comes."""

    def __init__(
        self,
        manifest: Manifest,
        folder: Path,
        config: BatchConfig,
        report: BatchReport,
        on_outcome: Callable[[Outcome], None] | None,
    ) -> None:
        self.manifest, self.folder, self.config, self.report = manifest, folder, config, report
        self.on_outcome = on_outcome
        self.previous = journal.load(folder)
        self.log = _Log(folder / LOG)
        self.book = journal.Journal(folder)
        remote = config.engine == "dask" and config.scheduler
        self.threads = (
            config.options.threads if remote else worker_threads(config.options.threads, config.jobs)
        )
        self.options = replace(config.options, threads=self.threads)
        self.specs = {s.id: s for s in manifest.sets}
        self.reported = report_key(config)
        report.stale = [
            Outcome(SetSpec(set_id, ()), "stale", record)
            for set_id, record in self.previous.items()
            if set_id not in self.specs and record.get("file") and (folder / record["file"]).is_file()
        ]

    def run(self, start: float) -> None:
        """Dispatch the jobs and settle each result; then the log's last line and the summary files."""
        self._log_start()
        engine = None
        try:
            engine = make_engine(
                self.config.engine,
                self.config.jobs,
                self.config.scheduler,
                processes=self.config.dask_processes,
            )
            for result in run_jobs(engine, self.jobs()):
                self.write(result)
        except BaseException as exc:
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            self.log.write(f"run stopped ({reason}); finished sets are kept, re-run to go on")
            self.log.write(stopped_summary(self.report, self.manifest))
            raise
        finally:
            if engine is not None:
                engine.close()
            self.book.close()
            self.report.seconds = time.perf_counter() - start
            self._log_end()
            self.log.close()
        order = {s.id: n for n, s in enumerate(self.manifest.sets)}
        self.report.outcomes.sort(key=lambda o: order[o.spec.id])
        write_summary(self.folder, self.manifest, [*self.report.outcomes, *self.report.stale])

    def settle(self, outcome: Outcome, detail: str | None = None) -> None:
        """A set is finished for this run: into the report, the log and the caller's callback."""
        self.report.outcomes.append(outcome)
        self.log.outcome(outcome, detail)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def jobs(self) -> Iterator[SetJob]:
        """The sets to send to the engine; the others are settled here (done before, or failed)."""
        for spec in self.manifest.sets:
            job = self._job(spec)
            if job is not None:
                yield job

    def _job(self, spec: SetSpec) -> SetJob | None:
        """The set's job, or None when it is settled without one (skipped, failed before, unreadable)."""
        try:
            key = set_key(spec, self.config)
        except InputError as exc:  # an input is missing or unreadable: fails here, never sent
            record = _record(SetResult(spec.id, "", "failed", 0.0, error=str(exc)), spec, None)
            self.book.append(record)
            self.settle(Outcome(spec, "failed", record))
            return None
        before = self.previous.get(spec.id)
        existing = None
        if before is not None and before.get("key") == key:
            aligned = self.folder / tei_name(spec.id)
            if before.get("status") in ("done", "reported") and aligned.is_file():
                if self._reported_alike(before):
                    self.settle(Outcome(spec, "skipped", before))
                    return None
                existing = aligned.read_bytes()  # only the report changed: no realignment
            if before.get("status") == "failed" and not (self.config.retry_failed or before.get("transient")):
                self.settle(Outcome(spec, "failed", before))
                return None
        return self._new_job(spec, key, existing)

    def _reported_alike(self, before: dict) -> bool:
        """Whether the earlier findings were counted under this run's report key, its report still there."""
        report = before.get("report")
        return before.get("report_key") == self.reported and (not report or (self.folder / report).is_file())

    def _new_job(self, spec: SetSpec, key: str, existing: bytes | None) -> SetJob:
        return SetJob(
            id=spec.id,
            inputs=tuple((v.lang, str(v.path)) for v in spec.versions),
            names=tuple(v.name for v in spec.versions),
            meta=tuple(sorted(spec.meta.items())),
            options=self.options,
            key=key,
            timestamp=self.config.timestamp,
            derived=self.config.derived,
            terms=self.config.terms,
            tei=existing,
        )

    def write(self, result: SetResult) -> None:
        """Write a set's TEI (and report), journal it and settle it; OutputError stops the run, the set
        recorded as failed (transient: the next run retries it)."""
        spec = self.specs[result.id]
        try:
            if result.tei is not None:
                atomic_write_bytes(self.folder / tei_name(spec.id), result.tei)
            if result.report is not None:
                atomic_write_bytes(self.folder / report_name(spec.id), result.report)
            record = _record(result, spec, self.reported)
            self.book.append(record)
        except OutputError as exc:
            failed = replace(result, status="failed", error=str(exc), tei=None, transient=True)
            record = _record(failed, spec, None)
            with contextlib.suppress(OutputError):  # the journal may be on the same full disk
                self.book.append(record)
            self.settle(Outcome(spec, "failed", record))
            raise
        self.settle(Outcome(spec, result.status, record), result.detail)

    def _log_start(self) -> None:
        manifest, config, settings = self.manifest, self.config, self.options.as_settings()
        self.log.write(
            f"run: {manifest.path} ({len(manifest.sets)} sets; languages {', '.join(manifest.langs)}; "
            f"metadata {', '.join(manifest.meta_columns) or 'none'}); engine {config.engine}, "
            f"jobs {config.jobs}, {self.threads} embedding threads each; settings {settings}"
        )

    def _log_end(self) -> None:
        """The stale sets and the counts, once every set of the manifest is settled."""
        report = self.report
        if len(report.outcomes) != len(self.manifest.sets):
            return
        for outcome in report.stale:
            self.log.outcome(outcome)
        self.log.write(
            f"run ended: {report.count('done')} done, {report.count('reported')} reported again, "
            f"{report.count('skipped')} skipped, {report.count('failed')} failed, "
            f"{len(report.stale)} stale in {report.seconds:.1f}s"
        )


def stopped_summary(report: BatchReport, manifest: Manifest) -> str:
    """What an interrupted run finished and what it did not, for the console and the log."""
    settled = {o.spec.id for o in report.outcomes}
    left = [s.id for s in manifest.sets if s.id not in settled]
    shown = ", ".join(left[:20]) + (f" and {len(left) - 20} more" if len(left) > 20 else "")
    counts = ", ".join(f"{report.count(s)} {s}" for s in ("done", "reported", "skipped", "failed"))
    done = f"stopped after {len(settled)} of {len(manifest.sets)} sets ({counts})"
    return f"{done}; not finished: {shown or 'none'}"
