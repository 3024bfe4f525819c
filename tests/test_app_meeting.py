"""Översikt as the steering group's meeting page: a verdict per area, its reasons and the decisions to make;
and what a meeting reads on the other pages: the forecast, the report date in the charts, the colours.

The verdict rules are those of docs/data-format.md ("Bedömning per område"). Each expected
verdict is worked out here from the example files with the rules written out beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import BERGSLAGET, DASHBOARD, DATA, STRACKET, csv_rows, nodes, open_page, plain, write_project

R_STRACKET = dt.date(2026, 10, 31)  # data/stracket/projekt.toml rapportdatum
R_BERGSLAGET = dt.date(2023, 11, 30)  # data/bergslaget-2023/projekt.toml rapportdatum
GREEN, AMBER, RED = "● Grönt · I fas", "▲ Gult · Bevaka", "■ Rött · Åtgärd krävs"
AREAS = ("Ekonomi", "Mål", "Aktiviteter", "Påverkansarbete", "Risker")


def run(page: str, project: str, **query: str) -> AppTest:
    """A fresh session on data/ with project open on pages/<page>.py, the address carrying query."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LAGESBILD_DATA", str(DATA))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params["projekt"] = project
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page != "oversikt":
            at.switch_page(f"pages/{page}.py")
            at.run()
    return at


@pytest.fixture(scope="module")
def overview() -> Callable[[str], AppTest]:
    cache: dict[str, AppTest] = {}

    def get(project: str) -> AppTest:
        if project not in cache:
            cache[project] = run("oversikt", project)
        return cache[project]

    return get


def verdicts(at: AppTest) -> dict[str, dict]:
    """Area → its badge, its reason and its links (page, query), read in the order the page shows them."""
    found: dict[str, dict] = {}
    current: dict | None = None
    for node in nodes(at.main):
        if node.type == "markdown" and node.value.strip("*") in AREAS and node.value.startswith("**"):
            current = found.setdefault(node.value.strip("*"), {"badge": None, "reason": None, "links": []})
        elif current is not None and node.type == "markdown" and current["badge"] is None:
            current["badge"] = node.value.split("[", 1)[1].rstrip("]")
        elif current is not None and node.type == "text" and current["reason"] is None:
            current["reason"] = plain(node.value)
        elif current is not None and node.type == "page_link":
            current["links"].append((node.proto.page, node.proto.query_string))
        elif node.type == "subheader" and found:
            current = None
    return found


def late_activities(folder: Path, r: dt.date) -> dict[str, int]:
    """Id → days past Slut of every activity shown as Försenad: Ej påbörjad or Pågår and Slut < R."""
    return {
        row["Id"]: (r - dt.date.fromisoformat(row["Slut"])).days
        for row in csv_rows(folder / "aktiviteter.csv")
        if row["Status"] in ("Ej påbörjad", "Pågår") and dt.date.fromisoformat(row["Slut"]) < r
    }


def overdue_efforts(folder: Path, r: dt.date) -> dict[str, str]:
    """Id → Prioritet of every influence effort overdue: Idé, Planerad or Pågår and Datum < R."""
    return {
        row["Id"]: row["Prioritet"]
        for row in csv_rows(folder / "paverkan.csv")
        if row["Status"] in ("Idé", "Planerad", "Pågår") and dt.date.fromisoformat(row["Datum"]) < r
    }


def high_risks(folder: Path) -> dict[str, int]:
    """Id → Sannolikhet × Konsekvens of every open risk scoring 8 or more."""
    scores = {
        row["Id"]: int(row["Sannolikhet"]) * int(row["Konsekvens"])
        for row in csv_rows(folder / "risker.csv")
        if row["Status"] == "Öppen"
    }
    return {key: score for key, score in scores.items() if score >= 8}


# --------------------------------------------------------------------------- the verdicts


def test_every_area_has_a_verdict_on_the_overview_of_stracket(overview):
    assert list(verdicts(overview("stracket"))) == list(AREAS)


