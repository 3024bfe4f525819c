"""Measures how long Lägesbild takes to read, validate and summarise generated project folders."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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
    _folders: dict[str, Path] = field(default_factory=dict)

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

    def read_file(con, path, spec, workdir):
        start = time.perf_counter()
        try:
            return original(con, path, spec, workdir)
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
    args = parser.parse_args(argv)
    args.sizes = tuple(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
    if args.runs < 5:
        parser.error("--runs must be at least 5")
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
          f"pandas {env['pandas']}, {env['cpus']} cpu, {env['platform']}")
    print(f"{args.runs} körningar per mätning; median, min och max med time.perf_counter. "
          f"Mål gäller utfall med {rows_label(TARGET_ROWS)} rader.")
    with tempfile.TemporaryDirectory(prefix="lagesbild-bench-") as tmp:
        out = args.out or Path(tmp)
        bench = Bench(args.sizes, args.runs, out)
        results: list[Row] = []
        for name in args.only:
            item = SECTIONS[name]
            rows = item.run(bench)
            results += rows
            print_table(f"{item.name}: {item.description}", rows)
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
