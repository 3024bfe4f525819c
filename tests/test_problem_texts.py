"""Problems, notes and refusals are words only when shown: English mode says them in English, naming the same
file, row and column, and Swedish mode as before."""

from __future__ import annotations

import contextlib
import io
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest
from support import DASHBOARD, FIXTURES, MINIMAL, STRACKET, write_project

from lagesbild import access, cli, i18n, problem_texts, publishing, sie
from lagesbild import project as projects
from lagesbild.problems import NOTE, Problem

MALFORMED = FIXTURES / "malformed"


def _validate(folder, lang: str) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["validate", str(folder), "--lang", lang])
    return out.getvalue().splitlines()


# --------------------------------------------------------------------------- real problems, in English


def test_a_bad_amount_in_the_budget_is_said_in_english_with_file_row_and_column(tmp_path):
    folder = write_project(
        tmp_path, budget=MINIMAL["budget.csv"].replace("Köpta tjänster;2025;50000", "Köpta tjänster;2025;femtiotusen")
    )
    assert (
        "Error: budget.csv, row 3, column Belopp: the value 'femtiotusen' – expected an amount in kronor, "
        "e.g. 1 800 000, 1800000,50 or −1 250,00 kr"
    ) in _validate(folder, "en")


def test_a_duplicate_id_is_said_in_english_with_the_row_it_repeats():
    assert (
        "Error: aktiviteter.csv, row 3, column Id: the value 'A1' – expected a unique Id – the same Id is already "
        "on row 2"
    ) in _validate(MALFORMED / "duplicate-id", "en")


def test_a_short_row_is_said_in_english_with_its_number_of_fields(tmp_path):
    short = MINIMAL["utfall.csv"].replace("2025-06-30;6550;;V2;Konsult juni;12500,50", "2025-06-30;6550;")
    assert (
        "Error: utfall.csv, row 3: the value '2025-06-30;6550;' – expected 6 fields separated by ';' as on the "
        "header row, but the row has 3"
    ) in _validate(write_project(tmp_path, utfall=short), "en")


def test_a_tab_separated_row_names_the_tab_in_each_language(tmp_path):
    tabs = MINIMAL["utfall.csv"].replace(";", "\t").replace("\tKonsult juni\t", "\tKonsult juni\textra\t")
    (problem,) = projects.load(write_project(tmp_path, utfall=tabs)).problems
    assert (problem.expected("sv"), problem.expected("en")) == (
        "6 fält avgränsade med 'tabb' som på rubrikraden, men raden har 7",
        "6 fields separated by 'tab' as on the header row, but the row has 7",
    )


def test_a_utf16_file_cut_in_the_middle_of_a_character_is_a_problem_of_its_own(tmp_path):
    cut = MINIMAL["utfall.csv"].encode("utf-16")[:-1]
    (problem,) = projects.load(write_project(tmp_path, utfall=cut)).problems
    assert (problem.fil, problem.rad, problem.expected("en")) == (
        "utfall.csv",
        None,
        "the file starts as UTF-16 but is not whole UTF-16 – it ends in the middle of a character or has a "
        "broken one; save the file as UTF-8",
    )


def test_a_bad_byte_after_a_utf8_bom_names_its_line(tmp_path):
    broken = b"\xef\xbb\xbf" + MINIMAL["utfall.csv"].encode().replace(b"Konsult juni", b"Konsult j\xfcni")
    (problem,) = projects.load(write_project(tmp_path, utfall=broken)).problems
    assert (problem.rad, problem.text()) == (
        3,
        "Fel: utfall.csv, rad 3: filen är skriven i UTF-8 men byte 0xFC är inget UTF-8-tecken – raden har sparats "
        "i en annan teckenkodning; spara hela filen som UTF-8 igen",
    )


def test_an_sie_amount_with_a_decimal_comma_is_said_in_english_with_its_line():
    ledger = sie.read(b'#FLAGGA 0\n#SIETYP 4\n#VER A 1 20250430 "Lon"\n{\n#TRANS 5410 {} 12,50\n}\n', "utfall.se")
    assert [p.text("en") for p in ledger.problems] == [
        "Error: utfall.se, row 5, column belopp: the value '12,50' – expected an amount with a point as decimal "
        "separator, e.g. -1250.50"
    ]