@pytest.mark.parametrize(
    ("project", "area", "badge"),
    [
        # Stråket: U 2 755 255 kr against P 3 119 667 kr = 9 months of 2025's budget and 10/12 of 2026's;
        # (2 755 255 − 3 119 667) / 3 119 667 = −11,7 %: more than 10 % off plan, no rule broken.
        ("stracket", "Ekonomi", AMBER),
        ("stracket", "Mål", RED),  # I6: 0 of 1 organisation proposals, expected 50 % by R: Efter
        ("stracket", "Aktiviteter", RED),  # A8 is 123 days past its Slut 2026-06-30: 90 days or more
        ("stracket", "Påverkansarbete", AMBER),  # four efforts overdue, none of Prioritet Hög
        ("stracket", "Risker", AMBER),  # R5 scores 3 × 3 = 9: 8 or more, none 12 or more
        # Bergslaget: U 781 096 kr against P = 1 000 000 kr × 11/12 = 916 667 kr: −14,8 %.
        ("bergslaget-2023", "Ekonomi", AMBER),
        ("bergslaget-2023", "Mål", RED),  # I4: 1 of 2 newsletters, expected 333/364 of the year: Efter
        ("bergslaget-2023", "Aktiviteter", AMBER),  # A1.3 61 days and A4.3 30 days late: fewer than 3, under 90
        ("bergslaget-2023", "Påverkansarbete", AMBER),  # P9 (Låg) and P6 (Medel) overdue
        ("bergslaget-2023", "Risker", AMBER),  # R1 scores 3 × 3 = 9, R3 2 × 4 = 8
    ],
)
def test_the_overview_shows_the_verdict_of_the_area(overview, project, area, badge):
    assert verdicts(overview(project))[area]["badge"] == badge


def test_the_economy_verdict_of_stracket_gives_the_deviation_from_plan(overview):
    # −364 412 kr / 3 119 667 kr = −0,1168: 11,7 % under the plan
    assert verdicts(overview("stracket"))["Ekonomi"]["reason"] == (
        "Upparbetat ligger 11,7 % under plan till datum (−364 412 kr)."
    )


def test_the_goals_verdict_of_stracket_names_the_indicator_behind_and_the_one_at_risk(overview):
    # I5: 3 of 5 new areas = 60 % against 70,5 % expected by R (0,6 × 70,5 ≤ 60 < 0,9 × 70,5): Risk
    assert verdicts(overview("stracket"))["Mål"]["reason"] == (
        "1 indikator efter: I6 Förslag till fortsatt organisationsform; "
        "1 indikator i risk: I5 Nya samverkansområden identifierade"
    )


def test_the_goals_verdict_of_bergslaget_names_the_newsletters_behind(overview):
    assert verdicts(overview("bergslaget-2023"))["Mål"]["reason"].startswith("1 indikator efter: I4 Nyhetsbrev utgivna")


def test_the_activities_verdict_of_stracket_names_the_late_activities_latest_first(overview):
    late = late_activities(STRACKET, R_STRACKET)
    assert late == {"A8": 123, "A11": 31}
    assert verdicts(overview("stracket"))["Aktiviteter"]["reason"] == (
        "2 aktiviteter försenade: A8 Identifiera andra relevanta arenor att arrangera eller delta i (123 dagar), "
        "A11 Ta fram kommunikationsstrategi riktad till allmänheten (31 dagar)"
    )


def test_the_activities_verdict_of_bergslaget_names_both_late_activities(overview):
    late = late_activities(BERGSLAGET, R_BERGSLAGET)
    assert late == {"A1.3": 61, "A4.3": 30}
    reason = verdicts(overview("bergslaget-2023"))["Aktiviteter"]["reason"]
    assert reason.startswith("2 aktiviteter försenade: A1.3 ") and "A4.3 " in reason


