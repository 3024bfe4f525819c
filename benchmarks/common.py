"""What every benchmark section shares: the measured rows and their table, the generated folders, the registry."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generate import activities_bytes, ledger_text, make_folder  # noqa: E402

from lagesbild import project as projects  # noqa: E402

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
ACTIVITY_ROWS = 100_000
APP_PROJECT = "stracket"  # the project's folder name (its id) in the one-project data folders
TARGET_ROWS = 1_000_000  # the targets below are stated for a ledger of this many rows

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
    unit: str = "s"  # "s", "x" (ratio), "%" (share 0–1) or "B" (bytes)
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
    if unit == "B":
        return f"{value / 1e6:.2f} MB" if value >= 1e6 else f"{value / 1e3:.1f} kB"
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
        lines.append(
            (
                row.case,
                row.measure,
                fmt(row.median, row.unit),
                fmt(min(row.values), row.unit) if spread else "",
                fmt(max(row.values), row.unit) if spread else "",
                f"≤ {fmt(row.target, row.unit)}" if row.target is not None else "",
                {None: "", True: "ja", False: "NEJ"}[row.met],
            )
        )
    widths = [max(len(str(x)) for x in col) for col in zip(header, *lines, strict=False)]
    right = {2, 3, 4}

    def render(cells) -> str:
        return "  ".join(
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

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
    pages: tuple[str, ...] = ()  # the url paths of the pages interaktion and nyttolast visit; () = all
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


def app_data(bench: Bench, rows: int, activities: int | None = None) -> Path:
    """A data folder (LAGESBILD_DATA) holding one project: stracket with a `rows`-row ledger and, with
    `activities`, a generated aktiviteter.csv of that many rows (else stracket's own activities)."""
    name = f"app-utfall-{rows}" + (f"-aktiviteter-{activities}" if activities else "")
    if name not in bench._folders:
        data = bench.out / name
        project = link_folder(bench.ledger_folder(rows), data / APP_PROJECT)
        if activities:
            (project / "aktiviteter.csv").unlink()
            os.link(bench.activities_folder(activities) / "aktiviteter.csv", project / "aktiviteter.csv")
        bench._folders[name] = data
    return bench._folders[name]


def region_scale(bench: Bench) -> Path:
    """The data folder of a region's scale: the largest ledger and ACTIVITY_ROWS activities."""
    return app_data(bench, max(bench.sizes), ACTIVITY_ROWS)
