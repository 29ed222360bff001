"""A Markdown report: the summary table, then each pair's findings grouped by link, texts quoted.

Text from the documents is escaped (CommonMark backslash escapes), so a sentence with ``*``, ``|`` or
``<script>`` cannot change the layout or inject markup into a rendered page.
"""

from __future__ import annotations

import re

from ..model import Finding
from .counts import findings_count, headline, summarise
from .findings import Report, fingerprint

# Inline specials only: document text never starts a line (it follows a label), so list and heading
# markers need no escape, and raw Markdown stays readable.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(report: Report) -> str:
    summary = summarise(report)
    pairs = list(summary["pairs"])
    out = [f"# Divergence report: {escape(summary['set_id'])}", ""]
    facts = [f"pivot {escape(summary['pivot'])}", "languages " + ", ".join(map(escape, summary["languages"]))]
    if summary["termbase"]:
        facts.append(f"termbase {escape(summary['termbase'])}")
    sentence = "; ".join(facts)
    out += [sentence[0].upper() + sentence[1:] + ".", ""]
    out += [headline(summary) + ".", ""]
    out.append("| kind | " + " | ".join(map(escape, pairs)) + " | total |")
    out.append("|---|" + "---:|" * (len(pairs) + 1))
    for kind in summary["options"]["kinds"]:
        counts = [str(summary["pairs"][p]["kinds"][kind]) for p in pairs]
        out.append(f"| {kind} | " + " | ".join(counts) + f" | {summary['kinds'][kind]} |")
    totals = [str(summary["pairs"][p]["findings"]) for p in pairs]
    out.append("| **total** | " + " | ".join(totals) + f" | {summary['total']} |")
    for alignment in report.alignments:
        found = [f for f in report.findings if f.pair == alignment.pair]
        out += ["", f"## {escape(alignment.pair)} ({findings_count(len(found))})"]
        last = None
        for f in found:
            if (f.src_ids, f.tgt_ids) != last:
                last = (f.src_ids, f.tgt_ids)
                out += _link(f, alignment.src_lang, alignment.tgt_lang)
            concept = f" \\[{escape(f.concept)}\\]" if f.concept else ""
            out.append(f"- **{f.kind}** ({f.severity}){concept}: {escape(f.detail)} `{fingerprint(f)}`")
    return "\n".join(out + _renderings(report)) + "\n"


def _renderings(report: Report) -> list[str]:
    """The pivot's terms and their renderings in each version with counts, one row a term."""
    terms = report.renderings.terms
    if not terms:
        return []
    langs = list(terms[0].versions)
    out = ["", "## Renderings", "", "| term | count | " + " | ".join(map(escape, langs)) + " |"]
    out.append("|---|---:|" + "---|" * len(langs))
    for t in terms:
        cells = ["; ".join(f"{escape(r.text)} ×{r.count}" for r in t.versions[lang]) or "—" for lang in langs]
        name = " (name)" if t.name else ""
        out.append(f"| {escape(t.term)}{name} | {t.count} | " + " | ".join(cells) + " |")
    return out


def _link(finding: Finding, src_lang: str, tgt_lang: str) -> list[str]:
    """A link's heading and both texts, before its findings."""
    src_ids = " + ".join(finding.src_ids) or "(none)"
    tgt_ids = " + ".join(finding.tgt_ids) or "(none)"
    return [
        "",
        f"### {escape(src_ids)} ↔ {escape(tgt_ids)}",
        "",
        f"> **{escape(src_lang)}**: {escape(finding.src_text) or '—'}  ",
        f"> **{escape(tgt_lang)}**: {escape(finding.tgt_text) or '—'}",
        "",
    ]