def test_the_influence_verdict_of_stracket_names_the_four_overdue_efforts(overview):
    overdue = overdue_efforts(STRACKET, R_STRACKET)
    assert overdue == {"PV07": "Medel", "PV09": "Medel", "PV13": "Medel", "PV20": "Låg"}
    reason = verdicts(overview("stracket"))["Påverkansarbete"]["reason"]
    assert reason.startswith("4 insatser försenade: PV07 ") and all(f"{key} " in reason for key in overdue)


def test_the_risks_verdict_of_stracket_names_the_risks_scoring_eight_or_more(overview):
    assert high_risks(STRACKET) == {"R4": 8, "R5": 9}
    assert verdicts(overview("stracket"))["Risker"]["reason"] == (
        "2 öppna risker med riskvärde 8 eller mer: R5 Parallella initiativ (Oslo–Stockholm 2.55, Svenska "
        "säkerhetsstråket) leder till dubbelarbete (riskvärde 9), R4 Personalomsättning – projektledaren slutar "
        "(riskvärde 8)"
    )


def test_the_risks_verdict_of_bergslaget_names_r1_and_r3(overview):
    assert high_risks(BERGSLAGET) == {"R1": 9, "R3": 8}
    reason = verdicts(overview("bergslaget-2023"))["Risker"]["reason"]
    assert reason.startswith("2 öppna risker med riskvärde 8 eller mer: R1 ") and "R3 " in reason


# --------------------------------------------------------------------------- links to the items


def test_each_late_activity_of_stracket_links_to_the_activities_page_filtered_to_it(overview):
    assert verdicts(overview("stracket"))["Aktiviteter"]["links"] == [
        ("aktiviteter", "aktiviteter_id=A8"),
        ("aktiviteter", "aktiviteter_id=A11"),
    ]


def test_each_indicator_named_links_to_the_goals_page_filtered_to_it(overview):
    assert verdicts(overview("stracket"))["Mål"]["links"] == [("mal", "mal_id=I6"), ("mal", "mal_id=I5")]


def test_the_economy_verdict_links_to_the_economy_page(overview):
    assert verdicts(overview("stracket"))["Ekonomi"]["links"] == [("ekonomi", "")]


def test_the_activities_page_opened_from_a_link_shows_only_that_activity():
    at = run("aktiviteter", "stracket", aktiviteter_id="A11")
    timeline = next(d.value for d in at.dataframe if "Aktivitet" in d.value.columns)
    assert timeline["Id"].tolist() == ["A11"]


def test_the_risks_page_opened_from_a_link_shows_only_that_risk():
    at = run("risker", "stracket", risker_id="R5")
    risks = next(d.value for d in at.dataframe if "Åtgärd" in d.value.columns)
    assert risks["Id"].tolist() == ["R5"]


def test_a_link_to_an_id_that_does_not_exist_shows_every_activity():
    at = run("aktiviteter", "stracket", aktiviteter_id="A99")
    timeline = next(d.value for d in at.dataframe if "Aktivitet" in d.value.columns)
    assert len(timeline) == len(csv_rows(STRACKET / "aktiviteter.csv"))


# --------------------------------------------------------------------------- decisions to make


def table_after(at: AppTest, heading: str):
    seen = False
    for node in nodes(at.main):
        if node.type == "subheader" and node.value == heading:
            seen = True
        elif seen and node.type == "dataframe":
            return node.value.map(plain)
    raise AssertionError(f"no table after {heading!r}")


def to_decide(folder: Path, r: dt.date) -> list[str]:
    """Förslag first, then Öppen with Deadline < R, each by deadline: the rule of "Beslut att fatta"."""
    rows = csv_rows(folder / "beslut.csv")
    proposals = [row for row in rows if row["Status"] == "Förslag"]
    overdue = [
        row
        for row in rows
        if row["Status"] == "Öppen" and row["Deadline"] and dt.date.fromisoformat(row["Deadline"]) < r
    ]
    return [
        row["Id"] for group in (proposals, overdue) for row in sorted(group, key=lambda x: (x["Deadline"], x["Id"]))
    ]


