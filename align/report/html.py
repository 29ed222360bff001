"""A self-contained HTML report: summary, filterable findings, and every version side by side.

One file, no network: CSS and JS (``static/report.css``, ``report.js``) are inlined, fonts are the
system's. All document text goes through :func:`escape`. The side-by-side grid has one row per unit of
pivot sentences that any alignment ties together (as MULTEXT-East composes links through the pivot), one
column per language; a sentence a version adds gets its own row before the next unit. Termbase terms are
highlighted with their framing label's colour; terms a finding is about are outlined. Each link shows
its type and the aligner's confidence; what a finding is about (a differing number or name, a clause
left out: its ``src_spans``/``tgt_spans``) is marked in the sentence itself, and its badge says what
differs. An overview strip (one column per row: each version's link confidence and findings, clickable)
and a findings-per-pair chart are inline SVG. Filters (kind, language, severity, rows with findings
only) run in the page, update the counts and the chart, and are kept in the URL fragment
(``#kinds=number,name&langs=sq``), so a filtered view can be shared. The findings table sorts by any
column. With word links in the TEI (``align run --words``) each word of the grid is a span: resting the
pointer on it highlights its counterparts (``static/words.js``), and a word with none is dotted;
without them the page is exactly as before.
"""

from __future__ import annotations

import functools
import html
import json
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from .. import __version__
from ..model import Finding, Link
from ..model.rows import GridRow, pivot_grid
from ..tei.words import WordLinks, WordRef, counterparts, is_word
from ..terms import TermMatch
from ..words import tokenize
from .base import SEVERITIES
from .checks import KINDS
from .checks.links import below
from .counts import headline, summarise
from .findings import Report, fingerprint

OVERVIEW_LANE = 22  # pixel height of one version's strip in the overview
SEVERITY_COLOURS = {"high": "#c92a2a", "medium": "#f08c00", "low": "#adb5bd"}
# A finding badge in the grid takes its severity's colour (a high-severity number must not look green):
# background, text.
BADGE_COLOURS = {"high": ("#c92a2a", "#fff"), "medium": ("#e8590c", "#fff"), "low": ("#e9ecef", "#343a40")}
# Link confidence in the overview: (lowest confidence of the step, colour), a sure link quiet grey, then
# four clearly different steps of ColorBrewer's sequential Reds; the legend and tooltips give numbers.
CONFIDENCE_STEPS = (
    (0.9, "#e9ecef"), (0.8, "#fcbba1"), (0.6, "#fb6a4a"), (0.4, "#cb181d"), (float("-inf"), "#67000d"),
)  # fmt: skip
BADGE_CHARS = 42  # a badge's label is cut to this many characters (its title has the whole detail)
# Background colours for framing labels, assigned in sorted label order (then repeated).
PALETTE = ("#ffd8a8", "#a5d8ff", "#b2f2bb", "#eebefa", "#ffec99", "#99e9f2", "#ffc9c9", "#d0bfff")
# Badge colours of the finding kinds, by their place in the registry (then repeated).
KIND_PALETTE = (
    "#e8590c", "#1971c2", "#c2255c", "#2f9e44", "#6741d9", "#e03131",
    "#0c8599", "#a61e4d", "#0b7285", "#868e96", "#f08c00", "#5c940d",
)  # fmt: skip


def escape(text: object) -> str:
    """The one HTML escaper of every page align writes (this report, the batch overview, the editor)."""
    return html.escape(str(text), quote=True)


def _rows(report: Report) -> list[GridRow]:
    docset = report.docset
    alignments = [a for a in docset.alignments if a.src_lang == docset.pivot]
    return pivot_grid(docset.pivot, alignments, len(docset.docs[docset.pivot].sentences))


Piece = Callable[[int, int], str]  # a sentence's text[lo:hi] as HTML


