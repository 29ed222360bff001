"""Is a text in the language and script its tag declares? And which script, when the tag leaves it open."""

from __future__ import annotations

import hashlib
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from ..errors import warn
from ..text.textnorm import to_latin
from . import WORD
from .profile import family_members, profile, profiles
from .scripts import detect_script, sample, script_counts
from .tags import is_unknown, parse_tag

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier  # type: ignore[import-untyped]

    from ..embedding.cache import EmbeddingCache

# Candidates every text is checked against besides its declared language: the toolkit's own
# languages and a few large neighbours (py3langid's codes; sr, hr and bs count as one language).
_DETECT_CANDIDATES = ("en", "de", "sq", "sr", "hr", "bs", "fr", "it")
_IDENTIFIER_CODE = {"nb": "no"}  # the identifier's code for a language it names otherwise
# The values below are cautious choices, not tuned on data: a wrong warning costs the user more than a
# missed one (tests/test_langs.py holds the texts they must warn on and stay silent on).
_SAMPLE_CHARS = 6000  # characters read per text (start, middle, end): about a thousand words, cheap to check
_SCRIPT_MIN_LETTERS = 40  # fewer letters than this in the sample: too short to judge the script
_SCRIPT_DOMINANCE = 2  # another script must have this many times the declared one's letters
_MIN_TOKENS = 20  # fewer distinct sampled words than this: too short to judge
_MIN_SHARE = 0.5  # another language must have at least this probability
_MARGIN = 0.25  # another language must beat the declared one by this much probability
# The cheap check is sure of the declared language when this share of the sampled words are its stop
# words, and STOP_RATIO times more than any other language's (ntrex-dev, 5-line chunks: own >= 0.093,
# ratio >= 4.5; the 6,000-character samples of whole documents are far clearer).
_STOP_SHARE = 0.08
_STOP_RATIO = 3.0
_VERDICT = "langcheck/py3langid-0.4/1"  # names the cached verdicts: change it when the rule changes


def resolve_tag(tag: str, text: str, path: str | None = None) -> str:
    """Canonical tag; for multi-script languages without a declared script, the detected script is added
    ("sr" -> "sr-Cyrl" or "sr-Latn"). A declared script is kept even if the text disagrees (check_language
    warns about that)."""
    parsed = parse_tag(tag, path)
    if parsed.script or len(profile(parsed.tag).scripts) < 2:
        return parsed.tag
    script = detect_script(text)
    if script is None:
        return parsed.tag
    rest = parsed.tag.split("-")[1:]
    return "-".join([parsed.language, script, *rest])


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model (97 languages, 0.7 s to load, once per process); not the module-level one,
    whose language restriction is global state."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _group(code: str) -> str:
    """The language a code counts as: its family for Serbian/Croatian/Bosnian ("hbs"), else itself."""
    return profile(code).family or _IDENTIFIER_CODE.get(code, code)


