"""Parse number strings as written in articles.

Handles unicode minus signs and dashes used as minus, the Lancet middle-dot decimal (0·02),
thousands separators (1,204), leading-dot decimals (.002), scientific notation written as
``4.1 × 10⁻⁶``, ``4.1 x 10^-6``, ``10⁻⁸`` or ``4.1e-6``. Every function returns ``None`` rather
than raising on garbage or on values that do not fit a finite float.
"""
from __future__ import annotations

import math
import re

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_MINUS_CHARS = "−‐‑–—"  # minus sign, hyphens, en dash, em dash
_MAX_CHARS = 400  # longer strings are not numbers anyone reports

_EXPONENT_FORM = re.compile(
    r"^(?P<mantissa>[-+]?(?:\d+(?:\.\d*)?|\.\d+))?\s*(?:[×xX✕*]\s*)?10\s*(?:\^|\*\*)?\s*(?P<exp>[-+]?\s*\d{1,4})$"
)
_PLAIN = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d{1,4})?$")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")


def normalise(text: str) -> str:
    """Map the typographic variants of a number onto plain ASCII ('−0·5' -> '-0.5')."""
    s = text.strip().translate(_SUPERSCRIPTS)
    for ch in _MINUS_CHARS:
        s = s.replace(ch, "-")
    s = s.replace("·", ".")
    s = _THOUSANDS.sub("", s)
    return s


def parse_number(text: str | None) -> float | None:
    """The float value of a written number, or None when it is not a finite number."""
    if not isinstance(text, str) or not text or len(text) > _MAX_CHARS:
        return None
    s = normalise(text)
    if "," in s:
        return None
    try:
        if _PLAIN.match(s):
            value = float(s)
        else:
            m = _EXPONENT_FORM.match(s)
            if not m:
                return None
            mantissa = float(m.group("mantissa")) if m.group("mantissa") else 1.0
            exponent = int(m.group("exp").replace(" ", ""))
            if abs(exponent) > 400:
                return None
            value = mantissa * (10.0 ** exponent)
    except (ValueError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def parse_int(text: str | None) -> int | None:
    """An integer count (thousands separators allowed), or None."""
    value = parse_number(text)
    if value is None or value != int(value) or abs(value) > 2**62:
        return None
    return int(value)


def rounding_halfwidth(text: str | None) -> float:
    """Half a unit in the last written decimal place of a number ('0.03' -> 0.005).

    For scientific notation the unit is scaled by the exponent ('4.1e-6' -> 0.05e-6).
    Returns 0.0 when the text cannot be read.
    """
    if not isinstance(text, str) or len(text) > _MAX_CHARS:
        return 0.0
    s = normalise(text)
    exponent = 0
    m = _EXPONENT_FORM.match(s)
    if m and not _PLAIN.match(s):
        try:
            exponent = int(m.group("exp").replace(" ", ""))
        except ValueError:
            return 0.0
        s = m.group("mantissa") or "1"
    elif "e" in s.lower():
        base, _, exp = s.lower().partition("e")
        try:
            exponent = int(exp)
        except ValueError:
            return 0.0
        s = base
    decimals = len(s.split(".", 1)[1]) if "." in s else 0
    if abs(exponent - decimals) > 300:
        return 0.0
    return 0.5 * 10.0 ** (exponent - decimals)
