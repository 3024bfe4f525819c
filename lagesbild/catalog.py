"""The folder of projects: which projects exist and a fingerprint of each one's files."""

from __future__ import annotations

import hashlib
import os
import tomllib
from pathlib import Path

from lagesbild.config import TOML

REPO = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """LAGESBILD_DATA, else the repository's data/ folder."""
    return Path(os.environ.get("LAGESBILD_DATA") or REPO / "data").resolve()


def project_ids(folder: Path) -> list[str]:
    """Project folders (those holding projekt.toml) in a data folder, by name."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / TOML).is_file())


def fingerprint(project_folder: Path) -> str:
    """Changes whenever a file of the project is added, removed, replaced or edited."""
    digest = hashlib.sha256()
    for path in sorted(project_folder.iterdir()):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def _toml(folder: Path, project_id: str) -> dict:
    try:
        return tomllib.loads((folder / project_id / TOML).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return {}


def newest(folder: Path, ids: list[str]) -> str:
    """The project whose report date (else end date) is latest: the one to open first."""

    def when(project_id: str) -> str:
        data = _toml(folder, project_id)
        return str(data.get("rapportdatum") or data.get("slut") or "")

    return max(ids, key=lambda i: (when(i), i))


def short_name(folder: Path, project_id: str) -> str:
    """The project's kortnamn (else its folder name), for pickers."""
    return str(_toml(folder, project_id).get("kortnamn") or project_id)
