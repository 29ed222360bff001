"""Reading plain-text inputs strictly: UTF-8 only, with messages that say where a file goes wrong.

A BOM and CRLF/CR line ends are accepted (and normalised to LF); binary data, invalid UTF-8, empty
files and directories are refused with the position of the problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .errors import InputError, warn

# C0 controls other than tab and newline cannot be stored in XML 1.0; they come from PDFs and terminals.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return f"line {line}, column {column} (byte {offset})"


def read_bytes(path: str | Path) -> bytes:
    if str(path) == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError("file not found", path)
    if p.is_dir():
        raise InputError("is a directory, expected a text file", path)
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 bytes to text with LF line ends; InputError for anything that is not UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16 encoded; convert it to UTF-8", path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"binary data, not text (NUL byte at {_position(data, nul)})", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at {_position(data, exc.start)}", path) from None
    if not text.strip():
        raise InputError("file is empty", path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = _CONTROL.search(text)
    if first is not None:
        line = text.count("\n", 0, first.start()) + 1
        count = len(_CONTROL.findall(text))
        warn(f"{count} control character(s) replaced by spaces (first on line {line})", path)
        text = _CONTROL.sub(" ", text)
    return text


def read_text(path: str | Path) -> str:
    return decode_text(read_bytes(path), "<stdin>" if str(path) == "-" else path)
