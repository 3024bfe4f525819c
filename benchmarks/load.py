"""Load test: many people open the dashboard at once (a steering meeting starting); how long until they see it?

Starts `streamlit run dashboard.py` on a free local port (or uses --url), opens --sessions concurrent
sessions with Playwright – each in its own browser context (own cookies, own Streamlit session),
spread over --browsers Chromium processes – and measures, per session, the time from navigation to
the Översikt h1 and the first metric being visible. Prints every time, the median and the p95, and
exits 1 when the p95 is over --target seconds (or any session failed).

    python benchmarks/load.py --sessions 40
    python benchmarks/load.py --sessions 40 --url https://lagesbild.example.se --nyckel …   # a deployed server
    python benchmarks/load.py --sessions 40 --client websocket                              # server side only

With --client websocket no browser runs during the burst: each session downloads the files one
browser loaded to show Översikt (index, scripts, styles, fonts – found once with Playwright; skip
with --no-assets), then speaks Streamlit's own protocol over the WebSocket (the protobuf messages
of the installed streamlit package), asks for a run of the app as a browser does and measures
until the server has sent the Översikt h1 and the first metric. That is the server's share of the
first render without the drawing: 40 real users draw on 40 machines, while 40 Chromium tabs here
share this machine's CPUs with the server.

By default one session opens the dashboard first (--warmup 1), so the figures are those of a
server that has loaded the project once, as it has before any real meeting; --warmup 0 measures a
cold start. The browsers run on the same machine as a local server and compete with it for CPU,
so on a small machine the figures are an upper bound. Not part of pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from browser import dashboard_server
from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TITLE = "Översikt"
H1 = "[data-testid=stMain] h1"
METRIC = "[data-testid=stMain] [data-testid=stMetric]"


@dataclass
class Result:
    session: int
    browser: int
    seconds: float | None
    error: str | None = None


async def first_render(browser: Browser, url: str, timeout: float, session: int, browser_no: int) -> Result:
    """One new session: navigation → Översikt h1 and the first metric visible."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900}, locale="sv-SE")
    try:
        page = await context.new_page()
        page.set_default_timeout(timeout * 1000)
        start = time.perf_counter()
        await page.goto(url, wait_until="commit")
        await page.locator(H1).filter(has_text=TITLE).first.wait_for(state="visible")
        await page.locator(METRIC).first.wait_for(state="visible")
        return Result(session, browser_no, time.perf_counter() - start)
    except Exception as exc:  # a timeout or a crashed tab: counted, not fatal
        return Result(session, browser_no, None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    finally:
        await context.close()


async def asset_urls(url: str, timeout: float) -> list[str]:
    """The files one browser loads from the server to show Översikt (index, scripts, styles, fonts)."""
    async with async_playwright() as playwright:
        launch = {"args": CHROMIUM_ARGS, "headless": True}
        if CHROMIUM.exists():
            launch["executable_path"] = str(CHROMIUM)
        browser = await playwright.chromium.launch(**launch)
        try:
            page = await browser.new_page()
            page.set_default_timeout(timeout * 1000)
            origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(url))
            seen: list[str] = []
            page.on(
                "request",
                lambda r: (
                    seen.append(r.url)
                    if r.url.startswith(origin) and "/_stcore/stream" not in r.url and r.url not in seen
                    else None
                ),
            )
            await page.goto(url)
            await page.locator(H1).filter(has_text=TITLE).first.wait_for(state="visible")
            await page.locator(METRIC).first.wait_for(state="visible")
            await page.wait_for_load_state("networkidle")
            return seen
        finally:
            await browser.close()


