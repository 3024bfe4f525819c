"""New exports from the project leader: recognised, validated and compared before they replace anything."""

from __future__ import annotations

import datetime as dt
import math
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lagesbild import access, formatting, publishing, reading, schema, sie, xlsx
from lagesbild.config import TOML
from lagesbild.problems import Problem, error, warning
from lagesbild.project import Project, load

EXTENSIONS = (".csv", ".xlsx", ".zip", ".toml", *reading.SIE_SUFFIXES)
# Bounds of one upload; an Excel file's own bounds (rows, columns, cells, XML) are in xlsx.py.
MAX_FILE_BYTES = 50 * 1024 * 1024  # one uploaded file, and one file unpacked from a zip
MAX_UPLOAD_BYTES = 100 * 1024 * 1024  # everything one upload holds once unpacked, all files together
MAX_ZIP_MEMBERS = 1_000  # entries a zip lists, folders and skipped files included
SHOWN_ROWS = 200  # rows of one file listed in the preview
_XLSX_MAGIC = b"PK\x03\x04"
# Folders an archiver adds that are never project files (macOS Finder's resource forks).
_SKIPPED_FOLDERS = frozenset({"__MACOSX"})


@dataclass(frozen=True)
class Change:
    """What replacing one file would change; rows lists the rows themselves (at most SHOWN_ROWS)."""

    fil: str
    fore: int
    efter: int
    tillagda: int
    borttagna: int
    andrade: int | None  # None where rows have no Id to follow them by
    rows: pd.DataFrame | None = field(default=None, compare=False, repr=False)
    listed: int = 0  # rows that differ, all of them; rows holds the first SHOWN_ROWS


@dataclass
class Preview:
    """An upload checked against the project: problems, changes and what would be written."""

    files: dict[str, bytes | None] = field(default_factory=dict)
    recognised: dict[str, str] = field(default_factory=dict)  # upload name → project file name
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    totals: pd.DataFrame | None = None
    # The SHA-256 of every project file the upload was checked against: accept publishes only onto these.
    base: dict[str, str] = field(default_factory=dict)
    checked: dict[str, str | None] = field(default_factory=dict)  # SHA-256 of each file as it was checked
    notes: list[Problem] = field(default_factory=list)  # what the new ledger leaves out, with count and sum
    rapportdatum: dt.date | None = None  # the report date projekt.toml sets, when it sets one
    late_rows: int = 0  # uploaded ledger rows dated after rapportdatum
    latest: dt.date | None = None  # the latest of them

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def publishable(self) -> bool:
        return bool(self.files) and not self.errors


def recognise(name: str, data: bytes) -> schema.FileSpec | None:
    """The file an upload replaces: an SIE ledger by its content, else by its name, else by its header."""
    if sie.looks_like_sie(data):
        return schema.FILES_BY_STEM[reading.LEDGER]
    stem = schema.fold(Path(name).stem)
    for spec in schema.FILES:
        if schema.fold(spec.stem) == stem:
            return spec
    if Path(name).suffix.lower() != ".csv":
        return None
    lines, delimiter = reading.header_lines(data)
    scored = []
    for spec in schema.FILES:
        hits = reading.header_columns(lines, delimiter, spec)
        if reading.has_required(hits, spec):
            scored.append((len(hits) / len(spec.columns), len(hits), spec))
    return max(scored, key=lambda s: s[:2])[2] if scored else None


def target_name(spec: schema.FileSpec, name: str, data: bytes) -> str:
    """The name an upload is stored under: the spec's stem with the upload's format (.se for an SIE ledger)."""
    sie_ledger = spec.stem == reading.LEDGER and sie.looks_like_sie(data)
    return f"{spec.stem}{'.se' if sie_ledger else Path(name).suffix.lower()}"


@dataclass(frozen=True)
class _Candidate:
    """One file of an upload: where it came from (zip/folder/name), its bare name and its bytes."""

    origin: str
    name: str
    data: bytes


class _Budget:
    """What the rest of one upload may unpack to."""

    def __init__(self, left: int):
        self.left = left


_MEMBER_SUFFIXES = tuple(e for e in EXTENSIONS if e != ".zip")


def _member_parts(filename: str) -> list[str]:
    # A traversal such as ../../x.csv or /etc/x.csv names nothing outside the zip: those parts go.
    return [p for p in filename.replace("\\", "/").split("/") if p not in ("", ".", "..")]


