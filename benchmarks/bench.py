"""Measures how long Lägesbild takes to read, validate and summarise generated project folders."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402

from lagesbild import database, reading  # noqa: E402
from lagesbild import project as projects  # noqa: E402
from lagesbild.summary import summary  # noqa: E402

SOURCE = ROOT / "data" / "stracket"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
ACTIVITY_ROWS = 100_000
TARGET_ROWS = 1_000_000  # the targets below are stated for a ledger of this many rows
TARGET_INGEST_RATIO = 3.0  # validated ingest ≤ 3 × the raw DuckDB scan
TARGET_SUMMARY_S = 0.100  # summary() on a loaded project ≤ 100 ms
SEED = 20261031

# DuckDB's own Latin-1 reader refuses the bytes 0x80–0x9f, so it cannot read the Windows-1252
# ledger itself ('–' is 0x96): the raw scan reads a twin file with '-' for '–', same rows and size.
RAW_SCAN_SQL = """
select count(*), sum(Belopp)
from read_csv($path, delim = ';', header = true, encoding = 'latin-1', decimal_separator = ',')
"""

# ---------------------------------------------------------------------------------------------
# Generated project folders
# ---------------------------------------------------------------------------------------------

FIRST_DAY = dt.date(2025, 4, 1)
LAST_DAY = dt.date(2026, 10, 31)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
# Every account is covered by data/stracket/konton.csv; each text needs å/ä/ö, some need '–',
# which Windows-1252 has (0x96) and Latin-1 has not, so the file must really be decoded.
ACCOUNT_TEXTS = {
    "7010": ("Lön {manad} projektledare", "Lön {manad} kommunikatör"),
    "7090": ("Förändring semesterlöneskuld {manad}", "Semesterlön – justering"),
    "7410": ("Pensionspremie {manad} – projektledare",),
    "7510": ("Arbetsgivaravgifter {manad}",),
    "7530": ("Särskild löneskatt på pensionskostnader",),
    "6550": ("Konsultarvode processtöd – Sweco", "Expertstöd färdriktning {manad}"),
    "6590": ("Tryck och lokalhyra mötesplats", "Övriga externa tjänster {manad}"),
    "5800": ("Resor Örebro–Karlstad {manad}", "Parkeringsavgift Örebro"),
    "5810": ("Tåg Örebro–Karlstad arbetsgrupp", "Tåg Karlskoga–Stockholm möte Trafikverket"),
    "5830": ("Hotell Karlstad övernattning", "Logi Almedalen – Visby"),
}
AREAS = ("Kunskapsunderlag och färdriktning", "Omvärldsbevakning", "Mötesplatser för dialog och samverkan",
         "Kommunikation", "Påverkansarbete", "Uppföljning och utvärdering")
GOALS = ("Ö1", "Ö2", "P1", "D1", "D2", "D3")  # the Ids of data/stracket/mal.csv
OWNERS = ("Projektledare", "Kommunikatör", "Extern konsult", "Styrgruppen")
STATUSES = ("Ej påbörjad", "Pågår", "Klar", "Pausad", "Struken")


def ledger_text(rows: int, seed: int = SEED) -> str:
    """utfall.csv as a finance system exports it (before encoding): ';', CRLF, decimal comma."""
    rng = random.Random(seed)
    days = [(FIRST_DAY + dt.timedelta(days=d)) for d in range((LAST_DAY - FIRST_DAY).days + 1)]
    day_text = [d.isoformat() for d in days]
    day_month = [MONTHS[d.month - 1] for d in days]
    accounts = list(ACCOUNT_TEXTS)
    lines = ["Datum;Konto;Verifikation;Text;Belopp"]
    for n in range(1, rows + 1):
        day = rng.randrange(len(days))
        account = accounts[rng.randrange(len(accounts))]
        texts = ACCOUNT_TEXTS[account]
        text = texts[rng.randrange(len(texts))].format(manad=day_month[day])
        ore = rng.randrange(10_000, 6_000_000)
        sign = "-" if rng.random() < 0.03 else ""  # a few credits and corrections
        lines.append(f"{day_text[day]};{account};V{n:07d};{text};{sign}{ore // 100},{ore % 100:02d}")
    return "\r\n".join(lines) + "\r\n"


def sie_bytes(ledger: str) -> bytes:
    """The rows of a generated utfall.csv as an SIE 4 file (CP437): one #VER with one #TRANS per row."""
    lines = ["#FLAGGA 0", '#PROGRAM "Lägesbild benchmark" 1', "#FORMAT PC8", "#SIETYP 4",
             '#FNAMN "Region Exempel"', '#KONTO 7010 "Löner"']
    for n, row in enumerate(ledger.split("\r\n")[1:], start=1):
        if not row:
            continue
        datum, konto, _, text, belopp = row.split(";")
        day = datum.replace("-", "")
        lines += [f'#VER A {n} {day} "{text}"', "{", f"   #TRANS {konto} {{}} {belopp.replace(',', '.')}", "}"]
    return ("\r\n".join(lines) + "\r\n").encode("cp437", errors="replace")


