"""The batch state on disk: a journal of finished sets, a lock, and clean-up after a killed run.

The journal is JSON lines, one record per finished (or failed) set, appended and fsynced right after
that set's TEI is renamed into place. A kill at any moment therefore loses at most the sets that were
still running: a TEI without a journal record is simply redone, and a torn last line (a kill during
the append) is ignored. The latest record of an id wins.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, OutputError

JOURNAL = "batch.journal.jsonl"
LOCK = ".batch.lock"


def load(folder: Path) -> dict[str, dict]:
    records: dict[str, dict] = {}
    path = folder / JOURNAL
    if not path.exists():
        return records
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line torn by a kill during the append
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                records[record["id"]] = record
    return records


class Journal:
    def __init__(self, folder: Path) -> None:
        self._fd = os.open(folder / JOURNAL, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._folder = folder

    def append(self, record: dict) -> None:
        """Durably record one set; call only after its output file is in place."""
        _fsync_dir(self._folder)  # make the TEI's rename durable before the record that vouches for it
        try:
            os.write(self._fd, (json.dumps(record, ensure_ascii=False) + "\n").encode())
            os.fsync(self._fd)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", self._folder / JOURNAL) from None

    def close(self) -> None:
        os.close(self._fd)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Only one batch at a time may write to a folder (two would interleave the journal)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; documented as unprotected
        yield
        return
    with open(folder / LOCK, "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise InputError("another batch is writing to this folder", folder) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
