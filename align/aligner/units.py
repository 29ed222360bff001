"""The sentences of a pair as the word passes see them: tokens, tokenized once per sentence, joined
per link into the units the word aligner reads, and the words of a unit that count as evidence."""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import profile
from ..model import Link


def counted_words(tokens: Sequence[str], stop: frozenset[str]) -> list[int]:
    """The tokens that count: words and numbers, without the words of one or two letters and the
    language's stop words (``LanguageProfile.stopwords``), which a lexicon pairs with every article."""
    return [
        k
        for k, t in enumerate(tokens)
        if any(c.isalnum() for c in t) and (len(t) > 2 or t.isdigit()) and t.lower() not in stop
    ]


class PairTokens:
    """The tokens of a pair's sentences, each sentence tokenized once however many units hold it."""

    def __init__(self, src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> None:
        self.texts = (src, tgt)
        self.langs = (src_lang, tgt_lang)
        self.stop = (frozenset(profile(src_lang).stopwords), frozenset(profile(tgt_lang).stopwords))
        self._tokens: dict[tuple[int, int], list[str]] = {}

    def sentence(self, side: int, i: int) -> list[str]:
        """The tokens of sentence ``i`` of ``side`` (0 source, 1 target)."""
        if (side, i) not in self._tokens:
            from ..words import tokenize

            self._tokens[side, i] = [t.text for t in tokenize(self.texts[side][i], self.langs[side])]
        return self._tokens[side, i]

    def unit(self, link: Link) -> tuple[list[str], list[str]]:
        """The tokens of each side of ``link``, its sentences in order."""
        return (
            [w for i in link.src for w in self.sentence(0, i)],
            [w for j in link.tgt for w in self.sentence(1, j)],
        )
