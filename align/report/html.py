"""A self-contained HTML report: summary, filterable findings, and every version side by side.

One file, no network: CSS and JS are inline, fonts are the system's. All document text goes through
:func:`html.escape`. The side-by-side grid has one row per unit of pivot sentences that any alignment
ties together (as MULTEXT-East composes links through the pivot), one column per language; a sentence
a version adds gets its own row before the next unit. Termbase terms are highlighted with their
framing label's colour; terms a finding is about are outlined. Each link shows its type and the
aligner's confidence. Filters (kind, language, severity, rows with findings only) run in the page and
are kept in the URL fragment (``#kinds=number,name&langs=sq``), so a filtered view can be shared.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass

from .. import __version__
from ..links import GridRow, pivot_grid
from ..model import Bead, Finding
from ..terms import TermMatch
from .base import SEVERITIES
from .checks import KINDS
from .findings import Report, fingerprint
from .summary import headline, summarise

# Background colours for framing labels, assigned in sorted label order (then repeated).
PALETTE = ("#ffd8a8", "#a5d8ff", "#b2f2bb", "#eebefa", "#ffec99", "#99e9f2", "#ffc9c9", "#d0bfff")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _rows(report: Report) -> list[GridRow]:
    docset = report.docset
    alignments = [a for a in docset.alignments if a.src_lang == docset.pivot]
    return pivot_grid(docset.pivot, alignments, len(docset.docs[docset.pivot].sentences))


def _highlight(text: str, matches: tuple[TermMatch, ...], colours: dict[str, str], outlined: set[str]) -> str:
    out, last = [], 0
    for m in matches:
        hit = m.hit
        label = hit.framing or "neutral"
        classes = ["t", "neutral" if hit.framing is None else "framed"]
        if hit.forbidden:
            classes.append("forbidden")
        if hit.concept in outlined:
            classes.append("div")
        style = f' style="background:{colours[hit.framing]}"' if hit.framing in colours else ""
        title = f"{hit.concept}: {hit.term} ({label}{', forbidden' if hit.forbidden else ''})"
        out.append(_e(text[last : m.start]))
        out.append(
            f'<mark class="{" ".join(classes)}"{style} data-f="{_e(label)}" title="{_e(title)}">'
            f"{_e(text[m.start : m.end])}</mark>"
        )
        last = m.end
    out.append(_e(text[last:]))
    return "".join(out)


@dataclass(frozen=True)
class _Located:
    """A finding placed in the page: its anchor, its grid row and the language column it belongs to."""

    finding: Finding
    anchor: str
    row: int
    lang: str


def _locate(report: Report, rows: list[GridRow]) -> list[_Located]:
    row_of = {
        report.docset.docs[lang].sentence_id(i): r
        for r, row in enumerate(rows)
        for lang, indices in row.sentences.items()
        for i in indices
    }
    lang_of_pair = {a.pair: a.tgt_lang for a in report.alignments}
    seen: dict[str, int] = {}
    out = []
    for f in report.findings:
        fp = fingerprint(f)
        seen[fp] = seen.get(fp, 0) + 1
        anchor = f"f-{fp}" if seen[fp] == 1 else f"f-{fp}-{seen[fp]}"
        out.append(_Located(f, anchor, row_of[(f.left_ids + f.right_ids)[0]], lang_of_pair[f.pair]))
    return out


def render_html(report: Report) -> str:
    summary = summarise(report)
    labels = sorted({m.hit.framing for ms in report.terms.values() for s in ms for m in s if m.hit.framing})
    colours = {label: PALETTE[k % len(PALETTE)] for k, label in enumerate(labels)}
    rows = _rows(report)
    located = _locate(report, rows)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Divergence report: {_e(report.docset.id)}</title>",
        f"<style>{_CSS}</style></head>",
        '<body data-ready="0">',
        *_header(report),
        '<div class="top">',
        *_summary_table(summary),
        *_filters(report, summary, located),
        "</div>",
        *_legend(colours),
        *_grid(report, rows, located, colours),
        *_findings_table(located),
        f"<script>const TOTAL = {len(report.findings)};{_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _header(report: Report) -> list[str]:
    langs = list(report.docset.docs)
    facts = [f"Pivot <b>{_e(langs[0])}</b>", "versions " + ", ".join(f"<b>{_e(x)}</b>" for x in langs[1:])]
    facts.append(
        f"termbase <code>{_e(report.termbase)}</code>" if report.termbase else "no termbase: term checks off"
    )
    facts.append(f"aligner confidence below {report.options.min_confidence:g} is flagged")
    return [
        f"<header><h1>Divergence report: {_e(report.docset.id)}</h1>",
        f"<p>{'; '.join(facts)}. Made by align {_e(__version__)}.</p></header>",
    ]


def _grid(report: Report, rows: list[GridRow], located: list[_Located], colours: dict[str, str]) -> list[str]:
    """The side-by-side view: a column per language, finding badges in the column they concern."""
    docset = report.docset
    badges: dict[tuple[int, str], list[str]] = defaultdict(list)
    outlined: dict[str, set[str]] = defaultdict(set)  # sentence id -> concepts a finding is about
    for x in located:
        f = x.finding
        badges[x.row, x.lang].append(
            f'<a class="badge k-{f.kind} sev-{f.severity}" href="#{x.anchor}" data-kind="{f.kind}" '
            f'data-lang="{_e(x.lang)}" data-severity="{f.severity}" title="{_e(f.detail)}">{f.kind}</a>'
        )
        for sid in f.left_ids + f.right_ids if f.concept else ():
            outlined[sid].add(f.concept)
    out = ['<section id="parallel"><h2>Aligned text</h2><table class="grid"><thead><tr>']
    out += [f'<th data-lang="{_e(lang)}">{_e(lang)}</th>' for lang in docset.docs]
    out.append("</tr></thead><tbody>")
    for r, row in enumerate(rows):
        has = any(badges.get((r, lang)) for lang in docset.docs)
        out.append(f'<tr id="row-{r}"' + (' class="has-findings"' if has else "") + ">")
        for lang in docset.docs:
            cell = []
            for i in row.sentences.get(lang, []):
                sid = docset.docs[lang].sentence_id(i)
                matches = report.terms[lang][i] if lang in report.terms else ()
                text = _highlight(
                    docset.docs[lang].sentences[i].text, matches, colours, outlined.get(sid, set())
                )
                cell.append(
                    f'<span class="s" id="s-{_e(sid)}"><span class="sid">{_e(sid)}</span> {text}</span>'
                )
            if lang != docset.pivot:
                cell.append(_link_info(row.beads.get(lang, []), report.options.min_confidence))
            cell += badges.get((r, lang), [])
            out.append(f'<td data-lang="{_e(lang)}">' + " ".join(cell) + "</td>")
        out.append("</tr>")
    out.append("</tbody></table></section>")
    return out


def _spans(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The link's text with the words a finding is about in ``<mark class="span">``; "" without spans."""
    if not spans:
        return ""
    parts, pos = [], 0
    for start, end in sorted(spans):
        parts += [_e(text[pos:start]), f'<mark class="span">{_e(text[start:end])}</mark>']
        pos = end
    return f'<div class="spans">{"".join(parts)}{_e(text[pos:])}</div>'


