"""The cost curve's month axis stays readable over a whole project: few, level ticks, the year where it changes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lagesbild import charts

# Stråket's period, 2025-04 – 2028-08: 41 months.
MONTHS = pd.date_range("2025-04-01", "2028-08-01", freq="MS")
LABELS = {"plan": "Plan", "actual": "Upparbetat", "forecast": "Prognos", "report_date": "Rapportdatum"}


@pytest.fixture(scope="module")
def axis():
    curve = pd.DataFrame(
        {
            "manad": MONTHS,
            "plan_ackumulerat_kr": range(len(MONTHS)),
            "upparbetat_ackumulerat_kr": range(len(MONTHS)),
            "prognos_ackumulerat_kr": range(len(MONTHS)),
        }
    )
    return charts.cumulative_costs(curve, LABELS, "Ackumulerade kostnader", dt.date(2026, 10, 31)).layout.xaxis


def test_the_month_axis_of_41_months_has_at_most_eight_ticks(axis):
    assert len(MONTHS) == 41
    assert len(axis.ticktext) == 7  # every sixth month: apr, okt, apr, …


def test_the_month_axis_writes_the_year_only_where_it_changes(axis):
    assert list(axis.ticktext) == ["apr 2025", "okt", "apr 2026", "okt", "apr 2027", "okt", "apr 2028"]


def test_the_month_axis_ticks_are_level(axis):
    assert axis.tickangle == 0
