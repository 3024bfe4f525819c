"""Staff hours and staff cost of Stråket (personal.csv, tid.csv) against its ledger, and who may see them.

Hourly cost = Månadslön × 12 × (1 + Lönebikostnader %) / 1 720. The expected figures are worked
out here from the CSV files with the csv module; the ledger's Egen personal is accounts 7000–7699.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import REPO, STRACKET, csv_rows, kronor, nodes, write_project

from lagesbild import access, claims, staff
from lagesbild import project as projects

KR = 0.01
A = (dt.date(2025, 4, 1), dt.date(2025, 12, 31))
B = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
PERIODS = "rapportperioder = [[2025-04-01, 2025-12-31], [2026-01-01, 2026-06-30]]\n"
PL_RATE = 46_900 * 12 * 1.3701 / 1720  # Karin Ek, projektledare: 448,3095 kr an hour
KOM_RATE = 42_500 * 12 * 1.3701 / 1720  # Johan Berg, kommunikatör: 406,2506 kr
EKO_RATE = 45_000 * 12 * 1.3701 / 1720  # Lena Holm, ekonom: 430,1477 kr
# Hours Apr–Dec 2025 from tid.csv: 150+146+138+40+150+162+170+150+128; 30+28+28+8+30+32+34+30+26; 6·8+8−6+0
PL_A, KOM_A, EKO_A = 1234, 246, 50
COST_A = PL_A * PL_RATE + KOM_A * KOM_RATE + EKO_A * EKO_RATE  # = 674 658,90
BOOKED_A = 705_526.25  # accounts 7010–7530 Apr–Dec 2025
# Jan–Jun 2026: 144+152+160+142+140+138 = 876; 28+30+32+28+28+27 = 173; 6+6+7+6+6+6 = 37
COST_B = 876 * PL_RATE + 173 * KOM_RATE + 37 * EKO_RATE  # = 478 915,91
BOOKED_B = 492_996.81  # accounts 7010–7530 Jan–Jun 2026, with the raise from April and its back pay


def _toml() -> str:
    text = (STRACKET / "projekt.toml").read_text(encoding="utf-8")
    head, _, tail = text.partition("[indirekta_kostnader]")
    return head + PERIODS + "\n[indirekta_kostnader]" + tail


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_project(tmp_path_factory.mktemp("staff"), STRACKET, "stracket", projekt=_toml())


@pytest.fixture(scope="module")
def project(folder):
    return projects.load(folder)


@pytest.fixture(scope="module")
def frames_a(project):
    return staff.frames(project, claims.period(project, 1))


@pytest.fixture(scope="module")
def frames_b(project):
    return staff.frames(project, claims.period(project, 2))


def _hours(start: dt.date, end: dt.date) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for row in csv_rows(STRACKET / "tid.csv"):
        if start.isoformat() <= row["Månad"] <= end.isoformat():
            sums[row["Person"]] += kronor(row["Timmar"])
    return sums


def _rates() -> dict[str, float]:
    return {
        r["Person"]: float(kronor(r["Månadslön"])) * 12 * (1 + float(kronor(r["Lönebikostnader %"])) / 100) / 1720
        for r in csv_rows(STRACKET / "personal.csv")
    }


def _booked_staff(start: dt.date, end: dt.date) -> Decimal:
    return sum(
        (
            kronor(r["Belopp"])
            for r in csv_rows(STRACKET / "utfall.csv", encoding="cp1252")
            if 7000 <= int(r["Konto"]) <= 7699 and start.isoformat() <= r["Datum"] <= end.isoformat()
        ),
        Decimal(0),
    )


def _person(frame, name: str):
    return frame[frame.person == name].iloc[0]


def test_the_example_staff_files_have_no_problems(project):
    assert [p for p in project.problems if p.fil in ("personal.csv", "tid.csv")] == []


def test_the_hourly_cost_is_yearly_salary_with_on_costs_over_1720_hours(frames_a):
    assert _person(frames_a["staff_costs"], "Karin Ek").timkostnad_kr == pytest.approx(PL_RATE, abs=1e-6)


def test_planned_hours_a_month_are_the_planned_share_of_a_twelfth_of_1720(frames_a):
    month = frames_a["staff_hours"]
    first = month[(month.person == "Johan Berg")].iloc[0]
    assert first.planerade_timmar == pytest.approx(0.20 * 1720 / 12)  # 28,67 hours


def test_reported_hours_in_the_first_period_are_the_sums_of_tid_csv(frames_a):
    shown = dict(zip(frames_a["staff_costs"].person, frames_a["staff_costs"].rapporterade_timmar, strict=True))
    assert (
        shown
        == {k: float(v) for k, v in _hours(*A).items()}
        == {"Karin Ek": PL_A, "Johan Berg": KOM_A, "Lena Holm": EKO_A}
    )


def test_the_first_periods_staff_cost_is_hours_times_the_hourly_cost(frames_a):
    by_hand = sum(float(h) * _rates()[p] for p, h in _hours(*A).items())
    assert (
        float(frames_a["staff_costs"].personalkostnad_kr.sum())
        == pytest.approx(by_hand, abs=KR)
        == pytest.approx(COST_A, abs=KR)
    )


def test_the_ledgers_staff_costs_of_the_first_period_are_accounts_7000_7699(frames_a):
    assert (
        staff.compare(frames_a["staff_vs_ledger"]).booked_kr
        == pytest.approx(float(_booked_staff(*A)), abs=KR)
        == pytest.approx(BOOKED_A, abs=KR)
    )


def test_the_difference_in_the_first_period_is_booked_minus_hours(frames_a):
    # 705 526,25 − 674 658,90 = 30 867,35: holiday pay liability, the July holiday and corrections
    assert staff.compare(frames_a["staff_vs_ledger"]).difference_kr == pytest.approx(BOOKED_A - COST_A, abs=KR)


def test_the_difference_in_the_second_period_is_booked_minus_hours(frames_b):
    cost = sum(float(h) * _rates()[p] for p, h in _hours(*B).items())
    assert (
        staff.compare(frames_b["staff_vs_ledger"]).difference_kr
        == pytest.approx(float(_booked_staff(*B)) - cost, abs=KR)
        == pytest.approx(BOOKED_B - COST_B, abs=KR)
    )  # 14 080,90


def test_each_month_of_a_period_has_a_row_per_person(frames_b):
    assert len(frames_b["staff_hours"]) == 3 * 6


def test_hours_for_a_person_not_in_personal_csv_are_an_error_naming_the_row(tmp_path):
    folder = write_project(
        tmp_path, STRACKET, "stracket", tid="Person;Månad;Timmar\nKarin Ek;2025-04-01;150\nOkänd Person;2025-04-01;12\n"
    )
    assert [(p.fil, p.rad, p.kolumn, p.varde) for p in projects.load(folder).errors] == [
        ("tid.csv", 3, "Person", "Okänd Person")
    ]


def test_a_person_listed_twice_in_personal_csv_is_an_error(tmp_path):
    text = (STRACKET / "personal.csv").read_text(encoding="utf-8") + "Karin Ek;Projektledare;50;40000;37\r\n"
    folder = write_project(tmp_path, STRACKET, "stracket", personal=text)
    assert [(p.fil, p.rad, p.kolumn) for p in projects.load(folder).errors] == [("personal.csv", 5, "Person")]


def test_a_month_that_is_no_date_is_an_error_naming_file_row_and_column(tmp_path):
    folder = write_project(tmp_path, STRACKET, "stracket", tid="Person;Månad;Timmar\nKarin Ek;april;150\n")
    assert [(p.fil, p.rad, p.kolumn, p.varde) for p in projects.load(folder).errors] == [
        ("tid.csv", 2, "Månad", "april")
    ]


def test_hours_that_are_no_number_are_an_error(tmp_path):
    folder = write_project(tmp_path, STRACKET, "stracket", tid="Person;Månad;Timmar\nKarin Ek;2025-04-01;många\n")
    assert [(p.fil, p.kolumn, p.varde) for p in projects.load(folder).errors] == [("tid.csv", "Timmar", "många")]


def test_a_project_without_personal_csv_lists_no_staff(stracket_project, tmp_path):
    folder = write_project(tmp_path, STRACKET, "stracket", personal=None, tid=None)
    assert (staff.listed(projects.load(folder)), staff.listed(stracket_project)) == (False, True)


@pytest.mark.parametrize("role, allowed", [(access.EDITOR, True), (access.STEERING, True), (access.REFERENCE, False)])
def test_only_editors_and_the_steering_group_may_query_salaries_and_hours(role, allowed):
    who = access.Access(role, "test", "lokal")
    assert [who.may_query(q) for q in ("staff_costs", "staff_hours", "staff_vs_ledger")] == [allowed] * 3


def test_the_reference_group_may_query_period_totals():
    who = access.Access(access.REFERENCE, "test", "lokal")
    assert (who.may_query("period_costs_by_category"), who.may_query("financiers")) == (True, True)


# --------------------------------------------------------------------------- the page, per role

SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "inte-hemlig-i-test",
        "client_id": "lagesbild-test",
        "client_secret": "inte-hemlig-i-test",
        "server_metadata_url": "https://login.example.se/.well-known/openid-configuration",
    },
    "lagesbild": {"roller": {"ledamot@example.se": access.STEERING, "ref@example.se": access.REFERENCE}},
}


def _page(data: Path, email: str) -> AppTest:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=90)
        at.secrets = SECRETS
        at.user = {"is_logged_in": True, "email": email, "name": email}
        at.run()
        at.switch_page("pages/rapport.py").run()
    return at


@pytest.fixture(scope="module")
def data(folder) -> Path:
    return folder.parent


@pytest.fixture(scope="module")
def reference_page(data) -> AppTest:
    return _page(data, "ref@example.se")


@pytest.fixture(scope="module")
def steering_page(data) -> AppTest:
    return _page(data, "ledamot@example.se")


def _shown(at: AppTest) -> str:
    return " ".join(str(v) for d in at.dataframe for v in [*d.value.columns, *d.value.to_numpy().ravel()]) + " ".join(
        str(getattr(n, "value", "")) for n in nodes(at.main)
    )


def test_the_steering_group_sees_each_persons_hours_on_the_report_page(steering_page):
    people = next(d.value for d in steering_page.dataframe if "Person" in d.value.columns and "Roll" in d.value)
    assert list(people.Person) == ["Karin Ek", "Johan Berg", "Lena Holm"]


def test_the_steering_group_sees_the_difference_against_the_ledger(steering_page):
    shown = {m.label: m.value.replace("\u00a0", " ") for m in steering_page.metric}
    # the latest period is chosen: 492 996,81 − 478 915,91 = 14 080,90
    assert shown["Skillnad, bokfört − timmar"] == "14 081 kr"


def test_the_reference_group_sees_no_persons_name_salary_or_hours(reference_page):
    shown = _shown(reference_page)
    assert [
        w
        for w in ("Karin Ek", "Johan Berg", "Lena Holm", "Månadslön", "Timkostnad", "46 900")
        if w in shown.replace("\u00a0", " ")
    ] == []


def test_the_reference_group_is_told_why_staff_is_not_shown(reference_page):
    assert "Löner och timmar per person visas inte för din roll." in [i.value for i in reference_page.info]


def test_the_reference_group_sees_the_period_totals_per_cost_category(reference_page):
    costs = next(d.value for d in reference_page.dataframe if "Denna period" in d.value.columns)
    assert "Egen personal" in list(costs.Kostnadsslag)


def test_the_claim_workbook_without_staff_rights_has_no_per_person_sheet(project):
    from lagesbild import claim_report

    sheets = set(claim_report.claim_tables(project, claims.period(project, 1), with_staff=False))
    assert sheets & {"Personal", "Timmar per person och månad"} == set()
