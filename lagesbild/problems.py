"""What is wrong in a project's files: one problem per file, row, column and value."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR = "fel"
WARNING = "varning"
NOTE = "notering"  # not a problem: what was left out, with counts and sums to reconcile against


@dataclass(frozen=True)
class Problem:
    """One error or warning, located as the user sees it in Excel (header = row 1)."""

    niva: str
    fil: str
    rad: int | None
    kolumn: str | None
    varde: str | None
    forvantat: str

    @property
    def is_error(self) -> bool:
        return self.niva == ERROR

    def text(self) -> str:
        where = [self.fil]
        if self.rad is not None:
            where.append(f"rad {self.rad}")
        if self.kolumn:
            where.append(f"kolumn {self.kolumn}")
        label = {ERROR: "Fel", WARNING: "Varning"}.get(self.niva, "Notering")
        value = f"värdet '{self.varde}'" if self.varde not in (None, "") else "tomt värde"
        if self.varde is None and (self.rad is None or self.kolumn is None):
            return f"{label}: {', '.join(where)}: {self.forvantat}"
        return f"{label}: {', '.join(where)}: {value} – förväntat {self.forvantat}"

    def as_dict(self) -> dict:
        return asdict(self)


def error(fil: str, rad: int | None, kolumn: str | None, varde: str | None, forvantat: str) -> Problem:
    return Problem(ERROR, fil, rad, kolumn, varde, forvantat)


def warning(fil: str, rad: int | None, kolumn: str | None, varde: str | None, forvantat: str) -> Problem:
    return Problem(WARNING, fil, rad, kolumn, varde, forvantat)
