"""Reading plain-text inputs strictly: UTF-8 only, with messages that say where a file goes wrong.

A BOM and CRLF/CR line ends are accepted (and normalised to LF); binary data, invalid UTF-8, empty
files and directories are refused with the position of the problem.
"""

from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

from ..errors import InputError, warn

# C0 controls other than tab and newline cannot be stored in XML 1.0; they come from PDFs and terminals.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return f"line {line}, column {column} (byte {offset})"


MAX_INPUT_BYTES = 1 << 30  # one text; a larger one is refused rather than read until memory runs out
_CHUNK = 1 << 20


def read_bytes(path: str | Path, *, binary: bytes | None = None) -> bytes:
    """The bytes of ``path`` (``-``: standard input), read in chunks: an endless source (/dev/zero, a
    stuck pipe of binary data) stops at its first chunk holding a NUL byte, which decode_text refuses
    as binary data or UTF-16, or at MAX_INPUT_BYTES. A file that starts with ``binary`` (a binary
    format's magic bytes, such as a zip's) is read to its end: NULs are part of it."""
    chunks: list[bytes] = []
    size = 0
    try:
        with contextlib.nullcontext(sys.stdin.buffer) if str(path) == "-" else open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                chunks.append(chunk)
                size += len(chunk)
                if b"\x00" in chunk and not (binary and chunks[0].startswith(binary)):
                    break
                if size > MAX_INPUT_BYTES:
                    raise InputError(f"larger than {MAX_INPUT_BYTES >> 20} MB: split it first", path)
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a text file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from None
    except ValueError:  # open() refuses a name holding a NUL byte
        raise InputError("cannot read file: its name holds a NUL byte", path) from None
    return b"".join(chunks)


def _utf16_order(data: bytes, sample: int = 4096) -> str | None:
    """ "little-endian" or "big-endian" when NUL bytes sit in one byte of many pairs and hardly ever in
    the other, as in UTF-16 text (spaces, digits and punctuation, Latin letters); else None (binary
    data has them in both)."""
    head = data[: sample - sample % 2]
    pairs = len(head) // 2
    if pairs < 8:  # too little to tell
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd >= 0.1 * pairs and even <= 0.01 * pairs:
        return "little-endian"
    if even >= 0.1 * pairs and odd <= 0.01 * pairs:
        return "big-endian"
    return None


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 bytes to text with LF line ends; InputError for anything that is not UTF-8 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("file is UTF-16 encoded; convert it to UTF-8", path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0 and (order := _utf16_order(data)):
        raise InputError(f"looks like UTF-16 ({order}) without a byte order mark; convert it to UTF-8", path)
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
