"""Serbian (Cyrillic and Latin), also used for Montenegrin and for "Serbo-Croatian" as one language.
Croatian and Bosnian (``hr.py``, ``bs.py``) reuse its Latin data."""

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

NUMBERS = NumberWords(
    words={
        **number_words(
            small="- |dva dve dvije dvoje dvojica|tri troje trojica|četiri četvoro četvorica"
            "|pet petoro petorica|šest šestoro šestorica|sedam sedmoro sedmorica|osam osmoro osmorica"
            "|devet devetoro devetorica|deset desetoro desetorica|jedanaest|dvanaest|trinaest|četrnaest"
            "|petnaest|šesnaest|sedamnaest|osamnaest|devetnaest",
            tens="dvadeset trideset četrdeset pedeset šezdeset sedamdeset osamdeset devedeset",
            ones="jedan jedna jedno jednog jednu jednom jednoj jedne",
            hundreds="sto stotinu|dvesta dvjesta dvesto|trista tristo|četiristo|petsto|šeststo|sedamsto"
            "|osamsto|devetsto",
        ),
        **scales(
            "+stotina +stotine|hiljadu +hiljada +hiljade tisuću +tisuća +tisuće"
            "|milion +miliona +milione +milioni +milionima milijun +milijuna"
            "|milijarda milijardu +milijarde +milijardi +miliarda"
            "|bilion +biliona"
        ),
    },
    abbreviations=abbreviations("|hilj|mil|mlrd"),
    months={
        **month_names("januar|februar|mart|april|maj|jun|jul|avgust august", ("", "a", "u", "om", "i")),
        **month_names("septemb|oktob|novemb|decemb", ("ar", "ra", "ru", "rom"), first=9),
    },
    # ekavian and ijekavian (Bosnian, Croatian) forms
    weekdays={
        **weekday_names("ponedelj ponedjelj|utor|-|četvrt|pet", ("ak", "ka", "ku", "kom", "ci", "aka")),
        **weekday_names("-|-|sred srijed|-|-|subot", ("a", "e", "u", "om", "i", "ama")),
        # not "nedelji": "четири дана у недељи" is four days a week
        **weekday_names("-|-|-|-|-|-|nedelj nedjelj", ("a", "e", "u", "om", "ama")),
    },
    # "nedelja" is also the week ("прошле недеље" = last week), "sredi" an imperative ("sort out"):
    # a Sunday only in "у недељу" (on Sunday); "nedeljom" (on Sundays) is no week
    ambiguous_dates=frozenset(
        wordlist("nedelja nedelje nedelju nedeljama nedjelja nedjelje nedjelju nedjeljama sredi")
    ),
    date_cues=frozenset({"u"}),
    # "ове недеље" (this week); not "у недељу", which is Sunday
    relative_days=frozenset(
        wordlist(
            "juče jučer danas sutra prekjuče prekjučer prekosutra sinoć večeras noćas vikend vikenda vikendu "
            "nedelja nedelje nedelji nedjelja nedjelje nedjelji sedmica sedmice sedmicu "
            "sedmici tjedan tjedna tjednu"
        )
    ),
    relative_months=frozenset(wordlist("mesec meseca mesecu mjesec mjeseca mjesecu")),
    # the adjectives: "јунски састанак", "новембарским изборима", "суботњих мечева", "недељној утакмици"
    month_stems=month_names(
        "januarsk|februarsk|martovsk|aprilsk|majsk|junsk|julsk|avgustovsk augustovsk|septembarsk"
        "|oktobarsk|novembarsk|decembarsk"
    ),
    weekday_stems=weekday_names("ponedeljn ponedjeljn|utorn|-|-|-|subotnj|nedeljn nedjeljn"),
    connectors=frozenset({"i"}),
    prefixes={
        "jedno": 1,
        "dvo": 2,
        "tro": 3,
        "četvoro": 4,
        "peto": 5,
        "šesto": 6,
        "sedmo": 7,
        "osmo": 8,
        "deveto": 9,
        "deseto": 10,
        "dvadeseto": 20,
        "trideseto": 30,
        "pedeseto": 50,
        "sto": 100,
    },
    suffixes=wordlist("godišnj dnevn nedeljn sedmičn časovn satn minutn člani spratn sobn kratn trećin"),
    both=frozenset({"oba", "obe", "obje", "obojica", "oboje", "obema", "obadva", "obadve"}),
    vague={"desetine": 10.0, "desetina": 10.0, "desetinama": 10.0, "stotinama": 100.0, "hiljadama": 1e3},
    # adjective endings of both declensions ("prvi", "trećeg", "trećem", "drugoj")
    ordinals=ordinal_words(
        "prv|drug|treć|četvrt|pet|šest|sedm|osm|devet|deset|jedanaest|dvanaest|trinaest|četrnaest"
        "|petnaest|šesnaest|sedamnaest|osamnaest|devetnaest",
        "dvadeset trideset četrdeset pedeset šezdeset sedamdeset osamdeset devedeset stot",  # 20..100
        wordlist("i a o e u og oga om ome oj ih im ima eg ega em emu"),
    ),
    vague_quantifiers=frozenset(wordlist("nekoliko više mnogo par")),
    implicit={
        **dict.fromkeys(wordlist("decenija decenije deceniju deceniji decenijom"), 10.0),
        **dict.fromkeys(wordlist("vek veka veku vekom"), 100.0),
        **dict.fromkeys(wordlist("tuce tuceta"), 12.0),
        "podne": 12.0,
        # "the 2000s": "početkom dvehiljaditih" (the nineties are "devedesetih", a number word)
        **dict.fromkeys(
            wordlist("dvehiljadite dvehiljaditih dvehiljaditim dvijehiljadite dvijehiljaditih"), 2000.0
        ),
        **dict.fromkeys(wordlist("dvocifren dvocifrena dvocifreni dvocifrenu dvocifrenog"), 2.0),
        **dict.fromkeys(wordlist("het-trik het-trika trio"), 3.0),
        **dict.fromkeys(wordlist("duo dvojac"), 2.0),
        "kvartet": 4.0,
    },
    fractions={
        **dict.fromkeys(wordlist("polovina polovine polovinu polovini polovinom pola"), 0.5),
        **dict.fromkeys(wordlist("četvrtina četvrtine četvrtinu"), 0.25),
        **dict.fromkeys(wordlist("trećina trećine trećinu"), 1 / 3),
    },
    bounds=bound_words(
        more="više od|najmanje|barem|bar|makar|preko?|iznad?",
        less="i do|čak|skoro|gotovo|zamalo|manje od|najviše|blizu|do?|ispod?",
        about="oko|otprilike|približno|nekih",
    ),
    # in both scripts: these are patterns, not words that could be transliterated
    percent=(r"odsto\b", r"posto\b", "procen[a-z]*", r"одсто\b", r"посто\b", "процен[а-я]*"),
    time_words=("časova", r"sati\b", "часова", r"сати\b"),
    range_words=("do", "до"),
    and_words=("i", "и"),
    range_openers=("između", "између", "izmedju"),
)

