"""forsta_vy: a new session's first view of Översikt, in this process and in a new one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from apptest import APP, COLD_FIRST_VIEW, EXAMPLE_DATA, apptest_mode, baseline, minus, new_app, page_title, run_app
from common import ACTIVITY_ROWS, ROOT, TARGET_ROWS, Bench, Row, region_scale, rows_label, section

from lagesbild import store

TARGET_FIRST_VIEW_S = 1.0  # a new session sees Översikt with its key figures within 1 s


@section(
    "forsta_vy",
    "a new session's first view of Översikt (AppTest): warm process, a cold subprocess, and "
    "a cold subprocess at a region's scale without and with the store on disk",
)
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
    cold = cold_views(EXAMPLE_DATA, bench.runs, title)
    # A region's scale in a new process: once with no store (that view writes it, as the first
    # view after a new version does), then as after a restart, with the store on disk.
    data = region_scale(bench)
    scale = f"utfall {rows_label(max(bench.sizes))}, aktiviteter {rows_label(ACTIVITY_ROWS)}"
    stores = bench.out / "forsta-vy-lager"
    if stores.exists():
        shutil.rmtree(stores)
    stores.mkdir(parents=True)
    unstored = cold_views(data, 1, title, stores)
    if not any(stores.rglob("*.duckdb")):
        raise SystemExit(f"the first view of {data} wrote no store under {stores}")
    stored = cold_views(data, bench.runs, title, stores)
    big = max(bench.sizes) >= TARGET_ROWS
    return [
        Row("forsta_vy", "varm process", "ny AppTest → Översikt med nyckeltal: rå", warm, target=TARGET_FIRST_VIEW_S),
        Row("forsta_vy", "varm process", "  baslinje: ny AppTest av liten skript", base["fresh"]),
        Row("forsta_vy", "varm process", "  netto (− baslinje)", minus(warm, base["fresh"])),
        Row("forsta_vy", "kall underprocess", "import streamlit + AppTest", cold["import"]),
        Row(
            "forsta_vy",
            "kall underprocess",
            "AppTests komponentsökning (servern: en gång vid start)",
            cold["components"],
        ),
        Row(
            "forsta_vy",
            "kall underprocess",
            "ny AppTest → Översikt med nyckeltal: rå",
            cold["first"],
            target=TARGET_FIRST_VIEW_S,
        ),
        Row("forsta_vy", "kall underprocess", "  netto (− varm baslinje)", minus(cold["first"], base["fresh"])),
        Row("forsta_vy", "kall underprocess", "hela underprocessen (väggklocka, inkl. python-start)", cold["wall"]),
        Row(
            "forsta_vy",
            f"kall underprocess · {scale}",
            "utan lager (skrivs nu): ny AppTest → Översikt: rå",
            unstored["first"],
            rows=max(bench.sizes),
        ),
        Row(
            "forsta_vy",
            f"kall underprocess · {scale}",
            "med lager på disk: ny AppTest → Översikt: rå",
            stored["first"],
            target=TARGET_FIRST_VIEW_S if big else None,
            rows=max(bench.sizes),
        ),
        Row(
            "forsta_vy",
            f"kall underprocess · {scale}",
            "  netto (− varm baslinje)",
            minus(stored["first"], base["fresh"]),
            rows=max(bench.sizes),
        ),
        Row(
            "forsta_vy",
            f"kall underprocess · {scale}",
            "  hela underprocessen (väggklocka)",
            stored["wall"],
            rows=max(bench.sizes),
        ),
    ]


def cold_views(data: Path, runs: int, title: str, stores: Path | None = None) -> dict[str, list[float]]:
    """`runs` new Python processes, each opening Översikt once in AppTest with LAGESBILD_DATA=data
    (and LAGESBILD_LAGER=stores): seconds of import, component scan, the first run, the whole."""
    cold: dict[str, list[float]] = defaultdict(list)
    env = {
        **os.environ,
        "LAGESBILD_DATA": str(data),
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    }
    if stores is not None:
        env[store.ENVIRONMENT] = str(stores)
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", COLD_FIRST_VIEW, str(APP)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
        )
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
    return cold
