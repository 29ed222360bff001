"""German."""

from ..numerals import (
    NumberWords,
    abbreviations,
    bound_words,
    month_names,
    number_words,
    scales,
    weekday_names,
    wordlist,
)
from ..profile import LanguageProfile

_UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_SMALL = ["", "eins", *_UNITS[2:], *wordlist("zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn")]
_SMALL += wordlist("siebzehn achtzehn neunzehn")
_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def _below_1000() -> dict[str, int]:
    """German number words 1..999 ("fünfhundertzwanzig"); thousands are split off at look-up."""
    below_100 = {w: i for i, w in enumerate(_SMALL) if w}
    for t in range(2, 10):
        below_100[_TENS[t]] = 10 * t
        for u in range(1, 10):
            below_100[f"{_UNITS[u]}und{_TENS[t]}"] = 10 * t + u
    out = dict(below_100)
    for h in range(1, 10):
        for prefix in {"", "ein"} if h == 1 else {_UNITS[h]}:
            out[f"{prefix}hundert"] = 100 * h
            for w, v in below_100.items():
                out[f"{prefix}hundert{w}"] = 100 * h + v
    return {**out, **{w.replace("ß", "ss"): v for w, v in out.items() if "ß" in w}}


def _ordinals() -> dict[str, int]:
    """Ordinal words with their endings ("dritte", "dritten", "einundzwanzigsten"); "achten" is
    left out, it is mostly the verb (to respect)."""
    stems = {"erst": 1, "zweit": 2, "dritt": 3, "siebt": 7, "siebent": 7, "acht": 8}
    stems.update({w + "t": v for w, v in _NUMBERS.items() if 4 <= v < 20 and v not in (7, 8)})
    stems.update({w + "st": v for w, v in _NUMBERS.items() if 20 <= v <= 100})
    stems["tausendst"] = 1000
    words = {s + e: v for s, v in stems.items() for e in ("e", "en", "er", "es", "em")}
    del words["achten"]
    return words


def _role(value: int) -> str:
    return "small" if value < 100 and (value < 20 or value % 10) else "tens" if value < 100 else "hundreds"


_NUMBERS = _below_1000()

_MONTHS = month_names(
    "januar jänner jan|februar feber feb|märz maerz|april apr|mai|juni jun|juli jul|august aug"
    "|september sept sep|oktober okt|november nov|dezember dez"
)
_WEEKDAY_NAMES = "montag|dienstag|mittwoch|donnerstag|freitag|samstag sonnabend|sonntag"
# "am Sonntagabend", "sonntags" (lower case: an adverb, not read)
_WEEKDAYS = weekday_names(
    _WEEKDAY_NAMES,
    (
        "",
        *wordlist(
            "s e en abend abends morgen morgens vormittag vormittags mittag mittags nachmittag "
            "nachmittags nacht nachts früh"
        ),
    ),
)

