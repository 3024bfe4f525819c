"""The shared controls of dashboard.py, through AppTest: project, report date, language, the URL.

Also what the dashboard does with a project it cannot read fully: data errors are shown, never
raised, and a broken projekt.toml stops the figures but not the Datakvalitet page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import DASHBOARD, REPO, STRACKET, csv_rows, kr, kronor, plain

from lagesbild import project as projects
from lagesbild.summary import summary

EXAMPLE = REPO / "data"  # stracket (opened first: latest rapportdatum) and bergslaget-2023
APP_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "app"
SMALL = APP_FIXTURES / "small"  # litet-projekt alone, see tests/fixtures/app/README.md
BROKEN = APP_FIXTURES / "broken"  # felaktiga-rader: an unreadable amount and an unknown status
BROKEN_TOML = APP_FIXTURES / "broken-toml"  # trasig-toml: projekt.toml is not valid TOML

# page file stem → (Swedish title, English title)
PAGES = {
    "oversikt": ("Översikt", "Overview"),
    "mal": ("Mål och indikatorer", "Goals and indicators"),
    "ekonomi": ("Ekonomi", "Finances"),
    "aktiviteter": ("Aktiviteter", "Activities"),
    "paverkan": ("Påverkansarbete", "Influence work"),
    "motesplatser": ("Mötesplatser och jämställdhet", "Meetings and gender balance"),
    "risker": ("Risker och beslut", "Risks and decisions"),
    "datakvalitet": ("Datakvalitet", "Data quality"),
}


Step = Callable[[AppTest], object]


def session(data: Path, *steps: Step, page: str = "oversikt", query: dict[str, str] | None = None) -> AppTest:
    """A fresh session on data (the LAGESBILD_DATA folder): first run, each step and a rerun, the page."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(data))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params.update(query or {})
        at.run()
        for step in steps:
            step(at)
            at.run()
        if page != "oversikt":
            at.switch_page(f"pages/{page}.py")
            at.run()
    return at


@pytest.fixture(scope="module")
def cached() -> Callable[..., AppTest]:
    """session(), run once per distinct call for the whole module; tests only read the result."""
    runs: dict[tuple, AppTest] = {}

    def get(data: Path, *steps: Step, page: str = "oversikt") -> AppTest:
        key = (data, steps, page)
        if key not in runs:
            runs[key] = session(data, *steps, page=page)
        return runs[key]

    return get


def metric(at: AppTest, label: str) -> str:
    return next(plain(m.value) for m in at.metric if m.label == label)


def english(at: AppTest) -> None:
    at.segmented_control(key="lang").set_value("en")


def bergslaget(at: AppTest) -> None:
    at.selectbox(key="projekt").set_value("bergslaget-2023")


def end_of_2025(at: AppTest) -> None:
    at.date_input(key="rapportdatum_stracket").set_value(dt.date(2025, 12, 31))


def small_end_of_2025(at: AppTest) -> None:
    at.date_input(key="rapportdatum_litet-projekt").set_value(dt.date(2025, 12, 31))


# --------------------------------------------------------------------------- project picker


def test_the_project_picker_offers_both_example_projects(cached):
    assert len(cached(EXAMPLE).selectbox(key="projekt").options) == 2


def test_the_project_picker_opens_on_the_project_with_the_latest_report_date(cached):
    assert cached(EXAMPLE).selectbox(key="projekt").value == "stracket"


def test_choosing_bergslaget_shows_its_budget(cached):
    assert metric(cached(EXAMPLE, bergslaget), "Budget") == "1 000 000 kr"


def test_choosing_bergslaget_shows_its_project_name(cached):
    assert cached(EXAMPLE, bergslaget).text[0].value.startswith("Intresseföreningen Bergslaget")


def test_choosing_bergslaget_opens_it_on_its_own_report_date(cached):
    assert cached(EXAMPLE, bergslaget).date_input(key="rapportdatum_bergslaget-2023").value == dt.date(2023, 11, 30)


def test_a_data_folder_with_one_project_shows_no_project_picker(cached):
    assert "projekt" not in [s.key for s in cached(SMALL).selectbox]


