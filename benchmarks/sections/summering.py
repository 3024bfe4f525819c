"""summering: lagesbild.summary.summary on an already loaded project."""

from __future__ import annotations

from common import TARGET_ROWS, Bench, Row, check_clean, close, section, timed

from lagesbild import project as projects
from lagesbild.summary import summary

TARGET_SUMMARY_S = 0.100  # summary() on a loaded project ≤ 100 ms


@section("summering", "lagesbild.summary.summary(project) on an already loaded project")
def bench_summary(bench: Bench) -> list[Row]:
    out: list[Row] = []
    for case, folder, stem, rows in bench.cases():
        project = projects.load(folder, keep=False)
        check_clean(project, case)
        first = timed(lambda p=project: summary(p), 1)  # what a user waits for right after loading
        times = timed(lambda p=project: summary(p), bench.runs)
        close(project)
        big = stem == "utfall" and rows >= TARGET_ROWS
        out += [
            Row("summering", case, "summary(project), första anropet", first, rows=rows),
            Row("summering", case, "summary(project)", times, target=TARGET_SUMMARY_S if big else None, rows=rows),
        ]
    return out
