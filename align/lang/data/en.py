"""English."""

from ..numerals import (
    NumberWords,
    abbreviations,
    bound_words,
    month_names,
    number_words,
    ordinal_words,
    scales,
    weekday_names,
    wordlist,
)
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
        weekdays=weekday_names("monday|tuesday|wednesday|thursday|friday|saturday|sunday", ("", "s")),
        ambiguous_dates=frozenset({"may", "march"}),  # a modal, a name ("Theresa May"), a walk
        date_cues=frozenset(
            wordlist("on in since until till early late mid last next this every during through of")
        ),
        relative_days=frozenset(wordlist("yesterday today tomorrow tonight overnight weekend week")),
        relative_months=frozenset({"month"}),
        connectors=frozenset({"and"}),
        suffixes=("fold",),
        both=frozenset({"both"}),
        # "dozens" is 10 as "desetine", "dhjetëra" translate it ("tens" only in "tens of thousands")
        vague={
            "tens": 10.0,
            "dozens": 10.0,
            "hundreds": 100.0,
            "thousands": 1e3,
            "millions": 1e6,
            "billions": 1e9,
        },
        vague_quantifiers=frozenset(wordlist("several few some many couple")),
        magnitude_joiners=("of",),
        implicit={
            "decade": 10.0,
            "noon": 12.0,  # "between noon and 6pm" / "zwischen 12 und 18 Uhr"
            "midday": 12.0,
            "duo": 2.0,
            "century": 100.0,
            "centenary": 100.0,
            "fortnight": 14.0,
            "dozen": 12.0,
            "quarter-hour": 15.0,
            "half-hour": 30.0,
            "U-turn": 180.0,
            "double-digit": 2.0,
            "triple-digit": 3.0,
            "hat-trick": 3.0,
            "trio": 3.0,
            "quartet": 4.0,
        },
        fractions={"half": 0.5, "quarter": 0.25, "third": 1 / 3},  # "third" after "a", "one", "two"
        ordinals={
            **ordinal_words(
                "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
                "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth",
                "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth",
            ),
            "hundredth": 100,
            "thousandth": 1000,
        },
        bounds=bound_words(
            more="more than|at least|upwards of|in excess of|no fewer than|no less than|above?|over?",
            less="up to|as many as|as much as|as high as|as long as|as far as|nearly|almost|fewer than"
            "|less than|at most|no more than|close to|just under|under?|below?",
            about="about|around|approximately|roughly|some|circa|an estimated?|estimated?",
        ),
        bound_gap=frozenset(wordlist("a an")),
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
    name_verbs={
        "tweet": "Twitter",
        "retweet": "Twitter",
        "google": "Google",
        "skype": "Skype",
        "facetime": "FaceTime",
        "photoshop": "Photoshop",
    },
    not_names=frozenset(
        wordlist(
            "monday tuesday wednesday thursday friday saturday sunday welsh french dutch greek swiss thai "
            "czech scots mr mrs ms dr rev st sen gov gen prof jr president minister secretary senator "
            "governor chancellor premier king queen prince princess pope mayor coach judge reporter"
        )
    ),
    name_connectors=frozenset({"and", "of", "van", "de"}),
    name_sounds=(
        (r"(?:owe|ow|oe)$", "ou"),  # Rowe, Marlow, Monroe
        (r"^w(?=[aeiou])", "u"),  # Washington, William: Albanian "Uashington", "Uilliam"
        (r"ei", "aj"),  # Geiger
        (r"oi", "oj"),  # Moines
        (r"d?g(?=[eiy])", "dz"),  # Giles, Sturridge: a soft g (Serbian "dž")
        (r"a([bcdfgklmnprstvz])e$", r"ej\1"),  # Jake: a silent e lengthens the vowel before it
        (r"[iy]([bcdfgklmnprstvz])e(s?)$", r"aj\1\2"),  # Kyle, Mike, Giles
        (r"o([bcdfgklmnprstvz])e$", r"ou\1"),  # Stone
        (r"c(?=[eiy])", "s"),  # Lacy, Grace
        (r"(?<=[^aeiou])y(?=[^aeiou]|$)", "i"),  # Furyk, Lacy
        (r"ee", "i"),
        (r"oo", "u"),
    ),
    pronouns=frozenset(wordlist("he she him her his hers they them their")),
    stopwords=frozenset(
        wordlist(
            "the of and is that for it with as on are by this from at have has not but or they which were "
            "been their would he she his her its we there who said"
        )
    ),
    function_words=frozenset(
        wordlist(
            "all also another any anyone anything both can cannot could did does doing done each either "
            "else even ever every few had here him himself how however just many more most much must "
            "neither never none nor now once only other others ought our ours own same several shall "
            "should some something such than then these thing things those though thus too very was what "
            "when where whether while whom whose why will yet you your yours mr mrs ms says say told tell "
            "get got make made take took come came going went well still already almost quite rather "
            "really yes"
        )
    ),
)
