"""Command line: validate, summary, the meeting pack, the claim for a period, and e-mailing the pack.

`validate DIR [--lang en]` lists every problem; `summary DIR --json` prints the figures; `pack DIR --out F.pdf`
writes the meeting pack; `rapport DIR --period N --out F.xlsx|F.pdf` writes the claim of a period;
`skicka DIR` e-mails the meeting pack to the recipients in .streamlit/secrets.toml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from lagesbild import i18n
from lagesbild import project as projects
from lagesbild.summary import summary


def _validate(folder: Path, lang: str) -> int:
    project = projects.load(folder)
    for problem in [*project.problems, *project.notes]:
        print(problem.text(lang))
    errors, warnings = len(project.errors), len(project.warnings)
    print(f"{folder}: {i18n.t('count.errors', lang, n=errors)}, {i18n.t('count.warnings', lang, n=warnings)}")
    return 1 if errors else 0


def _load(folder: Path, lang: str = "sv") -> projects.Project | None:
    """The project, or None after printing (in lang) why no figures can be made from it."""
    project = projects.load(folder)
    if not project.usable:
        _why_unusable(project, lang)
        return None
    return project


def _why_unusable(project: projects.Project, lang: str) -> None:
    for problem in project.errors:
        print(problem.text(lang), file=sys.stderr)


def _note_errors(project: projects.Project, lang: str = "sv") -> None:
    if project.errors:
        print(i18n.t("cli.errors_note", lang, n=len(project.errors)), file=sys.stderr)


def _summary(folder: Path, as_json: bool, rapportdatum: dt.date | None, lang: str) -> int:
    project = projects.load(folder)
    if not project.usable:
        _why_unusable(project, lang)
        if as_json:  # no figures without a readable projekt.toml, but a script still reads why
            print(json.dumps({"problem": {"fel": len(project.errors), "varningar": len(project.warnings)}}))
        return 1
    figures = summary(project, rapportdatum)
    if as_json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        from lagesbild import formatting as f

        print(figures["projekt"]["namn"])
        print(f"{i18n.t('control.report_date', lang)}: {figures['projekt']['rapportdatum']}")
        with f.language(lang):
            for label, key in (
                ("metric.budget", "budget"),
                ("metric.plan", "plan_till_datum"),
                ("metric.spent", "upparbetat"),
                ("cli.deviation", "avvikelse"),
                ("metric.forecast", "prognos"),
            ):
                print(f"{i18n.t(label, lang)}: {f.kr(figures[key])}")
    _note_errors(project, lang)
    # A script must notice bad data even when it reads only the figures.
    return 1 if project.errors else 0


def _meeting(project: projects.Project, r: dt.date, meeting: dt.date | None) -> dt.date:
    from lagesbild import overview

    assert project.meta is not None
    return meeting or overview.next_meeting(project.meta.styrgruppsmoten, r)


def _write(out: Path, data: bytes, lang: str) -> int:
    try:
        out.write_bytes(data)
    except OSError as exc:
        print(i18n.t("cli.not_written", lang, path=str(out), reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(i18n.t("cli.written", lang, path=str(out)))
    return 0


def _pack(folder: Path, out: Path, rapportdatum: dt.date | None, meeting: dt.date | None, lang: str) -> int:
    from lagesbild import report

    project = _load(folder, lang)
    if project is None:
        return 1
    r = rapportdatum or project.rapportdatum
    assert r is not None
    code = _write(out, report.meeting_pack(project, r, _meeting(project, r, meeting), lang), lang)
    _note_errors(project, lang)
    return code


def _claim(folder: Path, number: int, out: Path, rapportdatum: dt.date | None, lang: str) -> int:
    from lagesbild import claim_report, claims

    if out.suffix.lower() not in (".xlsx", ".pdf"):
        print(i18n.t("cli.bad_out", lang, given=out.suffix or out.name), file=sys.stderr)
        return 2
    project = _load(folder, lang)
    if project is None:
        return 1
    try:
        chosen = claims.period(project, number, rapportdatum)
    except claims.NoSuchPeriod as exc:
        print(exc.text(lang), file=sys.stderr)
        return 2
    make = claim_report.claim_pdf if out.suffix.lower() == ".pdf" else claim_report.claim_excel
    code = _write(out, make(project, chosen, rapportdatum, lang=lang), lang)
    _note_errors(project, lang)
    return code


def _send(folder: Path, secrets: Path, rapportdatum: dt.date | None, meeting: dt.date | None, lang: str) -> int:
    from lagesbild import mail, report

    try:
        settings = mail.read_settings(secrets)
    except mail.MailError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 1
    project = _load(folder, lang)
    if project is None:
        return 1
    assert project.meta is not None
    r = rapportdatum or project.rapportdatum
    assert r is not None
    day = _meeting(project, r, meeting)
    pdf = report.meeting_pack(project, r, day, lang)
    name = project.meta.kortnamn
    subject = i18n.t("mail.subject", lang, name=name, date=day.isoformat())
    body = i18n.t("mail.body", lang, name=name, date=day.isoformat(), as_of=r.isoformat())
    if project.errors:
        body += i18n.t("mail.errors", lang, n=len(project.errors))
    message = mail.message(settings, subject, body, pdf, f"{project.id}-motesunderlag-{day.isoformat()}.pdf")
    try:
        mail.send(settings, message)
    except mail.MailError as exc:
        print(exc.text(lang), file=sys.stderr)
        return 1
    print(i18n.t("cli.sent", lang, to=", ".join(settings.mottagare)))
    _note_errors(project, lang)
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' är inget datum som 2026-10-31") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lagesbild", description="Lägesbild")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kontrollera en projektmapp")
    validate.add_argument("folder", type=Path)
    validate.add_argument("--lang", choices=("sv", "en"), default="sv")
    summarize = commands.add_parser("summary", help="skriv ut nyckeltalen")
    summarize.add_argument("folder", type=Path)
    summarize.add_argument("--json", action="store_true", help="som JSON")
    summarize.add_argument("--rapportdatum", type=_date, default=None)
    summarize.add_argument("--lang", choices=("sv", "en"), default="sv")
    pack = commands.add_parser("pack", help="skriv mötesunderlaget som PDF")
    pack.add_argument("folder", type=Path)
    pack.add_argument("--out", type=Path, required=True, help="PDF-filen att skriva")
    claim = commands.add_parser("rapport", help="skriv den ekonomiska rapporten för en rapportperiod")
    claim.add_argument("folder", type=Path)
    claim.add_argument("--period", type=int, required=True, help="periodens nummer, 1 = den första")
    claim.add_argument("--out", type=Path, required=True, help="en .xlsx- eller .pdf-fil")
    send = commands.add_parser("skicka", help="e-posta mötesunderlaget till mottagarna i secrets.toml")
    send.add_argument("folder", type=Path)
    send.add_argument(
        "--secrets",
        type=Path,
        default=Path(".streamlit") / "secrets.toml",
        help="filen med [lagesbild.smtp] (standard: .streamlit/secrets.toml)",
    )
    for sub in (pack, claim, send):
        sub.add_argument("--rapportdatum", type=_date, default=None)
        sub.add_argument("--lang", choices=("sv", "en"), default="sv")
    for sub in (pack, send):
        sub.add_argument("--mote", type=_date, default=None, help="mötets datum (standard: nästa styrgruppsmöte)")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(i18n.t("cli.no_folder", getattr(args, "lang", "sv"), folder=str(args.folder)), file=sys.stderr)
        return 2
    if args.command == "validate":
        return _validate(args.folder, args.lang)
    if args.command == "pack":
        return _pack(args.folder, args.out, args.rapportdatum, args.mote, args.lang)
    if args.command == "rapport":
        return _claim(args.folder, args.period, args.out, args.rapportdatum, args.lang)
    if args.command == "skicka":
        return _send(args.folder, args.secrets, args.rapportdatum, args.mote, args.lang)
    return _summary(args.folder, args.json, args.rapportdatum, args.lang)


def run(argv: list[str] | None = None) -> int:
    """main, ending quietly when whoever reads stdout stops reading (`… | head -1`).

    The exit code is then 141, what a shell reports for a program ended by SIGPIPE (128 + 13), so that a
    pipeline with `set -o pipefail` sees that not everything was written.
    """
    try:
        code = main(argv)
        sys.stdout.flush()  # a broken pipe shows here, not later at exit where it could not be caught
        return code
    except BrokenPipeError:
        # Python flushes stdout once more as it exits: that flush must find a file that takes the rest.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
