"""Croatian: the Serbian Latin data (abbreviations, number words, stemmer) with reldi-tokeniser's
Croatian abbreviations and the Croatian month names ("9. prosinca 2022.", "u studenom")."""

from dataclasses import replace

from ..numerals import month_names
from . import sr

PROFILE = replace(
    sr.PROFILE,
    code="hr",
    name="Croatian",
    aliases=(),
    scripts=("Latn",),
    reldi="hr",
    numbers=replace(
        sr.NUMBERS,
        months={
            **sr.NUMBERS.months,
            **month_names(
                "siječanj siječnja siječnju|veljača veljače veljači|ožujak ožujka ožujku"
                "|travanj travnja travnju|svibanj svibnja svibnju|lipanj lipnja lipnju|srpanj srpnja srpnju"
                "|kolovoz kolovoza kolovozu"
                "|rujan rujna rujnu|listopad listopada listopadu|studeni studenoga studenog studenom"
                "|prosinac prosinca prosincu"
            ),
        },
        # "studeni vjetar" (a cold wind)
        ambiguous_dates=sr.NUMBERS.ambiguous_dates | {"studeni", "studenoga", "studenog", "studenom"},
    ),
)