def _terms(
    text: str,
    lo: int,
    hi: int,
    matches: tuple[TermMatch, ...],
    colours: dict[str, str],
    outlined: set[str],
    piece: Piece,
) -> str:
    """``text[lo:hi]`` with the term matches that lie inside it highlighted."""
    out, last = [], lo
    for m in matches:
        if m.start < lo or m.end > hi:
            continue  # outside, or across the edge of a finding's mark: the mark wins
        hit = m.hit
        label = hit.framing or "neutral"
        classes = ["t", "neutral" if hit.framing is None else "framed"]
        if hit.forbidden:
            classes.append("forbidden")
        if hit.concept in outlined:
            classes.append("div")
        style = f' style="background:{colours[hit.framing]}"' if hit.framing in colours else ""
        title = f"{hit.concept}: {hit.term} ({label}{', forbidden' if hit.forbidden else ''})"
        out.append(piece(last, m.start))
        out.append(
            f'<mark class="{" ".join(classes)}"{style} data-f="{escape(label)}" title="{escape(title)}">'
            f"{piece(m.start, m.end)}</mark>"
        )
        last = m.end
    out.append(piece(last, hi))
    return "".join(out)


@dataclass(frozen=True)
class _Mark:
    """Part of one sentence that a finding is about (offsets into that sentence)."""

    start: int
    end: int
    finding: Finding
    anchor: str


def _render(
    text: str,
    matches: tuple[TermMatch, ...],
    marks: list[_Mark],
    colours: dict[str, str],
    outlined: set[str],
    piece: Piece,
) -> str:
    """A sentence with its terms highlighted and what findings are about marked; overlapping marks
    merge into one that names every finding."""
    groups: list[tuple[int, int, list[_Mark]]] = []
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        if groups and m.start < groups[-1][1]:
            start, end, members = groups[-1]
            groups[-1] = (start, max(end, m.end), [*members, m])
        else:
            groups.append((m.start, m.end, [m]))
    out, pos = [], 0
    for start, end, members in groups:
        first = members[0].finding
        title = " / ".join(dict.fromkeys(m.finding.detail for m in members))
        refs = " ".join(dict.fromkeys(m.anchor for m in members))
        out.append(_terms(text, pos, start, matches, colours, outlined, piece))
        out.append(
            f'<mark class="d k-{first.kind} sev-{first.severity}" data-refs="{refs}" title="{escape(title)}">'
            f"{_terms(text, start, end, matches, colours, outlined, piece)}</mark>"
        )
        pos = end
    out.append(_terms(text, pos, len(text), matches, colours, outlined, piece))
    return "".join(out)


def _marks(report: Report, located: list[_Located]) -> dict[str, list[_Mark]]:
    """Sentence id -> the marks of the findings with spans: link offsets cut at sentence boundaries
    (a side's text is its sentences joined with a space, see :func:`align.model.rows.side`)."""
    text_of = {
        doc.sentence_id(i): s.text for doc in report.docset.docs.values() for i, s in enumerate(doc.sentences)
    }
    out: dict[str, list[_Mark]] = defaultdict(list)
    for x in located:
        f = x.finding
        for ids, text, spans in (
            (f.src_ids, f.src_text, f.src_spans),
            (f.tgt_ids, f.tgt_text, f.tgt_spans),
        ):
            if not spans or " ".join(text_of[i] for i in ids) != text:
                continue
            pos = 0
            for sid in ids:
                end = pos + len(text_of[sid])
                for a, b in spans:
                    if a < end and pos < b:
                        out[sid].append(_Mark(max(a, pos) - pos, min(b, end) - pos, f, x.anchor))
                pos = end + 1
    return out


def _badge_label(f: Finding) -> str:
    """What differs, in a few words: "number 48 ≠ 36", "name + Дејана Пантића", "framing: Kosovo"."""
    left = ", ".join(dict.fromkeys(f.src_text[a:b] for a, b in f.src_spans))
    right = ", ".join(dict.fromkeys(f.tgt_text[a:b] for a, b in f.tgt_spans))
    if left and right:
        what = f"{left} \u2260 {right}"
    elif left or right:
        what = f"\u2212 {left}" if left else f"+ {right}"
    elif f.concept:
        framings = sorted({h.framing or "neutral" for h in f.tgt_terms}) if f.kind == "framing" else []
        what = f.concept + (f" ({', '.join(framings)})" if framings else "")
    else:
        return f.kind
    label = f"{f.kind} {what}"
    return label if len(label) <= BADGE_CHARS else label[: BADGE_CHARS - 1] + "\u2026"


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
        out.append(_Located(f, anchor, row_of[(f.src_ids + f.tgt_ids)[0]], lang_of_pair[f.pair]))
    return out


