"""Every dashboard page, run through Streamlit's AppTest on the example data and on a small project.

The figures a page shows must be the figures of the data contract: the example project's
come from lagesbild.summary (what `python -m lagesbild summary` prints), the small fixture
project's were worked out by hand (tests/fixtures/app/README.md).

Each page is rendered once per data folder and the rendered tree is shared by the tests
that read it, so the whole file runs in a few seconds.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from support import REPO, STRACKET, csv_rows, kr, nodes, open_page, plain, table_with, tables

from lagesbild import formatting
from lagesbild import project as projects
from lagesbild.summary import summary

EXAMPLE = REPO / "data"  # stracket (the default: latest rapportdatum) and bergslaget-2023
APP_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "app"
SMALL = APP_FIXTURES / "small"  # litet-projekt, figures in tests/fixtures/app/README.md

# page file stem → its title in Swedish
PAGES = {
    "oversikt": "Översikt",
    "mal": "Mål och indikatorer",
    "ekonomi": "Ekonomi",
    "aktiviteter": "Aktiviteter",
    "paverkan": "Påverkansarbete",
    "motesplatser": "Mötesplatser och jämställdhet",
    "risker": "Risker och beslut",
    "datakvalitet": "Datakvalitet",
}

IMG = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"


# --------------------------------------------------------------------------- rendering


@pytest.fixture(scope="module")
def rendered() -> Callable[[Path, str], AppTest]:
    """Each (data folder, page) rendered once for the module; tests only read the result."""
    cache: dict[tuple[Path, str], AppTest] = {}

    def get(data: Path, page: str) -> AppTest:
        if (data, page) not in cache:
            cache[data, page] = open_page(data, page)
        return cache[data, page]

    return get


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: plain(m.value) for m in at.metric}


def table_after(at: AppTest, heading: str) -> pd.DataFrame:
    """The first table after the subheader `heading`."""
    seen = False
    for node in nodes(at.main):
        if node.type == "subheader" and node.value == heading:
            seen = True
        elif seen and node.type == "dataframe":
            return node.value.map(plain)
    raise AssertionError(f"no table after the subheader {heading!r}")


def text_after(at: AppTest, heading: str) -> str:
    """The first plain text after the subheader `heading`."""
    seen = False
    for node in nodes(at.main):
        if node.type == "subheader" and node.value == heading:
            seen = True
        elif seen and node.type == "text":
            return node.value
    raise AssertionError(f"no text after the subheader {heading!r}")


def cells(at: AppTest) -> list[str]:
    return [str(v) for df in tables(at) for v in df.to_numpy().ravel()]


def markdown_texts(at: AppTest) -> list[str]:
    """Everything on the page that Streamlit renders as Markdown or HTML."""
    texts: list[str] = []
    for node in nodes(at):
        if node.type in (
            "markdown",
            "caption",
            "title",
            "header",
            "subheader",
            "html",
            "latex",
            "error",
            "warning",
            "info",
            "success",
            "exception",
        ):
            texts.append(str(node.value))
        for attribute in ("label", "help"):
            value = getattr(node, attribute, None)
            if isinstance(value, str):
                texts.append(value)
    return texts


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("data", [EXAMPLE, SMALL], ids=["example", "small"])
def test_the_page_runs_without_an_exception(rendered, data, page):
    assert not rendered(data, page).exception


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("data", [EXAMPLE, SMALL], ids=["example", "small"])
def test_the_page_shows_its_own_title(rendered, data, page):
    assert [t.value for t in rendered(data, page).title] == [PAGES[page]]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("data", [EXAMPLE, SMALL], ids=["example", "small"])
def test_the_page_writes_no_stray_none(rendered, data, page):
    assert "`None`" not in [m.value for m in rendered(data, page).markdown]


# --------------------------------------------------------------------------- example project


@pytest.fixture(scope="module")
def example_summary() -> dict:
    return summary(projects.load(EXAMPLE / "stracket"))


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Budget", "5 910 000 kr"),
        ("Upparbetat", "2 755 255 kr"),
        ("Plan till datum", "3 119 667 kr"),
        ("Avvikelse mot plan", "−364 412 kr"),
        ("Prognos vid projektslut", "5 613 505 kr"),
    ],
)
def test_overview_of_the_example_shows_the_metric(rendered, label, value):
    assert metrics(rendered(EXAMPLE, "oversikt"))[label] == value


def test_overview_metrics_of_the_example_equal_the_summary(rendered, example_summary):
    shown = metrics(rendered(EXAMPLE, "oversikt"))
    expected = {
        "Budget": "budget",
        "Upparbetat": "upparbetat",
        "Plan till datum": "plan_till_datum",
        "Avvikelse mot plan": "avvikelse",
        "Prognos vid projektslut": "prognos",
    }
    assert {label: shown[label] for label in expected} == {
        label: kr(example_summary[key]) for label, key in expected.items()
    }


def test_overview_of_the_example_opens_on_stracket(rendered):
    assert "Stärkt konkurrenskraft" in rendered(EXAMPLE, "oversikt").text[0].value


def test_economy_of_the_example_shows_region_orebro_lans_commitment(rendered):
    financiers = table_with(rendered(EXAMPLE, "ekonomi"), "Finansiär", "Åtagande")
    row = financiers[financiers["Finansiär"].str.startswith("Region Örebro län")]
    assert row["Åtagande"].tolist() == ["1 800 000 kr"]


def test_economy_financier_table_of_the_example_equals_the_summary(rendered, example_summary):
    financiers = table_with(rendered(EXAMPLE, "ekonomi"), "Finansiär", "Att rekvirera").iloc[:-1]  # not Totalt
    shown = {
        row["Finansiär"]: [
            row["Åtagande"],
            row["Fördelat"],
            row["Rekvirerat"],
            row["Inbetalt"],
            row["Att rekvirera"],
            row["Kvar"],
        ]
        for _, row in financiers.iterrows()
    }
    assert shown == {
        f["finansiar"]: [
            kr(f["atagande"]),
            kr(f["fordelat"]),
            kr(f["rekvirerat"]),
            kr(f["inbetalt"]),
            kr(f["att_rekvirera"]),
            kr(f["kvar"]),
        ]
        for f in example_summary["finansiarer"]
    }


def test_economy_cost_categories_of_the_example_equal_the_summary(rendered, example_summary):
    categories = table_with(rendered(EXAMPLE, "ekonomi"), "Kostnadsslag", "Kvar").iloc[:-1]  # not Totalt
    assert dict(
        zip(categories["Kostnadsslag"], zip(categories["Budget"], categories["Upparbetat"], strict=True), strict=True)
    ) == {c["kostnadsslag"]: (kr(c["budget"]), kr(c["upparbetat"])) for c in example_summary["kostnadsslag"]}


@pytest.mark.parametrize(
    ("label", "value"), [("Mötesplatser", "25"), ("Kvinnor", "157"), ("Män", "197"), ("Andel kvinnor", "44,4 %")]
)
def test_meetings_page_of_the_example_shows_the_metric(rendered, label, value):
    assert metrics(rendered(EXAMPLE, "motesplatser"))[label] == value


def test_meetings_metrics_of_the_example_equal_the_summary(rendered, example_summary):
    totals = example_summary["motesplatser"]
    assert metrics(rendered(EXAMPLE, "motesplatser")) == {
        "Mötesplatser": plain(formatting.number(totals["antal"])),
        "Kvinnor": plain(formatting.number(totals["kvinnor"])),
        "Män": plain(formatting.number(totals["man"])),
        "Andel kvinnor": plain(formatting.pct(totals["andel_kvinnor"])),
    }


def test_goals_page_of_the_example_shows_every_status_of_the_scale(rendered):
    indicators = table_with(rendered(EXAMPLE, "mal"), "Måluppfyllelse", "Status")
    assert set(indicators["Status"]) == {"Uppnått", "I fas", "Risk", "Efter"}


def test_goals_page_statuses_of_the_example_equal_the_summary(rendered, example_summary):
    indicators = table_with(rendered(EXAMPLE, "mal"), "Måluppfyllelse", "Status")
    assert dict(zip(indicators["Id"], indicators["Status"], strict=True)) == {
        i["id"]: i["status"] for i in example_summary["indikatorer"]
    }


def test_activities_timeline_of_the_example_lists_two_late_activities(rendered):
    timeline = table_with(rendered(EXAMPLE, "aktiviteter"), "Aktivitet", "Status")
    assert (timeline["Status"] == "Försenad").sum() == 2


def test_activities_timeline_of_the_example_counts_statuses_as_the_summary(rendered, example_summary):
    timeline = table_with(rendered(EXAMPLE, "aktiviteter"), "Aktivitet", "Status")
    expected = {status: n for status, n in example_summary["aktiviteter"].items() if n}
    assert timeline["Status"].value_counts().to_dict() == expected


def test_influence_page_of_the_example_lists_four_overdue_efforts(rendered):
    assert len(table_after(rendered(EXAMPLE, "paverkan"), "Försenade insatser")) == 4


def test_influence_overdue_count_of_the_example_equals_the_summary(rendered, example_summary):
    overdue = table_after(rendered(EXAMPLE, "paverkan"), "Försenade insatser")
    assert len(overdue) == example_summary["paverkan"]["forsenade"]


def test_risks_page_of_the_example_lists_the_open_decisions(rendered):
    # data/stracket/beslut.csv: B6, B7 and B8 have Status Öppen, B1–B5 are Klar
    decisions = table_after(rendered(EXAMPLE, "risker"), "Öppna beslut")
    assert sorted(decisions["Id"]) == ["B6", "B7", "B8"]


def test_risks_page_of_the_example_flags_the_decision_past_its_deadline(rendered):
    decisions = table_after(rendered(EXAMPLE, "risker"), "Öppna beslut")
    assert decisions.set_index("Id")["Försenad"].to_dict() == {"B6": "Ja", "B7": "", "B8": ""}


def test_data_quality_page_of_the_example_says_there_are_no_errors(rendered):
    at = rendered(EXAMPLE, "datakvalitet")
    assert [s.value for s in at.success] == ["Inga fel eller varningar. Data är redo för mötet."]


def test_no_page_of_the_example_shows_a_data_error_banner(rendered):
    assert not [w.value for page in PAGES for w in rendered(EXAMPLE, page).warning]


# --------------------------------------------------------------------------- small project


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Budget", "288 000 kr"),
        ("Upparbetat", "65 000 kr"),
        ("Plan till datum", "72 000 kr"),
        ("Avvikelse mot plan", "−7 000 kr"),
        ("Prognos vid projektslut", "260 000 kr"),
    ],
)
def test_overview_of_the_small_project_shows_the_hand_checked_metric(rendered, label, value):
    assert metrics(rendered(SMALL, "oversikt"))[label] == value


def test_overview_of_the_small_project_shows_the_share_of_budget_spent(rendered):
    spent = next(m for m in rendered(SMALL, "oversikt").metric if m.label == "Upparbetat")
    assert plain(spent.proto.delta) == "22,6 % av budget"  # 65 000 / 288 000


def test_overview_of_the_small_project_shows_the_costs_booked_since_the_last_meeting(rendered):
    assert metrics(rendered(SMALL, "oversikt"))["Bokförda kostnader"] == "45 000 kr"


def test_overview_of_the_small_project_names_the_last_meeting(rendered):
    assert "Sedan förra mötet (2025-03-15)" in [s.value for s in rendered(SMALL, "oversikt").subheader]


def test_overview_of_the_small_project_flags_what_needs_attention(rendered):
    flags = text_after(rendered(SMALL, "oversikt"), "Att uppmärksamma").splitlines()
    assert flags == [
        "• Försenade aktiviteter: 1",
        "• Försenade påverkansinsatser: 1",
        "• Indikatorer som ligger efter: 1",
        "• Öppna beslut efter deadline: 1",
    ]


def test_overview_of_the_small_project_lists_its_open_decision(rendered):
    decisions = table_after(rendered(SMALL, "oversikt"), "Öppna beslut")
    assert decisions[["Id", "Försenad"]].values.tolist() == [["B1", "Ja"]]


def test_goals_page_of_the_small_project_shows_every_indicator_status(rendered):
    indicators = table_with(rendered(SMALL, "mal"), "Måluppfyllelse", "Status")
    assert dict(zip(indicators["Id"], indicators["Status"], strict=True)) == {
        "I1": "Uppnått",
        "I2": "I fas",
        "I3": "Risk",
        "I4": "Efter",
        "I5": "Ingen mätning",
    }


def test_goals_page_of_the_small_project_shows_progress_and_expected_share(rendered):
    indicators = table_with(rendered(SMALL, "mal"), "Måluppfyllelse", "Förväntat")
    assert indicators.set_index("Id").loc["I2", ["Måluppfyllelse", "Förväntat"]].tolist() == ["30,0 %", "24,7 %"]


def test_goals_page_of_the_small_project_shows_the_goal_tree(rendered):
    tree = table_after(rendered(SMALL, "mal"), "Målträd")
    assert len(tree) == 2 and tree["Mål"].str.contains("Fler gemensamma möten").any()


def test_economy_page_of_the_small_project_shows_each_financiers_position(rendered):
    financiers = table_with(rendered(SMALL, "ekonomi"), "Finansiär", "Att rekvirera")
    shown = financiers.set_index("Finansiär")[
        ["Åtagande", "Fördelat", "Rekvirerat", "Inbetalt", "Att rekvirera", "Kvar"]
    ]
    assert shown.loc["Region Test"].tolist() == [
        "144 000 kr",
        "32 500 kr",
        "20 000 kr",
        "15 000 kr",
        "12 500 kr",
        "111 500 kr",
    ]


def test_economy_page_of_the_small_project_shows_costs_per_category(rendered):
    categories = table_with(rendered(SMALL, "ekonomi"), "Kostnadsslag", "Kvar")
    assert categories[["Kostnadsslag", "Budget", "Upparbetat", "Kvar"]].values.tolist() == [
        ["Personal", "240 000 kr", "60 000 kr", "180 000 kr"],
        ["Resor", "48 000 kr", "5 000 kr", "43 000 kr"],
        ["Totalt", "288 000 kr", "65 000 kr", "223 000 kr"],  # 240 000 + 48 000, 60 000 + 5 000, …
    ]


def test_economy_cost_categories_of_the_example_end_with_the_project_totals(rendered, example_summary):
    total = table_with(rendered(EXAMPLE, "ekonomi"), "Kostnadsslag", "Kvar").iloc[-1]
    budget = sum(c["budget"] for c in example_summary["kostnadsslag"])
    spent = sum(c["upparbetat"] for c in example_summary["kostnadsslag"])
    assert (total["Kostnadsslag"], total["Budget"], total["Upparbetat"]) == ("Totalt", kr(budget), kr(spent))
    assert (kr(budget), kr(spent)) == ("5 910 000 kr", "2 755 255 kr")


def test_economy_cost_categories_total_row_gives_the_spent_share_of_the_whole_budget(rendered):
    total = table_with(rendered(EXAMPLE, "ekonomi"), "Kostnadsslag", "Kvar").iloc[-1]
    # 2 755 254,55 / 5 910 000 = 46,6 %, as the pack's total row
    assert total["Andel"].replace("\u00a0", " ") == "46,6 %"


def test_meeting_places_by_type_end_with_the_share_of_women_at_all_of_them(rendered):
    total = table_with(rendered(EXAMPLE, "motesplatser"), "Typ", "Antal", "Andel kvinnor").iloc[-1]
    # 157 women and 197 men: 157 / 354 = 44,4 %
    assert (total["Typ"], total["Andel kvinnor"].replace("\u00a0", " ")) == ("Totalt", "44,4 %")


def test_economy_financier_table_of_the_example_adds_up_the_commitments_to_the_budget(rendered):
    total = table_with(rendered(EXAMPLE, "ekonomi"), "Finansiär", "Att rekvirera").iloc[-1]
    assert (total["Finansiär"], total["Åtagande"]) == ("Totalt", "5 910 000 kr")


def test_economy_page_of_the_small_project_says_no_financing_rule_is_broken(rendered):
    assert "Inga regler överskrids." in [s.value for s in rendered(SMALL, "ekonomi").success]


def test_activities_timeline_of_the_small_project_marks_the_late_activity(rendered):
    timeline = table_with(rendered(SMALL, "aktiviteter"), "Aktivitet", "Status")
    assert dict(zip(timeline["Id"], timeline["Status"], strict=True)) == {
        "A1": "Försenad",
        "A2": "Klar",
        "A3": "Ej påbörjad",
        "A4": "Pågår",
    }


def test_influence_page_of_the_small_project_lists_the_overdue_effort(rendered):
    assert table_after(rendered(SMALL, "paverkan"), "Försenade insatser")["Id"].tolist() == ["P1"]


def test_influence_page_of_the_small_project_lists_the_deadline_within_60_days(rendered):
    # P2 is under way, its answer deadline 2025-07-15 is 15 days after the report date 2025-06-30
    upcoming = table_after(rendered(SMALL, "paverkan"), "Kommande 60 dagar (datum eller sista svarsdag)")
    assert upcoming[["Id", "Sista svarsdag"]].values.tolist() == [["P2", "2025-07-15"]]


def test_influence_page_of_the_small_project_counts_cosigning_financiers(rendered):
    signers = table_after(rendered(SMALL, "paverkan"), "Medundertecknande finansiärer")
    assert dict(zip(signers["Finansiär"], signers["Antal"], strict=True)) == {"Region Test": "2", "Kommun Test": "1"}


@pytest.mark.parametrize(
    ("label", "value"), [("Mötesplatser", "3"), ("Kvinnor", "10"), ("Män", "10"), ("Andel kvinnor", "50,0 %")]
)
def test_meetings_page_of_the_small_project_counts_meetings_up_to_the_report_date(rendered, label, value):
    assert metrics(rendered(SMALL, "motesplatser"))[label] == value


def test_risks_page_of_the_small_project_scores_the_risks(rendered):
    risks = table_after(rendered(SMALL, "risker"), "Risker")
    assert risks[["Id", "Riskvärde", "Status"]].values.tolist() == [["R1", "12", "Öppen"], ["R2", "2", "Stängd"]]


def test_risks_page_of_the_small_project_lists_only_the_open_decision(rendered):
    assert table_after(rendered(SMALL, "risker"), "Öppna beslut")["Id"].tolist() == ["B1"]


def test_data_quality_page_of_the_small_project_says_there_are_no_errors(rendered):
    assert [s.value for s in rendered(SMALL, "datakvalitet").success] == [
        "Inga fel eller varningar. Data är redo för mötet."
    ]


def test_small_project_figures_equal_its_summary(rendered):
    expected = summary(projects.load(SMALL / "litet-projekt"))
    shown = metrics(rendered(SMALL, "oversikt"))
    assert [shown["Budget"], shown["Upparbetat"], shown["Plan till datum"], shown["Prognos vid projektslut"]] == [
        kr(expected["budget"]),
        kr(expected["upparbetat"]),
        kr(expected["plan_till_datum"]),
        kr(expected["prognos"]),
    ]


# --------------------------------------------------------------------------- data is never Markdown


@pytest.fixture(scope="module")
def markup_data(tmp_path_factory) -> Path:
    """The small project with Markdown and HTML in its text cells: a folder of one project."""
    data = tmp_path_factory.mktemp("markup")
    folder = data / "markup"
    shutil.copytree(SMALL / "litet-projekt", folder)
    replacements = {
        "projekt.toml": [('"Litet testprojekt för sidorna"', f'"Projekt {IMG} {LINK}"')],
        "aktiviteter.csv": [("Kartlägga aktörer", IMG), ("Sen leverans", LINK), ("Kommunikation", IMG)],
        "mal.csv": [("Fler gemensamma möten", IMG)],
        "indikatorer.csv": [("Deltagare", LINK)],
        "paverkan.csv": [("Tågtrafik Karlstad–Örebro", IMG), ("Skicka skrivelsen", LINK)],
        "motesplatser.csv": [("Nätverksträff", IMG)],
        "risker.csv": [("Nyckelperson slutar", IMG), ("Dokumentera arbetet", LINK)],
        "beslut.csv": [("Utse kontaktpersoner i varje kommun", IMG)],
        "utfall.csv": [("Hotell Örebro", LINK)],
    }
    for filename, pairs in replacements.items():
        path = folder / filename
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (filename, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def markup_page(markup_data) -> Callable[[str], AppTest]:
    cache: dict[str, AppTest] = {}

    def get(page: str) -> AppTest:
        if page not in cache:
            at = open_page(markup_data, page)
            if page == "ekonomi":  # ledger rows are shown only on request
                with pytest.MonkeyPatch.context() as patch:
                    patch.setenv("LAGESBILD_DATA", str(markup_data))
                    at.toggle(key="ekonomi_ledger_open").set_value(True).run()
            cache[page] = at
        return cache[page]

    return get


# Which payloads each page shows in a table (Datakvalitet shows no data: the project is valid).
MARKUP_IN_TABLES = {
    "oversikt": {IMG, LINK},  # area, indicator name, open decision
    "mal": {IMG, LINK},  # goal tree, indicator name
    "ekonomi": {LINK},  # ledger text
    "aktiviteter": {IMG, LINK},  # activity, comment, area
    "paverkan": {IMG, LINK},  # issue, next step
    "motesplatser": {IMG},  # meeting title
    "risker": {IMG, LINK},  # risk, mitigation, decision
}


@pytest.mark.parametrize("page", PAGES)
def test_markup_in_the_data_breaks_no_page(markup_page, page):
    assert not markup_page(page).exception


@pytest.mark.parametrize("page", MARKUP_IN_TABLES)
def test_markup_in_the_data_appears_verbatim_in_a_table(markup_page, page):
    shown = cells(markup_page(page))
    assert {payload for payload in MARKUP_IN_TABLES[page] if any(payload in cell for cell in shown)} == (
        MARKUP_IN_TABLES[page]
    )


@pytest.mark.parametrize("page", PAGES)
def test_markup_in_the_data_is_never_rendered_as_markdown(markup_page, page):
    rendered_as_markdown = [
        text for text in markdown_texts(markup_page(page)) if "<img" in text or "javascript:" in text
    ]
    assert rendered_as_markdown == []


def test_markup_in_the_project_name_is_shown_as_plain_text(markup_page):
    assert f"Projekt {IMG} {LINK}" in markup_page("oversikt").text[0].value


def test_markup_in_the_data_reaches_chart_labels_escaped(markup_page):
    timeline = markup_page("aktiviteter").get("plotly_chart")[0].proto.spec
    assert "&lt;img src=x onerror=alert(1)&gt;" in timeline and IMG not in timeline


def test_meetings_page_says_why_its_participants_differ_from_the_participants_indicator(rendered):
    # Stråket's I3 was last reported 2026-09-30 (327 participants); the page counts meetings up to 2026-10-31 (354).
    dates = [row["Datum"] for row in csv_rows(STRACKET / "indikatorvarden.csv")]
    last_reported = max(d for d in dates if d <= "2026-10-31")  # projekt.toml's rapportdatum
    assert last_reported == "2026-09-30"
    captions = [c.value for c in rendered(EXAMPLE, "motesplatser").caption]
    assert any("till och med rapportdatum 2026-10-31" in c and f"senast {last_reported}" in c for c in captions)


def test_the_ledger_of_the_example_is_shown_a_hundred_rows_at_a_time(tmp_path):
    # utfall.csv (Windows-1252) has 286 rows, all dated by the report date 2026-10-31 and on cost accounts
    rows = csv_rows(STRACKET / "utfall.csv", encoding="cp1252")
    assert sum(1 for row in rows if row["Datum"] <= "2026-10-31") == 286
    at = open_page(EXAMPLE, "ekonomi")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(EXAMPLE))
        at.toggle(key="ekonomi_ledger_open").set_value(True).run()
    ledger = next(d.value for d in at.dataframe if "Verifikation" in d.value.columns)
    assert (len(ledger), plain(at.text[-1].value)) == (100, "Rad 1–100 av 286")