def _unpack(name: str, data: bytes, budget: _Budget) -> tuple[list[_Candidate], list[Problem]]:
    suffix = Path(name).suffix.lower()
    if suffix not in EXTENSIONS:
        return [], [error(name, None, None, None, "upload_type")]
    if len(data) > MAX_FILE_BYTES:
        return [], [error(name, None, None, None, "upload_too_large", limit=xlsx.mb(MAX_FILE_BYTES))]
    if suffix == ".xlsx" and not data.startswith(_XLSX_MAGIC):
        return [], [error(name, None, None, None, "upload_not_xlsx")]
    if suffix != ".zip":
        if len(data) > budget.left:
            return [], [_over_budget(name, None, name)]
        budget.left -= len(data)
        return [_Candidate(Path(name).name, Path(name).name, data)], []
    try:
        archive = xlsx.open_zip(data, name, MAX_ZIP_MEMBERS)
    except xlsx.TooLarge as exc:
        return [], [error(name, None, None, None, exc.kod, **dict(exc.param))]
    except ValueError:
        return [], [error(name, None, None, None, "upload_not_zip")]
    with archive:
        return _zip_members(name, archive, budget)


def _over_budget(fil: str, varde: str | None, origin: str) -> Problem:
    return error(fil, None, None, varde, "upload_over_budget", limit=xlsx.mb(MAX_UPLOAD_BYTES), origin=origin)


def _zip_members(name: str, archive, budget: _Budget) -> tuple[list[_Candidate], list[Problem]]:
    problems: list[Problem] = []
    hidden: set[str] = set()
    usable = []
    for member in archive.infolist():
        parts = _member_parts(member.filename)
        if member.is_dir() or not parts:
            continue
        if any(p.startswith(".") or p in _SKIPPED_FOLDERS for p in parts):
            hidden.add(next(p for p in parts if p.startswith(".") or p in _SKIPPED_FOLDERS))
            continue
        if Path(parts[-1]).suffix.lower() not in _MEMBER_SUFFIXES:
            continue  # a README, a PDF: not an export
        if len(parts) > 2:
            problems.append(error(f"{name}/{parts[-1]}", None, None, "/".join(parts), "upload_subfolder"))
            continue
        usable.append((member, parts))
    if hidden:
        problems.append(warning(name, None, None, ", ".join(f"{h}/" for h in sorted(hidden)), "upload_hidden"))
    places = sorted({parts[0] + "/" if len(parts) == 2 else "(överst)" for _, parts in usable})
    if len(places) > 1:
        problems.append(error(name, None, None, ", ".join(places), "upload_places"))
        return [], problems
    found = []
    for member, parts in usable:
        origin = f"{name}/{'/'.join(parts)}"
        try:
            content = xlsx.read_member(archive, member, min(MAX_FILE_BYTES, budget.left))
        except xlsx.MemberTooLarge as exc:
            if budget.left < MAX_FILE_BYTES:
                problems.append(_over_budget(f"{name}/{parts[-1]}", "/".join(parts), origin))
                break
            problems.append(error(f"{name}/{parts[-1]}", None, None, "/".join(parts), exc.kod, **dict(exc.param)))
            continue
        except xlsx.MemberError as exc:
            problems.append(error(f"{name}/{parts[-1]}", None, None, "/".join(parts), exc.kod, **dict(exc.param)))
            continue
        if Path(parts[-1]).suffix.lower() == ".xlsx" and not content.startswith(_XLSX_MAGIC):
            problems.append(error(f"{name}/{parts[-1]}", None, None, "/".join(parts), "upload_not_xlsx"))
            continue
        budget.left -= len(content)
        found.append(_Candidate(origin, parts[-1], content))
    if not found and not any(p.is_error for p in problems):
        problems.append(error(name, None, None, None, "upload_no_files"))
    return found, problems


def unpack(name: str, data: bytes) -> tuple[list[tuple[str, bytes]], list[Problem]]:
    """Uploaded files as (name, bytes); a .zip of a project folder gives its files (never its hidden ones)."""
    found, problems = _unpack(name, data, _Budget(MAX_UPLOAD_BYTES))
    return [(c.name, c.data) for c in found], problems


