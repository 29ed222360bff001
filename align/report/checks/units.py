"""Units after numbers, so that a measure converted by the translator (2 to 4 inches / 5 bis 10
Zentimeter, 650 pounds / 295 килограма, 80 degrees / 27 степени) is not reported as a changed number.

Measured on ntrex-dev (news translated from English): about half of the number findings were such
conversions. A pair counts as converted only when both numbers carry a unit of the same dimension
and the values agree within ROUNDING, so "11" / "12" without units stays a changed number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...numbers import NumberMention
from ...textnorm import fold

ROUNDING = 0.06  # relative: "85 mph" / "135 km/h" is 1.3 % off, "12 mph" / "20 km/h" 3.6 %


@dataclass(frozen=True)
class Unit:
    dimension: str  # length, mass, volume, area, temperature
    size: float  # in the dimension's base unit (m, kg, l, ha); temperatures: see _FAHRENHEIT
    end: int  # where the unit word ends in the text
    shared: bool = False  # taken from the end of a range ("2" in "2 to 4 inches")


# (dimension, size) -> its abbreviations (whole words) and word stems (prefixes, for inflected forms:
# "километара", "metra", "Zentimetern"), folded to Latin script and lower case.
_UNITS = {
    ("length", 0.0254): ("in.", "inch"),  # "in" alone is the preposition
    ("length", 0.3048): ("ft", "foot feet"),
    ("length", 0.9144): ("yd", "yard"),
    ("length", 1609.344): ("mi mph", "mile"),
    ("length", 0.001): ("mm", "millimet milimet"),
    ("length", 0.01): ("cm", "centimet zentimet santimet"),
    ("length", 1.0): ("m", "meter metre metar metr metër"),
    ("length", 1000.0): ("km", "kilomet stundenkilomet"),
    ("mass", 0.028349523): ("oz", "ounce"),
    ("mass", 0.45359237): ("lb lbs", "pound"),
    ("mass", 0.001): ("g", "gram"),
    ("mass", 1.0): ("kg", "kilogram kilo"),
    ("volume", 3.785411784): ("", "gallon"),
    ("volume", 1.0): ("l", "liter litre litar litr"),
    ("area", 0.40468564): ("", "acre"),
    ("area", 1.0): ("ha", "hektar hectare"),
    ("temperature", 1.0): ("f °f", "fahrenheit"),
    ("temperature", 0.0): ("c °c", "celsius"),
    ("temperature", -1.0): ("", "degree grad stepen"),
}
_ABBREVIATIONS = {word: unit for unit, (short, _) in _UNITS.items() for word in short.split()}
_PREFIXES = sorted(
    ((stem, unit) for unit, (_, stems) in _UNITS.items() for stem in stems.split()), key=lambda p: -len(p[0])
)
# Temperature "sizes" are scales: 1 Fahrenheit, 0 Celsius, -1 unknown ("80 degrees" / "27 степени").
_FAHRENHEIT, _CELSIUS = 1.0, 0.0
_AFTER = re.compile(r"[\s\u00a0\-]*([^\W\d_]+)(\.?)")
_DEGREE_SIGN = re.compile(r"[\s\u00a0]?[°º]")  # º (U+00BA) is a common stand-in for °
_DEGREES = re.compile(r"[\s\u00a0]*([^\W\d_]+)")


def _lookup(word: str) -> tuple[str, float] | None:
    if word in _ABBREVIATIONS:
        return _ABBREVIATIONS[word]
    if word == "in":
        return None
    return next((unit for prefix, unit in _PREFIXES if word.startswith(prefix)), None)


def unit_after(text: str, mention: NumberMention, lang: str) -> Unit | None:
    """The unit written right after a number ("650-pound", "24 cm", "80 degrees Fahrenheit")."""
    sign = _DEGREE_SIGN.match(text, mention.end)
    if sign:
        scale = _DEGREES.match(text, sign.end())
        word = fold(scale.group(1), lang) if scale else ""
        size = _FAHRENHEIT if word.startswith("f") else _CELSIUS if word.startswith("c") else -1.0
        return Unit("temperature", size, scale.end() if scale and size >= 0 else sign.end())
    found = _AFTER.match(text, mention.end)
    if found is None:
        return None
    word = fold(found.group(1), lang)
    # "in" is a unit only as "in." (else the preposition: "2 in a row"); other dots end sentences
    unit = (
        _ABBREVIATIONS.get("in.")
        if word == "in" and found.group(2)
        else None
        if word == "in"
        else _lookup(word)
    )
    if unit is None:
        return None
    dimension, size = unit
    end = found.end() if word == "in" else found.end(1)
    if size < 0:  # "degrees": the scale may follow ("degrees Fahrenheit")
        scale = _DEGREES.match(text, end)
        following = _lookup(fold(scale.group(1), lang)) if scale else None
        if following and following[0] == "temperature" and following[1] >= 0:
            return Unit(dimension, following[1], scale.end())
    return Unit(dimension, size, end)


def units_of(text: str, mentions: list[NumberMention], lang: str) -> list[Unit | None]:
    """The unit of each mention; the start of a range takes its end's ("2 to 4 inches")."""
    units = [unit_after(text, m, lang) for m in mentions]
    for i in range(len(mentions) - 2, -1, -1):
        following = units[i + 1]
        if mentions[i].kind == "range-start" and units[i] is None and following is not None:
            units[i] = Unit(following.dimension, following.size, following.end, shared=True)
    return units


def _fahrenheit(unit: Unit) -> bool:
    return unit.size != _CELSIUS  # Fahrenheit, or degrees of unknown scale


def _celsius(unit: Unit) -> bool:
    return unit.size != _FAHRENHEIT


def converted(a: float, unit_a: Unit, b: float, unit_b: Unit) -> bool:
    """Whether ``a unit_a`` and ``b unit_b`` are one measure in two units (agreeing within rounding)."""
    if unit_a.dimension != unit_b.dimension:
        return False
    if unit_a.dimension == "temperature":
        if unit_a.size == unit_b.size and unit_a.size >= 0:
            return False  # the same scale on both sides: another value is another temperature
        # a temperature (80 °F = 27 °C) or a difference of temperatures (10 degrees F = 6 degrees C)
        return any(
            _fahrenheit(uf) and _celsius(uc) and min(abs((f - 32) * 5 / 9 - c), abs(f * 5 / 9 - c)) <= 1
            for f, uf, c, uc in ((a, unit_a, b, unit_b), (b, unit_b, a, unit_a))
        )
    left, right = a * unit_a.size, b * unit_b.size
    return unit_a.size != unit_b.size and abs(left - right) <= ROUNDING * max(left, right)
