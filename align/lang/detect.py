"""Is a text in the language and script its tag declares? And which script, when the tag leaves it open."""

from __future__ import annotations

from ..errors import warn
from .lemma import dictionary
from .profile import family_members, profile
from .scripts import detect_script, sample, script_counts
from .tags import parse_tag

# Candidates every text is checked against besides its declared language: the toolkit's own
# languages and a few large neighbours. Each dictionary costs ~1 s to load, once per process.
_DETECT_CANDIDATES = ("en", "de", "sq", "hbs", "fr", "it")
_SAMPLE_CHARS = 6000
_MIN_TOKENS = 20  # fewer distinct sampled words than this: too short to judge
_MARGIN = 0.25  # another language must beat the declared one by this share of recognised words


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


def _name(code: str) -> str:
    """A simplemma code as users know it: "hbs" -> "sr/hr/bs/cnr"."""
    members = [c for c in family_members(code) if profile(c).code == c]
    return "/".join(members) if members else code


def check_language(text: str, tag: str, path: str | None = None) -> None:
    """Warn when the text looks like another script or language than its tag declares.

    Silent on short texts (fewer than ~20 distinct words), on languages simplemma has no dictionary
    for, and when no other candidate clearly wins: a wrong warning costs the user more than a missed one.
    """
    parsed = parse_tag(tag, path)
    expected_script = parsed.script or profile(parsed.tag).script
    text_sample = sample(text, _SAMPLE_CHARS)
    counts = script_counts(text_sample)
    if expected_script and sum(counts.values()) >= 40:
        found = max(sorted(counts), key=counts.__getitem__)
        if found != expected_script and counts[found] > 2 * counts[expected_script]:
            warn(
                f"declared {parsed.tag} but the text is written in {found} script, not {expected_script}",
                path,
            )
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
    if best != declared and best_share >= 0.5 and best_share - own >= _MARGIN:
        name = _name(best)
        warn(
            f"declared {parsed.tag} but the text looks like {name} ({best_share:.0%} of sampled words "
            f"are {name}, {own:.0%} {parsed.language})",
            path,
        )