def test_stracket_has_three_proposals_and_one_overdue_decision_to_make():
    assert to_decide(STRACKET, R_STRACKET) == ["B10", "B11", "B12", "B6"]


def test_the_overview_of_stracket_lists_the_decisions_to_make_proposals_first(overview):
    shown = table_after(overview("stracket"), "Beslut att fatta")
    assert shown["Id"].tolist() == to_decide(STRACKET, R_STRACKET)


def test_the_overview_of_stracket_shows_proposals_as_forslag_and_the_overdue_decision_as_open(overview):
    shown = table_after(overview("stracket"), "Beslut att fatta")
    assert shown["Status"].tolist() == ["Förslag", "Förslag", "Förslag", "Öppen"]


def test_the_overview_of_stracket_counts_the_days_b6_is_past_its_deadline(overview):
    shown = table_after(overview("stracket"), "Beslut att fatta").set_index("Id")
    assert shown.loc["B6", "Dagar efter deadline"] == str((R_STRACKET - dt.date(2026, 9, 30)).days)  # 31


def test_the_overview_of_bergslaget_lists_two_proposals_then_b3(overview):
    # B5's deadline 2023-11-30 is the report date itself: not yet past it
    assert to_decide(BERGSLAGET, R_BERGSLAGET) == ["B6", "B7", "B3"]
    assert table_after(overview("bergslaget-2023"), "Beslut att fatta")["Id"].tolist() == ["B6", "B7", "B3"]


# --------------------------------------------------------------------------- the forecast


def test_the_economy_page_of_stracket_writes_out_the_forecast_at_the_current_pace():
    # months after October 2026 up to August 2028: 2 + 12 + 8 = 22; May–October 2026 are the 6 months
    texts = [plain(t.value) for t in run("ekonomi", "stracket").text]
    assert (
        "Prognos i nuvarande takt: 5 613 505 kr = upparbetat 2 755 255 kr + 22 återstående månader × "
        "129 920 kr per månad (snittet av 6 hela månader, maj 2026 – okt 2026)."
    ) in texts


def test_the_economy_page_of_stracket_gives_the_forecast_if_the_budget_plan_is_followed():
    # U + (B − P) = 2 755 255 + 5 910 000 − 3 119 667 = 5 545 588 kr
    texts = [plain(t.value) for t in run("ekonomi", "stracket").text]
    assert (
        "Prognos om budgetplanen följs från och med nu: 5 545 588 kr = upparbetat 2 755 255 kr + "
        "budget 5 910 000 kr − plan till datum 3 119 667 kr."
    ) in texts


def test_the_overview_in_english_words_the_verdicts_in_english():
    at = run("oversikt", "stracket", lang="en")
    assert verdicts_en(at)["Finances"] == "▲ Amber · Watch"


def verdicts_en(at: AppTest) -> dict[str, str]:
    titles = ("Finances", "Goals", "Activities", "Influence work", "Risks")
    out, current = {}, None
    for node in nodes(at.main):
        if node.type == "markdown" and node.value.strip("*") in titles:
            current = node.value.strip("*")
        elif current and node.type == "markdown" and current not in out:
            out[current] = node.value.split("[", 1)[1].rstrip("]")
    return out


# --------------------------------------------------------------------------- the meeting pack


@pytest.fixture(scope="module")
def pack_text(stracket_project) -> str:
    import io

    import pypdf

    from lagesbild.report import meeting_pack

    pdf = meeting_pack(stracket_project, stracket_project.rapportdatum, dt.date(2026, 12, 10))
    return plain(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))


def test_the_meeting_pack_of_stracket_gives_the_forecast_if_the_budget_plan_is_followed(pack_text):
    assert "Prognos enligt plan 5 545 588 kr" in " ".join(pack_text.split())


