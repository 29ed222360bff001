"""English."""

from ..numerals import NumberWords, abbreviations, month_names, number_words, scales, wordlist
from ..profile import LanguageProfile

PROFILE = LanguageProfile(
    code="en",
    name="English",
    scripts=("Latn",),
    abbreviations="en",
    decimal_point=True,
    ordinal_suffixes=("st", "nd", "rd", "th"),
    clock_12h=True,
    numbers=NumberWords(
        words={
            **number_words(
                small="- |two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                "|fifteen|sixteen|seventeen|eighteen|nineteen",
                tens="twenty thirty forty fifty sixty seventy eighty ninety",
                ones="one a an",
            ),
            "twice": (2.0, "small", True),
            "thrice": (3.0, "small", True),
            **scales("hundred|thousand|million|billion|trillion"),
        },
        abbreviations=abbreviations("||mn|bn|tn"),
        months=month_names(
            "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug"
            "|september sep sept|october oct|november nov|december dec"
        ),
        connectors=frozenset({"and"}),
        suffixes=("fold",),
        both=frozenset({"both"}),
        percent=(r"percent\b", r"per\s?cent\b", r"pct\b"),
        time_words=(r"[ap]\.?\s?m\b",),
        range_words=("to", "till", "until", "through"),
        and_words=("and",),
        range_openers=("between",),
    ),
    lemmatiser="en",
    term_as_written_if_inflected=True,
    name_endings=("s",),
    capitals_beyond_names=True,
    demonym_endings=("ian", "ish", "ese", "ean", "ans", "ic"),
    not_names=frozenset(
        wordlist(
            "monday tuesday wednesday thursday friday saturday sunday welsh french dutch greek swiss thai "
            "czech scots mr mrs ms dr rev st sen gov gen prof jr"
        )
    ),
    name_connectors=frozenset({"and", "of", "van", "de"}),
    stopwords=frozenset(
        wordlist(
            "the of and is that for it with as on are by this from at have has not but or they which were "
            "been their would he she his her its we there who said"
        )
    ),
)
