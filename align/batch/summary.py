"""``summary.parquet``: one row per set of the manifest, and the closing line printed after a run.

Columns: ``id``, the manifest's metadata columns, ``status`` (done / skipped / failed), ``error``,
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

from ..io.fsutil import atomic_output

if TYPE_CHECKING:
    from .manifest import Manifest
    from .runner import BatchReport, Outcome

SUMMARY = "summary.parquet"
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
    path = folder / SUMMARY
    table = summary_table(manifest, outcomes)
    with atomic_output(path, "wb") as fh:
        table.write_parquet(fh)
    return path


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{seconds:.1f}s"


def summary_line(report: BatchReport) -> str:
    done, skipped, failed = (report.count(s) for s in ("done", "skipped", "failed"))
    return (
        f"{len(report.outcomes)} sets: {done} done, {skipped} skipped (finished earlier), {failed} failed; "
        f"{report.sentences} sentences aligned in {_duration(report.seconds)}"
    )
