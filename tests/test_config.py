"""projekt.toml key by key (data contract §1, §3b, §5b): every wrong type is a Swedish error naming the key."""

from __future__ import annotations

import datetime as dt

import pytest
from support import MINIMAL, write_project

from lagesbild.config import Bookkeeping, read_meta
from lagesbild.problems import ERROR, WARNING

BASE = MINIMAL["projekt.toml"]


def _read(tmp_path, text: str):
    return read_meta(write_project(tmp_path, projekt=text))


def _with(line: str) -> str:
    """MINIMAL's projekt.toml with one top-level line added or replaced (same key)."""
    key = line.split("=")[0].strip()
    kept = [x for x in BASE.splitlines() if x.split("=")[0].strip() != key]
    return "\n".join([line, *kept]) + "\n"


def _errors(problems):
    return [(p.kolumn, p.varde) for p in problems if p.niva == ERROR]


@pytest.mark.parametrize(
    "line, key, value",
    [
        ("styrgruppsmoten = 2025", "styrgruppsmoten", "2025"),
        ('start = "igår"', "start", "igår"),
        ("namn = 5", "namn", "5"),
        ("rapportdatum = [1]", "rapportdatum", "[1]"),
        ('kortnamn = ""', "kortnamn", ""),
        ("projektagare = true", "projektagare", "true"),
        ("valuta = 1", "valuta", "1"),
        ('styrgruppsmoten = [2025-06-01, "juni"]', "styrgruppsmoten", "juni"),
    ],
)
def test_a_top_level_key_of_the_wrong_type_is_one_error_naming_the_key(tmp_path, line, key, value):
    _, problems = _read(tmp_path, _with(line))
    assert _errors(problems) == [(key, value)]


def test_a_wrong_top_level_key_leaves_no_project_to_show(tmp_path):
    meta, _ = _read(tmp_path, _with("namn = 5"))
    assert meta is None


def test_a_wrong_date_says_what_a_date_looks_like_and_its_years(tmp_path):
    _, problems = _read(tmp_path, _with('start = "igår"'))
    assert problems[0].forvantat == "ett datum som 2025-04-01, år 1900–2200"


@pytest.mark.parametrize(
    "line, key, value",
    [
        ("rapportdatum = 2225-12-31", "rapportdatum", "2225-12-31"),
        ("start = 1899-12-31", "start", "1899-12-31"),
        ("styrgruppsmoten = [0202-06-01]", "styrgruppsmoten", "0202-06-01"),
    ],
)
def test_a_date_outside_1900_to_2200_is_an_error(tmp_path, line, key, value):
    _, problems = _read(tmp_path, _with(line))
    assert _errors(problems) == [(key, value)]


def test_an_unknown_key_is_a_warning_that_suggests_the_known_one(tmp_path):
    _, problems = _read(tmp_path, _with("rapportdatun = 2025-12-31"))
    assert [(p.niva, p.kolumn, "menade du rapportdatum?" in p.forvantat) for p in problems] == [
        (WARNING, "rapportdatun", True)
    ]


def test_an_unknown_key_does_not_stop_the_project(tmp_path):
    meta, _ = _read(tmp_path, _with('farg = "blå"'))
    assert meta is not None and meta.namn == "Testprojekt"


INDIRECT = '[indirekta_kostnader]\nprocent = 20\nbas = ["Personal"]\nkostnadsslag = "Indirekta kostnader"\n'


@pytest.mark.parametrize(
    "old, new, key, value",
    [
        ("procent = 20", "procent = true", "indirekta_kostnader.procent", "true"),
        ("procent = 20", 'procent = "20"', "indirekta_kostnader.procent", "20"),
        ("procent = 20", "procent = 120", "indirekta_kostnader.procent", "120"),
        ("procent = 20", "procent = -1", "indirekta_kostnader.procent", "-1"),
        ("procent = 20", "procent = nan", "indirekta_kostnader.procent", "nan"),
        ("procent = 20\n", "", "indirekta_kostnader.procent", "None"),
        ('bas = ["Personal"]', 'bas = "Personal"', "indirekta_kostnader.bas", "Personal"),
        ('bas = ["Personal"]', "bas = []", "indirekta_kostnader.bas", "[]"),
        ('bas = ["Personal"]', "bas = [1]", "indirekta_kostnader.bas", "[1]"),
        ('kostnadsslag = "Indirekta kostnader"', "kostnadsslag = 3", "indirekta_kostnader.kostnadsslag", "3"),
    ],
)
def test_a_wrong_indirect_cost_key_is_an_error_naming_it(tmp_path, old, new, key, value):
    _, problems = _read(tmp_path, BASE + INDIRECT.replace(old, new))
    assert _errors(problems) == [(key, value)]


def test_indirekta_kostnader_that_is_not_a_table_is_an_error(tmp_path):
    _, problems = _read(tmp_path, _with("indirekta_kostnader = 20"))
    assert _errors(problems) == [("indirekta_kostnader", "20")]


def test_a_valid_indirect_section_is_read(tmp_path):
    meta, _ = _read(tmp_path, BASE + INDIRECT)
    assert (meta.indirekta.procent, meta.indirekta.bas, meta.indirekta.kostnadsslag) == (
        20.0,
        ("Personal",),
        "Indirekta kostnader",
    )


# [bokforing] (contract §3b)


def test_without_bokforing_the_defaults_apply(tmp_path):
    meta, _ = _read(tmp_path, BASE)
    assert meta.bokforing == Bookkeeping(None, 6, None, ((4000, 7999),), None)


