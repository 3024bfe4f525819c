"""One folding rule: lagesbild.schema.fold and the SQL macro sv_fold agree on every case."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import write_project

from lagesbild import database, project, schema

# (written, folded): what spreadsheets and finance systems write, and what both rules make of it.
CASES = [
    ("Ej påbörjad", "ej paborjad"),
    ("Ej\u00a0påbörjad", "ej paborjad"),  # no-break space
    ("Ej\u202fpåbörjad", "ej paborjad"),  # narrow no-break space
    ("\ufeffKlar", "klar"),  # byte order mark
    ("Pa\u0308ga\u030ar", "pagar"),  # combining diaeresis and ring, as macOS writes them
    ("  Ej \t  påbörjad  ", "ej paborjad"),
    ("Ej_påbörjad", "ej paborjad"),
    ("ÅÄÖ", "aao"),
    ("Ej\u2003påbörjad", "ej paborjad"),  # em space
    ("Ej\r\npåbörjad", "ej paborjad"),
]


@pytest.fixture(scope="module")
def con():
    return database.new_connection()


def sql_fold(con, text: str) -> str:
    return con.execute("select sv_fold(?)", [text]).fetchone()[0]


@pytest.mark.parametrize(("written", "folded"), CASES)
def test_python_folds_each_case_as_the_table_says(written, folded):
    assert schema.fold(written) == folded


@pytest.mark.parametrize(("written", "folded"), CASES)
def test_sql_folds_each_case_as_the_table_says(con, written, folded):
    assert sql_fold(con, written) == folded


ALPHABET = st.sampled_from(
    [
        *"aAzZeEåÅäÄöÖéÉüÜñ09-_ .,()",
        "\u00a0",
        "\u202f",
        "\ufeff",
        "\t",
        "\u2003",
        "\u0301",
        "\u0308",
        "\u030a",
        "\r",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=20))
def test_python_and_sql_fold_any_text_alike(con, text):
    assert schema.fold(text) == sql_fold(con, text)


def test_a_header_matches_whatever_spaces_dots_and_underscores_it_has():
    assert {schema.header_key(h) for h in ("Konto nr", "Kontonr", "Konto_nr", "KONTO.NR", "konto\u00a0nr")} == {
        "kontonr"
    }


def test_an_activity_status_with_a_no_break_space_is_read_as_that_status(tmp_path):
    folder = write_project(tmp_path)
    path = folder / "aktiviteter.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(";Pågår;", ";Ej\u00a0påbörjad;"), encoding="utf-8")
    loaded = project.load(folder)
    assert loaded.errors == []
    assert loaded.rows("aktiviteter").status.tolist() == ["Ej påbörjad"]