PROFILE = LanguageProfile(
    code="sr",
    name="Serbian",
    aliases=("cnr", "sh", "hbs"),
    family="hbs",
    scripts=("Cyrl", "Latn"),
    cyrillic_latin=True,
    abbreviations="sr",  # written in Latin script, read in Cyrillic too
    reldi="sr",
    numbers=NUMBERS,
    # simplemma's dictionary is shared by the family; terms use snowball's stemmer instead (see
    # align.terms.stem for why).
    lemmatiser="hbs",
    stemmer="serbian",
    stem_alternations=(
        # Sibilarisation before -i: poljoprivrednik -> poljoprivrednici, reka -> reci, Praga -> Prazi.
        (r"ci(ma)?$", r"ki\1"),
        (r"zi(ma)?$", r"gi\1"),
        (r"si(ma)?$", r"hi\1"),
        # The -ov-/-ev- plural of short masculine nouns: most -> mostovi, džak -> džakovima.
        (r"(?<=..[^aeiou])[oe]v(i|a|e|ima)$", r"\1"),
        # l -> o with a fleeting a: spasilac, spasioca, spasiocima; gledalac, gledaoca.
        (r"([aeiu])oc(a|u|e|em|om|i|ima)$", r"\1lac"),
        # Fleeting a in the nominative: pesak -> peska, borac -> borca.
        (r"(?<=[^aeiou])a([kc])$", r"\1a"),
    ),
    hyphen_endings=True,
    name_endings=wordlist("ijem ijom ija iju ije iji ima ama om em a e i o u"),
    name_inflections=tuple(
        p + e for p in ("ov", "ev", "in") for e in ("", *wordlist("a o e i u og oga om ome oj ih im ima"))
    ),
    name_connectors=frozenset({"i", "и"}),
    names_by_sound=True,
    # in Latin script; Cyrillic text is compared through Serbian Latin
    pronouns=frozenset(
        wordlist("on ona njega njemu njime nje njoj njom njegov njegova njegovo njen njena njeno")
    ),
    pro_drop=True,
    # in Latin script; Cyrillic text is compared through Serbian Latin
    stopwords=frozenset(
        wordlist(
            "je da na za su od sa koji koja koje što kao ali nije biti bio bila će iz po ili još samo "
            "kako već bi ga sve nakon prema godine ima"
        )
    ),
    function_words=frozenset(
        wordlist(
            "sam si smo ste jesam jeste bilo bili hteti hoće moći može mogu mogao treba ovaj "
            "taj onaj ovo to svi svih mnogo malo onda sada tada kad kada gde zato tako ipak "
            "takođe neki"
        )
    ),
)
