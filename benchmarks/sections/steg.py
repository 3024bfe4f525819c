"""steg: where the time of project.load goes, step by step."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable

from common import ACTIVITY_ROWS, Bench, Row, close, rows_label, section
from generate import SOURCE

from lagesbild import database, reading
from lagesbild import project as projects


class StepTimer:
    """Wraps lagesbild functions while a load runs and adds up their seconds per (file, step)."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.file = ""
        self._restore: list[tuple[object, str, object]] = []

    def wrap(self, module, attr: str, key: Callable[..., str]) -> None:
        original = getattr(module, attr, None)
        if original is None:  # renamed or removed since this benchmark was written: not timed
            return

        def wrapper(*args, **kwargs):
            name = key(*args, **kwargs)
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.totals[name] += time.perf_counter() - start

        setattr(module, attr, wrapper)
        self._restore.append((module, attr, original))

    def __enter__(self) -> StepTimer:
        def read_file_key(con, path, spec, workdir, *rest):
            self.file = spec.stem
            return f"{spec.stem}|read_file"

        def in_file(step: str) -> Callable[..., str]:
            return lambda *a, **k: f"{self.file}|{step}"

        self.wrap(reading, "read_file", read_file_key)
        self.wrap(reading, "prepare", in_file("prepare"))
        self.wrap(reading, "decode", in_file("decode"))
        self.wrap(reading, "_count_lines", in_file("count_lines"))
        self.wrap(reading, "_create", in_file("create"))
        self.wrap(reading, "_line_numbers", in_file("line_numbers"))
        self.wrap(reading, "_cell_problems", in_file("cell_problems"))
        self.wrap(reading, "empty_table", lambda con, spec: "|empty_table")
        self.wrap(database, "new_connection", lambda: "|new_connection")
        self.wrap(database, "execute", lambda con, name, **p: f"|{name}")
        return self

    def __exit__(self, *exc) -> None:
        for module, attr, original in reversed(self._restore):
            setattr(module, attr, original)
        self._restore.clear()


STEP_LABELS = (
    ("decode", "avkodning bytes → str (reading.decode)"),
    ("count_lines", "radräkning (_count_lines)"),
    ("prepare_rest", "läsa bytes + skriva UTF-8-kopia (resten av prepare)"),
    ("create", "read_csv_as_text + konvertering, create table (_create)"),
    ("line_numbers", "radnumrering i Python (_line_numbers)"),
    ("cell_problems", "cellkontroller (_cell_problems)"),
    ("read_file_rest", "resten av read_file (max(record_nr), rubrikrad)"),
)


def _step_seconds(totals: dict[str, float], total: float, focus: str) -> dict[str, float]:
    """Exclusive seconds per step label, for the focus file, the other files, models and checks."""
    steps: dict[str, float] = {}
    files = {k.split("|")[0] for k in totals if k.split("|")[0]}
    for group in (focus, "övriga filer"):
        members = [focus] if group == focus else sorted(files - {focus})

        def get(step: str, members=members) -> float:
            return sum(totals.get(f"{f}|{step}", 0.0) for f in members)

        parts = {
            "decode": get("decode"),
            "count_lines": get("count_lines"),
            "prepare_rest": get("prepare") - get("decode") - get("count_lines"),
            "create": get("create"),
            "line_numbers": get("line_numbers"),
            "cell_problems": get("cell_problems"),
        }
        parts["read_file_rest"] = get("read_file") - sum(parts.values())
        for step, label in STEP_LABELS:
            if group == focus or parts[step] > 0:
                steps[f"{group}: {label}"] = parts[step]
    accounted = sum(v for k, v in totals.items() if k.endswith("|read_file"))
    for key, seconds in sorted(totals.items()):
        if key.startswith(("|models/", "|checks/", "|latest_cost_date", "|new_connection", "|empty_table")):
            steps[key[1:]] = seconds
            accounted += seconds
    steps["resten av load (projekt.toml, tom-fil-kontroll, lock)"] = total - accounted
    return steps


@section("steg", "where the time of load() goes: data/stracket as is, the largest ledger, the activities")
def bench_steps(bench: Bench) -> list[Row]:
    out: list[Row] = []
    largest = max(bench.sizes)
    cases = [
        ("stracket (original)", SOURCE, "utfall"),
        (f"utfall {rows_label(largest)}", bench.ledger_folder(largest), "utfall"),
        (f"aktiviteter {rows_label(ACTIVITY_ROWS)}", bench.activities_folder(), "aktiviteter"),
    ]
    for case, folder, focus in cases:
        per_step: dict[str, list[float]] = defaultdict(list)
        totals_s = []
        for _ in range(bench.runs):
            with StepTimer() as timer:
                start = time.perf_counter()
                project = projects.load(folder, keep=False)
                total = time.perf_counter() - start
            close(project)
            totals_s.append(total)
            for label, seconds in _step_seconds(timer.totals, total, focus).items():
                per_step[label].append(seconds)
        out.append(Row("steg", case, "load(mapp) totalt, med tidtagning per steg", totals_s))
        for label, values in per_step.items():
            out.append(Row("steg", case, label, values))
    return out
