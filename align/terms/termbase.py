"""Termbase data: concepts with their terms per language, framing labels and status.

Readers (TBX, CSV/TSV glossaries) produce raw rows; :func:`build_termbase` is the one place that
checks and normalises them, so every format obeys the same rules for labels, status and languages.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, clip
from ..lang import parse_tag

NEUTRAL = frozenset({"", "neutral", "none"})  # framing values that mean "no framing"

# Administrative status, from TBX (``preferredTerm-admn-sts``, v2 ``deprecatedTerm``) or a glossary
# column (``forbidden``): normalised to one word. Deprecated terms are forbidden; superseded ones are
# only outdated (kept in ``Term.status`` so a report can flag them more mildly).
STATUSES = frozenset(
    {"preferred", "admitted", "deprecated", "superseded", "legal", "regulated", "standardized"}
)
_STATUS_ALIASES = {"forbidden": "deprecated", "obsolete": "superseded", "standardised": "standardized"}

_LABEL = re.compile(r"[^\W_][\w.:+/-]*(?: [\w.:+/-]+)*")
MAX_LABEL = 64


@dataclass(frozen=True)
class Term:
    text: str
    lang: str  # BCP 47 tag as written in the termbase, canonical case (sr-Latn)
    framing: str | None  # normalised label; None means neutral
    forbidden: bool = False
    status: str | None = None  # one of STATUSES, None when the termbase does not say


@dataclass(frozen=True)
class Concept:
    id: str
    terms: tuple[Term, ...]
    label: str | None = None  # a readable name: the English term, else the first term


@dataclass
class RawTerm:
    """One term as a reader found it, before checks; ``where`` locates it for messages."""

    concept: str
    lang: str
    text: str
    framing: str | None
    status: str | None
    where: str  # e.g. "line 12"


@dataclass
class Termbase:
    concepts: list[Concept]
    source: str
    _by_lang: dict[str, list[tuple[Concept, Term]]] = field(default_factory=dict, init=False, repr=False)

    def langs(self) -> set[str]:
        return {t.lang for c in self.concepts for t in c.terms}

    def terms_for(self, lang: str) -> list[tuple[Concept, Term]]:
        """Terms that apply to a text in ``lang``, in termbase order.

        A term applies when its primary language equals the text's and their regions do not
        differ; script never excludes (``sr`` and ``sr-Latn`` terms serve ``sr-Cyrl`` texts, since
        Serbian is compared through Latin script).
        """
        if lang not in self._by_lang:
            want = _split_tag(lang)
            self._by_lang[lang] = [
                (c, t) for c in self.concepts for t in c.terms if _applies(_split_tag(t.lang), want)
            ]
        return self._by_lang[lang]

    def require_langs(self, langs: Iterable[str]) -> None:
        """Raise InputError naming the languages of ``langs`` that no term applies to."""
        missing = [lang for lang in langs if not self.terms_for(lang)]
        if missing:
            have = ", ".join(sorted(self.langs()))
            raise InputError(f"termbase has no terms for {', '.join(missing)} (it has {have})", self.source)


def _split_tag(tag: str) -> tuple[str, str | None]:
    """(primary language, region or None); scripts and variants do not decide applicability."""
    parsed = parse_tag(tag)
    return parsed.language, parsed.region


def _applies(term: tuple[str, str | None], text: tuple[str, str | None]) -> bool:
    return term[0] == text[0] and (term[1] is None or text[1] is None or term[1] == text[1])


def canonical_tag(tag: str, path: str | Path, where: str) -> str:
    """BCP 47 case conventions (``sr-latn`` -> ``sr-Latn``); InputError for what is not a tag."""
    try:
        return parse_tag(tag).tag
    except InputError as exc:
        raise InputError(f"{where}: {exc}", path) from None


def normalise_label(value: str | None) -> str | None:
    if value is None:
        return None
    label = " ".join(value.split()).casefold()
    return None if label in NEUTRAL else label


def normalise_status(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    word = value.strip().casefold().removesuffix("-admn-sts").removesuffix("term")
    return _STATUS_ALIASES.get(word, word)


def build_termbase(
    rows: list[RawTerm], path: str | Path, *, labels: Collection[str] | None = None
) -> Termbase:
    """Check raw terms and group them into concepts (first-seen order, duplicates dropped).

    Framing labels are normalised (case, spacing; "neutral" means none). With ``labels``, a label
    outside that vocabulary is an error; without it, any short label is accepted.
    """
    allowed = None if labels is None else {n for x in labels if (n := normalise_label(x)) is not None}
    grouped: dict[str, list[Term]] = {}
    for row in rows:
        where = f"{row.where}, concept {clip(row.concept)}"
        if not row.concept:
            raise InputError(f"{row.where}: term {clip(row.text)} has no concept id", path)
        if not row.lang:
            raise InputError(f"{where}: term {clip(row.text)} has no language", path)
        text = " ".join(row.text.split())
        if not text:
            raise InputError(f"{where}: empty term", path)
        framing = normalise_label(row.framing)
        if framing is not None:
            if allowed is not None and framing not in allowed:
                vocab = ", ".join(sorted(allowed)) or "none"
                raise InputError(f"{where}: unknown framing label {clip(framing)} (allowed: {vocab})", path)
            if len(framing) > MAX_LABEL or not _LABEL.fullmatch(framing):
                raise InputError(f"{where}: framing label {clip(framing)} is not a short label", path)
        status = normalise_status(row.status)
        if status is not None and status not in STATUSES:
            expected = ", ".join(sorted(STATUSES))
            raise InputError(
                f"{where}: unknown term status {clip(row.status)} (expected one of {expected})", path
            )
        term = Term(text, canonical_tag(row.lang, path, where), framing, status == "deprecated", status)
        terms = grouped.setdefault(row.concept, [])
        if term not in terms:
            terms.append(term)
    if not grouped:
        raise InputError("no terms found", path)
    return Termbase([_concept(cid, tuple(terms)) for cid, terms in grouped.items()], str(path))


def _concept(cid: str, terms: tuple[Term, ...]) -> Concept:
    english = [t for t in terms if _split_tag(t.lang)[0] == "en"]
    preferred = [t for t in english if not t.forbidden]
    label = (preferred or english or list(terms))[0].text
    return Concept(cid, terms, label)
