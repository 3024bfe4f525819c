"""Generated project folders: a ledger of any size, its SIE twin, many activities."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "stracket"
SEED = 20261031

FIRST_DAY = dt.date(2025, 4, 1)
LAST_DAY = dt.date(2026, 10, 31)
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
# Every account is covered by data/stracket/konton.csv; each text needs å/ä/ö, some need '–',
# which Windows-1252 has (0x96) and Latin-1 has not, so the file must really be decoded.
ACCOUNT_TEXTS = {
    "7010": ("Lön {manad} projektledare", "Lön {manad} kommunikatör"),
    "7090": ("Förändring semesterlöneskuld {manad}", "Semesterlön – justering"),
    "7410": ("Pensionspremie {manad} – projektledare",),
    "7510": ("Arbetsgivaravgifter {manad}",),
    "7530": ("Särskild löneskatt på pensionskostnader",),
    "6550": ("Konsultarvode processtöd – Sweco", "Expertstöd färdriktning {manad}"),
    "6590": ("Tryck och lokalhyra mötesplats", "Övriga externa tjänster {manad}"),
    "5800": ("Resor Örebro–Karlstad {manad}", "Parkeringsavgift Örebro"),
    "5810": ("Tåg Örebro–Karlstad arbetsgrupp", "Tåg Karlskoga–Stockholm möte Trafikverket"),
    "5830": ("Hotell Karlstad övernattning", "Logi Almedalen – Visby"),
}
AREAS = (
    "Kunskapsunderlag och färdriktning",
    "Omvärldsbevakning",
    "Mötesplatser för dialog och samverkan",
    "Kommunikation",
    "Påverkansarbete",
    "Uppföljning och utvärdering",
)
GOALS = ("Ö1", "Ö2", "P1", "D1", "D2", "D3")  # the Ids of data/stracket/mal.csv
OWNERS = ("Projektledare", "Kommunikatör", "Extern konsult", "Styrgruppen")
STATUSES = ("Ej påbörjad", "Pågår", "Klar", "Pausad", "Struken")


def ledger_text(rows: int, seed: int = SEED) -> str:
    """utfall.csv as a finance system exports it (before encoding): ';', CRLF, decimal comma."""
    rng = random.Random(seed)
    days = [(FIRST_DAY + dt.timedelta(days=d)) for d in range((LAST_DAY - FIRST_DAY).days + 1)]
    day_text = [d.isoformat() for d in days]
    day_month = [MONTHS[d.month - 1] for d in days]
    accounts = list(ACCOUNT_TEXTS)
    lines = ["Datum;Konto;Verifikation;Text;Belopp"]
    for n in range(1, rows + 1):
        day = rng.randrange(len(days))
        account = accounts[rng.randrange(len(accounts))]
        texts = ACCOUNT_TEXTS[account]
        text = texts[rng.randrange(len(texts))].format(manad=day_month[day])
        ore = rng.randrange(10_000, 6_000_000)
        sign = "-" if rng.random() < 0.03 else ""  # a few credits and corrections
        lines.append(f"{day_text[day]};{account};V{n:07d};{text};{sign}{ore // 100},{ore % 100:02d}")
    return "\r\n".join(lines) + "\r\n"


def sie_bytes(ledger: str) -> bytes:
    """The rows of a generated utfall.csv as an SIE 4 file (CP437): one #VER with one #TRANS per row."""
    lines = [
        "#FLAGGA 0",
        '#PROGRAM "Lägesbild benchmark" 1',
        "#FORMAT PC8",
        "#SIETYP 4",
        '#FNAMN "Region Exempel"',
        '#KONTO 7010 "Löner"',
    ]
    for n, row in enumerate(ledger.split("\r\n")[1:], start=1):
        if not row:
            continue
        datum, konto, _, text, belopp = row.split(";")
        day = datum.replace("-", "")
        lines += [f'#VER A {n} {day} "{text}"', "{", f"   #TRANS {konto} {{}} {belopp.replace(',', '.')}", "}"]
    return ("\r\n".join(lines) + "\r\n").encode("cp437", errors="replace")


def activities_bytes(rows: int, seed: int = SEED) -> bytes:
    """aktiviteter.csv in UTF-8 with unique Ids, known goals, value-set statuses and Slut ≥ Start."""
    rng = random.Random(seed + 1)
    start_days = (dt.date(2028, 6, 30) - FIRST_DAY).days
    lines = ["Id;Område;Aktivitet;Mål;Ansvarig;Start;Slut;Status;Andel klar;Kommentar"]
    for n in range(1, rows + 1):
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(start_days))
        end = min(start + dt.timedelta(days=rng.randrange(14, 700)), dt.date(2028, 8, 31))
        status = STATUSES[rng.randrange(len(STATUSES))]
        done = {"Klar": 100, "Ej påbörjad": 0}.get(status, rng.randrange(0, 100, 5))
        comment = "" if rng.random() < 0.5 else f"Avstämd med styrgruppen – delrapport {n}"
        lines.append(
            f"A{n};{AREAS[n % len(AREAS)]};Delaktivitet {n}: möten och underlag för stråket;"
            f"{GOALS[rng.randrange(len(GOALS))]};{OWNERS[rng.randrange(len(OWNERS))]};"
            f"{start.isoformat()};{end.isoformat()};{status};{done};{comment}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def make_folder(target: Path, files: dict[str, bytes]) -> Path:
    """A copy of data/stracket with some of its files replaced."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in SOURCE.iterdir():
        if path.is_file() and path.suffix.lower() in (".toml", ".csv"):
            shutil.copy2(path, target / path.name)
    for name, data in files.items():
        (target / name).write_bytes(data)
    return target
