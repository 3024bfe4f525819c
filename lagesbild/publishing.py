"""Changing a project folder safely: atomic multi-file publish, dated history, frozen meetings.

A publish writes every new file next to its target, records the renames in a journal, then
renames. A crash before the journal exists leaves the old version; a crash after it is rolled
forward by `recover`, so a project is always wholly the old or wholly the new version.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lagesbild import access
from lagesbild.problems import Refusal

STATE = ".lagesbild"
JOURNAL = "publicering.json"
HISTORY = "historik"
MEETINGS = "moten"
MANIFEST = "manifest.json"
_PENDING = ".ny"
LOCAL_ZONE = "Europe/Stockholm"


class PublishError(Refusal):
    """A change that cannot be made: the code of its reason, "refusal.<kod>", shown in the user's language."""


@dataclass(frozen=True)
class Version:
    """One entry of a project's history: the files one change replaced, as they were before it."""

    id: str
    path: Path
    manifest: dict

    @property
    def time(self) -> str:
        return self.manifest.get("tid", "")

    @property
    def local_time(self) -> str:
        """When the change was made, to the minute, in Swedish time (the manifest keeps UTC)."""
        try:
            when = dt.datetime.fromisoformat(self.time)
        except ValueError:
            return self.time
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        try:
            from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

            return when.astimezone(ZoneInfo(LOCAL_ZONE)).strftime("%Y-%m-%d %H:%M")
        except ZoneInfoNotFoundError:  # a machine without the time zone database
            return when.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")

    @property
    def files(self) -> list[str]:
        return [f["fil"] for f in self.manifest.get("filer", [])]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_durably(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Only one change at a time per project, across processes."""
    state = folder / STATE
    state.mkdir(exist_ok=True)
    with open(state / "lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _apply(folder: Path, journal: dict) -> None:
    for step in journal["steg"]:
        target = folder / step["fil"]
        if step["ny"] is None:
            target.unlink(missing_ok=True)
        else:
            pending = folder / step["ny"]
            if pending.exists():
                os.replace(pending, target)
    _fsync_dir(folder)
    history_tmp, history = folder / journal["historik_tmp"], folder / journal["historik"]
    if history_tmp.exists():
        os.replace(history_tmp, history)
        _fsync_dir(history.parent)
    (folder / STATE / JOURNAL).unlink()
    _fsync_dir(folder / STATE)


def _clean(folder: Path) -> None:
    for leftover in folder.glob(f".*{_PENDING}"):
        leftover.unlink(missing_ok=True)
    (folder / STATE / f"{JOURNAL}.tmp").unlink(missing_ok=True)
    for area in (HISTORY, MEETINGS):
        for leftover in (folder / STATE / area).glob("*.tmp"):
            _remove_tree(leftover)


def _remove_tree(path: Path) -> None:
    for child in path.rglob("*"):
        child.chmod(stat.S_IRWXU)
    path.chmod(stat.S_IRWXU)
    shutil.rmtree(path)


def recover(folder: Path) -> None:
    """Finish a publish that was interrupted after its journal was written; drop half-written files."""
    folder = Path(folder)
    state = folder / STATE
    if not (
        (state / JOURNAL).exists()
        or (state / f"{JOURNAL}.tmp").exists()
        or any(folder.glob(f".*{_PENDING}"))
        or any(state.glob(f"{HISTORY}/*.tmp"))
        or any(state.glob(f"{MEETINGS}/*.tmp"))
    ):
        return
    with _locked(folder):
        journal_path = folder / STATE / JOURNAL
        if journal_path.exists():
            _apply(folder, json.loads(journal_path.read_text(encoding="utf-8")))
        _clean(folder)


def _stamp() -> str:
    # Microseconds, so that ids sort in the order the changes were made even within one second.
    now = dt.datetime.now(dt.UTC)
    return now.strftime("%Y%m%dT%H%M%S%f") + f"-{secrets.token_hex(2)}"


def _safe_name(name: str) -> str:
    if not name or name != Path(name).name or name.startswith(".") or "/" in name or "\\" in name:
        raise PublishError("bad_name", name=repr(name))
    return name


def publish(
    folder: Path,
    files: dict[str, bytes | None],
    who: str,
    summary: dict | None = None,
    reason: str = "uppladdning",
    expect: dict[str, str] | None = None,
) -> Version:
    """Replace (or with None, remove) files of a project all at once; keep what they replaced.

    With expect (the SHA-256 of every project file, by name, as the change was checked against),
    the change is refused with PublishError when the folder no longer holds exactly those files:
    checked under the lock, so no other change can slip in between.
    """
    folder = Path(folder)
    for name in files:
        _safe_name(name)  # before anything is written, so a bad name leaves nothing behind
    recover(folder)
    with _locked(folder):
        if expect is not None and fingerprint(folder) != expect:
            raise PublishError("stale")
        stamp = _stamp()
        history_rel = Path(STATE) / HISTORY / stamp
        history_tmp = folder / STATE / HISTORY / f"{stamp}.tmp"
        history_tmp.mkdir(parents=True)
        steps, listed = [], []
        for name, data in sorted(files.items()):
            target = folder / _safe_name(name)
            before = target.read_bytes() if target.exists() else None
            if before is not None:
                _write_durably(history_tmp / name, before)
            pending = None
            if data is not None:
                pending = f".{name}.{secrets.token_hex(4)}{_PENDING}"
                _write_durably(folder / pending, data)
            steps.append({"fil": name, "ny": pending})
            listed.append(
                {
                    "fil": name,
                    "sha256_fore": sha256(before) if before is not None else None,
                    "sha256_efter": sha256(data) if data is not None else None,
                }
            )
        manifest = {
            "tid": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "vem": who,
            "orsak": reason,
            "filer": listed,
            "validering": summary or {},
        }
        _write_durably(history_tmp / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
        _fsync_dir(history_tmp)
        journal = {"steg": steps, "historik_tmp": str(history_tmp.relative_to(folder)), "historik": str(history_rel)}
        journal_tmp = folder / STATE / f"{JOURNAL}.tmp"
        _write_durably(journal_tmp, json.dumps(journal).encode())
        os.replace(journal_tmp, folder / STATE / JOURNAL)
        _fsync_dir(folder / STATE)
        _apply(folder, journal)
    return Version(stamp, folder / history_rel, manifest)


def history(folder: Path, by: access.Access) -> list[Version]:
    """Every change of a project, newest first."""
    by.require(access.HISTORY)
    root = Path(folder) / STATE / HISTORY
    versions = []
    for entry in root.glob("*") if root.is_dir() else []:
        if entry.is_dir() and not entry.name.endswith(".tmp") and (entry / MANIFEST).is_file():
            manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
            versions.append(Version(entry.name, entry, manifest))
    return sorted(versions, key=lambda v: (v.time, v.id), reverse=True)


def restore(folder: Path, version: Version, by: access.Access) -> Version:
    """Put back the files one change replaced (and remove those it added), as a change of its own."""
    by.require(access.HISTORY)
    files: dict[str, bytes | None] = {}
    for listed in version.manifest["filer"]:
        kept = version.path / listed["fil"]
        files[listed["fil"]] = kept.read_bytes() if listed["sha256_fore"] is not None else None
    return publish(folder, files, by.who, reason=f"återställning av {version.id}")


def project_files(folder: Path) -> dict[str, bytes]:
    """The project's own files (projekt.toml, exports, README), not its history."""
    return {
        p.name: p.read_bytes() for p in sorted(Path(folder).iterdir()) if p.is_file() and not p.name.startswith(".")
    }


def fingerprint(folder: Path) -> dict[str, str]:
    """The SHA-256 of each of the project's own files, by name: what a change is checked against."""
    return {name: sha256(data) for name, data in project_files(folder).items()}


def freeze(folder: Path, meeting: dt.date, by: access.Access) -> Path:
    """Keep the whole project as it is now for a steering meeting; the copy is read-only."""
    by.require(access.FREEZE)
    folder = Path(folder)
    recover(folder)
    with _locked(folder):
        target = folder / STATE / MEETINGS / meeting.isoformat()
        if target.exists():
            raise PublishError("frozen", meeting=meeting.isoformat())
        tmp = target.with_name(f"{target.name}.tmp")
        tmp.mkdir(parents=True)
        files = project_files(folder)
        for name, data in files.items():
            _write_durably(tmp / name, data)
        manifest = {
            "tid": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "vem": by.who,
            "mote": meeting.isoformat(),
            "filer": [{"fil": n, "sha256": sha256(d)} for n, d in files.items()],
        }
        _write_durably(tmp / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
        for child in tmp.iterdir():
            child.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        _fsync_dir(tmp)
        os.replace(tmp, target)
        target.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
        _fsync_dir(target.parent)
    return target


def frozen_meetings(folder: Path) -> dict[dt.date, Path]:
    """Frozen snapshots by meeting date."""
    root = Path(folder) / STATE / MEETINGS
    found = {}
    for entry in root.iterdir() if root.is_dir() else []:
        with contextlib.suppress(ValueError):
            if entry.is_dir() and (entry / MANIFEST).is_file():
                found[dt.date.fromisoformat(entry.name)] = entry
    return dict(sorted(found.items()))
