"""Albanian."""

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

_UNITS = ["", "një", "dy", "tre", "katër", "pesë", "gjashtë", "shtatë", "tetë", "nëntë"]

_WEEKDAYS = {
    **weekday_names("hën|mart|mërkur|-|-|shtun", ("ë", "a", "ën", "ës")),
    **weekday_names("-|-|-|enjt|premt", ("e", "ja", "en", "es")),
    **weekday_names("-|-|-|-|-|-|diel", ("", "a", "ën", "ës")),
}

PROFILE = LanguageProfile(
    code="sq",
    name="Albanian",
    scripts=("Latn",),
    abbreviations="sq",
    numbers=NumberWords(
        words={
            **number_words(
                small="- |dy|tre tri|katër|pesë|gjashtë|shtatë|tetë|nëntë|dhjetë|"
                + "|".join(f"{u}mbëdhjetë" for u in _UNITS[1:]),
                tens="njëzet tridhjetë dyzet pesëdhjetë gjashtëdhjetë shtatëdhjetë tetëdhjetë nëntëdhjetë",
                ones="një",
                hundreds="|".join(f"{u}qind" for u in _UNITS[1:]),
            ),
            "katërdhjetë": (40.0, "tens", True),
            **scales(
                "+qind|mijë|milion +milionë +miliona +milionat|miliard +miliardë +miliarda|bilion +bilionë"
            ),
        },
        abbreviations=abbreviations("||mln|mld"),
        months=month_names(
            "janar|shkurt|mars|prill|maj|qershor|korrik|gusht|shtator|tetor|nëntor|dhjetor",
            ("", "i", "it", "in", "u", "ut", "un"),  # "korriku", "mes të korrikut" after -k
        ),
        # "e hënë", "të hënën", "së hënës": all after an article ("hëna" is also the moon)
        weekdays=_WEEKDAYS,
        ambiguous_dates=frozenset({*_WEEKDAYS, "shkurt"}),  # also "short", "briefly"
        date_cues=frozenset(
            wordlist(
                "e të së në nga deri prej gjatë muajin muajit muaji fund fundin fillim fillimin mes mesin"
            )
        ),
        relative_days=frozenset(
            wordlist(
                "dje sot nesër mbrëmë pardje pasnesër sonte fundjavë fundjavën fundjavës javë javën javës"
            )
        ),
        relative_months=frozenset(wordlist("muaj muajin muajit muaji")),
        connectors=frozenset({"e"}),
        suffixes=wordlist("vjeçar vjecar ditor ditësh orësh javor javësh"),
        both=frozenset({"dyja", "dyve"}),
        ordinal_articles=frozenset({"i", "e"}),
        # after an article ("i treti", "e treta", "të tretën"; from 6 on also the cardinal: "i nëntë")
        ordinals_after=frozenset({"i", "e", "të", "së"}),
        ordinals={
            **ordinal_words(
                "par|dyt|tret|katërt|pest|gjasht|shtat|tet|nënt|dhjet",
                endings=wordlist("ë i a in ën it ës ët"),
            ),
            "katërt": 4,
        },
        vague={"dhjetëra": 10.0, "qindra": 100.0, "mijëra": 1e3, "mija": 1e3},
        vague_quantifiers=frozenset(wordlist("disa shumë ca")),
        implicit={
            **dict.fromkeys(wordlist("dekadë dekada dekadës dekadën"), 10.0),
            **dict.fromkeys(wordlist("shekull shekulli shekullit shekullin"), 100.0),
            **dict.fromkeys(wordlist("duzinë duzina"), 12.0),
            **dict.fromkeys(wordlist("mesditë mesdita mesditës mesditën"), 12.0),
            **dict.fromkeys(wordlist("het-trik het-triku treshe"), 3.0),
            "dyshe": 2.0,
        },
        fractions={"gjysmë": 0.5, "gjysma": 0.5, "gjysmën": 0.5, "çerek": 0.25, "çereku": 0.25},
        bounds=bound_words(
            more="më shumë se|më shumë nga|mëse|të paktën|së paku|mbi?",
            less="deri në|gati|pothuajse|afro|më pak se|të shumtën|plot?|deri?|nën?",
            about="rreth|afërsisht|përafërsisht|përreth|nja",
        ),
        percent=(r"për\s?qind\b", r"perqind\b", r"per qind\b", r"përqind\w*"),
        range_words=(r"deri(?:\s+në)?",),
        and_words=("dhe",),
        range_openers=("midis", "ndërmjet", "ndermjet"),
    ),
    lemmatiser="sq",
    suffixes=wordlist("ëve eve ave ës ën ët së në it in ut at et a e ë i u"),
    articles=frozenset({"i", "e", "të", "së", "te"}),
    # Plurals with a changed stem vowel or ending, from grammars: plural stem (after the suffix rules)
    # -> the singular's key.
    irregular_stems={
        "thas": "thes",  # thes, thasë (sack)
        "pleq": "plak",  # plak, pleq (old man)
        "miq": "mik",  # mik, miq (friend)
        "duar": "dorë",  # dorë, duar (hand)
        "kuaj": "kalë",  # kalë, kuaj (horse)
        "djem": "djalë",  # djalë, djem (boy)
        "brigj": "breg",  # breg, brigje (shore)
        "lumenj": "lumë",  # lumë, lumenj (river)
        "vëllezër": "vëlla",  # vëlla, vëllezër (brother)
        "gishtërinj": "gisht",  # gisht, gishtërinj (finger)
        "netë": "natë",  # natë, netë (night)
    },
    hyphen_endings=True,
    name_endings=wordlist("ise ine se ne it in ut un a e i u"),
    # Albanian letters for the sounds other languages spell otherwise: "Gjilas" (Đilas), "Xhaka",
    # "Brnabiq" (Brnabić), "Zhukov"; ë for an unstressed a of the region's names ("Ibër" for Ibar)
    name_sounds=((r"gj", "j"), (r"xh", "j"), (r"q", "c"), (r"zh", "z"), (r"ë", "a")),
    name_inflections=wordlist("s n t ja në së të ve ës ën ët"),
    name_connectors=frozenset({"e", "dhe"}),
    pronouns=frozenset(wordlist("ai ajo atë atij asaj tij saj")),
    pro_drop=True,
    stopwords=frozenset(
        wordlist(
            "dhe të në për një me që nga është së nuk ka janë ishte më si por ky kjo këtë ai ajo ata "
            "kanë duke edhe mund pas tij saj tyre"
        )
    ),
    # Albanian spelling to Serbian Latin, digraphs first (the mapping Albanian press uses for Serbian
    # names and back: Vuçiq = Vučić, Gjakova = Đakovica, Millosh = Miloš).
    name_spelling=(
        ("xh", "dž"),
        ("gj", "đ"),
        ("sh", "š"),
        ("zh", "ž"),
        ("dh", "d"),
        ("th", "t"),
        ("ll", "l"),
        ("rr", "r"),
        ("ç", "č"),
        ("q", "ć"),
        ("ë", "e"),
    ),
    function_words=frozenset(
        wordlist(
            "jam je jemi jeni isha kam kemi keni kishte kishin do duhet u po këta këto ato atë "
            "gjithë shumë pak kështu atëherë tani ashtu edhe kur ku prandaj megjithatë "
            "gjithashtu"
        )
    ),
)
