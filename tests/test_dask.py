"""``align batch --engine dask``: the same per-set function on a Dask cluster gives the same files.

The cluster is an in-process LocalCluster (threads, no worker processes) so the test stays fast (one test
runs the command's own LocalCluster with processes, to kill it);
skipped when Dask is not installed (CI installs the ``dask`` extra).
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from distributed import LocalCluster  # noqa: E402
from processes import descendants, outlived, writer_once_read  # noqa: E402
from test_batch import batch, make_corpus, stalled_batch, summary  # noqa: E402

from align.batch import engines  # noqa: E402
from align.batch.manifest import read_manifest  # noqa: E402
from align.batch.runner import BatchConfig, run_batch  # noqa: E402
from align.config import AlignOptions  # noqa: E402
from align.errors import InputError  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as c:
        yield c


def test_dask_scheduler_gives_the_same_files_as_local(tmp_path, cluster):
    manifest = make_corpus(tmp_path / "corpus", n=4)
    (tmp_path / "corpus" / "de_3.txt").write_text("", encoding="utf-8")  # one set fails on the cluster
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert batch(manifest, local, "--no-timestamp").exit_code == 3
    result = batch(
        manifest, dask, "--no-timestamp", "--engine", "dask", "--scheduler", cluster.scheduler_address
    )
    assert result.exit_code == 3, result.stderr
    for i in (1, 2, 4):
        assert (local / f"s{i}.tei.xml").read_bytes() == (dask / f"s{i}.tei.xml").read_bytes()
    df = summary(dask)
    assert df["status"].to_list() == ["done", "done", "failed", "done"]
    assert df["error"][2].endswith("de_3.txt: file is empty")

    result = batch(
        manifest, dask, "--no-timestamp", "--engine", "dask", "--scheduler", cluster.scheduler_address
    )
    assert summary(dask)["status"].to_list() == ["skipped", "skipped", "failed", "skipped"]


def test_dask_without_scheduler_starts_a_local_cluster(tmp_path):
    manifest = read_manifest(make_corpus(tmp_path / "corpus", n=2))
    config = BatchConfig(
        options=AlignOptions(method="fast", cache_dir=""), engine="dask", dask_processes=False
    )
    report = run_batch(manifest, tmp_path / "out", config)
    assert [o.status for o in report.outcomes] == ["done", "done"]
    assert (tmp_path / "out" / "s2.tei.xml").is_file()


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler tcp://127.0.0.1:9"):
        engines.DaskEngine("tcp://127.0.0.1:9", 1)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux)")
def test_local_cluster_processes_die_with_a_killed_coordinator(tmp_path):
    """kill -9 of ``align batch --engine dask`` (its own LocalCluster, worker processes): the nannies,
    workers and helpers it started do not outlive it (Dask's processes watch their parent)."""
    _, _, cmd = stalled_batch(tmp_path)
    proc = subprocess.Popen(
        [*cmd, "--engine", "dask", "--jobs", "2", "--method", "fast"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    writer = None
    try:
        writer = writer_once_read(tmp_path / "corpus" / "de_2.txt", time.monotonic() + 120)
        started = descendants(proc.pid)  # a worker is inside set 2: the cluster is up
        assert len(started) >= 2
    finally:
        proc.kill()
        proc.wait()
    left = outlived(started)
    if writer is not None:
        os.close(writer)
    assert not left, "Dask processes outlived their coordinator"


def test_the_dashboard_link_is_printed_only_when_the_scheduler_serves_one(tmp_path, cluster, monkeypatch):
    """distributed names a link from the scheduler's HTTP port, which also runs without a dashboard
    (no bokeh here): then nothing is printed. A scheduler serving bokeh's application gets its link."""
    manifest = make_corpus(tmp_path / "corpus", n=1)
    args = ("--engine", "dask", "--scheduler", cluster.scheduler_address)
    result = batch(manifest, tmp_path / "out", *args)
    assert result.exit_code == 0, result.stderr
    assert cluster.scheduler.http_application.applications == []  # the scheduler has no dashboard
    assert "Dask dashboard" not in result.stderr

    class BokehApplication:  # what distributed.dashboard.scheduler.connect adds
        pass

    monkeypatch.setattr(cluster.scheduler.http_application, "applications", [BokehApplication()])
    result = batch(manifest, tmp_path / "again", *args)
    assert result.exit_code == 0, result.stderr
    port = cluster.scheduler.http_server.port
    assert re.search(rf"^align: Dask dashboard: http://[\w.-]+:{port}/status$", result.stderr, re.M)
