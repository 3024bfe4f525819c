"""DuckDB connections: Swedish parsing macros, the queries/ folder, lock-down after loading."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import duckdb
import pandas as pd

QUERIES = Path(__file__).resolve().parent.parent / "queries"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_READS = re.compile(r"-- reads: ([a-z_, ]+)")


@functools.cache
def sql(name: str) -> str:
    """The text of queries/<name>.sql."""
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def query_names(folder: str) -> list[str]:
    """Names of the .sql files in one folder of queries/, e.g. 'checks/duplicate_ids'."""
    return sorted(f"{folder}/{p.stem}" for p in (QUERIES / folder).glob("*.sql"))


def model_order() -> list[str]:
    """The models of queries/models in an order where each runs after the models it reads.

    Each model names what it reads on its second line (`-- reads: bokforing, konton`); a name that
    is no model is a table loaded from the files.
    """
    reads: dict[str, set[str]] = {}
    for name in query_names("models"):
        line = sql(name).split("\n")[1]
        if not (match := _READS.fullmatch(line.strip())):
            raise ValueError(f"queries/{name}.sql: the second line must be '-- reads: …'")
        reads[name] = {f"models/{t.strip()}" for t in match.group(1).split(",")} & set(query_names("models"))
    ordered: list[str] = []
    while len(ordered) < len(reads):
        ready = sorted(n for n in reads if n not in ordered and reads[n] <= set(ordered))
        if not ready:
            raise ValueError(f"the models read each other in a circle: {sorted(set(reads) - set(ordered))}")
        ordered += ready
    return ordered


def new_connection() -> duckdb.DuckDBPyConnection:
    """An in-memory connection that loads no extensions, with the Swedish parsing macros."""
    con = duckdb.connect(
        ":memory:",
        config={"autoload_known_extensions": False, "autoinstall_known_extensions": False},
    )
    # sv_numeral is used by the others, so it must exist first.
    for name in (
        "sv_fold",
        "sv_numeral",
        "sv_number_of",
        "sv_amount_of",
        "sv_whole_of",
        "sv_whole",
        "sv_date",
        "activity_status_shown",
        "influence_open",
        "influence_overdue",
        "influence_upcoming",
        "decision_overdue",
        "period_till",
        "month_in_period",
        "hourly_cost_kr",
        "planned_hours_per_month",
    ):
        con.execute(sql(f"macros/{name}"))
    return con


def lock(con: duckdb.DuckDBPyConnection) -> None:
    """After loading, no query may touch the file system or change settings.

    A stored project opened twice in one process shares one DuckDB instance: locked once, it stays so.
    """
    if con.execute("select current_setting('lock_configuration')").fetchone() == (True,):
        return
    con.execute("set allowed_directories = []")
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")


def bind(text: str, params: dict) -> dict:
    """Only the parameters the statement uses: DuckDB refuses unused ones."""
    used = set(_PARAM.findall(text))
    return {k: v for k, v in params.items() if k in used}


def execute(con: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    """Run queries/<name>.sql on its own cursor with bound parameters."""
    text = sql(name)
    cursor = con.cursor()
    return cursor.execute(text, bind(text, params))


def frame(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """The result of queries/<name>.sql as a DataFrame."""
    return execute(con, name, **params).df()