def render_html(report: Report, words: WordLinks | None = None) -> str:
    """The page; ``words`` (:func:`align.tei.words.read_word_links`) makes the grid's words hoverable."""
    summary = summarise(report)
    labels = sorted({m.hit.framing for ms in report.terms.values() for s in ms for m in s if m.hit.framing})
    colours = {label: PALETTE[k % len(PALETTE)] for k, label in enumerate(labels)}
    rows = _rows(report)
    located = _locate(report, rows)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Divergence report: {escape(report.docset.id)}</title>",
        f"<style>{_css()}{_asset('words.css') if words else ''}</style></head>",
        '<body data-ready="0">',
        *_header(report),
        '<div class="top">',
        *_summary_table(summary),
        '<div class="side">',
        *_filters(report, summary, located),
        *_chart(summary, located),
        "</div></div>",
        *_overview(report, rows, located),
        *_legend(colours),
        *([WORDS_LEGEND] if words else []),
        *_grid(report, rows, located, colours, words or {}),
        *_findings_table(located),
        *_renderings(report),
        f"<script>{_script(report)}{_asset('words.js') if words else ''}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _header(report: Report) -> list[str]:
    langs = list(report.docset.docs)
    facts = [
        f"Pivot <b>{escape(langs[0])}</b>",
        "versions " + ", ".join(f"<b>{escape(x)}</b>" for x in langs[1:]),
    ]
    facts.append(
        f"termbase <code>{escape(report.termbase)}</code>"
        if report.termbase
        else "no termbase: term checks off"
    )
    facts.append(f"aligner confidence below {report.options.min_cert:g} is flagged")
    return [
        f"<header><h1>Divergence report: {escape(report.docset.id)}</h1>",
        f"<p>{'; '.join(facts)}. Made by align {escape(__version__)}.</p></header>",
    ]


WORDS_LEGEND = (
    '<p class="legend">Words \u2014 rest the pointer on a word to highlight its counterparts in the other '
    'versions; a <span class="w none">dotted</span> word has none (the word aligner linked it to no word '
    "of any other version).</p>"
)


def _pieces(text: str, lang: str, sid: str, linked: dict[int, list[str]] | None) -> Piece:
    """``text[lo:hi]`` escaped; with word links (``linked``) every word lying wholly inside is a span
    with its token id and its counterparts' ids (a word cut by a mark's edge stays plain text)."""
    if linked is None:
        return lambda lo, hi: escape(text[lo:hi])
    tokens = [(k, t) for k, t in enumerate(tokenize(text, lang)) if is_word(t.text)]

    def piece(lo: int, hi: int) -> str:
        out, pos = [], lo
        for k, t in tokens:
            if t.start < lo or t.end > hi:
                continue
            to = linked.get(k)
            attrs = f' data-to="{escape(" ".join(to))}"' if to else ""
            out += [
                escape(text[pos : t.start]),
                f'<span class="w{"" if to else " none"}" id="w-{escape(WordRef(sid, k).id)}"{attrs}>',
                f"{escape(t.text)}</span>",
            ]
            pos = t.end
        out.append(escape(text[pos:hi]))
        return "".join(out)

    return piece


