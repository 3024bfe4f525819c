"""Ledgers as finance systems write them (contract §3b): each read as it came, with notes of what is left out."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from support import FIXTURES, MINIMAL, REPO, open_page, plain, write_project, xlsx_of

from lagesbild import access, project, uploads

SIE_FILE = FIXTURES / "sie" / "transaktioner_ovnbolag.se"

# The minimal project's own figures: Personal 40 000,00 (2025-03-31) and Köpta tjänster 12 500,50 (2025-06-30).
MINIMAL_SPENT = Decimal("52500.50")


def spent(loaded: project.Project) -> Decimal:
    return Decimal(str(loaded.frame("project_totals").upparbetat_kr.iloc[0])).quantize(Decimal("0.01"))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lagesbild", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


# -- a region's open-data supplier invoices: UTF-8, ;, dot decimals, CR alone between lines ---------------

SUPPLIER_INVOICES = (
    "bokforingsdatum;leverantor;nettobelopp;konto_nr\r"
    "2025-03-31;Konsult AB;12500.50;6550\r"
    "2025-06-30;Byrå HB;40000.00;6550\r"
)
SUPPLIER_TOML = MINIMAL["projekt.toml"]


@pytest.fixture
def supplier_invoices(tmp_path):
    return write_project(tmp_path, utfall=SUPPLIER_INVOICES)


def test_a_ledger_with_cr_alone_between_lines_validates_without_errors(supplier_invoices):
    assert project.load(supplier_invoices).errors == []


def test_a_ledger_with_cr_alone_between_lines_gives_its_sum(supplier_invoices):
    assert spent(project.load(supplier_invoices)) == Decimal("12500.50") + Decimal("40000.00")


def test_validate_prints_no_traceback_for_a_ledger_with_cr_alone(supplier_invoices):
    result = run_cli("validate", str(supplier_invoices))
    assert (result.returncode, "Traceback" in result.stderr) == (0, False)


def test_a_row_appended_with_another_line_ending_is_read(tmp_path):
    mixed = MINIMAL["utfall.csv"].replace("\n", "\r\n") + "2025-07-31;;Personal;V3;Lön juli;1000,00\n"
    loaded = project.load(write_project(tmp_path, utfall=mixed))
    assert (loaded.errors, spent(loaded)) == ([], MINIMAL_SPENT + 1000)


# -- Fortnox "Verifikationslista" saved as CSV: a title line, Debet/Kredit, every account of each voucher ------

FORTNOX = """\
Verifikationslista Testprojekt 2025-01-01 – 2025-12-31;;;;;
Ver.nr;Bokföringsdatum;Konto;Benämning;Debet;Kredit
A1;2025-03-31;7010;Lön mars;40000,00;
A1;2025-03-31;2710;Personalskatt;;12000,00
A1;2025-03-31;1930;Företagskonto;;28000,00
A2;2025-06-30;6550;Konsult juni;12500,50;
A2;2025-06-30;2640;Ingående moms;3125,13;
A2;2025-06-30;2440;Leverantörsskulder;;15625,63
"""
FORTNOX_KONTON = "Konto;Kostnadsslag\n7000-7699;Personal\n6000-6999;Köpta tjänster\n"


@pytest.fixture
def fortnox(tmp_path):
    return project.load(write_project(tmp_path, utfall=FORTNOX, konton=FORTNOX_KONTON))


def test_a_header_below_a_title_line_is_found(fortnox):
    assert fortnox.errors == []


def test_a_debet_kredit_ledger_counts_only_its_cost_accounts(fortnox):
    # 7010: 40 000,00 debet; 6550: 12 500,50 debet. 2710, 1930, 2640 and 2440 are balance accounts.
    assert spent(fortnox) == Decimal("40000.00") + Decimal("12500.50")


def test_the_balance_accounts_left_out_are_one_note_with_count_and_sum(fortnox):
    # 2710 −12 000, 1930 −28 000, 2640 +3 125,13, 2440 −15 625,63: 4 rows summing to −52 500,50 → −52 501 kr.
    assert [n.forvantat for n in fortnox.notes] == [
        "4 rader på konton som inte är kostnadskonton (4000–7999) räknas inte – balanskonton, intäkter och "
        "finansiella poster (summa −52 501 kr)"
    ]


def test_rows_below_a_title_line_keep_the_files_own_row_numbers(tmp_path):
    broken = FORTNOX.replace("A2;2025-06-30;6550;Konsult juni;12500,50;", "A2;2025-06-31;6550;Konsult juni;12500,50;")
    loaded = project.load(write_project(tmp_path, utfall=broken, konton=FORTNOX_KONTON))
    assert [(p.fil, p.rad, p.kolumn, p.varde) for p in loaded.errors] == [("utfall.csv", 6, "Datum", "2025-06-31")]


def test_a_missing_column_names_the_row_searched_when_no_title_block_holds_it(tmp_path):
    loaded = project.load(write_project(tmp_path, utfall="Titel\nVer.nr;Konto;Debet\nA1;7010;5\n"))
    assert [(p.rad, p.kolumn) for p in loaded.errors] == [(2, "Datum")]


def test_an_excel_export_with_title_rows_and_a_merged_title_is_read(tmp_path):
    rows = [
        ["Huvudbok 2025", None, None, None],
        [None, None, None, None],
        ["Datum", "Konto", "Debet", "Kredit"],
        ["2025-03-31", 7010, 40000, None],
        ["2025-03-31", 1930, None, 40000],
    ]
    loaded = project.load(
        write_project(tmp_path, utfall=None, konton=FORTNOX_KONTON, utfall_xlsx=xlsx_of(rows, merged=("A1:D1",)))
    )
    assert (loaded.errors, spent(loaded), len(loaded.notes)) == ([], Decimal("40000.00"), 1)


# -- the project's object in another organisation's whole ledger -------------------------------------------

WHOLE_LEDGER = """\
Datum;Konto;Projekt;Text;Belopp
2025-03-31;7010;115;Lön mars;40000,00
2025-03-31;7010;200;Lön mars, annat projekt;35000,00
2025-06-30;6550;115;Konsult juni;12500,50
2025-06-30;6550;;Konsult utan projekt;999,00
"""


@pytest.fixture
def whole_ledger(tmp_path):
    toml = MINIMAL["projekt.toml"] + '\n[bokforing]\nobjekt = "115"\nobjektkolumn = "Projekt"\n'
    return project.load(write_project(tmp_path, utfall=WHOLE_LEDGER, konton=FORTNOX_KONTON, projekt=toml))


def test_only_the_projects_object_counts_in_a_whole_ledger(whole_ledger):
    assert (whole_ledger.errors, spent(whole_ledger)) == ([], Decimal("40000.00") + Decimal("12500.50"))


def test_the_other_objects_are_one_note_with_count_and_sum(whole_ledger):
    # 35 000,00 (object 200) and 999,00 (no object): 2 rows, 35 999 kr.
    assert [n.forvantat for n in whole_ledger.notes] == [
        "2 rader på andra objekt än 115 räknas inte till projektet (summa 35 999 kr)"
    ]


def test_validate_prints_the_notes(tmp_path):
    toml = MINIMAL["projekt.toml"] + '\n[bokforing]\nobjekt = "115"\nobjektkolumn = "Projekt"\n'
    folder = write_project(tmp_path, utfall=WHOLE_LEDGER, konton=FORTNOX_KONTON, projekt=toml)
    printed = run_cli("validate", str(folder)).stdout
    assert "Notering: utfall.csv, kolumn Objekt: 2 rader på andra objekt än 115" in printed


# -- account plan presets ---------------------------------------------------------------------------------

BAS_BUDGET = (
    "Kostnadsslag;År;Belopp\nEgen personal;2025;100000\nExterna tjänster;2025;50000\n"
    "Egen personal;2026;100000\nExterna tjänster;2026;50000\n"
)
PLAIN_LEDGER = "Datum;Konto;Belopp\n2025-03-31;7010;40000,00\n2025-06-30;6550;12500,50\n2025-06-30;5010;300,00\n"


def test_the_bas_preset_classifies_accounts_without_konton_csv(tmp_path):
    toml = MINIMAL["projekt.toml"] + '\n[bokforing]\nkontoplan = "BAS"\n'
    folder = write_project(tmp_path, projekt=toml, konton=None, budget=BAS_BUDGET, utfall=PLAIN_LEDGER)
    categories = project.load(folder).frame("costs_by_category").set_index("kostnadsslag").upparbetat_kr
    assert (categories["Egen personal"], categories["Externa tjänster"]) == (40000.0, 12500.5)


def test_an_account_the_preset_maps_to_a_category_outside_the_budget_is_an_error(tmp_path):
    # 5010 (lokalhyra) is Övriga kostnader in BAS, which this budget does not have.
    toml = MINIMAL["projekt.toml"] + '\n[bokforing]\nkontoplan = "BAS"\n'
    folder = write_project(tmp_path, projekt=toml, konton=None, budget=BAS_BUDGET, utfall=PLAIN_LEDGER)
    assert [
        (p.rad, p.varde, "hör till Övriga kostnader, som budgeten saknar" in p.forvantat)
        for p in project.load(folder).errors
    ] == [(4, "5010", True)]


def test_konton_csv_wins_over_the_preset_where_it_covers_an_account(tmp_path):
    toml = MINIMAL["projekt.toml"] + '\n[bokforing]\nkontoplan = "BAS"\n'
    folder = write_project(
        tmp_path,
        projekt=toml,
        konton="Konto;Kostnadsslag\n5010;Externa tjänster\n",
        budget=BAS_BUDGET,
        utfall=PLAIN_LEDGER,
    )
    categories = project.load(folder).frame("costs_by_category").set_index("kostnadsslag").upparbetat_kr
    assert categories["Externa tjänster"] == 12500.5 + 300.0


def test_kommun_bas_counts_class_5_as_staff(tmp_path):
    toml = MINIMAL["projekt.toml"] + '\n[bokforing]\nkontoplan = "Kommun-BAS"\n'
    budget = (
        "Kostnadsslag;År;Belopp\nEgen personal;2025;100000\nÖvriga kostnader;2025;50000\n"
        "Egen personal;2026;100000\nÖvriga kostnader;2026;50000\n"
    )
    ledger = "Datum;Konto;Belopp\n2025-03-31;5011;40000,00\n2025-06-30;7010;12500,50\n"
    folder = write_project(tmp_path, projekt=toml, konton=None, budget=budget, utfall=ledger)
    categories = project.load(folder).frame("costs_by_category").set_index("kostnadsslag").upparbetat_kr
    assert (categories["Egen personal"], categories["Övriga kostnader"]) == (40000.0, 12500.5)


# -- SIE 4 --------------------------------------------------------------------------------------------------

SIE_TOML = """\
namn = "Ugnsbolaget"
start = 2011-01-01
slut = 2011-12-31
rapportdatum = {rapportdatum}
"""
SIE_KONTON = "Konto;Kostnadsslag\n4000-4999;Varor\n5000-6999;Övriga kostnader\n7000-7999;Personal\n"
SIE_BUDGET = "Kostnadsslag;År;Belopp\nVaror;2011;100000\nÖvriga kostnader;2011;200000\nPersonal;2011;700000\n"


def sie_project(tmp_path: Path, rapportdatum: str = "2011-12-31", extra: str = "", name: str = "utfall.se") -> Path:
    folder = write_project(
        tmp_path,
        utfall=None,
        inbetalningar=None,
        konton=SIE_KONTON,
        budget=SIE_BUDGET,
        finansiering="Finansiär;År;Belopp\nBolaget;2011;1000000\n",
        projekt=SIE_TOML.format(rapportdatum=rapportdatum) + extra,
    )
    shutil.copy(SIE_FILE, folder / name)
    return folder


def independent_rows() -> list[tuple[str, int, Decimal, str]]:
    """(date, account, amount, objects) of every counted #TRANS, by plain line filtering of the file.

    The file has no #RTRANS or #BTRANS; a #TRANS' date is its own when written, else its #VER's.
    """
    rows, voucher_date = [], ""
    for line in SIE_FILE.read_bytes().decode("cp437").splitlines():
        words = line.split()
        if words[:1] == ["#VER"]:
            voucher_date = words[3]
        elif words[:1] == ["#TRANS"]:
            match = re.match(r"\s*#TRANS\s+(\d+)\s+(\{[^}]*\})\s+(-?[\d.]+)\s*(\d{8})?", line)
            assert match, line
            rows.append((match[4] or voucher_date, int(match[1]), Decimal(match[3]), match[2]))
    return rows


def cost_sum(until: str) -> Decimal:
    return sum(
        (amount for date, account, amount, _ in independent_rows() if 4000 <= account <= 7999 and date <= until),
        Decimal(0),
    )


def test_the_real_sie_file_validates_without_errors(tmp_path):
    assert project.load(sie_project(tmp_path)).errors == []


def test_the_real_sie_file_gives_the_sum_of_its_cost_account_rows(tmp_path):
    assert spent(project.load(sie_project(tmp_path))) == cost_sum("20111231")


def test_the_real_sie_file_counts_rows_up_to_rapportdatum_only(tmp_path):
    assert spent(project.load(sie_project(tmp_path, "2011-06-30"))) == cost_sum("20110630")


def test_an_sie_file_is_recognised_by_its_content_whatever_its_name(tmp_path):
    folder = sie_project(tmp_path, name="utfall.txt")
    (folder / "utfall.txt").rename(folder / "utfall.csv")
    assert spent(project.load(folder)) == cost_sum("20111231")


def test_an_sie_files_project_object_gives_only_that_objects_rows(tmp_path):
    loaded = project.load(sie_project(tmp_path, extra='\n[bokforing]\nobjekt = "0001"\n'))
    expected = sum(
        (
            amount
            for _, account, amount, objects in independent_rows()
            if 4000 <= account <= 7999 and '"6" "0001"' in objects
        ),
        Decimal(0),
    )
    assert (loaded.errors, spent(loaded)) == ([], expected)


def test_an_sie_files_account_names_are_kept_for_the_pages(tmp_path):
    names = dict(project.load(sie_project(tmp_path)).con.execute("select konto, namn from kontonamn").fetchall())
    assert names["1010"] == "Balanserade utgifter"


def test_an_sie_problem_names_the_file_as_it_is_in_the_folder(tmp_path):
    folder = sie_project(tmp_path, "2011-06-30")
    (folder / "projekt.toml").write_text(
        SIE_TOML.format(rapportdatum="2011-06-30").replace("start = 2011-01-01", "start = 2011-02-01"), encoding="utf-8"
    )
    problems = project.load(folder).errors
    assert {p.fil for p in problems} == {"utfall.se"}


def test_summary_of_the_real_sie_file_prints_its_cost_sum(tmp_path):
    result = run_cli("summary", str(sie_project(tmp_path)), "--json")
    spent_json = Decimal(str(json.loads(result.stdout)["upparbetat"])).quantize(Decimal("0.01"))
    assert (result.returncode, spent_json) == (0, cost_sum("20111231"))


# -- bad bytes and file names -------------------------------------------------------------------------------


def test_one_windows_1252_row_in_a_utf8_file_is_an_error_naming_that_row(tmp_path):
    data = MINIMAL["utfall.csv"].encode("utf-8") + "2025-07-31;;Personal;V3;Lön juli;1000,00\n".encode("cp1252")
    problems = project.load(write_project(tmp_path, utfall=data)).errors
    assert [(p.fil, p.rad) for p in problems] == [("utfall.csv", 4)]


def test_a_folder_name_with_glob_characters_reads_its_own_files(tmp_path):
    own = write_project(tmp_path / "p[1]", name="projekt")
    write_project(tmp_path / "p1", name="projekt", utfall="Datum;Kostnadsslag;Belopp\n2025-03-31;Personal;999999\n")
    assert spent(project.load(own)) == MINIMAL_SPENT


def test_a_long_quoted_cell_with_line_breaks_is_read(tmp_path):
    long_text = '"' + "rad\n" * 50_000 + '"'
    ledger = MINIMAL["utfall.csv"] + f"2025-07-31;;Personal;V3;{long_text};1000,00\n"
    loaded = project.load(write_project(tmp_path, utfall=ledger))
    assert (loaded.errors, spent(loaded)) == ([], MINIMAL_SPENT + 1000)


def test_a_cell_longer_than_the_limit_is_named_as_too_long(tmp_path):
    ledger = MINIMAL["utfall.csv"] + f"2025-07-31;;Personal;V3;{'x' * 2_100_000};1000,00\n"
    problems = project.load(write_project(tmp_path, utfall=ledger)).errors
    assert [(p.rad, "högst 2 miljoner tecken" in p.forvantat) for p in problems] == [(4, True)]


# -- the upload preview and the data-quality page -------------------------------------------------------------


def test_an_uploaded_sie_file_is_recognised_by_its_content_and_stored_as_utfall_se(tmp_path):
    folder = sie_project(tmp_path)
    checked = uploads.preview(folder, project.load(folder), [("huvudbok.csv", SIE_FILE.read_bytes())], access.LOCAL)
    assert (checked.recognised, checked.errors) == ({"huvudbok.csv": "utfall.se"}, [])


def test_an_uploaded_ledger_with_a_title_line_is_recognised_by_its_header(tmp_path):
    folder = write_project(tmp_path, konton=FORTNOX_KONTON)
    checked = uploads.preview(folder, project.load(folder), [("export.csv", FORTNOX.encode())], access.LOCAL)
    assert (checked.recognised, checked.errors) == ({"export.csv": "utfall.csv"}, [])


def test_the_upload_preview_carries_the_notes_of_the_new_ledger(tmp_path):
    folder = write_project(tmp_path, konton=FORTNOX_KONTON)
    checked = uploads.preview(folder, project.load(folder), [("utfall.csv", FORTNOX.encode())], access.LOCAL)
    assert [n.kolumn for n in checked.notes] == ["Konto"]


def test_the_data_quality_page_lists_the_notes(tmp_path):
    write_project(tmp_path, utfall=FORTNOX, konton=FORTNOX_KONTON)
    at = open_page(tmp_path, "datakvalitet")
    shown = [plain(v) for frame in at.dataframe for v in frame.value.astype(str).to_numpy().ravel()]
    assert any("4 rader på konton som inte är kostnadskonton" in v for v in shown)


def test_a_single_bad_byte_far_down_a_utf8_file_is_refused_at_its_row_not_read_garbled(tmp_path):
    rows = "".join(f"2025-04-{1 + n % 28:02d};;Personal;V{n};Lön – del {n};10,00\n" for n in range(2, 5000))
    data = ("Datum;Konto;Kostnadsslag;Verifikation;Text;Belopp\n" + rows).encode("utf-8")
    data += b"2025-05-02;;Personal;V5000;L\xf6n maj;10,00\n"  # row 5000, written as Windows-1252
    problems = project.load(write_project(tmp_path, utfall=data)).errors
    assert [(p.fil, p.rad, "UTF-8" in p.forvantat) for p in problems] == [("utfall.csv", 5000, True)]


def test_the_upload_page_lists_the_notes_of_an_uploaded_ledger(tmp_path):
    write_project(tmp_path, konton=FORTNOX_KONTON)
    at = open_page(tmp_path, "uppdatera")
    at.file_uploader(key="uppdatera_files").set_value(("verifikationslista.csv", FORTNOX.encode(), "text/csv"))
    at.run()
    shown = [plain(v) for frame in at.dataframe for v in frame.value.astype(str).to_numpy().ravel()]
    assert any("4 rader på konton som inte är kostnadskonton" in v for v in shown)