def test_a_data_folder_with_one_project_shows_that_project(cached):
    assert metric(cached(SMALL), "Budget") == "288 000 kr"


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize("page", PAGES)
def test_english_gives_every_page_an_english_title(cached, page):
    assert [t.value for t in cached(EXAMPLE, english, page=page).title] == [PAGES[page][1]]


@pytest.mark.parametrize("page", PAGES)
def test_english_raises_on_no_page(cached, page):
    assert not cached(EXAMPLE, english, page=page).exception


def test_english_labels_the_overview_metrics_in_english(cached):
    labels = [m.label for m in cached(EXAMPLE, english).metric][:5]
    assert labels == ["Budget", "Spent", "Plan to date", "Deviation from plan", "Forecast at project end"]


def test_english_labels_the_meeting_metrics_in_english(cached):
    labels = [m.label for m in cached(EXAMPLE, english, page="motesplatser").metric]
    assert labels == ["Meeting places", "Women", "Men", "Share of women"]


def test_english_translates_the_indicator_statuses(cached):
    indicators = next(d.value for d in cached(EXAMPLE, english, page="mal").dataframe if "Progress" in d.value.columns)
    assert set(indicators["Status"]) == {"Achieved", "On track", "At risk", "Behind"}


def test_english_labels_the_shared_controls_in_english(cached):
    at = cached(EXAMPLE, english)
    assert (at.selectbox(key="projekt").label, at.date_input(key="rapportdatum_stracket").label) == (
        "Project",
        "Report date",
    )


def test_english_writes_the_budget_the_english_way(cached):
    budget = sum(kronor(row["Belopp"]) for row in csv_rows(STRACKET / "budget.csv"))
    assert budget == 5_910_000
    assert metric(cached(EXAMPLE, english), "Budget") == "SEK 5,910,000"


def test_english_writes_no_metric_the_swedish_way(cached):
    swedish = re.compile(r"\d \d{3}\b|\d,\d+ ?%| kr\b")
    assert [m.value for m in cached(EXAMPLE, english).metric if swedish.search(plain(m.value))] == []


def test_english_says_the_example_data_has_no_errors_in_english(cached):
    at = cached(EXAMPLE, english, page="datakvalitet")
    assert [s.value for s in at.success] == ["No errors or warnings. The data is ready for the meeting."]


def test_the_language_can_come_from_the_url():
    at = session(EXAMPLE, query={"lang": "en"})
    assert [t.value for t in at.title] == ["Overview"]


# --------------------------------------------------------------------------- report date


def test_the_report_date_starts_at_the_projects_own(cached):
    assert cached(EXAMPLE).date_input(key="rapportdatum_stracket").value == dt.date(2026, 10, 31)


def test_an_earlier_report_date_changes_upparbetat(cached):
    assert metric(cached(EXAMPLE, end_of_2025), "Upparbetat") != metric(cached(EXAMPLE), "Upparbetat")


def test_an_earlier_report_date_shows_upparbetat_of_the_summary_at_that_date(cached):
    expected = summary(projects.load(EXAMPLE / "stracket"), dt.date(2025, 12, 31))["upparbetat"]
    assert metric(cached(EXAMPLE, end_of_2025), "Upparbetat") == kr(expected)


def test_a_later_report_date_counts_the_small_projects_july_salary(cached):
    assert metric(cached(SMALL, small_end_of_2025), "Upparbetat") == "75 000 kr"


def test_the_report_date_carries_over_to_other_pages(cached):
    at = cached(SMALL, small_end_of_2025, page="motesplatser")
    assert metric(at, "Mötesplatser") == "4"  # the meeting of 2025-09-01 now counts


# --------------------------------------------------------------------------- URL


def query(at: AppTest) -> dict[str, str]:
    """The URL's query parameters after the run, one value each."""
    return {key: value if isinstance(value, str) else value[-1] for key, value in at.query_params.items()}


def test_the_url_carries_the_project_report_date_and_language(cached):
    assert query(cached(EXAMPLE)) == {"projekt": "stracket", "rapportdatum": "2026-10-31", "lang": "sv"}


