"""What is coming up in the influence work: efforts still to do with their date or answer deadline within 60 days.

The minimal project's report date is 2025-12-31; the window runs to 2026-03-01.
"""

from __future__ import annotations

import pytest
from support import write_project

from lagesbild import overview
from lagesbild import project as projects

HEADER = (
    "Id;Fråga;Mottagare;Nivå;Kanal;Ansvarig;Status;Datum;Sista svarsdag;Diarienummer;"
    "Medundertecknare;Prioritet;Nästa steg;Resultat;Länk\n"
)
EFFORTS = {
    "P1": "Planerad;2026-02-15;",  # its date, 46 days after the report date
    "P2": "Pågår;2026-05-01;2026-01-20",  # its answer deadline, 20 days after
    "P3": "Genomförd;2026-01-10;2026-01-20",  # carried out: nothing left to do
    "P4": "Idé;2026-03-02;",  # 61 days after: outside
    "P5": "Pågår;2025-12-31;",  # on the report date itself: not ahead of it
    "P6": "Planerad;2026-06-01;2026-03-01",  # its answer deadline on the window's last day
}


@pytest.fixture(scope="module")
def upcoming(tmp_path_factory) -> list[str]:
    rows = "".join(
        f"{key};Fråga {key};Regionen;Regional;Möte;Anna;{status_dates};;;Medel;;Ej bedömt;\n"
        for key, status_dates in EFFORTS.items()
    )
    folder = write_project(tmp_path_factory.mktemp("upcoming"), paverkan=HEADER + rows)
    project = projects.load(folder, keep=False)
    assert not project.errors, [p.text() for p in project.errors]
    efforts = project.frame("influence_efforts", kommande_dagar=overview.UPCOMING_DAYS)
    return sorted(efforts[efforts.kommande.fillna(False).astype(bool)].id)


def test_an_effort_whose_date_falls_within_60_days_is_coming_up(upcoming):
    assert "P1" in upcoming


def test_an_effort_whose_answer_deadline_falls_within_60_days_is_coming_up(upcoming):
    assert "P2" in upcoming


def test_a_carried_out_effort_is_not_coming_up(upcoming):
    assert "P3" not in upcoming


def test_an_effort_61_days_ahead_is_not_coming_up(upcoming):
    assert "P4" not in upcoming


def test_an_effort_dated_on_the_report_date_is_not_coming_up(upcoming):
    assert "P5" not in upcoming


def test_an_answer_deadline_on_the_windows_last_day_is_coming_up(upcoming):
    assert upcoming == ["P1", "P2", "P6"]
