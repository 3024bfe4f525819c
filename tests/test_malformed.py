"""Bad input (data contract §4): each fixture folder is the minimal project with one defect.

tests/fixtures/malformed/<case>/ is MINIMAL (support.py) with exactly one file changed,
added or removed. Each case names the one problem it must produce: level, file, Excel row
(header = row 1), column, the value as written and a key phrase of what was expected.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import FIXTURES, MINIMAL, REPO, write_project

from lagesbild import cli
from lagesbild import project as projects
from lagesbild.problems import ERROR, WARNING

MALFORMED = FIXTURES / "malformed"


@dataclass(frozen=True)
class Case:
    folder: str
    niva: str
    fil: str
    rad: int | None
    kolumn: str | None
    varde: str | None
    forvantat: str  # a phrase the expected-text must contain

    def __str__(self) -> str:
        return self.folder


CASES = [
    # projekt.toml
    Case("missing-toml", ERROR, "projekt.toml", None, None, None, "projekt.toml i projektmappen – den saknas"),
    Case("broken-toml", ERROR, "projekt.toml", 2, None, None, "giltig TOML"),
    Case(
        "slut-before-start-toml", ERROR, "projekt.toml", None, "slut", "2024-12-31", "ett datum efter start 2025-02-01"
    ),
    Case("toml-wrong-type", ERROR, "projekt.toml", None, "namn", "5", "en text inom citattecken"),
    Case(
        "indirect-base-not-in-budget",
        ERROR,
        "projekt.toml",
        None,
        "indirekta_kostnader.bas",
        "Persnal",
        "ett kostnadsslag som finns i budget.csv (Köpta tjänster, Personal)",
    ),
    # files and headers
    Case("missing-required-file", ERROR, "paverkan.csv", None, None, None, "paverkan.csv (eller .xlsx) – den saknas"),
    Case(
        "missing-required-column",
        ERROR,
        "risker.csv",
        1,
        "Konsekvens",
        None,
        "obligatorisk kolumn med rubriken Konsekvens – den saknas",
    ),
    Case("misspelt-header", ERROR, "utfall.csv", 1, "Belopp", "Belop", "stavningen känns inte igen"),
    Case("duplicated-header", ERROR, "beslut.csv", 1, "Status", "Status", "kolumnen Status en gång"),
    Case("empty-file", ERROR, "utfall.csv", None, None, None, "filen är tom"),
    Case("header-only-ledger", ERROR, "utfall.csv", None, None, None, "minst en rad under rubrikraden"),
    Case(
        "too-many-fields",
        ERROR,
        "utfall.csv",
        3,
        None,
        "2025-06-30;6550;;V2;Konsult juni;12500,50;extra",
        "6 fält avgränsade med ';'",
    ),
    Case("unclosed-quote", ERROR, "beslut.csv", 2, None, None, "citattecken"),
    Case("undecodable-bytes", ERROR, "utfall.csv", 2, None, None, "UTF-8, UTF-16 eller Windows-1252"),
    Case("unreadable-excel-file", ERROR, "utfall.xlsx", None, None, None, "Excel-filen kunde inte öppnas"),
    # cells
    Case("empty-required-cell", ERROR, "aktiviteter.csv", 2, "Ansvarig", None, "cellen är tom"),
    Case("unreadable-amount", ERROR, "utfall.csv", 2, "Belopp", "fyrtiotusen", "ett belopp i kronor"),
    Case("ambiguous-amount", ERROR, "utfall.csv", 3, "Belopp", "12.500", "ett belopp i kronor"),
    Case("unreadable-number", ERROR, "indikatorvarden.csv", 2, "Värde", "tjugo", "ett tal"),
    Case("unreadable-date-february-30", ERROR, "utfall.csv", 3, "Datum", "2025-02-30", "ett datum som 2025-04-30"),
    Case("unreadable-date-day-first", ERROR, "aktiviteter.csv", 2, "Slut", "30/4/2025", "ett datum som 2025-04-30"),
    Case("risk-scale-5", ERROR, "risker.csv", 2, "Sannolikhet", "5", "ett heltal 1–4"),
    Case("date-year-out-of-range", ERROR, "utfall.csv", 2, "Datum", "0025-03-31", "år 1900–2200"),
    Case("negative-attendance", ERROR, "motesplatser.csv", 2, "Män", "-2", "ett antal som är 0 eller mer"),
    Case("percent-done-over-100", ERROR, "aktiviteter.csv", 2, "Andel klar", "150", "en procentsats 0–100"),
    # value sets
    Case(
        "unknown-activity-status",
        ERROR,
        "aktiviteter.csv",
        2,
        "Status",
        "Klart",
        "ett av värdena Ej påbörjad, Pågår, Klar, Pausad, Struken",
    ),
    Case(
        "unknown-influence-level",
        ERROR,
        "paverkan.csv",
        2,
        "Nivå",
        "Kommunal",
        "ett av värdena Lokal, Regional, Nationell, EU",
    ),
    Case("unknown-influence-channel", ERROR, "paverkan.csv", 2, "Kanal", "Mejl", "ett av värdena Remissvar"),
    Case(
        "unknown-influence-status",
        ERROR,
        "paverkan.csv",
        2,
        "Status",
        "Klar",
        "ett av värdena Idé, Planerad, Pågår, Genomförd, Avslutad",
    ),
    Case("unknown-influence-priority", ERROR, "paverkan.csv", 2, "Prioritet", "Akut", "ett av värdena Hög, Medel, Låg"),
    Case(
        "unknown-influence-outcome",
        ERROR,
        "paverkan.csv",
        2,
        "Resultat",
        "Succé",
        "ett av värdena Ej bedömt, Inget genomslag, Delvis genomslag, Genomslag",
    ),
    Case(
        "unknown-goal-level",
        ERROR,
        "mal.csv",
        2,
        "Nivå",
        "Huvudmål",
        "ett av värdena Övergripande mål, Projektmål, Delmål",
    ),
    Case("unknown-indicator-direction", ERROR, "indikatorer.csv", 2, "Riktning", "Uppåt", "ett av värdena Öka, Minska"),
    Case(
        "unknown-meeting-format",
        ERROR,
        "motesplatser.csv",
        2,
        "Format",
        "Telefon",
        "ett av värdena Fysiskt, Digitalt, Hybrid",
    ),
    Case("unknown-risk-status", ERROR, "risker.csv", 2, "Status", "Hanterad", "ett av värdena Öppen, Stängd"),
    Case("unknown-decision-status", ERROR, "beslut.csv", 2, "Status", "Avbruten", "ett av värdena Öppen, Klar"),
    Case(
        "unknown-payment-type",
        ERROR,
        "inbetalningar.csv",
        2,
        "Typ",
        "Fakturerat",
        "ett av värdena Rekvirerat, Inbetalt",
    ),
    # references and ids
    Case("indicator-goal-missing", ERROR, "indikatorer.csv", 2, "Mål", "M9", "ett Id i mal.csv – det finns inte"),
    Case(
        "value-indicator-missing",
        ERROR,
        "indikatorvarden.csv",
        2,
        "Indikator",
        "I9",
        "ett Id i indikatorer.csv – det finns inte",
    ),
    Case("goal-parent-missing", ERROR, "mal.csv", 3, "Förälder", "M9", "ett Id i mal.csv – det finns inte"),
    Case(
        "meeting-activity-missing",
        ERROR,
        "motesplatser.csv",
        2,
        "Aktivitet",
        "A9",
        "ett Id i aktiviteter.csv – det finns inte",
    ),
    Case(
        "payment-financier-missing",
        ERROR,
        "inbetalningar.csv",
        2,
        "Finansiär",
        "Region Okänd",
        "en finansiär i finansiering.csv – det finns inte",
    ),
    Case("duplicate-id", ERROR, "aktiviteter.csv", 3, "Id", "A1", "samma Id finns redan på rad 2"),
    # the ledger against budget, accounts, period and financing
    Case(
        "cost-category-not-in-budget",
        ERROR,
        "utfall.csv",
        2,
        "Kostnadsslag",
        "Resor",
        "ett kostnadsslag som finns i budget.csv",
    ),
    Case("account-not-covered", ERROR, "utfall.csv", 3, "Konto", "9999", "ett konto som täcks av konton.csv"),
    Case(
        "costs-outside-period",
        ERROR,
        "utfall.csv",
        2,
        "Datum",
        "2025-01-15",
        "inom projektperioden 2025-02-01 – 2027-01-31",
    ),
    Case(
        "costs-in-year-without-financing",
        ERROR,
        "utfall.csv",
        3,
        "Datum",
        "2027",
        "finansiering.csv har inget för år 2027",
    ),
    # warnings
    Case("toml-unknown-key", WARNING, "projekt.toml", None, "rapportdatun", None, "menade du rapportdatum?"),
    Case(
        "financing-differs-from-budget",
        WARNING,
        "finansiering.csv",
        None,
        "Belopp",
        None,
        "finansieringen för år 2025 summerar till 145 000 kr – förväntat samma summa som budgeten (150 000 kr)",
    ),
    Case("repeated-ledger-row", WARNING, "utfall.csv", 4, None, "2025-03-31 40000,00", "upprepar rad 2"),
    Case("gender-split-mismatch", WARNING, "indikatorvarden.csv", 2, "Värde", "20", "Kvinnor + Män = Värde (12 + 7)"),
    Case(
        "activity-ends-before-start",
        WARNING,
        "aktiviteter.csv",
        2,
        "Slut",
        "2025-01-31",
        "på eller efter start 2025-02-01",
    ),
]


@dataclass
class Validation:
    exit_code: int
    output: str
    project: projects.Project


@pytest.fixture(scope="module")
def validate():
    """Runs `validate` in-process once per case: its exit code, its output and the loaded project."""
    done: dict[str, Validation] = {}

    def run(case: Case) -> Validation:
        if case.folder not in done:
            loaded: list[projects.Project] = []
            real_load = projects.load

            def recording_load(folder):
                loaded.append(real_load(folder))
                return loaded[-1]

            out = io.StringIO()
            with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
                patch.setattr(cli.projects, "load", recording_load)
                code = cli.main(["validate", str(MALFORMED / case.folder)])
            done[case.folder] = Validation(code, out.getvalue(), loaded[0])
        return done[case.folder]

    return run


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_there_is_a_case_for_every_fixture_folder():
    assert {c.folder for c in CASES} == {p.name for p in MALFORMED.iterdir() if p.is_dir()}


def test_the_minimal_project_has_no_problems(tmp_path):
    assert projects.load(write_project(tmp_path)).problems == []


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_fixture_differs_from_the_minimal_project_in_one_file(case):
    minimal = {name: text.encode() for name, text in MINIMAL.items()}
    fixture = _files(MALFORMED / case.folder)
    differing = {n for n in minimal.keys() | fixture.keys() if minimal.get(n) != fixture.get(n)}
    # utfall.xlsx in place of utfall.csv is one change of one file
    assert len({name.split(".")[0] for name in differing}) == 1


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_fixture_reports_exactly_one_problem(case, validate):
    assert len(validate(case).project.problems) == 1, validate(case).project.problems


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_problem_has_the_expected_level(case, validate):
    assert [p.niva for p in validate(case).project.problems] == [case.niva]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_problem_names_file_row_and_column(case, validate):
    found = [(p.fil, p.rad, p.kolumn) for p in validate(case).project.problems]
    assert found == [(case.fil, case.rad, case.kolumn)]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_problem_quotes_the_value_as_written(case, validate):
    assert [p.varde for p in validate(case).project.problems] == [case.varde]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_problem_says_in_swedish_what_was_expected(case, validate):
    (problem,) = validate(case).project.problems
    assert case.forvantat in problem.forvantat


@pytest.mark.parametrize("case", CASES, ids=str)
def test_validate_exits_with_1_on_an_error_and_0_on_a_warning(case, validate):
    assert validate(case).exit_code == (1 if case.niva == ERROR else 0)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_validate_prints_file_row_and_column_on_one_line(case, validate):
    where = ", ".join(
        [case.fil]
        + ([f"rad {case.rad}"] if case.rad is not None else [])
        + ([f"kolumn {case.kolumn}"] if case.kolumn else [])
    )
    label = "Fel" if case.niva == ERROR else "Varning"
    assert any(line.startswith(f"{label}: {where}:") for line in validate(case).output.splitlines())


@pytest.mark.parametrize("case", CASES, ids=str)
def test_validate_counts_the_problem_on_its_last_line(case, validate):
    counts = "1 fel, 0 varningar" if case.niva == ERROR else "0 fel, 1 varning"
    last = validate(case).output.splitlines()[-1]
    assert last.endswith(f"{case.folder}: {counts}")


@pytest.mark.parametrize(
    "folder, exit_code, line",
    [
        (
            "unknown-activity-status",
            1,
            "Fel: aktiviteter.csv, rad 2, kolumn Status: värdet 'Klart' – förväntat ett av värdena "
            "Ej påbörjad, Pågår, Klar, Pausad, Struken",
        ),
        (
            "repeated-ledger-row",
            0,
            "Varning: utfall.csv, rad 4: värdet '2025-03-31 40000,00' – förväntat en rad som inte upprepar "
            "rad 2 (samma Datum, Belopp, Verifikation och Text)",
        ),
    ],
)
def test_python_m_lagesbild_validate_prints_the_problem_and_exits(folder, exit_code, line):
    run = subprocess.run(
        [sys.executable, "-m", "lagesbild", "validate", str(MALFORMED / folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (run.returncode, line in run.stdout.splitlines()) == (exit_code, True), run.stdout


def test_a_folder_with_several_defects_reports_all_of_them_in_one_pass(tmp_path):
    folder = write_project(
        tmp_path,
        utfall=MINIMAL["utfall.csv"].replace("40000,00", "fyrtiotusen"),
        aktiviteter=MINIMAL["aktiviteter.csv"].replace(";Pågår;", ";Klart;"),
        indikatorer=MINIMAL["indikatorer.csv"].replace("I1;M2;", "I1;M9;"),
        beslut=MINIMAL["beslut.csv"].replace("Status", "Status;Status"),
        finansiering=MINIMAL["finansiering.csv"].replace("Kommun Test;2025;75000", "Kommun Test;2025;70000"),
        paverkan=None,
    )
    found = {(p.niva, p.fil, p.rad, p.kolumn) for p in projects.load(folder).problems}
    assert found == {
        (ERROR, "utfall.csv", 2, "Belopp"),
        (ERROR, "aktiviteter.csv", 2, "Status"),
        (ERROR, "indikatorer.csv", 2, "Mål"),
        (ERROR, "beslut.csv", 1, "Status"),
        (WARNING, "finansiering.csv", None, "Belopp"),
        (ERROR, "paverkan.csv", None, None),
    }


def test_bad_cells_throughout_a_large_ledger_are_named_by_their_own_rows(tmp_path):
    # 400 000 rows (about 20 MB): DuckDB reads a file this size in parallel pieces, so the row
    # numbers must come from the file's order, not from whichever piece was read first.
    bad = {1: "tolv", 200_000: "tvåhundratusen", 399_999: "sist"}  # 0-based; Excel row = index + 2
    rows = [f"2025-06-30;6550;;V{i};Konsult juni;{bad.get(i, '12500,50')}" for i in range(400_000)]
    ledger = "Datum;Konto;Kostnadsslag;Verifikation;Text;Belopp\n" + "\n".join(rows) + "\n"
    found = [(p.rad, p.varde) for p in projects.load(write_project(tmp_path, utfall=ledger)).problems]
    assert found == [(3, "tolv"), (200_002, "tvåhundratusen"), (400_001, "sist")]
