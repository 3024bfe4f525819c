"""What is wrong in a project's files: one problem per file, row, column and value, put into words when shown."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from lagesbild import formatting, i18n

ERROR = "fel"
WARNING = "varning"
NOTE = "notering"  # not a problem: what was left out, with counts and sums to reconcile against
MORE = "more"  # a parameter of any problem: how many more rows have it, beyond those listed
REASON = "reason"  # a parameter that is the code of another problem, whose text it is, with the same parameters

Value = str | int | float | tuple[str, ...]
Param = tuple[tuple[str, Value], ...]
_LEVELS = {ERROR: "problem_line.fel", WARNING: "problem_line.varning", NOTE: "problem_line.notering"}


def param(values: Mapping[str, Value | list | None]) -> Param:
    """Parameters as a Problem keeps them: sorted by name, without those that are None."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in values.items() if v is not None))


def _kronor(value: Value, lang: str) -> str:
    """Whole kronor rounded half away from zero, with plain spaces: a message is text a user may copy on."""
    whole = Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP)
    with formatting.language(lang):
        return formatting.kr(whole).replace(formatting.NBSP, " ")


def _shown(name: str, value: Value, lang: str) -> str:
    if isinstance(value, tuple):
        return i18n.t("problem_line.and", lang).join(value)
    if name.endswith("_kr"):
        return _kronor(value, lang)
    if name == "delimiter" and value == "\t":
        return i18n.t("problem_line.tab", lang)
    return str(value)


def render(key: str, values: Param, lang: str = "sv") -> str:
    """The text of key in lang with these parameters: amounts (*_kr) as kr, a count n in its form."""
    given = dict(values)
    count, more, reason = given.pop("n", None), given.pop(MORE, None), given.pop(REASON, None)
    shown = {k: _shown(k, v, lang) for k, v in given.items()}
    if reason is not None:
        shown[REASON] = render(f"problem.{reason}", tuple(given.items()), lang)
    # Every text is a format string, {{ }} its braces, also one without parameters (which t leaves as it is).
    text = i18n.t(key, lang, n=count, **shown) if count is not None or shown else i18n.t(key, lang).format()
    if more is not None:
        text += i18n.t("problem_line.more", lang, n=more)
    return text


@dataclass(frozen=True)
class Problem:
    """One error, warning or note, located as the user sees it in Excel (header = row 1).

    kod names the text "problem.<kod>" (lagesbild.problem_texts) of what was expected; param fills it in.
    """

    niva: str
    fil: str
    rad: int | None
    kolumn: str | None
    varde: str | None
    kod: str
    param: Param = ()

    @property
    def is_error(self) -> bool:
        return self.niva == ERROR

    def expected(self, lang: str = "sv") -> str:
        return render(f"problem.{self.kod}", self.param, lang)

    @property
    def forvantat(self) -> str:
        """What was expected, in Swedish (as JSON output and scripts read it)."""
        return self.expected("sv")

    def level(self, lang: str = "sv") -> str:
        return i18n.t(_LEVELS[self.niva], lang)

    def text(self, lang: str = "sv") -> str:
        where = [self.fil]
        if self.rad is not None:
            where.append(i18n.t("problem_line.row", lang, rad=self.rad))
        if self.kolumn:
            where.append(i18n.t("problem_line.column", lang, column=self.kolumn))
        level = self.level(lang)
        parts = {"label": level[:1].upper() + level[1:], "where": ", ".join(where), "expected": self.expected(lang)}
        if self.varde is None and (self.rad is None or self.kolumn is None):
            return i18n.t("problem_line.short", lang, **parts)
        value = (
            i18n.t("problem_line.value", lang, value=self.varde)
            if self.varde not in (None, "")
            else i18n.t("problem_line.empty", lang)
        )
        return i18n.t("problem_line.long", lang, value=value, **parts)

    def as_dict(self, lang: str = "sv") -> dict:
        """The problem as a table shows it, in lang."""
        return {
            "niva": self.level(lang),
            "fil": self.fil,
            "rad": self.rad,
            "kolumn": self.kolumn,
            "varde": self.varde,
            "forvantat": self.expected(lang),
        }

    def saved(self) -> dict:
        """The problem as a store keeps it: its code and parameters, not its words."""
        return {
            "niva": self.niva,
            "fil": self.fil,
            "rad": self.rad,
            "kolumn": self.kolumn,
            "varde": self.varde,
            "kod": self.kod,
            "param": [list(p) for p in self.param],
        }

    @classmethod
    def from_saved(cls, values: dict) -> Problem:
        return cls(
            values["niva"],
            values["fil"],
            values["rad"],
            values["kolumn"],
            values["varde"],
            values["kod"],
            param(dict(values["param"])),
        )

    @classmethod
    def from_check(
        cls, niva: str, fil: str, rad: int | None, kolumn: str | None, varde: str | None, kod: str, values: str | None
    ) -> Problem:
        """A row of a queries/checks query: its parameters come as a JSON object."""
        return cls(niva, fil, rad, kolumn, varde, kod, param(json.loads(values) if values else {}))


def error(fil: str, rad: int | None, kolumn: str | None, varde: str | None, kod: str, **values: Value) -> Problem:
    return Problem(ERROR, fil, rad, kolumn, varde, kod, param(values))


def warning(fil: str, rad: int | None, kolumn: str | None, varde: str | None, kod: str, **values: Value) -> Problem:
    return Problem(WARNING, fil, rad, kolumn, varde, kod, param(values))


class Refusal(Exception):
    """Something the user asked for that cannot be done, as the code of a text "<prefix><kod>" with parameters.

    str() is the Swedish text; text(lang) the text in the session's language.
    """

    prefix = "refusal."

    def __init__(self, kod: str, **values: Value):
        self.kod = kod
        self.param = param(values)
        super().__init__(self.text("sv"))

    def text(self, lang: str = "sv") -> str:
        return render(self.prefix + self.kod, self.param, lang)


class Unreadable(Refusal, ValueError):
    """A file that cannot be read at all, as the code of its problem; rad is the row where that shows, when known."""

    prefix = "problem."

    def __init__(self, kod: str, rad: int | None = None, **values: Value):
        super().__init__(kod, **values)
        self.rad = rad
