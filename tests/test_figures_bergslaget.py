"""The figures of data/bergslaget-2023 (an association's operating year) at R = 2023-11-30."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
from support import BERGSLAGET, csv_rows, kronor

from lagesbild import overview
from lagesbild.summary import summary

R = dt.date(2023, 11, 30)
KR = 0.01
UPPARBETAT = 781_095.98  # every ledger row, the last dated 2023-11-27
# Mean monthly cost of the six complete months Jun–Nov 2023:
PACE = (64_453.34 + 53_117.36 + 57_792.84 + 82_354.64 + 94_432.84 + 61_605.84) / 6  # 68 959,48
UNPAID = {"Hedemora kommun": 35_000, "Ljusnarsbergs kommun": 25_000, "Surahammars kommun": 28_000}


@pytest.fixture(scope="module")
def figures(bergslaget_project):
    return summary(bergslaget_project)


@pytest.fixture(scope="module")
def financiers(figures):
    return {f["finansiar"]: f for f in figures["finansiarer"]}


@pytest.fixture(scope="module")
def indicators(figures):
    return {i["id"]: i for i in figures["indikatorer"]}


def test_the_report_date_is_taken_from_projekt_toml(figures):
    assert figures["projekt"]["rapportdatum"] == R.isoformat()


def test_the_membership_fees_total_1_000_000(figures):
    assert sum(f["atagande"] for f in figures["finansiarer"]) == pytest.approx(1_000_000, abs=KR)


def test_there_are_26_fee_paying_members(figures):
    assert len(figures["finansiarer"]) == 26


def test_every_member_in_medlemmar_csv_pays_a_fee(financiers):
    assert {r["Medlem"] for r in csv_rows(BERGSLAGET / "medlemmar.csv")} == set(financiers)


def test_the_budget_equals_the_fees(figures):
    assert figures["budget"] == pytest.approx(640_000 + 120_000 + 110_000 + 50_000 + 60_000 + 20_000, abs=KR)


def test_upparbetat_is_the_sum_of_the_ledger(figures):
    assert figures["upparbetat"] == pytest.approx(UPPARBETAT, abs=KR)


def test_upparbetat_matches_utfall_csv_summed_with_the_csv_module(figures):
    rows = [r for r in csv_rows(BERGSLAGET / "utfall.csv") if r["Datum"] <= R.isoformat()]
    assert figures["upparbetat"] == pytest.approx(float(sum(kronor(r["Belopp"]) for r in rows)), abs=KR)


def test_there_are_no_indirect_costs(figures):
    assert figures["indirekta_kostnader"] == 0


def test_plan_to_date_is_eleven_twelfths_of_the_year(figures):
    assert figures["plan_till_datum"] == pytest.approx(1_000_000 * 11 / 12, abs=KR)


def test_avvikelse_is_upparbetat_minus_plan(figures):
    assert figures["avvikelse"] == pytest.approx(UPPARBETAT - 1_000_000 * 11 / 12, abs=KR)  # −135 570,69


def test_upparbetningsgrad_is_upparbetat_over_one_million(figures):
    assert figures["upparbetningsgrad"] == pytest.approx(UPPARBETAT / 1_000_000, abs=1e-9)


def test_the_recent_pace_is_the_mean_of_june_to_november(bergslaget_project):
    months: dict[str, Decimal] = defaultdict(Decimal)
    for row in csv_rows(BERGSLAGET / "utfall.csv"):
        months[row["Datum"][:7]] += kronor(row["Belopp"])
    recent = sum(months[f"2023-{m:02d}"] for m in range(6, 12)) / 6
    totals = bergslaget_project.frame("project_totals").iloc[0]
    assert totals.takt_per_manad_kr == pytest.approx(float(recent), abs=KR)


def test_prognos_adds_one_month_at_the_recent_pace(figures):
    assert figures["prognos"] == pytest.approx(UPPARBETAT + 1 * PACE, abs=KR)  # 850 055,46


def test_prognos_is_850_055_46(figures):
    assert figures["prognos"] == pytest.approx(850_055.46, abs=KR)


def test_every_fee_was_invoiced(figures):
    assert sum(f["rekvirerat"] for f in figures["finansiarer"]) == pytest.approx(1_000_000, abs=KR)


def test_912_000_has_been_paid(figures):
    assert sum(f["inbetalt"] for f in figures["finansiarer"]) == pytest.approx(
        1_000_000 - 35_000 - 25_000 - 28_000, abs=KR
    )


@pytest.mark.parametrize("member", sorted(UNPAID))
def test_three_members_have_not_paid(financiers, member):
    assert (financiers[member]["rekvirerat"], financiers[member]["inbetalt"]) == (UNPAID[member], 0)


def test_every_other_member_has_paid_its_whole_fee(financiers):
    assert [m for m, f in financiers.items() if m not in UNPAID and f["inbetalt"] != f["atagande"]] == []


def test_each_member_is_allocated_its_fee_share_of_the_costs(financiers):
    # Region Gävleborg pays 80 000 of 1 000 000, so carries 8 % of the costs
    assert financiers["Region Gävleborg"]["fordelat"] == pytest.approx(UPPARBETAT * 80_000 / 1_000_000, abs=KR)


def test_the_counted_indicators_are_the_four_planned_meeting_types():
    counted = {r["Id"]: r["Räknas från"] for r in csv_rows(BERGSLAGET / "indikatorer.csv") if r["Räknas från"]}
    assert counted == {"I1": "Årsmöte", "I2": "Styrelsemöte", "I3": "Tjänstepersonsgrupp", "I4": "Nyhetsbrev"}


@pytest.mark.parametrize(
    "indicator, held, target, status",
    [
        ("I1", 1, 1, "Uppnått"),  # årsmöte
        ("I2", 4, 5, "I fas"),  # styrelsemöten: the fifth, 2023-12-07, is planned after R: 4/5 of (5 − 1)/5
        ("I3", 3, 3, "Uppnått"),  # tjänstepersonsgruppen
        ("I4", 1, 2, "Efter"),  # nyhetsbrev
    ],
)
def test_a_counted_indicator_counts_its_meetings_up_to_the_report_date(indicators, indicator, held, target, status):
    found = indicators[indicator]
    assert (found["senaste_varde"], found["malvarde"], found["status"]) == (held, target, status)


def test_counted_indicator_values_match_motesplatser_csv(indicators):
    types = {"I1": "Årsmöte", "I2": "Styrelsemöte", "I3": "Tjänstepersonsgrupp", "I4": "Nyhetsbrev"}
    rows = [r for r in csv_rows(BERGSLAGET / "motesplatser.csv") if "2023-01-01" <= r["Datum"] <= R.isoformat()]
    assert {i: indicators[i]["senaste_varde"] for i in types} == {
        i: sum(r["Typ"] == t for r in rows) for i, t in types.items()
    }


def test_expected_progress_is_the_elapsed_share_of_the_year(indicators):
    # nyhetsbrev has no row after R: 2023-01-01 → 2023-11-30 is 333 days of the 364 to 2023-12-31
    assert indicators["I4"]["forvantat"] == pytest.approx(333 / 364)


# What needs attention (queries/flag_counts.sql) and the indicators per status (queries/indicator_status_counts.sql)


@pytest.fixture(scope="module")
def flag_counts(bergslaget_project):
    frame = bergslaget_project.frame
    return overview.flag_counts(
        frame("activity_counts_by_status"), frame("influence_counts_by_status"), frame("indicators"), frame("decisions")
    )


def test_the_late_activities_flagged_are_those_not_done_past_their_end_in_aktiviteter_csv(flag_counts):
    # A1.3 (Slut 2023-09-30) and A4.3 (2023-10-31)
    late = [
        r
        for r in csv_rows(BERGSLAGET / "aktiviteter.csv")
        if r["Status"] in ("Ej påbörjad", "Pågår") and r["Slut"] < R.isoformat()
    ]
    assert flag_counts.forsenade_aktiviteter == len(late) == 2


def test_the_overdue_influence_efforts_flagged_are_the_two_open_ones_dated_before_r(flag_counts):
    # P6 (Planerad, 2023-11-10) and P9 (Idé, 2023-10-31)
    overdue = [
        r
        for r in csv_rows(BERGSLAGET / "paverkan.csv")
        if r["Status"] in ("Idé", "Planerad", "Pågår") and r["Datum"] < R.isoformat()
    ]
    assert flag_counts.forsenade_paverkansinsatser == len(overdue) == 2


def test_one_indicator_is_flagged_as_behind(flag_counts):
    # I4, one newsletter of two (the table above)
    assert flag_counts.indikatorer_efter == 1


def test_the_overdue_decision_flagged_is_b3_past_its_deadline(flag_counts):
    # B3 is Öppen with Deadline 2023-10-31; B5 (Öppen, 2023-11-30) falls due on R itself, which is not past it
    overdue = [
        r
        for r in csv_rows(BERGSLAGET / "beslut.csv")
        if r["Status"] == "Öppen" and r["Deadline"] and r["Deadline"] < R.isoformat()
    ]
    assert flag_counts.forsenade_beslut == len(overdue) == 1


def test_the_overdue_items_together_are_2_activities_2_efforts_and_1_decision(flag_counts):
    assert flag_counts.forsenade_poster == 2 + 2 + 1


def test_the_indicators_are_counted_per_status_with_the_statuses_no_indicator_has_left_out(bergslaget_project):
    # I1, I3, I5 (one new member of one), I6 (Europaforum held) Uppnått; I2 I fas; I4 Efter; none Risk
    counts = overview.status_counts(bergslaget_project.frame("indicators").status)
    assert list(zip(counts.status, counts.antal, strict=True)) == [("Uppnått", 4), ("I fas", 1), ("Efter", 1)]


def test_15_meeting_places_were_held_up_to_the_report_date(figures):
    assert figures["motesplatser"]["antal"] == 15


def test_176_women_attended(figures):
    assert figures["motesplatser"]["kvinnor"] == 176


def test_189_men_attended(figures):
    assert figures["motesplatser"]["man"] == 189


def test_a_newsletter_without_attendance_counts_as_a_meeting_place_but_not_as_attendance(figures):
    rows = [r for r in csv_rows(BERGSLAGET / "motesplatser.csv") if r["Datum"] <= R.isoformat()]
    assert (figures["motesplatser"]["antal"], figures["motesplatser"]["kvinnor"], figures["motesplatser"]["man"]) == (
        len(rows),
        sum(int(r["Kvinnor"] or 0) for r in rows),
        sum(int(r["Män"] or 0) for r in rows),
    )


def test_the_share_of_women_is_176_of_365(figures):
    assert figures["motesplatser"]["andel_kvinnor"] == pytest.approx(176 / (176 + 189))


def test_the_example_validates_without_problems(bergslaget_project):
    assert bergslaget_project.problems == []