def test_the_meeting_pack_of_stracket_writes_out_how_the_forecast_at_the_current_pace_is_made(pack_text):
    assert "22 återstående månader × 129 920 kr per månad" in " ".join(pack_text.split())


# --------------------------------------------------------------------------- charts and tables


def chart_specs(at: AppTest) -> list[dict]:
    import json

    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_the_cost_curve_of_stracket_marks_the_report_date():
    curve = chart_specs(run("ekonomi", "stracket"))[0]
    assert [shape["x0"][:10] for shape in curve["layout"]["shapes"]] == ["2026-10-31"]


def test_the_timeline_of_stracket_marks_the_report_date():
    timeline = chart_specs(run("aktiviteter", "stracket"))[0]
    assert [shape["x0"][:10] for shape in timeline["layout"]["shapes"]] == ["2026-10-31"]


def test_the_timeline_writes_the_name_of_a_short_bar_beside_it():
    # A18 Avslutseminarium runs 2028-04-01 – 2028-06-15: too short a bar for its name
    timeline = chart_specs(run("aktiviteter", "stracket"))[0]
    assert "Avslutseminarium" in [note["text"] for note in timeline["layout"]["annotations"]]


def test_an_indicator_chart_runs_to_its_target_date_with_the_expected_path():
    # I2 of Stråket: 0 at project start 2025-04-01 to 8 meetings at Måldatum 2028-06-30
    chart = next(c for c in chart_specs(run("mal", "stracket")) if c["layout"]["title"]["text"].startswith("I2 "))
    expected = next(trace for trace in chart["data"] if trace.get("name") == "Förväntad utveckling")
    assert [x[:10] for x in expected["x"]] + list(expected["y"]) == ["2025-04-01", "2028-06-30", 0, 8]


def test_women_have_the_same_colour_on_the_meetings_page_and_the_goals_page():
    def women(specs: list[dict]) -> set[str]:
        return {trace["marker"]["color"] for spec in specs for trace in spec["data"] if trace.get("name") == "Kvinnor"}

    meetings, goals = women(chart_specs(run("motesplatser", "stracket"))), women(chart_specs(run("mal", "stracket")))
    assert len(meetings) == 1 and meetings == goals


def test_the_members_page_lists_the_member_owing_the_most_first():
    at = run("medlemmar", "bergslaget-2023")
    members = table_after(at, "Medlemmar, avgifter och deltagande")
    unpaid = [float(plain(v).replace(" kr", "").replace(" ", "").replace("−", "-") or 0) for v in members["Obetalt"]]
    assert unpaid[0] > 0 and unpaid == sorted(unpaid, reverse=True)


def test_the_members_chart_of_bergslaget_is_titled_in_kronor():
    assert chart_specs(run("medlemmar", "bergslaget-2023"))[0]["layout"]["title"]["text"] == (
        "Avgifter och inbetalt per län (kr)"
    )


def test_a_verdict_names_five_items_and_counts_the_rest(tmp_path):
    # Stråket has 2 late activities (A8, A11); 10 more ongoing ones that ended 2026-01-31 make 12.
    extra = "".join(
        f"A{n};Kommunikation;Extra {n};D1;Projektledare;2025-06-01;2026-01-31;Pågår;10;\n" for n in range(100, 110)
    )
    text = (STRACKET / "aktiviteter.csv").read_bytes().decode("utf-8-sig")
    write_project(tmp_path, STRACKET, name="stracket", aktiviteter=text.rstrip("\n") + "\n" + extra)
    at = open_page(tmp_path, "oversikt")
    [reason] = [t.value for t in at.text if "aktiviteter försenade" in t.value]
    links = [link for link in at.get("page_link") if "aktiviteter_id" in link.proto.query_string]
    assert (reason.startswith("12 aktiviteter försenade"), reason.endswith("och 7 till"), len(links)) == (True, True, 5)
