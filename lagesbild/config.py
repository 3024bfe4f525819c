"""What projekt.toml says about a project, checked key by key (data contract §1, §3b)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from lagesbild.problems import Problem, error

TOML = "projekt.toml"
_TOML_LINE = re.compile(r"line (\d+)")
COST_ACCOUNTS = ((4000, 7999),)


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
    bokforing: Bookkeeping | None = None


def _date(value, key: str, problems: list[Problem]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    problems.append(error(TOML, None, key, str(value), "ett datum som 2025-04-01"))
    return None


def read_meta(folder: Path) -> tuple[Meta | None, list[Problem]]:
    """projekt.toml as Meta, or None with the problems that stop it."""
    path = folder / TOML
    problems: list[Problem] = []
    if not path.is_file():
        return None, [error(TOML, None, None, None, "filen projekt.toml i projektmappen – den saknas")]
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        line = _TOML_LINE.search(str(exc))
        return None, [error(TOML, int(line.group(1)) if line else None, None, None,
                            f"giltig TOML ({exc})")]
    for key in ("namn", "start", "slut"):
        if key not in data:
            problems.append(error(TOML, None, key, None, f"nyckeln {key} – den saknas"))
    if problems:
        return None, problems
    start = _date(data["start"], "start", problems)
    slut = _date(data["slut"], "slut", problems)
    rapportdatum = _date(data["rapportdatum"], "rapportdatum", problems) if "rapportdatum" in data else None
    moten = tuple(d for d in (_date(v, "styrgruppsmoten", problems)
                              for v in data.get("styrgruppsmoten", [])) if d)
    indirekta = None
    if isinstance(section := data.get("indirekta_kostnader"), dict):
        procent = section.get("procent")
        bas = section.get("bas", [])
        if not isinstance(procent, int | float) or not 0 <= procent <= 100:
            problems.append(error(TOML, None, "indirekta_kostnader.procent", str(procent),
                                  "en procentsats 0–100"))
        elif not isinstance(bas, list) or not all(isinstance(b, str) for b in bas):
            problems.append(error(TOML, None, "indirekta_kostnader.bas", str(bas),
                                  'en lista med kostnadsslag, t.ex. ["Egen personal"]'))
        else:
            indirekta = Indirect(float(procent), tuple(bas),
                                 str(section.get("kostnadsslag", "Indirekta kostnader")))
    if start and slut and slut < start:
        problems.append(error(TOML, None, "slut", slut.isoformat(), f"ett datum efter start {start}"))
    if any(p.is_error for p in problems) or not (start and slut):
        return None, problems
    meta = Meta(
        namn=str(data["namn"]),
        kortnamn=str(data.get("kortnamn", data["namn"])),
        projektagare=str(data.get("projektagare", "")),
        start=start,
        slut=slut,
        valuta=str(data.get("valuta", "SEK")),
        rapportdatum=rapportdatum,
        styrgruppsmoten=tuple(sorted(moten)),
        indirekta=indirekta,
    )
    return meta, problems


