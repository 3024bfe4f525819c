"""Streamlit's AppTest as the benchmark drives it: one shared script cache and component scan, AppTest's own cost."""

from __future__ import annotations

import datetime as dt
import logging
import os
import statistics
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import APP_PROJECT, ROOT, Bench  # noqa: F401  (APP_PROJECT: for the sections)

from lagesbild import navigation

APP = ROOT / "dashboard.py"
EXAMPLE_DATA = ROOT / "data"  # stracket (the default: latest rapportdatum) and bergslaget-2023
APP_TIMEOUT = 600  # seconds AppTest may wait for one run: a 1M-row ledger loads on the first

# A script with the dashboard's two shared widgets and nothing else: what AppTest costs by itself.
BASELINE_SCRIPT = """\
import datetime as dt

import streamlit as st

st.set_page_config(page_title="Baslinje", layout="wide")
if "lang" not in st.session_state:
    st.session_state.lang = "sv"
lang = st.sidebar.segmented_control("Språk", ["sv", "en"], key="lang", required=True)
if "rapportdatum_baslinje" not in st.session_state:
    st.session_state.rapportdatum_baslinje = dt.date(2026, 10, 31)
day = st.sidebar.date_input("Rapportdatum", key="rapportdatum_baslinje", format="YYYY-MM-DD")
st.title({"sv": "Baslinje", "en": "Baseline"}[lang])
st.text(day.isoformat())
"""

# Run by a new Python process: nothing imported, nothing cached. Prints one JSON line.
COLD_FIRST_VIEW = """\
import json, sys, time
t0 = time.perf_counter()
from streamlit import logger
logger.set_log_level("error")
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.testing.v1 import AppTest
from lagesbild import navigation
t1 = time.perf_counter()
navigation.runs_as_in_the_server().__enter__()
components = BidiComponentManager()
components.discover_and_register_components(start_file_watching=False)
t2 = time.perf_counter()
at = AppTest.from_file(sys.argv[1], default_timeout=600)
at._bidi_component_manager = components
at.run()
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "components": t2 - t1, "first": t3 - t2, "metrics": len(at.metric),
                  "title": at.title[0].value if len(at.title) else None, "exceptions": len(at.exception)}))
"""


class _NoContextWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


_APP_ERRORS: list[str] = []  # what the app raised, newest last (AppTest shows a redacted message)


class _AppError(logging.Filter):
    """Keeps an exception the app raised (type, message, where in the app) instead of logging it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "Uncaught app execution" not in record.getMessage() or not record.exc_info:
            return True
        kind, error, trace = record.exc_info
        where = ""
        for frame in traceback.extract_tb(trace):
            if frame.filename.startswith(str(ROOT)):
                where = f" ({Path(frame.filename).relative_to(ROOT)}:{frame.lineno})"
        message = str(error).splitlines()[0] if str(error) else ""
        _APP_ERRORS.append(f"{kind.__name__}: {message}{where}")
        return False


def quiet_streamlit() -> None:
    """Streamlit logs at error level only, without the two messages AppTest use triggers."""
    from streamlit import config, logger

    logger.set_log_level("error")
    config.set_option("logger.enableRich", False)  # app exceptions through the logger, caught below
    # Reading widget values from this (the test's) thread logs a warning each time: not for us.
    quiet = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    if not any(isinstance(f, _NoContextWarning) for f in quiet.filters):
        quiet.addFilter(_NoContextWarning())
    errors = logging.getLogger("streamlit.error_util")
    if not any(isinstance(f, _AppError) for f in errors.filters):
        errors.addFilter(_AppError())


@contextmanager
def apptest_mode(data: Path) -> Iterator[None]:
    """LAGESBILD_DATA=data, quiet Streamlit logs, and dashboard.py run on every AppTest run.

    Streamlit 1.67's AppTest resets PagesManager.uses_pages_directory before each run; with the
    repository's pages/ folder every run after the first would then execute the page file alone
    (legacy pages/ mode) and never apply a changed widget. The server leaves that mode for good at
    the first st.navigation call; so does this (lagesbild.navigation.runs_as_in_the_server, as the tests do).
    """
    quiet_streamlit()
    # The server compiles each script once (one ScriptCache per runtime); AppTest makes new caches
    # for every run and so compiles dashboard.py and the page again each time (~5–20 ms of AppTest's
    # own, growing with the scripts, that a tiny baseline script cannot show). One shared cache.
    from streamlit.testing.v1 import app_test, local_script_runner

    script_cache = app_test.ScriptCache
    if not _SCRIPT_CACHE:
        _SCRIPT_CACHE.append(script_cache())
    before = os.environ.get("LAGESBILD_DATA")
    os.environ["LAGESBILD_DATA"] = str(data)
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: _SCRIPT_CACHE[0]
    try:
        with navigation.runs_as_in_the_server():
            yield
    finally:
        app_test.ScriptCache = local_script_runner.ScriptCache = script_cache
        if before is None:
            os.environ.pop("LAGESBILD_DATA", None)
        else:
            os.environ["LAGESBILD_DATA"] = before


_SCRIPT_CACHE: list = []  # the one ScriptCache of this process's AppTest runs
_COMPONENTS: list = []  # the one scan of installed custom components, shared by every AppTest


def new_app(script: Path = APP):
    """AppTest.from_file(script) sharing one component scan.

    Each new AppTest otherwise scans every installed package's metadata for custom components on
    its first run (about a second here); the real server does that once when it starts, not per
    session, so it is no part of a session's first view. forsta_vy reports it separately.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=APP_TIMEOUT)
    if _COMPONENTS and hasattr(at, "_bidi_component_manager"):
        at._bidi_component_manager = _COMPONENTS[0]
    return at