def activities_bytes(rows: int, seed: int = SEED) -> bytes:
    """aktiviteter.csv in UTF-8 with unique Ids, known goals, value-set statuses and Slut ≥ Start."""
    rng = random.Random(seed + 1)
    start_days = (dt.date(2028, 6, 30) - FIRST_DAY).days
    lines = ["Id;Område;Aktivitet;Mål;Ansvarig;Start;Slut;Status;Andel klar;Kommentar"]
    for n in range(1, rows + 1):
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(start_days))
        end = min(start + dt.timedelta(days=rng.randrange(14, 700)), dt.date(2028, 8, 31))
        status = STATUSES[rng.randrange(len(STATUSES))]
        done = {"Klar": 100, "Ej påbörjad": 0}.get(status, rng.randrange(0, 100, 5))
        comment = "" if rng.random() < 0.5 else f"Avstämd med styrgruppen – delrapport {n}"
        lines.append(f"A{n};{AREAS[n % len(AREAS)]};Delaktivitet {n}: möten och underlag för stråket;"
                     f"{GOALS[rng.randrange(len(GOALS))]};{OWNERS[rng.randrange(len(OWNERS))]};"
                     f"{start.isoformat()};{end.isoformat()};{status};{done};{comment}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def make_folder(target: Path, files: dict[str, bytes]) -> Path:
    """A copy of data/stracket with some of its files replaced."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in SOURCE.iterdir():
        if path.is_file() and path.suffix.lower() in (".toml", ".csv"):
            shutil.copy2(path, target / path.name)
    for name, data in files.items():
        (target / name).write_bytes(data)
    return target


# ---------------------------------------------------------------------------------------------
# Measurements and their table
# ---------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One measured figure: seconds of each run, or one derived value (a ratio or a share)."""

    section: str
    case: str
    measure: str
    values: list[float]
    unit: str = "s"  # "s", "x" (ratio) or "%" (share 0–1)
    target: float | None = None  # the figure must be ≤ target
    rows: int | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.median <= self.target

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(median=self.median, min=min(self.values), max=max(self.values), met=self.met)
        return data


def fmt(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}×"
    if unit == "%":
        return f"{value * 100:.1f} %"
    if value < 1:
        return f"{value * 1000:.1f} ms"
    return f"{value:.3f} s"


def print_table(title: str, rows: list[Row]) -> None:
    header = ("fall", "mätning", "median", "min", "max", "mål/target", "uppfyllt")
    lines = []
    for row in rows:
        spread = len(row.values) > 1
        lines.append((
            row.case, row.measure, fmt(row.median, row.unit),
            fmt(min(row.values), row.unit) if spread else "",
            fmt(max(row.values), row.unit) if spread else "",
            f"≤ {fmt(row.target, row.unit)}" if row.target is not None else "",
            {None: "", True: "ja", False: "NEJ"}[row.met],
        ))
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=False)]
    right = {2, 3, 4}

    def render(cells) -> str:
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    print(f"\n== {title}")
    print(render(header))
    print(render(["-" * w for w in widths]))
    for line in lines:
        print(render(line))


