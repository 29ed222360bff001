"""Everything language-specific: tags, scripts, one :class:`LanguageProfile` per language (data
modules in :mod:`align.lang.data`), simplemma's dictionaries and the check that a text is in its
declared language."""

from __future__ import annotations

import re

from .profile import LanguageProfile, every, family_members, language_name, profile, profiles
from .scripts import detect_script, script_counts
from .tags import KNOWN, LangTag, parse_tag, primary

# A run of letters (no digits, no underscore): what the checks and the lexical signal call a word.
WORD = re.compile(r"[^\W\d_]+")

__all__ = [
    "KNOWN",
    "WORD",
    "LangTag",
    "LanguageProfile",
    "detect_script",
    "every",
    "family_members",
    "language_name",
    "parse_tag",
    "primary",
    "profile",
    "profiles",
    "script_counts",
]
