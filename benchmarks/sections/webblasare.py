"""webblasare: a real Chromium against `streamlit run`: sidebar page switches and the first view of /."""

from __future__ import annotations

import time
from collections import defaultdict

from apptest import APP_TIMEOUT, EXAMPLE_DATA, page_title
from browser import (
    BROWSER_VIEWPORT,
    CHROMIUM,
    CHROMIUM_ARGS,
    COUNT_JS,
    IDLE_JS,
    NAV_LINK,
    dashboard_server,
    page_cycle,
    wait_ready,
)
from common import Bench, Row, section

TARGET_BROWSER_SWITCH_S = 0.500  # sidebar link → new title and first chart/table drawn
TARGET_BROWSER_FIRST_S = 1.0  # "/" in a new browser context


@section("webblasare", "a real Chromium against `streamlit run`: sidebar page switches and the first view of /")
def bench_browser(bench: Bench) -> list[Row]:
    if not CHROMIUM.exists():
        print(f"\n(webblasare hoppas över: {CHROMIUM} saknas)")
        return []
    from playwright.sync_api import sync_playwright

    from lagesbild import i18n, navigation

    titles = {i18n.t(key, "sv"): url for _, key, url, _ in navigation.PAGES}
    out: list[Row] = []
    first_h1: list[float] = []
    first_ready: list[float] = []
    first_idle: list[float] = []
    with dashboard_server(EXAMPLE_DATA, bench.out / "streamlit-webblasare.log") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            # First view of "/" in a new context (own cookies, cache and Streamlit session); the
            # very first one after the server started also loads the projects into the server.
            home = page_title("oversikt")

            def first_view(context) -> tuple[float, float, float]:
                """goto "/" in a new tab: seconds to the h1, to the first chart/table, to the end."""
                tab = context.new_page()
                start = time.perf_counter()
                tab.goto(url + "/")
                wait_ready(tab, home, "h1")
                h1 = time.perf_counter() - start
                wait_ready(tab, home, "chart")
                ready = time.perf_counter() - start
                tab.wait_for_function(IDLE_JS, polling="raf", timeout=APP_TIMEOUT * 1000)
                done = time.perf_counter() - start
                tab.close()
                return h1, ready, done

            for _ in range(bench.runs + 1):
                context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
                h1, ready, done = first_view(context)
                first_h1.append(h1)
                first_ready.append(ready)
                first_idle.append(done)
                context.close()
            # A returning visitor: a new tab (a new Streamlit session) in a context that has the
            # app's scripts in its HTTP cache already.
            context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
            first_view(context)
            again = [first_view(context) for _ in range(bench.runs)]
            context.close()
            out += [
                Row(
                    "webblasare",
                    "första vy /",
                    "första sessionen efter serverstart (kall server): h1 + första diagram/tabell",
                    first_ready[:1],
                ),
                Row(
                    "webblasare",
                    "första vy /",
                    "ny kontext, tom HTTP-cache (varm server): h1 + första diagram/tabell",
                    first_ready[1:],
                    target=TARGET_BROWSER_FIRST_S,
                ),
                Row("webblasare", "första vy /", "  varav: h1 synlig", first_h1[1:]),
                Row("webblasare", "första vy /", "  skriptet klart", first_idle[1:]),
                Row(
                    "webblasare",
                    "första vy /",
                    "ny flik, HTTP-cache varm (återkommande besökare): h1 + första diagram/tabell",
                    [r for _, r, _ in again],
                    target=TARGET_BROWSER_FIRST_S,
                ),
                Row("webblasare", "första vy /", "  varav: h1 synlig", [h for h, _, _ in again]),
            ]

            context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
            tab = context.new_page()
            tab.goto(url + "/")
            wait_ready(tab, home, "chart")
            tab.wait_for_function(IDLE_JS, polling="raf", timeout=APP_TIMEOUT * 1000)
            cycle = page_cycle(tab, titles, home)
            modes: dict[str, str] = {}
            ready: dict[tuple[str, str], list[float]] = defaultdict(list)
            idle: dict[tuple[str, str], list[float]] = defaultdict(list)
            for round_ in range(bench.runs + 1):  # round 0: warm-up, and finds what each page shows
                previous = home
                for title in cycle:
                    start = time.perf_counter()
                    tab.locator(NAV_LINK).filter(has=tab.get_by_text(title, exact=True)).click()
                    wait_ready(tab, title, modes.get(title, "idle"))
                    seconds = time.perf_counter() - start
                    tab.wait_for_function(IDLE_JS, polling="raf", timeout=APP_TIMEOUT * 1000)
                    done = time.perf_counter() - start
                    if round_ == 0:
                        modes[title] = "chart" if tab.evaluate(COUNT_JS) else "idle"
                    else:
                        ready[previous, title].append(seconds)
                        idle[previous, title].append(done)
                    previous = title
            context.close()
        finally:
            browser.close()
    for (before, after), values in ready.items():
        case = f"{titles[before]} → {titles[after]}"
        what = "h1 + första diagram/tabell" if modes[after] == "chart" else "h1 + skriptet klart (inget diagram/tabell)"
        out += [
            Row("webblasare", case, f"sidbyte i sidofältet: {what}", values, target=TARGET_BROWSER_SWITCH_S),
            Row("webblasare", case, "sidbyte: skriptet klart", idle[before, after]),
        ]
    return out
