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


INDICATOR_LABELS = {"women": "Kvinnor", "men": "Män", "expected": "Förväntad", "value": "Värde", "target": "Målvärde"}


def _indicator_axis(values: list[float], target: float):
    measured = pd.DataFrame(
        {"datum": pd.to_datetime(["2023-06-30"] * len(values)), "varde": values, "kvinnor": None, "man": None}
    )
    figure = charts.indicator(
        measured, target, INDICATOR_LABELS, "I1", 0, dt.date(2023, 1, 1), dt.date(2023, 12, 31), dt.date(2023, 11, 30)
    )
    return figure.layout.yaxis


def test_a_counted_indicator_has_whole_ticks():
    # Bergslaget's I1: one annual meeting held of one planned
    assert list(_indicator_axis([1], 1).ticktext) == ["0", "1", "2"]


def test_a_measured_share_keeps_its_decimals():
    assert list(_indicator_axis([0.4], 0.6).ticktext) == ["0,0", "0,2", "0,4", "0,6", "0,8"]
