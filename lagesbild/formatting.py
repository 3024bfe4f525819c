"""Numbers, shares and dates written the way Swedish readers write them."""

from __future__ import annotations

import datetime as dt

import pandas as pd

NBSP = "\u00a0"
MINUS = "\u2212"
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def missing(value) -> bool:
    """None, NaN, NA or NaT: nothing to write."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def number(value, decimals: int = 0) -> str:
    """1 800 000 or 30,5 – no-break spaces between thousands, decimal comma, real minus."""
    if missing(value):
        return "–"
    text = f"{abs(float(value)):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    negative = round(float(value), decimals) < 0
    return (MINUS if negative else "") + text


def kr(value, decimals: int = 0) -> str:
    """An amount in kronor: 1 800 000 kr."""
    return "–" if missing(value) else f"{number(value, decimals)}{NBSP}kr"


def pct(share, decimals: int = 1) -> str:
    """A share 0–1 as a percentage: 30,5 %."""
    return "–" if missing(share) else f"{number(float(share) * 100, decimals)}{NBSP}%"


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


def month(value: dt.date) -> str:
    """A month as on an axis: okt 2026."""
    return f"{MONTHS[value.month - 1]} {value.year}"
