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

# English names of languages without a data module (and of the codes a profile serves as an alias),
# for the TEI header's langUsage. A short table rather than a dependency (langcodes is not installed).
NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cnr": "Montenegrin", "cs": "Czech",
    "da": "Danish", "el": "Greek", "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "he": "Hebrew", "hu": "Hungarian", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "mt": "Maltese", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sh": "Serbo-Croatian", "sk": "Slovak", "sl": "Slovenian", "sv": "Swedish", "tr": "Turkish",
    "uk": "Ukrainian", "zh": "Chinese",
}  # fmt: skip

# simplemma's code where it differs from the primary subtag.
SIMPLEMMA_CODE = {"no": "nb"}
