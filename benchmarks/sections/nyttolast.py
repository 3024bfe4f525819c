"""nyttolast: the bytes a browser is sent at a region's scale, on the first load and for each page view."""

from __future__ import annotations

import gzip
import statistics
import time
from collections import defaultdict
from collections.abc import Callable

from apptest import APP_TIMEOUT, page_title
from browser import (
    BROWSER_VIEWPORT,
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE_JS,
    NAV_LINK,
    dashboard_server,
    page_cycle,
    wait_ready,
)
from common import ACTIVITY_ROWS, TARGET_ROWS, Bench, Row, region_scale, rows_label, section
from playwright.sync_api import Response

TARGET_PAGE_BYTES = 1_000_000  # the websocket messages of one page view ≤ 1 MB at 1M ledger rows
# What a proxy compresses (docs/deployment.md): text; fonts in woff2 and images are compressed already.
COMPRESSIBLE = ("javascript", "css", "json", "html", "svg", "text/", "font/ttf", "wasm")
SETTLE_S = 0.3  # after the run: the last messages (script finished, forward messages) still arrive

try:  # brotli is no requirement of the product: its figure is left out where it is not installed
    import brotli
except ImportError:  # pragma: no cover - depends on the machine
    brotli = None


class Received:
    """Adds up the bytes of every websocket message the tab receives (and sends) from a reset on."""

    def __init__(self) -> None:
        self.received = 0
        self.sent = 0
        self.messages = 0

    def attach(self, websocket) -> None:
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload) -> None:
        self.received += len(payload)
        self.messages += 1

    def _sent(self, payload) -> None:
        self.sent += len(payload)

    def reset(self) -> None:
        self.received = self.sent = self.messages = 0


def keeper(responses: list[Response]) -> Callable[[Response], None]:
    """A handler that keeps every response (Playwright cannot wrap a list's own append)."""

    def keep(response: Response) -> None:
        responses.append(response)

    return keep


def settle(tab, counter: Received) -> None:
    """Wait until no message has come for SETTLE_S seconds after the run finished."""
    tab.wait_for_function(IDLE_JS, polling="raf", timeout=APP_TIMEOUT * 1000)
    seen = -1
    while seen != counter.messages:
        seen = counter.messages
        tab.wait_for_timeout(SETTLE_S * 1000)


def compressed_sizes(responses) -> dict[str, int]:
    """Bytes of the first load's HTTP responses: as sent, their bodies, gzip -6 and brotli of those."""
    sizes: dict[str, int] = defaultdict(int)
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body: not counted
            continue
        kind = (response.headers.get("content-type") or "").lower()
        sent = response.request.sizes().get("responseBodySize", len(body))
        sizes["filer"] += 1
        sizes["skickat"] += sent if sent >= 0 else len(body)
        sizes["okomprimerat"] += len(body)
        squeeze = any(k in kind for k in COMPRESSIBLE)
        sizes["gzip"] += len(gzip.compress(body, 6)) if squeeze else len(body)
        if brotli is not None:
            sizes["brotli"] += len(brotli.compress(body, quality=5)) if squeeze else len(body)
    return sizes