PROFILE = LanguageProfile(
    code="de",
    name="German",
    scripts=("Latn",),
    abbreviations="de",
    nouns_capitalised=True,
    numbers=NumberWords(
        words={
            **{w: (float(v), _role(v), True) for w, v in _NUMBERS.items() if w != "eins"},
            **number_words(ones="eins ein eine einen einem einer eines"),
            **scales("|tausend|million +millionen|milliarde +milliarden|billion +billionen"),
        },
        abbreviations=abbreviations("|tsd|mio|mrd"),
        months=_MONTHS,
        weekdays=_WEEKDAYS,
        ambiguous_dates=frozenset({"august"}),  # a first name ("August Diehl sagte")
        date_cues=frozenset(
            wordlist(
                "am an im in seit bis ab vom zum ende anfang mitte letzten vergangenen kommenden nächsten "
                "jeden"
            )
        ),
        relative_days=frozenset(wordlist("gestern heute morgen vorgestern übermorgen wochenende woche")),
        relative_months=frozenset(wordlist("monat monats")),
        month_stems={w: v for w, v in _MONTHS.items() if len(w) > 3},  # "Oktoberanfang"
        weekday_stems=weekday_names(_WEEKDAY_NAMES),  # "freitagabendlichen"
        suffixes=wordlist(
            "jährig tägig wöchig monatig stündig minütig fach mal malig teilig seitig prozentig drittel "
            "köpfig stöckig sprachig spurig sitzig zimmer"
        ),
        both=frozenset({"beide", "beiden", "beider", "beides", "beidem"}),
        thousand="tausend",
        below_thousand=_NUMBERS,
        vague={
            "dutzende": 10.0,  # as "dozens"
            "hunderte": 100.0,
            "tausende": 1e3,
            "zehntausende": 1e4,
            "hunderttausende": 1e5,
            # dative, after "von" ("Hunderte von Tausenden")
            "dutzenden": 10.0,
            "hunderten": 100.0,
            "tausenden": 1e3,
        },
        vague_quantifiers=frozenset(wordlist("mehrere einige paar viele etliche")),
        magnitude_joiners=("von",),
        implicit={
            **dict.fromkeys(wordlist("jahrzehnt jahrzehnts jahrzehnte dekade"), 10.0),
            **dict.fromkeys(wordlist("jahrhundert jahrhunderts"), 100.0),
            "dutzend": 12.0,
            "mittag": 12.0,
            "viertelstunde": 15.0,
            **dict.fromkeys(wordlist("zweistellig zweistellige zweistelligen zweistelliger"), 2.0),
            **dict.fromkeys(wordlist("dreistellig dreistellige dreistelligen dreistelliger"), 3.0),
            "hattrick": 3.0,
            "trio": 3.0,
            "duo": 2.0,
            "quartett": 4.0,
        },
        fractions={"hälfte": 0.5, "haelfte": 0.5, "halb": 0.5, "viertel": 0.25, "drittel": 1 / 3},
        ordinals=_ordinals(),
        bounds=bound_words(
            more="mehr als|mindestens|wenigstens|frühestens|über?|gut?",
            less="bis zu|fast|beinahe|nahezu|knapp|weniger als|höchstens|maximal|an die|unter?",
            about="etwa|rund|ungefähr|circa|ca.|zirka|schätzungsweise|um die|geschätzte?|geschätzten?",
        ),
        percent=(r"prozent\b",),
        time_words=(r"uhr\b", r"h\b"),
        range_words=("bis",),
        and_words=("und",),
        range_openers=("zwischen",),
    ),
    lemmatiser="de",
    suffixes=("en", "em", "er", "es", "e", "n"),
    noun_keeps=("er", "n"),
    # Umlaut plurals the dictionary does not know (compounds): Rheinflüsse, Sandsäcken.
    stem_alternations=(
        (r"ä(u?[^aeiouäöü]+(?:e|en))$", r"a\1"),
        (r"ö([^aeiouäöü]+(?:e|en))$", r"o\1"),
        (r"ü([^aeiouäöü]+(?:e|en))$", r"u\1"),
    ),
    feminine_suffixes=("innen", "in"),
    compounding=True,
    not_compound_modifiers=frozenset(
        wordlist(
            "ab an auf aus be bei durch ein ent er ge gegen her hin mit miss nach über um unter ver vor "
            "weg wider zer zu zurück zusammen"
        )
    ),
    name_endings=("es", "en", "s"),
    capitals_beyond_names=True,
    not_names=frozenset(wordlist("montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag")),
    name_connectors=frozenset({"und", "von", "der"}),
    pronouns=frozenset(wordlist("er sie ihm ihn ihr ihre ihren ihrem ihrer sein seine seinen seinem seiner")),
    stopwords=frozenset(
        wordlist(
            "der die das und ist nicht ein eine zu den mit von im dem des auf für sich es auch wird werden "
            "wurde sind bei nach als aus sie er wir hat haben noch über einen einer dass"
        )
    ),
    function_words=frozenset(
        wordlist(
            "sein bin bist war waren wäre gewesen habe hatte hatten hätte haben werden würde "
            "würden worden können kann konnte könnte müssen muss musste sollen soll sollte "
            "wollen will wollte dürfen darf mögen lassen ließ diese dieser dieses jener alle "
            "viele einige mehr dann also schon sehr nur wie was wenn weil ob hier dort man "
            "davon dazu damit darauf dabei daran darüber dafür dagegen deshalb jedoch sowie "
            "etwa"
        )
    ),
)
