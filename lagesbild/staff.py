"""The project's own staff: hours per person and month, staff cost from salary and hours, against the ledger.

A person's hourly cost is the yearly salary with on-costs over 1 720 working hours, the rate
Tillväxtverket uses for staff costs reported from salary and hours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lagesbild.claims import Period
from lagesbild.claims import params as period_params
from lagesbild.project import Project

WORKING_HOURS = 1720  # a full-time year, hours
STAFF_CATEGORY = "Egen personal"  # the cost category of the project's own staff in budget and ledger


def params(chosen: Period) -> dict:
    """The parameters of the staff_* queries for one period."""
    return {**period_params(chosen), "arsarbetstid": WORKING_HOURS, "personalkostnadsslag": STAFF_CATEGORY}


def listed(project: Project) -> bool:
    """True when the project has a personal.csv with at least one person."""
    assert project.con is not None
    return bool(project.con.cursor().table("personal").limit(1).fetchall())


@dataclass(frozen=True)
class Comparison:
    """A period's staff cost from hours against Egen personal booked in the ledger."""

    from_hours_kr: float
    booked_kr: float
    difference_kr: float  # booked minus computed: positive when the ledger has more than the hours give


def compare(against_ledger: pd.DataFrame) -> Comparison:
    """The period totals of queries/staff_vs_ledger.sql."""
    return Comparison(
        float(against_ledger.personalkostnad_kr.sum()),
        float(against_ledger.bokfort_kr.sum()),
        float(against_ledger.skillnad_kr.sum()),
    )


def frames(project: Project, chosen: Period, rapportdatum: dt.date | None = None) -> dict[str, pd.DataFrame]:
    """Per person (staff_costs), per person and month (staff_hours) and per month against the ledger."""
    return {
        name: project.frame(name, rapportdatum, **params(chosen))
        for name in ("staff_costs", "staff_hours", "staff_vs_ledger")
    }