def _findings_table(located: list[_Located]) -> list[str]:
    out = [
        '<section id="findings"><h2>Findings</h2>',
        '<table class="findings"><thead><tr><th>pair</th><th>kind</th><th>severity</th><th>sentences</th>'
        "<th>what differs</th><th>fingerprint</th></tr></thead><tbody>",
    ]
    for x in located:
        f = x.finding
        left, right = " + ".join(f.left_ids) or "—", " + ".join(f.right_ids) or "—"
        out.append(
            f'<tr id="{x.anchor}" data-kind="{f.kind}" data-lang="{_e(x.lang)}" data-severity="{f.severity}">'
            f'<td>{_e(f.pair)}</td><td><span class="badge k-{f.kind}">{f.kind}</span></td>'
            f'<td class="sev-{f.severity}">{f.severity}</td>'
            f'<td><a href="#row-{x.row}">{_e(left)} ↔ {_e(right)}</a></td>'
            f"<td>{_e(f.detail)}{_spans(f.left_text, f.left_spans)}{_spans(f.right_text, f.right_spans)}</td>"
            f"<td><code>{fingerprint(f)}</code></td></tr>"
        )
    out.append("</tbody></table>")
    if not located:
        out.append("<p>No findings.</p>")
    out.append("</section>")
    return out


