"""The derived figures of a project as one machine-readable dictionary (data contract §7)."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from lagesbild.claims import summary_periods
from lagesbild.project import Project


def number(value) -> float:
    """A figure as a float, 0 when it is missing."""
    return 0.0 if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def _opt(value) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def _iso(value) -> str | None:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return value.isoformat() if isinstance(value, dt.date) else None


def summary(project: Project, rapportdatum: dt.date | None = None) -> dict:
    """Every §5 figure as of rapportdatum; amounts in kronor, shares as fractions 0–1."""
    meta = project.meta
    assert meta is not None
    r = rapportdatum or project.rapportdatum
    assert r is not None
    totals = project.frame("project_totals", r).iloc[0]
    categories = project.frame("costs_by_category", r)
    financiers = project.frame("financiers", r)
    indicators = project.frame("indicators", r)
    activities = project.frame("activity_counts_by_status", r)
    influence = project.frame("influence_counts_by_status", r)
    meetings = project.frame("meeting_totals", r).iloc[0]
    return {
        "projekt": {
            "id": project.id,
            "namn": meta.namn,
            "start": meta.start.isoformat(),
            "slut": meta.slut.isoformat(),
            "rapportdatum": r.isoformat(),
        },
        "budget": number(totals.budget_kr),
        "plan_till_datum": number(totals.plan_till_datum_kr),
        "upparbetat": number(totals.upparbetat_kr),
        "indirekta_kostnader": number(totals.indirekta_kr),
        "avvikelse": number(totals.avvikelse_kr),
        "upparbetningsgrad": number(totals.upparbetningsgrad_andel),
        "prognos": number(totals.prognos_kr),
        "kostnadsslag": [
            {"kostnadsslag": row.kostnadsslag, "budget": number(row.budget_kr), "upparbetat": number(row.upparbetat_kr)}
            for row in categories.itertuples()
        ],
        "finansiarer": [
            {
                "finansiar": row.finansiar,
                "atagande": number(row.atagande_kr),
                "fordelat": number(row.fordelat_kr),
                "kvar": number(row.kvar_kr),
                "rekvirerat": number(row.rekvirerat_kr),
                "inbetalt": number(row.inbetalt_kr),
                "att_rekvirera": number(row.att_rekvirera_kr),
                "flaggor": list(row.flaggor),
            }
            for row in financiers.itertuples()
        ],
        "indikatorer": [
            {
                "id": row.id,
                "namn": row.namn,
                "senaste_varde": _opt(row.senaste_varde),
                "senaste_datum": _iso(row.senaste_datum),
                "malvarde": number(row.malvarde),
                "progress": _opt(row.progress),
                "forvantat": number(row.forvantat),
                "status": row.status,
            }
            for row in indicators.itertuples()
        ],
        "aktiviteter": {row.status: int(row.antal) for row in activities.itertuples()},
        "paverkan": {
            "per_status": {row.status: int(row.antal) for row in influence.itertuples()},
            "forsenade": int(influence.forsenade_totalt.iloc[0]),
        },
        "motesplatser": {
            "antal": int(meetings.antal),
            "kvinnor": int(meetings.kvinnor),
            "man": int(meetings.man),
            "andel_kvinnor": number(meetings.andel_kvinnor),
        },
        "perioder": summary_periods(project, r),
        "problem": {"fel": len(project.errors), "varningar": len(project.warnings)},
    }
