"""Nothing the steering group reads is cut off on a laptop (1280×800) or a meeting-room screen (1920×1080).

Every page of both example projects is opened at both sizes, screenshotted whole to
test-artifacts/screenshots/truncation-<size>-<lang>-<project>-<page>.png, and measured in the
page itself: a metric's value or label, or a sidebar label, is cut off when an element in it is
narrower than its content (scrollWidth > clientWidth, what Streamlit's ellipsis hides); a table
hides columns when its columns are wider together than the table on screen (the data grid draws
headers on a canvas and lays out only the columns in view).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
SIZES = {"1280x800": {"width": 1280, "height": 800}, "1920x1080": {"width": 1920, "height": 1080}}
# The pages of one project (Portfölj compares projects and is not one of them).
READING = ("oversikt", "mal", "ekonomi", "aktiviteter", "paverkan", "motesplatser", "risker", "sedan", "datakvalitet")
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


def open_and_measure(page: Page, base_url: str, project: str, name: str, lang: str, size: str) -> list[str]:
    page.set_viewport_size(SIZES[size])
    path = "" if name == "oversikt" else name
    page.goto(f"{base_url}/{path}?projekt={project}&lang={lang}")
    page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(1500)  # the data grids and charts lay themselves out after the run
    found = page.evaluate(MEASURE)
    # The whole page in one picture: the same width, as tall as the page's own scrolling container.
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain] *')]"
        ".slice(0, 50).map(e => e.scrollHeight)) + 100"
    )
    page.set_viewport_size({"width": SIZES[size]["width"], "height": min(max(height, 800), 9000)})
    page.wait_for_timeout(800)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"truncation-{size}-{lang}-{project}-{name}.png"))
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("project", "name"), PAGES)
def test_nothing_is_cut_off_on_the_page(page, base_url, size, project, name):
    assert open_and_measure(page, base_url, project, name, "sv", size) == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", READING)
def test_nothing_is_cut_off_on_the_english_page(page, base_url, size, name):
    assert open_and_measure(page, base_url, "stracket", name, "en", size) == []
