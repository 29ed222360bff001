"""How each version renders the pivot's terms, found without a glossary through the word alignment.

A term is a run of one to three content words of the pivot (no stop word, function word or number
inside; see :func:`align.report.wordlinks.is_content` and the profile's ``function_words``) that
occurs at least MIN_COUNT times in the set; a term
whose words are capitalised wherever it occurs is a name and is kept apart (``name``). Where it
occurs, its rendering in a version is the content words of the target that the word alignment links
to its words, lemmatised (simplemma, where the language has a dictionary) or folded: "Kosovës" and
"Kosova" count as one rendering, and so do the same words in another order. Only the most frequent
terms are followed (``ReportOptions.renderings``), and at most MAX_LINKS links of a pair are
word-aligned for them, so a long document costs a bounded time. Each occurrence also keeps what the
rendering checks (:mod:`align.report.checks.renderings`) judge by: the target words linked to nothing
beside the rendering (or standing where it would be), and whether the link's words are accounted for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..lang import profile
from ..lang.lemma import dictionary, lemma
from ..model import DocumentSet
from ..text.textnorm import fold
from ..words import Token, tokenize
from .base import BuiltLinks, LinkContext, pivot_links
from .wordlinks import LinkWords, is_content, is_stopword, link_words

MIN_COUNT = 2  # occurrences of a term in the pivot
MAX_WORDS = 3  # words of a term at most
MAX_LINKS = 120  # links of a pair word-aligned for the terms, in text order


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a term in one link of a pair, and what the version renders it by there."""

    src_ids: tuple[str, ...]  # the link's sentence ids
    tgt_ids: tuple[str, ...]
    src_span: tuple[int, int]  # character offsets into the link's src_text
    words: tuple[tuple[str, int, int], ...]  # the rendering: (normalised word, start, end in tgt_text)
    tgt_words: frozenset[str]  # every content word of the link's tgt_text, normalised
    # content words of the target linked to nothing, beside the rendering or inside it (where it has
    # none: between the words linked to the term's neighbours): a qualifier the pivot lacks, or what
    # stands for the term; (normalised, start, end)
    near: tuple[tuple[str, int, int], ...] = ()
    surface: Mapping[int, str] = field(default_factory=dict)  # start of a target word -> its folded form
    src_words: frozenset[str] = frozenset()  # every content word of the link's src_text, folded
    free: bool = False  # a content word of the pivot's link outside the term is linked to nothing
    # (it may be what a word added to the rendering renders)
    partial: bool = False  # a word of the term itself is linked to nothing
    known: frozenset[int] = frozenset()  # starts of the target words that a pivot word of the link
    # is linked to in another link of the pair ("između" for "between"): the set's own lexicon

    @property
    def rendering(self) -> str:
        """Rendering.text of this occurrence ("" when no content word is linked)."""
        return " ".join(sorted({w for w, _, _ in self.words}))


@dataclass(frozen=True)
class Rendering:
    text: str  # the target words, normalised, sorted, space-separated
    count: int


@dataclass(frozen=True)
class TermRenderings:
    """A pivot term and its renderings in each version (most frequent first; ties in text order)."""

    term: str  # the pivot words, folded
    count: int  # occurrences in the pivot
    name: bool  # its words are capitalised wherever it occurs
    versions: Mapping[str, tuple[Rendering, ...]]  # version -> renderings (linked occurrences only)


def normalise(word: str, lang: str) -> str:
    """A word's comparison form: its lemma where the language has a dictionary, folded."""
    code = dictionary(lang)
    return fold((lemma(word, code) if code else None) or word, lang)


def term_spans(tokens: Sequence[Token], lang: str) -> list[tuple[str, int, int, bool]]:
    """Every run of 1..MAX_WORDS content words of ``tokens``: (folded words, first, last + 1, name)."""
    content = [_content(t, lang) for t in tokens]
    out = []
    for i in range(len(tokens)):
        for n in range(1, MAX_WORDS + 1):
            if i + n > len(tokens) or not content[i + n - 1]:
                break
            words = " ".join(fold(t.text, lang) for t in tokens[i : i + n])
            out.append((words, i, i + n, all(t.text[:1].isupper() for t in tokens[i : i + n])))
    return out


def pivot_terms(texts: Sequence[str], lang: str, limit: int) -> list[tuple[str, int, bool]]:
    """The ``limit`` most frequent terms of ``texts`` occurring MIN_COUNT times or more: (term, count,
    name). A term inside a longer one that occurs as often (every "Prime" is in "Prime Minister") is
    left out for the longer."""
    counts: Counter[str] = Counter()
    names: dict[str, bool] = {}
    for text in texts:
        for words, _, _, name in term_spans(tokenize(text, lang), lang):
            counts[words] += 1
            names[words] = names.get(words, True) and name
    kept = {t: c for t, c in counts.items() if c >= MIN_COUNT}
    subsumed = {part for t, c in kept.items() if " " in t for part in _parts(t) if kept.get(part) == c}
    ranked = sorted((t for t in kept if t not in subsumed), key=lambda t: (-kept[t], -t.count(" ")))
    return [(t, kept[t], names[t]) for t in ranked[:limit]]


