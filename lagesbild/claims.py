"""Figures of the reporting periods a claim to the funders covers (data contract §5b)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lagesbild.problems import Refusal
from lagesbild.project import Project


@dataclass(frozen=True)
class Period:
    """One reporting period [start, slut]; figures count rows dated in [start, till], till = min(slut, R)."""

    nummer: int  # 1 for the project's first period
    start: dt.date
    slut: dt.date
    till: dt.date

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()} – {self.slut.isoformat()}"


@dataclass(frozen=True)
class PeriodFigures:
    """A period's costs per cost category and its figures per financier, with the claim basis."""

    period: Period
    categories: pd.DataFrame  # queries/period_costs_by_category.sql
    financiers: pd.DataFrame  # queries/financiers.sql

    @property
    def upparbetat_kr(self) -> float:
        return float(self.categories.period_kr.sum())

    @property
    def upparbetat_ackumulerat_kr(self) -> float:
        return float(self.categories.ackumulerat_kr.sum())


def periods(project: Project, rapportdatum: dt.date | None = None) -> list[Period]:
    """The project's reporting periods that start on or before R, numbered from the first."""
    assert project.meta is not None
    r = rapportdatum or project.rapportdatum
    assert r is not None
    return [
        Period(n, start, slut, min(slut, r))
        for n, (start, slut) in enumerate(project.meta.rapportperioder, start=1)
        if start <= r
    ]


def period(project: Project, nummer: int, rapportdatum: dt.date | None = None) -> Period:
    """Reporting period number nummer (1 = the first); NoSuchPeriod, naming the periods there are, if none."""
    found = {p.nummer: p for p in periods(project, rapportdatum)}
    if nummer not in found:
        listed = ", ".join(f"{p.nummer} ({p.label})" for p in found.values()) or "–"
        raise NoSuchPeriod("no_period", nummer=nummer, periods=listed)
    return found[nummer]


class NoSuchPeriod(Refusal, ValueError):
    """A reporting period asked for by number that does not exist or has not begun."""


def params(chosen: Period) -> dict:
    """The query parameters of a period, as the period_* and staff_* queries take them."""
    return {"period_start": chosen.start, "period_slut": chosen.slut}


def figures(project: Project, chosen: Period, rapportdatum: dt.date | None = None) -> PeriodFigures:
    """The costs and financier figures of one period, as of R."""
    return PeriodFigures(
        chosen,
        project.frame("period_costs_by_category", rapportdatum, **params(chosen)),
        project.frame("financiers", rapportdatum, **params(chosen)),
    )


def _num(value) -> float:
    return 0.0 if value is None or pd.isna(value) else float(value)


def summary_periods(project: Project, rapportdatum: dt.date | None = None) -> list[dict]:
    """The `perioder` of the machine-readable summary (data contract §7)."""
    out = []
    for chosen in periods(project, rapportdatum):
        found = figures(project, chosen, rapportdatum)
        out.append(
            {
                "start": chosen.start.isoformat(),
                "slut": chosen.slut.isoformat(),
                "upparbetat": found.upparbetat_kr,
                "kostnadsslag": [
                    {"kostnadsslag": row.kostnadsslag, "upparbetat": _num(row.period_kr)}
                    for row in found.categories.itertuples()
                ],
                "finansiarer": [
                    {
                        "finansiar": row.finansiar,
                        "fordelat": _num(row.fordelat_kr),
                        "rekvirerat": _num(row.rekvirerat_kr),
                        "inbetalt": _num(row.inbetalt_kr),
                    }
                    for row in found.financiers.itertuples()
                ],
            }
        )
    return out
