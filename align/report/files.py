"""Report files: read an aligned TEI file, build its report, render it and write it; for a folder of
sets, one report a set and an overview page linking to each. The work behind ``align report``, kept
here so that a library user or a test gets the same files without the command line."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import log
from ..terms import Termbase
from .base import SEVERITIES, ReportOptions
from .findings import Report, build_report
from .ignore import IgnoreList

FailOn = tuple[str | None, str | None]  # (kind or None for any, severity or None for any): that or worse


@dataclass(frozen=True)
class ReportSettings:
    """What shapes every report of a run (the same for each set of a folder)."""

    fmt: str  # a name of align.formats.REPORT
    options: ReportOptions = field(default_factory=ReportOptions)
    pairs: Sequence[str] = ()  # pairs to check (align.report.select_alignments); () = every pair
    termbase: Termbase | None = None
    ignore: IgnoreList | None = None  # findings to silence; they are counted as ignored
    raw: bool = False  # CSV cells as they are (no formula guard)
    aligned_table: str | Path | None = None  # also write the aligned pairs with their finding counts
    table_fmt: str | None = None  # the aligned table's format (align.formats.TABLE)


def report_file(path: str | Path, target: str | Path, settings: ReportSettings) -> Report:
    """Report the set in the TEI file ``path`` into ``target`` ('-' = stdout); return the report."""
    from ..io.fsutil import atomic_write_bytes
    from ..io.xmlsafe import parse_xml
    from ..tei import from_tree
    from .render import render

    tree = parse_xml(path)
    docset = from_tree(tree, Path(path))
    result = build_report(
        docset, pairs=list(settings.pairs), termbase=settings.termbase, options=settings.options
    )
    if settings.ignore is not None:
        result.findings, result.ignored = settings.ignore.split(result.findings)
    data = render(result, settings.fmt, tree, raw=settings.raw)
    if settings.aligned_table is not None and settings.table_fmt is not None:
        from .records import write_aligned_table

        write_aligned_table(result, settings.aligned_table, settings.table_fmt, raw=settings.raw)
    atomic_write_bytes(target, data)
    return result


def report_folder(source: str | Path, out_dir: Path, settings: ReportSettings) -> list[Report]:
    """Report each TEI file of the folder ``source`` into ``out_dir`` as SET.report.EXT, then write the
    overview page (index.html) of the findings per set; return the reports in file order."""
    from .. import formats
    from ..formats.source import TEI_SUFFIX, tei_files
    from ..io.fsutil import atomic_write_bytes
    from .batch_renderings import FILE as RENDERINGS
    from .batch_renderings import batch_json, batch_renderings
    from .counts import headline, summarise
    from .overview import OVERVIEW, render_overview, report_row
    from .renderings import term_records

    extension = next(ext for ext, name in formats.REPORT.items() if name == settings.fmt)
    results, rows, renderings = [], [], []
    for path in tei_files(source):
        name = path.name.removesuffix(TEI_SUFFIX) + ".report" + extension
        result = report_file(path, out_dir / name, settings)
        results.append(result)
        log.info(f"{path}: {headline(summarise(result))} -> {out_dir / name}")
        rows.append(report_row(result, os.path.relpath(path, out_dir), name))
        renderings.append((result.docset.id, term_records(result.renderings.terms)))
    terms = batch_renderings(renderings)
    atomic_write_bytes(out_dir / OVERVIEW, render_overview(rows, f"Findings in {source}", terms).encode())
    if terms:
        atomic_write_bytes(out_dir / RENDERINGS, batch_json(terms).encode())
    log.info(f"wrote {len(rows)} reports and {out_dir / OVERVIEW}")
    return results


def fails(reports: Iterable[Report], conditions: Sequence[FailOn]) -> bool:
    """Whether a finding of ``reports`` matches a condition: its kind (None: any) and its severity or a
    worse one (None: any). What ``--fail-on`` exits 3 on."""
    rank = {s: k for k, s in enumerate(SEVERITIES)}
    return any(
        (kind is None or f.kind == kind) and (severity is None or rank[f.severity] <= rank[severity])
        for result in reports
        for f in result.findings
        for kind, severity in conditions
    )
