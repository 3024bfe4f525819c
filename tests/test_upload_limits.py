"""Bounds of one upload: a zip's members and total, an Excel sheet's rows, columns, cells and XML.

Each refusal is a Swedish problem naming the file and the limit; nothing is published and the
project's files stay byte-identical. The worst uploads are read in a process of their own to
measure peak memory (ru_maxrss).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import (
    MINIMAL,
    REPO,
    patch_zip_member,
    tree_digests,
    write_project,
    xlsx_bomb,
    xlsx_of,
    zip_bomb,
    zip_of,
    zip_with_entries,
)

from lagesbild import access, cli, uploads, xlsx
from lagesbild import project as projects

MEASURE = Path(__file__).resolve().parent / "measure_upload.py"
LEDGER_HEADER = ["Datum", "Konto", "Kostnadsslag", "Verifikation", "Text", "Belopp"]
# MINIMAL's two ledger rows: 40 000,00 kr of Personal in March and 12 500,50 kr on account 6550 in June.
LEDGER_ROWS = [
    ["2025-03-31", None, "Personal", "V1", "Lön mars", 40000],
    ["2025-06-30", "6550", None, "V2", "Konsult juni", 12500.5],
]


def sheet(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "utfall.xlsx"
    path.write_bytes(data)
    return xlsx.sheet_as_csv(path)


def refused(folder: Path, uploads_: list[tuple[str, bytes]]) -> list:
    """The errors a preview of the uploads gives; asserts that accepting it is refused and changes nothing."""
    before = tree_digests(folder)
    checked = uploads.preview(folder, projects.load(folder), uploads_, access.LOCAL)
    with pytest.raises(uploads.publishing.PublishError):
        uploads.accept(folder, checked, access.LOCAL)
    assert tree_digests(folder) == before
    return checked.errors


# --------------------------------------------------------------------------- Excel: width and what is read


def test_a_sheet_claiming_a1_to_xfd1000_is_as_wide_as_its_cells(tmp_path):
    text = sheet(tmp_path, xlsx_of([LEDGER_HEADER, *LEDGER_ROWS], dimension="A1:XFD1000"))
    # Three rows of six columns, not 1000 rows of 16 384: five semicolons a line.
    assert [line.count(";") for line in text.splitlines()] == [5, 5, 5]


def test_a_sheet_claiming_a1_to_xfd1000_reads_its_figures(tmp_path):
    text = sheet(tmp_path, xlsx_of([LEDGER_HEADER, *LEDGER_ROWS], dimension="A1:XFD1000"))
    assert text.splitlines()[2] == "2025-06-30;6550;;V2;Konsult juni;12500.5"


def test_a_sheet_whose_dimension_starts_at_c3_still_reads_columns_a_and_b(tmp_path):
    text = sheet(tmp_path, xlsx_of([LEDGER_HEADER, *LEDGER_ROWS], dimension="C3:F3"))
    assert text.splitlines()[0] == ";".join(LEDGER_HEADER)


def test_the_first_visible_sheet_is_read_not_a_hidden_first_one(tmp_path):
    old = [LEDGER_HEADER, ["2020-01-01", "7010", "Personal", "V0", "Gammal", 1]]
    text = sheet(tmp_path, xlsx_of([LEDGER_HEADER, *LEDGER_ROWS], hidden_first=old))
    assert "Gammal" not in text
    assert text.splitlines()[1] == "2025-03-31;;Personal;V1;Lön mars;40000"


def test_a_workbook_whose_sheets_are_all_hidden_is_refused_in_swedish(tmp_path):
    # openpyxl will not save such a workbook; another program may, so workbook.xml is edited by hand.
    data = xlsx_of([LEDGER_HEADER], hidden_first=[LEDGER_HEADER])
    members = [
        (i.filename, zipfile.ZipFile(io.BytesIO(data)).read(i)) for i in zipfile.ZipFile(io.BytesIO(data)).infolist()
    ]
    members = [
        (n, d.replace(b'sheetId="2" state="visible"', b'sheetId="2" state="hidden"'))
        if n == "xl/workbook.xml"
        else (n, d)
        for n, d in members
    ]
    assert b'sheetId="2" state="hidden"' in dict(members)["xl/workbook.xml"]
    path = tmp_path / "utfall.xlsx"
    path.write_bytes(zip_of(members))
    with pytest.raises(ValueError, match="minst ett synligt kalkylblad"):
        xlsx.sheet_as_csv(path)


def test_a_merged_cell_keeps_its_value_in_its_top_left_cell_only(tmp_path):
    rows = [
        LEDGER_HEADER,
        ["2025-03-31", None, "Personal", "V1", "Lön mars", 40000],
        ["2025-03-31", None, None, "V2", "Lön april", 40000],
    ]
    text = sheet(tmp_path, xlsx_of(rows, merged=("C2:C3",)))
    assert [line.split(";")[2] for line in text.splitlines()[1:]] == ["Personal", ""]


def test_an_empty_row_keeps_its_place_so_row_numbers_stay_the_sheets(tmp_path):
    text = sheet(tmp_path, xlsx_of([LEDGER_HEADER, LEDGER_ROWS[0], [], LEDGER_ROWS[1]]))
    assert text.splitlines()[2:4] == [";;;;;", "2025-06-30;6550;;V2;Konsult juni;12500.5"]


# --------------------------------------------------------------------------- Excel: the limits


def test_a_sheet_with_more_rows_than_the_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 2)
    with pytest.raises(ValueError, match="högst 2 rader") as raised:
        sheet(tmp_path, xlsx_of([LEDGER_HEADER, *LEDGER_ROWS]))
    assert "dela upp exporten" in str(raised.value)
    assert raised.value.rad == 3


def test_a_sheet_at_the_row_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)
    assert len(sheet(tmp_path, xlsx_of([LEDGER_HEADER, *LEDGER_ROWS])).splitlines()) == 3


def test_a_value_beyond_the_column_limit_is_refused_naming_row_and_column(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_COLUMNS", 6)
    rows = [LEDGER_HEADER, [*LEDGER_ROWS[0], None, "en anteckning"]]
    with pytest.raises(ValueError, match="högst 6 kolumner – rad 2 har ett värde i kolumn H"):
        sheet(tmp_path, xlsx_of(rows))


def test_a_csv_header_beyond_the_column_limit_is_refused_naming_its_row(tmp_path):
    header = "Datum;Konto;Verifikation;Text;Belopp;" + ";".join(f"extra{i}" for i in range(96))  # 101 fields
    folder = write_project(tmp_path, utfall=header + "\n2025-05-01;6550;V1;Konsult" + ";" * 97 + "\n")
    assert [(p.fil, p.rad, p.kod) for p in projects.load(folder).problems] == [("utfall.csv", 1, "csv_columns")]


def test_a_csv_header_at_the_column_limit_is_read(tmp_path):
    header = "Datum;Konto;Verifikation;Text;Belopp;" + ";".join(f"extra{i}" for i in range(95))  # 100 fields
    folder = write_project(tmp_path, utfall=header + "\n2025-06-30;6550;V2;Konsult juni;12500,50" + ";" * 95 + "\n")
    assert len(projects.load(folder).rows("utfall")) == 1


def test_a_sheet_with_more_cells_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_CELLS", 17)  # 3 rows × 6 cells = 18
    with pytest.raises(ValueError, match="högst 17 celler"):
        sheet(tmp_path, xlsx_of([LEDGER_HEADER, *LEDGER_ROWS]))


def test_a_workbook_whose_xml_unpacks_past_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_XML_BYTES", 2**20)
    with pytest.raises(ValueError, match=r"högst 1 MB uppackat – xl/worksheets/sheet1\.xml"):
        sheet(tmp_path, xlsx_bomb(50_000))


def test_a_workbook_whose_sheet_lies_about_its_size_is_refused_not_read(tmp_path):
    data = patch_zip_member(xlsx_of([LEDGER_HEADER, *LEDGER_ROWS]), "xl/worksheets/sheet1.xml", size=10)
    with pytest.raises(ValueError, match=r"Excel-filen kunde inte öppnas – xl/worksheets/sheet1\.xml"):
        sheet(tmp_path, data)


def test_the_excel_limits_hold_for_python_m_lagesbild_validate(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 2)
    folder = write_project(tmp_path, utfall=None, utfall_xlsx=xlsx_of([LEDGER_HEADER, *LEDGER_ROWS]))
    assert cli.main(["validate", str(folder)]) == 1
    assert "Fel: utfall.xlsx, rad 3: ett kalkylblad med högst 2 rader" in capsys.readouterr().out


def test_an_uploaded_excel_file_past_a_limit_is_a_problem_and_nothing_is_published(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 2)
    folder = write_project(tmp_path)
    [problem] = refused(folder, [("utfall.xlsx", xlsx_of([LEDGER_HEADER, *LEDGER_ROWS]))])
    assert (problem.fil, problem.rad) == ("utfall.xlsx", 3)
    assert problem.forvantat.startswith("ett kalkylblad med högst 2 rader")


# --------------------------------------------------------------------------- zip: members and the total


def test_a_zip_member_past_the_file_limit_is_refused_naming_member_and_limit(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 2**20)
    files, [problem] = uploads.unpack("projekt.zip", zip_bomb(1, 2 * 2**20))
    assert files == []
    assert (problem.fil, problem.forvantat) == ("projekt.zip/utfall.csv", "en fil på högst 1 MB uppackad – den är 2 MB")


def test_a_zip_member_declaring_less_than_it_unpacks_to_is_refused_as_damaged():
    data = patch_zip_member(zip_of([("utfall.csv", MINIMAL["utfall.csv"].encode() * 50)]), "utfall.csv", size=10)
    files, [problem] = uploads.unpack("projekt.zip", data)
    assert files == []
    assert problem.fil == "projekt.zip/utfall.csv"
    assert problem.forvantat.startswith("en hel fil – den gick inte att packa upp")


def test_the_counting_stream_stops_at_the_limit_whatever_the_member_declares(monkeypatch):
    archive = zipfile.ZipFile(io.BytesIO(zip_bomb(1, 3 * 2**20)))
    [member] = archive.infolist()
    member.file_size = 10  # as a zip that lies would declare it
    with pytest.raises(xlsx.MemberError):
        xlsx.read_member(archive, member, 2**20)


def test_a_zip_past_the_total_limit_is_refused_naming_the_member_that_passes_it(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 3 * 2**20)
    files, problems = uploads.unpack("projekt.zip", zip_bomb(3, 2**20 + 1, name="fil{}.csv"))
    assert [name for name, _ in files] == ["fil0.csv", "fil1.csv"]
    assert [p.forvantat for p in problems] == [
        "högst 3 MB uppackat sammanlagt i en uppladdning – projekt.zip/fil2.csv gör den större; "
        "ladda upp färre filer åt gången"
    ]


def test_a_zip_listing_more_members_than_the_limit_is_refused_before_they_are_read():
    files, [problem] = uploads.unpack("projekt.zip", zip_with_entries(uploads.MAX_ZIP_MEMBERS + 1))
    assert files == []
    assert problem.forvantat == "högst 1 000 filer i projekt.zip – den har 1 001; packa bara projektets egna filer"


def test_a_zip_bomb_upload_is_refused_and_nothing_is_published(tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 2 * 2**20)
    folder = write_project(tmp_path)
    problems = refused(folder, [("projekt.zip", zip_bomb(3, 2**20, name="utfall{}.csv"))])
    assert [(p.fil, p.forvantat) for p in problems if "sammanlagt" in p.forvantat] == [
        (
            "projekt.zip/utfall2.csv",
            "högst 2 MB uppackat sammanlagt i en uppladdning – projekt.zip/utfall2.csv "
            "gör den större; ladda upp färre filer åt gången",
        )
    ]


# --------------------------------------------------------------------------- memory and time


def measure(tmp_path: Path, case: str, name: str, data: bytes) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    run = subprocess.run(
        [sys.executable, str(MEASURE), case, str(path)], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def zip_bomb_measured(tmp_path_factory) -> dict:
    """20 members of 49 MB zeros each (980 MB unpacked) in a 1 MB zip."""
    return measure(tmp_path_factory.mktemp("bomb"), "zip", "projekt.zip", zip_bomb(20, 49 * 2**20))


@pytest.fixture(scope="module")
def xfd_measured(tmp_path_factory) -> dict:
    """20 000 ledger rows on a sheet claiming A1:XFD20001."""
    rows = [LEDGER_HEADER] + [["2025-03-31", "7010", "Personal", f"V{i}", "Lön", 40000] for i in range(20_000)]
    return measure(tmp_path_factory.mktemp("xfd"), "xlsx", "utfall.xlsx", xlsx_of(rows, dimension="A1:XFD20001"))


def test_a_zip_bomb_stays_under_300_mb_resident(zip_bomb_measured):
    assert zip_bomb_measured["peak_mb"] < 300, zip_bomb_measured


def test_a_zip_bomb_is_refused_at_the_total_limit(zip_bomb_measured):
    assert zip_bomb_measured["outcome"].startswith("högst 100 MB uppackat sammanlagt"), zip_bomb_measured


def test_a_sheet_claiming_xfd_stays_under_300_mb_resident(xfd_measured):
    assert xfd_measured["peak_mb"] < 300, xfd_measured


def test_a_sheet_claiming_xfd_is_read_as_six_columns(xfd_measured):
    # The header "Datum;Konto;Kostnadsslag;Verifikation;Text;Belopp\n" is 5+5+12+12+4+6 + 5 + 1 = 50
    # characters; each row "2025-03-31;7010;Personal;V<i>;Lön;40000\n" is 37 plus the digits of i, and
    # i = 0 … 19 999 has 10 × 1 + 90 × 2 + 900 × 3 + 9 000 × 4 + 10 000 × 5 = 88 890 digits.
    assert xfd_measured["outcome"] == f"{50 + 20_000 * 37 + 88_890} tecken"


def test_a_workbook_saved_under_a_csv_name_is_named_as_a_workbook(tmp_path):
    folder = write_project(tmp_path, utfall=xlsx_of([LEDGER_HEADER, *LEDGER_ROWS]))
    problems = [(p.fil, p.kod) for p in projects.load(folder).problems]
    assert problems == [("utfall.csv", "csv_is_zip")]


def test_a_zip_file_without_a_workbook_in_it_is_named_so(tmp_path):
    folder = write_project(tmp_path, utfall=None, utfall_xlsx=zip_of([("utfall.csv", b"Datum;Belopp\n")]))
    problems = [(p.fil, p.kod) for p in projects.load(folder).problems]
    assert problems == [("utfall.xlsx", "xlsx_not_workbook")]
