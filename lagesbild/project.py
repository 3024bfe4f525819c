"""Loading a project folder: projekt.toml, every export, cross-file checks, a locked connection."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import pandas as pd
from duckdb import ColumnExpression, ConstantExpression

from lagesbild import account_plans, database, publishing, reading, schema, store
from lagesbild.config import Bookkeeping, Meta, read_meta
from lagesbild.problems import ERROR, NOTE, WARNING, Problem, error, warning

_ID = re.compile(r"[a-z0-9-]+")


@dataclass
class Project:
    """A loaded project: its metadata, a locked DuckDB connection and every problem found."""

    folder: Path
    meta: Meta | None
    con: duckdb.DuckDBPyConnection | None
    problems: list[Problem] = field(default_factory=list)
    rapportdatum: dt.date | None = None
    notes: list[Problem] = field(default_factory=list)  # rows left out, with count and sum (niva NOTE)
    model_params: dict = field(default_factory=dict)  # what the models and checks were run with

    @property
    def id(self) -> str:
        return self.folder.name

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.niva == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.niva == WARNING]

    @property
    def usable(self) -> bool:
        """Figures can be computed: projekt.toml is valid (bad rows are left out of them)."""
        return self.meta is not None and self.con is not None

    @property
    def metadata(self) -> Meta:
        """projekt.toml of a usable project; only an unusable project lacks it."""
        if self.meta is None:
            raise ValueError(f"{self.id}: projekt.toml är inte läsbar, projektet har inga siffror")
        return self.meta

    def as_of(self, rapportdatum: dt.date | None = None) -> dt.date:
        """The report date asked for, else the project's own (every usable project has one)."""
        date = rapportdatum or self.rapportdatum
        if date is None:
            raise ValueError(f"{self.id}: projekt.toml är inte läsbar, projektet har inget rapportdatum")
        return date

    def params(self, rapportdatum: dt.date | None = None) -> dict:
        meta = self.metadata
        return {
            "rapportdatum": self.as_of(rapportdatum),
            "start": meta.start,
            "slut": meta.slut,
            # the reporting period a query sums over, when it is asked for one (claims.params): none, all of it
            "period_start": None,
            "period_slut": None,
        }

    def frame(self, name: str, rapportdatum: dt.date | None = None, **params) -> pd.DataFrame:
        """queries/<name>.sql as of rapportdatum (default: the project's)."""
        assert self.con is not None
        return database.frame(self.con, name, **{**self.params(rapportdatum), **params})

    def rows(self, stem: str) -> pd.DataFrame:
        """The typed rows of one file, in its columns' order, without bookkeeping columns."""
        assert self.con is not None
        spec = schema.FILES_BY_STEM[stem]
        keys = [
            k
            for c in spec.columns
            for k in (("konto_fran", "konto_till") if c.kind == schema.ACCOUNT_RANGE else (c.key,))
        ]
        return self.con.cursor().table(stem).select(*keys).df()


def load(folder: Path, keep: bool = True) -> Project:
    """Read, validate and model one project folder; never raises for bad content.

    With keep, the validated tables are kept on disk (lagesbild.store) and read from there next time.
    """
    folder = Path(folder)
    publishing.recover(folder)
    meta, problems = read_meta(folder)
    if not _ID.fullmatch(folder.name):
        problems.append(warning(folder.name, None, None, folder.name, "folder_name"))
    version = store.digest(folder) if keep and meta is not None else None
    if version and (found := store.open_stored(folder, version)):
        con, stored = found
        database.lock(con)
        return Project(folder, meta, con, stored.problems, stored.rapportdatum, stored.notes, stored.params)
    bookkeeping = meta.bokforing if meta and meta.bokforing else Bookkeeping()
    con = database.new_connection()
    names: dict[str, str] = {}  # a file's name in the contract → its name in the folder
    bad_cells: dict[str, duckdb.Expression] = {}  # a file's stem → the condition of its rows with a bad cell
    full_ledger = False
    reading.account_names(con, {})
    with tempfile.TemporaryDirectory(prefix="lagesbild-") as workdir:
        for spec in schema.FILES:
            path = reading.find_file(folder, spec)
            if path is None:
                reading.empty_table(con, spec)
                if spec.required:
                    problems.append(error(spec.filename, None, None, None, "file_missing", file=spec.filename))
                continue
            names[spec.filename] = path.name
            spec = _with_object_column(spec, bookkeeping)
            result = reading.read_file(con, path, spec, Path(workdir), bookkeeping.dimension)
            problems += result.problems
            full_ledger = full_ledger or result.full_ledger
            if result.bad_rows is not None:
                bad_cells[spec.stem] = result.bad_rows
            if (
                result.table
                and not spec.may_be_empty
                and not any(p.is_error for p in result.problems)
                and not con.table(spec.stem).limit(1).fetchall()
            ):
                problems.append(error(spec.filename, None, None, None, "file_no_rows"))
    if meta is None:
        con.close()
        return Project(folder, None, None, _named(problems, names))
    _ledger_tables(con, bookkeeping)
    params = _model_params(meta, bookkeeping, full_ledger)
    for name in database.model_order():
        database.execute(con, name, **params)
    params["rapportdatum"] = meta.rapportdatum or _latest_cost_date(con) or meta.start
    checked = [
        Problem.from_check(*row)
        for name in database.query_names("checks")
        for row in database.execute(con, name, **params).fetchall()
    ]
    problems += checked
    # Only now, so that the checks across files saw every row (no row is "unknown" because another was bad).
    if _leave_out(con, bad_cells, checked):
        # The figures leave the rows with an error out (contract §7): the models are made again without them.
        for name in reversed(database.model_order()):
            con.execute(f"drop table {name.removeprefix('models/')}")  # the models' own constant names
        for name in database.model_order():
            database.execute(con, name, **params)
    named = _named(problems, names)
    notes = [p for p in named if p.niva == NOTE]
    kept = [p for p in named if p.niva != NOTE]
    if version:
        store.save(folder, version, con, store.Stored(kept, notes, params, params["rapportdatum"]))
    database.lock(con)
    return Project(folder, meta, con, kept, params["rapportdatum"], notes, params)


