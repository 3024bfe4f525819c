"""A real dashboard server and a real Chromium for the browser tests.

`dashboard(data)` starts `streamlit run dashboard.py` on a free port with LAGESBILD_DATA=data
(None: the repository's data/), waits until /_stcore/health answers "ok", runs one browser
session on it (see warm_up) and stops the server when the test session ends. The browser is
Debian's /usr/bin/chromium driven by Playwright; the tests are skipped only when it is missing.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from server import command, free_port, healthy

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Streamlit scrolls inside its own container: a tall window shows (and screenshots) whole pages.
VIEWPORT = {"width": 1600, "height": 3000}
STARTUP_SECONDS = 90


class Server:
    """One `streamlit run dashboard.py` subprocess."""

    def __init__(self, data: Path | None, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "LAGESBILD_DATA"}
        if data is not None:
            env["LAGESBILD_DATA"] = str(data)
        self.log = log
        self._log_file = log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            command(self.port),
            cwd=REPO,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )

    def wait_untilhealthy(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.log.read_text()}")
            if healthy(self.url):
                return
            time.sleep(0.25)
        raise RuntimeError(
            f"{self.url}/_stcore/health did not answer ok within {STARTUP_SECONDS} s:\n{self.log.read_text()}"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log_file.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def warm_up(browser, url: str) -> None:
    """Run one session to its end, so that the tests' sessions do not meet the first-session bug.

    Because the repository has a pages/ folder, a fresh server runs its first session in
    Streamlit's legacy pages/ mode; st.navigation ends that mode, which changes the widget ids,
    and that session's first widget change is lost (test_browser.py shows it on a fresh server).
    """
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.goto(url + "/")
    tab.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
    context.close()


@pytest.fixture(scope="session")
def dashboard(artifacts, browser) -> Iterator[Callable[..., str]]:
    """start(data, name, warm, wait) → the base URL of a dashboard serving data; one server per folder or name.

    Each server has run one session before start returns, unless warm=False (see warm_up).
    wait=False only starts the server's process, so that its start overlaps other tests; a later
    start of the same server waits for it.
    """
    servers: dict[str, Server] = {}
    ready: set[str] = set()

    def start(data: Path | None = None, name: str | None = None, warm: bool = True, wait: bool = True) -> str:
        key = name or ("default" if data is None else str(Path(data).resolve()))
        if key not in servers:
            label = name or ("default" if data is None else Path(data).name)
            servers[key] = Server(data, artifacts / f"streamlit-{label}-{len(servers)}.log")
        if wait and key not in ready:
            servers[key].wait_untilhealthy()
            if warm:
                warm_up(browser, servers[key].url)
            ready.add(key)
        return servers[key].url

    yield start
    for server in servers.values():  # all at once: each takes seconds to close its connections
        server.process.terminate()
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def base_url(dashboard) -> str:
    """The dashboard on the repository's data/ (stracket and bergslaget-2023)."""
    return dashboard(None)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: the browser tests drive Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab (own cookies and session) with a tall Swedish window."""
    context = browser.new_context(viewport=VIEWPORT, locale="sv-SE")
    context.set_default_timeout(60_000)
    tab = context.new_page()
    yield tab
    context.close()
