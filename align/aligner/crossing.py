"""Third pass of the sentence aligner: two neighbouring links whose words cross become one link.

A translator often moves a clause across a sentence end ("… 250 Höhenmeter erforderten zwei Tage." /
"Il fallut deux jours pour gravir 250 m. …"). The link cost then prefers two 1-1 links to the 2-2
unit: each sentence pair is still similar as a whole, and evidence is counted per link, so two links
earn twice. Words show it: in the merged unit some words of the first link's source are translated
in the second link's target (or the other way round), words that each link alone leaves untranslated.

For each pair of neighbouring two-sided links ``A``, ``B`` the pass word-aligns (:func:`align.words.
align_units`, the word pass's light model) ``A``, ``B`` and their union, and counts the *crossing*
words: a word of ``A``'s source linked in the union to a word of ``B``'s target (or of ``B``'s source
to ``A``'s target) where neither word is linked in its own link aligned alone. Words that already
have a counterpart inside their link (a name the next sentence repeats, a word the lexicon pairs
with every article) do not count, which is what keeps news, full of repeated names, out. The links
merge when the crossing words are at least ``CROSS`` of the union's counted words
(:func:`align.aligner.units.counted_words`) and come from at least ``CROSS_LINKS`` word links; the clearest
first, each link merged once, and the union must be a link type the search allows.

Word alignment is the pass's cost, so it is paid only for the pairs whose lengths say a clause may
have moved (:func:`_contrast`): a clause moved from ``A`` to ``B`` on one side shortens that side of
``A`` and lengthens that of ``B``, so the two links' length ratios lie on opposite sides of the
document's, at least ``CONTRAST`` apart (log ratio): two fifths of the neighbouring pairs of the dev
suite, holding 218 of the 222 pairs the pass merged when it aligned them all. The word model learns
from the screened pairs' units. The cost is one word alignment of each screened pair and its two
links: linear in document length, about half of aligning every pair (scripts/README.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..model import Link
from ..words.params import LIGHT
from .search import link_types
from .units import PairTokens, counted_words

CROSS = 0.04  # least share of the union's counted words that must cross for the links to merge
CROSS_LINKS = 2  # least crossing word links (one shared name or number is no evidence)
CONTRAST = 0.1  # least length contrast (_contrast) for a pair to be word-aligned at all


def merge_crossing(
    links: list[Link],
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    max_side: int,
) -> list[Link]:
    """The links with each neighbouring pair whose words cross merged (module docstring)."""
    allowed = set(link_types(max_side))  # a merge may give only a link the search could
    ratio = math.log(max(sum(map(len, src)), 1) / max(sum(map(len, tgt)), 1))
    pairs = [
        k
        for k in range(len(links) - 1)
        if all(b.src and b.tgt for b in links[k : k + 2])
        and (len(links[k].src) + len(links[k + 1].src), len(links[k].tgt) + len(links[k + 1].tgt)) in allowed
        and _contrast(links[k], links[k + 1], src, tgt, ratio) >= CONTRAST
    ]
    if not pairs:
        return links
    from ..words import align_units

    tokens = PairTokens(src, tgt, src_lang, tgt_lang)
    stop = tokens.stop
    single = sorted({n for k in pairs for n in (k, k + 1)})
    index = {n: u for u, n in enumerate(single)}
    units = [tokens.unit(links[n]) for n in single]
    units += [
        tokens.unit(Link(links[k].src + links[k + 1].src, links[k].tgt + links[k + 1].tgt)) for k in pairs
    ]
    found = align_units(units, src_lang, tgt_lang, LIGHT)
    share: dict[int, float] = {}
    for p, k in enumerate(pairs):
        a, b = index[k], index[k + 1]
        ns, nt = len(units[a][0]), len(units[a][1])
        # words linked inside their own link when it is aligned alone, in the union's numbering
        own_src = {x.src for x in found[a]} | {x.src + ns for x in found[b]}
        own_tgt = {x.tgt for x in found[a]} | {x.tgt + nt for x in found[b]}
        union = units[len(single) + p]
        counted = (set(counted_words(union[0], stop[0])), set(counted_words(union[1], stop[1])))
        crossing = [
            x
            for x in found[len(single) + p]
            if (x.src < ns) != (x.tgt < nt)
            and x.src in counted[0]
            and x.tgt in counted[1]
            and x.src not in own_src
            and x.tgt not in own_tgt
        ]
        words = len({x.src for x in crossing}) + len({x.tgt for x in crossing})
        if len(crossing) >= CROSS_LINKS and words >= CROSS * max(len(counted[0]) + len(counted[1]), 1):
            share[k] = words / (len(counted[0]) + len(counted[1]))
    merged: dict[int, Link] = {}
    for k in sorted(share, key=lambda k: (-share[k], k)):
        if k in merged or k + 1 in merged:
            continue
        first, second = links[k], links[k + 1]
        cert = min(first.cert or 0.0, second.cert or 0.0)
        merged[k] = Link(first.src + second.src, first.tgt + second.tgt, cert=cert)
        merged[k + 1] = merged[k]
    out: list[Link] = []
    for k, link in enumerate(links):
        if k not in merged:
            out.append(link)
        elif not out or out[-1] is not merged[k]:
            out.append(merged[k])
    return out


def _contrast(first: Link, second: Link, src: Sequence[str], tgt: Sequence[str], ratio: float) -> float:
    """How far apart the two links' length ratios (log of source over target characters, less the
    document's ``ratio``) lie when they lie on opposite sides of the document's, else 0: a clause
    moved from one link to the other on one side makes one link's side shorter and the other's longer."""

    def deviation(link: Link) -> float:
        chars = sum(len(src[i]) for i in link.src), sum(len(tgt[j]) for j in link.tgt)
        return math.log(max(chars[0], 1) / max(chars[1], 1)) - ratio

    a, b = deviation(first), deviation(second)
    return abs(a - b) if a * b < 0 else 0.0