def test_the_url_follows_a_changed_report_date(cached):
    assert query(cached(EXAMPLE, end_of_2025))["rapportdatum"] == "2025-12-31"


def test_the_url_follows_a_changed_project(cached):
    assert query(cached(EXAMPLE, bergslaget))["projekt"] == "bergslaget-2023"


def test_the_url_follows_a_changed_language(cached):
    assert query(cached(EXAMPLE, english))["lang"] == "en"


def test_a_url_with_project_and_report_date_opens_that_picture():
    at = session(EXAMPLE, query={"projekt": "bergslaget-2023", "rapportdatum": "2023-06-30"})
    expected = summary(projects.load(EXAMPLE / "bergslaget-2023"), dt.date(2023, 6, 30))["upparbetat"]
    assert metric(at, "Upparbetat") == kr(expected)


def test_a_url_naming_an_unknown_project_opens_the_default_one():
    at = session(EXAMPLE, query={"projekt": "finns-inte"})
    assert query(at)["projekt"] == "stracket"


# --------------------------------------------------------------------------- data errors


@pytest.mark.parametrize("page", PAGES)
def test_a_project_with_data_errors_raises_on_no_page(cached, page):
    assert not cached(BROKEN, page=page).exception


def test_a_project_with_data_errors_shows_a_warning_banner_on_the_overview(cached):
    assert [w.value for w in cached(BROKEN).warning] == [
        "Data har 2 fel – siffrorna bygger bara på de rader som gick att läsa. Se Datakvalitet."
    ]


def test_a_project_with_data_errors_still_shows_figures_from_the_readable_rows(cached):
    assert metric(cached(BROKEN), "Upparbetat") == "55 000 kr"  # the April salary is unreadable


def test_data_quality_counts_the_errors(cached):
    assert [e.value for e in cached(BROKEN, page="datakvalitet").error] == ["2 fel och 0 varningar."]


def problems(at: AppTest) -> list[list[str]]:
    table = next(d.value for d in at.dataframe if "Fil" in d.value.columns)
    return table[["Fil", "Rad", "Kolumn", "Värde"]].values.tolist()


def test_data_quality_lists_the_unreadable_amount_with_file_row_and_column(cached):
    assert ["utfall.csv", "6", "Belopp", "tiotusen"] in problems(cached(BROKEN, page="datakvalitet"))


def test_data_quality_lists_the_unknown_status_with_file_row_and_column(cached):
    assert ["aktiviteter.csv", "3", "Status", "Halvklar"] in problems(cached(BROKEN, page="datakvalitet"))


def test_data_quality_says_what_was_expected_of_the_unknown_status(cached):
    table = next(d.value for d in cached(BROKEN, page="datakvalitet").dataframe if "Fil" in d.value.columns)
    expected = table[table["Värde"] == "Halvklar"]["Förväntat"].tolist()
    assert len(expected) == 1 and "Ej påbörjad, Pågår, Klar, Pausad, Struken" in expected[0]


# --------------------------------------------------------------------------- broken projekt.toml


@pytest.mark.parametrize("page", PAGES)
def test_a_project_with_a_broken_toml_raises_on_no_page(cached, page):
    assert not cached(BROKEN_TOML, page=page).exception


def test_a_project_with_a_broken_toml_says_it_cannot_be_shown(cached):
    assert [e.value for e in cached(BROKEN_TOML).error] == [
        "Projektet kan inte visas: projekt.toml saknas eller är felaktig. Se Datakvalitet."
    ]


def test_a_project_with_a_broken_toml_shows_no_figures(cached):
    assert not cached(BROKEN_TOML).metric


def test_data_quality_lists_the_toml_problem_with_its_line(cached):
    table = next(d.value for d in cached(BROKEN_TOML, page="datakvalitet").dataframe if "Fil" in d.value.columns)
    assert table[["Fil", "Rad"]].values.tolist() == [["projekt.toml", "6"]]


def test_data_quality_says_the_toml_must_be_valid(cached):
    table = next(d.value for d in cached(BROKEN_TOML, page="datakvalitet").dataframe if "Fil" in d.value.columns)
    assert table["Förväntat"].str.startswith("giltig TOML").tolist() == [True]
