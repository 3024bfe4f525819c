"""Each table's columns, defined once: texts in both languages, fields of its query, cells written one way."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from lagesbild import claims, columns, formatting, i18n, overview, staff
from lagesbild.exports import ALL_ACTIVITIES
from lagesbild.problems import error

SPECS = {
    name: value
    for name, value in vars(columns).items()
    if name.isupper() and isinstance(value, tuple) and value and all(isinstance(c, columns.Column) for c in value)
}

# Each spec and the queries whose rows it shows (a page adds the goal and unit of its indicator to its values).
SHOWN_WITH = {
    "COSTS_BY_CATEGORY": ("costs_by_category",),
    "COSTS_BY_CATEGORY_AND_YEAR": ("costs_by_category_and_year",),
    "COSTS_BY_MONTH": ("costs_by_month",),
    "FINANCIERS": ("financiers",),
    "INDICATORS": ("indicators",),
    "GENDER_SPLIT": ("indicator_values",),
    "INDICATOR_VALUES": ("indicator_values", "indicators"),
    "ACTIVITIES": ("activities_page",),
    "INFLUENCE_EFFORTS": ("influence_efforts",),
    "INFLUENCE_COUNTS": ("influence_counts_by_status",),
    "MEETINGS_BY_TYPE": ("meetings_by_type",),
    "RISKS": ("risks",),
    "DECISIONS": ("decisions",),
    "OPEN_DECISIONS": ("open_decisions",),
    "PERIOD_COSTS": ("period_costs_by_category",),
    "STAFF": ("staff_costs",),
    "STAFF_HOURS": ("staff_hours",),
    "STAFF_VS_LEDGER": ("staff_vs_ledger",),
}
# Specs of problems and notes (lagesbild.problems.Problem.as_dict), not of a query.
OF_PROBLEMS = ("PROBLEMS", "NOTES")


@pytest.fixture(scope="module")
def stracket_columns(stracket_project) -> dict[str, set[str]]:
    """The columns each query returns on data/stracket, for its first reporting period where it takes one."""
    period = claims.period(stracket_project, 1)
    params = {
        "activities_page": ALL_ACTIVITIES,
        "influence_efforts": {"kommande_dagar": overview.UPCOMING_DAYS},
        "risks": {"bara_oppna": False},
        "period_costs_by_category": claims.params(period),
        "staff_costs": staff.params(period),
        "staff_hours": staff.params(period),
        "staff_vs_ledger": staff.params(period),
    }
    names = {name for queries in SHOWN_WITH.values() for name in queries}
    return {
        name: set(stracket_project.frame(name, stracket_project.rapportdatum, **params.get(name, {})).columns)
        for name in names
    }


def test_every_spec_of_the_module_is_named_with_its_query():
    assert set(SPECS) == set(SHOWN_WITH) | set(OF_PROBLEMS)


@pytest.mark.parametrize("name", OF_PROBLEMS)
def test_every_field_of_a_problem_spec_is_a_key_of_a_problem(name):
    problem = error("utfall.csv", 3, "Belopp", "tolv", "cell_amount")
    assert [c.field for c in SPECS[name] if c.field not in problem.as_dict()] == []


@pytest.mark.parametrize("name", sorted(SPECS))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_label_of_a_spec_has_a_text_in_both_languages(name, lang):
    assert all(i18n.t(c.label, lang) for c in SPECS[name])


@pytest.mark.parametrize("name", sorted(SHOWN_WITH))
def test_every_field_of_a_spec_is_a_column_of_its_query(name, stracket_columns):
    returned = set().union(*(stracket_columns[q] for q in SHOWN_WITH[name]))
    assert [c.field for c in SPECS[name] if c.field not in returned] == []


@pytest.mark.parametrize("name", sorted(SHOWN_WITH))
def test_every_total_a_spec_takes_from_its_query_is_a_column_of_it(name, stracket_columns):
    returned = set().union(*(stracket_columns[q] for q in SHOWN_WITH[name]))
    assert [c.total for c in SPECS[name] if isinstance(c.total, str) and c.total not in returned] == []


@pytest.mark.parametrize("name", sorted(SPECS))
def test_no_spec_names_a_field_twice(name):
    fields = columns.fields(SPECS[name])
    assert len(fields) == len(set(fields))


def test_a_narrower_view_keeps_the_columns_it_names_in_that_order():
    assert columns.fields(columns.pick(columns.RISKS, "status id risk")) == ["status", "id", "risk"]


def test_a_narrower_view_takes_its_header_from_the_spec():
    assert columns.pick(columns.FINANCIERS, "atagande_kr")[0].label == "col.commitment"


def test_a_view_without_a_total_row_adds_nothing_up():
    assert not columns.has_total(columns.pick(columns.FINANCIERS, "finansiar fordelat_kr tak_kr", total=False))


@pytest.mark.parametrize(
    ("kind", "value", "lang", "written"),
    [
        (columns.KR, 1_800_000, "sv", "1\u00a0800\u00a0000\u00a0kr"),
        (columns.KR, 1_800_000, "en", "SEK\u00a01,800,000"),
        (columns.PCT, 0.444, "sv", "44,4\u00a0%"),
        (columns.PCT, 0.444, "en", "44.4%"),
        (columns.SHARE_PCT, 31, "sv", "31,0\u00a0%"),
        (columns.DATE, dt.date(2026, 10, 31), "sv", "2026-10-31"),
        (columns.NUM, 2.5, "sv", "2,5"),
        (columns.NUM, 327.0, "sv", "327"),
        (columns.INT, 1234, "sv", "1\u00a0234"),
        (columns.STATUS, "Försenad", "sv", "Försenad"),
        (columns.STATUS, "Försenad", "en", "Late"),
        (columns.FLAG, True, "sv", "Ja"),
        (columns.FLAG, True, "en", "Yes"),
        (columns.FLAG, False, "sv", ""),
        (columns.LABEL, "total", "en", "Total"),
        (columns.TEXT, "Region Örebro län", "sv", "Region Örebro län"),
    ],
)
def test_a_cell_is_written_as_the_reader_reads_it(kind, value, lang, written):
    with formatting.language(lang):
        assert columns.cell(value, columns.Column("x", "col.value", kind), lang) == written


def test_a_cell_with_decimals_of_its_own_keeps_them():
    with formatting.language("sv"):
        assert columns.cell(2.0, columns.Column("x", "col.hours", columns.NUM, decimals=1), "sv") == "2,0"


def test_a_missing_value_is_written_as_the_blank_asked_for():
    assert columns.cell(None, columns.Column("x", "col.budget", columns.KR), "sv", blank="–") == "–"


def test_a_financiers_flags_are_written_as_their_short_texts():
    flags = columns.pick(columns.FINANCIERS, "flaggor")[0]
    assert columns.cell(["tak", "maxandel"], flags, "sv") == "Tak överskridet, Maxandel överskriden"


def test_the_binding_limit_of_a_financier_is_written_out():
    binding = columns.pick(columns.FINANCIERS, "begransning")[0]
    assert columns.cell("maxandel", binding, "sv") == i18n.t("claim.binding.maxandel", "sv")


def _categories() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kostnadsslag": ["Egen personal", "Resor"],
            "budget_kr": [1000.0, 500.0],
            "upparbetat_kr": [400.0, 200.0],
            "upparbetat_andel": [0.4, 0.4],
            "upparbetat_andel_totalt": [0.4, 0.4],
        }
    )


def test_a_total_row_adds_up_the_amounts_it_is_asked_to():
    spec = columns.pick(columns.COSTS_BY_CATEGORY, "kostnadsslag budget_kr upparbetat_kr upparbetat_andel")
    assert columns.total_row(_categories(), spec)["budget_kr"] == 1500


def test_a_total_row_takes_a_share_from_the_querys_total():
    spec = columns.pick(columns.COSTS_BY_CATEGORY, "kostnadsslag budget_kr upparbetat_andel")
    frame = _categories().assign(upparbetat_andel_totalt=0.25)
    assert columns.total_row(frame, spec)["upparbetat_andel"] == 0.25


def test_a_total_row_says_totalt_in_its_first_column_of_words():
    spec = columns.pick(columns.COSTS_BY_CATEGORY, "kostnadsslag budget_kr upparbetat_andel")
    with formatting.language("sv"):
        assert columns.rows(_categories(), spec, "sv")[-1] == ["Totalt", "1\u00a0500\u00a0kr", "40,0\u00a0%"]


def test_a_single_row_has_no_total_row():
    spec = columns.pick(columns.COSTS_BY_CATEGORY, "kostnadsslag budget_kr")
    assert columns.total_row(_categories().iloc[:1], spec) is None


def test_the_category_total_share_is_the_spent_share_of_the_whole_budget(stracket_project):
    frame = stracket_project.frame("costs_by_category", stracket_project.rapportdatum)
    # upparbetat / budget = 2 755 254,55 / 5 910 000 = 0,46620
    assert frame.upparbetat_andel_totalt.iloc[0] == pytest.approx(2_755_254.55 / 5_910_000, abs=1e-6)


def test_region_orebro_lan_gives_30_5_percent_of_the_financing(stracket_project):
    frame = stracket_project.frame("financiers", stracket_project.rapportdatum).set_index("finansiar")
    # 1 800 000 of the commitments' 5 910 000
    assert frame.atagande_andel["Region Örebro län 1:1-medel"] == pytest.approx(1_800_000 / 5_910_000)


def test_the_share_of_women_at_all_meeting_places_is_44_4_percent(stracket_project):
    frame = stracket_project.frame("meetings_by_type", stracket_project.rapportdatum)
    # 157 women and 197 men: 157 / 354 = 0,4435
    assert frame.andel_kvinnor_totalt.iloc[0] == pytest.approx(157 / 354)


def test_the_forecast_is_296_495_kronor_under_budget(stracket_project):
    totals = stracket_project.frame("project_totals", stracket_project.rapportdatum).iloc[0]
    # 5 613 504,73 − 5 910 000 = −296 495,27
    assert totals.prognos_mot_budget_kr == pytest.approx(-296_495.27, abs=0.01)
