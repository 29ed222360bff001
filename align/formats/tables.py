"""One row per link, as Parquet (ids as lists) or TSV/CSV (ids joined with spaces).

Columns: ``set_id``, ``pair``, ``src_lang``, ``tgt_lang``, ``src_ids``, ``tgt_ids``, ``link_type``
(``1-2``), ``cert`` (null when unknown), ``status`` (auto / manual / derived), ``src_text``,
``tgt_text``, then the sets' metadata (the manifest's extra columns), null where a set has none.
Links with one side empty (``1-0``, ``0-1``) are rows too, with empty ids and text on that side.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path

import polars as pl

from ..errors import warn
from ..io.fsutil import atomic_write_bytes
from ..model import Alignment, DocumentSet
from ..model.rows import set_link_texts
from . import check_output

SCHEMA: dict[str, pl.DataType] = {
    "set_id": pl.String(),
    "pair": pl.String(),
    "src_lang": pl.String(),
    "tgt_lang": pl.String(),
    "src_ids": pl.List(pl.String()),
    "tgt_ids": pl.List(pl.String()),
    "link_type": pl.String(),
    "cert": pl.Float64(),
    "status": pl.String(),
    "src_text": pl.String(),
    "tgt_text": pl.String(),
}
LINK_COLUMNS = frozenset(SCHEMA)


def _frame(docset: DocumentSet, alignment: Alignment) -> pl.DataFrame:
    rows = set_link_texts(docset, alignment)
    columns = {
        "set_id": [docset.id] * len(rows),
        "pair": [alignment.pair] * len(rows),
        "src_lang": [alignment.src_lang] * len(rows),
        "tgt_lang": [alignment.tgt_lang] * len(rows),
        "src_ids": [list(u.src_ids) for u in rows],
        "tgt_ids": [list(u.tgt_ids) for u in rows],
        "link_type": [u.link.kind for u in rows],
        "cert": [u.link.cert for u in rows],
        "status": [u.link.status for u in rows],
        "src_text": [u.src_text for u in rows],
        "tgt_text": [u.tgt_text for u in rows],
    }
    frame = pl.DataFrame(columns, schema=SCHEMA)
    meta = {k: v for k, v in docset.meta.items() if k not in LINK_COLUMNS}
    for key in sorted(docset.meta.keys() - meta.keys()):
        warn(f"set {docset.id}: metadata {key!r} has the name of a link column and is left out")
    return frame.with_columns(pl.lit(v, pl.String()).alias(k) for k, v in meta.items())


def link_table(selected: Iterable[tuple[DocumentSet, Alignment]]) -> pl.DataFrame:
    frames = [_frame(docset, alignment) for docset, alignment in selected]
    if not frames:
        return pl.DataFrame(schema=SCHEMA)
    table = pl.concat(frames, how="diagonal")
    meta = [c for c in table.columns if c not in LINK_COLUMNS]  # first-seen order
    return table.select(*SCHEMA, *meta)


# A spreadsheet runs a cell that starts like this as a formula (=HYPERLINK(...), +cmd|...): CSV is
# opened in spreadsheets, so such cells get a leading apostrophe, which they show as text. TSV is for
# tools (pandas, R, awk) and stays exact.
FORMULA_START = r"^[=+\-@\t\r]"


def encode_table(
    table: pl.DataFrame, fmt: str, separators: Mapping[str, str] | None = None, *, raw: bool = False
) -> bytes:
    """``fmt``: parquet (lists kept), tsv or csv: each list column joined with its separator in
    ``separators`` (default a space, as ids are written), an empty string as an empty cell. In csv,
    a cell that a spreadsheet would run as a formula is prefixed with ``'`` unless ``raw``."""
    if fmt == "parquet":
        buffer = io.BytesIO()
        table.write_parquet(buffer)
        return buffer.getvalue()
    lists = [name for name, dtype in table.schema.items() if isinstance(dtype, pl.List)]
    flat = table.with_columns(pl.col(c).list.join((separators or {}).get(c, " ")) for c in lists)
    # an empty side is an empty cell (polars would write "" to tell it from null; no reader needs that)
    flat = flat.with_columns(pl.col(pl.String).replace("", None))
    if fmt == "csv" and not raw:
        text = [name for name, dtype in flat.schema.items() if dtype == pl.String]
        flat = flat.with_columns(
            pl.when(pl.col(c).str.contains(FORMULA_START)).then("'" + pl.col(c)).otherwise(pl.col(c)).alias(c)
            for c in text
        )
    return flat.write_csv(separator="\t" if fmt == "tsv" else ",").encode("utf-8")


def write_table(table: pl.DataFrame, output: str | Path, fmt: str, *, raw: bool = False) -> None:
    """``fmt``: parquet, tsv or csv; ``-`` writes text formats to stdout. ``raw``: see encode_table."""
    check_output(fmt, output)
    atomic_write_bytes(output, encode_table(table, fmt, raw=raw))
