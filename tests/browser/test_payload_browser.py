"""The payload data (tests/test_payloads.py) in a real Chromium: no script runs, payloads show as text.

Every page the editor sees is opened on a dashboard serving the payload data. alert/confirm/prompt
are replaced before any page script runs, so an injected handler that fires is recorded even if
Chromium would not show a dialog; dialogs are recorded too. After each page: nothing recorded,
no element carries an onerror attribute, no <img src=x>, no javascript: link.

A second server runs with a shared link configured (--secrets.files): the key must leave the
address bar, never reach the server log, and the reference role must get only its pages.
Last, the Content-Security-Policy of the nginx example in docs/deployment.md is put on the
dashboard's pages, which must still render with no refused resource but the documented tab icon.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets as random
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from server import command, free_port, healthy
from test_payloads import FORMULA, IMG, LINK, SQL, write_payload_data

from lagesbild import access

pytestmark = pytest.mark.browser
expect.set_options(timeout=90_000)

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"  # the browser fixture skips the module when it is missing
VIEWPORT = {"width": 1600, "height": 3000}
H1 = "[data-testid=stMain] h1"
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
TIMEOUT_MS = 90_000  # other work on a small test machine can make a first run slow

# url path → title, for the editor on the payload copy of Stråket (local mode)
PAGES = {
    "": "Översikt",
    "mal": "Mål och indikatorer",
    "ekonomi": "Ekonomi",
    "aktiviteter": "Aktiviteter",
    "paverkan": "Påverkansarbete",
    "motesplatser": "Mötesplatser och jämställdhet",
    "risker": "Risker och beslut",
    "sedan": "Sedan förra mötet",
    "portfolj": "Portfölj",
    "datakvalitet": "Datakvalitet",
    "uppdatera": "Uppdatera data",
    "historik": "Historik",
}

RECORD_DIALOGS = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__xss.push(name + "(" + args.join(",") + ")"); };
}
"""

INJECTED = """() => ({
  recorded: window.__xss || [],
  onerror: document.querySelectorAll("[onerror]").length,
  img: document.querySelectorAll("img[src='x'], img[src$='/x']").length,
  javascript: [...document.querySelectorAll("a[href], iframe[src], form[action]")]
      .map(e => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action"))
      .filter(u => /^\\s*javascript:/i.test(u)).length,
})"""


def idle(tab: Page) -> None:
    """Wait until the session's script run has finished (a selector: page functions would break the CSP test)."""
    tab.locator(IDLE).wait_for(state="attached", timeout=TIMEOUT_MS)