def test_a_number_where_projekt_toml_wants_a_text_is_said_in_english():
    assert (
        "Error: projekt.toml, column namn: the value '5' – expected a text in quotation marks that is not empty"
    ) in _validate(MALFORMED / "toml-wrong-type", "en")


def test_costs_in_a_year_without_financing_are_said_in_english():
    assert (
        "Error: utfall.csv, row 3, column Datum: the value '2027' – expected costs only in years with financing – "
        "finansiering.csv has nothing for 2027"
    ) in _validate(MALFORMED / "costs-in-year-without-financing", "en")


def test_a_budget_the_financing_misses_names_the_budget_the_english_way():
    # budget.csv: 100 000 + 50 000 in 2025; finansiering.csv sums to 145 000.
    assert (
        "Warning: finansiering.csv, column Belopp: the financing for 2025 adds up to SEK 145,000 – expected the same "
        "sum as the budget (SEK 150,000)"
    ) in _validate(MALFORMED / "financing-differs-from-budget", "en")


def test_the_same_budget_problem_in_swedish_names_both_sums_the_swedish_way():
    assert (
        "Varning: finansiering.csv, kolumn Belopp: finansieringen för år 2025 summerar till 145 000 kr – förväntat "
        "samma summa som budgeten (150 000 kr)"
    ) in _validate(MALFORMED / "financing-differs-from-budget", "sv")


def test_validate_in_english_counts_in_english():
    assert _validate(MALFORMED / "duplicate-id", "en")[-1].endswith("duplicate-id: 1 error, 0 warnings")


@pytest.mark.parametrize("folder", sorted(p.name for p in MALFORMED.iterdir() if p.is_dir()))
def test_every_problem_of_a_malformed_project_has_words_of_its_own_in_english(folder):
    found = projects.load(MALFORMED / folder).problems
    assert found and all(p.expected("en") != p.expected("sv") for p in found)


# Names from the data contract that an English text quotes as they are in the files: column headers and keys.
_CONTRACT_NAMES = re.compile(r"\{[a-z_]+\}|\S+\.(?:csv|toml|se)\b|\b(?:Kvinnor|Män|kostnadsslag|rapportdatum)\b")
_SWEDISH = re.compile(r"\b(och|inte|eller|för|med|till|från|av|saknas|ingen|efter|rad|rader|fel|värdet|förväntat)\b")


@pytest.mark.parametrize("key", sorted(problem_texts.TEXTS))
def test_the_english_form_of_a_problem_text_has_no_swedish_word(key):
    entry = problem_texts.TEXTS[key]
    forms = [entry.one, entry.other] if isinstance(entry, i18n.Plural) else [entry]
    assert [en for _, en in forms if _SWEDISH.search(_CONTRACT_NAMES.sub("", en))] == []


@pytest.mark.parametrize("key", sorted(problem_texts.TEXTS))
def test_no_problem_text_names_a_placeholder_that_t_takes_for_itself(key):
    entry = problem_texts.TEXTS[key]
    forms = [entry.one, entry.other] if isinstance(entry, i18n.Plural) else [entry]
    assert not {"key", "lang"} & {f for form in forms for text in form for f in re.findall(r"(?<!\{)\{(\w+)\}", text)}


# --------------------------------------------------------------------------- notes, the store and refusals


def test_a_note_of_the_rows_left_out_names_its_count_and_sum_in_each_language(tmp_path):
    # Two rows after the report date 2025-12-31: 40 000,00 + 12 500,50 = 52 500,50, rounded to 52 501.
    late = MINIMAL["utfall.csv"].replace("2025-03-31", "2026-01-15").replace("2025-06-30", "2026-02-10")
    (note,) = projects.load(write_project(tmp_path, utfall=late)).notes
    assert (note.niva, note.expected("sv"), note.expected("en")) == (
        NOTE,
        "2 rader daterade efter rapportdatum 2025-12-31 räknas inte förrän rapportdatum flyttas (summa 52 501 kr)",
        "2 rows dated after the report date 2025-12-31 are not counted until the report date is moved (sum SEK 52,501)",
    )


