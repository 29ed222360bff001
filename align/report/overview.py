"""A folder of sets at a glance: one HTML page, a row per set with its findings by kind, linking to
each set's own report and TEI. Written by ``align batch`` (``index.html`` in its output folder) and by
``align report FOLDER -o DIR``; self-contained like the set reports (no script, no network)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from .. import __version__
from .findings import Report
from .html import BADGE_COLOURS, escape

OVERVIEW = "index.html"


@dataclass(frozen=True)
class SetRow:
    set_id: str
    status: str  # done, skipped, failed (batch) or reported
    tei: str | None = None  # file name, relative to the page
    report: str | None = None  # the set's report, relative to the page; None: none written
    findings: dict[str, int] | None = None  # kind -> count; None: findings not counted
    high: int = 0  # high-severity findings among them, when known
    sentences: dict[str, int] = field(default_factory=dict)  # language -> sentences
    mean_cert: float | None = None
    note: str | None = None  # an error or why the row is stale


def report_row(report: Report, tei: str, name: str) -> SetRow:
    """The row of a set whose report was just built (``align report FOLDER``)."""
    docset = report.docset
    certs = [b.cert for a in docset.alignments for b in a.links if b.cert is not None]
    return SetRow(
        docset.id,
        "reported",
        tei=tei,
        report=name,
        findings=dict(sorted(Counter(f.kind for f in report.findings).items())),
        high=sum(f.severity == "high" for f in report.findings),
        sentences={lang: len(doc.sentences) for lang, doc in docset.docs.items()},
        mean_cert=sum(certs) / len(certs) if certs else None,
    )


def _link(name: str | None, text: str) -> str:
    return f'<a href="{escape(quote(name))}">{escape(text)}</a>' if name else ""


def render_overview(rows: Sequence[SetRow], title: str) -> str:
    kinds = sorted({k for r in rows for k in r.findings or {}})
    counted = any(r.findings is not None for r in rows)
    head = ["set", "status", "sentences", "mean confidence"]
    if counted:
        head += [*kinds, "findings", "high"]
    head += ["report", "TEI", "note"]
    body = []
    for r in rows:
        cells = [
            escape(r.set_id),
            f'<span class="st-{escape(r.status)}">{escape(r.status)}</span>',
            escape(", ".join(f"{lang} {n}" for lang, n in r.sentences.items())),
            "" if r.mean_cert is None else f"{r.mean_cert:.2f}",
        ]
        if counted:
            found = r.findings
            cells += ["" if found is None else str(found.get(k, 0)) for k in kinds]
            cells.append("" if found is None else str(sum(found.values())))
            cells.append("" if found is None else f'<span class="hi">{r.high}</span>' if r.high else "0")
        cells += [_link(r.report, "report"), _link(r.tei, "TEI"), escape(r.note or "")]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    totals = {s: sum(r.status == s for r in rows) for s in dict.fromkeys(r.status for r in rows)}
    facts = ", ".join(f"{n} {s}" for s, n in totals.items())
    high_bg, high_fg = BADGE_COLOURS["high"]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="generator" content="align {escape(__version__)}">',
            f"<title>{escape(title)}</title><style>{_CSS}"
            f".hi {{ background: {high_bg}; color: {high_fg}; border-radius: 9px; padding: 0 .45rem; }}"
            "</style></head>",
            f"<body><h1>{escape(title)}</h1><p>{len(rows)} sets: {escape(facts)}.</p>",
            "<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>",
            "<tbody>" + "\n".join(body) + "</tbody></table></body></html>",
        ]
    )


_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 1.5rem 3rem; color: #212529; }
table { border-collapse: collapse; }
th, td { border: 1px solid #dee2e6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f5; position: sticky; top: 0; }
.st-failed { color: #c92a2a; font-weight: 600; }
.st-stale { color: #e8590c; font-weight: 600; }
""".strip()