def timed(fn: Callable[[], object], runs: int, after: Callable[[object], None] | None = None) -> list[float]:
    """Seconds of each of `runs` calls; `after` (e.g. closing a connection) is not timed."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if after is not None:
            after(result)
    return times


def close(project: projects.Project) -> None:
    if project.con is not None:
        project.con.close()


def rows_label(rows: int) -> str:
    return f"{rows:,}".replace(",", " ")


# ---------------------------------------------------------------------------------------------
# Sections: each is a function (Bench) -> list[Row], registered under a name for --only
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    name: str
    description: str
    run: Callable[[Bench], list[Row]]


SECTIONS: dict[str, Section] = {}


def section(name: str, description: str) -> Callable[[Callable[[Bench], list[Row]]], Callable]:
    """Register a benchmark section; it runs in registration order unless --only picks some."""
    def register(fn: Callable[[Bench], list[Row]]) -> Callable[[Bench], list[Row]]:
        SECTIONS[name] = Section(name, description, fn)
        return fn
    return register


@dataclass
class Bench:
    """What every section shares: the options and the generated folders (made on first use)."""

    sizes: tuple[int, ...]
    runs: int
    out: Path
    portfolio_projects: int = 300  # PORTFOLIO_PROJECTS, unless --portfolj-projekt says otherwise
    _folders: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # printed under the section's table

    def ledger_folder(self, rows: int) -> Path:
        """data/stracket with a generated Windows-1252 utfall.csv of `rows` rows."""
        name = f"stracket-utfall-{rows}"
        if name not in self._folders:
            text = ledger_text(rows)
            self._folders[name] = make_folder(self.out / name, {"utfall.csv": text.encode("cp1252")})
            self.latin1_twin(rows).write_bytes(text.replace("–", "-").encode("latin-1"))
        return self._folders[name]

    def latin1_twin(self, rows: int) -> Path:
        """The ledger of ledger_folder(rows) with '-' for '–', so that DuckDB reads it as Latin-1."""
        return self.out / f"utfall-{rows}-latin1.csv"

    def activities_folder(self, rows: int = ACTIVITY_ROWS) -> Path:
        """data/stracket with a generated aktiviteter.csv of `rows` rows."""
        name = f"stracket-aktiviteter-{rows}"
        if name not in self._folders:
            self._folders[name] = make_folder(self.out / name, {"aktiviteter.csv": activities_bytes(rows)})
        return self._folders[name]

    def cases(self) -> Iterator[tuple[str, Path, str, int]]:
        """(case label, folder, the generated file's stem, its rows) for every generated folder."""
        for rows in self.sizes:
            yield f"utfall {rows_label(rows)}", self.ledger_folder(rows), "utfall", rows
        rows = ACTIVITY_ROWS
        yield f"aktiviteter {rows_label(rows)}", self.activities_folder(rows), "aktiviteter", rows


def check_clean(project: projects.Project, label: str) -> None:
    """The generated data must be valid, or the timings measure error reporting instead."""
    if project.problems:
        shown = "\n  ".join(p.text() for p in project.problems[:5])
        raise SystemExit(f"{label}: the generated folder has {len(project.problems)} problems:\n  {shown}")


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
            project = projects.load(folder)
            check_clean(project, f"{folder.name}")
            figures.append(round(float(project.frame("project_totals").upparbetat_kr.iloc[0]), 2))
            close(project)
        assert figures[0] == figures[1], f"SIE and CSV disagree: {figures}"
        loads = {}
        for label, folder in (("csv", csv_folder), ("sie", sie_folder)):
            loads[label] = timed(lambda folder=folder: projects.load(folder), bench.runs, close)
        case = f"utfall {rows_label(rows)}"
        out += [
            Row("sie", case, "load(mapp), utfall.csv", loads["csv"], rows=rows),
            Row("sie", case, "load(mapp), utfall.se (SIE 4)", loads["sie"], rows=rows),
            Row("sie", case, "kvot SIE / CSV", [statistics.median(loads["sie"]) / statistics.median(loads["csv"])],
                "x", rows=rows),
        ]
    return out


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
            return con.execute("select count(*) from read_csv($path, delim = ';', header = true)",
                               {"path": str(path)}).fetchall()
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
        project = projects.load(folder)  # also warms the file cache before the timed runs
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
                project = projects.load(folder)
                loads.append(time.perf_counter() - start)
                shares.append(totals[stem] / loads[-1])
                close(project)
        big = stem == "utfall" and rows >= TARGET_ROWS
        out += [
            Row("inlasning", case, f"rå DuckDB-skanning av {stem}.csv"
                + (" (Latin-1-tvilling)" if stem == "utfall" else ""), raw, rows=rows),
            Row("inlasning", case, "validerad inläsning load(mapp)", loads, rows=rows),
            Row("inlasning", case, f"  varav {stem}.csv (andel)", shares, "%", rows=rows),
            Row("inlasning", case, "kvot inläsning / rå skanning",
                [statistics.median(loads) / statistics.median(raw)], "x",
                TARGET_INGEST_RATIO if big else None, rows),
        ]
    return out


@section("summering", "lagesbild.summary.summary(project) on an already loaded project")
def bench_summary(bench: Bench) -> list[Row]:
    out: list[Row] = []
    for case, folder, stem, rows in bench.cases():
        project = projects.load(folder)
        check_clean(project, case)
        first = timed(lambda p=project: summary(p), 1)  # what a user waits for right after loading
        times = timed(lambda p=project: summary(p), bench.runs)
        close(project)
        big = stem == "utfall" and rows >= TARGET_ROWS
        out += [
            Row("summering", case, "summary(project), första anropet", first, rows=rows),
            Row("summering", case, "summary(project)", times,
                target=TARGET_SUMMARY_S if big else None, rows=rows),
        ]
    return out


# --- where the time of load() goes ---------------------------------------------------------------

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
        def read_file_key(con, path, spec, workdir):
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
        if key.startswith(("|models/", "|checks/", "|latest_cost_date", "|new_connection",
                           "|empty_table")):
            steps[key[1:]] = seconds
            accounted += seconds
    steps["resten av load (projekt.toml, tom-fil-kontroll, lock)"] = total - accounted
    return steps


@section("steg", "where the time of load() goes: data/stracket as is, the largest ledger, the activities")
def bench_steps(bench: Bench) -> list[Row]:
    out: list[Row] = []
    largest = max(bench.sizes)
    cases = [("stracket (original)", SOURCE, "utfall"),
             (f"utfall {rows_label(largest)}", bench.ledger_folder(largest), "utfall"),
             (f"aktiviteter {rows_label(ACTIVITY_ROWS)}", bench.activities_folder(), "aktiviteter")]
    for case, folder, focus in cases:
        per_step: dict[str, list[float]] = defaultdict(list)
        totals_s = []
        for _ in range(bench.runs):
            with StepTimer() as timer:
                start = time.perf_counter()
                project = projects.load(folder)
                total = time.perf_counter() - start
            close(project)
            totals_s.append(total)
            for label, seconds in _step_seconds(timer.totals, total, focus).items():
                per_step[label].append(seconds)
        out.append(Row("steg", case, "load(mapp) totalt, med tidtagning per steg", totals_s))
        for label, values in per_step.items():
            out.append(Row("steg", case, label, values))
    return out


# ---------------------------------------------------------------------------------------------
# The dashboard itself: Streamlit's AppTest in this process, a cold subprocess, a real browser
# ---------------------------------------------------------------------------------------------

APP = ROOT / "dashboard.py"
EXAMPLE_DATA = ROOT / "data"  # stracket (the default: latest rapportdatum) and bergslaget-2023
APP_PROJECT = "stracket"  # the project's folder name (its id) in the one-project data folders
APP_TIMEOUT = 600  # seconds AppTest may wait for one run: a 1M-row ledger loads on the first
TARGET_INTERACTION_S = 0.030  # a rerun after a widget change ≤ 30 ms at 1M rows …
TARGET_INTERACTION_RATIO = 1.2  # … and ≤ 1.2 × the figure at 10 000 rows
RATIO_FLOOR_S = 0.005  # net times below this are noise: counted as this much in the 1M/10k ratio
TARGET_FIRST_VIEW_S = 1.0  # a new session sees Översikt with its key figures within 1 s
TARGET_BROWSER_SWITCH_S = 0.500  # sidebar link → new title and first chart/table drawn
TARGET_BROWSER_FIRST_S = 1.0  # "/" in a new browser context
TARGET_PORTFOLIO_VIEW_S = 2.0  # the Portfölj page of 300 projects, lines cached on disk
TARGET_PROJECT_SWITCH_S = 1.0  # another project in the sidebar picker
PORTFOLIO_PROJECTS = 300
PORTFOLIO_VARIANTS = 10  # distinct ledgers/budgets, each written once and hard-linked
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BROWSER_VIEWPORT = {"width": 1600, "height": 1000}
SERVER_STARTUP_S = 90

# A script with the dashboard's two shared widgets and nothing else: what AppTest costs by itself.
BASELINE_SCRIPT = '''\
import datetime as dt

import streamlit as st

st.set_page_config(page_title="Baslinje", layout="wide")
if "lang" not in st.session_state:
    st.session_state.lang = "sv"
lang = st.sidebar.segmented_control("Språk", ["sv", "en"], key="lang", required=True)
if "rapportdatum_baslinje" not in st.session_state:
    st.session_state.rapportdatum_baslinje = dt.date(2026, 10, 31)
day = st.sidebar.date_input("Rapportdatum", key="rapportdatum_baslinje", format="YYYY-MM-DD")
st.title({"sv": "Baslinje", "en": "Baseline"}[lang])
st.text(day.isoformat())
'''

# Run by a new Python process: nothing imported, nothing cached. Prints one JSON line.
COLD_FIRST_VIEW = '''\
import json, sys, time
t0 = time.perf_counter()
from streamlit import logger
logger.set_log_level("error")
from streamlit.components.v2.component_manager import BidiComponentManager
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
t1 = time.perf_counter()
original = PagesManager.__init__
def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False
PagesManager.__init__ = init
components = BidiComponentManager()
components.discover_and_register_components(start_file_watching=False)
t2 = time.perf_counter()
at = AppTest.from_file(sys.argv[1], default_timeout=600)
at._bidi_component_manager = components
at.run()
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "components": t2 - t1, "first": t3 - t2, "metrics": len(at.metric),
                  "title": at.title[0].value if len(at.title) else None, "exceptions": len(at.exception)}))
'''


def link_folder(source: Path, target: Path) -> Path:
    """target with the files of source, hard-linked (copied across file systems)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in source.iterdir():
        if path.is_file():
            try:
                os.link(path, target / path.name)
            except OSError:
                shutil.copy2(path, target / path.name)
    return target


def app_data(bench: Bench, rows: int) -> Path:
    """A data folder (LAGESBILD_DATA) holding one project: stracket with a `rows`-row ledger."""
    name = f"app-utfall-{rows}"
    if name not in bench._folders:
        data = bench.out / name
        link_folder(bench.ledger_folder(rows), data / APP_PROJECT)
        bench._folders[name] = data
    return bench._folders[name]


class _NoContextWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


_APP_ERRORS: list[str] = []  # what the app raised, newest last (AppTest shows a redacted message)


class _AppError(logging.Filter):
    """Keeps an exception the app raised (type, message, where in the app) instead of logging it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if "Uncaught app execution" not in record.getMessage() or not record.exc_info:
            return True
        kind, error, trace = record.exc_info
        where = ""
        for frame in traceback.extract_tb(trace):
            if frame.filename.startswith(str(ROOT)):
                where = f" ({Path(frame.filename).relative_to(ROOT)}:{frame.lineno})"
        message = str(error).splitlines()[0] if str(error) else ""
        _APP_ERRORS.append(f"{kind.__name__}: {message}{where}")
        return False


def quiet_streamlit() -> None:
    """Streamlit logs at error level only, without the two messages AppTest use triggers."""
    from streamlit import config, logger

    logger.set_log_level("error")
    config.set_option("logger.enableRich", False)  # app exceptions through the logger, caught below
    # Reading widget values from this (the test's) thread logs a warning each time: not for us.
    quiet = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    if not any(isinstance(f, _NoContextWarning) for f in quiet.filters):
        quiet.addFilter(_NoContextWarning())
    errors = logging.getLogger("streamlit.error_util")
    if not any(isinstance(f, _AppError) for f in errors.filters):
        errors.addFilter(_AppError())


@contextmanager
def apptest_mode(data: Path) -> Iterator[None]:
    """LAGESBILD_DATA=data, quiet Streamlit logs, and dashboard.py run on every AppTest run.

    Streamlit 1.67's AppTest resets PagesManager.uses_pages_directory before each run; with the
    repository's pages/ folder every run after the first would then execute the page file alone
    (legacy pages/ mode) and never apply a changed widget. The server leaves that mode for good at
    the first st.navigation call; so does this (as tests/test_app_pages.py does).
    """
    from streamlit.runtime.pages_manager import PagesManager

    quiet_streamlit()
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    # The server compiles each script once (one ScriptCache per runtime); AppTest makes new caches
    # for every run and so compiles dashboard.py and the page again each time (~5–20 ms of AppTest's
    # own, growing with the scripts, that a tiny baseline script cannot show). One shared cache.
    from streamlit.testing.v1 import app_test, local_script_runner

    script_cache = app_test.ScriptCache
    if not _SCRIPT_CACHE:
        _SCRIPT_CACHE.append(script_cache())
    before = os.environ.get("LAGESBILD_DATA")
    os.environ["LAGESBILD_DATA"] = str(data)
    PagesManager.__init__ = init
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: _SCRIPT_CACHE[0]
    try:
        yield
    finally:
        app_test.ScriptCache = local_script_runner.ScriptCache = script_cache
        PagesManager.__init__ = original
        if before is None:
            os.environ.pop("LAGESBILD_DATA", None)
        else:
            os.environ["LAGESBILD_DATA"] = before


_SCRIPT_CACHE: list = []  # the one ScriptCache of this process's AppTest runs
_COMPONENTS: list = []  # the one scan of installed custom components, shared by every AppTest


def new_app(script: Path = APP):
    """AppTest.from_file(script) sharing one component scan.

    Each new AppTest otherwise scans every installed package's metadata for custom components on
    its first run (about a second here); the real server does that once when it starts, not per
    session, so it is no part of a session's first view. forsta_vy reports it separately.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=APP_TIMEOUT)
    if _COMPONENTS and hasattr(at, "_bidi_component_manager"):
        at._bidi_component_manager = _COMPONENTS[0]
    return at


def run_app(at, expect_title: str | None = None):
    """at.run(), then fail loudly on an exception or another page than expected."""
    _APP_ERRORS.clear()
    at.run()
    if not _COMPONENTS and getattr(at, "_bidi_component_manager", None) is not None:
        _COMPONENTS.append(at._bidi_component_manager)
    if len(at.exception):
        raise SystemExit(f"the app raised {_APP_ERRORS[-1] if _APP_ERRORS else at.exception[0].value}")
    if expect_title is not None:
        shown = at.title[0].value if len(at.title) else None
        if shown != expect_title:
            raise SystemExit(f"expected the page {expect_title!r}, the app shows {shown!r}")
    return at


def timed_run(at, failures: list[str] | None = None) -> float:
    """Seconds of one at.run(); an exception in the app stops the benchmark unless failures
    collects it (the run is then still timed, and the figure is flagged in the table)."""
    _APP_ERRORS.clear()
    start = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - start
    if len(at.exception):
        error = _APP_ERRORS[-1] if _APP_ERRORS else str(at.exception[0].value)
        if failures is None:
            raise SystemExit(f"the app raised {error}")
        failures.append(error)
    return seconds


def flagged(label: str, failures: list[str], runs: int) -> str:
    return f"{label} ⚠ appen kastade undantag i {len(failures)}/{runs}" if failures else label


def page_title(url: str, lang: str = "sv") -> str:
    from lagesbild import i18n, navigation

    return next(i18n.t(key, lang) for _, key, path, _ in navigation.PAGES if path == url)


def shown_pages(at) -> list[tuple[str, str]]:
    """(page file, url path) of the pages the last run put in the navigation, in PAGES order."""
    from lagesbild import navigation

    registered = {Path(str(info.get("script_path"))).resolve()
                  for info in getattr(at, "_registered_pages", {}).values()}
    return [(file, url) for file, _, url, _ in navigation.PAGES if (ROOT / file).resolve() in registered]


_BASELINE: dict[str, list[float]] = {}


def baseline_script(bench: Bench) -> Path:
    bench.out.mkdir(parents=True, exist_ok=True)
    script = bench.out / "baslinje.py"
    script.write_text(BASELINE_SCRIPT, encoding="utf-8")
    return script


def baseline(bench: Bench) -> dict[str, list[float]]:
    """AppTest's own cost: a tiny script with the same two widgets (measured once per process)."""
    if _BASELINE:
        return _BASELINE
    script = baseline_script(bench)
    with apptest_mode(EXAMPLE_DATA):
        run_app(new_app(script))  # the one component scan, if nothing has run yet
        fresh = []
        for _ in range(bench.runs + 1):
            start = time.perf_counter()
            at = run_app(new_app(script), "Baslinje")
            fresh.append(time.perf_counter() - start)
        lang, day = [], []
        for n in range(bench.runs + 1):
            at.segmented_control(key="lang").set_value(("en", "sv")[n % 2])
            lang.append(timed_run(at))
        first = at.date_input(key="rapportdatum_baslinje").value
        for n in range(bench.runs + 1):
            at.date_input(key="rapportdatum_baslinje").set_value(first - dt.timedelta(days=31 * (1 - n % 2)))
            day.append(timed_run(at))
    _BASELINE.update(fresh=fresh[1:], lang=lang[1:], datum=day[1:])
    return _BASELINE


def paired_minus(values: list[float], base: list[float]) -> list[float]:
    """Each run less the baseline run made right after it, never below zero."""
    return [max(v - b, 0.0) for v, b in zip(values, base, strict=True)]


def minus(values: list[float], base: list[float]) -> list[float]:
    """Each run less the baseline's median (AppTest's own cost), never below zero."""
    cost = statistics.median(base)
    return [max(v - cost, 0.0) for v in values]


@section("interaktion", "AppTest: at.run() after a widget change on every page, 10 000 vs 1 000 000 ledger rows")
def bench_interaction(bench: Bench) -> list[Row]:
    sizes = sorted({min(bench.sizes), max(bench.sizes)})
    folders = {rows: app_data(bench, rows) for rows in sizes}
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
        pages = shown_pages(first)
        fresh_day = 40  # the cache-miss dates: each used once per size

        def run_each(url: str, key: str, n: int, counted: bool) -> None:
            """The same change in every size's session and in the baseline, one right after the
            other, so that a changing load on the machine hits them alike."""
            nonlocal fresh_day
            if key == "lang":
                value = ("en", "sv")[n % 2]
                changes = [(at, lambda at, v=value: at.segmented_control(key="lang").set_value(v))
                           for at in (*apps.values(), base_at)]
            else:
                if key == "datum":
                    day, other = (other_day, report_day)[n % 2], (base_day - dt.timedelta(days=31), base_day)[n % 2]
                else:  # a date never asked for: every query of the page runs
                    day, other = report_day - dt.timedelta(days=fresh_day), base_day - dt.timedelta(days=fresh_day)
                    fresh_day += 1
                changes = [*((at, lambda at, d=day: at.date_input(key=date_key).set_value(d)) for at in apps.values()),
                           (base_at, lambda at, d=other: at.date_input(key=base_key).set_value(d))]
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
        Row("interaktion", "baslinje (liten skript)", "AppTest-körning efter språkbyte (alla parade körningar)",
            everything["lang"]),
        Row("interaktion", "baslinje (liten skript)", "AppTest-körning efter datumbyte (alla parade körningar)",
            everything["datum"]),
    ]
    big = max(sizes)
    for _, url in pages:
        for rows in sizes:
            figures, fails, base = found[url, rows], failed[url, rows], paired[url]
            for key, what in (("lang", "språk sv↔en"), ("datum", "rapportdatum växlar"), ("nytt", "nytt datum")):
                for failure in dict.fromkeys(fails[key]):
                    bench.notes.append(f"interaktion {url} · {rows_label(rows)}, {what}: appen kastade {failure}")
            case = f"{url} · {rows_label(rows)}"
            target = TARGET_INTERACTION_S if rows == big and rows >= TARGET_ROWS else None
            out += [
                Row("interaktion", case, flagged("språk sv↔en (lang): rå at.run()", fails["lang"], bench.runs),
                    figures["lang"], rows=rows),
                Row("interaktion", case, "språk sv↔en: netto (− parad baslinje)",
                    paired_minus(figures["lang"], base["lang"]), target=target, rows=rows),
                Row("interaktion", case, flagged("rapportdatum växlar mellan två: rå at.run()", fails["datum"],
                                                 bench.runs), figures["datum"], rows=rows),
                Row("interaktion", case, "rapportdatum växlar: netto (− parad baslinje)",
                    paired_minus(figures["datum"], base["datum"]), target=target, rows=rows),
                Row("interaktion", case, flagged("nytt rapportdatum varje gång (cache-miss): rå", fails["nytt"],
                                                 bench.runs), figures["nytt"], rows=rows),
            ]
        if len(sizes) == 2:
            # Run n of one size ran right after run n of the other: the ratio of each such pair
            # cancels most of a changing load on the machine; the row shows their median.
            small, large = (found[url, rows] for rows in sizes)
            base = paired[url]
            label = f"{url} · {rows_label(big)} / {rows_label(min(sizes))}"
            for key, name in (("lang", "språk"), ("datum", "rapportdatum växlar"), ("nytt", "nytt datum")):
                if key != "nytt":
                    ratios = [max(b, RATIO_FLOOR_S) / max(a, RATIO_FLOOR_S)
                              for a, b in zip(paired_minus(small[key], base[key]),
                                              paired_minus(large[key], base[key]), strict=True)]
                    out.append(Row("interaktion", label, f"kvot {name}, netto (parvis; golv "
                                   f"{fmt(RATIO_FLOOR_S, 's')})", ratios, "x",
                                   TARGET_INTERACTION_RATIO if big >= TARGET_ROWS else None, big))
                out.append(Row("interaktion", label, f"kvot {name}, rå (parvis)",
                               [b / a for a, b in zip(small[key], large[key], strict=True)], "x", rows=big))
    return out


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


