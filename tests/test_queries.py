"""Every .sql file in queries/, text in cells that looks like SQL or HTML, and the locked connection."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from support import REPO, STRACKET, write_project

from lagesbild import claims, database, overview, staff, ui, verdicts
from lagesbild import project as projects
from lagesbild.problems import Problem

QUERIES = REPO / "queries"
ALL_SQL = sorted(QUERIES.rglob("*.sql"))
FIGURES = sorted(p.stem for p in QUERIES.glob("*.sql") if p.stem != "read_csv_as_text")
CHECKS = database.query_names("checks")
MODELS = sorted(p.stem for p in (QUERIES / "models").glob("*.sql"))
MACROS = sorted(p.stem for p in (QUERIES / "macros").glob("*.sql"))
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)(::\w+(\[\])?)?")
# {} {name} {name!r} {name:spec} – but not a regex quantifier {3} or {1,2}, nor \x{00A0}
_FORMAT_FIELD = re.compile(r"\{(?:[A-Za-z_]\w*)?(?:![rsa])?(?::[^{}]*)?\}")
_PERCENT_FIELD = re.compile(r"%(?:\(\w+\))?s")


def _rel(path: Path) -> str:
    return str(path.relative_to(QUERIES))


def params_for(project: projects.Project, name: str) -> dict:
    """The project's parameters, the last steering meeting as $sedan, and empty filters."""
    r = project.rapportdatum
    known = (
        project.params()
        | {"sedan": max(d for d in project.meta.styrgruppsmoten if d < r)}
        | {"id": "", "sida": 1, "per_sida": ui.PAGE_ROWS}  # no Id asked for; the first page of a table
        | {"bara_oppna": False, "kommande_dagar": overview.UPCOMING_DAYS}  # every risk; what comes up
        | staff.params(claims.period(project, 1))
        | verdicts.params(
            project.frame("project_totals").iloc[0], project.frame("financiers"), project.frame("indicators")
        )
        | {"paverkan_forsenade_totalt": 0}  # flag_counts: no overdue influence effort
        | {"moten": project.meta.styrgruppsmoten, "motesdatum": r}  # steering_meetings: the pack is for today
        # today against a frozen picture: its costs as today's (the lists of claims and payments are left empty)
        | dict.fromkeys(
            ("upparbetat_nu_kr", "upparbetat_fore_kr"), float(project.frame("project_totals").upparbetat_kr[0])
        )
    )
    values = {}
    for param, cast, is_list in _PARAM.findall(database.sql(name)):
        if param in known:
            values[param] = known[param]
        elif is_list:
            values[param] = []  # a filter list: empty means everything
        else:
            pytest.fail(f"queries/{name}.sql: parameter ${param}{cast} has no test value")
    return values


# The files themselves


