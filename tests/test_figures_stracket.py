"""The figures of data/stracket at R = 2026-10-31, checked against values worked out by hand.

The arithmetic is written out in each test; where it is cheap the raw CSV files are also
summed with the csv module, independently of DuckDB and the queries.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from support import REPO, STRACKET, csv_rows, kronor

from lagesbild import changes, overview
from lagesbild.exports import ALL_ACTIVITIES
from lagesbild.project import load
from lagesbild.summary import summary

R = dt.date(2026, 10, 31)
KR = 0.01  # tolerance for kronor

# Hand-worked figures (data contract §5).
EGEN_PERSONAL = 705_526.25 + 805_924.21  # = 1 511 450,46, booked 2025 + 2026
EXTERNA_TJANSTER = 343_130 + 538_000  # = 881 130
RESOR_OCH_LOGI = 29_382 + 31_002  # = 60 384
INDIREKTA = 0.20 * EGEN_PERSONAL  # = 302 290,092
UPPARBETAT = EGEN_PERSONAL + EXTERNA_TJANSTER + RESOR_OCH_LOGI + INDIREKTA  # = 2 755 254,552
U_2025 = 705_526.25 * 1.2 + 343_130 + 29_382  # = 1 219 143,50
U_2026 = 805_924.21 * 1.2 + 538_000 + 31_002  # = 1 536 111,052
BUDGET = 1_478_000 + 1_970_000 + 1_970_000 + 492_000  # per year 2025–2028 = 5 910 000
PLAN = 1_478_000 * 9 / 9 + 1_970_000 * 10 / 12  # Apr–Dec 2025 all past; Jan–Oct of 2026 = 3 119 666,667
# Mean monthly cost May–Oct 2026, indirect costs included (20 % on Egen personal):
PACE = (148_332.508 + 149_956.388 + 87_755.488 + 92_555.888 + 141_467.088 + 159_455.416) / 6
MONTHS_AFTER_R = 2 + 12 + 8  # Nov–Dec 2026, 2027, Jan–Aug 2028
PROGNOS = UPPARBETAT + MONTHS_AFTER_R * PACE  # = 5 613 504,73
# Region Örebro län 1:1-medel finances 450 000 of 1 478 000 in 2025 and 600 000 of 1 970 000 in 2026.
ROL_FORDELAT = U_2025 * 450_000 / 1_478_000 + U_2026 * 600_000 / 1_970_000  # ≈ 839 038,21
ROL_REKVIRERAT = 171_018 + 200_169 + 321_282  # = 692 469
ROL_INBETALT = 171_018 + 200_169  # = 371 187
ROL = "Region Örebro län 1:1-medel"


@pytest.fixture(scope="module")
def figures(stracket_project):
    return summary(stracket_project)


@pytest.fixture(scope="module")
def by_category(figures):
    return {c["kostnadsslag"]: c for c in figures["kostnadsslag"]}


@pytest.fixture(scope="module")
def rol(figures):
    return next(f for f in figures["finansiarer"] if f["finansiar"] == ROL)


@pytest.fixture(scope="module")
def indicators(figures):
    return {i["id"]: i for i in figures["indikatorer"]}


@pytest.fixture(scope="module")
def ledger_by_category_and_year() -> dict[tuple[str, str], Decimal]:
    """utfall.csv (Windows-1252) summed per cost category and year, accounts mapped by konton.csv."""
    ranges = [(tuple(map(int, r["Konto"].split("-"))), r["Kostnadsslag"]) for r in csv_rows(STRACKET / "konton.csv")]
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in csv_rows(STRACKET / "utfall.csv", encoding="cp1252"):
        assert row["Datum"] <= R.isoformat()
        slag = next(s for (low, high), s in ranges if low <= int(row["Konto"]) <= high)
        sums[slag, row["Datum"][:4]] += kronor(row["Belopp"])
    return sums


@pytest.fixture(scope="module")
def by_year(stracket_project) -> dict[int, float]:
    frame = stracket_project.frame("costs_by_category_and_year")
    return frame.groupby("ar")["upparbetat_kr"].sum().to_dict()


# Budget and financing


def test_the_report_date_is_taken_from_projekt_toml(figures):
    assert figures["projekt"]["rapportdatum"] == "2026-10-31"


def test_budget_is_the_sum_of_the_yearly_budgets(figures):
    assert figures["budget"] == pytest.approx(BUDGET, abs=KR)


def test_budget_is_the_sum_of_the_cost_category_table(figures):
    assert figures["budget"] == pytest.approx(3_195_797 + 1_955_043 + 120_000 + 639_160, abs=KR)


def test_budget_is_the_sum_of_budget_csv(figures):
    assert figures["budget"] == pytest.approx(
        float(sum(kronor(r["Belopp"]) for r in csv_rows(STRACKET / "budget.csv"))), abs=KR
    )


def test_the_budget_of_each_cost_category_is_its_sum_in_budget_csv(by_category):
    expected: dict[str, Decimal] = defaultdict(Decimal)
    for row in csv_rows(STRACKET / "budget.csv"):
        expected[row["Kostnadsslag"]] += kronor(row["Belopp"])
    assert {k: c["budget"] for k, c in by_category.items()} == {
        k: pytest.approx(float(v), abs=KR) for k, v in expected.items()
    }


def test_the_cost_category_budgets_are_those_of_the_application(by_category):
    assert {k: c["budget"] for k, c in by_category.items()} == {
        "Egen personal": 774_464 + 1_058_434 + 1_084_895 + 278_004,  # 3 195 797
        "Externa tjänster": 518_643 + 659_879 + 628_126 + 148_395,  # 1 955 043
        "Resor och logi": 30_000 + 40_000 + 40_000 + 10_000,  # 120 000
        "Indirekta kostnader": 154_893 + 211_687 + 216_979 + 55_601,  # 639 160
    }


def test_financing_commitments_sum_to_the_budget(figures):
    assert sum(f["atagande"] for f in figures["finansiarer"]) == pytest.approx(BUDGET, abs=KR)


def test_financing_csv_sums_to_the_budget_in_every_year():
    budget: dict[str, Decimal] = defaultdict(Decimal)
    financing: dict[str, Decimal] = defaultdict(Decimal)
    for row in csv_rows(STRACKET / "budget.csv"):
        budget[row["År"]] += kronor(row["Belopp"])
    for row in csv_rows(STRACKET / "finansiering.csv"):
        financing[row["År"]] += kronor(row["Belopp"])
    assert financing == budget == {"2025": 1_478_000, "2026": 1_970_000, "2027": 1_970_000, "2028": 492_000}


# Costs to date


def test_egen_personal_booked_is_the_2025_and_2026_salaries(by_category):
    assert by_category["Egen personal"]["upparbetat"] == pytest.approx(EGEN_PERSONAL, abs=KR)


def test_egen_personal_booked_is_the_ledger_sum_of_accounts_7000_to_7699(by_category, ledger_by_category_and_year):
    ledger = ledger_by_category_and_year
    assert by_category["Egen personal"]["upparbetat"] == pytest.approx(
        float(ledger["Egen personal", "2025"] + ledger["Egen personal", "2026"]), abs=KR
    )


def test_the_ledger_books_705_526_25_on_egen_personal_in_2025(ledger_by_category_and_year):
    assert ledger_by_category_and_year["Egen personal", "2025"] == Decimal("705526.25")


def test_externa_tjanster_booked_is_343_130_plus_538_000(by_category):
    assert by_category["Externa tjänster"]["upparbetat"] == pytest.approx(EXTERNA_TJANSTER, abs=KR)


def test_externa_tjanster_booked_is_the_ledger_sum_of_accounts_6000_to_6999(by_category, ledger_by_category_and_year):
    ledger = ledger_by_category_and_year
    assert by_category["Externa tjänster"]["upparbetat"] == pytest.approx(
        float(ledger["Externa tjänster", "2025"] + ledger["Externa tjänster", "2026"]), abs=KR
    )


def test_resor_och_logi_booked_is_29_382_plus_31_002(by_category):
    assert by_category["Resor och logi"]["upparbetat"] == pytest.approx(RESOR_OCH_LOGI, abs=KR)


def test_resor_och_logi_booked_is_the_ledger_sum_of_accounts_5800_to_5899(by_category, ledger_by_category_and_year):
    ledger = ledger_by_category_and_year
    assert by_category["Resor och logi"]["upparbetat"] == pytest.approx(
        float(ledger["Resor och logi", "2025"] + ledger["Resor och logi", "2026"]), abs=KR
    )


def test_indirect_costs_are_20_percent_of_egen_personal(figures):
    assert figures["indirekta_kostnader"] == pytest.approx(INDIREKTA, abs=KR)


def test_indirect_costs_are_booked_on_their_own_cost_category(by_category):
    assert by_category["Indirekta kostnader"]["upparbetat"] == pytest.approx(INDIREKTA, abs=KR)


def test_upparbetat_is_the_booked_costs_plus_the_indirect_costs(figures):
    assert figures["upparbetat"] == pytest.approx(UPPARBETAT, abs=KR)


def test_upparbetat_of_2025_includes_its_indirect_costs(by_year):
    assert by_year[2025] == pytest.approx(U_2025, abs=KR)


def test_upparbetat_of_2026_includes_its_indirect_costs(by_year):
    assert by_year[2026] == pytest.approx(U_2026, abs=KR)


def test_upparbetat_at_the_end_of_2025_is_the_cost_of_2025(stracket_project):
    assert summary(stracket_project, dt.date(2025, 12, 31))["upparbetat"] == pytest.approx(U_2025, abs=KR)


# Plan, deviation and forecast


def test_plan_to_date_is_all_of_2025_and_ten_twelfths_of_2026(figures):
    assert figures["plan_till_datum"] == pytest.approx(PLAN, abs=KR)


def test_avvikelse_is_upparbetat_minus_plan(figures):
    assert figures["avvikelse"] == pytest.approx(UPPARBETAT - PLAN, abs=KR)  # −364 412,11


def test_avvikelse_is_minus_364_412_11(figures):
    assert figures["avvikelse"] == pytest.approx(-364_412.11, abs=KR)


def test_upparbetningsgrad_is_upparbetat_over_budget(figures):
    assert figures["upparbetningsgrad"] == pytest.approx(UPPARBETAT / BUDGET, abs=1e-9)  # 0,46620


def test_the_forecast_pace_is_the_mean_cost_of_may_to_october_2026(stracket_project):
    totals = stracket_project.frame("project_totals").iloc[0]
    assert totals.takt_per_manad_kr == pytest.approx(PACE, abs=KR)  # 129 920,46


def test_the_forecast_pace_matches_the_ledger_months(stracket_project):
    rate = {"Egen personal": Decimal("1.2")}  # the salaries carry 20 % indirect costs
    ranges = [(tuple(map(int, r["Konto"].split("-"))), r["Kostnadsslag"]) for r in csv_rows(STRACKET / "konton.csv")]
    months: dict[str, Decimal] = defaultdict(Decimal)
    for row in csv_rows(STRACKET / "utfall.csv", encoding="cp1252"):
        slag = next(s for (low, high), s in ranges if low <= int(row["Konto"]) <= high)
        months[row["Datum"][:7]] += kronor(row["Belopp"]) * rate.get(slag, Decimal(1))
    recent = [months[f"2026-{m:02d}"] for m in range(5, 11)]
    totals = stracket_project.frame("project_totals").iloc[0]
    assert totals.takt_per_manad_kr == pytest.approx(float(sum(recent) / 6), abs=KR)


def test_22_project_months_remain_after_the_report_month(stracket_project):
    assert stracket_project.frame("project_totals").iloc[0].manader_kvar == MONTHS_AFTER_R


def test_prognos_is_upparbetat_plus_22_months_at_the_recent_pace(figures):
    assert figures["prognos"] == pytest.approx(PROGNOS, abs=KR)  # 5 613 504,73


# Region Örebro län 1:1-medel


def test_region_orebro_lan_commits_1_800_000(rol):
    assert rol["atagande"] == pytest.approx(450_000 + 600_000 + 600_000 + 150_000, abs=KR)


def test_region_orebro_lan_is_allocated_its_yearly_share_of_the_costs(rol):
    assert rol["fordelat"] == pytest.approx(ROL_FORDELAT, abs=KR)


def test_region_orebro_lan_is_allocated_839_038_21(rol):
    assert rol["fordelat"] == pytest.approx(839_038.21, abs=KR)


def test_region_orebro_lan_has_the_rest_of_its_commitment_left(rol):
    assert rol["kvar"] == pytest.approx(1_800_000 - ROL_FORDELAT, abs=KR)


def test_region_orebro_lan_has_claimed_692_469(rol):
    assert rol["rekvirerat"] == pytest.approx(ROL_REKVIRERAT, abs=KR)


def test_region_orebro_lan_has_paid_371_187(rol):
    assert rol["inbetalt"] == pytest.approx(ROL_INBETALT, abs=KR)


def test_region_orebro_lan_payments_match_inbetalningar_csv(rol):
    rows = [r for r in csv_rows(STRACKET / "inbetalningar.csv") if r["Finansiär"] == ROL]
    assert (rol["rekvirerat"], rol["inbetalt"]) == (
        float(sum(kronor(r["Belopp"]) for r in rows if r["Typ"] == "Rekvirerat")),
        float(sum(kronor(r["Belopp"]) for r in rows if r["Typ"] == "Inbetalt")),
    )


def test_region_orebro_lan_can_claim_the_allocation_less_what_was_claimed(rol):
    assert rol["att_rekvirera"] == pytest.approx(ROL_FORDELAT - ROL_REKVIRERAT, abs=KR)  # ≈ 146 569,21


def test_region_orebro_lan_is_not_flagged_at_30_45_percent_of_a_31_percent_max_share(rol):
    # 839 038,21 / 2 755 254,55 = 30,45 % < 31 %; 839 038,21 < Tak and åtagande 1 800 000
    assert rol["flaggor"] == []


def test_the_allocations_of_all_financiers_add_up_to_upparbetat(figures):
    assert sum(f["fordelat"] for f in figures["finansiarer"]) == pytest.approx(UPPARBETAT, abs=KR)


def test_no_financier_is_flagged(figures):
    assert [f["finansiar"] for f in figures["finansiarer"] if f["flaggor"]] == []


# Indicators


@pytest.mark.parametrize(
    "indicator, status",
    [
        ("I1", "Uppnått"),
        ("I2", "I fas"),
        ("I3", "I fas"),
        ("I4", "I fas"),
        ("I5", "Risk"),
        ("I6", "Efter"),
    ],
)
def test_indicator_status_at_the_report_date(indicators, indicator, status):
    assert indicators[indicator]["status"] == status


def test_i2_counts_the_beslutsfattarmoten_held_in_motesplatser(indicators):
    held = [
        r
        for r in csv_rows(STRACKET / "motesplatser.csv")
        if r["Typ"] == "Beslutsfattarmöte" and r["Datum"] <= R.isoformat()
    ]
    assert indicators["I2"]["senaste_varde"] == len(held) == 4


def test_i2_progress_is_4_of_8_meetings(indicators):
    assert indicators["I2"]["progress"] == pytest.approx(4 / 8)


def test_i2_expected_progress_is_the_elapsed_share_of_its_period(indicators):
    # 2025-04-01 → 2026-10-31 is 578 days of the 1 186 to 2028-06-30
    assert indicators["I2"]["forvantat"] == pytest.approx(578 / 1186)


def test_i3_progress_is_327_of_600_participants(indicators):
    assert indicators["I3"]["progress"] == pytest.approx(327 / 600)


def test_i4_progress_is_7_of_12_efforts(indicators):
    assert indicators["I4"]["progress"] == pytest.approx(7 / 12)


def test_i5_ignores_a_value_dated_after_the_report_date(indicators):
    # 4 is dated 2026-11-15, after R; the latest value up to R is 3 (2026-09-30)
    assert (indicators["I5"]["senaste_varde"], indicators["I5"]["senaste_datum"]) == (3, "2026-09-30")


def test_i5_expected_progress_is_the_elapsed_share_of_its_period(indicators):
    # 2025-04-01 → 2027-06-30 is 820 days, so 0,7049 is expected; 3/5 = 0,6 lies between
    # 0,6 × 0,7049 and 0,9 × 0,7049, which is Risk
    assert indicators["I5"]["forvantat"] == pytest.approx(578 / 820)


def test_i6_progress_is_zero_of_one(indicators):
    assert indicators["I6"]["progress"] == 0


# Activities, influence, meeting places


ACTIVITIES = {"Ej påbörjad": 2, "Pågår": 9, "Klar": 4, "Pausad": 1, "Struken": 0, "Försenad": 2}


@pytest.mark.parametrize("status, count", ACTIVITIES.items())
def test_activities_are_counted_by_the_status_shown(figures, status, count):
    assert figures["aktiviteter"][status] == count


def test_activity_counts_follow_aktiviteter_csv_with_late_ones_shown_as_forsenad(figures):
    shown = Counter(
        "Försenad" if r["Status"] in ("Ej påbörjad", "Pågår") and r["Slut"] < R.isoformat() else r["Status"]
        for r in csv_rows(STRACKET / "aktiviteter.csv")
    )
    assert figures["aktiviteter"] == {status: shown[status] for status in ACTIVITIES}


def test_the_late_activities_are_a8_and_a11(stracket_project):
    activities = stracket_project.frame("activities_page", **ALL_ACTIVITIES)  # no filter, one page
    assert sorted(activities[activities.visad_status == "Försenad"].id) == ["A11", "A8"]


INFLUENCE = {"Idé": 3, "Planerad": 4, "Pågår": 3, "Genomförd": 7, "Avslutad": 3}


@pytest.mark.parametrize("status, count", INFLUENCE.items())
def test_influence_efforts_are_counted_by_their_status(figures, status, count):
    assert figures["paverkan"]["per_status"][status] == count


def test_influence_counts_follow_paverkan_csv(figures):
    assert figures["paverkan"]["per_status"] == dict(Counter(r["Status"] for r in csv_rows(STRACKET / "paverkan.csv")))


def test_four_influence_efforts_are_overdue(figures):
    # PV20 (2026-10-01), PV09 (2026-09-15), PV13 (2026-10-20), PV07 (2026-08-20)
    assert figures["paverkan"]["forsenade"] == 4


def test_overdue_efforts_are_open_ones_dated_before_the_report_date(figures):
    overdue = [
        r
        for r in csv_rows(STRACKET / "paverkan.csv")
        if r["Status"] in ("Idé", "Planerad", "Pågår") and r["Datum"] < R.isoformat()
    ]
    assert figures["paverkan"]["forsenade"] == len(overdue)


# What needs attention (queries/flag_counts.sql) and the indicators per status (queries/indicator_status_counts.sql)


@pytest.fixture(scope="module")
def flag_counts(stracket_project):
    frame = stracket_project.frame
    return overview.flag_counts(
        frame("activity_counts_by_status"), frame("influence_counts_by_status"), frame("indicators"), frame("decisions")
    )


def test_the_late_activities_flagged_are_those_not_done_past_their_end_in_aktiviteter_csv(flag_counts):
    # A8 (Slut 2026-06-30) and A11 (2026-09-30)
    late = [
        r
        for r in csv_rows(STRACKET / "aktiviteter.csv")
        if r["Status"] in ("Ej påbörjad", "Pågår") and r["Slut"] < R.isoformat()
    ]
    assert flag_counts.forsenade_aktiviteter == len(late) == 2


def test_the_overdue_influence_efforts_flagged_are_the_four_open_ones_dated_before_r(flag_counts):
    # PV07 (Pågår, 2026-08-20), PV09 and PV13 (Planerad, 2026-09-15 and 2026-10-20), PV20 (Idé, 2026-10-01)
    overdue = [
        r
        for r in csv_rows(STRACKET / "paverkan.csv")
        if r["Status"] in ("Idé", "Planerad", "Pågår") and r["Datum"] < R.isoformat()
    ]
    assert flag_counts.forsenade_paverkansinsatser == len(overdue) == 4


def test_one_indicator_is_flagged_as_behind(flag_counts):
    # I6, 0 of 1 (the status table above)
    assert flag_counts.indikatorer_efter == 1


def test_the_overdue_decision_flagged_is_the_open_one_past_its_deadline_in_beslut_csv(flag_counts):
    # B6, Öppen with Deadline 2026-09-30; B7 (2026-12-10) and B8 (2026-11-30) are still to come
    overdue = [
        r
        for r in csv_rows(STRACKET / "beslut.csv")
        if r["Status"] == "Öppen" and r["Deadline"] and r["Deadline"] < R.isoformat()
    ]
    assert flag_counts.forsenade_beslut == len(overdue) == 1


def test_the_overdue_items_together_are_2_activities_4_efforts_and_1_decision(flag_counts):
    assert flag_counts.forsenade_poster == 2 + 4 + 1


def test_the_indicators_are_counted_per_status_in_the_order_of_the_scale(stracket_project):
    # I1 Uppnått; I2, I3, I4 I fas; I5 Risk; I6 Efter (the status table above); none is Ingen mätning
    counts = overview.status_counts(stracket_project.frame("indicators").status)
    assert list(zip(counts.status, counts.antal, strict=True)) == [
        ("Uppnått", 1),
        ("I fas", 3),
        ("Risk", 1),
        ("Efter", 1),
    ]


# Against a frozen meeting (queries/changes_against_frozen.sql)

FROZEN = STRACKET / ".lagesbild" / "moten"


def _payments(folder) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for row in csv_rows(folder / "inbetalningar.csv"):
        sums[row["Typ"]] += kronor(row["Belopp"])
    return sums


@pytest.fixture(scope="module")
def since_march(stracket_project):
    """Today against the picture frozen for 2026-03-19 (its report date 2026-02-28)."""
    return changes.against_frozen(stracket_project, dt.date(2026, 3, 19), R, load)


def test_claimed_since_the_frozen_meeting_is_the_claim_of_2026_08_31(since_march):
    # 321 282 + 13 387 + 13 387 + 32 128 + 160 641 + 160 641 + 32 128 + 321 282, the rows not in the frozen copy
    added = _payments(STRACKET)["Rekvirerat"] - _payments(FROZEN / "2026-03-19")["Rekvirerat"]
    assert since_march.claimed_kr == pytest.approx(float(added), abs=KR) == 1_054_876


def test_paid_since_the_frozen_meeting_is_the_payments_of_march_and_april_2026(since_march):
    # 100 085 + 8 452 + 100 085 + 200 169 + 20 017 + 200 169 + 8 452 + 20 017, dated 2026-03-27 – 2026-04-29
    added = _payments(STRACKET)["Inbetalt"] - _payments(FROZEN / "2026-03-19")["Inbetalt"]
    assert since_march.paid_kr == pytest.approx(float(added), abs=KR) == 657_446


def test_costs_since_the_frozen_meeting_of_september_are_the_ledger_rows_after_its_report_date(stracket_project):
    # the 34 rows of utfall.csv dated after 2026-08-31: 267 480,42 kr + 20 % indirect on Egen personal = 300 922,504
    ranges = [(tuple(map(int, r["Konto"].split("-"))), r["Kostnadsslag"]) for r in csv_rows(STRACKET / "konton.csv")]
    rate = {"Egen personal": Decimal("1.2")}
    booked = sum(
        kronor(r["Belopp"]) * rate.get(next(s for (lo, hi), s in ranges if lo <= int(r["Konto"]) <= hi), Decimal(1))
        for r in csv_rows(STRACKET / "utfall.csv", encoding="cp1252")
        if r["Datum"] > "2026-08-31"
    )
    since = changes.against_frozen(stracket_project, dt.date(2026, 9, 24), R, load)
    assert since.costs_kr == pytest.approx(float(booked), abs=KR) == pytest.approx(300_922.504, abs=KR)


def test_25_meeting_places_were_held_up_to_the_report_date(figures):
    assert figures["motesplatser"]["antal"] == 25


def test_157_women_attended_the_meeting_places(figures):
    assert figures["motesplatser"]["kvinnor"] == 157


def test_197_men_attended_the_meeting_places(figures):
    assert figures["motesplatser"]["man"] == 197


def test_meeting_attendance_matches_motesplatser_csv(figures):
    rows = [r for r in csv_rows(STRACKET / "motesplatser.csv") if r["Datum"] <= R.isoformat()]
    assert (figures["motesplatser"]["kvinnor"], figures["motesplatser"]["man"]) == (
        sum(int(r["Kvinnor"]) for r in rows),
        sum(int(r["Män"]) for r in rows),
    )


def test_the_share_of_women_is_157_of_354(figures):
    assert figures["motesplatser"]["andel_kvinnor"] == pytest.approx(157 / (157 + 197))


# Validation and the command line


def test_the_example_has_no_errors(stracket_project):
    assert stracket_project.errors == []


def test_the_example_has_no_warnings(stracket_project):
    assert stracket_project.warnings == []


@pytest.fixture(scope="module")
def summary_json() -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "lagesbild", "summary", str(STRACKET), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(run.stdout)


def test_summary_json_prints_the_budget(summary_json):
    assert summary_json["budget"] == 5910000.0


def test_summary_json_has_every_top_level_key_of_contract_section_7(summary_json):
    assert {
        "projekt",
        "budget",
        "plan_till_datum",
        "upparbetat",
        "indirekta_kostnader",
        "avvikelse",
        "upparbetningsgrad",
        "prognos",
        "kostnadsslag",
        "finansiarer",
        "indikatorer",
        "aktiviteter",
        "paverkan",
        "motesplatser",
    } <= summary_json.keys()


def test_summary_json_project_has_name_and_iso_dates(summary_json):
    projekt = summary_json["projekt"]
    assert (projekt["start"], projekt["slut"], projekt["rapportdatum"], bool(projekt["namn"])) == (
        "2025-04-01",
        "2028-08-31",
        "2026-10-31",
        True,
    )


def test_summary_json_cost_categories_have_the_contract_keys(summary_json):
    assert all({"kostnadsslag", "budget", "upparbetat"} <= c.keys() for c in summary_json["kostnadsslag"])


def test_summary_json_financiers_have_the_contract_keys(summary_json):
    keys = {"finansiar", "atagande", "fordelat", "kvar", "rekvirerat", "inbetalt", "att_rekvirera", "flaggor"}
    assert all(keys <= f.keys() for f in summary_json["finansiarer"])


def test_summary_json_indicators_have_the_contract_keys(summary_json):
    keys = {"id", "senaste_varde", "progress", "forvantat", "status"}
    assert all(keys <= i.keys() for i in summary_json["indikatorer"])


def test_summary_json_activities_list_every_status_shown(summary_json):
    assert set(summary_json["aktiviteter"]) == set(ACTIVITIES)


def test_summary_json_influence_has_counts_per_status_and_overdue(summary_json):
    assert (set(summary_json["paverkan"]["per_status"]), summary_json["paverkan"]["forsenade"]) == (set(INFLUENCE), 4)


def test_summary_json_meeting_places_have_the_contract_keys(summary_json):
    assert {"antal", "kvinnor", "man", "andel_kvinnor"} <= summary_json["motesplatser"].keys()


def test_summary_json_amounts_are_not_rounded(summary_json):
    # 2 755 254,552 rounded to öre would be 2 755 254,55
    assert summary_json["upparbetat"] == pytest.approx(UPPARBETAT, abs=1e-6)


def test_summary_json_shares_are_fractions(summary_json):
    assert summary_json["upparbetningsgrad"] == pytest.approx(0.46620, abs=1e-5)


def test_python_m_lagesbild_validate_accepts_the_example():
    run = subprocess.run(
        [sys.executable, "-m", "lagesbild", "validate", str(STRACKET)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, run.stdout.strip().splitlines()[-1]) == (0, f"{STRACKET}: 0 fel, 0 varningar")


def test_the_steering_meetings_count_the_decisions_dated_on_each(stracket_project):
    # beslut.csv: two decisions on each of the four meetings held; none yet on 2026-12-10
    dated = Counter(row["Datum"] for row in csv_rows(STRACKET / "beslut.csv"))
    meetings = stracket_project.meta.styrgruppsmoten
    found = stracket_project.frame("steering_meetings", moten=meetings, motesdatum=dt.date(2026, 12, 10))
    assert [
        (d.isoformat(), s, n) for d, s, n in zip(found.datum.dt.date, found.lage, found.antal_beslut, strict=True)
    ] == [
        (m.isoformat(), "held" if m < dt.date(2026, 12, 10) else "this_meeting", dated[m.isoformat()]) for m in meetings
    ]


def test_the_four_meetings_held_each_took_two_decisions(stracket_project):
    meetings = stracket_project.meta.styrgruppsmoten
    found = stracket_project.frame("steering_meetings", moten=meetings, motesdatum=dt.date(2026, 12, 10))
    assert found.antal_beslut.tolist() == [2, 2, 2, 2, 0]


def test_meeting_places_per_month_count_each_row_of_motesplatser_csv_by_month_and_type(stracket_project):
    r = stracket_project.rapportdatum.isoformat()
    expected = Counter(
        (row["Datum"][:7], row["Typ"]) for row in csv_rows(STRACKET / "motesplatser.csv") if row["Datum"] <= r
    )
    found = stracket_project.frame("meetings_by_month")
    assert {
        (m.strftime("%Y-%m"), t): n for m, t, n in zip(found.manad, found.typ, found.antal, strict=True)
    } == expected


def test_each_month_of_meeting_places_counts_all_its_types(stracket_project):
    r = stracket_project.rapportdatum.isoformat()
    expected = Counter(row["Datum"][:7] for row in csv_rows(STRACKET / "motesplatser.csv") if row["Datum"] <= r)
    found = stracket_project.frame("meetings_by_month")
    assert {m.strftime("%Y-%m"): n for m, n in zip(found.manad, found.antal_manad, strict=True)} == expected
