"""CSV/TSV glossary reader: one term per row, columns concept, lang, term and optionally framing, status.

The delimiter follows the extension (``.tsv``/``.tab`` tab, ``.csv`` comma) unless the header line
shows otherwise (spreadsheets in many locales save ``.csv`` with semicolons), then is sniffed from it.
"""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from ..errors import InputError
from ..reader import decode_text
from .model import RawTerm

REQUIRED = ("concept", "lang", "term")
_BY_EXTENSION = {".tsv": "\t", ".tab": "\t", ".csv": ","}


def _delimiter(header: str, path: str | Path) -> str:
    preferred = _BY_EXTENSION.get(Path(str(path)).suffix.lower())
    if preferred is not None and preferred in header:
        return preferred
    counts = {d: header.count(d) for d in ("\t", ",", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else (preferred or ",")


def read_glossary(path: str | Path, data: bytes, framing_field: str) -> list[RawTerm]:
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
    columns = {c.strip().casefold(): c for c in df.columns}
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        found = ", ".join(df.columns)
        raise InputError(f"missing column(s) {', '.join(missing)} (found: {found})", path)
    framing = columns.get(framing_field.casefold())
    status = columns.get("status")
    rows: list[RawTerm] = []
    for i, row in enumerate(df.iter_rows(named=True)):
        if all(v is None or not v.strip() for v in row.values()):
            continue  # blank line
        rows.append(
            RawTerm(
                concept=(row[columns["concept"]] or "").strip(),
                lang=(row[columns["lang"]] or "").strip(),
                text=row[columns["term"]] or "",
                framing=row[framing] if framing else None,
                status=row[status] if status else None,
                where=f"line {i + 2}",
            )
        )
    return rows
