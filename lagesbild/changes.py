"""Since the last meeting: today's data compared with the picture frozen for that meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from lagesbild import publishing, schema
from lagesbild.project import Project
from lagesbild.statuses import OPEN


@dataclass
class SinceLastMeeting:
    """Every change between a frozen meeting and today, as tables and sums."""

    meeting: dt.date
    activities_added: pd.DataFrame
    activity_status_changes: pd.DataFrame
    indicator_values_added: pd.DataFrame
    efforts_added: pd.DataFrame
    effort_changes: pd.DataFrame
    decisions_opened: pd.DataFrame
    decisions_closed: pd.DataFrame
    costs_kr: float
    claimed_kr: float
    paid_kr: float


def _added(now: pd.DataFrame, then: pd.DataFrame, key: str = "id") -> pd.DataFrame:
    return now[~now[key].isin(then[key])].reset_index(drop=True)


def _changed(now: pd.DataFrame, then: pd.DataFrame, stem: str, columns: list[str]) -> pd.DataFrame:
    """Rows whose columns differ, as id, the column's name in the file, before, after."""
    spec = schema.FILES_BY_STEM[stem]
    both = now.merge(then, on="id", suffixes=("", "_fore"))
    rows = []
    for row in both.itertuples(index=False):
        values = row._asdict()
        for column in columns:
            before, after = values[f"{column}_fore"], values[column]
            if str(before) != str(after):
                rows.append({"id": values["id"], "kolumn": spec.column(column).name, "fore": before, "efter": after})
    return pd.DataFrame(rows, columns=["id", "kolumn", "fore", "efter"])


def against_frozen(
    now: Project, meeting: dt.date | None, rapportdatum: dt.date, open_snapshot: Callable[[Path], Project]
) -> SinceLastMeeting | None:
    """Today's data against the picture frozen for meeting; None when none was frozen or it no longer reads.

    The dashboard and the meeting pack both ask this; open_snapshot loads a frozen folder (cached on the dashboard).
    """
    snapshot = publishing.frozen_meetings(now.folder).get(meeting) if meeting is not None else None
    if meeting is None or snapshot is None:
        return None
    then = open_snapshot(snapshot)
    return compare(now, then, meeting, rapportdatum) if then.usable else None


def compare(now: Project, then: Project, meeting: dt.date, rapportdatum: dt.date) -> SinceLastMeeting:
    """What changed between the frozen picture (as of its own report date) and today's, as of rapportdatum."""
    activities_now, activities_then = now.rows("aktiviteter"), then.rows("aktiviteter")
    efforts_now, efforts_then = now.rows("paverkan"), then.rows("paverkan")
    decisions_now, decisions_then = now.rows("beslut"), then.rows("beslut")
    values_now, values_then = now.rows("indikatorvarden"), then.rows("indikatorvarden")
    values_now = values_now[values_now.datum <= pd.Timestamp(rapportdatum)]
    seen = set(zip(values_then.indikator, values_then.datum, values_then.varde, strict=True))
    values_added = values_now[
        [
            (i, d, v) not in seen
            for i, d, v in zip(values_now.indikator, values_now.datum, values_now.varde, strict=True)
        ]
    ].reset_index(drop=True)
    was_open = set(decisions_then.id[decisions_then.status == OPEN])
    totals_now, totals_then = now.frame("project_totals", rapportdatum).iloc[0], then.frame("project_totals").iloc[0]
    money_now, money_then = now.frame("financiers", rapportdatum), then.frame("financiers")
    moved = now.frame(
        "changes_against_frozen",
        rapportdatum,
        upparbetat_nu_kr=float(totals_now.upparbetat_kr),
        upparbetat_fore_kr=float(totals_then.upparbetat_kr),
        rekvirerat_nu_kr=tuple(float(v) for v in money_now.rekvirerat_kr),
        rekvirerat_fore_kr=tuple(float(v) for v in money_then.rekvirerat_kr),
        inbetalt_nu_kr=tuple(float(v) for v in money_now.inbetalt_kr),
        inbetalt_fore_kr=tuple(float(v) for v in money_then.inbetalt_kr),
    ).iloc[0]
    return SinceLastMeeting(
        meeting=meeting,
        activities_added=_added(activities_now, activities_then),
        activity_status_changes=_changed(activities_now, activities_then, "aktiviteter", ["status"]),
        indicator_values_added=values_added,
        efforts_added=_added(efforts_now, efforts_then),
        effort_changes=_changed(efforts_now, efforts_then, "paverkan", ["status", "resultat"]),
        decisions_opened=_added(decisions_now, decisions_then),
        decisions_closed=decisions_now[decisions_now.id.isin(was_open) & (decisions_now.status != OPEN)].reset_index(
            drop=True
        ),
        costs_kr=float(moved.upparbetat_kr),
        claimed_kr=float(moved.rekvirerat_kr),
        paid_kr=float(moved.inbetalt_kr),
    )