@pytest.fixture(scope="module")
def payload_url(dashboard, tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("browser-payloads") / "data"
    write_payload_data(folder)
    return dashboard(folder)


@pytest.fixture(scope="module")
def visited(browser, payload_url) -> Iterator[Callable[[str], tuple[Page, list[str]]]]:
    """url path → (a tab that opened it, dialogs it raised); each page opened once, in its own session."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(RECORD_DIALOGS)
    tabs: dict[str, tuple[Page, list[str]]] = {}

    def get(path: str) -> tuple[Page, list[str]]:
        if path not in tabs:
            tab = context.new_page()
            dialogs: list[str] = []
            tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            tab.goto(f"{payload_url}/{path}?projekt=stracket")
            expect(tab.locator(H1)).to_contain_text(PAGES[path])
            idle(tab)
            if path == "ekonomi":
                tab.get_by_text("Visa verifikationer (huvudbok)").click()
                idle(tab)
            for expander in tab.get_by_text("Visa siffrorna som tabell").all()[:6]:
                expander.click()
            idle(tab)
            tab.wait_for_timeout(800)  # time for an injected onerror handler to fire
            tabs[path] = tab, dialogs
        return tabs[path]

    yield get
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "oversikt")
def test_no_script_from_the_data_runs(visited, path):
    tab, dialogs = visited(path)
    found = tab.evaluate(INJECTED)
    assert dialogs == []
    assert found == {"recorded": [], "onerror": 0, "img": 0, "javascript": 0}
    expect(tab.locator("[data-testid=stException]")).to_have_count(0)


def test_payloads_are_shown_verbatim_as_text(visited):
    text = "\n".join(visited(path)[0].locator("[data-testid=stMain]").text_content() or "" for path in PAGES)
    for payload in (IMG, LINK, FORMULA, SQL):
        assert payload in text, payload


def test_the_project_name_is_shown_literally_in_the_header(visited):
    header = visited("")[0].locator("[data-testid=stText]").first.text_content()
    assert LINK in header or IMG in header


# --------------------------------------------------------------------------- a shared link on a real server


@pytest.fixture(scope="module")
def link_server(tmp_path_factory, artifacts) -> Iterator[tuple[str, str, Path]]:
    """(base URL, the reference group's link key, the server log) of a dashboard with a shared link."""
    folder = tmp_path_factory.mktemp("browser-link")
    key = random.token_urlsafe(32)
    secrets = folder / "secrets.toml"
    secrets.write_text(
        "[[lagesbild.lankar]]\n"
        f'hash = "{access.token_hash(key)}"\nroll = "referensgrupp"\nprojekt = "stracket"\n'
        f'giltig_till = {dt.date.today() + dt.timedelta(days=30)}\nnamn = "Referensgruppen"\n',
        encoding="utf-8",
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = artifacts / "streamlit-link.log"
    env = {k: v for k, v in os.environ.items() if k != "LAGESBILD_DATA"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            command(port, "--logger.level", "debug", "--secrets.files", str(secrets)),
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 90
            while not healthy(url):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log.read_text())
                time.sleep(0.25)
            yield url, key, log
        finally:
            process.terminate()
            process.wait(timeout=15)


def test_a_shared_link_opens_the_reference_view_and_the_key_leaves_the_address_bar(browser, link_server):
    url, key, log = link_server
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        tab = context.new_page()
        tab.goto(f"{url}/?{access.LINK_PARAM}={key}")
        expect(tab.locator(H1)).to_have_text("Översikt")
        idle(tab)
        expect(tab).not_to_have_url(f"*{key}*")
        assert access.LINK_PARAM not in tab.url and key not in tab.url
        links = " ".join(tab.locator("[data-testid=stSidebarNav] a").all_inner_texts())
        assert "Ekonomi" in links
        assert not any(title in links for title in ("Datakvalitet", "Uppdatera data", "Historik"))
        expect(tab.get_by_text("Roll: referensgrupp (endast summor)")).to_be_visible()
        # A page outside the role, asked for in the same session (as the browser's back button would), is
        # not served: st.navigation does not know it and Streamlit falls back to the default page.
        tab.evaluate("() => { history.pushState({}, '', '/uppdatera'); dispatchEvent(new PopStateEvent('popstate')); }")
        tab.wait_for_timeout(1000)
        idle(tab)
        expect(tab.locator(H1)).to_have_text("Översikt")
        expect(tab.locator("[data-testid=stFileUploader]")).to_have_count(0)
        expect(tab.locator(H1).filter(has_text="Uppdatera data")).to_have_count(0)
        expect(tab.get_by_text("Roll: referensgrupp (endast summor)")).to_be_visible()
    finally:
        context.close()
    assert key not in log.read_text(encoding="utf-8")


def test_a_wrong_link_opens_nothing_in_the_browser(browser, link_server):
    url, key, _ = link_server
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        tab = context.new_page()
        tab.goto(f"{url}/ekonomi?{access.LINK_PARAM}={key[:-3]}abc")
        idle(tab)
        expect(tab.get_by_text("Länken är ogiltig eller har gått ut")).to_be_visible()
        expect(tab.locator("[data-testid=stMetric]")).to_have_count(0)
        expect(tab.locator("[data-testid=stPlotlyChart]")).to_have_count(0)
    finally:
        context.close()


# --------------------------------------------------------------------------- the documented Content-Security-Policy


def documented_csp() -> str:
    """The policy of the nginx example in docs/deployment.md, for this test's local server."""
    text = (REPO / "docs" / "deployment.md").read_text(encoding="utf-8")
    match = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', text)
    assert match, "docs/deployment.md has no Content-Security-Policy header"
    return match.group(1)


def test_the_documented_content_security_policy_lets_the_dashboard_work(browser, payload_url):
    policy = documented_csp()
    assert "frame-ancestors 'none'" in policy and "'unsafe-eval'" not in policy
    # A document answered by the test (route.fulfill) counts as a public address to Chromium's local
    # network checks, which would then refuse the WebSocket to 127.0.0.1: switch those checks off.
    strict = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests",
        ],
    )
    try:
        context = strict.new_context(viewport=VIEWPORT, locale="sv-SE")
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', "
            "e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));"
        )

        def with_policy(route):
            if route.request.resource_type != "document":
                route.continue_()
                return
            response = route.fetch()
            route.fulfill(response=response, headers={**response.headers, "content-security-policy": policy})

        context.route("**/*", with_policy)
        tab = context.new_page()
        for path, title in (("", "Översikt"), ("ekonomi", "Ekonomi"), ("aktiviteter", "Aktiviteter")):
            tab.goto(f"{payload_url}/{path}?projekt=stracket")
            expect(tab.locator(H1)).to_have_text(title)
            idle(tab)
            expect(tab.locator(".js-plotly-plot .main-svg").first).to_be_visible()
            if not path:
                expect(tab.locator("[data-testid=stMetric]").first).to_be_visible()
            # Only the tab icon from fonts.gstatic.com may be refused (documented).
            refused = [v for v in tab.evaluate("window.__csp") if "fonts.gstatic.com" not in v]
            assert refused == [], path
        context.close()
    finally:
        strict.close()
