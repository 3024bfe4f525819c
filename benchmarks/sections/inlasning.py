"""inlasning: the raw DuckDB scan of a generated file against the validated ingest of its folder."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from common import TARGET_ROWS, Bench, Row, check_clean, close, section, timed

from lagesbild import project as projects
from lagesbild import reading, store

TARGET_INGEST_RATIO = 3.0  # validated ingest ≤ 3 × the raw DuckDB scan

# DuckDB's own Latin-1 reader refuses the bytes 0x80–0x9f, so it cannot read the Windows-1252
# ledger itself ('–' is 0x96): the raw scan reads a twin file with '-' for '–', same rows and size.
RAW_SCAN_SQL = """
select count(*), sum(Belopp)
from read_csv($path, delim = ';', header = true, encoding = 'latin-1', decimal_separator = ',')
"""


@contextmanager
def file_timer(totals: dict[str, float]) -> Iterator[None]:
    """Adds the seconds reading.read_file spends on each file to totals[stem] during the block."""
    original = reading.read_file

    def read_file(con, path, spec, workdir, *args):
        start = time.perf_counter()
        try:
            return original(con, path, spec, workdir, *args)
        finally:
            totals[spec.stem] += time.perf_counter() - start

    reading.read_file = read_file
    try:
        yield
    finally:
        reading.read_file = original


def raw_scan(path: Path) -> Callable[[], object]:
    def scan():
        con = duckdb.connect(":memory:")
        try:
            return con.execute(RAW_SCAN_SQL, {"path": str(path)}).fetchall()
        finally:
            con.close()

    return scan


def plain_scan(path: Path) -> Callable[[], object]:
    def scan():
        con = duckdb.connect(":memory:")
        try:
            return con.execute(
                "select count(*) from read_csv($path, delim = ';', header = true)", {"path": str(path)}
            ).fetchall()
        finally:
            con.close()

    return scan


@section("inlasning", "raw DuckDB scan of the generated file vs validated ingest project.load(folder)")
def bench_ingest(bench: Bench) -> list[Row]:
    out: list[Row] = []
    for case, folder, stem, rows in bench.cases():
        path = bench.latin1_twin(rows) if stem == "utfall" else folder / f"{stem}.csv"
        scan = raw_scan(path) if stem == "utfall" else plain_scan(path)
        count = scan()[0][0]
        assert count == rows, f"{path}: the raw scan counted {count} rows, not {rows}"
        project = projects.load(folder, keep=False)  # also warms the file cache before the timed runs
        close(project)
        check_clean(project, case)
        raw = timed(scan, bench.runs)
        totals: dict[str, float] = defaultdict(float)
        with file_timer(totals):
            loads = []
            shares = []
            for _ in range(bench.runs):
                totals.clear()
                start = time.perf_counter()
                project = projects.load(folder, keep=False)
                loads.append(time.perf_counter() - start)
                shares.append(totals[stem] / loads[-1])
                close(project)
        # With the store (lagesbild.store): the first load writes it, every later one opens it.
        with tempfile.TemporaryDirectory(prefix="lagesbild-lager-") as stores:
            before = os.environ.get(store.ENVIRONMENT)
            os.environ[store.ENVIRONMENT] = stores
            try:
                writing = timed(lambda folder=folder: projects.load(folder), 1, close)
                stored = timed(lambda folder=folder: projects.load(folder), bench.runs, close)
            finally:
                if before is None:
                    os.environ.pop(store.ENVIRONMENT, None)
                else:
                    os.environ[store.ENVIRONMENT] = before
        big = stem == "utfall" and rows >= TARGET_ROWS
        out += [
            Row(
                "inlasning",
                case,
                f"rå DuckDB-skanning av {stem}.csv" + (" (Latin-1-tvilling)" if stem == "utfall" else ""),
                raw,
                rows=rows,
            ),
            Row("inlasning", case, "validerad inläsning load(mapp)", loads, rows=rows),
            Row("inlasning", case, f"  varav {stem}.csv (andel)", shares, "%", rows=rows),
            Row(
                "inlasning",
                case,
                "kvot inläsning / rå skanning",
                [statistics.median(loads) / statistics.median(raw)],
                "x",
                TARGET_INGEST_RATIO if big else None,
                rows,
            ),
            Row("inlasning", case, "load(mapp) som skriver lagret (första efter en ny version)", writing, rows=rows),
            Row("inlasning", case, "load(mapp) ur lagret (omstart, ny process)", stored, rows=rows),
        ]
    return out
