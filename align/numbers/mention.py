"""A number mentioned in a sentence, and the unit written after it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NumberMention:
    value: float
    text: str  # the surface form, text[start:end] of the sentence
    start: int
    end: int
    # "int", "decimal", "year", "ordinal", "percent", "time", "day", "month", "word",
    # "range-start", "range-end"; with extract_numbers(..., loose=True) also "vague", "fraction", "one",
    # "ordinal-word", "month-name", "inword", "implicit", "weekday-name" (Monday 1 to Sunday 7), and of
    # these names, those that surely name a date: "weekday", "month-alone" ("on Sunday", "in June"; see
    # align.numbers.words.loose_mentions)
    kind: str
    alt: float | None = None  # the other reading: of an ambiguous digit group ("1,234"), of "3 p.m." (3)
    unit: Unit | None = None  # the unit written after it, with extract_numbers(..., units=True)


@dataclass(frozen=True)
class Unit:
    """A unit of measure after a number ("650-pound", "24 cm", "80 degrees Fahrenheit")."""

    dimension: str  # length, mass, volume, area, temperature
    size: float  # in the dimension's base unit (m, kg, l, ha); temperatures: a scale (see units.FAHRENHEIT)
    end: int  # where the unit word ends in the text
    shared: bool = False  # taken from the end of a range ("2" in "2 to 4 inches")
