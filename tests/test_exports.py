"""Safe downloads: text never runs as a formula, numbers and dates keep their types."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import numpy as np
import openpyxl
import pandas as pd
import pytest

from lagesbild.exports import excel_bytes, meeting_tables, neutralise, sheet_names

HYPERLINK = '=HYPERLINK("http://x","y")'

SHEETS = [
    "Översikt nyckeltal",
    "Kostnadsslag",
    "Kostnadsslag per år",
    "Månader",
    "Finansiärer",
    "Indikatorer",
    "Aktiviteter",
    "Påverkansarbete",
    "Mötesplatser",
    "Risker",
    "Beslut",
]


def hostile_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Text": [HYPERLINK, "Vanlig text"],
            "Belopp (kr)": [1250.5, -1800000.0],
            "Datum": [dt.date(2026, 10, 31), dt.date(2026, 9, 24)],
        }
    )


def read_sheet(data: bytes, name: str):
    return openpyxl.load_workbook(io.BytesIO(data))[name]


@pytest.fixture(scope="module")
def meeting_workbook(stracket_project) -> openpyxl.Workbook:
    tables = meeting_tables(stracket_project, stracket_project.rapportdatum)
    return openpyxl.load_workbook(io.BytesIO(excel_bytes(tables)))


@pytest.mark.parametrize(
    "prefix", ["=", "+", "-", "@", "\t", "\r"], ids=["equals", "plus", "minus", "at", "tab", "carriage-return"]
)
def test_a_text_starting_with_a_formula_character_gets_a_leading_apostrophe(prefix):
    assert neutralise(f"{prefix}1+1") == f"'{prefix}1+1"


def test_a_text_without_a_formula_character_first_is_unchanged():
    assert neutralise("Region Örebro län = 1:1-medel") == "Region Örebro län = 1:1-medel"


def test_a_numpy_string_is_neutralised_like_any_text():
    assert neutralise(np.str_("=SUM(A1)")) == "'=SUM(A1)"


@pytest.mark.parametrize(
    "number",
    [-1250, -1250.5, Decimal("-1250.00"), np.int64(-7), np.float64(-0.5)],
    ids=["int", "float", "decimal", "numpy-int", "numpy-float"],
)
def test_a_negative_number_stays_the_same_number(number):
    result = neutralise(number)
    assert result == number and type(result) is type(number)


def test_a_date_stays_a_date():
    assert neutralise(dt.date(2026, 10, 31)) == dt.date(2026, 10, 31)


def test_excel_keeps_a_formula_in_a_text_column_as_neutralised_text():
    sheet = read_sheet(excel_bytes({"Test": hostile_frame()}), "Test")
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("'" + HYPERLINK, "s")


def test_excel_writes_an_amount_as_a_number_equal_to_the_source():
    sheet = read_sheet(excel_bytes({"Test": hostile_frame()}), "Test")
    assert sheet["B2"].value == 1250.5


def test_excel_formats_a_kronor_column_with_thousands_grouping():
    sheet = read_sheet(excel_bytes({"Test": hostile_frame()}), "Test")
    assert sheet["B3"].number_format == "#,##0"


def test_excel_writes_a_date_as_a_date():
    sheet = read_sheet(excel_bytes({"Test": hostile_frame()}), "Test")
    assert sheet["C2"].is_date and sheet["C2"].value.date() == dt.date(2026, 10, 31)


def test_excel_header_row_is_bold():
    sheet = read_sheet(excel_bytes({"Test": hostile_frame()}), "Test")
    assert all(cell.font.bold for cell in sheet[1])


def test_excel_sets_a_width_for_every_column():
    sheet = read_sheet(excel_bytes({"Test": hostile_frame()}), "Test")
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABC")


def test_sheet_names_are_short_unique_and_free_of_forbidden_characters():
    names = sheet_names(["Budget [kr]: 2026/2027 *utkast*?", "Budget [kr]: 2026/2027 *utkast*?", "a\\b"])
    assert names == ["Budget -kr-- 2026-2027 -utkast-", "Budget -kr-- 2026-2027 -utk (2)", "a-b"]


def test_meeting_workbook_has_one_sheet_per_table_of_the_meeting(meeting_workbook):
    assert meeting_workbook.sheetnames == SHEETS


def test_financiers_sheet_holds_region_orebro_lan_commitment_as_a_number(meeting_workbook):
    sheet = meeting_workbook["Finansiärer"]
    headers = [cell.value for cell in sheet[1]]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Region Örebro län 1:1-medel"][headers.index("Åtagande (kr)")] == 1800000


def test_key_figures_sheet_holds_the_budget_of_5_910_000_kronor(meeting_workbook):
    rows = {row[0]: row for row in meeting_workbook["Översikt nyckeltal"].iter_rows(min_row=2, values_only=True)}
    assert rows["Budget"][1] == 5910000


def test_activities_sheet_shows_two_delayed_activities(meeting_workbook):
    sheet = meeting_workbook["Aktiviteter"]
    status = [cell.value for cell in sheet[1]].index("Status")
    assert [row[status] for row in sheet.iter_rows(min_row=2, values_only=True)].count("Försenad") == 2


def test_meeting_places_sheet_totals_157_women_and_197_men(meeting_workbook):
    total = [row for row in meeting_workbook["Mötesplatser"].iter_rows(min_row=2, values_only=True)][-1]
    assert (total[0], total[2], total[3]) == ("Totalt", 157, 197)


def test_key_figures_sheet_gives_the_deviation_as_11_68_percent_below_plan(meeting_workbook):
    rows = {row[0]: row for row in meeting_workbook["Översikt nyckeltal"].iter_rows(min_row=2, values_only=True)}
    # avvikelse / plan till datum = −364 412,11 / 3 119 666,67 = −0,11681
    assert rows["Avvikelse mot plan"][3] == pytest.approx(-364_412.11 / 3_119_666.67 * 100, abs=1e-3)


def test_key_figures_sheet_gives_the_forecast_as_94_98_percent_of_the_budget(meeting_workbook):
    rows = {row[0]: row for row in meeting_workbook["Översikt nyckeltal"].iter_rows(min_row=2, values_only=True)}
    # prognos / budget = 5 613 504,73 / 5 910 000 = 0,94983
    assert rows["Prognos vid projektslut"][3] == pytest.approx(5_613_504.73 / 5_910_000 * 100, abs=1e-3)


def test_key_figures_sheet_gives_the_spent_share_of_46_62_percent(meeting_workbook):
    rows = {row[0]: row for row in meeting_workbook["Översikt nyckeltal"].iter_rows(min_row=2, values_only=True)}
    # upparbetat / budget = 2 755 254,55 / 5 910 000 = 0,46620
    assert rows["Upparbetat"][3] == pytest.approx(2_755_254.55 / 5_910_000 * 100, abs=1e-3)


def test_categories_sheet_ends_with_the_budget_total_of_5_910_000_kronor(meeting_workbook):
    sheet = meeting_workbook["Kostnadsslag"]
    headers = [cell.value for cell in sheet[1]]
    total = list(sheet.iter_rows(min_row=2, values_only=True))[-1]
    assert (total[0], total[headers.index("Budget (kr)")]) == ("Totalt", 5910000)


def test_categories_sheet_gives_the_total_spent_share_of_46_62_percent_from_the_query(meeting_workbook):
    sheet = meeting_workbook["Kostnadsslag"]
    headers = [cell.value for cell in sheet[1]]
    total = list(sheet.iter_rows(min_row=2, values_only=True))[-1]
    # upparbetat / budget = 2 755 254,55 / 5 910 000 = 0,46620
    assert total[headers.index("Andel (%)")] == pytest.approx(2_755_254.55 / 5_910_000 * 100, abs=1e-3)


def test_financiers_sheet_gives_region_orebro_lan_30_46_percent_of_the_financing(meeting_workbook):
    sheet = meeting_workbook["Finansiärer"]
    headers = [cell.value for cell in sheet[1]]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    # 1 800 000 / 5 910 000 = 0,30457
    share = rows["Region Örebro län 1:1-medel"][headers.index("Andel av finansieringen (%)")]
    assert share == pytest.approx(1_800_000 / 5_910_000 * 100, abs=1e-3)
