"""What every benchmark script needs to find: the repository and the workplace's shared/ data."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """``$ALIGN_SHARED``, else ``shared/`` beside the repository; None when it holds no data."""
    path = Path(os.environ.get("ALIGN_SHARED", REPO.parent / "shared"))
    return path if (path / "data").is_dir() else None


def data_dir(name: str, marker: str) -> Path | None:
    """``shared/data/<name>`` when it holds ``marker``; otherwise say so (the benchmark then exits 0)."""
    shared = shared_dir()
    path = shared / "data" / name if shared else None
    if path is None or not (path / marker).is_file():
        print(f"shared/data/{name} not found (set ALIGN_SHARED): nothing to benchmark")
        return None
    return path


def median_time(func: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``repeats`` calls of ``func``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
