"""One entry point for every report format, so the CLI and library users produce the same bytes."""

from __future__ import annotations

from lxml import etree

from ..formats import REPORT
from .findings import Report

FORMATS = (*dict.fromkeys(REPORT.values()), "tei")  # tei: the findings annotated into the TEI itself


def render(report: Report, fmt: str, tree: etree._ElementTree | None = None, *, raw: bool = False) -> bytes:
    """The report as a file's content. ``tei`` annotates ``tree`` (the TEI the set was read from) in
    place and returns it; html reads the word links in it, if any (the hover highlight); the other
    formats need no tree. ``raw``: csv cells exactly as they are,
    even those a spreadsheet would run as formulas (align.formats.tables.encode_table)."""
    if fmt == "tei":
        from .annotate import annotate, to_bytes

        if tree is None:
            raise ValueError("the tei format annotates a TEI tree: pass the tree the set was read from")
        annotate(tree, report)
        return to_bytes(tree)
    if fmt == "html":
        from ..tei.words import read_word_links
        from .html import render_html

        return render_html(report, read_word_links(tree) if tree is not None else None).encode("utf-8")
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    from .records import render_json, render_table

    if fmt == "json":
        return render_json(report).encode("utf-8")
    if fmt in ("csv", "parquet"):
        return render_table(report, fmt, raw=raw)
    raise ValueError(f"unknown report format {fmt!r} (formats: {', '.join(FORMATS)})")