# --- a real server and a real browser ------------------------------------------------------------

NAV_LINK = "[data-testid=stSidebarNav] a"
# The new page's h1 (not a leftover of the old run) with the title, and then either its first
# visible chart or table drawn (mode "chart"), or the script run finished (mode "idle").
READY_JS = """([title, mode]) => {
  const fresh = (el) => {
    const box = el.closest('[data-testid=stElementContainer]');
    return !box || box.getAttribute('data-stale') !== 'true';
  };
  const h1 = document.querySelector('[data-testid=stMain] h1');
  if (!h1 || h1.textContent.trim() !== title || !fresh(h1)) return false;
  if (mode === 'h1') return true;
  if (mode === 'idle') {
    return !!document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]');
  }
  for (const el of document.querySelectorAll(
      '[data-testid=stMain] [data-testid=stPlotlyChart] .main-svg, [data-testid=stMain] [data-testid=stDataFrame]')) {
    const r = el.getBoundingClientRect();
    if (fresh(el) && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') return true;
  }
  return false;
}"""
IDLE_JS = "() => !!document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]')"
COUNT_JS = """() => [...document.querySelectorAll(
  '[data-testid=stMain] [data-testid=stPlotlyChart] .main-svg, [data-testid=stMain] [data-testid=stDataFrame]')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length"""


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dashboard_server(data: Path | None, log: Path) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free port of 127.0.0.1 with LAGESBILD_DATA=data
    (None: the repository's data/); yields its URL. benchmarks/load.py uses it too."""
    import urllib.error
    import urllib.request

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "LAGESBILD_DATA"}
    if data is not None:
        env["LAGESBILD_DATA"] = str(data.resolve())
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + SERVER_STARTUP_S
            while True:
                if process.poll() is not None:
                    raise SystemExit(f"streamlit exited with {process.returncode}:\n{log.read_text()}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.read().decode().strip() == "ok":
                            break
                except (urllib.error.URLError, OSError):
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"{url} did not answer within {SERVER_STARTUP_S} s:\n{log.read_text()}")
                time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


