"""On-disk embedding cache, so a re-run, or another language against the same pivot, embeds nothing twice.

SQLite (stdlib) in WAL mode: readers never wait for writers, concurrent writers (``batch --jobs N``
workers) queue on a busy timeout inside ``BEGIN IMMEDIATE`` transactions, and a killed process leaves
no torn rows. Vectors are stored as exact float32 bytes, so a warm run gives byte-identical results to
a cold one. The size is bounded by evicting the least recently used rows. A cache that cannot be
opened or read is reported once and bypassed: it never fails a run.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

from ..errors import warn

FILENAME = "embeddings.sqlite3"
DEFAULT_MAX_BYTES = 1 << 30
BUSY_TIMEOUT_S = 60.0
TOUCH_AFTER_S = 3600.0  # refresh a row's last-use time at most hourly, so warm reads rarely write
_CHUNK = 500  # keys per statement, well below SQLite's bound-variable limit
_ROW_OVERHEAD = 100  # bytes per row beyond key + vector (cell headers, the two indexes), for eviction

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vec BLOB NOT NULL, used REAL NOT NULL)",
    "CREATE INDEX IF NOT EXISTS vectors_used ON vectors(used)",
)


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class EmbeddingCache:
    """Vectors keyed by opaque byte strings (the caller hashes model and text into the key)."""

    def __init__(
        self,
        directory: str | Path,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        clock: Callable[[], float] = time.time,
        touch_after: float = TOUCH_AFTER_S,
    ) -> None:
        self.path = Path(directory) / FILENAME
        self.max_bytes = max_bytes
        self._clock = clock
        self._touch_after = touch_after
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._disabled = False
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        # a connection cannot cross into another process: workers reconnect on first use
        state = self.__dict__.copy()
        state.update(_conn=None, _pid=None, _lock=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        # A connection inherited through fork must not be used by the child; it opens its own.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            with _transaction(conn):
                for statement in _SCHEMA:
                    conn.execute(statement)
        except BaseException:
            conn.close()
            raise
        self._conn, self._pid = conn, os.getpid()
        return conn

    def _fail(self, exc: Exception) -> None:
        self._disabled = True
        self.close()
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():  # a user's file: never suggest deleting it
            warn(
                "the embedding cache folder is a file; continuing without the cache "
                "(point --cache-dir or ALIGN_CACHE_DIR at a folder)",
                folder,
            )
            return
        reset = f"; {FILENAME} can be deleted to start afresh" if self.path.is_file() else ""
        warn(f"embedding cache unusable, continuing without it ({exc}){reset}", self.path)

    def get(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """The cached vectors among ``keys`` (rows of another length count as missing)."""
        if self._disabled or not keys:
            return {}
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            try:
                conn = self._connect()
                stale_before = self._clock() - self._touch_after
                stale: list[bytes] = []
                for chunk in _chunks(list(dict.fromkeys(keys))):
                    sql = f"SELECT key, vec, used FROM vectors WHERE key IN ({_marks(len(chunk))})"
                    for key, blob, used in conn.execute(sql, chunk):
                        if len(blob) != dim * 4:
                            continue
                        found[key] = np.frombuffer(blob, dtype=np.float32)
                        if used < stale_before:
                            stale.append(key)
                if stale:
                    now = self._clock()
                    with _transaction(conn):
                        for chunk in _chunks(stale):
                            conn.execute(
                                f"UPDATE vectors SET used = ? WHERE key IN ({_marks(len(chunk))})",
                                (now, *chunk),
                            )
            except (sqlite3.Error, OSError) as exc:
                self._fail(exc)
                return {}
        return found

    def put(self, keys: Sequence[bytes], vectors: np.ndarray) -> None:
        """Store one vector per key (one transaction), then evict old rows if over the size bound."""
        if self._disabled or not len(keys):
            return
        now = self._clock()
        rows = [
            (key, np.ascontiguousarray(vec, dtype=np.float32).tobytes(), now)
            for key, vec in zip(keys, vectors, strict=True)
        ]
        row_bytes = sum(len(k) + len(v) for k, v, _ in rows) / len(rows) + _ROW_OVERHEAD
        with self._lock:
            try:
                conn = self._connect()
                with _transaction(conn):
                    conn.executemany("INSERT OR REPLACE INTO vectors (key, vec, used) VALUES (?, ?, ?)", rows)
                    self._evict(conn, row_bytes)
            except (sqlite3.Error, OSError) as exc:
                self._fail(exc)

    def _evict(self, conn: sqlite3.Connection, row_bytes: float) -> None:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        live = (pages - free) * page_size
        if live <= self.max_bytes:
            return
        # Down to 90% of the bound, so that eviction runs once per many writes, not on every one.
        excess = math.ceil((live - 0.9 * self.max_bytes) / row_bytes)
        conn.execute(
            "DELETE FROM vectors WHERE rowid IN (SELECT rowid FROM vectors ORDER BY used LIMIT ?)", (excess,)
        )

    def close(self) -> None:
        """Close this process's connection (the next use reopens it)."""
        if self._conn is not None and self._pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
        self._conn = None


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` takes the write lock up front, where the busy timeout applies (a deferred
    transaction that upgrades later can fail at once instead of waiting)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def default_dir() -> Path:
    """``$ALIGN_CACHE_DIR``, else ``$XDG_CACHE_HOME/align``, else ``~/.cache/align``."""
    if os.environ.get("ALIGN_CACHE_DIR"):
        return Path(os.environ["ALIGN_CACHE_DIR"]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"  # the XDG spec ignores relative paths
    return base / "align"


def _max_bytes_from_env() -> int:
    value = os.environ.get("ALIGN_CACHE_MAX_MB", "")
    try:
        return int(float(value) * (1 << 20)) if value else DEFAULT_MAX_BYTES
    except ValueError:
        warn(f"ALIGN_CACHE_MAX_MB={value!r} is not a number; using {DEFAULT_MAX_BYTES >> 20} MB")
        return DEFAULT_MAX_BYTES


_OPEN: dict[tuple[Path, int], EmbeddingCache] = {}


def open_cache(cache_dir: str | Path | None = None) -> EmbeddingCache | None:
    """The process-wide cache for ``AlignOptions.cache_dir``: None = default location, "" = no cache.

    The size bound is ``$ALIGN_CACHE_MAX_MB`` (default 1024).
    """
    if cache_dir == "":
        return None
    directory = Path(cache_dir).expanduser() if cache_dir is not None else default_dir()
    max_bytes = _max_bytes_from_env()
    key = (directory.absolute(), max_bytes)
    if key not in _OPEN:
        _OPEN[key] = EmbeddingCache(directory, max_bytes=max_bytes)
    return _OPEN[key]
