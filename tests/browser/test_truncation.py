"""Nothing the steering group reads is cut off on a laptop (1280×800) or a meeting-room screen (1920×1080).

Every page of both example projects is opened once at 1280×800 and then resized to 1920×1080; at
each size it is screenshotted whole to
test-artifacts/screenshots/truncation-<size>-<lang>-<project>-<page>.png and measured in the
page itself: a metric's value or label, or a sidebar label, is cut off when an element in it is
narrower than its content (scrollWidth > clientWidth, what Streamlit's ellipsis hides); a table
hides columns when its columns are wider together than the table on screen (the data grid draws
headers on a canvas and lays out only the columns in view).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
SIZES = {"1280x800": {"width": 1280, "height": 800}, "1920x1080": {"width": 1920, "height": 1080}}
FIRST = "1280x800"  # the size each page opens at; it is then resized to the other
# The pages of one project (Portfölj compares projects and is not one of them), the editor's included.
READING = (
    "oversikt",
    "mal",
    "ekonomi",
    "rapport",
    "aktiviteter",
    "paverkan",
    "motesplatser",
    "risker",
    "sedan",
    "datakvalitet",
    "uppdatera",
    "historik",
)
PAGES = [("stracket", page) for page in READING] + [("bergslaget-2023", page) for page in (*READING, "medlemmar")]
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"

MEASURE = """() => {
    const cut = e => [e, ...e.querySelectorAll('*')].some(x => x.scrollWidth > x.clientWidth + 1);
    const out = [];
    for (const [kind, selector] of [['metric value', '[data-testid="stMetricValue"]'],
                                    ['metric label', '[data-testid="stMetricLabel"]'],
                                    ['sidebar label', '[data-testid="stSidebarNavLink"]'],
                                    ['verdict', '[class*="st-key-oversikt_verdict"] .stMarkdown']]) {
        for (const e of document.querySelectorAll(selector)) {
            if (e.offsetParent !== null && cut(e)) out.push(`${kind}: ${e.innerText}`);
        }
    }
    for (const grid of document.querySelectorAll('[data-testid="stDataFrame"]')) {
        const scroller = grid.querySelector('.dvn-scroller');
        const columns = grid.querySelector('.dvn-stack > div');
        if (grid.offsetParent === null || !scroller || !columns) continue;
        const total = parseFloat(columns.style.width);
        if (total > scroller.clientWidth + 2) {
            const headers = [...grid.querySelectorAll('th[role=columnheader]')].map(h => h.innerText);
            const first = headers.slice(0, 3).join(', ');
            out.push(`table starting ${first}: columns ${total} px in ${scroller.clientWidth} px`);
        }
    }
    return out;
}"""


@pytest.fixture(scope="module")
def measured(browser, base_url) -> Iterator[Callable[[str, str, str], dict[str, list[str]]]]:
    """(project, page, lang) → what is cut off at each size.

    Each page is opened once, at FIRST, and measured and screenshotted there; then its window is
    resized to the other size (Streamlit, the data grids and the charts follow the window) and the
    page is measured and screenshotted again.
    """
    context = browser.new_context(viewport=SIZES[FIRST], locale="sv-SE")
    context.set_default_timeout(60_000)
    found: dict[tuple[str, str, str], dict[str, list[str]]] = {}

    def get(project: str, name: str, lang: str) -> dict[str, list[str]]:
        if (project, name, lang) not in found:
            tab = context.new_page()
            path = "" if name == "oversikt" else name
            tab.goto(f"{base_url}/{path}?projekt={project}&lang={lang}")
            tab.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
            tab.wait_for_selector(IDLE, timeout=60_000)
            found[project, name, lang] = {size: measure(tab, project, name, lang, size) for size in SIZES}
            tab.close()
        return found[project, name, lang]

    yield get
    context.close()


def measure(tab: Page, project: str, name: str, lang: str, size: str) -> list[str]:
    """What is cut off on the open page in a window of this size; its screenshot saved on the way."""
    tab.set_viewport_size(SIZES[size])
    # The data grids and charts lay themselves out after the run, and again after a resize.
    tab.wait_for_timeout(1500 if size == FIRST else 1000)
    cut = tab.evaluate(MEASURE)
    # The whole page in one picture: the same width, as tall as the page's own scrolling container.
    height = tab.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain] *')]"
        ".slice(0, 50).map(e => e.scrollHeight)) + 100"
    )
    tab.set_viewport_size({"width": SIZES[size]["width"], "height": min(max(height, 800), 9000)})
    tab.wait_for_timeout(800)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"truncation-{size}-{lang}-{project}-{name}.png"))
    return cut


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("project", "name"), PAGES)
def test_nothing_is_cut_off_on_the_page(measured, size, project, name):
    assert measured(project, name, "sv")[size] == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", READING)
def test_nothing_is_cut_off_on_the_english_page(measured, size, name):
    assert measured("stracket", name, "en")[size] == []
