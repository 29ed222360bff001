"""Divergence reports for translation QA: where the versions of a document set say something different.

read (TEI) → links (one per link of each pair) → checkers (:mod:`.checks`, one per kind family) →
findings → outputs (HTML, Markdown, JSON, CSV/Parquet, TEI annotations)::

    docset = align.tei.read("kosovo.tei.xml")
    report = build_report(docset, termbase=load_termbase("kosovo.tbx"))
    for finding in report.findings:  # align.model.Finding, ordered by pair, then link
        print(finding.pair, finding.kind, finding.detail)
    Path("report.html").write_bytes(render(report, "html"))
"""

from .base import SEVERITIES, Checker, LinkContext, ReportOptions
from .checks import CHECKERS, KINDS, register
from .findings import Report, build_report, fingerprint, select_alignments
from .ignore import IgnoreList, load_ignore
from .render import FORMATS, render

__all__ = [
    "CHECKERS",
    "FORMATS",
    "KINDS",
    "SEVERITIES",
    "Checker",
    "IgnoreList",
    "LinkContext",
    "Report",
    "ReportOptions",
    "build_report",
    "fingerprint",
    "load_ignore",
    "register",
    "render",
    "select_alignments",
]
