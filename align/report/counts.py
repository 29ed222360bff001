"""Counts of a report (per pair and kind, per severity), as data for every output and as the short
table the ``report`` command prints on stderr."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .base import SEVERITIES
from .checks import KINDS
from .findings import Report


def summarise(report: Report) -> dict[str, Any]:
    """JSON-ready counts; every kind is listed for every pair (zeros included), so tables line up."""
    by_pair = Counter((f.pair, f.kind) for f in report.findings)
    pairs = {
        a.pair: {
            "links": len(a.links),
            "findings": sum(by_pair[a.pair, kind] for kind in KINDS),
            "kinds": {kind: by_pair[a.pair, kind] for kind in KINDS},
        }
        for a in report.alignments
    }
    kinds = Counter(f.kind for f in report.findings)
    severities = Counter(f.severity for f in report.findings)
    return {
        "set_id": report.docset.id,
        "pivot": report.docset.pivot,
        "languages": list(report.docset.docs),
        "termbase": report.termbase,
        "total": len(report.findings),
        "ignored": len(report.ignored),
        "kinds": {kind: kinds[kind] for kind in KINDS},
        "severities": {severity: severities[severity] for severity in SEVERITIES},
        "pairs": pairs,
        "options": {
            "kinds": [kind for kind in KINDS if kind in report.options.kinds],
            "min_cert": report.options.min_cert,
            "length_ratio": report.options.length_ratio,
        },
    }


def findings_count(n: int) -> str:
    return f"{n} finding{'s' * (n != 1)}"


def headline(summary: dict[str, Any], where: str = "") -> str:
    """``3 findings{where} (2 high, 1 low); 1 silenced by the ignore file``, for every output."""
    severities = ", ".join(f"{n} {s}" for s, n in summary["severities"].items() if n)
    line = findings_count(summary["total"]) + where + (f" ({severities})" if severities else "")
    if summary["ignored"]:
        line += f"; {summary['ignored']} silenced by the ignore file"
    return line


def terminal_summary(report: Report) -> str:
    """A fixed-width table: one row per checked kind, one column per pair, then the total."""
    summary = summarise(report)
    pairs = list(summary["pairs"])
    kinds = summary["options"]["kinds"]
    rows = [["", *pairs, "total"]]
    rows += [
        [kind, *(str(summary["pairs"][p]["kinds"][kind]) for p in pairs), str(summary["kinds"][kind])]
        for kind in kinds
    ]
    rows.append(["total", *(str(summary["pairs"][p]["findings"]) for p in pairs), str(summary["total"])])
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(w) if c == 0 else cell.rjust(w)
            for c, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    return "\n".join([headline(summary, f" in set {summary['set_id']}"), *lines])