def test_a_stored_project_gives_back_its_problems_with_their_codes_and_parameters(tmp_path):
    folder = write_project(tmp_path, base=STRACKET, name="stracket")
    budget = folder / "budget.csv"
    budget.write_text(budget.read_text(encoding="utf-8-sig").replace("1 058 434", "tiotusen"), encoding="utf-8")
    first = projects.load(folder)
    again = projects.load(folder)  # from the store written by the first load
    assert again.con is not None and (again.problems, again.notes) == (first.problems, first.notes)
    assert [p.text("en") for p in again.problems] == [p.text("en") for p in first.problems]


def test_a_problem_saved_and_read_again_is_the_same_problem():
    problem = Problem(
        "fel",
        "utfall.csv",
        None,
        None,
        "a.csv",
        "upload_ambiguous",
        (("count", 2), ("file", "utfall.csv"), ("origins", ("a.csv", "b.csv"))),
    )
    assert Problem.from_saved(problem.saved()) == problem


def test_a_refused_publish_is_said_in_the_language_asked_for(tmp_path):
    with pytest.raises(publishing.PublishError) as refused:
        publishing.publish(tmp_path, {"../utfall.csv": b""}, "test")
    assert (str(refused.value), refused.value.text("en")) == (
        "Ogiltigt filnamn: '../utfall.csv'",
        "Invalid file name: '../utfall.csv'",
    )


def test_a_role_refused_is_said_in_the_language_asked_for():
    with pytest.raises(access.AccessDenied) as refused:
        access.Access(access.REFERENCE, "någon", "lank").require(access.UPLOAD)
    assert refused.value.text("en") == "The role referensgrupp lacks the right uppladdning."


# --------------------------------------------------------------------------- the dashboard in English


@pytest.fixture(scope="module")
def broken_budget_in_english(tmp_path_factory) -> tuple[AppTest, projects.Project]:
    """Sträcket with the 2026 budget of Egen personal (budget.csv row 3) written out in words, in English mode."""
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(STRACKET, data / "stracket")
    budget = data / "stracket" / "budget.csv"
    budget.write_text(budget.read_text(encoding="utf-8-sig").replace("1 058 434", "tiotusen"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params.update({"lang": "en"})
        at.run()
        at.switch_page("pages/datakvalitet.py")
        at.run()
    return at, projects.load(data / "stracket")


def _expected_column(at: AppTest) -> list[str]:
    return [text for d in at.dataframe if "Expected" in d.value.columns for text in d.value["Expected"]]


def test_data_quality_in_english_lists_the_bad_budget_cell_in_english(broken_budget_in_english):
    at, _ = broken_budget_in_english
    rows = [
        row
        for d in at.dataframe
        if "Expected" in d.value.columns
        for row in d.value[["File", "Row", "Column", "Value", "Expected"]].values.tolist()
    ]
    assert [
        "budget.csv",
        "3",
        "Belopp",
        "tiotusen",
        "an amount in kronor, e.g. 1 800 000, 1800000,50 or −1 250,00 kr",
    ] in rows


def test_data_quality_in_english_shows_each_problem_in_english_and_none_in_swedish(broken_budget_in_english):
    at, project = broken_budget_in_english
    assert not at.exception
    shown = _expected_column(at)
    assert sorted(shown) == sorted(p.expected("en") for p in project.problems)
    assert not set(shown) & {p.expected("sv") for p in project.problems}


def test_data_quality_in_english_counts_the_problems_in_english(broken_budget_in_english):
    at, project = broken_budget_in_english
    # the bad cell, and the 2026 financing that no longer matches the budget
    assert (len(project.errors), len(project.warnings)) == (1, 1)
    assert [e.value for e in at.error] == ["1 error and 1 warning."]
