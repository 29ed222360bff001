"""Findings as JSON, CSV and Parquet, and the aligned pairs with their finding counts (via polars).

JSON keeps term hits as objects; the tables flatten them to ``surface (framing)`` strings, as lists in
Parquet and joined with ``; `` in CSV (ids joined with a space, as ``align export`` writes them). Spans
(the words a finding is about, character offsets into src_text / tgt_text) are ``[start, end]``
pairs in JSON and ``start-end`` strings in the tables (space-separated in CSV).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl

from ..formats.tables import encode_table, link_table, write_table
from ..model import Finding, TermHit
from .checks import KINDS
from .counts import summarise
from .findings import Report, fingerprint
from .renderings import term_records

FINDING_SCHEMA: dict[str, pl.DataType] = {
    "fingerprint": pl.String(),
    "set_id": pl.String(),
    "pair": pl.String(),
    "kind": pl.String(),
    "severity": pl.String(),
    "src_ids": pl.List(pl.String()),
    "tgt_ids": pl.List(pl.String()),
    "src_text": pl.String(),
    "tgt_text": pl.String(),
    "concept": pl.String(),
    "src_terms": pl.List(pl.String()),
    "tgt_terms": pl.List(pl.String()),
    "src_spans": pl.List(pl.String()),
    "tgt_spans": pl.List(pl.String()),
    "detail": pl.String(),
}
_TERM_SEPARATORS = {"src_terms": "; ", "tgt_terms": "; "}  # ids: a space, as align export writes them


def _hit(hit: TermHit) -> dict[str, Any]:
    return {
        "concept": hit.concept,
        "term": hit.term,
        "surface": hit.surface,
        "framing": hit.framing,
        "forbidden": hit.forbidden,
    }


def finding_record(finding: Finding) -> dict[str, Any]:
    return {
        "fingerprint": fingerprint(finding),
        "pair": finding.pair,
        "kind": finding.kind,
        "severity": finding.severity,
        "src_ids": list(finding.src_ids),
        "tgt_ids": list(finding.tgt_ids),
        "src_text": finding.src_text,
        "tgt_text": finding.tgt_text,
        "concept": finding.concept,
        "src_terms": [_hit(h) for h in finding.src_terms],
        "tgt_terms": [_hit(h) for h in finding.tgt_terms],
        "src_spans": [list(span) for span in finding.src_spans],
        "tgt_spans": [list(span) for span in finding.tgt_spans],
        "detail": finding.detail,
    }


def render_json(report: Report) -> str:
    data = {
        "findings": [finding_record(f) for f in report.findings],
        "summary": summarise(report),
        "renderings": term_records(report.renderings.terms),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _term_label(hit: TermHit) -> str:
    return f"{hit.surface} ({hit.framing or 'neutral'})"


def findings_frame(report: Report) -> pl.DataFrame:
    rows = [
        {
            **finding_record(f),
            "set_id": report.docset.id,
            "src_terms": [_term_label(h) for h in f.src_terms],
            "tgt_terms": [_term_label(h) for h in f.tgt_terms],
            "src_spans": [f"{a}-{b}" for a, b in f.src_spans],
            "tgt_spans": [f"{a}-{b}" for a, b in f.tgt_spans],
        }
        for f in report.findings
    ]
    return pl.DataFrame(rows, schema=FINDING_SCHEMA)


def render_table(report: Report, fmt: str, *, raw: bool = False) -> bytes:
    """The findings as ``fmt``: parquet (lists kept) or csv (lists joined; see the module doc;
    ``raw``: see align.formats.tables.encode_table)."""
    return encode_table(findings_frame(report), fmt, _TERM_SEPARATORS, raw=raw)


def aligned_frame(report: Report) -> pl.DataFrame:
    """One row per link of the checked pairs (see align.formats.tables) plus ``findings`` (how many)
    and ``kinds`` (which, space-separated, in report order)."""
    found: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Counter[str]] = {}
    for f in report.findings:
        found.setdefault((f.pair, f.src_ids, f.tgt_ids), Counter())[f.kind] += 1
    table = link_table((report.docset, a) for a in report.alignments)
    counts = [
        found.get((pair, tuple(src), tuple(tgt)), Counter())
        for pair, src, tgt in zip(*(table[c].to_list() for c in ("pair", "src_ids", "tgt_ids")), strict=True)
    ]
    return table.with_columns(
        pl.Series("findings", [sum(c.values()) for c in counts], pl.Int64()),
        pl.Series("kinds", [" ".join(k for k in KINDS if c[k]) for c in counts], pl.String()),
    )


def write_aligned_table(report: Report, path: str | Path, fmt: str, *, raw: bool = False) -> None:
    write_table(aligned_frame(report), path, fmt, raw=raw)