# Errors that point at a row to show where, but are about a whole year: the row itself stays.
ABOUT_A_YEAR = frozenset({"cost_year_without_financing", "cost_year_financing_zero"})


def _leave_out(con: duckdb.DuckDBPyConnection, bad_cells: dict[str, duckdb.Expression], checked: list[Problem]) -> bool:
    """Take the rows with a bad cell, and those the checks found in error, out of their files' tables;
    whether there were any."""
    rows: dict[str, set[int]] = defaultdict(set)
    for p in checked:
        if p.is_error and p.rad is not None and p.kod not in ABOUT_A_YEAR and p.fil in schema.FILES_BY_FILENAME:
            rows[schema.FILES_BY_FILENAME[p.fil].stem].add(p.rad)
    for stem in {*bad_cells, *rows}:
        bad = bad_cells.get(stem, ConstantExpression(False))
        if rows[stem]:
            bad = bad | ColumnExpression("rad").isin(*(ConstantExpression(r) for r in sorted(rows[stem])))
        reading.keep_rows(con, stem, ~bad)
    return bool(bad_cells or rows)


def _with_object_column(spec: schema.FileSpec, bookkeeping: Bookkeeping) -> schema.FileSpec:
    """The ledger's spec with [bokforing] objektkolumn as a header of its Objekt column."""
    if spec.stem != reading.LEDGER or not bookkeeping.objektkolumn:
        return spec
    columns = tuple(
        replace(c, aliases=(*c.aliases, bookkeeping.objektkolumn)) if c.key == "objekt" else c for c in spec.columns
    )
    return replace(spec, columns=columns)


def _ledger_tables(con: duckdb.DuckDBPyConnection, bookkeeping: Bookkeeping) -> None:
    """The tables the ledger model reads beside the files: cost accounts, the account plan, account names."""
    low, high = zip(*bookkeeping.kostnadskonton, strict=True) if bookkeeping.kostnadskonton else ((), ())
    con.from_df(
        pd.DataFrame({"konto_fran": pd.Series(low, dtype="int64"), "konto_till": pd.Series(high, dtype="int64")})
    ).create("kostnadskonton")
    con.from_df(account_plans.ranges(bookkeeping.kontoplan)).create("kontoplan")


def _named(problems: list[Problem], names: dict[str, str]) -> list[Problem]:
    """Problems named by the file as it is in the folder (budget.xlsx, utfall.se), not the contract's name."""
    return [replace(p, fil=names[p.fil]) if names.get(p.fil, p.fil) != p.fil else p for p in problems]


def _model_params(meta: Meta, bookkeeping: Bookkeeping, full_ledger: bool) -> dict:
    ind = meta.indirekta
    return {
        "start": meta.start,
        "slut": meta.slut,
        "procent": ind.procent if ind else None,
        "bas": list(ind.bas) if ind else [],
        "indirekt_kostnadsslag": ind.kostnadsslag if ind else None,
        "objekt": bookkeeping.objekt,
        "hel_huvudbok": full_ledger,
        "kostnadskonton_text": ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in bookkeeping.kostnadskonton),
    }


def _latest_cost_date(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    return database.execute(con, "latest_cost_date").fetchall()[0][0]