@section(
    "nyttolast",
    "bytes sent to a browser at a region's scale: the first load of / over HTTP (as sent, "
    "gzip, brotli) and the websocket messages of each page view",
)
def bench_payload(bench: Bench) -> list[Row]:
    if not CHROMIUM.exists():
        print(f"\n(nyttolast hoppas över: {CHROMIUM} saknas)")
        return []
    from playwright.sync_api import sync_playwright

    from lagesbild import i18n, navigation

    rows = max(bench.sizes)
    data = region_scale(bench)
    scale = f"utfall {rows_label(rows)}, aktiviteter {rows_label(ACTIVITY_ROWS)}"
    titles = {i18n.t(key, "sv"): url for _, key, url, _ in navigation.PAGES}
    home = page_title("oversikt")

    def chosen(cycle: list[str]) -> list[str]:
        """The pages of --sidor (all without it), and back home last."""
        return [t for t in cycle if not bench.pages or titles[t] in bench.pages or t == home]

    target = TARGET_PAGE_BYTES if rows >= TARGET_ROWS else None
    first: dict[str, list[float]] = defaultdict(list)
    http: list[dict[str, int]] = []
    views: dict[str, list[float]] = defaultdict(list)
    view_s: dict[str, list[float]] = defaultdict(list)
    counts: dict[str, list[float]] = defaultdict(list)
    with dashboard_server(data, bench.out / "streamlit-nyttolast.log") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            # round 0 is the server's first session: it loads the project (or opens its store)
            for round_ in range(bench.runs + 1):
                context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
                tab = context.new_page()
                counter = Received()
                responses: list[Response] = []
                tab.on("websocket", counter.attach)
                tab.on("response", keeper(responses))
                start = time.perf_counter()
                tab.goto(url + "/")
                wait_ready(tab, home, "h1")
                settle(tab, counter)
                if round_:
                    first["ws"].append(counter.received)
                    first["sent"].append(counter.sent)
                    first["s"].append(time.perf_counter() - start)
                    http.append(compressed_sizes(responses))
                if round_ in (0, 1):  # every page once more in round 1, the first being warm-up
                    for title in chosen(page_cycle(tab, titles, home)):
                        counter.reset()
                        start = time.perf_counter()
                        tab.locator(NAV_LINK).filter(has=tab.get_by_text(title, exact=True)).click()
                        wait_ready(tab, title, "idle")
                        settle(tab, counter)
                        if round_:
                            views[title].append(counter.received)
                            view_s[title].append(time.perf_counter() - start)
                            counts[title].append(counter.messages)
                context.close()
            # The page views again, bench.runs times over, in one more session: the bytes of a view
            # do not depend on the round, its seconds do.
            context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
            tab = context.new_page()
            counter = Received()
            tab.on("websocket", counter.attach)
            tab.goto(url + "/")
            wait_ready(tab, home, "h1")
            settle(tab, counter)
            cycle = chosen(page_cycle(tab, titles, home))
            for _ in range(bench.runs - 1):
                for title in cycle:
                    counter.reset()
                    start = time.perf_counter()
                    tab.locator(NAV_LINK).filter(has=tab.get_by_text(title, exact=True)).click()
                    wait_ready(tab, title, "idle")
                    settle(tab, counter)
                    views[title].append(counter.received)
                    view_s[title].append(time.perf_counter() - start)
                    counts[title].append(counter.messages)
            context.close()
        finally:
            browser.close()
    out = [
        Row(
            "nyttolast", f"första vy / · {scale}", "websocket: mottaget av webbläsaren", first["ws"], "B", target, rows
        ),
        Row("nyttolast", f"första vy / · {scale}", "websocket: skickat av webbläsaren", first["sent"], "B", rows=rows),
        Row(
            "nyttolast",
            f"första vy / · {scale}",
            f"till h1 och sista meddelandet (inkl. väntan {SETTLE_S * 1000:.0f} ms)",
            first["s"],
            rows=rows,
        ),
    ]
    case = "första vy /, tom HTTP-cache"
    files = statistics.median(h["filer"] for h in http)
    out += [
        Row(
            "nyttolast", case, f"HTTP: {files:.0f} filer, som Streamlit skickar dem", [h["skickat"] for h in http], "B"
        ),
        Row("nyttolast", case, "HTTP: okomprimerat innehåll", [h["okomprimerat"] for h in http], "B"),
        Row("nyttolast", case, "HTTP: med gzip (nivå 6) för text, js, css", [h["gzip"] for h in http], "B"),
    ]
    if brotli is not None:
        out.append(
            Row("nyttolast", case, "HTTP: med brotli (kvalitet 5) för text, js, css", [h["brotli"] for h in http], "B")
        )
    else:
        out.append(
            Row(
                "nyttolast",
                case,
                "HTTP: gzip / okomprimerat (brotli ej installerat)",
                [h["gzip"] / h["okomprimerat"] for h in http],
                "%",
            )
        )
    for title, values in views.items():
        out += [
            Row("nyttolast", f"{titles[title]} · {scale}", "sidvisning: websocket mottaget", values, "B", target, rows),
            Row(
                "nyttolast",
                f"{titles[title]} · {scale}",
                f"  {statistics.median(counts[title]):.0f} meddelanden; klick → skriptet klart och tyst",
                view_s[title],
                rows=rows,
            ),
        ]
    return out
