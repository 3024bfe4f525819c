"""The dashboard in a real Chromium: every page renders its title, figures and charts in Swedish.

Each page of the example data is opened once (in its own tab, its own Streamlit session) and
screenshotted to test-artifacts/screenshots/<page>.png; the tests then read that tab. Page
load and sidebar page-switch times go to test-artifacts/browser-timings.json (not asserted).
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
expect.set_options(timeout=60_000)  # a cold server models the project on the first visit; a busy CI is slow

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"  # made by the artifacts fixture (conftest.py)
VIEWPORT = {"width": 1600, "height": 3000}  # as conftest.py's: Streamlit scrolls inside its own container
SMALL = REPO / "tests" / "fixtures" / "app" / "small" / "litet-projekt"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"

# page → (URL path, Swedish title, English title, number of charts on the example data)
PAGES = {
    "oversikt": ("/", "Översikt", "Overview", 2),
    "mal": ("/mal", "Mål och indikatorer", "Goals and indicators", 6),
    "ekonomi": ("/ekonomi", "Ekonomi", "Finances", 3),
    "aktiviteter": ("/aktiviteter", "Aktiviteter", "Activities", 1),
    "paverkan": ("/paverkan", "Påverkansarbete", "Influence work", 2),
    "motesplatser": ("/motesplatser", "Mötesplatser och jämställdhet", "Meetings and gender balance", 3),
    "risker": ("/risker", "Risker och beslut", "Risks and decisions", 1),
    "datakvalitet": ("/datakvalitet", "Datakvalitet", "Data quality", 0),
}

# Text each page of the example must show (figures as in `python -m lagesbild summary data/stracket`).
KEY_TEXT = [
    ("oversikt", "5 910 000 kr"),
    ("oversikt", "2 755 255 kr"),
    ("oversikt", "3 119 667 kr"),
    ("oversikt", "−364 412 kr"),
    ("oversikt", "5 613 505 kr"),
    ("oversikt", "Att uppmärksamma"),
    ("mal", "Målträd"),
    ("mal", "Gemensam färdriktning antagen av styrgruppen"),
    ("ekonomi", "1 800 000 kr"),
    ("ekonomi", "Finansiärer"),
    ("ekonomi", "Ackumulerade kostnader mot plan"),
    ("aktiviteter", "Tidslinje per område"),
    ("aktiviteter", "Försenad"),
    ("paverkan", "Försenade insatser"),
    ("paverkan", "Insatser per status"),
    ("motesplatser", "44,4 %"),
    ("motesplatser", "157"),
    ("motesplatser", "197"),
    ("risker", "Riskmatris"),
    ("risker", "Öppna beslut"),
    ("datakvalitet", "Inga fel eller varningar. Data är redo för mötet."),
]

H1 = "[data-testid=stMain] h1"
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"


def spaced(text: str) -> re.Pattern:
    """text with any whitespace (the app writes no-break spaces) where it has a space."""
    return re.compile(r"\s".join(re.escape(part) for part in text.split(" ")))


def wait_for_page(tab: Page, title: str, charts: int) -> None:
    """The page's h1, a finished script run and, if it has charts, every Plotly chart drawn."""
    try:
        expect(tab.locator(H1)).to_have_text(title)
        tab.wait_for_selector(IDLE)
        if charts:
            expect(tab.locator("[data-testid=stPlotlyChart]")).to_have_count(charts)
            for chart in tab.locator(".js-plotly-plot").all():
                chart.locator(".main-svg").first.wait_for()
    except (AssertionError, PlaywrightError):  # keep what the page showed
        tab.screenshot(path=str(SCREENSHOTS / f"failed-{re.sub(r'[^a-z]+', '-', title.lower())}.png"))
        raise


