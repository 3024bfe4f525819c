"""What projekt.toml says about a project, checked key by key (data contract §1, §3b, §5b)."""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagesbild.problems import Problem, error, warning

TOML = "projekt.toml"
_TOML_LINE = re.compile(r"line (\d+)")
_ACCOUNT_RANGE = re.compile(r"\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?")
COST_ACCOUNTS = ((4000, 7999),)
ACCOUNT_PLANS = ("BAS", "Kommun-BAS")
# Years outside this span are typing slips (20255-04-01, 0025-04-01); exports cannot show them.
FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2200, 12, 31)

_KEYS = (
    "namn",
    "kortnamn",
    "projektagare",
    "start",
    "slut",
    "valuta",
    "rapportdatum",
    "styrgruppsmoten",
    "rapportperioder",
    "indirekta_kostnader",
    "bokforing",
)
_INDIRECT_KEYS = ("procent", "bas", "kostnadsslag")
_BOOKKEEPING_KEYS = ("objekt", "dimension", "objektkolumn", "kostnadskonton", "kontoplan")


@dataclass(frozen=True)
class Indirect:
    """Flat-rate indirect costs: procent of the costs in the bas categories, booked as kostnadsslag."""

    procent: float
    bas: tuple[str, ...]
    kostnadsslag: str


@dataclass(frozen=True)
class Bookkeeping:
    """[bokforing]: which rows of a whole ledger are the project's, and which accounts are costs."""

    objekt: str | None = None  # the project's code in the ledger
    dimension: int = 6  # SIE dimension of objekt
    objektkolumn: str | None = None  # CSV: the column that holds the code
    kostnadskonton: tuple[tuple[int, int], ...] = COST_ACCOUNTS  # inclusive account ranges
    kontoplan: str | None = None  # a shipped account plan preset: "BAS" or "Kommun-BAS"


@dataclass(frozen=True)
class Meta:
    """What projekt.toml says about the project."""

    namn: str
    kortnamn: str
    projektagare: str
    start: dt.date
    slut: dt.date
    valuta: str = "SEK"
    rapportdatum: dt.date | None = None
    styrgruppsmoten: tuple[dt.date, ...] = ()
    indirekta: Indirect | None = None
    bokforing: Bookkeeping = field(default_factory=Bookkeeping)
    # inclusive [start, end] periods of the claims to the funders, in order, never empty
    rapportperioder: tuple[tuple[dt.date, dt.date], ...] = ()


def shown(value: Any) -> str:
    """A TOML value as the user wrote it (true, not True; [1, 2], not a Python list)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {shown(v)}" for k, v in value.items()) + "}"
    return str(value)


class _Reader:
    """Reads keys of one TOML table, collecting a problem per wrong key instead of raising."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems

    def fail(self, key: str, value: Any, kod: str, **values: str | int) -> None:
        self.problems.append(error(TOML, None, key, shown(value), kod, **values))

    def text(self, value: Any, key: str, accept_int: bool = False) -> str | None:
        if accept_int and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.fail(key, value, "toml_text_or_number" if accept_int else "toml_text")
        return None

    def date(self, value: Any, key: str) -> dt.date | None:
        day: dt.date | None = None
        if isinstance(value, dt.datetime):
            day = value.date()
        elif isinstance(value, dt.date):
            day = value
        elif isinstance(value, str):
            try:
                day = dt.date.fromisoformat(value.strip())
            except ValueError:
                day = None
        if day is None or not FIRST_DATE <= day <= LAST_DATE:
            self.fail(key, value, "toml_date")
            return None
        return day

    def whole(self, value: Any, key: str, least: int) -> int | None:
        # bool is an int in Python: `dimension = true` must not read as 1
        if isinstance(value, int) and not isinstance(value, bool) and value >= least:
            return value
        self.fail(key, value, "toml_whole", least=least)
        return None

    def unknown(self, table: dict, known: tuple[str, ...], prefix: str = "") -> None:
        for key in table:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1)
            named = {"known": ", ".join(prefix + k for k in known), "name": f"{prefix}{key}"}
            if close:
                found = warning(
                    TOML, None, f"{prefix}{key}", None, "toml_unknown_key_close", close=prefix + close[0], **named
                )
            else:
                found = warning(TOML, None, f"{prefix}{key}", None, "toml_unknown_key", **named)
            self.problems.append(found)