def wait_ready(tab, title: str, mode: str) -> None:
    tab.wait_for_function(READY_JS, arg=[title, mode], polling="raf", timeout=APP_TIMEOUT * 1000)


@section("webblasare", "a real Chromium against `streamlit run`: sidebar page switches and the first view of /")
def bench_browser(bench: Bench) -> list[Row]:
    if not CHROMIUM.exists():
        print(f"\n(webblasare hoppas över: {CHROMIUM} saknas)")
        return []
    from playwright.sync_api import sync_playwright

    from lagesbild import i18n, navigation

    titles = {i18n.t(key, "sv"): url for _, key, url, _ in navigation.PAGES}
    out: list[Row] = []
    first_h1: list[float] = []
    first_ready: list[float] = []
    first_idle: list[float] = []
    with dashboard_server(EXAMPLE_DATA, bench.out / "streamlit-webblasare.log") as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            # First view of "/" in a new context (own cookies, cache and Streamlit session); the
            # very first one after the server started also loads the projects into the server.
            home = page_title("oversikt")

            def first_view(context) -> tuple[float, float, float]:
                """goto "/" in a new tab: seconds to the h1, to the first chart/table, to the end."""
                tab = context.new_page()
                start = time.perf_counter()
                tab.goto(url + "/")
                wait_ready(tab, home, "h1")
                h1 = time.perf_counter() - start
                wait_ready(tab, home, "chart")
                ready = time.perf_counter() - start
                tab.wait_for_function(IDLE_JS, polling="raf", timeout=APP_TIMEOUT * 1000)
                done = time.perf_counter() - start
                tab.close()
                return h1, ready, done

            for _ in range(bench.runs + 1):
                context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
                h1, ready, done = first_view(context)
                first_h1.append(h1)
                first_ready.append(ready)
                first_idle.append(done)
                context.close()
            # A returning visitor: a new tab (a new Streamlit session) in a context that has the
            # app's scripts in its HTTP cache already.
            context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
            first_view(context)
            again = [first_view(context) for _ in range(bench.runs)]
            context.close()
            out += [
                Row("webblasare", "första vy /", "första sessionen efter serverstart (kall server): "
                    "h1 + första diagram/tabell", first_ready[:1]),
                Row("webblasare", "första vy /", "ny kontext, tom HTTP-cache (varm server): h1 + första "
                    "diagram/tabell", first_ready[1:], target=TARGET_BROWSER_FIRST_S),
                Row("webblasare", "första vy /", "  varav: h1 synlig", first_h1[1:]),
                Row("webblasare", "första vy /", "  skriptet klart", first_idle[1:]),
                Row("webblasare", "första vy /", "ny flik, HTTP-cache varm (återkommande besökare): "
                    "h1 + första diagram/tabell", [r for _, r, _ in again], target=TARGET_BROWSER_FIRST_S),
                Row("webblasare", "första vy /", "  varav: h1 synlig", [h for h, _, _ in again]),
            ]

            context = browser.new_context(viewport=BROWSER_VIEWPORT, locale="sv-SE")
            tab = context.new_page()
            tab.goto(url + "/")
            wait_ready(tab, home, "chart")
            tab.wait_for_function(IDLE_JS, polling="raf", timeout=APP_TIMEOUT * 1000)
            more = tab.locator("[data-testid=stSidebarNavViewButton]")
            if more.count():
                more.first.click()
            links = [t.strip() for t in tab.locator(f"{NAV_LINK} [data-testid=stMarkdownContainer]").all_inner_texts()]
            order = [t for t in links if t in titles]
            order = order[order.index(home):] + order[:order.index(home)]
            cycle = [*order[1:], home]
            modes: dict[str, str] = {}
            ready: dict[tuple[str, str], list[float]] = defaultdict(list)
            idle: dict[tuple[str, str], list[float]] = defaultdict(list)
            for round_ in range(bench.runs + 1):  # round 0: warm-up, and finds what each page shows
                previous = home
                for title in cycle:
                    start = time.perf_counter()
                    tab.locator(NAV_LINK).filter(has=tab.get_by_text(title, exact=True)).click()
                    wait_ready(tab, title, modes.get(title, "idle"))
                    seconds = time.perf_counter() - start
                    tab.wait_for_function(IDLE_JS, polling="raf", timeout=APP_TIMEOUT * 1000)
                    done = time.perf_counter() - start
                    if round_ == 0:
                        modes[title] = "chart" if tab.evaluate(COUNT_JS) else "idle"
                    else:
                        ready[previous, title].append(seconds)
                        idle[previous, title].append(done)
                    previous = title
            context.close()
        finally:
            browser.close()
    for (before, after), values in ready.items():
        case = f"{titles[before]} → {titles[after]}"
        what = "h1 + första diagram/tabell" if modes[after] == "chart" else "h1 + skriptet klart (inget diagram/tabell)"
        out += [
            Row("webblasare", case, f"sidbyte i sidofältet: {what}", values, target=TARGET_BROWSER_SWITCH_S),
            Row("webblasare", case, "sidbyte: skriptet klart", idle[before, after]),
        ]
    return out