def _link_info(beads: list[Bead], threshold: float) -> str:
    """Type and confidence of the links that put this version's sentences in the row."""
    out = []
    for bead in beads:
        kind, cert, status = bead.kind, bead.cert, bead.status
        low = cert is not None and cert < threshold and "0" not in kind.split("-")  # gaps: see their finding
        conf = f"{cert:.2f}" if cert is not None else status
        css = "link low" if low else "link"
        out.append(f'<span class="{css}" title="link {kind}, {_e(status)}">{kind} · {conf}</span>')
    return " ".join(out)


def _summary_table(summary: dict) -> list[str]:
    pairs = list(summary["pairs"])
    out = ['<section id="summary"><h2>Summary</h2>']
    out.append(f"<p>{_e(headline(summary))}.</p>")
    out.append(
        '<table class="counts"><thead><tr><th>kind</th>'
        + "".join(f"<th>{_e(p)}</th>" for p in pairs)
        + "<th>total</th></tr></thead><tbody>"
    )
    for kind in summary["options"]["kinds"]:
        cells = "".join(f"<td>{summary['pairs'][p]['kinds'][kind]}</td>" for p in pairs)
        badge = f'<span class="badge k-{kind}">{kind}</span>'
        out.append(f"<tr><th>{badge}</th>{cells}<td>{summary['kinds'][kind]}</td></tr>")
    totals = "".join(f"<td>{summary['pairs'][p]['findings']}</td>" for p in pairs)
    out.append(f'<tr class="total"><th>total</th>{totals}<td>{summary["total"]}</td></tr>')
    links = "".join(f"<td>{summary['pairs'][p]['links']}</td>" for p in pairs)
    out.append(f'<tr class="links"><th>links</th>{links}<td></td></tr></tbody></table></section>')
    return out


def _legend(colours: dict[str, str]) -> list[str]:
    if not colours:
        return []
    items = "".join(
        f'<span class="t framed" style="background:{c}">{_e(label)}</span> ' for label, c in colours.items()
    )
    return [
        '<p class="legend">Framing: <span class="t neutral">neutral</span> '
        + items
        + '<span class="t forbidden">forbidden</span> <span class="t div">term a finding is about</span></p>'
    ]


def _filters(report: Report, summary: dict, located: list[_Located]) -> list[str]:
    """Checkboxes for kinds, languages (the right side of each pair) and severities."""
    kinds = summary["options"]["kinds"]
    right = list(dict.fromkeys(a.tgt_lang for a in report.alignments))
    counts_by_lang = Counter(x.lang for x in located)
    boxes = ['<section id="filters"><h2>Filter</h2><div class="filters">', "<fieldset><legend>kind</legend>"]
    boxes += [
        f'<label><input type="checkbox" data-kind="{k}" checked> <span class="badge k-{k}">{k}</span> '
        f"({summary['kinds'][k]})</label>"
        for k in kinds
    ]
    boxes.append("</fieldset><fieldset><legend>language</legend>")
    boxes += [
        f'<label><input type="checkbox" data-lang="{_e(x)}" checked> {_e(x)} ({counts_by_lang[x]})</label>'
        for x in right
    ]
    boxes.append("</fieldset><fieldset><legend>severity</legend>")
    boxes += [
        f'<label><input type="checkbox" data-severity="{s}" checked> {s} ({summary["severities"][s]})</label>'
        for s in SEVERITIES
    ]
    boxes.append("</fieldset><fieldset><legend>text</legend>")
    boxes.append('<label><input type="checkbox" id="only-findings"> only rows with findings</label>')
    boxes.append('</fieldset></div><p id="shown" aria-live="polite"></p></section>')
    return boxes


_KIND_COLOURS = dict(
    zip(
        KINDS,
        ("#e8590c", "#1971c2", "#c2255c", "#2f9e44", "#6741d9", "#e03131", "#0c8599", "#a61e4d", "#0b7285")
        + ("#868e96", "#f08c00"),
        strict=True,
    )
)

