"""Glossary tables (CSV, TSV, XLSX) in the two layouts users have.

- **long**: one term per row, columns ``concept``, ``lang``, ``term`` and optionally ``framing``,
  ``status`` (what ``kosovo.csv`` uses and TBX converters write);
- **wide**: one concept per row, one column per language, as CAT and QA tools and spreadsheets export
  glossaries: a column named by a language tag (``en``, ``de``, ``sr-Latn``, ``en_US``) holds that
  language's term(s), synonyms in one cell separated by ``;``, ``|`` or a line break; optional
  ``concept`` (or ``id``), ``framing_<lang>`` and ``status_<lang>`` per language, ``framing`` and
  ``status`` for the whole row, and ``note``/``notes``/``comment``/``definition``/``domain``
  columns, which are read past.

The layout follows the header: a ``lang`` or ``term`` column makes it long. For CSV/TSV the delimiter
follows the extension (``.tsv``/``.tab`` tab, ``.csv`` comma) unless the header line shows otherwise
(spreadsheets in many locales save ``.csv`` with semicolons), then is sniffed from it. XLSX is read
with openpyxl (first sheet, cell values rather than formulas).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import polars as pl

from ..errors import InputError, clip
from ..io.reader import decode_text
from .termbase import RawTerm, canonical_tag

REQUIRED = ("concept", "lang", "term")
WIDE_CONCEPT = ("concept", "id")
WIDE_IGNORED = ("note", "notes", "comment", "comments", "definition", "domain")
_BY_EXTENSION = {".tsv": "\t", ".tab": "\t", ".csv": ","}
_SYNONYMS = re.compile(r"[;|\n]")
XLSX_MAGIC = b"PK\x03\x04"
# What an XLSX may hold once unzipped (its directory says, and zipfile never inflates past that): a
# glossary of 100,000 terms is about 20 MB; a small file that unzips to gigabytes is refused unread.
MAX_XLSX_UNZIPPED = 200 << 20
_DUPLICATED = re.compile(r"_duplicated_\d+$")  # how polars renames a repeated CSV header

Table = tuple[list[str], list[tuple[str | None, ...]]]  # header, rows (cells as text or None)


def _delimiter(header: str, path: str | Path) -> str:
    preferred = _BY_EXTENSION.get(Path(str(path)).suffix.lower())
    if preferred is not None and preferred in header:
        return preferred
    counts = {d: header.count(d) for d in ("\t", ",", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else (preferred or ",")


def _read_delimited(path: str | Path, data: bytes) -> Table:
    text = decode_text(data, path)
    sep = _delimiter(text.split("\n", 1)[0], path)
    try:
        # Tab-separated files follow the IANA convention: no quoting, so a '"' in a term is literal.
        df = pl.read_csv(
            io.BytesIO(text.encode()),
            separator=sep,
            quote_char=None if sep == "\t" else '"',
            infer_schema=False,
        )
    except pl.exceptions.PolarsError as exc:
        kind = "TSV" if sep == "\t" else "CSV"
        raise InputError(f"cannot read as {kind}: {str(exc).splitlines()[0]}", path) from None
    return df.columns, df.rows()


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a concept id typed as 12 comes back as 12.0
    return str(value)


def _check_unzipped_size(path: str | Path, data: bytes) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            size = sum(member.file_size for member in book.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"cannot read as XLSX: {type(exc).__name__}: {clip(str(exc))}", path) from None
    if size > MAX_XLSX_UNZIPPED:
        raise InputError(
            f"the XLSX unzips to {size >> 20} MB, more than a glossary needs ({MAX_XLSX_UNZIPPED >> 20} MB): "
            "refused unread",
            path,
        )


def _read_xlsx(path: str | Path, data: bytes) -> Table:
    import openpyxl

    _check_unzipped_size(path, data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = [tuple(_cell(v) for v in row) for row in book.worksheets[0].iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - a damaged zip or sheet fails in openpyxl, zipfile, zlib or
        # an XML parser in ways none of them documents (zlib.error, EOFError, ParseError, ...): all one line
        raise InputError(f"cannot read as XLSX: {type(exc).__name__}: {clip(str(exc))}", path) from None
    if not rows:
        raise InputError("the first sheet is empty", path)
    header = [h or "" for h in rows[0]]
    return header, rows[1:]


def read_glossary(path: str | Path, data: bytes, framing_field: str) -> list[RawTerm]:
    header, rows = _read_xlsx(path, data) if data.startswith(XLSX_MAGIC) else _read_delimited(path, data)
    _refuse_repeated_columns(path, header)
    columns = {c.strip().casefold(): i for i, c in enumerate(header)}
    if "lang" in columns or "term" in columns:
        return _long(path, header, rows, columns, framing_field)
    return _wide(path, header, rows, columns, framing_field)


def _refuse_repeated_columns(path: str | Path, header: list[str]) -> None:
    """One column twice (``en,en``), or twice in other case (``en,EN``), would leave one unread."""
    seen: dict[str, str] = {}
    for raw in header:
        written = _DUPLICATED.sub("", raw.strip())
        if written.casefold() not in seen:
            seen[written.casefold()] = written
            continue
        first = seen[written.casefold()]
        if first == written:
            raise InputError(f"column {clip(written)} appears twice", path)
        tag = _tag(written.casefold())
        same = f"the same language ({tag})" if tag else "the same column"
        raise InputError(f"columns {clip(first)} and {clip(written)} name {same}", path)


def _text_rows(rows: list[tuple[str | None, ...]]):
    """(spreadsheet line number, row) for rows with any text; the header is line 1."""
    for i, row in enumerate(rows):
        if any(v is not None and v.strip() for v in row):
            yield i + 2, row


def _long(path, header, rows, columns, framing_field) -> list[RawTerm]:
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        found = ", ".join(header)
        raise InputError(f"missing column(s) {', '.join(missing)} (found: {found})", path)
    framing = columns.get(framing_field.casefold())
    status = columns.get("status")

    def get(row, i):
        return None if i is None or i >= len(row) else row[i]

    return [
        RawTerm(
            concept=(get(row, columns["concept"]) or "").strip(),
            lang=(get(row, columns["lang"]) or "").strip(),
            text=get(row, columns["term"]) or "",
            framing=get(row, framing),
            status=get(row, status),
            where=f"line {line}",
        )
        for line, row in _text_rows(rows)
    ]


def _wide(path, header, rows, columns, framing_field) -> list[RawTerm]:
    """One concept per row: classify every column, then one RawTerm per term in a language cell."""
    field = framing_field.casefold()
    concept_col = next((columns[c] for c in WIDE_CONCEPT if c in columns), None)
    langs: dict[str, int] = {}  # canonical tag -> column
    per_lang: dict[tuple[str, str], int] = {}  # ("framing"|"status", canonical tag) -> column
    unknown: list[str] = []  # columns that are none of the above
    for name, i in columns.items():
        if i == concept_col or name in WIDE_IGNORED or name in (field, "status"):
            continue
        kind, _, tag = name.partition("_")
        per = kind in (field, "status") and tag
        canonical = _tag(tag if per else name)
        if canonical is None:
            unknown.append(header[i])
        elif per:
            per_lang[("framing" if kind == field else "status", canonical)] = i
        elif canonical in langs:
            raise InputError(
                f"columns {clip(header[langs[canonical]])} and {clip(header[i])} name the same language "
                f"({canonical})",
                path,
            )
        else:
            langs[canonical] = i
    if unknown and not langs and "concept" in columns:  # a long glossary, misnamed columns: say what it lacks
        return _long(path, header, rows, columns, framing_field)
    if unknown:
        raise InputError(
            f"column {unknown[0]!r} is not a language tag nor one of "
            f"{', '.join(WIDE_CONCEPT + WIDE_IGNORED)}, framing_<lang>, status_<lang>",
            path,
        )
    if not langs:
        found = ", ".join(header)
        raise InputError(
            f"no language columns: expected concept, lang, term (one term a row) or one column per "
            f"language tag such as en, de, sr-Latn (found: {found})",
            path,
        )
    missing = sorted({tag for _, tag in per_lang} - set(langs))
    if missing:
        raise InputError(
            f"{field}_/status_ column(s) for {', '.join(missing)} but no such language column", path
        )
    out = []
    for line, row in _text_rows(rows):

        def get(i: int | None, row=row) -> str | None:
            return None if i is None or i >= len(row) else row[i]

        concept = (get(concept_col) or "").strip() or f"row-{line}"
        for tag, i in langs.items():
            for term in _SYNONYMS.split(get(i) or ""):
                if term.strip():
                    out.append(
                        RawTerm(
                            concept=concept,
                            lang=tag,
                            text=term,
                            framing=get(per_lang.get(("framing", tag), columns.get(field))),
                            status=get(per_lang.get(("status", tag), columns.get("status"))),
                            where=f"line {line}",
                        )
                    )
    return out


def _tag(name: str) -> str | None:
    try:
        return canonical_tag(name, "", "")
    except InputError:
        return None
