"""Input that would give a silently wrong figure is an error instead (data contract §4, §5)."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from streamlit.testing.v1 import AppTest
from support import DATA, MINIMAL, REPO, write_project

from lagesbild import project as projects
from lagesbild.problems import ERROR

INDIRECT = '\n[indirekta_kostnader]\nprocent = 20\nbas = ["Personal"]\nkostnadsslag = "Indirekta kostnader"\n'
# 20 000 kr a year of Köpta tjänster moved to Indirekta kostnader, so budget and financing still agree
BUDGET_WITH_INDIRECT = (
    MINIMAL["budget.csv"]
    .replace("Köpta tjänster;2025;50000", "Köpta tjänster;2025;30000")
    .replace("Köpta tjänster;2026;50000", "Köpta tjänster;2026;30000")
    + "Indirekta kostnader;2025;20000\nIndirekta kostnader;2026;20000\n"
)


def _errors(folder):
    return [(p.fil, p.rad, p.kolumn, p.varde) for p in projects.load(folder).problems if p.niva == ERROR]


def _indicator(folder, indicator):
    found = projects.load(folder).frame("indicators").set_index("id")
    return found.loc[indicator]


# indirect costs (contract §1, §5)


def test_indirect_costs_on_budgeted_categories_load_without_problems(tmp_path):
    folder = write_project(tmp_path, projekt=MINIMAL["projekt.toml"] + INDIRECT, budget=BUDGET_WITH_INDIRECT)
    assert projects.load(folder).problems == []


def test_indirect_costs_are_20_percent_of_personal(tmp_path):
    # Personal up to 2025-12-31: the one row of 40 000 kr on 2025-03-31; 20 % of it is 8 000 kr
    folder = write_project(tmp_path, projekt=MINIMAL["projekt.toml"] + INDIRECT, budget=BUDGET_WITH_INDIRECT)
    assert projects.load(folder).frame("project_totals").indirekta_kr[0] == pytest.approx(8_000)


def test_a_misspelt_base_category_is_an_error_naming_the_key_and_the_value(tmp_path):
    folder = write_project(
        tmp_path,
        projekt=MINIMAL["projekt.toml"] + INDIRECT.replace('["Personal"]', '["Persnal"]'),
        budget=BUDGET_WITH_INDIRECT,
    )
    assert _errors(folder) == [("projekt.toml", None, "indirekta_kostnader.bas", "Persnal")]


def test_a_base_category_error_lists_the_budgets_categories(tmp_path):
    folder = write_project(
        tmp_path,
        projekt=MINIMAL["projekt.toml"] + INDIRECT.replace('["Personal"]', '["Persnal"]'),
        budget=BUDGET_WITH_INDIRECT,
    )
    (problem,) = projects.load(folder).problems
    assert "(Indirekta kostnader, Köpta tjänster, Personal)" in problem.forvantat


def test_an_indirect_category_missing_from_the_budget_is_an_error_naming_the_key(tmp_path):
    folder = write_project(tmp_path, projekt=MINIMAL["projekt.toml"] + INDIRECT)
    assert _errors(folder) == [("projekt.toml", None, "indirekta_kostnader.kostnadsslag", "Indirekta kostnader")]


@pytest.mark.parametrize("procent", ["true", '"20"', "120", "-5"])
def test_a_percentage_that_is_not_0_to_100_is_an_error(tmp_path, procent):
    folder = write_project(
        tmp_path, projekt=MINIMAL["projekt.toml"] + INDIRECT.replace("20", procent), budget=BUDGET_WITH_INDIRECT
    )
    assert [p.kolumn for p in projects.load(folder).errors] == ["indirekta_kostnader.procent"]


# financing, counts and percentages


def test_costs_in_a_year_whose_financing_sums_to_0_are_an_error(tmp_path):
    financing = MINIMAL["finansiering.csv"].replace("2026;75000", "2026;0")
    ledger = MINIMAL["utfall.csv"] + "2026-03-31;;Personal;V3;Lön mars;40000,00\n"
    found = projects.load(write_project(tmp_path, finansiering=financing, utfall=ledger)).errors
    assert [(p.fil, p.rad, p.kolumn, p.varde, p.forvantat) for p in found] == [
        (
            "utfall.csv",
            4,
            "Datum",
            "2026",
            "kostnader bara under år med finansiering – finansiering.csv summerar till 0 kr för år 2026",
        )
    ]


@pytest.mark.parametrize(
    "column, row", [("Kvinnor", "3;2;0;4"), ("Män", "3;2;0;4"), ("Annat", "3;2;0;4"), ("Organisationer", "3;2;0;4")]
)
def test_a_negative_count_in_motesplatser_csv_is_an_error_naming_its_column(tmp_path, column, row):
    position = ["Kvinnor", "Män", "Annat", "Organisationer"].index(column)
    cells = row.split(";")
    cells[position] = "-1"
    meetings = MINIMAL["motesplatser.csv"].replace(row, ";".join(cells))
    assert _errors(write_project(tmp_path, motesplatser=meetings)) == [("motesplatser.csv", 2, column, "-1")]


@pytest.mark.parametrize("column, cells", [("Kvinnor", "20;-1;21"), ("Män", "20;22;-2")])
def test_a_negative_count_in_indikatorvarden_csv_is_an_error_naming_its_column(tmp_path, column, cells):
    # Kvinnor + Män still equals Värde, so the only problem is the negative count
    values = MINIMAL["indikatorvarden.csv"].replace("20;12;8", cells)
    value = "-1" if column == "Kvinnor" else "-2"
    assert _errors(write_project(tmp_path, indikatorvarden=values)) == [("indikatorvarden.csv", 2, column, value)]


@pytest.mark.parametrize("share", ["-5", "100,5", "150 %"])
def test_andel_klar_outside_0_to_100_is_an_error(tmp_path, share):
    activities = MINIMAL["aktiviteter.csv"].replace(";Pågår;50;", f";Pågår;{share};")
    assert _errors(write_project(tmp_path, aktiviteter=activities)) == [("aktiviteter.csv", 2, "Andel klar", share)]


@pytest.mark.parametrize("share", ["0", "100"])
def test_andel_klar_of_0_and_100_is_accepted(tmp_path, share):
    activities = MINIMAL["aktiviteter.csv"].replace(";Pågår;50;", f";Pågår;{share};")
    assert projects.load(write_project(tmp_path, aktiviteter=activities)).problems == []


def test_a_maxandel_above_100_is_an_error(tmp_path):
    financing = MINIMAL["finansiering.csv"].replace("Regional;50;", "Regional;150;", 1)
    assert _errors(write_project(tmp_path, finansiering=financing)) == [("finansiering.csv", 2, "Maxandel", "150")]


def test_a_zero_budget_gives_no_upparbetningsgrad_rather_than_0(tmp_path):
    budget = "Kostnadsslag;År;Belopp\nPersonal;2025;0\nKöpta tjänster;2025;0\n"
    totals = projects.load(write_project(tmp_path, budget=budget)).frame("project_totals")
    value = totals.upparbetningsgrad_andel[0]
    assert value is None or math.isnan(value)


# dates


@pytest.mark.parametrize("written", ["0025-03-31", "1899-12-31", "22010331", "9999-12-31"])
def test_a_date_outside_1900_to_2200_is_an_unreadable_date(tmp_path, written):
    ledger = MINIMAL["utfall.csv"].replace("2025-03-31", written)
    found = projects.load(write_project(tmp_path, utfall=ledger)).problems
    assert [(p.fil, p.rad, p.kolumn, p.varde, "år 1900–2200" in p.forvantat) for p in found] == [
        ("utfall.csv", 2, "Datum", written, True)
    ]


@pytest.mark.parametrize("written", ["1900-01-01", "2200-12-31"])
def test_the_first_and_last_dates_of_the_range_are_read(tmp_path, written):
    values = MINIMAL["indikatorvarden.csv"].replace("2025-06-30", written)
    loaded = projects.load(write_project(tmp_path, indikatorvarden=values))
    assert str(loaded.rows("indikatorvarden").datum[0])[:10] == written


# counted indicators follow the plan (contract §5, "Counted indicators")

MEETING = "{date};Arbetsmöte {n};Arbetsmöte;Tjänstepersoner;Digitalt;3;2;0;4;A1\n"


def _planned(*dates: str) -> str:
    return MINIMAL["motesplatser.csv"] + "".join(MEETING.format(date=d, n=i) for i, d in enumerate(dates, 2))


def test_without_planned_rows_expected_is_the_elapsed_share_of_the_period(tmp_path):
    # 2025-02-01 → R 2025-12-31 is 333 days of the 698 to Måldatum 2026-12-31
    assert _indicator(write_project(tmp_path), "I2").forvantat == pytest.approx(333 / 698)


def test_rows_after_the_report_date_are_the_plan(tmp_path):
    # 1 held by R, 3 planned in 2026, target 4: expected (4 − 3 − 0) / (4 − 0) = 0,25
    folder = write_project(tmp_path, motesplatser=_planned("2026-02-01", "2026-05-01", "2026-09-01"))
    assert _indicator(folder, "I2").forvantat == pytest.approx(0.25)


def test_held_as_planned_is_i_fas(tmp_path):
    # progress 1 / 4 = 0,25 ≥ 0,9 × 0,25; by elapsed time (0,477) it would have been Efter
    folder = write_project(tmp_path, motesplatser=_planned("2026-02-01", "2026-05-01", "2026-09-01"))
    assert _indicator(folder, "I2").status == "I fas"


def test_a_row_after_maldatum_is_not_part_of_the_plan(tmp_path):
    # only 2026-09-01 is planned before Måldatum 2026-12-31: expected (4 − 1 − 0) / 4 = 0,75
    folder = write_project(tmp_path, motesplatser=_planned("2026-09-01", "2027-01-15"))
    assert _indicator(folder, "I2").forvantat == pytest.approx(0.75)


def test_more_planned_rows_than_the_target_give_expected_0(tmp_path):
    # (4 − 5 − 0) / 4 = −0,25, capped to 0
    folder = write_project(tmp_path, motesplatser=_planned(*[f"2026-0{m}-01" for m in range(1, 6)]))
    assert _indicator(folder, "I2").forvantat == 0


def test_bergslagets_board_meetings_expect_four_of_five_by_the_report_date(bergslaget_project):
    # Styrelsemöte rows: four up to R 2023-11-30, the fifth on 2023-12-07 ≤ Måldatum 2023-12-31;
    # target 5, baseline 0: expected (5 − 1 − 0) / (5 − 0) = 0,8
    found = bergslaget_project.frame("indicators").set_index("id").loc["I2"]
    assert (found.senaste_varde, found.progress, found.forvantat) == pytest.approx((4, 0.8, 0.8))


def test_bergslagets_board_meetings_are_i_fas(bergslaget_project):
    # progress 4 / 5 = 0,8 ≥ 0,9 × 0,8 = 0,72
    assert bergslaget_project.frame("indicators").set_index("id").loc["I2"].status == "I fas"


# a link's report date (dashboard.py)


def _linked(rapportdatum: str, lang: str = "sv"):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(DATA))
        at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
        at.query_params.update({"projekt": "bergslaget-2023", "rapportdatum": rapportdatum, "lang": lang})
        at.run()
    return at


@pytest.fixture(scope="module")
def linked_after_the_period():
    return _linked("2025-06-30")


def test_a_linked_report_date_after_the_period_is_moved_to_its_last_day(linked_after_the_period):
    # Bergslaget runs 2023-01-01 – 2023-12-31
    assert linked_after_the_period.date_input(key="rapportdatum_bergslaget-2023").value == dt.date(2023, 12, 31)


def test_a_moved_linked_report_date_is_told_in_the_sidebar(linked_after_the_period):
    assert [w.value for w in linked_after_the_period.sidebar.warning] == [
        "Rapportdatumet 2025-06-30 i länken ligger utanför projektperioden 2023-01-01 – 2023-12-31. "
        "Siffrorna visas per 2023-12-31."
    ]


def test_a_linked_report_date_before_the_period_is_moved_to_its_first_day():
    at = _linked("1999-01-01", "en")
    assert (at.date_input(key="rapportdatum_bergslaget-2023").value, [w.value for w in at.sidebar.warning]) == (
        dt.date(2023, 1, 1),
        [
            "The report date 1999-01-01 in the link is outside the project period 2023-01-01 – 2023-12-31. "
            "Figures are shown as of 2023-01-01."
        ],
    )


def test_a_linked_report_date_inside_the_period_is_kept_without_a_notice():
    at = _linked("2023-06-30")
    assert (at.date_input(key="rapportdatum_bergslaget-2023").value, len(at.sidebar.warning)) == (
        dt.date(2023, 6, 30),
        0,
    )


# rows with an error are left out of the figures (contract §7)

STRACKET_SPENT = 2_755_254.55  # upparbetat of data/stracket as it is (its reference figure)


def _spent(folder) -> float:
    return float(projects.load(folder).frame("project_totals").upparbetat_kr.iloc[0])


def test_a_ledger_row_dated_outside_the_period_is_reported_and_left_out_of_the_costs(tmp_path):
    ledger = (DATA / "stracket" / "utfall.csv").read_bytes() + b"2011-01-07;5810;Z1;utanf\xf6r;1000000,00\r\n"
    folder = write_project(tmp_path, DATA / "stracket", utfall=ledger)
    assert (_errors(folder)[0][:3], round(_spent(folder), 2)) == (("utfall.csv", 288, "Datum"), STRACKET_SPENT)


def test_a_ledger_row_on_an_account_no_category_covers_is_left_out_of_the_costs(tmp_path):
    ledger = (DATA / "stracket" / "utfall.csv").read_bytes() + b"2025-05-07;3999;Z3;ok\xe4nt konto;1000000,00\r\n"
    folder = write_project(tmp_path, DATA / "stracket", utfall=ledger)
    assert round(_spent(folder), 2) == STRACKET_SPENT


def test_a_meeting_place_with_a_negative_count_is_left_out_of_the_attendance(tmp_path):
    # row 2 of motesplatser.csv has 4 women and 4 men: with Kvinnor -40 the row goes, 157 − 4 women remain
    source = (DATA / "stracket" / "motesplatser.csv").read_text(encoding="utf-8-sig").splitlines()
    fields = source[1].split(";")
    fields[5] = "-40"
    source[1] = ";".join(fields)
    folder = write_project(tmp_path, DATA / "stracket", motesplatser="\n".join(source) + "\n")
    totals = projects.load(folder).frame("meeting_totals").iloc[0]
    assert (int(totals.antal), int(totals.kvinnor), int(totals.man)) == (24, 153, 193)


def test_every_row_with_an_unreadable_amount_is_left_out_not_only_the_50_listed(tmp_path):
    # MINIMAL's ledger is 40 000,00 + 12 500,50; sixty rows more of 'tolv' kronor add nothing
    ledger = MINIMAL["utfall.csv"] + "".join(f"2025-06-30;6550;;V{i};Konsult;tolv\n" for i in range(60))
    folder = write_project(tmp_path, utfall=ledger)
    rows = projects.load(folder).rows("utfall")
    assert (len(rows), round(_spent(folder), 2)) == (2, 52_500.50)
