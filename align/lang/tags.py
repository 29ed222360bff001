"""Language tags (BCP 47): parsing, canonical form and the primary subtag.

What "well-formed" means here (RFC 5646 syntax, no registry look-up, so any ISO 639 code passes):
language of 2-3 letters (ISO 639-1/2/3; the 3-letter codes of the known languages are shortened,
``eng`` -> ``en``), then optional extlang, ``-Script`` (4 letters), ``-REGION`` (2 letters or 3 digits),
variants, extensions and ``-x-`` private use. Case is normalised (``SR-latn-rs`` -> ``sr-Latn-RS``) and
``_`` is accepted as separator (``en_US`` -> ``en-US``) because POSIX locale names are what users type.
Rejected as malformed: names (``english``), 1- or 4+-letter languages (``e``, ``engl``), empty subtags
(``en-``), subtags of the wrong shape (``en-123456789``), private-use-only and grandfathered tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import InputError

KNOWN = ("en", "de", "sq", "sr", "sr-Cyrl", "sr-Latn")

# ISO 639-2/3 codes of languages this toolkit knows well, to their BCP 47 (shortest) form.
_LONG_CODES = {
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "srp": "sr",
    "sqi": "sq",
    "alb": "sq",
    "hrv": "hr",
    "bos": "bs",
    "fra": "fr",
    "fre": "fr",
}

_ALNUM = re.compile(r"[a-z0-9]+")

# The two-letter language subtags of the IANA registry (ISO 639-1, with the deprecated "sh"), from
# Debian's iso-codes 639-2 table. Two-letter codes are a closed list, so any other (``ge``, ``xx``) is a
# typo; three-letter codes number ~7,900 and are not checked.
_ISO_639_1 = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de "
    "dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id "
    "ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu "
    "lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu "
    "rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to "
    "tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
ISO_639_1 = frozenset(_ISO_639_1.split())


@dataclass(frozen=True)
class LangTag:
    tag: str  # canonical form, e.g. "sr-Latn-RS"
    language: str  # primary subtag, e.g. "sr"
    script: str | None  # declared ISO 15924 script, e.g. "Latn"; None when the tag has none
    region: str | None = None  # e.g. "RS", "CH", "419"


def _hint() -> str:
    known = ", ".join(KNOWN)
    return f"expected a BCP 47 tag such as {known} (2-3 letter ISO 639 code, optional -Script, -REGION)"


@lru_cache(maxsize=256)
def _parse(tag: str) -> LangTag | None:
    """RFC 5646 'langtag' production, subtag by subtag; None when malformed."""
    parts = tag.strip().replace("_", "-").lower().split("-")
    lang = parts[0]
    if not (2 <= len(lang) <= 3 and lang.isalpha() and lang.isascii()):
        return None
    if not all(p and len(p) <= 8 and _ALNUM.fullmatch(p) for p in parts):
        return None
    lang = _LONG_CODES.get(lang, lang)
    out, script, region = [lang], None, None
    i, n = 1, len(parts)
    while i < n and i <= 3 and len(parts[i]) == 3 and parts[i].isalpha():  # extlang
        out.append(parts[i])
        i += 1
    if i < n and len(parts[i]) == 4 and parts[i].isalpha():
        script = parts[i].title()
        out.append(script)
        i += 1
    if i < n and ((len(parts[i]) == 2 and parts[i].isalpha()) or (len(parts[i]) == 3 and parts[i].isdigit())):
        region = parts[i].upper()
        out.append(region)
        i += 1
    while i < n and (len(parts[i]) >= 5 or (len(parts[i]) == 4 and parts[i][0].isdigit())):  # variants
        out.append(parts[i])
        i += 1
    while i < n and len(parts[i]) == 1:  # extensions, then private use (-x-...) last
        singleton = parts[i]
        j = i + 1
        while j < n and len(parts[j]) >= (1 if singleton == "x" else 2):
            j += 1
        if j == i + 1:
            return None
        out.extend(parts[i:j])
        i = j
        if singleton == "x":
            break
    if i != n:
        return None
    return LangTag("-".join(out), lang, script, region)


def parse_tag(tag: str, path: str | None = None) -> LangTag:
    """Parse and canonicalise a BCP 47 tag; malformed tags raise InputError (see module doc)."""
    parsed = _parse(tag) if isinstance(tag, str) else None
    if parsed is None:
        raise InputError(f"unknown language tag {tag!r}: {_hint()}", path)
    return parsed


def is_unknown(tag: LangTag) -> bool:
    """A well-formed tag whose two-letter language is no ISO 639-1 code (``ge``: German is ``de``)."""
    return len(tag.language) == 2 and tag.language not in ISO_639_1


def primary(tag: str) -> str:
    """The primary language subtag, canonical ("SR-latn" -> "sr", "srp" -> "sr", "cnr" -> "cnr"); a
    malformed tag gives its first subtag in lower case, so look-ups fall back to the generic profile."""
    parsed = _parse(tag)
    return parsed.language if parsed else tag.strip().replace("_", "-").split("-")[0].lower()
