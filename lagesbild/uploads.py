"""New exports from the project leader: recognised, validated and compared before they replace anything."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lagesbild import access, publishing, reading, schema
from lagesbild.config import TOML
from lagesbild.problems import Problem, error
from lagesbild.project import Project, load

EXTENSIONS = (".csv", ".xlsx", ".zip", ".toml")
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 64
_XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Change:
    """What replacing one file would change."""

    fil: str
    fore: int
    efter: int
    tillagda: int
    borttagna: int
    andrade: int | None  # None where rows have no Id to follow them by


@dataclass
class Preview:
    """An upload checked against the project: problems, changes and what would be written."""

    files: dict[str, bytes | None] = field(default_factory=dict)
    recognised: dict[str, str] = field(default_factory=dict)  # upload name → project file name
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    totals: pd.DataFrame | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def publishable(self) -> bool:
        return bool(self.files) and not self.errors


def _header_fields(data: bytes) -> list[str]:
    try:
        codec, text = reading.decode(data)
    except UnicodeDecodeError:
        return []
    head = text if text is not None else data[:8192].decode(codec, errors="ignore")
    lines = [line for line in head.splitlines() if not line.lower().startswith("sep=")][:1]
    if not lines:
        return []
    best: list[str] = []
    for delimiter in (";", "\t", ","):
        fields = next(csv.reader(lines, delimiter=delimiter), [])
        if len(fields) > len(best):
            best = fields
    return best


def recognise(name: str, data: bytes) -> schema.FileSpec | None:
    """The file an upload replaces: by its name, else by the headers it has."""
    stem = schema.fold(Path(name).stem)
    for spec in schema.FILES:
        if schema.fold(spec.stem) == stem:
            return spec
    if Path(name).suffix.lower() != ".csv":
        return None
    headers = {schema.fold(h) for h in _header_fields(data)}
    scored = []
    for spec in schema.FILES:
        required = [c for c in spec.columns if c.required]
        lookup = schema.header_lookup(spec)
        hits = {lookup[h].key for h in headers if h in lookup}
        if all(c.key in hits for c in required):
            scored.append((len(hits) / len(spec.columns), len(hits), spec))
    return max(scored, key=lambda s: s[:2])[2] if scored else None


def unpack(name: str, data: bytes) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """Uploaded files as (name, bytes); a .zip of a project folder gives its files."""
    suffix = Path(name).suffix.lower()
    if suffix not in EXTENSIONS:
        return [], [error(name, None, None, None, "en fil av typen .csv, .xlsx, .zip eller projekt.toml")]
    if len(data) > MAX_FILE_BYTES:
        return [], [error(name, None, None, None, f"högst {MAX_FILE_BYTES // 2**20} MB per fil")]
    if suffix == ".xlsx" and not data.startswith(_XLSX_MAGIC):
        return [], [error(name, None, None, None, "en Excel-fil (.xlsx) – innehållet är inte det")]
    if suffix != ".zip":
        return [(Path(name).name, data)], []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return [], [error(name, None, None, None, "en zip-fil – den kunde inte öppnas")]
    members = [m for m in archive.infolist() if not m.is_dir()][:MAX_ZIP_MEMBERS + 1]
    if len(members) > MAX_ZIP_MEMBERS:
        return [], [error(name, None, None, None, f"högst {MAX_ZIP_MEMBERS} filer i zip-filen")]
    found, problems = [], []
    for member in members:
        inner = Path(member.filename).name  # folders inside the zip are ignored, never followed
        if inner.startswith(".") or Path(inner).suffix.lower() not in (".csv", ".xlsx", ".toml"):
            continue
        if member.file_size > MAX_FILE_BYTES:
            problems.append(error(f"{name}/{inner}", None, None, None, "en fil på högst 50 MB"))
            continue
        found.append((inner, archive.read(member)))
    return found, problems


def _compare(before: pd.DataFrame, after: pd.DataFrame, fil: str, has_id: bool) -> Change:
    def keyed(frame: pd.DataFrame) -> dict:
        return {str(r[0]): tuple(map(str, r)) for r in frame.itertuples(index=False)}

    if has_id:
        old, new = keyed(before), keyed(after)
        changed = sum(1 for k in old.keys() & new.keys() if old[k] != new[k])
        return Change(fil, len(before), len(after), len(new.keys() - old.keys()), len(old.keys() - new.keys()),
                      changed)
    old_rows = pd.Series([tuple(map(str, r)) for r in before.itertuples(index=False)]).value_counts()
    new_rows = pd.Series([tuple(map(str, r)) for r in after.itertuples(index=False)]).value_counts()
    diff = new_rows.subtract(old_rows, fill_value=0)
    return Change(fil, len(before), len(after), int(diff[diff > 0].sum()), int(-diff[diff < 0].sum()), None)


def _totals(project: Project) -> dict[str, float]:
    """Key totals by the i18n key of their label."""
    if not project.usable:
        return {}
    totals = project.frame("project_totals").iloc[0]
    financiers = project.frame("financiers")
    return {"metric.budget": float(totals.budget_kr), "col.commitment": float(financiers.atagande_kr.sum()),
            "metric.spent": float(totals.upparbetat_kr), "col.claimed": float(financiers.rekvirerat_kr.sum()),
            "col.paid": float(financiers.inbetalt_kr.sum())}


def preview(folder: Path, current: Project, uploads: list[tuple[str, bytes]], by: access.Access) -> Preview:
    """Check uploads against a copy of the project; nothing in the project folder changes."""
    by.require(access.UPLOAD)
    result = Preview()
    for name, data in uploads:
        files, problems = unpack(name, data)
        result.problems += problems
        for inner, content in files:
            if inner.lower() == TOML:
                result.files[TOML] = content
                result.recognised[inner] = TOML
                continue
            spec = recognise(inner, content)
            if spec is None:
                result.problems.append(error(inner, None, None, None,
                                             "en fil som känns igen på namnet (t.ex. utfall.csv) "
                                             "eller på rubrikraden"))
                continue
            suffix = Path(inner).suffix.lower()
            target = f"{spec.stem}{suffix}"
            result.files[target] = content
            # The other format of the same export must go, or it would shadow the new one.
            other = f"{spec.stem}{'.xlsx' if suffix == '.csv' else '.csv'}"
            if (Path(folder) / other).exists():
                result.files[other] = None
            result.recognised[inner] = target
    if not result.files:
        return result
    with tempfile.TemporaryDirectory(prefix="lagesbild-forhandsgranskning-") as workdir:
        candidate = Path(workdir) / Path(folder).name
        shutil.copytree(folder, candidate, ignore=shutil.ignore_patterns(publishing.STATE))
        for target, content in result.files.items():
            path = candidate / target
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)
        new = load(candidate)
        touched = {schema.fold(Path(t).stem) for t in result.files}
        # Problems of the new files, and of files whose cross-file checks the new files decide.
        result.problems += [p for p in new.problems
                            if schema.fold(Path(p.fil).stem) in touched or (p.is_error and p not in current.problems)]
        if current.usable and new.usable:
            for spec in schema.FILES:
                if spec.stem in touched:
                    has_id = spec.columns[0].key == "id"
                    result.changes.append(_compare(current.rows(spec.stem), new.rows(spec.stem),
                                                   spec.filename, has_id))
        before, after = _totals(current), _totals(new)
        result.totals = pd.DataFrame({"matt": list(after or before),
                                      "fore_kr": [before.get(k) for k in (after or before)],
                                      "efter_kr": [after.get(k) for k in (after or before)]})
    return result


def accept(folder: Path, checked: Preview, by: access.Access) -> publishing.Version:
    """Write a checked upload into the project, keeping what it replaces."""
    by.require(access.UPLOAD)
    if not checked.publishable:
        raise publishing.PublishError("Uppladdningen har fel och kan inte tas emot.")
    summary = {"fel": len(checked.errors), "varningar": len(checked.problems) - len(checked.errors),
               "filer": checked.recognised}
    return publishing.publish(folder, checked.files, by.who, summary)
