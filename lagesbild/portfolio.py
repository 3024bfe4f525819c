"""The portfolio: one line of key figures per project, kept on disk so 300 projects open fast."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from lagesbild import catalog, overview, publishing
from lagesbild.project import load
from lagesbild.statuses import AT_RISK, BEHIND, ON_TRACK, REACHED
from lagesbild.summary import number

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
    r = project.as_of()
    totals = project.frame("project_totals", r).iloc[0]
    indicators = project.frame("indicators", r)
    activities, influence = (
        project.frame("activity_counts_by_status", r),
        project.frame("influence_counts_by_status", r),
    )
    counts = overview.flag_counts(activities, influence, indicators, project.frame("decisions", r))
    by_status = overview.status_counts(indicators.status)
    counted = dict(zip(by_status.status, by_status.antal, strict=True))
    latest = project.frame("latest_cost_date").senaste_datum.iloc[0]
    line.update(
        {
            "namn": meta.kortnamn,
            "start": meta.start.isoformat(),
            "slut": meta.slut.isoformat(),
            "rapportdatum": r.isoformat(),
            "budget_kr": number(totals.budget_kr),
            "upparbetat_kr": number(totals.upparbetat_kr),
            "avvikelse_kr": number(totals.avvikelse_kr),
            "prognos_kr": number(totals.prognos_kr),
            **{f"indikatorer_{s}": int(counted.get(s, 0)) for s in (REACHED, ON_TRACK, AT_RISK, BEHIND)},
            "forsenade": int(counts.forsenade_poster),
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