@pytest.mark.parametrize("path", ALL_SQL, ids=_rel)
def test_every_query_file_starts_with_a_one_line_comment(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    if path.parent.name == "models":  # a model declares what it reads on the line after
        assert re.fullmatch(r"-- reads: [a-z_, ]+", lines.pop(1))
    first, second = ([*lines, ""])[:2]
    assert (re.fullmatch(r"-- \S.*", first) is not None, second.startswith("--")) == (True, False)


@pytest.mark.parametrize("path", ALL_SQL, ids=_rel)
def test_no_query_file_has_a_python_format_field(path):
    assert _FORMAT_FIELD.findall(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", ALL_SQL, ids=_rel)
def test_no_query_file_has_a_percent_placeholder(path):
    assert _PERCENT_FIELD.findall(path.read_text(encoding="utf-8")) == []


def test_the_format_field_pattern_finds_python_placeholders_but_not_regex_quantifiers():
    text = "'{namn}' {} {0:>3} '\\d{1,2}' '\\x{00A0}' {x!r}"
    assert _FORMAT_FIELD.findall(text) == ["{namn}", "{}", "{x!r}"]


# Running them against data/stracket


@pytest.fixture(scope="module")
def figure(stracket_project, bergslaget_project):
    """queries/<name>.sql run on both examples (a project and an association), once each."""
    done: dict[tuple[str, str], pd.DataFrame] = {}

    def run(project: projects.Project, name: str) -> pd.DataFrame:
        if (project.id, name) not in done:
            done[project.id, name] = database.frame(project.con, name, **params_for(project, name))
        return done[project.id, name]

    return lambda name: [run(stracket_project, name), run(bergslaget_project, name)]


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_query_runs_on_both_examples(figure, name):
    assert all(isinstance(frame, pd.DataFrame) for frame in figure(name))


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_query_returns_rows_for_at_least_one_example(figure, name):
    assert max(len(frame) for frame in figure(name)) > 0


@pytest.mark.parametrize("name", CHECKS)
def test_every_check_finds_nothing_in_the_example(stracket_project, name):
    params = stracket_project.model_params
    assert database.execute(stracket_project.con, name, **params).fetchall() == []


@pytest.mark.parametrize("name", CHECKS)
def test_every_check_returns_the_columns_of_a_problem(stracket_project, name):
    params = stracket_project.model_params
    columns = [d[0] for d in database.execute(stracket_project.con, name, **params).description]
    assert columns == list(Problem.__dataclass_fields__)


@pytest.mark.parametrize("model", MODELS)
def test_every_model_is_a_table_after_loading(stracket_project, model):
    tables = {row[0] for row in stracket_project.con.execute("select table_name from duckdb_tables()").fetchall()}
    assert model in tables


@pytest.mark.parametrize("macro", MACROS)
def test_every_macro_exists_on_a_new_connection(macro):
    con = database.new_connection()
    found = con.execute(
        "select count(*) from duckdb_functions() where function_name = $name and function_type = 'macro'",
        {"name": macro},
    ).fetchone()[0]
    assert found == 1


def test_read_csv_as_text_reads_every_cell_as_text_in_file_order(tmp_path):
    params = {
        "path": str(STRACKET / "budget.csv"),
        "delim": ";",
        "skip": 0,
        "encoding": "utf-8",
        "names": ["kostnadsslag", "ar", "belopp"],
    }
    rows = database.execute(database.new_connection(), "read_csv_as_text", **params).fetchall()
    assert (len(rows), rows[0], rows[-1]) == (
        16,
        ("Egen personal", "2025", "774 464"),
        ("Indirekta kostnader", "2028", "55 601"),
    )


# Text that looks like SQL or HTML is only text

INJECTIONS = {
    ("utfall", "Text", 1): "'; DROP TABLE utfall;--",
    ("aktiviteter", "Aktivitet", 1): "<img src=x onerror=alert(1)>",
    ("paverkan", "Fråga", 1): 'Robert"); DROP TABLE paverkan; --',
    ("mal", "Text", 1): "$rapportdatum {namn} %s ?",
    ("motesplatser", "Rubrik", 1): "<script>alert('x')</script>",
    ("risker", "Risk", 1): "1; SELECT * FROM read_csv('/etc/passwd')",
    ("beslut", "Beslut", 1): "' OR 1=1 --",
}
# The SQL column of each file column above, where it is read back.
KEYS = {
    "Text": "text",
    "Aktivitet": "aktivitet",
    "Fråga": "fraga",
    "Rubrik": "rubrik",
    "Risk": "risk",
    "Beslut": "beslut",
}


def _with_cell(path: Path, encoding: str, column: str, row: int, value: str) -> bytes:
    with path.open(encoding=encoding, newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    rows[row][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> projects.Project:
    """A copy of data/stracket with the strings of INJECTIONS in its text cells."""
    files = {}
    for (stem, column, row), value in INJECTIONS.items():
        encoding = "cp1252" if stem == "utfall" else "utf-8"
        files[stem] = _with_cell(STRACKET / f"{stem}.csv", encoding, column, row, value)
    # an unknown extra column whose header is itself an injection is kept and ignored
    with (STRACKET / "konton.csv").open(encoding="utf-8", newline="") as handle:
        konton = [[*row, "extra"] for row in csv.reader(handle, delimiter=";")]
    konton[0][-1] = 'x"); DROP TABLE konton; --'
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(konton)
    files["konton"] = out.getvalue()
    return projects.load(write_project(tmp_path_factory.mktemp("injection"), base=STRACKET, **files))


@pytest.mark.parametrize("cell", INJECTIONS, ids=lambda c: f"{c[0]}-{c[1]}")
def test_an_injection_string_in_a_text_cell_is_stored_verbatim(injected, cell):
    stem, column, row = cell
    # Identifiers here come from the constant tables above, never from a file.
    stored = injected.con.execute(f"select {KEYS[column]} from {stem} where rad = {row + 1}").fetchone()[0]
    assert stored == INJECTIONS[cell]


def test_every_table_still_exists_after_loading_injection_strings(injected, stracket_project):
    def tables(project):
        return sorted(r[0] for r in project.con.execute("select table_name from duckdb_tables()").fetchall())

    assert tables(injected) == tables(stracket_project)


def test_injection_strings_leave_every_row_in_place(injected, stracket_project):
    def counts(project):
        return {
            stem: project.con.execute(f"select count(*) from {stem}").fetchone()[0] for stem, _, _ in INJECTIONS
        } | {"konton": project.con.execute("select count(*) from konton").fetchone()[0]}

    assert counts(injected) == counts(stracket_project)


def test_injection_strings_do_not_change_the_figures(injected, stracket_project):
    assert injected.frame("project_totals").equals(stracket_project.frame("project_totals"))


def test_injection_strings_are_not_problems(injected):
    assert injected.problems == []


# The connection of a loaded project is locked down


@pytest.fixture(scope="module")
def locked(tmp_path_factory) -> projects.Project:
    return projects.load(write_project(tmp_path_factory.mktemp("locked")))


@pytest.mark.parametrize(
    "statement",
    [
        "select * from read_csv('/etc/passwd')",
        "select * from read_csv('../data/stracket/budget.csv')",
        "select * from read_text('/etc/passwd')",
        "select * from glob('/etc/*')",
        "select * from read_csv('https://example.com/data.csv')",
    ],
)
def test_a_loaded_project_cannot_read_files(locked, monkeypatch, statement):
    monkeypatch.chdir(REPO / "tests")  # so that ../data/stracket/budget.csv exists
    with pytest.raises(duckdb.PermissionException):
        locked.con.execute(statement)


def test_the_relative_path_is_readable_on_an_unlocked_connection(monkeypatch):
    monkeypatch.chdir(REPO / "tests")
    rows = duckdb.connect().execute("select * from read_csv('../data/stracket/budget.csv')").fetchall()
    assert len(rows) == 16


def test_a_loaded_project_cannot_write_files(locked, tmp_path):
    with pytest.raises(duckdb.PermissionException):
        locked.con.execute(f"copy (select 1) to '{tmp_path / 'out.csv'}'")


def test_a_loaded_project_cannot_attach_a_database(locked, tmp_path):
    with pytest.raises(duckdb.PermissionException):
        locked.con.execute(f"attach '{tmp_path / 'other.duckdb'}' as other")


def test_a_loaded_project_cannot_load_an_extension(locked):
    with pytest.raises(duckdb.PermissionException):
        locked.con.execute("load httpfs")


@pytest.mark.parametrize(
    "statement",
    [
        "set enable_external_access = true",
        "reset enable_external_access",
        "set lock_configuration = false",
        "set allowed_directories = ['/']",
        "set allowed_paths = ['/etc/passwd']",
        "set autoload_known_extensions = true",
    ],
)
def test_settings_cannot_be_changed_after_loading(locked, statement):
    with pytest.raises(duckdb.InvalidInputException):
        locked.con.execute(statement)


def test_the_loaded_connection_reports_external_access_off(locked):
    assert locked.con.execute("select current_setting('enable_external_access')").fetchone()[0] is False


def test_each_model_runs_after_the_models_it_reads():
    order = database.model_order()
    assert order.index("models/bokforing") < order.index("models/kostnader")


def test_models_that_read_each_other_in_a_circle_are_refused(monkeypatch):
    texts = {"models/a": "-- a\n-- reads: b\n", "models/b": "-- b\n-- reads: a\n"}
    monkeypatch.setattr(database, "query_names", lambda folder: sorted(texts))
    monkeypatch.setattr(database, "sql", texts.__getitem__)
    with pytest.raises(ValueError, match="circle"):
        database.model_order()