def test_a_full_bokforing_section_is_read(tmp_path):
    meta, problems = _read(
        tmp_path,
        BASE
        + (
            '[bokforing]\nobjekt = "115"\ndimension = 1\nobjektkolumn = "Projekt"\n'
            'kostnadskonton = ["4000-6999", "7010", 7500, "7600 - 7699"]\nkontoplan = "kommun-bas"\n'
        ),
    )
    assert (problems, meta.bokforing) == (
        [],
        Bookkeeping("115", 1, "Projekt", ((4000, 6999), (7010, 7010), (7500, 7500), (7600, 7699)), "Kommun-BAS"),
    )


def test_an_objekt_written_as_a_number_is_read_as_its_text(tmp_path):
    meta, _ = _read(tmp_path, BASE + "[bokforing]\nobjekt = 115\n")
    assert meta.bokforing.objekt == "115"


def test_kontoplan_bas_in_any_case_is_stored_as_bas(tmp_path):
    meta, _ = _read(tmp_path, BASE + '[bokforing]\nkontoplan = "bas"\n')
    assert meta.bokforing.kontoplan == "BAS"


@pytest.mark.parametrize(
    "line, key, value",
    [
        ("objekt = true", "bokforing.objekt", "true"),
        ("objekt = [115]", "bokforing.objekt", "[115]"),
        ("dimension = 0", "bokforing.dimension", "0"),
        ("dimension = true", "bokforing.dimension", "true"),
        ('dimension = "6"', "bokforing.dimension", "6"),
        ("objektkolumn = 3", "bokforing.objektkolumn", "3"),
        ('kostnadskonton = "4000-7999"', "bokforing.kostnadskonton", "4000-7999"),
        ("kostnadskonton = []", "bokforing.kostnadskonton", "[]"),
        ('kostnadskonton = ["7999-4000"]', "bokforing.kostnadskonton", "7999-4000"),
        ('kostnadskonton = ["4000–7999", "konton"]', "bokforing.kostnadskonton", "konton"),
        ("kostnadskonton = [[4000, 7999]]", "bokforing.kostnadskonton", "[4000, 7999]"),
        ('kontoplan = "K3"', "bokforing.kontoplan", "K3"),
    ],
)
def test_a_wrong_bokforing_key_is_an_error_naming_it(tmp_path, line, key, value):
    _, problems = _read(tmp_path, BASE + f"[bokforing]\n{line}\n")
    assert _errors(problems) == [(key, value)]


def test_an_unknown_kontoplan_lists_the_two_known_ones(tmp_path):
    _, problems = _read(tmp_path, BASE + '[bokforing]\nkontoplan = "K3"\n')
    assert "BAS eller Kommun-BAS" in problems[0].forvantat


def test_bokforing_that_is_not_a_table_is_an_error(tmp_path):
    _, problems = _read(tmp_path, _with('bokforing = "115"'))
    assert _errors(problems) == [("bokforing", "115")]


def test_an_unknown_bokforing_key_is_a_warning_naming_it(tmp_path):
    _, problems = _read(tmp_path, BASE + '[bokforing]\nobject = "115"\n')
    assert [(p.niva, p.kolumn) for p in problems] == [(WARNING, "bokforing.object")]


# rapportperioder (contract §5b); MINIMAL runs 2025-02-01 – 2027-01-31

D = dt.date


def test_by_default_the_periods_are_the_half_years_inside_the_project(tmp_path):
    meta, _ = _read(tmp_path, BASE)
    assert meta.rapportperioder == (
        (D(2025, 2, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 1, 31)),
    )


def test_listed_periods_are_read_in_order(tmp_path):
    meta, _ = _read(tmp_path, _with("rapportperioder = [[2025-02-01, 2025-12-31], [2026-01-01, 2027-01-31]]"))
    assert meta.rapportperioder == ((D(2025, 2, 1), D(2025, 12, 31)), (D(2026, 1, 1), D(2027, 1, 31)))


@pytest.mark.parametrize(
    "periods, value, phrase",
    [
        ("[[2025-06-30, 2025-02-01]]", "2025-06-30 – 2025-02-01", "efter startdatumet"),
        ("[[2025-01-01, 2025-06-30]]", "2025-01-01 – 2025-06-30", "inom projektperioden 2025-02-01 – 2027-01-31"),
        ("[[2026-07-01, 2027-02-28]]", "2026-07-01 – 2027-02-28", "inom projektperioden"),
        ("[[2025-02-01, 2025-06-30], [2025-06-30, 2025-12-31]]", "2025-06-30 – 2025-12-31", "utan överlapp"),
        ("[[2026-01-01, 2026-06-30], [2025-02-01, 2025-06-30]]", "2025-02-01 – 2025-06-30", "i ordning"),
        ("[[2025-02-01]]", "[2025-02-01]", "två datum"),
        ("[2025-02-01, 2025-06-30]", "2025-02-01", "två datum"),
        ('[[2025-02-01, "juni"]]', "juni", "ett datum"),
        ('"2025"', "2025", "en lista med perioder"),
    ],
)
def test_a_wrong_period_is_an_error_naming_rapportperioder_and_the_period(tmp_path, periods, value, phrase):
    _, problems = _read(tmp_path, _with(f"rapportperioder = {periods}"))
    assert [(p.kolumn, p.varde, phrase in p.forvantat) for p in problems] == [("rapportperioder", value, True)]
