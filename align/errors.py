"""User-facing errors and warnings.

Library code raises :class:`InputError` for anything the user can fix (a bad file, a bad option);
the CLI turns it into a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("align")


class InputError(Exception):
    """A problem with user input; the message names the file (when there is one), the line when it is
    known (``FILE:LINE: message``, as compilers and linters write it) and what is wrong."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        where = f"{self.path}:{line}" if self.path and line else self.path
        super().__init__(f"{where}: {message}" if where else message)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where it arrives so the run unwinds as it does on Ctrl-C."""


def clip(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to about ``limit`` characters, so a hostile value cannot flood a message."""
    text = repr(value) if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({len(str(value))} characters)"


def warn(message: str, path: str | Path | None = None) -> None:
    """A problem the run can go on with."""
    log.warning(f"{path}: {message}" if path is not None else message)


class OutputError(InputError):
    """An output could not be written (a read-only folder, a full disk, a folder in the way); the
    message names the path and the system's reason."""