def run_app(at, expect_title: str | None = None):
    """at.run(), then fail loudly on an exception or another page than expected."""
    _APP_ERRORS.clear()
    at.run()
    if not _COMPONENTS and getattr(at, "_bidi_component_manager", None) is not None:
        _COMPONENTS.append(at._bidi_component_manager)
    if len(at.exception):
        raise SystemExit(f"the app raised {_APP_ERRORS[-1] if _APP_ERRORS else at.exception[0].value}")
    if expect_title is not None:
        shown = at.title[0].value if len(at.title) else None
        if shown != expect_title:
            raise SystemExit(f"expected the page {expect_title!r}, the app shows {shown!r}")
    return at


def timed_run(at, failures: list[str] | None = None) -> float:
    """Seconds of one at.run(); an exception in the app stops the benchmark unless failures
    collects it (the run is then still timed, and the figure is flagged in the table)."""
    _APP_ERRORS.clear()
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    if len(at.exception):
        error = _APP_ERRORS[-1] if _APP_ERRORS else str(at.exception[0].value)
        if failures is None:
            raise SystemExit(f"the app raised {error}")
        failures.append(error)
    return seconds


def flagged(label: str, failures: list[str], runs: int) -> str:
    return f"{label} ⚠ appen kastade undantag i {len(failures)}/{runs}" if failures else label


def page_title(url: str, lang: str = "sv") -> str:
    from lagesbild import i18n

    return next(i18n.t(key, lang) for _, key, path, _ in navigation.PAGES if path == url)


def shown_pages(at) -> list[tuple[str, str]]:
    """(page file, url path) of the pages the last run put in the navigation, in PAGES order."""
    registered = {
        Path(str(info.get("script_path"))).resolve() for info in getattr(at, "_registered_pages", {}).values()
    }
    return [(file, url) for file, _, url, _ in navigation.PAGES if (ROOT / file).resolve() in registered]


_BASELINE: dict[str, list[float]] = {}


def baseline_script(bench: Bench) -> Path:
    bench.out.mkdir(parents=True, exist_ok=True)
    script = bench.out / "baslinje.py"
    script.write_text(BASELINE_SCRIPT, encoding="utf-8")
    return script


def baseline(bench: Bench) -> dict[str, list[float]]:
    """AppTest's own cost: a tiny script with the same two widgets (measured once per process)."""
    if _BASELINE:
        return _BASELINE
    script = baseline_script(bench)
    with apptest_mode(EXAMPLE_DATA):
        run_app(new_app(script))  # the one component scan, if nothing has run yet
        fresh = []
        for _ in range(bench.runs + 1):
            start = time.perf_counter()
            at = run_app(new_app(script), "Baslinje")
            fresh.append(time.perf_counter() - start)
        lang, day = [], []
        for n in range(bench.runs + 1):
            at.segmented_control(key="lang").set_value(("en", "sv")[n % 2])
            lang.append(timed_run(at))
        first = at.date_input(key="rapportdatum_baslinje").value
        for n in range(bench.runs + 1):
            at.date_input(key="rapportdatum_baslinje").set_value(first - dt.timedelta(days=31 * (1 - n % 2)))
            day.append(timed_run(at))
    _BASELINE.update(fresh=fresh[1:], lang=lang[1:], datum=day[1:])
    return _BASELINE


def paired_minus(values: list[float], base: list[float]) -> list[float]:
    """Each run less the baseline run made right after it, never below zero."""
    return [max(v - b, 0.0) for v, b in zip(values, base, strict=True)]


def minus(values: list[float], base: list[float]) -> list[float]:
    """Each run less the baseline's median (AppTest's own cost), never below zero."""
    cost = statistics.median(base)
    return [max(v - cost, 0.0) for v in values]
