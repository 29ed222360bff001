"""Keeping suspect links out of an export: a minimum cert, and links a report flagged.

A link is flagged when a finding of a chosen kind in a JSON report (``align report --format json``)
names one of its sentences, for the same document set and the same pair (either direction; a pair
composed through the pivot only by findings of that composed pair). Links without a cert (manual
links) pass ``min_cert``: a person confirmed them. Filtering drops links from the alignment, so every
output format sees the same links.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError
from ..io.reader import read_bytes
from ..model import Alignment, DocumentSet, Link


@dataclass(frozen=True)
class _Flag:
    set_id: str | None  # None when the report does not say
    pair: str  # as the report names it, pivot first ("en-sr-Cyrl")
    kind: str
    ids: frozenset[str]


@dataclass
class LinkFilter:
    min_cert: float | None = None
    reports: tuple[str, ...] = ()  # the report files flags came from, for the TMX header
    kinds: frozenset[str] | None = None  # kinds that flag a link; None: every kind
    flags: list[_Flag] = field(default_factory=list)
    # What was left out: reason -> number of links, and how many of them had both sides.
    dropped: Counter[str] = field(default_factory=Counter)
    dropped_two_sided: Counter[str] = field(default_factory=Counter)

    @property
    def active(self) -> bool:
        return self.min_cert is not None or bool(self.reports)

    def apply(
        self, selected: Iterable[tuple[DocumentSet, Alignment]]
    ) -> Iterator[tuple[DocumentSet, Alignment]]:
        """The selected alignments with the dropped links taken out (counted in ``dropped``)."""
        for docset, alignment in selected:
            if not self.active:
                yield docset, alignment
                continue
            names = {alignment.pair, f"{alignment.tgt_lang}-{alignment.src_lang}"}
            flags = [f for f in self.flags if f.set_id in (None, docset.id) and f.pair in names]
            src, tgt = docset.docs[alignment.src_lang], docset.docs[alignment.tgt_lang]
            kept: list[Link] = []
            for link in alignment.links:
                ids = {src.sentence_id(i) for i in link.src} | {tgt.sentence_id(j) for j in link.tgt}
                reason = self._reason(link, ids, flags)
                if reason is None:
                    kept.append(link)
                else:
                    self.dropped[reason] += 1
                    self.dropped_two_sided[reason] += bool(link.src and link.tgt)
            yield docset, replace(alignment, links=kept)

    def _reason(self, link: Link, ids: set[str], flags: list[_Flag]) -> str | None:
        if self.min_cert is not None and link.cert is not None and link.cert < self.min_cert:
            return "low-cert"
        return next((f.kind for f in flags if not f.ids.isdisjoint(ids)), None)

    def summary(self, *, two_sided: bool = False) -> str:
        """One line saying what was left out, e.g. for the TMX header."""
        counts = self.dropped_two_sided if two_sided else self.dropped
        parts = []
        if self.min_cert is not None:
            parts.append(f"{counts['low-cert']} with cert below {self.min_cert:g}")
        if self.reports:
            flagged = sum(n for reason, n in counts.items() if reason != "low-cert")
            kinds = ", ".join(sorted(self.kinds)) if self.kinds else "any kind"
            by_kind = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()) if k != "low-cert" and n)
            parts.append(
                f"{flagged} flagged ({kinds}) in {', '.join(Path(r).name for r in self.reports)}"
                + (f": {by_kind}" if by_kind else "")
            )
        return "left out: " + "; ".join(parts)


def load_filter(
    min_cert: float | None,
    reports: Sequence[str],
    kinds: Collection[str] | None,
    known_kinds: Collection[str],
) -> LinkFilter:
    """A filter from the command line's options; InputError for an unreadable report or unknown kind."""
    if kinds is not None:
        unknown = sorted(set(kinds) - set(known_kinds))
        if unknown:
            raise InputError(
                f"unknown finding kind(s) {', '.join(unknown)} (known: {', '.join(known_kinds)})"
            )
        if not reports:
            raise InputError("--exclude-kinds needs --exclude-flagged REPORT.json")
    wanted = frozenset(kinds) if kinds is not None else None
    flags = [f for path in reports for f in _read_flags(path) if wanted is None or f.kind in wanted]
    return LinkFilter(min_cert, tuple(reports), wanted, flags)


def _read_flags(path: str) -> list[_Flag]:
    try:
        data = json.loads(read_bytes(path))
        set_id = (data.get("summary") or {}).get("set_id")
        findings = data["findings"]
        flags = []
        for f in findings:
            ids = frozenset(f["src_ids"]) | frozenset(f["tgt_ids"])
            flags.append(_Flag(set_id, str(f["pair"]), str(f["kind"]), ids))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc).splitlines()[0]
        raise InputError(f"not a JSON report from 'align report --format json' ({detail})", path) from None
    return flags
