"""The steering group's questions: what needs attention, and what changed since the last meeting."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lagesbild import formatting, i18n
from lagesbild.statuses import BEHIND, INDICATOR, LATE

# "Coming up" for influence efforts: their date or answer deadline within this many days of the report date.
UPCOMING_DAYS = 60


def status_counts(statuses: pd.Series) -> pd.DataFrame:
    """How many of each indicator status, in the order of the status scale."""
    counts = statuses.value_counts()
    return pd.DataFrame(
        {"status": [s for s in INDICATOR if s in counts], "antal": [int(counts[s]) for s in INDICATOR if s in counts]}
    )


def next_meeting(meetings: tuple[dt.date, ...], rapportdatum: dt.date) -> dt.date:
    """The steering group meeting a pack made at the report date is for: the next one, else the last."""
    later = [m for m in meetings if m >= rapportdatum]
    return min(later) if later else max(meetings, default=rapportdatum)


def last_meeting(meetings: tuple[dt.date, ...], rapportdatum: dt.date) -> dt.date | None:
    """The latest steering group meeting before the report date."""
    earlier = [m for m in meetings if m < rapportdatum]
    return max(earlier) if earlier else None


def flags(
    financiers: pd.DataFrame,
    activity_counts: pd.DataFrame,
    influence_counts: pd.DataFrame,
    indicators: pd.DataFrame,
    decisions: pd.DataFrame,
    lang: str = "sv",
) -> list[str]:
    """Sentences for every financing rule breach and every overdue or lagging item."""
    out: list[str] = []
    for row in financiers.itertuples():
        for flag in row.flaggor:
            if flag == "maxandel":
                out.append(
                    i18n.t(
                        "flag.maxandel",
                        lang,
                        name=row.finansiar,
                        amount=formatting.kr(row.fordelat_kr),
                        share=formatting.pct(row.maxandel_procent / 100),
                    )
                )
            elif flag == "tak":
                out.append(
                    i18n.t(
                        "flag.tak",
                        lang,
                        name=row.finansiar,
                        amount=formatting.kr(row.fordelat_kr),
                        cap=formatting.kr(row.tak_kr),
                    )
                )
            else:
                out.append(
                    i18n.t(
                        "flag.atagande",
                        lang,
                        name=row.finansiar,
                        amount=formatting.kr(row.fordelat_kr),
                        cap=formatting.kr(row.atagande_kr),
                    )
                )
    counts = (
        ("flag.activities_late", int(activity_counts.antal[activity_counts.status == LATE].sum())),
        ("flag.influence_late", int(influence_counts.forsenade.sum())),
        ("flag.indicators_behind", int((indicators.status == BEHIND).sum())),
        ("flag.decisions_late", int(decisions.forsenat.fillna(False).sum())),
    )
    out += [i18n.t(key, lang, n=n) for key, n in counts if n]
    return out


def forecast_lines(forecast: pd.Series, lang: str = "sv") -> tuple[str, str]:
    """The two forecasts of queries/project_totals.sql in words with their figures: at the recent pace, by plan."""
    kr = formatting.kr
    months = int(forecast.takt_antal_manader)
    pace = i18n.t(
        "forecast.pace",
        lang,
        forecast=kr(forecast.prognos_kr),
        spent=kr(forecast.upparbetat_kr),
        months=formatting.number(forecast.manader_kvar),
        pace=kr(forecast.takt_per_manad_kr),
        n=months,
        first=formatting.month(pd.Timestamp(forecast.takt_fran_manad).date()) if months else "–",
        last=formatting.month(pd.Timestamp(forecast.takt_till_manad).date()) if months else "–",
    )
    plan = i18n.t(
        "forecast.plan",
        lang,
        forecast=kr(forecast.prognos_enligt_plan_kr),
        spent=kr(forecast.upparbetat_kr),
        budget=kr(forecast.budget_kr),
        plan=kr(forecast.plan_till_datum_kr),
    )
    return pace, plan
