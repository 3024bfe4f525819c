"""The portfolio: one line of key figures per project, kept on disk so 300 projects open fast."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from lagesbild import catalog, publishing
from lagesbild.project import load
from lagesbild.statuses import AT_RISK, BEHIND, LATE, ON_TRACK, REACHED
from lagesbild.summary import summary

CACHE = "portfolj.json"
# Bumped when the figures below change meaning, so that old cached lines are recomputed.
VERSION = 1


def compute(folder: Path) -> dict:
    """The portfolio line of one project, from a full load."""
    project = load(folder)
    try:
        return _line(project, folder)
    finally:
        if project.con is not None:
            project.con.close()


def _line(project, folder: Path) -> dict:
    line = {"id": folder.name, "namn": folder.name, "fel": len(project.errors)}
    if not project.usable:
        return line
    meta = project.meta
    figures = summary(project)
    statuses = [i["status"] for i in figures["indikatorer"]]
    overdue = (
        figures["aktiviteter"].get(LATE, 0)
        + figures["paverkan"]["forsenade"]
        + int(project.frame("decisions").forsenat.fillna(False).sum())
    )
    latest = project.frame("latest_cost_date").senaste_datum.iloc[0]
    line.update(
        {
            "namn": meta.kortnamn,
            "start": meta.start.isoformat(),
            "slut": meta.slut.isoformat(),
            "rapportdatum": project.rapportdatum.isoformat(),
            "budget_kr": figures["budget"],
            "upparbetat_kr": figures["upparbetat"],
            "avvikelse_kr": figures["avvikelse"],
            "prognos_kr": figures["prognos"],
            **{f"indikatorer_{s}": statuses.count(s) for s in (REACHED, ON_TRACK, AT_RISK, BEHIND)},
            "forsenade": overdue,
            "senaste_data": latest.date().isoformat() if hasattr(latest, "date") else None,
        }
    )
    return line


def line(folder: Path) -> dict:
    """The portfolio line of one project: from its cache file when the files are unchanged."""
    fingerprint = catalog.fingerprint(folder)
    cache = folder / publishing.STATE / CACHE
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        if stored.get("fingerprint") == fingerprint and stored.get("version") == VERSION:
            return stored["rad"]
    except (OSError, ValueError, KeyError):
        pass
    computed = compute(folder)
    try:
        cache.parent.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=cache.parent, delete=False, encoding="utf-8") as handle:
            json.dump({"fingerprint": fingerprint, "version": VERSION, "rad": computed}, handle, ensure_ascii=False)
        os.replace(handle.name, cache)
    except OSError:  # a read-only data folder: computed again next time
        pass
    return computed