# --- 300 projects ---------------------------------------------------------------------------------

PORTFOLIO_NAMES = ("Stråket", "Bergslagen", "Vänerbygden", "Mälardalen", "Klarälvdalen", "Tiveden",
                   "Kilsbergen", "Fryksdalen", "Hjälmarstranden", "Götakanalbygden", "Siljansringen", "Roxen")


def _scaled_ledger(text: str, factor: float) -> str:
    """utfall.csv (decoded) with every amount times factor, in the same format."""
    lines = text.split("\r\n")
    out = [lines[0]]
    for line in lines[1:]:
        if not line:
            out.append(line)
            continue
        head, amount = line.rsplit(";", 1)
        ore = round(float(amount.replace(",", ".")) * 100 * factor)
        sign = "-" if ore < 0 else ""
        out.append(f"{head};{sign}{abs(ore) // 100},{abs(ore) % 100:02d}")
    return "\r\n".join(out)


def _with_amount(text: str, starts: str, delta: int, newline: str) -> str:
    """The CSV text with delta added to the last field of the one line starting with `starts`."""
    lines = text.split(newline)
    for n, line in enumerate(lines):
        if line.startswith(starts):
            fields = line.split(";")
            # budget.csv: "1 058 434" (a thousands separator); finansiering.csv: plain digits
            column = 2
            raw = fields[column]
            separator = next((c for c in raw if not c.isdigit()), "")
            value = int("".join(c for c in raw if c.isdigit())) + delta
            fields[column] = f"{value:,}".replace(",", separator) if separator else str(value)
            lines[n] = ";".join(fields)
            return newline.join(lines)
    raise SystemExit(f"no line starting with {starts!r}")


