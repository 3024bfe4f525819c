"""Command line: `validate DIR` lists every problem; `summary DIR --json` prints the figures."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from lagesbild import project as projects
from lagesbild.summary import summary


def _validate(folder: Path) -> int:
    project = projects.load(folder)
    for problem in project.problems:
        print(problem.text())
    errors, warnings = len(project.errors), len(project.warnings)
    print(f"{folder}: {errors} fel, {warnings} varningar")
    return 1 if errors else 0


def _summary(folder: Path, as_json: bool, rapportdatum: dt.date | None) -> int:
    project = projects.load(folder)
    if not project.usable:
        for problem in project.errors:
            print(problem.text(), file=sys.stderr)
        return 1
    figures = summary(project, rapportdatum)
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        from lagesbild import formatting as f

        print(figures["projekt"]["namn"])
        print(f"Rapportdatum: {figures['projekt']['rapportdatum']}")
        for label, key in (("Budget", "budget"), ("Plan till datum", "plan_till_datum"),
                           ("Upparbetat", "upparbetat"), ("Avvikelse", "avvikelse"),
                           ("Prognos vid projektslut", "prognos")):
            print(f"{label}: {f.kr(figures[key])}")
    if project.errors:
        print(f"Obs: data har {len(project.errors)} fel – kör validate", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lagesbild", description="Lägesbild")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kontrollera en projektmapp")
    validate.add_argument("folder", type=Path)
    summarize = commands.add_parser("summary", help="skriv ut nyckeltalen")
    summarize.add_argument("folder", type=Path)
    summarize.add_argument("--json", action="store_true", help="som JSON")
    summarize.add_argument("--rapportdatum", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"Mappen {args.folder} finns inte", file=sys.stderr)
        return 2
    if args.command == "validate":
        return _validate(args.folder)
    return _summary(args.folder, args.json, args.rapportdatum)
