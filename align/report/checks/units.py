"""Measures converted by the translator (2 to 4 inches / 5 bis 10 Zentimeter, 650 pounds / 295
килограма, 80 degrees / 27 степени), so that they are not reported as changed numbers. The units
themselves are read by :mod:`align.numbers` (``extract_numbers(..., units=True)``).

Measured on ntrex-dev (news translated from English): about half of the number findings were such
conversions. A pair counts as converted only when both numbers carry a unit of the same dimension
and the values agree within ROUNDING, so "11" / "12" without units stays a changed number.
"""

from __future__ import annotations

from ...numbers import ANY_SCALE, CELSIUS, FAHRENHEIT, Unit

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
