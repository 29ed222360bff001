"""Writing outputs so that a failure or a kill never leaves a half-written file, and only the file the
user named is touched.

A regular file (or a symlink to one, or a new name) is written through a temporary file next to the
real target and renamed into place: a file replaced keeps its permissions (and owner and group where
allowed), but its other hard links keep the old version. A device, a FIFO or anything under ``/dev``
and ``/proc`` (``/dev/stdout``) is written directly, as shell redirection would: renaming over it
would replace the device itself. ``-`` (standard output) is spooled and copied out only when the
block succeeds, so a failure midway prints nothing. A missing folder is never created: the output's
folder must exist (a folder output, :func:`output_folder`, may itself be new). Any OS error (a
read-only folder, a full disk, a directory in the way) becomes an :class:`~align.errors.OutputError`
naming the path.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError, OutputError, clip

TMP_TAG = "align-"  # temporaries are .NAME.align-XXXXXXXX.tmp: nothing else is ever cleaned up
_TMP = re.compile(rf"\..+\.{TMP_TAG}[a-z0-9_]{{8}}\.tmp")
STALE_AFTER_S = 10.0  # older than this and not locked by a live writer: left by a killed run
SPOOL_BYTES = 32 << 20  # standard output is buffered in memory up to this, then on disk
_DIRECT_ROOTS = ("/dev/", "/proc/")
_cleaned: set[Path] = set()  # folders already swept by this process


def _direct(target: Path) -> bool:
    """Write in place: a device, FIFO or socket (after symlinks), or anything under /dev or /proc."""
    if str(target.absolute()).startswith(_DIRECT_ROOTS):
        return True
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


@contextlib.contextmanager
def _as_output_error(path: str | Path) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None


@contextlib.contextmanager
def atomic_output(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open ``path`` for writing; the file appears (or changes) only if the block succeeds."""
    binary = "b" in mode
    target = Path(path)
    if str(path) != "-" and not _direct(target) and target.resolve().is_dir():
        raise OutputError("is a directory, expected a file name", path)
    with _as_output_error("<stdout>" if str(path) == "-" else path):
        if str(path) == "-":
            with _spooled_stdout(binary, encoding) as fh:
                yield fh
        elif _direct(target):
            with open(target, mode, encoding=None if binary else encoding) as fh:
                yield fh
        else:
            _check_folder(target)
            with _replacing(target.resolve(), mode, encoding) as fh:  # a symlink's target is replaced
                yield fh


@contextlib.contextmanager
def _spooled_stdout(binary: bool, encoding: str | None) -> Iterator[IO]:
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as spool:
        fh = spool if binary else io.TextIOWrapper(spool, encoding=encoding, newline="")
        try:
            yield fh
            fh.flush()
        finally:
            if not binary:
                fh.detach()  # the spool closes once, below
        spool.seek(0)
        sys.stdout.flush()
        shutil.copyfileobj(spool, sys.stdout.buffer)
        sys.stdout.buffer.flush()


@contextlib.contextmanager
def _replacing(real: Path, mode: str, encoding: str | None) -> Iterator[IO]:
    remove_stale_temporaries(real.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.{TMP_TAG}", suffix=".tmp", dir=real.parent)
    try:
        _lock(fd)
        _permissions(fd, real)
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _check_folder(output: Path) -> None:
    """An output's folder must exist: creating it would touch more than the file the user named (and a
    typo in a path would quietly grow a new tree, as root even at ``/``)."""
    folder = output.parent
    if not output.resolve().parent.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"the folder {folder} {what}", output)


def output_folder(path: str | Path) -> Path:
    """A folder output (``-o DIR`` of several files): created if missing, but only inside an existing
    folder, as a file output would be."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise OutputError("is a file, expected a folder", folder)
    _check_folder(folder)
    with _as_output_error(folder):
        folder.mkdir(exist_ok=True)
    return folder


def _permissions(fd: int, real: Path) -> None:
    """A new file gets the usual permissions (mkstemp makes 0600); a replaced one keeps its own, and
    its owner and group where allowed, as shell redirection would (a private file stays private). If
    the group cannot be kept, the group gets no access: it would be another group than the file's."""
    try:
        old = real.stat()
    except OSError:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    mode = stat.S_IMODE(old.st_mode) & 0o777
    if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:
            with contextlib.suppress(OSError):
                os.fchown(fd, -1, old.st_gid)
            if os.fstat(fd).st_gid != old.st_gid:
                mode &= ~0o070
    os.fchmod(fd, mode)


def _lock(fd: int) -> None:
    """Mark a temporary as in use, so that another process's clean-up leaves it alone."""
    with contextlib.suppress(ImportError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _abandoned(path: Path) -> bool:
    """Old and not locked: its writer is gone (without advisory locks, never assume so)."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        if time.time() - path.lstat().st_mtime < STALE_AFTER_S:
            return False
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    finally:
        os.close(fd)  # also releases the lock
    return True


def remove_stale_temporaries(folder: Path, *, force: bool = False) -> list[Path]:
    """Remove the temporaries that killed runs left in ``folder`` (our naming pattern only), once per
    process and folder unless ``force``; returns what was removed."""
    key = folder.absolute()
    if key in _cleaned and not force:
        return []
    _cleaned.add(key)
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            path = Path(entry.path)
            if _TMP.fullmatch(entry.name) and entry.is_file(follow_symlinks=False) and _abandoned(path):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed


SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")  # ids we accept: portable file names
_PLAIN_NAME = re.compile(r"[^/\\\x00.][^/\\\x00]{0,199}")  # names read from data: no separators, not hidden


def check_name(name: str, what: str, path: str | Path | None = None, *, strict: bool = True) -> str:
    """``name`` if it can be a file name inside a folder we were given; InputError otherwise.
    ``strict``: letters, digits, '.', '_', '-' only (ids the user gives); else any name without a
    path separator that does not start with a dot (names read from files written by others)."""
    if (SAFE_NAME if strict else _PLAIN_NAME).fullmatch(name):
        return name
    rule = (
        "use letters, digits, '.', '_', '-'; start with a letter or digit"
        if strict
        else "it holds a path separator or starts with a dot"
    )
    raise InputError(f"{what} {clip(name)} cannot name a file ({rule})", path)


def refuse_inputs(output: str | Path, inputs: Iterable[str | Path | None], option: str = "-o") -> None:
    """InputError when ``output`` is one of ``inputs`` (by name or, through links, the same file), or
    its folder does not exist: commands call this first, so a bad ``-o`` stops them before any work."""
    if str(output) == "-" or _direct(Path(output)):
        return
    _check_folder(Path(output))
    for name in inputs:
        if name is None or str(name) == "-":
            continue
        with contextlib.suppress(OSError):
            if os.path.samefile(output, name):
                raise InputError(f"{option} names the input {name}: choose another output file", output)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_output(path, "wb") as fh:
        fh.write(data)


def atomic_write_text(path: str | Path, text: str) -> None:
    with atomic_output(path, "w") as fh:
        fh.write(text)