def _fetch(address: str, timeout: float) -> int:
    request = urllib.request.Request(address, headers={"Accept-Encoding": "gzip, deflate, br"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return len(response.read())


async def first_render_websocket(
    url: str, timeout: float, session: int, assets: list[str], pool: ThreadPoolExecutor
) -> Result:
    """One new session without a browser: download what a browser with an empty cache downloads, then
    connect to the app's WebSocket until the server has sent the Översikt h1 and the first metric."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    parts = urllib.parse.urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    stream = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    try:
        await asyncio.gather(*(loop.run_in_executor(pool, _fetch, a, timeout) for a in assets))
        async with websockets.connect(
            stream, subprotocols=["streamlit"], origin=origin, max_size=None, open_timeout=timeout
        ) as ws:
            request = BackMsg()
            request.rerun_script.query_string = parts.query
            request.rerun_script.page_script_hash = ""
            await ws.send(request.SerializeToString())
            heading = metric = False
            deadline = start + timeout
            while not (heading and metric):
                message = ForwardMsg()
                message.ParseFromString(await asyncio.wait_for(ws.recv(), max(0.1, deadline - time.perf_counter())))
                kind = message.WhichOneof("type")
                if kind == "script_finished":
                    raise RuntimeError("the run finished without the Översikt h1 and a metric")
                if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                    element = message.delta.new_element
                    shown = element.WhichOneof("type")
                    heading |= shown == "heading" and TITLE in element.heading.body
                    metric |= shown == "metric"
            rendered = time.perf_counter() - start  # before the close handshake, which waits for a busy server
        return Result(session, 0, rendered)
    except Exception as exc:
        return Result(session, 0, None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}")


async def measure_websocket(
    url: str, sessions: int, warmup: int, timeout: float, ramp: float, with_assets: bool
) -> tuple[list[Result], float]:
    assets = await asset_urls(url, timeout) if with_assets else []
    if with_assets:
        print(f"each session first downloads the {len(assets)} files a browser loaded", flush=True)
    with ThreadPoolExecutor(max_workers=64) as pool:
        for n in range(warmup):
            result = await first_render_websocket(url, timeout, -1 - n, assets, pool)
            shown = f"{result.seconds:.2f} s" if result.seconds is not None else result.error
            print(f"warm-up {n + 1}: {shown}", flush=True)

        async def one(i: int) -> Result:
            if ramp:
                await asyncio.sleep(ramp * i / sessions)
            return await first_render_websocket(url, timeout, i, assets, pool)

        started = time.perf_counter()
        results = list(await asyncio.gather(*(one(i) for i in range(sessions))))
        return results, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least share of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


async def measure(
    url: str, sessions: int, browsers: int, warmup: int, timeout: float, ramp: float
) -> tuple[list[Result], float]:
    """The results of the measured burst and its wall time (warm-up not included)."""
    async with async_playwright() as playwright:
        launch = {"args": CHROMIUM_ARGS, "headless": True}
        if CHROMIUM.exists():
            launch["executable_path"] = str(CHROMIUM)
        pool = [await playwright.chromium.launch(**launch) for _ in range(max(1, min(browsers, sessions)))]
        try:
            for n in range(warmup):
                result = await first_render(pool[0], url, timeout, -1 - n, 0)
                shown = f"{result.seconds:.2f} s" if result.seconds is not None else result.error
                print(f"warm-up {n + 1}: {shown}", flush=True)

            async def one(i: int) -> Result:
                if ramp:
                    await asyncio.sleep(ramp * i / sessions)
                return await first_render(pool[i % len(pool)], url, timeout, i, i % len(pool))

            started = time.perf_counter()
            results = list(await asyncio.gather(*(one(i) for i in range(sessions))))
            return results, time.perf_counter() - started
        finally:
            for browser in pool:
                await browser.close()


def report(results: list[Result], target: float, wall: float, output: Path | None) -> int:
    times = [r.seconds for r in results if r.seconds is not None]
    failed = [r for r in results if r.seconds is None]
    print()
    print("session browser  first render")
    for r in sorted(results, key=lambda r: r.session):
        print(f"{r.session:7d} {r.browser:7d}  " + (f"{r.seconds:6.2f} s" if r.seconds is not None else r.error))
    print()
    summary = {
        "sessions": len(results),
        "ok": len(times),
        "failed": len(failed),
        "wall_s": round(wall, 2),
        "target_p95_s": target,
    }
    if times:
        summary |= {
            "min_s": round(min(times), 3),
            "median_s": round(statistics.median(times), 3),
            "p95_s": round(percentile(times, 0.95), 3),
            "max_s": round(max(times), 3),
        }
        print(f"sessions {len(results)}, ok {len(times)}, failed {len(failed)}, all done in {wall:.1f} s")
        print(
            f"first render: min {min(times):.2f} s · median {statistics.median(times):.2f} s · "
            f"p95 {percentile(times, 0.95):.2f} s · max {max(times):.2f} s (target p95 ≤ {target:g} s)"
        )
    passed = bool(times) and not failed and percentile(times, 0.95) <= target
    print("PASS" if passed else "FAIL")
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(
            json.dumps({"summary": summary, "results": [asdict(r) for r in results]}, indent=2), encoding="utf-8"
        )
        print(f"results: {output}")
    return 0 if passed else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=40, help="concurrent sessions (default 40)")
    parser.add_argument(
        "--client",
        choices=("browser", "websocket"),
        default="browser",
        help="Chromium tabs through Playwright (default) or bare WebSockets (server side only)",
    )
    parser.add_argument(
        "--no-assets",
        action="store_true",
        help="websocket client: skip downloading the page's files (as with a warm browser cache)",
    )
    parser.add_argument("--browsers", type=int, default=4, help="Chromium processes to spread them over (default 4)")
    parser.add_argument("--warmup", type=int, default=1, help="sessions opened one by one before the measured burst")
    parser.add_argument("--ramp", type=float, default=0.0, help="spread the session starts over this many seconds")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a session may take before it fails")
    parser.add_argument("--target", type=float, default=3.0, help="p95 target in seconds (default 3)")
    parser.add_argument("--data", type=Path, help="LAGESBILD_DATA for the local server (default: data/)")
    parser.add_argument("--url", help="measure this running server instead of starting one")
    parser.add_argument("--nyckel", help="a shared link key to open the dashboard with (for a server with links)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)

    def run(url: str) -> int:
        if args.nyckel:
            url = f"{url.rstrip('/')}/?nyckel={args.nyckel}"
        clients = (
            f"{min(args.browsers, args.sessions)} Chromium processes" if args.client == "browser" else "bare WebSockets"
        )
        print(f"{args.sessions} sessions over {clients} ({os.cpu_count()} CPUs on this machine)", flush=True)
        load_before = os.getloadavg()[0]
        if load_before > (os.cpu_count() or 1):
            print(
                f"warning: the load average is already {load_before:.1f} on {os.cpu_count()} CPUs – "
                "other work will slow the sessions down",
                flush=True,
            )
        if args.client == "websocket":
            results, wall = asyncio.run(
                measure_websocket(url, args.sessions, args.warmup, args.timeout, args.ramp, not args.no_assets)
            )
        else:
            results, wall = asyncio.run(
                measure(url, args.sessions, args.browsers, args.warmup, args.timeout, args.ramp)
            )
        print(f"load average (1 min): {load_before:.1f} before, {os.getloadavg()[0]:.1f} after", flush=True)
        return report(results, args.target, wall, args.json)

    if args.url:
        return run(args.url)
    with tempfile.NamedTemporaryFile(prefix="lagesbild-load-", suffix=".log", delete=False) as log:
        pass
    with dashboard_server(args.data, Path(log.name)) as url:
        print(f"server: {url} (log {log.name})", flush=True)
        return run(url)


if __name__ == "__main__":
    sys.exit(main())
