"""Aktiviteter with a region's 100 000 activities: the timeline shows the first 200 and says so, the table pages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import STRACKET, open_page, plain, write_project

ACTIVITIES = 100_000
AREAS = ("Analys", "Dialog", "Kommunikation", "Påverkan")  # each the area of every fourth activity
FIRST_DAY = dt.date(2025, 4, 1)


def generated() -> list[dict[str, str]]:
    """A{n} in AREAS[n % 4], starting n·7 mod 900 days after 2025-04-01 and lasting 30 days, all done."""
    rows = []
    for n in range(1, ACTIVITIES + 1):
        start = FIRST_DAY + dt.timedelta(days=n * 7 % 900)
        rows.append(
            {
                "id": f"A{n}",
                "omrade": AREAS[n % 4],
                "start": start.isoformat(),
                "slut": (start + dt.timedelta(days=30)).isoformat(),
            }
        )
    return rows


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return generated()


@pytest.fixture(scope="module")
def data(tmp_path_factory, rows) -> Path:
    lines = ["Id;Område;Aktivitet;Mål;Ansvarig;Start;Slut;Status;Andel klar;Kommentar"]
    lines += [
        f"{r['id']};{r['omrade']};Delaktivitet {r['id']};D1;Projektledare;{r['start']};{r['slut']};Klar;100;"
        for r in rows
    ]
    folder = tmp_path_factory.mktemp("manga-aktiviteter")
    write_project(folder, STRACKET, name="stracket", aktiviteter="\n".join(lines) + "\n")
    return folder


@pytest.fixture(scope="module")
def page(data) -> AppTest:
    return open_page(data, "aktiviteter")


def bars(at: AppTest) -> list[str]:
    """The y labels of every bar of the timeline."""
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    return [y for trace in spec["data"] for y in trace.get("y", [])]


def texts(at: AppTest) -> list[str]:
    return [plain(t.value) for t in at.text]


def table_ids(at: AppTest) -> list[str]:
    table = next(d.value.map(plain) for d in at.dataframe if "Aktivitet" in d.value.columns)
    return list(table["Id"])


def test_the_timeline_of_100_000_activities_draws_the_first_200_bars(page):
    assert len(bars(page)) == 200


def test_the_timeline_of_100_000_activities_says_it_shows_200_of_them(page):
    assert (
        "Visar 200 av 100 000 aktiviteter i tidslinjen. Välj område, status eller ansvarig ovan för att se färre."
    ) in texts(page)


def test_the_timeline_draws_the_first_activities_in_the_order_of_area_start_and_id(page, rows):
    first = sorted(rows, key=lambda r: (r["omrade"], r["start"], r["id"]))[0]
    assert bars(page)[0].endswith(f"· {first['id']}")


def test_the_table_of_100_000_activities_shows_its_first_page_of_100_rows(page):
    assert len(table_ids(page)) == 100


def test_the_table_of_100_000_activities_says_which_rows_it_shows(page):
    assert "Rad 1–100 av 100 000" in texts(page)


def test_the_last_page_of_the_table_shows_the_last_100_activities(data, rows, monkeypatch):
    at = open_page(data, "aktiviteter")
    monkeypatch.setenv("LAGESBILD_DATA", str(data))  # open_page sets it for its own runs only
    at.number_input(key="aktiviteter_timeline_table_sida").set_value(1000)
    at.run()
    ordered = sorted(rows, key=lambda r: (r["omrade"], r["start"], r["id"]))
    assert table_ids(at) == [r["id"] for r in ordered[99_900:]]


def test_one_area_of_the_four_leaves_25_000_activities_of_which_200_are_drawn(data, monkeypatch):
    at = open_page(data, "aktiviteter")
    monkeypatch.setenv("LAGESBILD_DATA", str(data))
    at.multiselect(key="aktiviteter_omrade").set_value(["Dialog"])
    at.run()
    assert (
        "Visar 200 av 25 000 aktiviteter i tidslinjen. Välj område, status eller ansvarig ovan för att "
        "se färre." in texts(at)
    )


def test_an_activity_named_in_the_address_is_found_beyond_the_first_200(data):
    at = open_page(data, "aktiviteter", lambda at: at.query_params.update(aktiviteter_id="A99999"))
    assert [label.rsplit("· ", 1)[1] for label in bars(at)] == ["A99999"]