def portfolio_data(bench: Bench, count: int) -> Path:
    """A data folder of `count` small projects p001…: data/stracket with varied names and figures.

    PORTFOLIO_VARIANTS ledgers (amounts scaled by 0.91…1.09) and budgets (Externa tjänster 2026
    raised, with Karlstad kommun's 2026 financing raised by as much so that they still agree) are
    written once; each project hard-links its variant's files and gets its own projekt.toml.
    """
    name = f"portfolj-{count}"
    if name in bench._folders:
        return bench._folders[name]
    variants = bench.out / "portfolj-varianter"
    data = bench.out / name
    for folder in (variants, data):
        if folder.exists():
            shutil.rmtree(folder)
    ledger = (SOURCE / "utfall.csv").read_bytes().decode("cp1252")
    budget = (SOURCE / "budget.csv").read_bytes().decode("utf-8-sig")
    financing = (SOURCE / "finansiering.csv").read_bytes().decode("utf-8")
    budget_newline = "\r\n" if "\r\n" in budget else "\n"
    financing_newline = "\r\n" if "\r\n" in financing else "\n"
    for k in range(PORTFOLIO_VARIANTS):
        folder = variants / f"v{k}"
        folder.mkdir(parents=True)
        for path in SOURCE.iterdir():
            if path.is_file() and path.suffix.lower() == ".csv":
                shutil.copy2(path, folder / path.name)
        (folder / "utfall.csv").write_bytes(_scaled_ledger(ledger, 1 + (k - 4.5) * 0.02).encode("cp1252"))
        delta = 5_000 * k
        (folder / "budget.csv").write_bytes(
            _with_amount(budget, "Externa tjänster;2026;", delta, budget_newline).encode("utf-8-sig"))
        (folder / "finansiering.csv").write_bytes(
            _with_amount(financing, "Karlstad kommun;2026;", delta, financing_newline).encode("utf-8"))
    toml = (SOURCE / "projekt.toml").read_text(encoding="utf-8")
    for n in range(1, count + 1):
        project = link_folder(variants / f"v{n % PORTFOLIO_VARIANTS}", data / f"p{n:03d}")
        short = f"{PORTFOLIO_NAMES[n % len(PORTFOLIO_NAMES)]} {n}"
        text = "\n".join(
            f'kortnamn = "{short}"' if line.startswith("kortnamn") else
            f'namn = "Utvecklingsprojekt {short} (genererat för benchmark)"' if line.startswith("namn") else line
            for line in toml.splitlines())
        (project / "projekt.toml").write_text(text + "\n", encoding="utf-8")
    bench._folders[name] = data
    return data


@section("portfolj", f"many small projects ({PORTFOLIO_PROJECTS} unless --portfolj-projekt): cold indexing, "
                     "the Portfölj page, switching projects")
