"""Word alignment of a pair's links, for the checks that judge words rather than whole sentences.

:func:`align.words.align_units` trains on the units it is given, so the links a check asks about are
aligned together with the pair's links, ``TRAIN_LINKS`` of them at most (evenly spread): a news
article is aligned whole, a long document costs a bounded time. An alignment is kept (cached), so the
checks that ask about a news article (the omission checks, the term renderings, the consensus check)
share one; in a longer document each asks with its own links. Content words (not stopwords of the
language, three letters or more, or digits) are what a check counts: a sentence whose content words
align into its link says what the link's other side says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text.textnorm import fold, folded_stopwords
from ..words import Token, WordLink, align_units, tokenize
from ..words.params import LIGHT
from .base import LinkContext

TRAIN_LINKS = 100  # links of a pair the word aligner trains on, besides those asked about
# fewer links than this teach the aligner too little: it links words at random ("streets" / "Verkehr"
# in a five-sentence text), so no word links are given
MIN_LINKS = 6


@dataclass(frozen=True)
class LinkWords:
    """The tokens of a link's two sides and the word links between them."""

    left: tuple[Token, ...]
    right: tuple[Token, ...]
    links: tuple[WordLink, ...]

    def linked(self, left: bool) -> frozenset[int]:
        """Indices of the tokens of one side that have a counterpart on the other."""
        return frozenset(w.src if left else w.tgt for w in self.links)

    def tokens(self, left: bool) -> tuple[Token, ...]:
        return self.left if left else self.right


def is_stopword(form: str, lang: str) -> bool:
    """Whether a folded form (or a lemma's: "habe" -> "haben") is one of the language's stopwords."""
    return form in folded_stopwords(lang)


def is_content(token: Token, lang: str, numbers: bool = True) -> bool:
    """A word that carries meaning: a number, or a word of three letters or more that is no stopword.
    Without ``numbers``, no number: for the checks that judge words, which a number's value is not
    (numbers are compared by value: the number check)."""
    text = token.text
    if any(c.isdigit() for c in text):
        return numbers
    return (
        len(text) >= 3 and any(c.isalpha() for c in text) and fold(text, lang) not in folded_stopwords(lang)
    )


def aligned_share(words: LinkWords, left: bool, span: tuple[int, int], lang: str) -> float | None:
    """The share of the content words inside ``span`` (character offsets into the side's text) that
    have a counterpart on the other side; None when the span holds no content word."""
    linked = words.linked(left)
    inside = [
        i
        for i, t in enumerate(words.tokens(left))
        if span[0] <= t.start and t.end <= span[1] and is_content(t, lang)
    ]
    return sum(i in linked for i in inside) / len(inside) if inside else None


@lru_cache(maxsize=64)
def _aligned(texts: tuple[tuple[str, str], ...], lang_l: str, lang_r: str) -> tuple[LinkWords, ...]:
    """Word links of each (left, right) text pair, trained on them all."""
    tokens = [(tuple(tokenize(a, lang_l)), tuple(tokenize(b, lang_r))) for a, b in texts]
    units = [([t.text for t in a], [t.text for t in b]) for a, b in tokens]
    found = align_units(units, lang_l, lang_r, LIGHT)
    return tuple(LinkWords(a, b, tuple(w)) for (a, b), w in zip(tokens, found, strict=True))


def link_words(
    pair: Sequence[tuple[str, str]], wanted: Sequence[LinkContext]
) -> dict[LinkContext, LinkWords]:
    """Word links of each link of ``wanted`` (links of one pair), trained on the pair's links
    (``pair``: the two side texts of each, in order): all of them up to TRAIN_LINKS, else every k-th,
    plus those asked about. In a pair of TRAIN_LINKS links or fewer a link's word links depend on the
    pair as it is, not on which links are asked about (a review session that checks a window and a
    fresh report agree), and the pair is aligned once for every check that asks (cached); none for a
    pair of fewer than MIN_LINKS links."""
    usable = [texts for texts in pair if all(texts)]
    asked = {(link.src_text, link.tgt_text) for link in wanted if link.src_text and link.tgt_text}
    if not asked or len(usable) < MIN_LINKS:
        return {}
    step = -(-len(usable) // TRAIN_LINKS)
    train = tuple(dict.fromkeys([texts for k, texts in enumerate(usable) if k % step == 0] + sorted(asked)))
    first = next(iter(wanted))
    words = dict(zip(train, _aligned(train, first.src_lang, first.tgt_lang), strict=True))
    return {
        link: words[link.src_text, link.tgt_text]
        for link in wanted
        if (link.src_text, link.tgt_text) in words
    }