def _parts(term: str) -> list[str]:
    """The shorter terms inside ``term``."""
    words, n = term.split(), term.count(" ") + 1
    return [" ".join(words[i:j]) for i in range(n) for j in range(i + 1, n + 1) if j - i < n]


NEAR = 3  # tokens either side of a rendering (or a term) looked at for words linked to nothing


def _beside(
    tokens: Sequence[Token], lang: str, first: int, last: int, linked: frozenset[int], pivot: bool = False
) -> list[int]:
    """Indices of the content words linked to nothing inside tokens[first:last] and within NEAR
    tokens either side of it, up to the nearest linked content word (``pivot``: linked word) or
    punctuation mark."""
    out = [j for j in range(first, last) if j not in linked and _content(tokens[j], lang)]
    for step, start in ((-1, first - 1), (1, last)):
        j = start
        while 0 <= j < len(tokens) and abs(j - start) < NEAR:
            token = tokens[j]
            if not any(c.isalnum() for c in token.text) or (j in linked and (pivot or _content(token, lang))):
                break
            if j not in linked and _content(token, lang):
                out.append(j)
            j += step
    return sorted(out)


def _grammar(form: str, lang: str) -> bool:
    """Whether a normalised form (a lemma: "ließ" -> "lassen") is a stop word or function word."""
    return is_stopword(form, lang) or form in profile(lang).function_words


def _content(token: Token, lang: str) -> bool:
    """A content word (:func:`is_content`) that is neither a number nor a function word."""
    return (
        is_content(token, lang, numbers=False) and fold(token.text, lang) not in profile(lang).function_words
    )


def occurrences(
    links: Sequence[LinkContext], words: Mapping[LinkContext, LinkWords], terms: Sequence[str]
) -> dict[str, list[Occurrence]]:
    """Each term's occurrences in the links that have word links, with their renderings."""
    wanted = set(terms)
    out: dict[str, list[Occurrence]] = {t: [] for t in terms}
    pairs = {link: _pairs(link, found) for link, found in words.items()}
    learnt = Counter(pair for found in pairs.values() for pair in found)
    for link in links:
        found = words.get(link)
        if found is None:
            continue
        lang, src_lang = link.tgt_lang, link.src_lang
        known = _known(link, found, pairs[link], learnt)
        forms = [normalise(t.text, lang) if _content(t, lang) else None for t in found.right]
        right = [
            (form, t.start, t.end) if form is not None and not _grammar(form, lang) else None
            for form, t in zip(forms, found.right, strict=True)
        ]
        tgt_words = frozenset(w[0] for w in right if w)
        surface = {t.start: fold(t.text, lang) for t in found.right}
        src_words = frozenset(fold(t.text, src_lang) for t in found.left if is_content(t, src_lang))
        linked_src = found.linked(True)
        free = [i for i, t in enumerate(found.left) if i not in linked_src and _content(t, src_lang)]
        for term, first, last, _ in term_spans(found.left, src_lang):
            if term not in wanted:
                continue
            targets = sorted({w.tgt for w in found.links if first <= w.src < last})
            rendering = tuple(w for w in (right[j] for j in targets) if w)
            near = _near(found, (src_lang, lang), first, last, targets)
            span = (found.left[first].start, found.left[last - 1].end)
            out[term].append(
                Occurrence(
                    link.src_ids,
                    link.tgt_ids,
                    span,
                    rendering,
                    tgt_words,
                    tuple(w for w in (right[j] for j in near) if w),
                    surface,
                    src_words,
                    any(not first <= i < last for i in free),
                    any(first <= i < last for i in free),
                    known,
                )
            )
    return out


def _known(
    link: LinkContext, found: LinkWords, own: frozenset[tuple[str, str]], learnt: Counter[tuple[str, str]]
) -> frozenset[int]:
    """Starts of the target words that a pivot word of the link is linked to in another link of the
    pair (``own``: the link's own word pairs, ``learnt``: the pair's counts of them)."""
    lang, sources = link.tgt_lang, {fold(t.text, link.src_lang) for t in found.left}
    return frozenset(
        t.start
        for t, f in ((t, fold(t.text, lang)) for t in found.right)
        if any(learnt[s, f] > ((s, f) in own) for s in sources)
    )


def _near(
    found: LinkWords, langs: tuple[str, str], first: int, last: int, targets: Sequence[int]
) -> list[int]:
    """Target words beside a term's rendering (its word links ``targets``) that no pivot word of the
    link accounts for; when nothing is linked to the term and it stands alone, what stands between
    its neighbours' counterparts."""
    src_lang, lang = langs
    if targets:
        near = _beside(found.right, lang, targets[0], targets[-1] + 1, found.linked(False))
        return [j for j in near if not _accounted(found, first, last, targets, j, src_lang)]
    if _alone(found.left, src_lang, first, last, found.linked(True)):
        return _between(found, first, last, lang)
    return []  # the words between may render the pivot's words beside the term


