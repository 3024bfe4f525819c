"""forsta_vy: a new session's first view of Översikt, in this process and in a new one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import defaultdict

from apptest import APP, COLD_FIRST_VIEW, EXAMPLE_DATA, apptest_mode, baseline, minus, new_app, page_title, run_app
from common import ROOT, Bench, Row, section

TARGET_FIRST_VIEW_S = 1.0  # a new session sees Översikt with its key figures within 1 s


@section("forsta_vy", "a new session's first view of Översikt (AppTest): warm process and a cold subprocess")
def bench_first_view(bench: Bench) -> list[Row]:
    base = baseline(bench)
    title = page_title("oversikt")
    with apptest_mode(EXAMPLE_DATA):
        run_app(new_app(), title)  # the projects are loaded once in this process
        warm = []
        for _ in range(bench.runs):
            start = time.perf_counter()
            at = run_app(new_app(), title)
            warm.append(time.perf_counter() - start)
            if len(at.metric) < 5:
                raise SystemExit(f"Översikt showed {len(at.metric)} metrics, not its five key figures")
    cold: dict[str, list[float]] = defaultdict(list)
    env = {**os.environ, "LAGESBILD_DATA": str(EXAMPLE_DATA),
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    for _ in range(bench.runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", COLD_FIRST_VIEW, str(APP)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=600)
        wall = time.perf_counter() - start
        try:
            result = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            raise SystemExit(f"the cold subprocess failed:\n{done.stdout}\n{done.stderr}") from None
        if result["exceptions"] or result["title"] != title or result["metrics"] < 5:
            raise SystemExit(f"the cold subprocess did not show Översikt's key figures: {result}")
        for key in ("import", "components", "first"):
            cold[key].append(result[key])
        cold["wall"].append(wall)
    return [
        Row("forsta_vy", "varm process", "ny AppTest → Översikt med nyckeltal: rå", warm,
            target=TARGET_FIRST_VIEW_S),
        Row("forsta_vy", "varm process", "  baslinje: ny AppTest av liten skript", base["fresh"]),
        Row("forsta_vy", "varm process", "  netto (− baslinje)", minus(warm, base["fresh"])),
        Row("forsta_vy", "kall underprocess", "import streamlit + AppTest", cold["import"]),
        Row("forsta_vy", "kall underprocess", "AppTests komponentsökning (servern: en gång vid start)",
            cold["components"]),
        Row("forsta_vy", "kall underprocess", "ny AppTest → Översikt med nyckeltal: rå", cold["first"],
            target=TARGET_FIRST_VIEW_S),
        Row("forsta_vy", "kall underprocess", "  netto (− varm baslinje)", minus(cold["first"], base["fresh"])),
        Row("forsta_vy", "kall underprocess", "hela underprocessen (väggklocka, inkl. python-start)", cold["wall"]),
    ]