def _shown(value, kind: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if kind == schema.AMOUNT:
            return formatting.number(value, 0 if value.is_integer() else 2)
        return str(int(value)) if value.is_integer() else formatting.number(value, 2).rstrip("0")
    return str(value)


def _row_frame(
    spec: schema.FileSpec, frame: pd.DataFrame, rows: list[tuple[str, int, pd.DataFrame]], limit: int
) -> pd.DataFrame:
    """The listed rows, each as text under the file's own column names, after a column saying how it changed."""
    kinds = {c.key: c.kind for c in spec.columns}
    names = {c.key: c.name for c in spec.columns}
    names.update({"konto_fran": "Konto från", "konto_till": "Konto till"})
    records = []
    for how, position, source in rows[:limit]:
        record = {"andring": how}
        for key, value in zip(frame.columns, source.iloc[position].tolist(), strict=True):
            record[names.get(key, key)] = _shown(value, kinds.get(key, schema.TEXT))
        records.append(record)
    return pd.DataFrame(records, columns=["andring", *[names.get(k, k) for k in frame.columns]])


def _compare(spec: schema.FileSpec, before: pd.DataFrame, after: pd.DataFrame, has_id: bool) -> Change:
    old_rows = [tuple(map(str, r)) for r in before.itertuples(index=False)]
    new_rows = [tuple(map(str, r)) for r in after.itertuples(index=False)]
    listed: list[tuple[str, int, pd.DataFrame]] = []
    if has_id:
        old = {r[0]: i for i, r in enumerate(old_rows)}
        new = {r[0]: i for i, r in enumerate(new_rows)}
        changed = [k for k in new if k in old and old_rows[old[k]] != new_rows[new[k]]]
        added = [k for k in new if k not in old]
        removed = [k for k in old if k not in new]
        for key in changed:
            listed += [("fore", old[key], before), ("efter", new[key], after)]
        listed += [("tillagd", new[k], after) for k in added] + [("borttagen", old[k], before) for k in removed]
        return Change(
            spec.filename,
            len(before),
            len(after),
            len(added),
            len(removed),
            len(changed),
            _row_frame(spec, before, listed, SHOWN_ROWS),
            len(listed),
        )
    left: dict[tuple, list[int]] = {}
    for i, row in enumerate(old_rows):
        left.setdefault(row, []).append(i)
    added_at = []
    for i, row in enumerate(new_rows):
        if left.get(row):
            left[row].pop()
        else:
            added_at.append(i)
    removed_at = sorted(i for positions in left.values() for i in positions)
    listed = [("tillagd", i, after) for i in added_at] + [("borttagen", i, before) for i in removed_at]
    return Change(
        spec.filename,
        len(before),
        len(after),
        len(added_at),
        len(removed_at),
        None,
        _row_frame(spec, before, listed, SHOWN_ROWS),
        len(listed),
    )


def _totals(project: Project) -> dict[str, float]:
    """Key totals by the i18n key of their label."""
    if not project.usable:
        return {}
    totals = project.frame("project_totals").iloc[0]
    financiers = project.frame("financiers")
    return {
        "metric.budget": float(totals.budget_kr),
        "col.commitment": float(financiers.atagande_kr.sum()),
        "metric.spent": float(totals.upparbetat_kr),
        "col.claimed": float(financiers.rekvirerat_kr.sum()),
        "col.paid": float(financiers.inbetalt_kr.sum()),
    }


def _targets(uploads: list[tuple[str, bytes]], result: Preview) -> dict[str, list[tuple[_Candidate, str]]]:
    """Every uploaded file by the project file it would replace (its stem, or projekt.toml)."""
    budget = _Budget(MAX_UPLOAD_BYTES)
    targets: dict[str, list[tuple[_Candidate, str]]] = {}
    for name, data in uploads:
        found, problems = _unpack(name, data, budget)
        result.problems += problems
        for candidate in found:
            if candidate.name.lower() == TOML:
                targets.setdefault(TOML, []).append((candidate, TOML))
                continue
            spec = recognise(candidate.name, candidate.data)
            if spec is None:
                result.problems.append(error(candidate.name, None, None, None, "upload_unknown_file"))
                continue
            targets.setdefault(spec.stem, []).append((candidate, target_name(spec, candidate.name, candidate.data)))
    return targets


def preview(folder: Path, current: Project, uploads: list[tuple[str, bytes]], by: access.Access) -> Preview:
    """Check uploads against a copy of the project; nothing in the project folder changes."""
    by.require(access.UPLOAD)
    folder = Path(folder)
    result = Preview()
    for key, found in _targets(uploads, result).items():
        if len(found) > 1:
            # Two candidates for one file: which one is meant is the user's to say, never ours to guess.
            filename = TOML if key == TOML else schema.FILES_BY_STEM[key].filename
            origins = [c.origin for c, _ in found]
            result.problems.append(
                error(
                    filename,
                    None,
                    None,
                    ", ".join(origins),
                    "upload_ambiguous",
                    file=filename,
                    count=len(found),
                    origins=tuple(origins),
                )
            )
            continue
        [(candidate, target)] = found
        result.files[target] = candidate.data
        if key != TOML:
            # The other formats of the same export must go, or one would shadow the new one.
            for other in (f"{key}{suffix}" for suffix in reading.SUFFIXES):
                if other != target and (folder / other).exists():
                    result.files[other] = None
        label = candidate.name if candidate.name not in result.recognised else candidate.origin
        result.recognised[label] = target
    if not result.files:
        return result
    base = publishing.project_files(folder)
    result.base = {name: publishing.sha256(data) for name, data in base.items()}
    result.checked = {
        name: publishing.sha256(data) if data is not None else None for name, data in result.files.items()
    }
    with tempfile.TemporaryDirectory(prefix="lagesbild-forhandsgranskning-") as workdir:
        candidate_folder = Path(workdir) / folder.name
        candidate_folder.mkdir()
        for name, data in {**base, **result.files}.items():
            if data is not None:
                (candidate_folder / name).write_bytes(data)
        new = load(candidate_folder, keep=False)  # a trial copy: its tables are not kept
        result.notes = new.notes
        _check(result, current, new)
    return result


def _check(result: Preview, current: Project, new: Project) -> None:
    touched = {schema.fold(Path(t).stem) for t in result.files}
    # Problems of the new files, and of files whose cross-file checks the new files decide.
    result.problems += [
        p
        for p in new.problems
        if schema.fold(Path(p.fil).stem) in touched or (p.is_error and p not in current.problems)
    ]
    if current.usable and new.usable:
        for spec in schema.FILES:
            if spec.stem in touched:
                has_id = spec.columns[0].key == "id"
                result.changes.append(_compare(spec, current.rows(spec.stem), new.rows(spec.stem), has_id))
    if new.usable and new.meta is not None and "utfall" in touched:
        result.rapportdatum = new.meta.rapportdatum
        if result.rapportdatum is not None:
            dates = [
                d.date() if isinstance(d, pd.Timestamp) else d for d in new.rows("utfall")["datum"].dropna().tolist()
            ]
            late = [d for d in dates if d > result.rapportdatum]
            result.late_rows, result.latest = len(late), max(late, default=None)
    before, after = _totals(current), _totals(new)
    result.totals = pd.DataFrame(
        {
            "matt": list(after or before),
            "fore_kr": [before.get(k) for k in (after or before)],
            "efter_kr": [after.get(k) for k in (after or before)],
        }
    )


def accept(folder: Path, checked: Preview, by: access.Access) -> publishing.Version:
    """Write a checked upload into the project, keeping what it replaces.

    Refused (PublishError) when the project has changed since the preview: then what would be
    published was never checked together, so the user must look again.
    """
    by.require(access.UPLOAD)
    if not checked.publishable:
        raise publishing.PublishError("has_errors")
    now = {name: publishing.sha256(data) if data is not None else None for name, data in checked.files.items()}
    if now != checked.checked:
        raise publishing.PublishError("changed")
    summary = {
        "fel": len(checked.errors),
        "varningar": len(checked.problems) - len(checked.errors),
        "filer": checked.recognised,
    }
    return publishing.publish(folder, checked.files, by.who, summary, expect=checked.base)


_REPORT_DATE = re.compile(
    r"^(?P<key>\s*rapportdatum\s*=\s*)(?P<value>[^#\r\n]*?)(?P<rest>\s*(#[^\r\n]*)?)$", re.MULTILINE
)


def move_report_date(folder: Path, rapportdatum: dt.date, by: access.Access) -> publishing.Version:
    """Set projekt.toml's rapportdatum, as a change of its own in the history; nothing else in the file moves."""
    by.require(access.UPLOAD)
    folder = Path(folder)
    files = publishing.project_files(folder)
    raw = files.get(TOML)
    if raw is None:
        raise publishing.PublishError("no_toml")
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    top = re.split(r"^\s*\[", text, maxsplit=1, flags=re.MULTILINE)[0]  # keys before the first [table]
    match = _REPORT_DATE.search(top)
    if match is None:
        raise publishing.PublishError("no_report_date")
    changed = text[: match.start("value")] + rapportdatum.isoformat() + text[match.end("value") :]
    if tomllib.loads(changed).get("rapportdatum") != rapportdatum:
        raise publishing.PublishError("report_date_not_moved")
    data = (b"\xef\xbb\xbf" if bom else b"") + changed.encode()
    expect = {name: publishing.sha256(content) for name, content in files.items()}
    return publishing.publish(
        folder, {TOML: data}, by.who, {"rapportdatum": rapportdatum.isoformat()}, reason="rapportdatum", expect=expect
    )
