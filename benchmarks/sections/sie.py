"""sie: loading a folder whose ledger is an SIE 4 file against the same rows as utfall.csv."""

from __future__ import annotations

import shutil
import statistics

from common import Bench, Row, check_clean, close, rows_label, section, timed
from generate import ledger_text, sie_bytes

from lagesbild import project as projects


@section("sie", "project.load of a folder whose ledger is SIE 4 vs the same rows as utfall.csv")
def bench_sie(bench: Bench) -> list[Row]:
    out: list[Row] = []
    for rows in bench.sizes:
        csv_folder = bench.ledger_folder(rows)
        sie_folder = bench.out / f"stracket-sie-{rows}"
        if not sie_folder.exists():
            shutil.copytree(csv_folder, sie_folder)
            (sie_folder / "utfall.csv").unlink()
            (sie_folder / "utfall.se").write_bytes(sie_bytes(ledger_text(rows)))
        figures = []
        for folder in (csv_folder, sie_folder):
            project = projects.load(folder, keep=False)
            check_clean(project, f"{folder.name}")
            figures.append(round(float(project.frame("project_totals").upparbetat_kr.iloc[0]), 2))
            close(project)
        assert figures[0] == figures[1], f"SIE and CSV disagree: {figures}"
        loads = {}
        for label, folder in (("csv", csv_folder), ("sie", sie_folder)):
            loads[label] = timed(lambda folder=folder: projects.load(folder, keep=False), bench.runs, close)
        case = f"utfall {rows_label(rows)}"
        out += [
            Row("sie", case, "load(mapp), utfall.csv", loads["csv"], rows=rows),
            Row("sie", case, "load(mapp), utfall.se (SIE 4)", loads["sie"], rows=rows),
            Row(
                "sie",
                case,
                "kvot SIE / CSV",
                [statistics.median(loads["sie"]) / statistics.median(loads["csv"])],
                "x",
                rows=rows,
            ),
        ]
    return out