def _pairs(link: LinkContext, found: LinkWords) -> frozenset[tuple[str, str]]:
    """The (pivot word, target word) pairs that the word links of one link join, folded."""
    left, right = found.left, found.right
    return frozenset(
        (fold(left[w.src].text, link.src_lang), fold(right[w.tgt].text, link.tgt_lang)) for w in found.links
    )


def _accounted(found: LinkWords, first: int, last: int, targets: Sequence[int], j: int, lang: str) -> bool:
    """Whether the target word j beside a term's rendering may render a pivot word beside the term
    rather than be added: it stands next to a number (a unit, "vitin 2008" for "2008"), or on its
    side of the rendering a pivot word within NEAR tokens of the term on the same side is linked to
    nothing or only to words on the other side ("met" linked astray, "takoi" left over)."""
    right = found.right
    if any(0 <= i < len(right) and right[i].text[:1].isdigit() for i in (j - 1, j + 1)):
        return True
    if targets[0] <= j <= targets[-1]:
        return False
    side = 1 if j > targets[-1] else -1
    start = last if side > 0 else first - 1
    for i in range(start, start + side * NEAR, side):
        if not 0 <= i < len(found.left) or not any(c.isalnum() for c in found.left[i].text):
            break
        if not is_content(found.left[i], lang):
            continue
        linked = [w.tgt for w in found.links if w.src == i]
        if not any((t > targets[-1]) if side > 0 else (t < targets[0]) for t in linked):
            return True
    return False


def _alone(tokens: Sequence[Token], lang: str, first: int, last: int, linked: frozenset[int]) -> bool:
    """Whether the pivot words beside a term up to the nearest linked word are all linked or no
    content words, and none is a number (a unit's rendering is the number check's: "50 percent")."""
    beside = [tokens[i] for i in (first - 1, last) if 0 <= i < len(tokens)]
    if any(t.text[:1].isdigit() for t in beside):
        return False
    return all(first <= i < last for i in _beside(tokens, lang, first, last, linked, True))


def _between(found: LinkWords, first: int, last: int, lang: str) -> list[int]:
    """Where a term has no linked word: the target content words linked to nothing between the
    targets of the nearest linked pivot words before and after it (none when either is missing)."""
    left = max((x.src for x in found.links if x.src < first), default=-1)
    right = min((x.src for x in found.links if x.src >= last), default=-1)
    before = [w.tgt for w in found.links if w.src == left]
    after = [w.tgt for w in found.links if w.src == right]
    if not before or not after or not 0 < min(after) - max(before) <= 2 * NEAR:
        return []
    linked = found.linked(False)
    return [
        j for j in range(max(before) + 1, min(after)) if j not in linked and _content(found.right[j], lang)
    ]


def pair_occurrences(links: Sequence[LinkContext], terms: Sequence[str]) -> dict[str, list[Occurrence]]:
    """Each term's occurrences in the first MAX_LINKS links of a pair that hold one (word-aligned)."""
    if not links or not terms:
        return {t: [] for t in terms}
    lang = links[0].src_lang
    wanted = set(terms)
    asked = [
        link
        for link in links
        if link.src_text
        and link.tgt_text
        and any(s[0] in wanted for s in term_spans(tokenize(link.src_text, lang), lang))
    ][:MAX_LINKS]
    words = link_words([(x.src_text, x.tgt_text) for x in links], asked) if asked else {}
    return occurrences(links, words, terms)


@dataclass(frozen=True)
class SetRenderings:
    """The renderings of a set's most frequent pivot terms, and the occurrences behind them (version
    -> term -> occurrences in the pivot's pair with that version), for the checks that judge them."""

    terms: tuple[TermRenderings, ...] = ()
    occurrences: Mapping[str, Mapping[str, Sequence[Occurrence]]] = field(default_factory=dict)


def set_renderings(docset: DocumentSet, limit: int, built: BuiltLinks | None = None) -> SetRenderings:
    """The renderings of the pivot's ``limit`` most frequent terms in every version aligned with the
    pivot; ``built``: the pivot links built so far (:func:`pivot_links`), updated for the checkers."""
    pairs = pivot_links(docset, built)
    first = next(iter(pairs.values()), [])
    texts = [s for link in first for s in link.src_sentences]
    terms = pivot_terms(texts, docset.pivot, limit) if limit > 0 else []
    found = {lang: pair_occurrences(links, [t for t, _, _ in terms]) for lang, links in pairs.items()}
    out = tuple(
        TermRenderings(
            term,
            count,
            name,
            {
                lang: tuple(
                    Rendering(text, n)
                    for text, n in Counter(o.rendering for o in per_term[term] if o.rendering).most_common()
                )
                for lang, per_term in found.items()
            },
        )
        for term, count, name in terms
    )
    return SetRenderings(out, found)


def term_records(terms: Sequence[TermRenderings]) -> list[dict[str, Any]]:
    """The terms as JSON-ready records (the report's ``renderings``, a batch set's record)."""
    return [
        {
            "term": t.term,
            "count": t.count,
            "name": t.name,
            "versions": {
                lang: [{"rendering": r.text, "count": r.count} for r in found]
                for lang, found in t.versions.items()
            },
        }
        for t in terms
    ]
