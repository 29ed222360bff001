"""Termbases (TBX 2019 and v2, CSV/TSV/XLSX glossaries) and inflection- and script-aware term matching.

Load once, check the languages, build one matcher per text language and reuse it::

    tb = load_termbase("kosovo.tbx")
    tb.require_langs(["en", "sr-Cyrl"])
    matches = TermMatcher(tb, "sr-Cyrl").find(sentence)  # TermMatch(hit, start, end), text order
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ..config import FRAMING_FIELD
from ..io.reader import read_bytes
from .match import TermMatch, TermMatcher
from .termbase import Concept, Term, Termbase, build_termbase

__all__ = ["Concept", "Term", "TermMatch", "TermMatcher", "Termbase", "load_termbase"]

_XML_EXTENSIONS = {".tbx", ".xml"}


def load_termbase(
    path: str | Path, *, framing_field: str = FRAMING_FIELD, labels: Collection[str] | None = None
) -> Termbase:
    """Read a termbase; the format follows the content (XML is TBX), then the extension.

    ``framing_field`` names the TBX ``type`` (or glossary column) holding framing labels;
    ``labels``, when given, is the allowed label vocabulary (anything else is an InputError).
    """
    from .glossary import XLSX_MAGIC

    data = read_bytes(path, binary=XLSX_MAGIC)
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<") or Path(str(path)).suffix.lower() in _XML_EXTENSIONS:
        from .tbx import read_tbx

        rows = read_tbx(path, data, framing_field)
    else:
        from .glossary import read_glossary

        rows = read_glossary(path, data, framing_field)
    return build_termbase(rows, path, labels=labels)