def screenshot(tab: Page, name: str) -> None:
    """The whole page: the window is made as tall as Streamlit's scrolling main area."""
    height = tab.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], "
        "[data-testid=stMainBlockContainer]')].map(e => e.scrollHeight))"
    )
    if height > VIEWPORT["height"]:
        tab.set_viewport_size({"width": VIEWPORT["width"], "height": height + 100})
        tab.wait_for_timeout(500)  # Plotly redraws responsive charts on resize
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture(scope="module")
def timings(artifacts) -> Iterator[dict]:
    """Collected by the tests, written to test-artifacts/browser-timings.json at the end."""
    found: dict = {"first_load_ms": {}, "sidebar_switch": []}
    yield found
    (artifacts / "browser-timings.json").write_text(
        json.dumps(found, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


@pytest.fixture(scope="module")
def shown(browser, base_url, timings) -> Iterator[Callable[[str], Page]]:
    """page name → a tab showing that page of the example data, loaded and screenshotted once."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.set_default_timeout(60_000)
    tabs: dict[str, Page] = {}

    def get(name: str) -> Page:
        if name not in tabs:
            path, title, _, charts = PAGES[name]
            tab = context.new_page()
            start = time.perf_counter()
            tab.goto(base_url + path)
            wait_for_page(tab, title, charts)
            timings["first_load_ms"][name] = round((time.perf_counter() - start) * 1000)
            screenshot(tab, name)
            tabs[name] = tab
        return tabs[name]

    yield get
    context.close()


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("name", PAGES)
def test_the_page_opens_with_its_swedish_title(shown, name):
    expect(shown(name).locator(H1)).to_have_text(PAGES[name][1])


@pytest.mark.parametrize("name", [n for n, spec in PAGES.items() if spec[3]])
def test_the_page_draws_every_chart(shown, name):
    expect(shown(name).locator(".js-plotly-plot .main-svg").first).to_be_visible()
    assert shown(name).locator(".js-plotly-plot").count() == PAGES[name][3]


@pytest.mark.parametrize(("name", "text"), KEY_TEXT)
def test_the_page_shows_its_key_text(shown, name, text):
    expect(shown(name).locator("[data-testid=stMain]")).to_contain_text(spaced(text))


@pytest.mark.parametrize("name", PAGES)
def test_the_page_shows_no_exception(shown, name):
    expect(shown(name).locator("[data-testid=stException]")).to_have_count(0)


@pytest.mark.parametrize("name", PAGES)
def test_the_page_shows_no_error_box(shown, name):
    expect(shown(name).locator("[data-testid=stAlertContentError]")).to_have_count(0)


@pytest.mark.parametrize("name", PAGES)
def test_the_page_shows_no_stray_none(shown, name):
    stray = shown(name).locator(
        "[data-testid=stMain] [data-testid=stMarkdownContainer]", has_text=re.compile(r"^None$")
    )
    assert stray.count() == 0


def test_metric_values_use_no_break_spaces(shown):
    assert shown("oversikt").locator("[data-testid=stMetricValue]").first.inner_text() == "5\u00a0910\u00a0000\u00a0kr"


# --------------------------------------------------------------------------- navigation and language


@pytest.fixture(scope="module", autouse=True)
def fresh_servers(dashboard) -> None:
    """The servers that two tests need fresh start with the module, while the other tests run."""
    dashboard(None, name="deep-link", wait=False)
    dashboard(None, name="first-session", wait=False)


def test_a_deep_link_as_the_servers_first_request_opens_that_page(dashboard, page):
    # A server of its own: before any st.navigation call Streamlit runs pages/*.py directly.
    page.goto(dashboard(None, name="deep-link") + "/ekonomi")
    wait_for_page(page, "Ekonomi", 3)
    expect(page.locator("[data-testid=stSidebarNav] a", has_text="Översikt")).to_be_visible()


def test_the_sidebar_links_open_every_page(page, base_url, timings):
    page.goto(base_url + "/")
    wait_for_page(page, "Översikt", 2)
    opened = []
    previous = "oversikt"
    for name in [*list(PAGES)[1:], "oversikt"]:
        _, title, _, charts = PAGES[name]
        start = time.perf_counter()
        # Exact: "Ekonomi" is also the start of "Ekonomisk rapport".
        page.locator("[data-testid=stSidebarNav]").get_by_role("link", name=title, exact=True).click()
        expect(page.locator(H1)).to_have_text(title)
        h1_ms = round((time.perf_counter() - start) * 1000)
        wait_for_page(page, title, charts)
        timings["sidebar_switch"].append(
            {
                "from": previous,
                "to": name,
                "h1_visible_ms": h1_ms,
                "charts_drawn_ms": round((time.perf_counter() - start) * 1000),
            }
        )
        opened.append(page.locator(H1).inner_text())
        previous = name
    assert opened == [PAGES[name][1] for name in [*list(PAGES)[1:], "oversikt"]]


def test_the_first_session_of_a_fresh_server_can_switch_to_english(dashboard, page):
    page.goto(dashboard(None, name="first-session", warm=False) + "/")
    wait_for_page(page, "Översikt", 2)
    page.locator("[data-testid=stSidebar] button", has_text="English").click()
    expect(page.locator(H1)).to_have_text("Overview", timeout=10_000)


@pytest.fixture(scope="module")
def english(browser, base_url) -> Iterator[Page]:
    """A tab that opened the overview and then clicked English in the sidebar."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.set_default_timeout(60_000)
    tab = context.new_page()
    tab.goto(base_url + "/")
    wait_for_page(tab, "Översikt", 2)
    tab.locator("[data-testid=stSidebar] button", has_text="English").click()
    wait_for_page(tab, "Overview", 2)
    screenshot(tab, "oversikt-en")
    yield tab
    context.close()


def test_english_titles_the_overview_in_english(english):
    expect(english.locator(H1)).to_have_text("Overview")


def test_english_labels_the_metrics_in_english(english):
    labels = english.locator("[data-testid=stMetricLabel]").all_inner_texts()[:5]
    assert labels == ["Budget", "Spent", "Plan to date", "Deviation from plan", "Forecast at project end"]


def test_english_leaves_no_swedish_metric_label(english):
    labels = english.locator("[data-testid=stMetricLabel]").all_inner_texts()
    assert not {
        "Upparbetat",
        "Plan till datum",
        "Avvikelse mot plan",
        "Prognos vid projektslut",
        "Bokförda kostnader",
        "Nya indikatorvärden",
    } & set(labels)


def test_english_stays_on_when_following_a_sidebar_link(english):
    english.locator("[data-testid=stSidebarNav] a", has_text="Finances").click()
    wait_for_page(english, "Finances", 3)
    screenshot(english, "ekonomi-en")
    expect(english.locator("[data-testid=stMain]")).to_contain_text("Cumulative costs against plan")


# --------------------------------------------------------------------------- data is never markup


@pytest.fixture(scope="module")
def markup_url(dashboard, tmp_path_factory) -> str:
    """A dashboard on a folder holding the small project with HTML and Markdown in its texts."""
    data = tmp_path_factory.mktemp("browser-markup")
    folder = data / "markup"
    shutil.copytree(SMALL, folder)
    for filename, old, new in [
        ("projekt.toml", '"Litet testprojekt för sidorna"', f'"Projekt {IMG} {LINK}"'),
        ("aktiviteter.csv", "Kartlägga aktörer", IMG),
        ("aktiviteter.csv", "Sen leverans", LINK),
        ("mal.csv", "Fler gemensamma möten", IMG),
        ("indikatorer.csv", "Deltagare", LINK),
        ("paverkan.csv", "Tågtrafik Karlstad–Örebro", IMG),
        ("motesplatser.csv", "Nätverksträff", IMG),
        ("risker.csv", "Nyckelperson slutar", IMG),
        ("beslut.csv", "Utse kontaktpersoner i varje kommun", IMG),
    ]:
        path = folder / filename
        text = path.read_text(encoding="utf-8")
        assert old in text, (filename, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return dashboard(data, name="markup")


@pytest.fixture(scope="module")
def markup(browser, markup_url) -> Iterator[Callable[[str], tuple[Page, list[str]]]]:
    """page name → (a tab showing that page of the markup project, the dialogs it opened)."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.set_default_timeout(60_000)
    tabs: dict[str, tuple[Page, list[str]]] = {}

    def get(name: str) -> tuple[Page, list[str]]:
        if name not in tabs:
            tab = context.new_page()
            dialogs: list[str] = []
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            path, title, _, _ = PAGES[name]
            tab.goto(markup_url + path)
            expect(tab.locator(H1)).to_have_text(title)
            tab.wait_for_selector(IDLE)
            tab.wait_for_timeout(500)  # time for an injected onerror handler to fire
            tabs[name] = tab, dialogs
        return tabs[name]

    yield get
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_markup_in_the_data_fires_no_dialog(markup, name):
    assert markup(name)[1] == []


@pytest.mark.parametrize("name", PAGES)
def test_markup_in_the_data_creates_no_img_or_javascript_link(markup, name):
    assert markup(name)[0].locator("img[src='x'], a[href^='javascript:' i]").count() == 0


@pytest.mark.parametrize("name", [n for n in PAGES if n != "datakvalitet"])
def test_markup_in_the_project_name_is_shown_literally(markup, name):
    expect(markup(name)[0].locator("[data-testid=stText]").first).to_contain_text(f"Projekt {IMG} {LINK}")


def test_markup_in_an_activity_is_shown_literally_in_its_table(markup):
    tab = markup("aktiviteter")[0]
    tab.get_by_text("Visa siffrorna som tabell").first.click()
    expect(tab.locator("[data-testid=stDataFrame]").first).to_contain_text(IMG)
    screenshot(tab, "markup-aktiviteter")
    assert markup("aktiviteter")[1] == []
