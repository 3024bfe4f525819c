"""interaktion: a rerun after a widget change on every page, at the smallest and the largest size."""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict

from apptest import (
    APP_PROJECT,
    apptest_mode,
    baseline_script,
    flagged,
    new_app,
    page_title,
    paired_minus,
    run_app,
    shown_pages,
    timed_run,
)
from common import ACTIVITY_ROWS, TARGET_ROWS, Bench, Row, app_data, fmt, rows_label, section

TARGET_INTERACTION_S = 0.030  # a rerun after a widget change ≤ 30 ms at 1M rows …
TARGET_INTERACTION_RATIO = 1.2  # … and ≤ 1.2 × the figure at 10 000 rows
RATIO_FLOOR_S = 0.005  # net times below this are noise: counted as this much in the 1M/10k ratio


@section(
    "interaktion",
    "AppTest: at.run() after a widget change on every page, the smallest ledger with "
    "stracket's activities vs a region's scale (the largest ledger, 100 000 activities)",
)
def bench_interaction(bench: Bench) -> list[Row]:
    sizes = sorted({min(bench.sizes), max(bench.sizes)})
    # the largest size at a region's scale: its ledger and ACTIVITY_ROWS generated activities
    folders = {rows: app_data(bench, rows, ACTIVITY_ROWS if rows == max(sizes) else None) for rows in sizes}
    scale = {
        rows: rows_label(rows) + (f" + {rows_label(ACTIVITY_ROWS)} akt." if rows == max(sizes) else "")
        for rows in sizes
    }
    found: dict[tuple[str, int], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    failed: dict[tuple[str, int], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    # AppTest's own cost, measured right after each measured run (so under the same load): the
    # baseline script gets the same kind of change; netto = the run less its own baseline run.
    paired: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    date_key = f"rapportdatum_{APP_PROJECT}"
    base_key = "rapportdatum_baslinje"
    apps = {}
    with apptest_mode(folders[sizes[0]]):
        base_at = run_app(new_app(baseline_script(bench)), "Baslinje")
        base_day = base_at.date_input(key=base_key).value
        for rows in sizes:  # one session per size, each with its project loaded (not timed)
            os.environ["LAGESBILD_DATA"] = str(folders[rows])
            apps[rows] = run_app(new_app(), page_title("oversikt"))
        first = apps[sizes[0]]
        report_day = first.date_input(key=date_key).value
        other_day = report_day - dt.timedelta(days=31)
        pages = [(file, url) for file, url in shown_pages(first) if not bench.pages or url in bench.pages]
        fresh_day = 40  # the cache-miss dates: each used once per size

        def run_each(url: str, key: str, n: int, counted: bool) -> None:
            """The same change in every size's session and in the baseline, one right after the
            other, so that a changing load on the machine hits them alike."""
            nonlocal fresh_day
            if key == "lang":
                value = ("en", "sv")[n % 2]
                changes = [
                    (at, lambda at, v=value: at.segmented_control(key="lang").set_value(v))
                    for at in (*apps.values(), base_at)
                ]
            else:
                if key == "datum":
                    day, other = (other_day, report_day)[n % 2], (base_day - dt.timedelta(days=31), base_day)[n % 2]
                else:  # a date never asked for: every query of the page runs
                    day, other = report_day - dt.timedelta(days=fresh_day), base_day - dt.timedelta(days=fresh_day)
                    fresh_day += 1
                changes = [
                    *((at, lambda at, d=day: at.date_input(key=date_key).set_value(d)) for at in apps.values()),
                    (base_at, lambda at, d=other: at.date_input(key=base_key).set_value(d)),
                ]
            for rows, (at, change) in zip([*sizes, None], changes, strict=True):
                if rows is not None:
                    os.environ["LAGESBILD_DATA"] = str(folders[rows])
                change(at)
                # the app's exceptions are collected (the warm-up's thrown away), the baseline's stop
                seconds = timed_run(at, None if rows is None else failed[url, rows][key] if counted else [])
                if counted:
                    (found[url, rows] if rows else paired[url])[key].append(seconds)

        for file, url in pages:
            for rows in sizes:
                os.environ["LAGESBILD_DATA"] = str(folders[rows])
                apps[rows].switch_page(file)
                run_app(apps[rows], page_title(url))
            # Flipping between two values: after the warm-up (n = 0, not counted) both are in the
            # caches, as when a user compares two languages or two report dates.
            for key in ("lang", "datum"):
                for n in range(bench.runs + 1):
                    run_each(url, key, n, n > 0)
            for n in range(bench.runs):
                run_each(url, "nytt", n, True)
            for rows in sizes:  # back to Swedish and the report date for the next page
                os.environ["LAGESBILD_DATA"] = str(folders[rows])
                apps[rows].segmented_control(key="lang").set_value("sv")
                apps[rows].date_input(key=date_key).set_value(report_day)
                run_app(apps[rows], page_title(url))
    everything = {key: [t for runs in paired.values() for t in runs[key]] for key in ("lang", "datum")}
    out = [
        Row(
            "interaktion",
            "baslinje (liten skript)",
            "AppTest-körning efter språkbyte (alla parade körningar)",
            everything["lang"],
        ),
        Row(
            "interaktion",
            "baslinje (liten skript)",
            "AppTest-körning efter datumbyte (alla parade körningar)",
            everything["datum"],
        ),
    ]
    big = max(sizes)
    for _, url in pages:
        for rows in sizes:
            figures, fails, base = found[url, rows], failed[url, rows], paired[url]
            for key, what in (("lang", "språk sv↔en"), ("datum", "rapportdatum växlar"), ("nytt", "nytt datum")):
                for failure in dict.fromkeys(fails[key]):
                    bench.notes.append(f"interaktion {url} · {rows_label(rows)}, {what}: appen kastade {failure}")
            case = f"{url} · {scale[rows]}"
            target = TARGET_INTERACTION_S if rows == big and rows >= TARGET_ROWS else None
            out += [
                Row(
                    "interaktion",
                    case,
                    flagged("språk sv↔en (lang): rå at.run()", fails["lang"], bench.runs),
                    figures["lang"],
                    rows=rows,
                ),
                Row(
                    "interaktion",
                    case,
                    "språk sv↔en: netto (− parad baslinje)",
                    paired_minus(figures["lang"], base["lang"]),
                    target=target,
                    rows=rows,
                ),
                Row(
                    "interaktion",
                    case,
                    flagged("rapportdatum växlar mellan två: rå at.run()", fails["datum"], bench.runs),
                    figures["datum"],
                    rows=rows,
                ),
                Row(
                    "interaktion",
                    case,
                    "rapportdatum växlar: netto (− parad baslinje)",
                    paired_minus(figures["datum"], base["datum"]),
                    target=target,
                    rows=rows,
                ),
                Row(
                    "interaktion",
                    case,
                    flagged("nytt rapportdatum varje gång (cache-miss): rå", fails["nytt"], bench.runs),
                    figures["nytt"],
                    rows=rows,
                ),
            ]
        if len(sizes) == 2:
            # Run n of one size ran right after run n of the other: the ratio of each such pair
            # cancels most of a changing load on the machine; the row shows their median.
            small, large = (found[url, rows] for rows in sizes)
            base = paired[url]
            label = f"{url} · {scale[big]} / {scale[min(sizes)]}"
            for key, name in (("lang", "språk"), ("datum", "rapportdatum växlar"), ("nytt", "nytt datum")):
                if key != "nytt":
                    ratios = [
                        max(b, RATIO_FLOOR_S) / max(a, RATIO_FLOOR_S)
                        for a, b in zip(
                            paired_minus(small[key], base[key]), paired_minus(large[key], base[key]), strict=True
                        )
                    ]
                    out.append(
                        Row(
                            "interaktion",
                            label,
                            f"kvot {name}, netto (parvis; golv {fmt(RATIO_FLOOR_S, 's')})",
                            ratios,
                            "x",
                            TARGET_INTERACTION_RATIO if big >= TARGET_ROWS else None,
                            big,
                        )
                    )
                out.append(
                    Row(
                        "interaktion",
                        label,
                        f"kvot {name}, rå (parvis)",
                        [b / a for a, b in zip(small[key], large[key], strict=True)],
                        "x",
                        rows=big,
                    )
                )
    return out
