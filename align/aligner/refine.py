"""Second pass of the sentence aligner: word coverage decides the unsure merges and 1-0 / 0-1 links.

The link cost judges a sentence by what it adds to a whole-sentence embedding, where a clause a
translator made a sentence of its own and a sentence the translator left out look alike. Words tell
them apart: a split-off sentence's words translate words of the neighbouring link that its other
sentences leave untranslated; a dropped sentence's words have no counterpart there, or only words
(a name, a date) its neighbour already accounts for.

The pass looks at the links the search was unsure of (cert below ``UNSURE``) where such a choice
arises: a 1-0 / 0-1 link next to a link (should the lone sentence join it?) and a merge whose first
or last sentence on its larger side might stand alone. For each, it word-aligns
(:func:`align.words.align_units`) the link with the sentence and without it, and scores the sentence
``x`` by

    support(x) = exclusive(x) + gain(x)

- ``exclusive``: the share of ``x``'s words linked to words of the other side that no other sentence
  of the unit links to;
- ``gain``: the share of the other side's words linked with ``x`` in the unit, less without it.

Words are counted without stop words and words of one or two letters (a lexicon pairs "the" with
every "die"). The support is divided by the share of words the word aligner links in the ordinary
links around the choices (:func:`_typical`), as the word aligner knows some pairs far better than
others. Where a lexicon is shipped, the support is the mean of that over all links and over the links
a prior vouches for (:func:`_anchored`): in a short text the word aligner must put a word without a
counterpart somewhere, and links it to whatever is left over. A 1-0 / 0-1 sentence with support of at
least ``JOIN`` joins the link; the end sentence of a merge with support below ``LEAVE`` leaves it;
a sentence with fewer than ``MIN_WORDS`` counted words is too short for a share of its words to mean
much: where a lexicon is shipped, it leaves a merge of more sentences into fewer when none of its
word links has a prior behind it and none of its numbers and names is found opposite
(:func:`_short`), and otherwise stays as the search placed it. A longer sentence with no such link
is judged the same way when the rest of its merge covers the other side at least ``COVERED`` times
as well as the ordinary links around do: the other side is the rest's translation, and the raw
view's support is the word aligner placing leftover words. In a merge of more sentences into fewer,
a link of the end sentence to a short stop word opposite ("was" = "је") vouches for nothing
(:func:`_vouching`). Numbers and
names overrule thin word evidence (:mod:`.anchors`, :func:`_with_anchors`): a sentence whose numbers
and names are all missing opposite needs ``UNMATCHED`` to stay in a merge and never joins. The word
aligner is trained on the units of the unsure regions only (plus ``CONTEXT`` links each side), so the
cost grows with the number of unsure links and the pass stays linear in document length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..model import Link
from ..words.params import LIGHT
from .units import PairTokens, counted_words

if TYPE_CHECKING:
    from ..words import WordLink

UNSURE = 0.8  # links with a lower cert are reconsidered
JOIN = 0.85  # support from which a 1-0 / 0-1 sentence joins the neighbouring link
LEAVE = 0.4  # support below which the end sentence of a merge leaves it
UNMATCHED = 1.0  # ... below which it leaves when its numbers and names are missing opposite (_with_anchors)
CONTEXT = 2  # links each side of a candidate added to the word aligner's training units
MIN_WORDS = 3  # a sentence with fewer counted words (counted_words) is judged by _short
COVERED = 1.2  # ... and one nothing vouches for whose link's rest covers the other side this well (_short)
TYPICAL_FLOOR = 0.2  # least typical share of linked words a support is divided by (_typical)
SPELLING_MINIMUM = 0.6  # a word pair this alike in spelling is known to translate (as align.words)


@dataclass(frozen=True)
class _Choice:
    """Link ``k`` with sentence ``sentence`` of side ``side`` (0 source, 1 target) moved in or out:
    ``joined`` is the link with it, ``alone`` the link without it."""

    k: int
    side: int
    sentence: int
    joined: Link
    alone: Link
    merge: bool  # True: a null link joins link ``k``; False: the sentence leaves merge link ``k``


def _candidates(links: Sequence[Link], max_side: int) -> list[_Choice]:
    """The choices the first pass was unsure of, at most one per null link and per merge end."""
    out: list[_Choice] = []
    for k, link in enumerate(links):
        if link.src and link.tgt:
            continue
        side, sentence = (0, link.src[0]) if link.src else (1, link.tgt[0])
        for n in (k - 1, k + 1):
            if not 0 <= n < len(links):
                continue
            link = links[n]
            if not (link.src and link.tgt) or len((link.src, link.tgt)[side]) >= max_side:
                continue
            if min(link.cert or 0.0, link.cert or 0.0) >= UNSURE:
                continue
            sides = [list(link.src), list(link.tgt)]
            sides[side] = sorted([*sides[side], sentence])
            out.append(_Choice(n, side, sentence, Link(tuple(sides[0]), tuple(sides[1])), link, True))
    for k, link in enumerate(links):
        if not (link.src and link.tgt) or (link.cert or 0.0) >= UNSURE:
            continue
        for side in (0, 1):
            own = (link.src, link.tgt)[side]
            if len(own) < 2:
                continue
            for sentence in {own[0], own[-1]}:
                sides = [list(link.src), list(link.tgt)]
                sides[side].remove(sentence)
                out.append(_Choice(k, side, sentence, link, Link(tuple(sides[0]), tuple(sides[1])), False))
    return out


def refine(
    links: list[Link],
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    max_side: int,
) -> list[Link]:
    """The links with the unsure choices made by word coverage (see the module docstring)."""
    choices = _candidates(links, max_side)
    if not choices:
        return links
    from ..words import align_units
    from ..words.lexicon import lexicon_for

    tokens = PairTokens(src, tgt, src_lang, tgt_lang)
    texts, langs, stop, unit = tokens.texts, tokens.langs, tokens.stop, tokens.unit

    # training units: each choice's two links and the links around it
    near = sorted(
        {n for c in choices for n in range(c.k - CONTEXT, c.k + CONTEXT + 1) if 0 <= n < len(links)}
    )
    context = [links[n] for n in near if links[n].src and links[n].tgt]
    units = [unit(b) for c in choices for b in (c.joined, c.alone)] + [unit(b) for b in context]
    raw = align_units(units, src_lang, tgt_lang, LIGHT)
    views = [raw]  # the word links as learnt, and those a prior vouches for (where a lexicon exists)
    if lexicon_for(src_lang, tgt_lang) is not None:
        views.append([_anchored(u, found, src_lang, tgt_lang) for u, found in zip(units, raw, strict=True)])
    spans = []
    for c in choices:
        own = _side(c.joined, c.side)
        start = sum(len(tokens.sentence(c.side, i)) for i in own[: own.index(c.sentence)])
        spans.append((start, start + len(tokens.sentence(c.side, c.sentence))))
    # merge ends of links of more sentences into fewer (only with a lexicon: _vouching and _short ask)
    fewer = [len(views) > 1 and not c.merge and _into_fewer(c, texts, langs) for c in choices]
    for n, c in enumerate(choices):
        if fewer[n]:  # a short stop word opposite vouches for no sentence of a merge (_vouching)
            views[1][2 * n] = _vouching(c, units[2 * n], views[1][2 * n], spans[n], langs)
    support: list[float | None] = [0.0] * len(choices)
    vouched: list[float | None] = [None] * len(choices)  # in the last view: the anchored one, if any
    rest: list[float] = [0.0] * len(choices)  # ... and how well the rest of the link covers the other side
    for word_links in views:
        typical = _typical(units[2 * len(choices) :], word_links[2 * len(choices) :], stop)
        for n, c in enumerate(choices):
            joined = (units[2 * n], word_links[2 * n])
            alone = (units[2 * n + 1], word_links[2 * n + 1])
            found = _support(c, *joined, *alone, spans[n], stop)
            so_far, vouched[n] = support[n], found
            support[n] = None if found is None or so_far is None else so_far + found / typical / len(views)
            rest[n] = _covered(c, *alone, stop) / typical
    short = [
        len(counted_words(tokens.sentence(c.side, c.sentence), stop[c.side])) < MIN_WORDS for c in choices
    ]
    if len(views) > 1:  # a lexicon: a sentence nothing vouches for may leave (_short)
        # a short sentence without such evidence stays where the first pass put it (None)
        support = [
            _short(c, vouched[n], fewer[n], texts, langs, None if short[n] else support[n])
            if short[n] or rest[n] >= COVERED
            else support[n]
            for n, c in enumerate(choices)
        ]
    else:
        support = [None if short[n] else support[n] for n in range(len(choices))]
    support = _with_anchors(choices, support, texts, langs)
    kept = [n for n, s in enumerate(support) if s is not None]
    return _apply(links, [choices[n] for n in kept], [support[n] or 0.0 for n in kept])


def _short(
    choice: _Choice,
    vouched: float | None,
    into_fewer: bool,
    texts: tuple[Sequence[str], Sequence[str]],
    langs: tuple[str, str],
    otherwise: float | None = None,
) -> float | None:
    """The support of a sentence with fewer than ``MIN_WORDS`` counted words, ``vouched`` being its
    support in the view of the links a prior vouches for. Too few words for a share of them to mean
    much, but one such link, or a number or name of the sentence found opposite and not accounted for
    by the rest of the link, says that the sentence is translated there. The end sentence of a merge
    with neither leaves it (0) when the other side has fewer sentences than its side (counting those
    within a segment): a dropped "Remember her answer?" has no counterpart in the neighbour's
    translation, while against as many sentences opposite ("He is free. So are we" / "Он је
    слободан. Исто важи и за нас") one of them may be its translation in words the lexicon lacks.
    Otherwise, and for a lone sentence that might join a link, ``otherwise``: None, the first pass
    stands. The same holds for a longer sentence of a merge whose rest covers the other side at least
    ``COVERED`` times as well as translations typically are (``otherwise``: its support): the other
    side is the rest's translation, with nothing left for the sentence. ``into_fewer``: the choice is
    the end of such a merge (:func:`_into_fewer`, asked once per choice)."""
    from .anchors import matched

    if not into_fewer or vouched is None or vouched > 0:
        return otherwise
    side = choice.side
    other = [texts[1 - side][i] for i in _side(choice.joined, 1 - side)]
    rest = [texts[side][i] for i in _side(choice.alone, side)]
    found = matched(texts[side][choice.sentence], other, rest, langs[side], langs[1 - side])
    return otherwise if found else 0.0


def _into_fewer(choice: _Choice, texts: tuple[Sequence[str], Sequence[str]], langs: tuple[str, str]) -> bool:
    """Whether the choice's link merges more sentences of the sentence's side into fewer opposite,
    counting the sentences within the other side's segments (``split_sentences``): against as many
    sentences opposite, one of them may be the sentence's translation."""
    from ..text.segment import split_sentences

    side = choice.side
    other = [texts[1 - side][i] for i in _side(choice.joined, 1 - side)]
    return sum(len(split_sentences(t, langs[1 - side])) for t in other) < len(_side(choice.joined, side))


def _with_anchors(
    choices: Sequence[_Choice],
    support: list[float | None],
    texts: tuple[Sequence[str], Sequence[str]],
    langs: tuple[str, str],
) -> list[float | None]:
    """The supports with numbers and names heard (:mod:`.anchors`): a sentence whose numbers and names
    are all missing opposite never joins a link, and stays in a merge only with a support of
    ``UNMATCHED`` (more than a lone sentence needs to join a link), not ``LEAVE``."""
    from .anchors import unmatched

    out = list(support)
    for n, c in enumerate(choices):
        found = out[n]
        if found is None or (found < JOIN if c.merge else not LEAVE <= found < UNMATCHED):
            continue  # nothing the anchors could change
        other = [texts[1 - c.side][i] for i in _side(c.joined, 1 - c.side)]
        if unmatched(texts[c.side][c.sentence], other, langs[c.side], langs[1 - c.side]):
            out[n] = None if c.merge else 0.0
    return out


def _anchored(
    unit: tuple[list[str], list[str]], links: Sequence[WordLink], src_lang: str, tgt_lang: str
) -> list[WordLink]:
    """The links whose words are known to translate each other: alike in spelling (numbers, names,
    cognates) or an entry of the shipped lexicon. The word aligner must put every word somewhere, so
    in a short text a word without a counterpart is often linked to any word left over; such a link
    has no prior behind it."""
    from ..text.textnorm import fold
    from ..words.lexicon import lexicon_for, lookup_pair
    from ..words.similar import spelling_priors

    found = lexicon_for(src_lang, tgt_lang)
    cells_e = np.array([link.src for link in links], dtype=np.int64)
    cells_f = np.array([link.tgt for link in links], dtype=np.int64)
    alike, _ = spelling_priors(unit[0], src_lang, unit[1], tgt_lang, cells_e, cells_f, SPELLING_MINIMUM)
    known = np.asarray(alike) > 0
    if found is not None and links:
        src_words = [fold(w, src_lang) for w in unit[0]]
        tgt_words = [fold(w, tgt_lang) for w in unit[1]]
        given, _ = lookup_pair(found, src_words, tgt_words, cells_e, cells_f)
        known |= given > 0  # an entry has both probabilities above zero
    return [link for link, keep in zip(links, known, strict=True) if keep]


def _vouching(
    choice: _Choice,
    unit: tuple[list[str], list[str]],
    links: Sequence[WordLink],
    span: tuple[int, int],
    langs: tuple[str, str],
) -> list[WordLink]:
    """The anchored links of the choice's joined ``unit`` without those from its sentence (``span`` of
    its side) to a short stop word opposite: one or two letters and a stop word of that language,
    compared folded, so that Serbian Cyrillic "је" is the profile's "je". The lexicon pairs "was" with
    "је", which nearly every Serbian sentence holds, so such a link says nothing about whether the
    sentence is translated there; a longer stop word ("said" = "rekao") or a short word that is none
    ("both" = "të dy") still does."""
    from ..text.textnorm import fold, folded_stopwords

    other = langs[1 - choice.side]
    stop = folded_stopwords(other)
    start, end = span
    words = unit[1 - choice.side]

    def empty(link: WordLink) -> bool:
        own, opposite = (link.src, link.tgt) if choice.side == 0 else (link.tgt, link.src)
        word = words[opposite]
        return start <= own < end and len(word) <= 2 and fold(word, other) in stop

    return [link for link in links if not empty(link)]


def _typical(
    units: Sequence[tuple[list[str], list[str]]],
    links: Sequence[Sequence[WordLink]],
    stop: tuple[frozenset[str], frozenset[str]],
) -> float:
    """The share of words the word aligner links in the links around the choices (median over links
    of the mean of both sides; ``TYPICAL_FLOOR`` at least, 0.5 without any): a pair the word aligner
    knows well (a shipped lexicon: ~0.75) links more words than one it learns from the text alone
    (German-French: ~0.5), and a sentence's support is measured against what translations get."""
    shares = []
    for (src, tgt), unit_links in zip(units, links, strict=True):
        words_src, words_tgt = counted_words(src, stop[0]), counted_words(tgt, stop[1])
        if not (words_src and words_tgt):
            continue
        linked_src, linked_tgt = {x.src for x in unit_links}, {x.tgt for x in unit_links}
        shares.append(
            (
                sum(k in linked_src for k in words_src) / len(words_src)
                + sum(k in linked_tgt for k in words_tgt) / len(words_tgt)
            )
            / 2
        )
    return max(float(np.median(shares)), TYPICAL_FLOOR) if shares else 0.5


def _support(
    choice: _Choice,
    joined: tuple[list[str], list[str]],
    joined_links: Sequence[WordLink],
    alone: tuple[list[str], list[str]],
    alone_links: Sequence[WordLink],
    span: tuple[int, int],
    stop: tuple[frozenset[str], frozenset[str]],
) -> float | None:
    """``exclusive + gain`` of the choice's sentence, whose tokens are ``span`` of its side of
    ``joined`` (module docstring)."""
    side = choice.side
    start, end = span

    def ends(link: WordLink) -> tuple[int, int]:
        return (link.src, link.tgt) if side == 0 else (link.tgt, link.src)

    pairs = [ends(link) for link in joined_links]
    taken = {o for s, o in pairs if not start <= s < end}  # other-side words the rest of the unit links
    words = [k for k in counted_words(joined[side], stop[side]) if start <= k < end]
    if not words:
        return None
    exclusive = len({s for s, o in pairs if start <= s < end and o not in taken} & set(words))
    gain = _covered(choice, joined, joined_links, stop) - _covered(choice, alone, alone_links, stop)
    return exclusive / max(len(words), 1) + gain


def _covered(
    choice: _Choice,
    alone: tuple[list[str], list[str]],
    alone_links: Sequence[WordLink],
    stop: tuple[frozenset[str], frozenset[str]],
) -> float:
    """The share of the other side's counted words that the rest of the link (``alone``) links."""
    other = 1 - choice.side
    words = counted_words(alone[other], stop[other])
    linked = {link.tgt if other else link.src for link in alone_links}
    return sum(k in linked for k in words) / max(len(words), 1)


def _apply(links: list[Link], choices: list[_Choice], support: list[float]) -> list[Link]:
    """Make the choices, the clearest first, each only while the links it touches are as the first
    pass left them (a null link joins one link; a link changes once)."""
    replace: dict[int, list[Link]] = {}
    margin = [support[n] - (JOIN if c.merge else LEAVE) for n, c in enumerate(choices)]
    for n in sorted(range(len(choices)), key=lambda n: -abs(margin[n])):
        c = choices[n]
        cert = links[c.k].cert
        if c.merge:
            null = c.k - 1 if c.k and c.sentence in _side(links[c.k - 1], c.side) else c.k + 1
            if margin[n] < 0 or c.k in replace or null in replace:
                continue
            cert = min(cert or 0.0, links[null].cert or 0.0)
            replace[c.k], replace[null] = [Link(c.joined.src, c.joined.tgt, cert=cert)], []
        elif margin[n] < 0 and c.k not in replace:
            alone = Link((c.sentence,), (), cert=cert) if c.side == 0 else Link((), (c.sentence,), cert=cert)
            rest = Link(c.alone.src, c.alone.tgt, cert=cert)
            replace[c.k] = [alone, rest] if c.sentence == _side(c.joined, c.side)[0] else [rest, alone]
    return [b for k, link in enumerate(links) for b in replace.get(k, [link])]


def _side(link: Link, side: int) -> tuple[int, ...]:
    return link.src if side == 0 else link.tgt
