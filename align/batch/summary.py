"""The run's summary: ``summary.parquet`` and the same table as ``summary.csv`` (one row per set of the
manifest, then the stale sets of earlier runs), ``index.html`` (the findings per set, linking to each
set's report and TEI), and the closing line printed after a run.

Columns: ``id``, the manifest's metadata columns, ``status`` (done / reported: findings counted again
from the existing TEI / skipped / failed / stale: no longer in the manifest), ``error``,
``seconds``, ``sentences_{lang}`` per language, ``links_{type}`` summed over the set's pairs,
``mean_cert`` over all links with a score, ``findings_{kind}`` (with ``--terms``), ``warnings``
(what the pipeline warned about, e.g. a text that looks like another language), ``peak_rss_mb`` of
the worker that ran the set, ``file`` (the TEI) and ``input_hash`` (the resume key).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from ..io.fsutil import atomic_write_bytes

if TYPE_CHECKING:
    from ..report.overview import SetRow
    from .manifest import Manifest
    from .runner import BatchReport, Outcome

SUMMARY = "summary.parquet"
SUMMARY_CSV = "summary.csv"
FIXED_COLUMNS = frozenset(
    {"id", "status", "error", "seconds", "mean_cert", "warnings", "peak_rss_mb", "file", "input_hash"}
)
PREFIXES = ("sentences_", "links_", "findings_")


def _kind_order(kind: str) -> tuple[int, ...]:
    return tuple(int(n) for n in kind.split("-"))


def summary_table(manifest: Manifest, outcomes: Sequence[Outcome]) -> pl.DataFrame:
    link_kinds = sorted({k for o in outcomes for k in o.record.get("links", {})}, key=_kind_order)
    finding_kinds = sorted({k for o in outcomes for k in o.record.get("findings") or {}})
    columns: dict[str, tuple[pl.DataType, list]] = {
        "id": (pl.String(), []),
        **{c: (pl.String(), []) for c in manifest.meta_columns},
        "status": (pl.String(), []),
        "error": (pl.String(), []),
        "seconds": (pl.Float64(), []),
        **{f"sentences_{lang}": (pl.Int64(), []) for lang in manifest.langs},
        **{f"links_{k}": (pl.Int64(), []) for k in link_kinds},
        "mean_cert": (pl.Float64(), []),
        **{f"findings_{k}": (pl.Int64(), []) for k in finding_kinds},
        "warnings": (pl.String(), []),
        "peak_rss_mb": (pl.Float64(), []),
        "file": (pl.String(), []),
        "input_hash": (pl.String(), []),
    }
    for o in outcomes:
        rec, ok = o.record, o.status != "failed"
        row = {
            "id": o.spec.id,
            **{c: o.spec.meta.get(c) for c in manifest.meta_columns},
            "status": o.status,
            "error": rec.get("error"),
            "seconds": rec.get("seconds"),
            **{f"sentences_{lang}": rec.get("sentences", {}).get(lang) for lang in manifest.langs},
            **{f"links_{k}": rec.get("links", {}).get(k, 0) if ok else None for k in link_kinds},
            "mean_cert": rec.get("mean_cert"),
            **{f"findings_{k}": (rec.get("findings") or {}).get(k, 0) if ok else None for k in finding_kinds},
            "warnings": "; ".join(rec.get("warnings") or ()) or None,
            "peak_rss_mb": rec.get("peak_rss_mb"),
            "file": rec.get("file"),
            "input_hash": rec.get("key") or None,
        }
        for name, (_, values) in columns.items():
            values.append(row[name])
    return pl.DataFrame({name: pl.Series(name, values, dtype) for name, (dtype, values) in columns.items()})


def write_summary(folder: Path, manifest: Manifest, outcomes: Sequence[Outcome]) -> Path:
    from ..formats.tables import write_table
    from ..report.batch_renderings import FILE as RENDERINGS
    from ..report.batch_renderings import batch_json, batch_renderings
    from ..report.overview import OVERVIEW, render_overview

    path = folder / SUMMARY
    table = summary_table(manifest, outcomes)
    write_table(table, path, "parquet")
    write_table(table, folder / SUMMARY_CSV, "csv")
    terms = batch_renderings(
        [(o.spec.id, o.record.get("renderings") or []) for o in outcomes if o.status != "stale"]
    )
    page = render_overview([_row(o) for o in outcomes], f"Batch {manifest.path.name}", terms)
    atomic_write_bytes(folder / OVERVIEW, page.encode("utf-8"))
    if terms:
        atomic_write_bytes(folder / RENDERINGS, batch_json(terms).encode("utf-8"))
    return path


def _row(outcome: Outcome) -> SetRow:
    from ..report.overview import SetRow

    rec = outcome.record
    failed = outcome.status == "failed"
    note = "not in the manifest any more" if outcome.status == "stale" else rec.get("error")
    return SetRow(
        outcome.spec.id,
        outcome.status,
        tei=rec.get("file"),
        report=rec.get("report"),
        findings=None if failed or rec.get("report_key") is None else rec.get("findings") or {},
        high=rec.get("high") or 0,
        sentences=rec.get("sentences") or {},
        mean_cert=rec.get("mean_cert"),
        note=note,
    )


def duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{seconds:.1f}s"


def summary_line(report: BatchReport) -> str:
    done, skipped, failed, reported = (report.count(s) for s in ("done", "skipped", "failed", "reported"))
    again = f", {reported} reported again from their TEI" if reported else ""
    return (
        f"{len(report.outcomes)} sets: {done} done{again}, {skipped} skipped (finished earlier), "
        f"{failed} failed; {report.sentences} sentences aligned in {duration(report.seconds)}"
    )
