"""Numbers, shares and dates written the way the reader's language writes them: Swedish unless told."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import math
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

NBSP = "\u00a0"
MINUS = "\u2212"
MONTHS = {
    "sv": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

# The language numbers are written in. A context variable, not an argument: every page run, pack and
# export sets it once, and each Streamlit session runs its script in a context of its own.
_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("lagesbild_number_language", default="sv")


def use(lang: str) -> None:
    """Write numbers in lang from here on in this context (a dashboard run sets it first)."""
    _LANGUAGE.set("en" if lang == "en" else "sv")


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """Write numbers in lang within the block, then as before (packs and exports)."""
    token = _LANGUAGE.set("en" if lang == "en" else "sv")
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def current() -> str:
    """The language numbers are written in now: "sv" or "en"."""
    return _LANGUAGE.get()


def separators() -> str:
    """Plotly's separators: the decimal mark, then the thousands separator."""
    return ", " if current() == "sv" else ".,"


def missing(value) -> bool:
    """None, NaN, NA or NaT: nothing to write."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def number(value, decimals: int = 0) -> str:
    """1 800 000 or 30,5 (no-break spaces between thousands, decimal comma); in English 1,800,000 or 30.5."""
    if missing(value) or not math.isfinite(float(value)):
        return "–"
    # Half away from zero, as a reader rounds (3 540,50 kr is 3 541 kr), not to even as Python does.
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.{decimals}f}"
    if current() == "sv":
        text = text.replace(",", NBSP).replace(".", ",")
    return (MINUS if rounded < 0 else "") + text


def kr(value, decimals: int = 0) -> str:
    """An amount in kronor: 1 800 000 kr; in English SEK 1,800,000."""
    if missing(value):
        return "–"
    return f"{number(value, decimals)}{NBSP}kr" if current() == "sv" else f"SEK{NBSP}{number(value, decimals)}"


def pct(share, decimals: int = 1) -> str:
    """A share 0–1 as a percentage: 30,5 %; in English 30.5%."""
    if missing(share):
        return "–"
    return f"{number(float(share) * 100, decimals)}{NBSP if current() == 'sv' else ''}%"


def shorten(text, length: int) -> str:
    """Text cut at a word boundary with an ellipsis when it is longer than length characters."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    head = text[: max(length - 2, 1)]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:–-") + " …"


def date(value) -> str:
    """ISO date, 2026-10-31."""
    if missing(value):
        return "–"
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def month_name(value: dt.date) -> str:
    """A month's short name: okt; in English Oct."""
    return MONTHS[current()][value.month - 1]


def month(value: dt.date) -> str:
    """A month as on an axis: okt 2026; in English Oct 2026."""
    return f"{month_name(value)} {value.year}"