def guess_language(text: str, candidates: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """Probability per candidate language (py3langid's codes, grouped by :func:`_group`: "hbs" for
    Serbian/Croatian/Bosnian), best first, from a sample of the text; the candidates are ``candidates``
    and :data:`_DETECT_CANDIDATES`, those the identifier does not know left out."""
    wanted = {_IDENTIFIER_CODE.get(c, c) for c in (*candidates, *_DETECT_CANDIDATES)}
    ranked = [(code, p) for code, p in _identifier().rank(sample(text, _SAMPLE_CHARS)) if code in wanted]
    total = sum(p for _, p in ranked)
    if not total:
        return []
    shares: dict[str, float] = {}
    for code, p in ranked:
        shares[_group(code)] = shares.get(_group(code), 0.0) + p / total
    return sorted(shares.items(), key=lambda item: -item[1])


def _known(lang: str) -> bool:
    """Whether the identifier has a model of the language (or of its family)."""
    group = _group(lang)
    return any(_group(code) == group for code in _identifier().labels)


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    """Stop words per simplemma code, each word kept only where it is unambiguous ("in" is English
    and German: it counts for neither)."""
    sets: dict[str, set[str]] = {}
    for p in profiles():
        if p.stopwords and p.lemmatiser:
            sets.setdefault(p.lemmatiser, set()).update(p.stopwords)
    seen = Counter(w for words in sets.values() for w in words)
    return {code: frozenset(w for w in words if seen[w] == 1) for code, words in sets.items()}


def _stop_shares(text: str) -> dict[str, float]:
    """Share of the words that are each language's stop words (simplemma codes); empty without words.
    Costs a tokenisation, no dictionary."""
    stopwords = _stopwords()
    counts = Counter(w.lower() for w in WORD.findall(to_latin(text, "sr")))  # Cyrillic as Serbian Latin
    total = sum(counts.values())
    if not total:
        return {}
    return {c: sum(n for w, n in counts.items() if w in words) / total for c, words in stopwords.items()}


def _surely(text: str, code: str, shares: dict[str, float] | None = None) -> bool:
    """Whether the stop words alone say the text is in language ``code`` (simplemma code); False when
    unsure, and for languages without stop words."""
    share = _stop_shares(text) if shares is None else shares
    if code not in share:
        return False
    other = max((s for c, s in share.items() if c != code), default=0.0)
    return share[code] >= _STOP_SHARE and share[code] >= _STOP_RATIO * other


def _stop_language(text: str) -> str | None:
    """The language (simplemma code) the stop words alone are sure of, if any."""
    shares = _stop_shares(text)
    return next((code for code in shares if _surely(text, code, shares)), None)


def _name(code: str) -> str:
    """A language group (:func:`_group`) as users know it: "hbs" -> "sr/hr/bs/cnr"."""
    members = [c for c in family_members(code) if profile(c).code == c]
    return "/".join(members) if members else code


def _verdict_key(text_sample: str, tag: str) -> bytes:
    return hashlib.sha256(f"{_VERDICT}\0{tag}\0{text_sample}".encode()).digest()


def check_language(text: str, tag: str, path: str | None = None, cache: EmbeddingCache | None = None) -> None:
    """Warn when the text looks like another script or language than its tag declares.

    Silent on short texts (fewer than ~20 distinct words), on languages the identifier does not know,
    and when no other candidate clearly wins: a wrong warning costs the user more than a missed one.
    Cheap first: the script, then the stop words of the languages with a profile; py3langid's
    identifier (0.7 s to load, whatever the language) only when the stop words are unsure. Its
    "nothing to say" verdict is kept in ``cache`` (the embedding cache, keyed by the sampled text), so
    a warm re-run of a text in a language without a profile loads no model at all.
    """
    parsed = parse_tag(tag, path)
    if is_unknown(parsed):
        warn(f"{parsed.tag} is not a BCP 47 language we know (no ISO 639-1 code {parsed.language!r}): "
             "generic rules apply", path)  # fmt: skip
    expected_script = parsed.script or profile(parsed.tag).script
    text_sample = sample(text, _SAMPLE_CHARS)
    counts = script_counts(text_sample)
    if expected_script and sum(counts.values()) >= _SCRIPT_MIN_LETTERS:
        found = max(sorted(counts), key=counts.__getitem__)
        if found != expected_script and counts[found] > _SCRIPT_DOMINANCE * counts[expected_script]:
            warn(
                f"declared {parsed.tag} but the text is written in {found} script, not {expected_script}",
                path,
            )
            return
    code = profile(parsed.tag).lemmatiser
    if is_unknown(parsed):  # no such language: perhaps a typo for one of ours (ge: de)?
        like = _stop_language(text_sample)
        if like is not None:
            warn(f"declared {parsed.tag} but the text looks like {_name(like)} (by its stop words)", path)
        return
    if code is not None and _surely(text_sample, code):  # sure without loading the identifier
        return
    if len({w.lower() for w in WORD.findall(text_sample)}) < _MIN_TOKENS:
        return
    key = [_verdict_key(text_sample, parsed.tag)]
    if cache is not None and cache.get(key, 1):
        return
    declared = _group(parsed.language)
    if not _known(parsed.language):
        return
    scores = guess_language(text_sample, (parsed.language,))
    best, best_share = scores[0] if scores else (declared, 1.0)
    own = dict(scores).get(declared, 0.0)
    if best != declared and best_share >= _MIN_SHARE and best_share - own >= _MARGIN:
        name = _name(best)
        warn(
            f"declared {parsed.tag} but the text looks like {name} (language identifier: {best_share:.0%} "
            f"{name}, {own:.0%} {parsed.language})",
            path,
        )
    elif cache is not None:
        cache.put(key, np.ones((1, 1), dtype=np.float32))
