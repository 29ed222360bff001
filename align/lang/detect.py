"""Is a text in the language and script its tag declares? And which script, when the tag leaves it open."""

from __future__ import annotations

from collections import Counter
from functools import cache

from ..errors import warn
from ..text.textnorm import to_latin
from . import WORD
from .lemma import dictionary
from .profile import family_members, profile, profiles
from .scripts import detect_script, sample, script_counts
from .tags import is_unknown, parse_tag

# Candidates every text is checked against besides its declared language: the toolkit's own
# languages and a few large neighbours. Each dictionary costs ~1 s to load, once per process.
_DETECT_CANDIDATES = ("en", "de", "sq", "hbs", "fr", "it")
# The values below are cautious choices, not tuned on data: a wrong warning costs the user more than a
# missed one (tests/test_langs.py holds the texts they must warn on and stay silent on).
_SAMPLE_CHARS = 6000  # characters read per text (start, middle, end): about a thousand words, cheap to check
_SCRIPT_MIN_LETTERS = 40  # fewer letters than this in the sample: too short to judge the script
_SCRIPT_DOMINANCE = 2  # another script must have this many times the declared one's letters
_MIN_TOKENS = 20  # fewer distinct sampled words than this: too short to judge
_MIN_SHARE = 0.5  # another language must recognise at least this share of the sampled words
_MARGIN = 0.25  # another language must beat the declared one by this share of recognised words
# The cheap check is sure of the declared language when this share of the sampled words are its stop
# words, and STOP_RATIO times more than any other language's (ntrex-dev, 5-line chunks: own >= 0.093,
# ratio >= 4.5; the 6,000-character samples of whole documents are far clearer).
_STOP_SHARE = 0.08
_STOP_RATIO = 3.0


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


def guess_language(text: str, candidates: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """simplemma's share of recognised words per candidate language (simplemma codes, "hbs" for
    Serbian/Croatian/Bosnian), best first, on a sample of the text; empty when no word is recognised."""
    from simplemma import langdetect

    langs = tuple(dict.fromkeys((*candidates, *_DETECT_CANDIDATES)))
    return [
        (code, share) for code, share in langdetect(sample(text, _SAMPLE_CHARS), lang=langs) if code != "unk"
    ]


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
    """A simplemma code as users know it: "hbs" -> "sr/hr/bs/cnr"."""
    members = [c for c in family_members(code) if profile(c).code == c]
    return "/".join(members) if members else code


def check_language(text: str, tag: str, path: str | None = None) -> None:
    """Warn when the text looks like another script or language than its tag declares.

    Silent on short texts (fewer than ~20 distinct words), on languages simplemma has no dictionary
    for, and when no other candidate clearly wins: a wrong warning costs the user more than a missed one.
    Cheap first: the script, then the stop words of the languages with a profile; simplemma's detector
    (~1 s per dictionary it loads, six candidates) only when the stop words are unsure.
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
    if code is None:  # no dictionary to weigh against: a real language may be close to one of ours
        like = _stop_language(text_sample) if is_unknown(parsed) else None  # a typo for it (ge: de)?
        if like is not None:
            warn(f"declared {parsed.tag} but the text looks like {_name(like)} (by its stop words)", path)
        return
    if _surely(text_sample, code):  # sure without importing simplemma
        return
    declared = dictionary(parsed.tag)
    if declared is None:
        return
    from simplemma import RelaxedMostCommonTokenSampler

    if len(RelaxedMostCommonTokenSampler().sample_text(text_sample)) < _MIN_TOKENS:
        return
    scores = guess_language(text_sample, (declared,))
    if not scores:  # no word recognised in any candidate language (numbers, codes)
        return
    best, best_share = scores[0]
    own = dict(scores).get(declared, 0.0)
    if best != declared and best_share >= _MIN_SHARE and best_share - own >= _MARGIN:
        name = _name(best)
        warn(
            f"declared {parsed.tag} but the text looks like {name} ({best_share:.0%} of sampled words "
            f"are {name}, {own:.0%} {parsed.language})",
            path,
        )
