"""The validated tables of each project version kept on disk, so that a restart re-reads no export.

A project loads its exports once per version: the loader copies the finished tables into
`.lagesbild/lager/<digest>.duckdb` and writes a manifest beside it with the problems and the
file's SHA-256. The digest covers every file of the project folder and the code that reads them,
so a changed export or a new release of Lägesbild gives a new store. A store whose manifest is
missing, whose checksum differs or that DuckDB cannot open is not trusted: the project is read
from its exports again and the store is written anew.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from lagesbild.problems import Problem

STATE = ".lagesbild"  # publishing.STATE; not imported, as publishing imports the loader
FOLDER = "lager"
ENVIRONMENT = "LAGESBILD_LAGER"  # a folder for the stores when the data folder should hold none
FORMAT = 2  # 2: problems are kept as their code and parameters
_CODE = Path(__file__).resolve().parent
_DATES = ("start", "slut", "rapportdatum")


@dataclass(frozen=True)
class Stored:
    """What a store gives back besides its tables."""

    problems: list[Problem]
    notes: list[Problem]
    params: dict
    rapportdatum: dt.date


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@functools.cache
def _code_digest() -> str:
    """The reading code and queries of this release: a new release builds every store anew."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for path in sorted([*_CODE.glob("*.py"), *(_CODE.parent / "queries").rglob("*.sql")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def digest(folder: Path) -> str:
    """The version of a project folder: every file's name and content, and the code that reads them."""
    found = hashlib.sha256(_code_digest().encode())
    for path in sorted(folder.iterdir()):
        if path.is_file():
            found.update(f"{path.name}\n{_sha256_file(path)}\n".encode())
    return found.hexdigest()[:32]


def _paths(folder: Path, version: str) -> tuple[Path, Path]:
    """Beside the exports in .lagesbild/lager/, or under LAGESBILD_LAGER (one folder per project folder).

    A frozen copy inside a project's .lagesbild/ (a meeting's picture) keeps its store in the project's
    own .lagesbild/lager/kopior/, never inside the copy, which stays byte for byte as it was frozen.
    """
    elsewhere = os.environ.get(ENVIRONMENT)
    resolved = folder.resolve()
    if elsewhere:
        base = Path(elsewhere) / hashlib.sha256(str(resolved).encode()).hexdigest()[:16]
    elif STATE in resolved.parts:
        at = resolved.parts.index(STATE)
        project, inside = Path(*resolved.parts[:at]), Path(*resolved.parts[at + 1 :])
        base = project / STATE / FOLDER / "kopior" / hashlib.sha256(str(inside).encode()).hexdigest()[:16]
    else:
        base = folder / STATE / FOLDER
    return base / f"{version}.duckdb", base / f"{version}.json"


def open_stored(folder: Path, version: str) -> tuple[duckdb.DuckDBPyConnection, Stored] | None:
    """The read-only tables and findings of this version, or None when there is no sound store."""
    database, manifest_path = _paths(folder, version)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("sha256") != _sha256_file(database):
            return None
        con = duckdb.connect(
            str(database),
            read_only=True,
            config={"autoload_known_extensions": False, "autoinstall_known_extensions": False},
        )
    except (OSError, ValueError, KeyError, TypeError, duckdb.Error):
        return None
    params = {k: dt.date.fromisoformat(v) if k in _DATES and v else v for k, v in manifest["params"].items()}
    stored = Stored(
        [Problem.from_saved(p) for p in manifest["problems"]],
        [Problem.from_saved(p) for p in manifest["notes"]],
        params,
        params["rapportdatum"],
    )
    return con, stored


def save(folder: Path, version: str, con: duckdb.DuckDBPyConnection, stored: Stored) -> None:
    """Write the tables of a loaded (not yet locked) connection as this version's store, atomically.

    The database file is renamed into place before its manifest, and only a manifest that names
    the file's checksum makes it trusted. Stores of other versions are removed. A folder that
    cannot be written to keeps no store; the project is then read from its exports each time.
    """
    database, manifest_path = _paths(folder, version)
    partial = database.with_name(f".{uuid.uuid4().hex}.duckdb")
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        # ATTACH takes no parameter: the path is quoted as an SQL string literal.
        quoted = str(partial).replace("'", "''")
        con.execute(f"attach '{quoted}' as lager")
        try:
            con.execute("copy from database memory to lager")
        finally:
            con.execute("detach lager")
        params = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in stored.params.items()}
        manifest = {
            "format": FORMAT,
            "sha256": _sha256_file(partial),
            "params": params,
            "problems": [p.saved() for p in stored.problems],
            "notes": [p.saved() for p in stored.notes],
        }
        pending = manifest_path.with_name(f".{uuid.uuid4().hex}.json")
        pending.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, database)
        os.replace(pending, manifest_path)
    except (OSError, duckdb.Error):
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return
    for path in database.parent.iterdir():
        if path.is_file() and path.stem != version:
            path.unlink(missing_ok=True)
