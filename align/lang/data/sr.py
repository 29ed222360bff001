"""Serbian (Cyrillic and Latin), also used for Montenegrin and for "Serbo-Croatian" as one language.
Croatian and Bosnian (``hr.py``, ``bs.py``) reuse its Latin data."""

from ..numerals import NumberWords, abbreviations, month_names, number_words, scales, wordlist
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
            "|milion +miliona +milione milijun +milijuna|milijarda milijardu +milijarde +milijardi +miliarda"
            "|bilion +biliona"
        ),
    },
    abbreviations=abbreviations("|hilj|mil|mlrd"),
    months={
        **month_names("januar|februar|mart|april|maj|jun|jul|avgust august", ("", "a", "u", "om", "i")),
        **month_names("septemb|oktob|novemb|decemb", ("ar", "ra", "ru", "rom"), first=9),
    },
    connectors=frozenset({"i"}),
    prefixes={
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
    hyphen_endings=True,
    name_endings=wordlist("ijem ijom ija iju ije iji ima ama om em a e i o u"),
)