def bench_portfolio(bench: Bench) -> list[Row]:
    quiet_streamlit()
    from lagesbild import catalog, portfolio, ui

    base = baseline(bench)
    start = time.perf_counter()
    count = bench.portfolio_projects
    data = portfolio_data(bench, count)
    made = time.perf_counter() - start
    ids = catalog.project_ids(data)
    assert len(ids) == count, f"{data} holds {len(ids)} projects"

    # (a) cold: no portfolj.json anywhere yet, every line is a full load + summary
    cold, lines = [], []
    for project_id in ids:
        start = time.perf_counter()
        lines.append(portfolio.line(data / project_id))
        cold.append(time.perf_counter() - start)
    broken = [line["id"] for line in lines if line.get("fel")]
    if broken:
        raise SystemExit(f"generated portfolio projects with errors: {', '.join(broken[:10])}")
    distinct = len({(line["namn"], line["budget_kr"], round(line["upparbetat_kr"])) for line in lines})
    figures = len({(line["budget_kr"], round(line["upparbetat_kr"])) for line in lines})
    warm_lines = timed(lambda: [portfolio.line(data / i) for i in ids], bench.runs)

    title = page_title("portfolj")
    with apptest_mode(data):
        # (b) the Portfölj page straight from its address in a new session, lines on disk
        def first_portfolio_view() -> float:
            at = new_app()
            at.switch_page("pages/portfolj.py")
            start = time.perf_counter()
            run_app(at, title)
            seconds = time.perf_counter() - start
            if len(at.dataframe) != 1 or len(at.dataframe[0].value) != count:
                raise SystemExit("the Portfölj page did not list every project")
            return seconds

        disk_only = []
        for _ in range(bench.runs + 1):
            # as a newly started server: only the disk cache (portfolj.json) is left
            ui._portfolio_line.clear()
            ui.cached_frame.clear()
            ui.cached_project.clear()
            disk_only.append(first_portfolio_view())
        in_memory = [first_portfolio_view() for _ in range(bench.runs + 1)]

        # (c) another project in the sidebar picker, one not yet loaded by the app in this process
        at = run_app(new_app(), page_title("oversikt"))
        step = max(len(ids) // (bench.runs + 2), 1)
        fresh_ids = [i for i in ids[1::step] if i != at.session_state["projekt"]][:bench.runs + 1]
        switches = []
        for project_id in fresh_ids:
            at.selectbox(key="projekt").set_value(project_id)
            switches.append(timed_run(at))
            if at.session_state["projekt"] != project_id or len(at.metric) < 5:
                raise SystemExit(f"the picker did not open {project_id}'s Översikt")
        back = []
        for project_id in [*fresh_ids[2:], fresh_ids[0]]:  # each loaded a moment ago: warm
            at.selectbox(key="projekt").set_value(project_id)
            back.append(timed_run(at))
    return [
        Row("portfolj", f"{count} projekt", f"generering ({PORTFOLIO_VARIANTS} varianter, hårdlänkade)",
            [made]),
        Row("portfolj", "(a) KALL indexering", f"portfolio.line per projekt, ingen cache-fil "
            f"({distinct} olika rader, {figures} olika nyckeltal)", cold),
        Row("portfolj", "(a) KALL indexering", f"totalt {count} projekt (en gång)", [sum(cold)]),
        Row("portfolj", "(a) VARM (portfolj.json på disk)", f"portfolio.line för alla {count}",
            warm_lines),
        Row("portfolj", "(b) första vy Portfölj", "ny AppTest, rader på disk, minnescacher tömda: rå",
            disk_only[1:], target=TARGET_PORTFOLIO_VIEW_S),
        Row("portfolj", "(b) första vy Portfölj", "  netto (− baslinje ny AppTest)",
            minus(disk_only[1:], base["fresh"])),
        Row("portfolj", "(b) första vy Portfölj", "ny AppTest, VARM process (minnescacher fyllda): rå", in_memory[1:]),
        Row("portfolj", "(c) projektbyte i väljaren", "till projekt som appen inte laddat (KALL): rå at.run()",
            switches[1:], target=TARGET_PROJECT_SWITCH_S),
        Row("portfolj", "(c) projektbyte i väljaren", "  netto (− baslinje språkbyte)",
            minus(switches[1:], base["lang"])),
        Row("portfolj", "(c) projektbyte i väljaren", "tillbaka till redan laddat projekt (VARM): rå at.run()", back),
    ]


# ---------------------------------------------------------------------------------------------


def git_state() -> str:
    """The commit measured, with '-dirty' when the working tree has changes."""
    try:
        return subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
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
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES),
                        help="ledger rows of each generated utfall.csv, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measurement (≥ 5)")
    parser.add_argument("--out", type=Path, default=None,
                        help="folder for the generated projects (kept); default: a temporary folder")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write results as JSON")
    parser.add_argument("--only", default=None,
                        help="comma-separated sections to run: " + ", ".join(SECTIONS))
    parser.add_argument("--list", action="store_true", help="list the sections and exit")
    parser.add_argument("--portfolj-projekt", type=int, default=PORTFOLIO_PROJECTS, metavar="N",
                        help=f"projects generated for the portfolj section (default {PORTFOLIO_PROJECTS})")
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
    print(f"Lägesbild benchmark ({env['git']}) – python {env['python']}, duckdb {env['duckdb']}, "
          f"pandas {env['pandas']}, {env['cpus']} cpu, {env['platform']}"
          + (f", belastning (load average 1/5/15 min) {env['load']}" if env["load"] else ""))
    print(f"{args.runs} körningar per mätning; median, min och max med time.perf_counter. "
          f"Mål gäller utfall med {rows_label(TARGET_ROWS)} rader.")
    with tempfile.TemporaryDirectory(prefix="lagesbild-bench-") as tmp:
        out = args.out or Path(tmp)
        bench = Bench(args.sizes, args.runs, out, args.portfolj_projekt)
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
            print(f"  {r.case}: {r.measure} = {fmt(r.median, r.unit)}, mål ≤ {fmt(r.target, r.unit)}: "
                  f"{'uppfyllt' if r.met else 'EJ uppfyllt'}")
    elif "inlasning" in args.only or "summering" in args.only:
        print(f"\nMål/targets gäller först vid {rows_label(TARGET_ROWS)} rader – ingen sådan storlek kördes.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            "environment": env, "sizes": list(args.sizes), "runs": args.runs,
            "sections": args.only, "results": [r.as_dict() for r in results],
        }, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
