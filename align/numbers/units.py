"""Units of measure after a number ("650-pound", "24 cm", "80 degrees Fahrenheit") and measures
converted between unit systems (2 to 4 inches / 5 bis 10 Zentimeter, 650 pounds / 295 килограма,
80 degrees / 27 степени), so that the number check does not report them as changed numbers.

Measured on ntrex-dev (news translated from English): about half of the number findings were such
conversions. A pair counts as converted only when both numbers carry a unit of the same dimension
and the values agree within ROUNDING, so "11" / "12" without units stays a changed number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..text.textnorm import fold
from .mention import NumberMention, Unit

# (dimension, size) -> its abbreviations (whole words) and word stems (prefixes, for inflected forms:
# "километара", "metra", "Zentimetern"), folded to Latin script and lower case.
_UNITS = {
    ("length", 0.0254): ("in.", "inch"),  # "in" alone is the preposition
    ("length", 0.3048): ("ft", "foot feet"),
    ("length", 0.9144): ("yd", "yard"),
    ("length", 1609.344): ("mi mph", "mile meile milj"),
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
_UNIT_ABBREVIATIONS = {word: unit for unit, (short, _) in _UNITS.items() for word in short.split()}
_UNIT_PREFIXES = sorted(
    ((stem, unit) for unit, (_, stems) in _UNITS.items() for stem in stems.split()), key=lambda p: -len(p[0])
)
# Temperature "sizes" are scales: 1 Fahrenheit, 0 Celsius, -1 unknown ("80 degrees" / "27 степени").
FAHRENHEIT, CELSIUS, ANY_SCALE = 1.0, 0.0, -1.0
_UNIT_AFTER = re.compile(r"[\s\u00a0\-]*([^\W\d_]+)(\.?)")
_DEGREE_SIGN = re.compile(r"[\s\u00a0]?[°º]")  # º (U+00BA) is a common stand-in for °
_DEGREES = re.compile(r"[\s\u00a0]*([^\W\d_]+)")
_UNITLESS_KINDS = frozenset({"percent", "time", "day", "month", "month-alone", "weekday", "weekday-name"})


def _unit_named(word: str, dot: str = "") -> tuple[str, float] | None:
    """The unit a folded word names; "in" only as "in." (else the preposition: "2 in a row")."""
    if word == "in":
        return _UNIT_ABBREVIATIONS["in."] if dot else None
    if word in _UNIT_ABBREVIATIONS:
        return _UNIT_ABBREVIATIONS[word]
    return next((unit for prefix, unit in _UNIT_PREFIXES if word.startswith(prefix)), None)


def _unit_after(text: str, mention: NumberMention, lang: str) -> Unit | None:
    """The unit written right after a number ("650-pound", "24 cm", "80 degrees Fahrenheit")."""
    sign = _DEGREE_SIGN.match(text, mention.end)
    if sign:
        scale = _DEGREES.match(text, sign.end())
        word = fold(scale.group(1), lang) if scale else ""
        size = FAHRENHEIT if word.startswith("f") else CELSIUS if word.startswith("c") else ANY_SCALE
        return Unit("temperature", size, scale.end() if scale and size != ANY_SCALE else sign.end())
    found = _UNIT_AFTER.match(text, mention.end)
    if found is None:
        return None
    word = fold(found.group(1), lang)
    unit = _unit_named(word, found.group(2))  # other dots than "in."'s end sentences
    if unit is None:
        return None
    dimension, size = unit
    end = found.end() if word == "in" else found.end(1)
    if dimension == "length" and text.startswith("/h", end):
        end += 2  # a speed: "km/h" (as "mph", read as its length unit)
    if size == ANY_SCALE:  # "degrees": the scale may follow ("degrees Fahrenheit")
        scale = _DEGREES.match(text, end)
        following = _unit_named(fold(scale.group(1), lang)) if scale else None
        if scale and following and following[0] == "temperature" and following[1] != ANY_SCALE:
            return Unit(dimension, following[1], scale.end())
    return Unit(dimension, size, end)


def with_units(text: str, mentions: list[NumberMention], lang: str) -> list[NumberMention]:
    """Each quantity with the unit after it; the start of a range takes its end's ("2 to 4 inches")."""
    units = [None if m.kind in _UNITLESS_KINDS else _unit_after(text, m, lang) for m in mentions]
    for i in range(len(mentions) - 2, -1, -1):
        following = units[i + 1]
        if mentions[i].kind == "range-start" and units[i] is None and following is not None:
            units[i] = replace(following, shared=True)
    return [replace(m, unit=u) if u else m for m, u in zip(mentions, units, strict=True)]


def same_unit(a: Unit | None, b: Unit | None) -> bool:
    """Whether two numbers' units let them be one quantity: either has none (translators drop units
    the context gives), or both are the same unit; "degrees" of unknown scale fit either scale."""
    if a is None or b is None:
        return True
    if a.dimension != b.dimension:
        return False
    return a.size == b.size or (a.dimension == "temperature" and ANY_SCALE in (a.size, b.size))


ROUNDING = 0.06  # relative: "85 mph" / "135 km/h" is 1.3 % off, "12 mph" / "20 km/h" 3.6 %


def _fahrenheit(unit: Unit) -> bool:
    return unit.size != CELSIUS  # Fahrenheit, or degrees of unknown scale


def _celsius(unit: Unit) -> bool:
    return unit.size != FAHRENHEIT


def converted(a: float, unit_a: Unit, b: float, unit_b: Unit) -> bool:
    """Whether ``a unit_a`` and ``b unit_b`` are one measure in two units (agreeing within rounding)."""
    if unit_a.dimension != unit_b.dimension:
        return False
    if unit_a.dimension == "temperature":
        if unit_a.size == unit_b.size and unit_a.size != ANY_SCALE:
            return False  # the same scale on both sides: another value is another temperature
        # a temperature (80 °F = 27 °C) or a difference of temperatures (10 degrees F = 6 degrees C)
        return any(
            _fahrenheit(uf) and _celsius(uc) and min(abs((f - 32) * 5 / 9 - c), abs(f * 5 / 9 - c)) <= 1
            for f, uf, c, uc in ((a, unit_a, b, unit_b), (b, unit_b, a, unit_a))
        )
    left, right = a * unit_a.size, b * unit_b.size
    return unit_a.size != unit_b.size and abs(left - right) <= ROUNDING * max(left, right)
