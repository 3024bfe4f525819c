"""The steering group's questions: what needs attention, and what changed since the last meeting."""

from __future__ import annotations

import datetime as dt
import functools

import duckdb
import pandas as pd

from lagesbild import database, formatting, i18n

# "Coming up" for influence efforts: their date or answer deadline within this many days of the report date.
UPCOMING_DAYS = 60


@functools.cache
def _counting() -> duckdb.DuckDBPyConnection:
    """A connection without any project's tables, for the queries that count figures handed to them."""
    con = database.new_connection()
    database.lock(con)
    return con


def status_counts(statuses: pd.Series) -> pd.DataFrame:
    """How many of each indicator status (the status column of queries/indicators.sql), in the order of the
    status scale: queries/indicator_status_counts.sql."""
    return database.frame(_counting(), "indicator_status_counts", indikator_status=tuple(str(s) for s in statuses))


def _flag_params(
    activity_counts: pd.DataFrame, influence_counts: pd.DataFrame, indicators: pd.DataFrame, decisions: pd.DataFrame
) -> dict:
    """The figures queries/flag_counts.sql counts, taken from the queries that compute them."""
    return {
        "aktivitet_status": tuple(str(s) for s in activity_counts.status),
        "aktivitet_antal": tuple(int(n) for n in activity_counts.antal),
        "paverkan_forsenade_totalt": int(influence_counts.forsenade_totalt.iloc[0]),
        "indikator_status": tuple(str(s) for s in indicators.status),
        "beslut_forsenat": tuple(None if pd.isna(v) else bool(v) for v in decisions.forsenat),
    }


def flag_counts(
    activity_counts: pd.DataFrame, influence_counts: pd.DataFrame, indicators: pd.DataFrame, decisions: pd.DataFrame
) -> pd.Series:
    """The one row of queries/flag_counts.sql: late activities, overdue influence efforts, indicators behind,
    overdue decisions, and the overdue ones together.

    The frames are those of queries/activity_counts_by_status.sql, influence_counts_by_status.sql, indicators.sql
    and decisions.sql; an empty frame counts none.
    """
    params = _flag_params(activity_counts, influence_counts, indicators, decisions)
    return database.frame(_counting(), "flag_counts", **params).iloc[0]


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
    """Sentences for every financing rule breach and every overdue or lagging item.

    financiers is queries/financiers.sql; the counts are those of flag_counts, of the other frames.
    """
    counted = flag_counts(activity_counts, influence_counts, indicators, decisions)
    counts = (
        ("flag.activities_late", int(counted.forsenade_aktiviteter)),
        ("flag.influence_late", int(counted.forsenade_paverkansinsatser)),
        ("flag.indicators_behind", int(counted.indikatorer_efter)),
        ("flag.decisions_late", int(counted.forsenade_beslut)),
    )
    return financing_flags(financiers, lang) + [i18n.t(key, lang, n=n) for key, n in counts if n]


def financing_flags(financiers: pd.DataFrame, lang: str = "sv") -> list[str]:
    """A sentence for every financing rule a financier breaks (queries/financiers.sql's flaggor)."""
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
