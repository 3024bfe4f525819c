"""A real `streamlit run` on a free local port and what a Chromium tab waits for on it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from apptest import APP, APP_TIMEOUT
from common import ROOT
from playwright.sync_api import ViewportSize

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_VIEWPORT: ViewportSize = {"width": 1600, "height": 1000}
SERVER_STARTUP_S = 90

# --- a real server and a real browser ------------------------------------------------------------

NAV_LINK = "[data-testid=stSidebarNav] a"
# The new page's h1 (not a leftover of the old run) with the title, and then either its first
# visible chart or table drawn (mode "chart"), or the script run finished (mode "idle").
READY_JS = """([title, mode]) => {
  const fresh = (el) => {
    const box = el.closest('[data-testid=stElementContainer]');
    return !box || box.getAttribute('data-stale') !== 'true';
  };
  const h1 = document.querySelector('[data-testid=stMain] h1');
  if (!h1 || h1.textContent.trim() !== title || !fresh(h1)) return false;
  if (mode === 'h1') return true;
  if (mode === 'idle') {
    return !!document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]');
  }
  for (const el of document.querySelectorAll(
      '[data-testid=stMain] [data-testid=stPlotlyChart] .main-svg, [data-testid=stMain] [data-testid=stDataFrame]')) {
    const r = el.getBoundingClientRect();
    if (fresh(el) && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') return true;
  }
  return false;
}"""
IDLE_JS = "() => !!document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]')"
COUNT_JS = """() => [...document.querySelectorAll(
  '[data-testid=stMain] [data-testid=stPlotlyChart] .main-svg, [data-testid=stMain] [data-testid=stDataFrame]')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length"""


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dashboard_server(data: Path | None, log: Path) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free port of 127.0.0.1 with LAGESBILD_DATA=data
    (None: the repository's data/); yields its URL. benchmarks/load.py uses it too."""
    import urllib.error
    import urllib.request

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "LAGESBILD_DATA"}
    if data is not None:
        env["LAGESBILD_DATA"] = str(data.resolve())
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(APP),
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + SERVER_STARTUP_S
            while True:
                if process.poll() is not None:
                    raise SystemExit(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.read().decode().strip() == "ok":
                            break
                except (urllib.error.URLError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"{url} did not answer within {SERVER_STARTUP_S} s:\n{log.read_text()}")
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


def wait_ready(tab, title: str, mode: str) -> None:
    tab.wait_for_function(READY_JS, arg=[title, mode], polling="raf", timeout=APP_TIMEOUT * 1000)


def page_cycle(tab, titles: dict[str, str], home: str) -> list[str]:
    """The sidebar's page titles from the one after `home` round to `home` itself (tab shows home)."""
    more = tab.locator("[data-testid=stSidebarNavViewButton]")
    if more.count():
        more.first.click()
    links = [t.strip() for t in tab.locator(f"{NAV_LINK} [data-testid=stMarkdownContainer]").all_inner_texts()]
    order = [t for t in links if t in titles]
    order = order[order.index(home) :] + order[: order.index(home)]
    return [*order[1:], home]
