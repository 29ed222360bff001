"""A folder of sets at a glance: one HTML page, a row per set with its findings by kind, linking to
each set's own report and TEI. Written by ``align batch`` (``index.html`` in its output folder) and by
``align report FOLDER -o DIR``; self-contained like the set reports (no script, no network)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from .. import __version__
from .batch_renderings import BatchTerm
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
    return SetRow(
        docset.id,
        "reported",
        tei=tei,
        report=name,
        findings=dict(sorted(Counter(f.kind for f in report.findings).items())),
        high=sum(f.severity == "high" for f in report.findings),
        sentences={lang: len(doc.sentences) for lang, doc in docset.docs.items()},
        mean_cert=docset.mean_cert,
    )


def _link(name: str | None, text: str) -> str:
    return f'<a href="{escape(quote(name))}">{escape(text)}</a>' if name else ""


def _renderings(terms: Sequence[BatchTerm]) -> list[str]:
    """The batch's terms and their renderings in each version with counts and sets; a rendering
    unusual for the batch is marked, the sets holding it in its title."""
    if not terms:
        return []
    langs = list(dict.fromkeys(lang for t in terms for lang in t.versions))
    rows = []
    for t in terms:
        cells = [
            escape(t.term) + (' <span class="nm">name</span>' if t.name else ""),
            f"{t.count} in {len(t.sets)}",
        ]
        for lang in langs:
            cells.append(
                "<br>".join(
                    f'<span class="{"unusual" if r.unusual else "r"}" title="{escape(", ".join(r.sets))}">'
                    f"{escape(r.text)} <b>×{r.count}</b>"
                    + (f" ({len(r.sets)} sets)" if len(r.sets) > 1 else "")
                    + "</span>"
                    for r in t.versions.get(lang, ())
                )
            )
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in ["term", "count in sets", *langs])
    return [
        '<section id="renderings"><h2>Renderings across the batch</h2>',
        "<p>Each pivot term followed in two sets or more, and how each version renders it, counted over "
        'all sets; <span class="unusual">marked</span>: a rendering unusual for the batch (one set, '
        "a small share, where another rendering is held by several sets). Hover for the sets.</p>",
        f'<table class="renderings"><thead><tr>{head}</tr></thead><tbody>',
        *rows,
        "</tbody></table></section>",
    ]


def render_overview(rows: Sequence[SetRow], title: str, renderings: Sequence[BatchTerm] = ()) -> str:
    kinds = sorted({k for r in rows for k in r.findings or {}})
    counted = any(r.findings is not None for r in rows)
    head = ["set", "status", "sentences", "mean cert"]
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
            "<tbody>" + "\n".join(body) + "</tbody></table>",
            *_renderings(renderings),
            "</body></html>",
        ]
    )


_CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 1.5rem 3rem; color: #212529; }
table { border-collapse: collapse; }
th, td { border: 1px solid #dee2e6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f5; position: sticky; top: 0; }
.st-failed { color: #c92a2a; font-weight: 600; }
.st-stale { color: #e8590c; font-weight: 600; }
table.renderings { width: 100%; table-layout: fixed; margin-top: .5rem; }
table.renderings td { overflow-wrap: anywhere; }
table.renderings th:first-child, table.renderings th:nth-child(2) { width: 9rem; }
.unusual { background: #fff3bf; border-bottom: 2px solid #f59f00; }
.nm { color: #868e96; font-size: .85em; }
""".strip()