def _grid(
    report: Report,
    rows: list[GridRow],
    located: list[_Located],
    colours: dict[str, str],
    words: WordLinks,
) -> list[str]:
    """The side-by-side view: a column per language, finding badges in the column they concern."""
    docset = report.docset
    linked = counterparts(docset, words)
    badges: dict[tuple[int, str], list[str]] = defaultdict(list)
    outlined: dict[str, set[str]] = defaultdict(set)  # sentence id -> concepts a finding is about
    for x in located:
        f = x.finding
        badges[x.row, x.lang].append(
            f'<a class="badge k-{escape(f.kind)} sev-{escape(f.severity)}" href="#{x.anchor}" '
            f'data-kind="{escape(f.kind)}" '
            f'data-lang="{escape(x.lang)}" data-severity="{escape(f.severity)}" title="{escape(f.detail)}">'
            f"{escape(_badge_label(f))}</a>"
        )
        if f.concept:
            for sid in f.src_ids + f.tgt_ids:
                outlined[sid].add(f.concept)
    marks = _marks(report, located)
    out = ['<section id="parallel"><h2>Aligned text</h2><table class="grid"><thead><tr>']
    out += [f'<th data-lang="{escape(lang)}">{escape(lang)}</th>' for lang in docset.docs]
    out.append("</tr></thead><tbody>")
    for r, row in enumerate(rows):
        has = any(badges.get((r, lang)) for lang in docset.docs)
        out.append(f'<tr id="row-{r}"' + (' class="has-findings"' if has else "") + ">")
        for lang in docset.docs:
            cell = []
            for i in row.sentences.get(lang, []):
                sid = docset.docs[lang].sentence_id(i)
                matches = report.terms[lang][i] if lang in report.terms else ()
                sentence = docset.docs[lang].sentences[i].text
                text = _render(
                    sentence,
                    matches,
                    marks.get(sid, []),
                    colours,
                    outlined.get(sid, set()),
                    _pieces(sentence, lang, sid, linked.get(sid)),
                )
                cell.append(
                    f'<span class="s" id="s-{escape(sid)}">'
                    f'<span class="sid">{escape(sid)}</span> {text}</span>'
                )
            if lang != docset.pivot:
                cell.append(_link_info(row.links.get(lang, []), report.options.min_cert))
            cell += badges.get((r, lang), [])
            out.append(f'<td data-lang="{escape(lang)}">' + " ".join(cell) + "</td>")
        out.append("</tr>")
    out.append("</tbody></table></section>")
    return out


