"""The command line: summary's exit code and problem counts, the meeting pack, and the claim of a period."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from support import REPO, STRACKET, write_project

from lagesbild import cli

PERIODS = "rapportperioder = [[2025-04-01, 2025-12-31], [2026-01-01, 2026-06-30]]\n"
ROL = "Region Örebro län 1:1-medel"


def _toml() -> str:
    text = (STRACKET / "projekt.toml").read_text(encoding="utf-8")
    head, _, tail = text.partition("[indirekta_kostnader]")
    return head + PERIODS + "\n[indirekta_kostnader]" + tail


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_project(tmp_path_factory.mktemp("cli"), STRACKET, "stracket", projekt=_toml())


def _summary(folder) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lagesbild", "summary", str(folder), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_summary_of_the_example_exits_0_and_counts_no_problems():
    run = _summary(STRACKET)
    assert (run.returncode, json.loads(run.stdout)["problem"]) == (0, {"fel": 0, "varningar": 0})


def test_summary_of_a_project_whose_ledger_cannot_be_read_exits_1_and_counts_the_error(tmp_path):
    # 0x81 is no character in UTF-8 nor in Windows-1252: the file cannot be read at all
    folder = write_project(tmp_path, utfall=b"Datum;Belopp\n2025-03-31;\x81\x8d\n")
    run = _summary(folder)
    assert (run.returncode, json.loads(run.stdout)["problem"]["fel"] >= 1) == (1, True)


def test_summary_of_a_project_whose_toml_cannot_be_read_exits_1_and_still_prints_its_problem_counts(tmp_path, capsys):
    folder = write_project(tmp_path, projekt='namn = "utan slut\n')
    code = cli.main(["summary", str(folder), "--json"])
    assert (code, json.loads(capsys.readouterr().out)) == (1, {"problem": {"fel": 1, "varningar": 0}})


def test_summary_of_a_project_with_a_bad_cell_exits_1_and_still_prints_the_figures(tmp_path, capsys):
    folder = write_project(
        tmp_path, utfall="Datum;Kostnadsslag;Belopp\n2025-03-31;Personal;tiotusen\n2025-04-30;Personal;1000\n"
    )
    code = cli.main(["summary", str(folder), "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert (code, figures["problem"], figures["upparbetat"]) == (1, {"fel": 1, "varningar": 0}, 1000.0)


def test_pack_writes_the_meeting_pack_as_pdf(tmp_path):
    out = tmp_path / "pack.pdf"
    assert cli.main(["pack", str(STRACKET), "--out", str(out)]) == 0
    first = PdfReader(out).pages[0].extract_text()
    assert "Underlag till styrgruppsmöte 2026-12-10" in first  # the next meeting after R = 2026-10-31


@pytest.fixture(scope="module")
def workbook(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("claim") / "claim.xlsx"
    assert cli.main(["rapport", str(folder), "--period", "2", "--out", str(out)]) == 0
    return load_workbook(out)


def test_rapport_xlsx_has_the_sheets_of_the_economic_report(workbook):
    assert workbook.sheetnames[:7] == [
        "Projektuppgifter",
        "Redovisade kostnader per kostna",
        "Finansiering och underlag för r",
        "Inbetald medfinansiering",
        "Personal",
        "Timmar per person och månad",
        "Personalkostnad enligt timmar m",
    ]


def test_rapport_xlsx_writes_the_claim_basis_as_a_number(workbook):
    sheet = workbook["Finansiering och underlag för r"]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == ROL)
    # 371 187,13 + 321 282,39 allocated − 371 187 claimed by 2026-06-30 (see tests/test_claims.py)
    assert row[header.index("Underlag för rekvisition (kr)")] == pytest.approx(321_282.52, abs=0.01)


def test_rapport_pdf_has_the_economic_report_and_the_four_lagesrapport_sections(folder, tmp_path):
    out = tmp_path / "claim.pdf"
    assert cli.main(["rapport", str(folder), "--period", "1", "--out", str(out)]) == 0
    outline = [item.title for item in PdfReader(out).outline if not isinstance(item, list)]
    assert outline == [
        "Redovisade kostnader per kostnadsslag",
        "Finansiering och underlag för rekvisition",
        "1 Övergripande uppgifter",
        "2 Arbetssätt och organisation",
        "3 Aktiviteter",
        "4 Projektets resultat",
    ]


def test_rapport_for_a_period_that_does_not_exist_is_a_swedish_error(folder, tmp_path, capsys):
    code = cli.main(["rapport", str(folder), "--period", "9", "--out", str(tmp_path / "x.xlsx")])
    assert (code, capsys.readouterr().err.startswith("Det finns ingen rapportperiod 9")) == (2, True)


def test_rapport_refuses_an_output_that_is_neither_xlsx_nor_pdf(folder, tmp_path, capsys):
    code = cli.main(["rapport", str(folder), "--period", "1", "--out", str(tmp_path / "x.csv")])
    assert (code, capsys.readouterr().err.strip()) == (2, "--out ska sluta på .xlsx eller .pdf, inte '.csv'")


def test_rapport_xlsx_neutralises_a_financier_name_that_would_run_as_a_formula(tmp_path):
    text = (STRACKET / "finansiering.csv").read_text(encoding="utf-8-sig").replace("Storfors kommun", "=1+1")
    payments = (STRACKET / "inbetalningar.csv").read_text(encoding="utf-8-sig").replace("Storfors kommun", "=1+1")
    folder = write_project(tmp_path, STRACKET, "stracket", projekt=_toml(), finansiering=text, inbetalningar=payments)
    out = tmp_path / "claim.xlsx"
    assert cli.main(["rapport", str(folder), "--period", "1", "--out", str(out)]) == 0
    names = [
        r[0]
        for r in load_workbook(io.BytesIO(out.read_bytes()))["Finansiering och underlag för r"].iter_rows(
            min_row=2, values_only=True
        )
    ]
    assert "'=1+1" in names and "=1+1" not in names


def test_summary_in_english_writes_the_figures_the_english_way(tmp_path, capsys):
    # the minimal project's ledger: 40 000,00 + 12 500,50 = 52 500,50 kr spent
    folder = write_project(tmp_path)
    cli.main(["summary", str(folder), "--lang", "en"])
    out = capsys.readouterr().out
    assert "Spent: SEK\u00a052,501" in out and "Report date: 2025-12-31" in out


def test_the_note_of_one_bad_cell_is_english_and_singular_in_english(tmp_path, capsys):
    folder = write_project(tmp_path, utfall="Datum;Kostnadsslag;Belopp\n2025-03-31;Personal;tiotusen\n")
    cli.main(["summary", str(folder), "--lang", "en"])
    assert "Note: the data has 1 error – figures use only the rows that could be read" in capsys.readouterr().err


def test_rapport_refuses_a_wrong_output_in_english_when_asked(folder, tmp_path, capsys):
    code = cli.main(["rapport", str(folder), "--period", "1", "--out", str(tmp_path / "x.csv"), "--lang", "en"])
    assert (code, capsys.readouterr().err.strip()) == (2, "--out must end in .xlsx or .pdf, not '.csv'")


def test_rapport_for_a_period_that_does_not_exist_is_an_english_error_in_english(folder, tmp_path, capsys):
    code = cli.main(["rapport", str(folder), "--period", "9", "--out", str(tmp_path / "x.xlsx"), "--lang", "en"])
    assert (code, capsys.readouterr().err.startswith("There is no reporting period 9")) == (2, True)


@pytest.fixture(scope="module")
def closed_after_one_line():
    """`python -m lagesbild summary DIR --json | head -1`: stdout is closed after its first line is read.

    The pipe is shrunk to one page, less than the summary, so that the rest is written after the close.
    """
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        pytest.skip("the size of a pipe can be set only on Linux")
    child = subprocess.Popen(
        [sys.executable, "-m", "lagesbild", "summary", str(STRACKET), "--json"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    fcntl.fcntl(child.stdout.fileno(), fcntl.F_SETPIPE_SZ, 4096)
    first = child.stdout.readline()
    child.stdout.close()
    err = child.stderr.read().decode("utf-8", "replace")
    return first, child.wait(timeout=60), err


def test_a_closed_stdout_still_got_the_first_line(closed_after_one_line):
    assert closed_after_one_line[0] == b"{\n"


def test_a_closed_stdout_ends_the_command_with_exit_141(closed_after_one_line):
    assert closed_after_one_line[1] == 141


def test_a_closed_stdout_ends_the_command_without_a_traceback(closed_after_one_line):
    assert "Traceback" not in closed_after_one_line[2]