_CSS = (
    """
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  margin: 0 1.5rem 3rem; color: #212529; background: #fff; }
h1 { font-size: 1.5rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid #dee2e6; padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #f1f3f5; position: sticky; top: 0; z-index: 1; }
table.counts td { text-align: right; min-width: 4rem; }
table.counts tr.total { font-weight: 600; }
table.counts tr.links { color: #868e96; }
table.findings { width: 100%; }
table.findings td:nth-child(5) { width: 50%; }
table.grid { width: 100%; table-layout: fixed; }
table.grid td { font-size: 13px; }
table.grid tr.has-findings td { background: #fffbeb; }
table.grid tr:target td, table.findings tr:target td { outline: 2px solid #fab005; }
.s { display: block; margin-bottom: .25rem; }
.sid { color: #868e96; font-size: 11px; font-family: ui-monospace, monospace; }
mark.t { border-radius: 3px; padding: 0 2px; background: transparent; }
.spans { margin-top: 4px; color: #495057; } mark.span { background: #ffd8a8; }
.t.neutral { border-bottom: 1px dotted #868e96; }
mark.t.framed::after { content: attr(data-f); font-size: 9px; vertical-align: super; color: #495057;
  margin-left: 1px; }
.t.forbidden { text-decoration: line-through; text-decoration-color: #e03131;
  box-shadow: inset 0 0 0 1px #e03131; }
.t.div { box-shadow: 0 0 0 2px #212529; font-weight: 600; }
.legend .t { padding: 1px 4px; margin-right: .25rem; }
.badge { display: inline-block; border-radius: 9px; padding: 0 .45rem; font-size: 11px; color: #fff;
  text-decoration: none; margin: 1px 2px 1px 0; white-space: nowrap; }
.sev-high { font-weight: 700; }
td.sev-high { color: #c92a2a; }
td.sev-medium { color: #e8590c; }
td.sev-low { color: #868e96; }
a.badge.sev-low { opacity: .75; }
.link { display: inline-block; font-size: 11px; color: #495057; background: #f1f3f5; border-radius: 3px;
  padding: 0 4px; }
.link.low { background: #ffe3e3; color: #c92a2a; font-weight: 600; }
.top { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
.filters { display: flex; flex-direction: column; gap: .5rem; max-width: 46rem; }
fieldset { border: 1px solid #dee2e6; border-radius: 4px; }
fieldset label { display: inline-block; margin-right: .6rem; }
#shown { color: #495057; }
[hidden] { display: none !important; }
"""
    + "".join(f".badge.k-{k} {{ background: {c}; }}\n" for k, c in _KIND_COLOURS.items())
).strip()

_JS = r"""
(function () {
  const groups = ["kind", "lang", "severity"];
  const param = { kind: "kinds", lang: "langs", severity: "severities" };  // in the URL fragment
  const boxes = (g) => Array.from(document.querySelectorAll('#filters input[data-' + g + ']'));
  const only = document.getElementById("only-findings");
  function checked(g) { return new Set(boxes(g).filter((b) => b.checked).map((b) => b.dataset[g])); }
  function visible(el, sel) { return groups.every((g) => sel[g].has(el.dataset[g])); }
  function apply() {
    const sel = {}; groups.forEach((g) => { sel[g] = checked(g); });
    let shown = 0;
    document.querySelectorAll("table.findings tbody tr").forEach((tr) => {
      const on = visible(tr, sel); tr.hidden = !on; if (on) shown += 1;
    });
    document.querySelectorAll("table.grid a.badge").forEach((a) => { a.hidden = !visible(a, sel); });
    const filterable = new Set(boxes("lang").map((b) => b.dataset.lang));
    document.querySelectorAll("table.grid th[data-lang], table.grid td[data-lang]").forEach((cell) => {
      cell.hidden = filterable.has(cell.dataset.lang) && !sel.lang.has(cell.dataset.lang);
    });
    document.querySelectorAll("table.grid tbody tr").forEach((tr) => {
      const found = tr.querySelector("a.badge:not([hidden])") !== null;
      tr.classList.toggle("has-findings", found);
      tr.hidden = only.checked && !found;
    });
    document.getElementById("shown").textContent = shown + " of " + TOTAL + " findings shown";
    const hash = groups.filter((g) => sel[g].size < boxes(g).length)
      .map((g) => param[g] + "=" + Array.from(sel[g]).map(encodeURIComponent).join(","));
    if (only.checked) hash.push("only=1");
    if (hash.length || location.hash.indexOf("=") >= 0) {
      history.replaceState(null, "", hash.length ? "#" + hash.join("&") : location.pathname);
    }
  }
  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    groups.forEach((g) => {
      if (!params.has(param[g])) return;
      const want = new Set(params.get(param[g]).split(",").filter(Boolean));
      boxes(g).forEach((b) => { b.checked = want.has(b.dataset[g]); });
    });
    only.checked = params.get("only") === "1";
  }
  if (location.hash.indexOf("=") >= 0) fromHash();
  document.querySelectorAll("#filters input").forEach((b) => b.addEventListener("change", apply));
  apply();
  document.body.dataset.ready = "1";
})();
"""