def _spans(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The link's text with the words a finding is about in ``<mark class="span">``; "" without spans."""
    if not spans:
        return ""
    parts, pos = [], 0
    for start, end in sorted(spans):
        parts += [escape(text[pos:start]), f'<mark class="span">{escape(text[start:end])}</mark>']
        pos = end
    return f'<div class="spans">{"".join(parts)}{escape(text[pos:])}</div>'


def _findings_table(located: list[_Located]) -> list[str]:
    out = [
        '<section id="findings"><h2>Findings</h2>',
        '<table class="findings"><thead><tr>'
        + "".join(
            f'<th aria-sort="none" data-col="{col}"><button type="button" title="sort">{name}</button></th>'
            for col, name in (
                ("pair", "pair"),
                ("kind", "kind"),
                ("severity", "severity"),
                ("sentences", "sentences"),
                ("detail", "what differs"),
                ("fingerprint", "fingerprint"),
            )
        )
        + "</tr></thead><tbody>",
    ]
    for x in located:
        f = x.finding
        left, right = (
            " + ".join(f'<span class="id">{escape(i)}</span>' for i in ids) or "—"
            for ids in (f.src_ids, f.tgt_ids)
        )
        out.append(
            f'<tr id="{x.anchor}" data-kind="{escape(f.kind)}" data-lang="{escape(x.lang)}" '
            f'data-severity="{escape(f.severity)}" '
            f'data-pair="{escape(f.pair)}">'
            f"<td>{escape(f.pair)}</td>"
            f'<td><span class="badge k-{escape(f.kind)}">{escape(f.kind)}</span></td>'
            f'<td class="sev-{escape(f.severity)}" data-sort="{SEVERITIES.index(f.severity)}">'
            f"{escape(f.severity)}</td>"
            f'<td data-sort="{x.row:06d}"><a href="#row-{x.row}">{left} ↔ {right}</a></td>'
            f"<td>{escape(f.detail)}{_spans(f.src_text, f.src_spans)}{_spans(f.tgt_text, f.tgt_spans)}</td>"
            f"<td><code>{fingerprint(f)}</code></td></tr>"
        )
    out.append("</tbody></table>")
    if not located:
        out.append("<p>No findings.</p>")
    out.append("</section>")
    return out


def _renderings(report: Report) -> list[str]:
    """Each pivot term (names marked) and its renderings in every version with their counts, side by
    side; the table wraps its words rather than widen the page."""
    terms = report.renderings.terms
    if not terms:
        return []
    langs = list(terms[0].versions)
    out = [
        '<section id="renderings"><h2>Renderings</h2>',
        '<table class="renderings"><thead><tr><th>term</th><th>count</th>'
        + "".join(f"<th>{escape(lang)}</th>" for lang in langs)
        + "</tr></thead><tbody>",
    ]
    for t in terms:
        name = ' <span class="name">name</span>' if t.name else ""
        cells = "".join(
            "<td>"
            + ("<br>".join(f"{escape(r.text)} <b>×{r.count}</b>" for r in t.versions[lang]) or "—")
            + "</td>"
            for lang in langs
        )
        out.append(f"<tr><td>{escape(t.term)}{name}</td><td>{t.count}</td>{cells}</tr>")
    out.append("</tbody></table></section>")
    return out


def _link_info(links: list[Link], threshold: float) -> str:
    """Type and confidence of the links that put this version's sentences in the row."""
    out = []
    for link in links:
        kind, cert, status = link.kind, link.cert, link.status
        low = cert is not None and cert < threshold and "0" not in kind.split("-")  # gaps: see their finding
        conf = status if cert is None else below(cert, threshold) if low else f"{cert:.2f}"
        css = "link low" if low else "link"
        out.append(
            f'<span class="{css}" title="link {escape(kind)}, {escape(status)}">'
            f"{escape(kind)} · {conf}</span>"
        )
    return " ".join(out)


def _summary_table(summary: dict) -> list[str]:
    pairs = list(summary["pairs"])
    out = ['<section id="summary"><h2>Summary</h2>']
    out.append(f"<p>{escape(headline(summary))}.</p>")
    out.append(
        '<table class="counts"><thead><tr><th>kind</th>'
        + "".join(f"<th>{escape(p)}</th>" for p in pairs)
        + "<th>total</th></tr></thead><tbody>"
    )
    # Cells say which findings they count (data-pair, data-kind): the page recounts them when filtering.
    for kind in summary["options"]["kinds"]:
        cells = "".join(
            f'<td data-pair="{escape(p)}" data-kind="{escape(kind)}">'
            f"{summary['pairs'][p]['kinds'][kind]}</td>"
            for p in pairs
        )
        badge = f'<span class="badge k-{escape(kind)}">{escape(kind)}</span>'
        zero = ' class="zero"' if not summary["kinds"][kind] else ""
        out.append(
            f"<tr{zero}><th>{badge}</th>{cells}"
            f'<td data-kind="{escape(kind)}">{summary["kinds"][kind]}</td></tr>'
        )
    totals = "".join(f'<td data-pair="{escape(p)}">{summary["pairs"][p]["findings"]}</td>' for p in pairs)
    out.append(f'<tr class="total"><th>total</th>{totals}<td data-all="1">{summary["total"]}</td></tr>')
    links = "".join(f"<td>{summary['pairs'][p]['links']}</td>" for p in pairs)
    out.append(f'<tr class="links"><th>links</th>{links}<td></td></tr></tbody></table>')
    none = [k for k in summary["options"]["kinds"] if not summary["kinds"][k]]
    if none:  # their rows are hidden: a short table reads at a glance
        out.append(f'<p class="none">Checked, nothing found: {", ".join(none)}.</p>')
    out.append("</section>")
    return out


SEVERITY_LEGEND = (
    ("high", "the versions say different things: a changed number or unit, a sentence with no counterpart, "
     "opposite framings, a forbidden term"),
    ("medium", "something may be lost or added: a number or name on one side only, a clause left out, a "
     "framed term on one side, an unusual length"),
    ("low", "worth a glance: converted units, a neutral term missing, a link the aligner doubts"),
)  # fmt: skip


def _legend(colours: dict[str, str]) -> list[str]:
    severities = "; ".join(
        f'<b class="sev-{escape(s)}">{escape(s)}</b>: {escape(text)}' for s, text in SEVERITY_LEGEND
    )
    out = [f'<p class="legend">Severity \u2014 {severities}.</p>']
    marks = (
        '<mark class="d k-number sev-high">marked</mark> what a finding is about (a differing number or '
        "name, words left out); badges say what differs"
    )
    items = "".join(
        f'<span class="t framed" style="background:{c}">{escape(label)}</span> '
        for label, c in colours.items()
    )
    framing = (
        'Framing: <span class="t neutral">neutral</span> '
        + items
        + '<span class="t forbidden">forbidden</span> <span class="t div">term a finding is about</span>; '
        if colours
        else ""
    )
    out.append(f'<p class="legend">{framing}{marks}.</p>')
    return out


def _worst(findings: list[Finding]) -> str | None:
    return min((f.severity for f in findings), key=SEVERITIES.index, default=None)


def _overview(report: Report, rows: list[GridRow], located: list[_Located]) -> list[str]:
    """One strip per version along the document: a column per grid row, its upper part the link's
    confidence (darker: less sure; hatched: no link), its lower part the worst finding's severity.
    Every column links to its row."""
    docset = report.docset
    langs = [lang for lang in docset.docs if lang != docset.pivot]
    if not rows or not langs:
        return []
    by_cell: dict[tuple[int, str], list[Finding]] = defaultdict(list)
    for x in located:
        by_cell[x.row, x.lang].append(x.finding)
    lane = OVERVIEW_LANE
    height = lane * len(langs)
    out = [
        '<section id="overview"><h2>Overview</h2><div class="overview">',
        '<div class="lanes">' + "".join(f"<span>{escape(lang)}</span>" for lang in langs) + "</div>",
        f'<svg viewBox="0 0 {len(rows)} {height}" preserveAspectRatio="none" height="{height}" role="img" '
        f'aria-label="links and findings along the document">',
    ]
    for r, row in enumerate(rows):
        cells = []
        tips = [f"row {r + 1}"]
        for k, lang in enumerate(langs):
            links = row.links.get(lang, [])
            certs = [b.cert for b in links if b.cert is not None]
            cert = min(certs) if certs else None
            two_sided = any(b.src and b.tgt for b in links)
            fill = cert_colour(cert) if two_sided else "url(#gap)" if links else "#fff"
            y = k * lane
            cells.append(f'<rect x="{r}" y="{y}" width="1" height="{lane - 7}" fill="{fill}"/>')
            found = by_cell.get((r, lang), [])
            worst = _worst(found)
            if worst:
                cells.append(
                    f'<rect class="of sev-{worst}" data-lang="{escape(lang)}" data-row="{r}" x="{r}" '
                    f'y="{y + lane - 7}" width="1" height="6" fill="{SEVERITY_COLOURS[worst]}"/>'
                )
            conf = f"{cert:.2f}" if cert is not None else ("no link" if not two_sided else "manual")
            kinds = ", ".join(dict.fromkeys(f.kind for f in found))
            tips.append(f"{lang}: {conf}" + (f"; {kinds}" if kinds else ""))
        out.append(f'<a href="#row-{r}"><title>{escape(" · ".join(tips))}</title>{"".join(cells)}</a>')
    out.append(
        '<defs><pattern id="gap" width="2" height="2" patternUnits="userSpaceOnUse">'
        '<rect width="2" height="2" fill="#fff"/><rect width="1" height="2" fill="#fa5252"/></pattern></defs>'
    )
    out.append("</svg></div>")
    scale = "".join(
        f'<span class="sw" style="background:{colour}"></span>{_step_label(k)} '
        for k, (_, colour) in enumerate(CONFIDENCE_STEPS)
    )
    sev = "".join(
        f'<span class="sw" style="background:{SEVERITY_COLOURS[s]}"></span>{s} ' for s in SEVERITIES
    )
    out.append(
        f'<p class="legend">Upper band: link confidence {scale}<span class="sw gap"></span>no counterpart. '
        f"Lower band: worst finding {sev}. Click a column to go to its row.</p></section>"
    )
    return out


def cert_colour(cert: float | None) -> str:
    """The step of :data:`CONFIDENCE_STEPS` ``cert`` falls in (a smooth ramp gave pinks nobody could
    tell apart); grey for a link without a cert."""
    if cert is None:
        return "#ced4da"
    return next(colour for floor, colour in CONFIDENCE_STEPS if cert >= floor)


def _step_label(k: int) -> str:
    floor = CONFIDENCE_STEPS[k][0]
    if k == 0:
        return f"\u2265{floor:.1f}"
    ceiling = CONFIDENCE_STEPS[k - 1][0]
    return f"<{ceiling:.1f}" if k == len(CONFIDENCE_STEPS) - 1 else f"{floor:.1f}\u2013{ceiling:.1f}"


def _chart(summary: dict, located: list[_Located]) -> list[str]:
    """Findings per pair as stacked horizontal bars by kind; the page redraws them when filtering."""
    pairs = list(summary["pairs"])
    kinds = summary["options"]["kinds"]
    if not pairs:
        return []
    counts = Counter((x.finding.pair, x.finding.kind) for x in located)
    widest = max([summary["pairs"][p]["findings"] for p in pairs] + [1])
    label_w, bar_w, bar_h = 110, 300, 18
    scale = bar_w / widest
    height = bar_h * len(pairs) + 4
    out = [
        f'<figure class="chart"><figcaption>Findings per pair</figcaption>'
        f'<svg id="chart" viewBox="0 0 {label_w + bar_w + 40} {height}" width="{label_w + bar_w + 40}" '
        f'height="{height}" data-scale="{scale:.6f}" data-x0="{label_w}" role="img" '
        'aria-label="findings per pair">'
    ]
    for k, pair in enumerate(pairs):
        y = k * bar_h + 2
        x = label_w
        out.append(f'<text x="{label_w - 6}" y="{y + bar_h - 6}" text-anchor="end">{escape(pair)}</text>')
        out.append(f'<g data-pair="{escape(pair)}">')
        for kind in kinds:
            n = counts[pair, kind]
            w = n * scale
            out.append(
                f'<rect data-kind="{escape(kind)}" x="{x:.2f}" y="{y}" width="{w:.2f}" height="{bar_h - 4}" '
                f'fill="{kind_colour(kind)}"><title>{escape(pair)} {escape(kind)}: {n}</title></rect>'
            )
            x += w
        total = summary["pairs"][pair]["findings"]
        out.append(f'<text class="n" x="{x + 4:.2f}" y="{y + bar_h - 6}">{total}</text></g>')
    out.append("</svg></figure>")
    return out


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
        f'<label><input type="checkbox" data-lang="{escape(x)}" checked> '
        f"{escape(x)} ({counts_by_lang[x]})</label>"
        for x in right
    ]
    boxes.append("</fieldset><fieldset><legend>severity</legend>")
    boxes += [
        f'<label><input type="checkbox" data-severity="{escape(s)}" checked> '
        f"{escape(s)} ({summary['severities'][s]})</label>"
        for s in SEVERITIES
    ]
    boxes.append("</fieldset><fieldset><legend>text</legend>")
    boxes.append('<label><input type="checkbox" id="only-findings"> only rows with findings</label>')
    boxes.append('</fieldset></div><p id="shown" aria-live="polite"></p></section>')
    return boxes


def kind_colour(kind: str) -> str:
    """A kind's badge colour, from its place in the registry (:data:`KINDS`), so a newly registered kind
    has one too; colours repeat after the palette's twelve."""
    return KIND_PALETTE[list(KINDS).index(kind) % len(KIND_PALETTE)]


@functools.cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def _css() -> str:
    """The stylesheet (static/report.css) with the colours of every registered kind and severity."""
    kinds = "".join(f".badge.k-{k} {{ background: {kind_colour(k)}; }}\n" for k in KINDS)
    badges = "".join(
        f"a.badge.sev-{s} {{ background: {bg}; color: {fg}; }}\n" for s, (bg, fg) in BADGE_COLOURS.items()
    )
    return _asset("report.css") + kinds + badges


def _script(report: Report) -> str:
    """The page's script (static/report.js) after the data it reads: counts, severities and colours."""
    data = {
        "TOTAL": len(report.findings),
        "SEVERITIES": list(SEVERITIES),
        "SEVERITY_COLOURS": SEVERITY_COLOURS,
    }
    consts = "".join(f"const {name} = {json.dumps(value)};" for name, value in data.items())
    return consts + _asset("report.js")
