"""Measures Lägesbild on generated project folders: reading, summing up, the dashboard's reruns, first views and bytes.

    python benchmarks/bench.py --list
    python benchmarks/bench.py --only interaktion,nyttolast --sizes 10000,1000000 --sidor aktiviteter

Every section is a module of benchmarks/sections/ (registered in sections.ORDER) and reads alone;
what they share: common.py (rows, the table, the generated folders), generate.py (the generated
files), apptest.py (AppTest and its own cost) and browser.py (a real server and Chromium).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd
import sections  # noqa: F401  (registers every section, in order)
from common import DEFAULT_SIZES, ROOT, SECTIONS, TARGET_ROWS, Bench, Row, fmt, print_table, rows_label
from sections.portfolj import PORTFOLIO_PROJECTS

# ---------------------------------------------------------------------------------------------


def git_state() -> str:
    """The commit measured, with '-dirty' when the working tree has changes."""
    try:
        return subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "okänd"


def environment() -> dict:
    return {
        "git": git_state(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pd.__version__,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load": [round(x, 1) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "time": dt.datetime.now().isoformat(timespec="seconds"),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in DEFAULT_SIZES),
        help="ledger rows of each generated utfall.csv, comma-separated",
    )
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measurement (≥ 5)")
    parser.add_argument(
        "--out", type=Path, default=None, help="folder for the generated projects (kept); default: a temporary folder"
    )
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write results as JSON")
    parser.add_argument("--only", default=None, help="comma-separated sections to run: " + ", ".join(SECTIONS))
    parser.add_argument("--list", action="store_true", help="list the sections and exit")
    parser.add_argument(
        "--portfolj-projekt",
        type=int,
        default=PORTFOLIO_PROJECTS,
        metavar="N",
        help=f"projects generated for the portfolj section (default {PORTFOLIO_PROJECTS})",
    )
    parser.add_argument(
        "--sidor",
        default="",
        metavar="URL,…",
        help="only these pages (url paths, e.g. aktiviteter,oversikt) in interaktion and nyttolast",
    )
    args = parser.parse_args(argv)
    args.sizes = tuple(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    if args.runs < 5:
        parser.error("--runs must be at least 5")
    if args.portfolj_projekt < args.runs + 3:
        parser.error("--portfolj-projekt must leave a few projects to switch to (at least --runs + 3)")
    if not args.sizes:
        parser.error("--sizes needs at least one size")
    args.only = [s.strip() for s in args.only.split(",")] if args.only else list(SECTIONS)
    unknown = [s for s in args.only if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        for item in SECTIONS.values():
            print(f"{item.name:12} {item.description}")
        return 0
    env = environment()
    print(
        f"Lägesbild benchmark ({env['git']}) – python {env['python']}, duckdb {env['duckdb']}, "
        f"pandas {env['pandas']}, {env['cpus']} cpu, {env['platform']}"
        + (f", belastning (load average 1/5/15 min) {env['load']}" if env["load"] else "")
    )
    print(
        f"{args.runs} körningar per mätning; median, min och max med time.perf_counter. "
        f"Mål gäller utfall med {rows_label(TARGET_ROWS)} rader."
    )
    with tempfile.TemporaryDirectory(prefix="lagesbild-bench-") as tmp:
        out = args.out or Path(tmp)
        bench = Bench(
            args.sizes,
            args.runs,
            out,
            args.portfolj_projekt,
            tuple(s.strip() for s in args.sidor.split(",") if s.strip()),
        )
        results: list[Row] = []
        for name in args.only:
            item = SECTIONS[name]
            rows = item.run(bench)
            results += rows
            print_table(f"{item.name}: {item.description}", rows)
            for note in bench.notes:
                print(f"  OBS: {note}")
            bench.notes.clear()
    targets = [r for r in results if r.target is not None]
    if targets:
        print("\nMål/targets:")
        for r in targets:
            print(
                f"  {r.case}: {r.measure} = {fmt(r.median, r.unit)}, mål ≤ {fmt(r.target, r.unit)}: "
                f"{'uppfyllt' if r.met else 'EJ uppfyllt'}"
            )
    elif "inlasning" in args.only or "summering" in args.only:
        print(f"\nMål/targets gäller först vid {rows_label(TARGET_ROWS)} rader – ingen sådan storlek kördes.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "environment": env,
                    "sizes": list(args.sizes),
                    "runs": args.runs,
                    "sections": args.only,
                    "results": [r.as_dict() for r in results],
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
