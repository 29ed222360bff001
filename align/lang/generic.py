"""What is known of languages without a data module of their own: enough for the generic profile
(script check, decimal convention, reldi-tokeniser's abbreviations, simplemma's dictionary)."""

from __future__ import annotations

_LATIN = ("fr", "it", "es", "pt", "nl", "da", "sv", "nb", "nn", "no", "fi", "et", "lv", "lt", "pl", "cs",
          "sk", "sl", "hu", "ro", "tr", "ga", "cy", "is", "mt", "ca", "gl", "eu")  # fmt: skip

# The usual script of single-script languages, for the script check (absent: not checked).
USUAL_SCRIPT = {
    **dict.fromkeys(_LATIN, "Latn"),
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk"), "Cyrl"),
    "el": "Grek",
    "he": "Hebr",
    "ar": "Arab",
    "fa": "Arab",
    "hy": "Armn",
    "ka": "Geor",
    "hi": "Deva",
    "th": "Thai",
    "ko": "Hang",
}

# Languages commonly written in more than one script: resolve_tag adds the detected one.
MULTI_SCRIPT = {
    **dict.fromkeys(("az", "uz", "kk", "tk"), ("Cyrl", "Latn")),
    "mn": ("Cyrl", "Mong"),
    "ku": ("Latn", "Arab"),
}

# Languages that write a decimal point (and group with commas); the others write a decimal comma.
DECIMAL_POINT = frozenset({"ja", "zh", "ko", "he", "hi", "th", "ms", "ga", "cy", "mt", "ta", "te", "ur"})

# reldi-tokeniser's abbreviation lists (South Slavic languages).
RELDI = frozenset({"sl", "mk", "bg"})

# simplemma's code where it differs from the primary subtag.
SIMPLEMMA_CODE = {"no": "nb"}