def read_meta(folder: Path) -> tuple[Meta | None, list[Problem]]:
    """projekt.toml as Meta, or None with the problems that stop it."""
    path = folder / TOML
    problems: list[Problem] = []
    if not path.is_file():
        return None, [error(TOML, None, None, None, "toml_missing")]
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        line = _TOML_LINE.search(str(exc))
        return None, [error(TOML, int(line.group(1)) if line else None, None, None, "toml_invalid", detail=str(exc))]
    for key in ("namn", "start", "slut"):
        if key not in data:
            problems.append(error(TOML, None, key, None, "toml_missing_key", name=key))
    if problems:
        return None, problems
    read = _Reader(problems)
    read.unknown(data, _KEYS)
    namn = read.text(data["namn"], "namn")
    kortnamn = read.text(data["kortnamn"], "kortnamn") if "kortnamn" in data else namn
    projektagare = read.text(data["projektagare"], "projektagare") if "projektagare" in data else ""
    valuta = read.text(data["valuta"], "valuta") if "valuta" in data else "SEK"
    start = read.date(data["start"], "start")
    slut = read.date(data["slut"], "slut")
    if start and slut and slut < start:
        read.fail("slut", slut, "toml_end_before_start", start=start.isoformat())
        slut = None
    rapportdatum = read.date(data["rapportdatum"], "rapportdatum") if "rapportdatum" in data else None
    moten = _meetings(read, data.get("styrgruppsmoten", []))
    indirekta = _indirect(read, data["indirekta_kostnader"]) if "indirekta_kostnader" in data else None
    bokforing = _bookkeeping(read, data["bokforing"]) if "bokforing" in data else Bookkeeping()
    perioder = None
    if start and slut:
        perioder = (
            _periods(read, data["rapportperioder"], start, slut)
            if "rapportperioder" in data
            else half_years(start, slut)
        )
    if (
        any(p.is_error for p in problems)
        or namn is None
        or kortnamn is None
        or projektagare is None
        or valuta is None
        or start is None
        or slut is None
        or moten is None
        or bokforing is None
        or perioder is None
    ):
        return None, problems
    meta = Meta(
        namn=namn,
        kortnamn=kortnamn,
        projektagare=projektagare,
        start=start,
        slut=slut,
        valuta=valuta,
        rapportdatum=rapportdatum,
        styrgruppsmoten=tuple(sorted(moten)),
        indirekta=indirekta,
        bokforing=bokforing,
        rapportperioder=perioder,
    )
    return meta, problems


def _meetings(read: _Reader, value: Any) -> list[dt.date] | None:
    if not isinstance(value, list):
        read.fail("styrgruppsmoten", value, "toml_meetings")
        return None
    days = [read.date(v, "styrgruppsmoten") for v in value]
    return [d for d in days if d] if all(days) else None


def _indirect(read: _Reader, section: Any) -> Indirect | None:
    key = "indirekta_kostnader"
    if not isinstance(section, dict):
        read.fail(key, section, "toml_indirect_table")
        return None
    read.unknown(section, _INDIRECT_KEYS, f"{key}.")
    procent = section.get("procent")
    if (
        not isinstance(procent, int | float)
        or isinstance(procent, bool)
        or not math.isfinite(procent)
        or not 0 <= procent <= 100
    ):
        read.fail(f"{key}.procent", procent, "toml_indirect_percent")
        procent = None
    bas = section.get("bas")
    if not isinstance(bas, list) or not bas or not all(isinstance(b, str) and b.strip() for b in bas):
        read.fail(f"{key}.bas", bas, "toml_indirect_base")
        bas = None
    kostnadsslag = read.text(section.get("kostnadsslag", "Indirekta kostnader"), f"{key}.kostnadsslag")
    if procent is None or bas is None or kostnadsslag is None:
        return None
    return Indirect(float(procent), tuple(b.strip() for b in bas), kostnadsslag)


