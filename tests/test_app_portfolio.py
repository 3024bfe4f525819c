"""The association's member view and the portfolio across projects, through AppTest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import DASHBOARD, DATA, plain

from lagesbild import ui


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """A copy of data/ (both examples) without cached portfolio lines or local history."""
    folder = tmp_path_factory.mktemp("portfolj") / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("historik", "lock", "portfolj.json"))
    return folder


def session(data: Path, monkeypatch, project: str | None = None, page: str | None = None) -> AppTest:
    monkeypatch.setenv("LAGESBILD_DATA", str(data))
    at = AppTest.from_file(str(DASHBOARD), default_timeout=90)
    if project:
        at.query_params["projekt"] = project
    at.run()
    if page:
        at.switch_page(f"pages/{page}.py").run()
    return at


@pytest.fixture
def members(data, monkeypatch) -> AppTest:
    return session(data, monkeypatch, "bergslaget-2023", "medlemmar")


@pytest.fixture
def portfolio(data, monkeypatch) -> AppTest:
    return session(data, monkeypatch, page="portfolj")


def metric(at: AppTest, label: str) -> str:
    return plain(next(m.value for m in at.metric if m.label == label))


def test_the_member_view_counts_the_26_members(members):
    assert metric(members, "Medlemmar") == "26"


def test_the_member_view_finds_one_new_member_in_2023(members):
    assert metric(members, "Nya medlemmar i år") == "1"


def test_the_member_view_says_the_new_member_target_is_met(members):
    delta = next(m.delta for m in members.metric if m.label == "Nya medlemmar i år")
    assert delta == "Mål: minst en ny medlem – uppnått"


def test_the_member_view_shows_88_000_kronor_unpaid(members):
    # Hedemora 35 000 + Ljusnarsberg 25 000 + Surahammar 28 000 = 88 000 kr not paid by 2023-11-30.
    assert metric(members, "Obetalda avgifter") == "88 000 kr"


def test_the_member_list_shows_hedemora_with_35_000_kronor_unpaid(members):
    listing = members.dataframe[-1].value
    row = listing[listing["Medlem"] == "Hedemora kommun"].iloc[0]
    assert plain(row["Obetalt"]) == "35 000 kr"


def offered_pages(at: AppTest) -> set[str]:
    """The url paths st.navigation offered in the last run."""
    return {
        str(info.get("url_pathname") or "oversikt") for info in at._registered_pages.values() if info.get("script_path")
    }


def test_the_member_page_is_offered_for_an_association_with_members(data, monkeypatch):
    assert "medlemmar" in offered_pages(session(data, monkeypatch, "bergslaget-2023"))


def test_the_member_page_is_not_offered_for_a_project_without_members(data, monkeypatch):
    assert "medlemmar" not in offered_pages(session(data, monkeypatch, "stracket"))


def test_the_portfolio_lists_both_example_projects(portfolio):
    assert list(portfolio.dataframe[0].value["Namn"]) == ["Bergslaget 2023", "Stråket"]


def test_the_portfolio_shows_each_projects_budget(portfolio):
    assert [plain(b) for b in portfolio.dataframe[0].value["Budget"]] == ["1 000 000 kr", "5 910 000 kr"]


def test_the_portfolio_shows_each_projects_deviation(portfolio):
    # Stråket: 2 755 254,55 − 3 119 666,67; Bergslaget: 781 095,98 − 916 666,67.
    assert [plain(a) for a in portfolio.dataframe[0].value["Avvikelse mot plan"]] == ["−135 571 kr", "−364 412 kr"]


def test_the_portfolio_counts_stråkets_overdue_items(portfolio):
    # 2 late activities + 4 overdue influence efforts + 1 open decision past its deadline.
    assert list(portfolio.dataframe[0].value["Försenade poster"])[1] == "7"


def test_choosing_a_project_in_the_portfolio_opens_its_overview(portfolio):
    portfolio.session_state[ui.SWITCH_KEY] = "bergslaget-2023"
    portfolio.switch_page("pages/oversikt.py").run()
    assert metric(portfolio, "Budget") == "1 000 000 kr"