def _bookkeeping(read: _Reader, section: Any) -> Bookkeeping | None:
    key = "bokforing"
    if not isinstance(section, dict):
        read.fail(key, section, "toml_bookkeeping_table")
        return None
    read.unknown(section, _BOOKKEEPING_KEYS, f"{key}.")
    before = len(read.problems)
    objekt = read.text(section["objekt"], f"{key}.objekt", accept_int=True) if "objekt" in section else None
    dimension = read.whole(section.get("dimension", 6), f"{key}.dimension", 1)
    objektkolumn = read.text(section["objektkolumn"], f"{key}.objektkolumn") if "objektkolumn" in section else None
    konton = _accounts(read, section["kostnadskonton"]) if "kostnadskonton" in section else COST_ACCOUNTS
    kontoplan = None
    if "kontoplan" in section:
        value = section["kontoplan"]
        kontoplan = next(
            (p for p in ACCOUNT_PLANS if isinstance(value, str) and value.strip().casefold() == p.casefold()), None
        )
        if kontoplan is None:
            read.fail(f"{key}.kontoplan", value, "toml_account_plan", plan=ACCOUNT_PLANS[0], other=ACCOUNT_PLANS[1])
    if len(read.problems) > before and any(p.is_error for p in read.problems[before:]):
        return None
    assert dimension is not None and konton is not None
    return Bookkeeping(objekt, dimension, objektkolumn, konton, kontoplan)


def _accounts(read: _Reader, value: Any) -> tuple[tuple[int, int], ...] | None:
    key = "bokforing.kostnadskonton"
    if not isinstance(value, list) or not value:
        read.fail(key, value, "toml_accounts")
        return None
    ranges: list[tuple[int, int]] = []
    for item in value:
        low = high = None
        if isinstance(item, int) and not isinstance(item, bool):
            low = high = item
        elif isinstance(item, str) and (match := _ACCOUNT_RANGE.fullmatch(item)):
            low = int(match.group(1))
            high = int(match.group(2) or match.group(1))
        if low is None or high is None or low < 0 or high < low:
            read.fail(key, item, "toml_accounts_order")
            return None
        ranges.append((low, high))
    return tuple(ranges)


def _periods(read: _Reader, value: Any, start: dt.date, slut: dt.date) -> tuple[tuple[dt.date, dt.date], ...] | None:
    key = "rapportperioder"
    if not isinstance(value, list) or not value:
        read.fail(key, value, "toml_periods")
        return None
    periods: list[tuple[dt.date, dt.date]] = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 2):
            read.fail(key, item, "toml_period_pair")
            return None
        ps, pe = read.date(item[0], key), read.date(item[1], key)
        if ps is None or pe is None:
            return None
        label = f"{ps} – {pe}"
        if pe < ps:
            read.fail(key, label, "toml_period_reversed")
            return None
        if ps < start or pe > slut:
            read.fail(key, label, "toml_period_outside", start=start.isoformat(), slut=slut.isoformat())
            return None
        if periods and ps <= periods[-1][1]:
            before = f"{periods[-1][0]} – {periods[-1][1]}"
            read.fail(key, label, "toml_period_order", before=before)
            return None
        periods.append((ps, pe))
    return tuple(periods)


def half_years(start: dt.date, slut: dt.date) -> tuple[tuple[dt.date, dt.date], ...]:
    """The calendar half-years (Jan–Jun, Jul–Dec) intersected with [start, slut]."""
    periods = []
    for year in range(start.year, slut.year + 1):
        for first, last in ((dt.date(year, 1, 1), dt.date(year, 6, 30)), (dt.date(year, 7, 1), dt.date(year, 12, 31))):
            if first <= slut and last >= start:
                periods.append((max(first, start), min(last, slut)))
    return tuple(periods)
