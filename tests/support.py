"""Helpers shared by the tests: the repository, its example projects and a small valid project to vary."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
STRACKET = DATA / "stracket"
BERGSLAGET = DATA / "bergslaget-2023"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The smallest project that validates with no errors and no warnings. Every file of the
# contract is present so that a test can break exactly one of them. The period runs
# 2025-02-01 – 2027-01-31 while budget and financing cover 2025 and 2026 only, so that a
# cost dated January 2025 is outside the period in a financed year, and one dated January
# 2027 is inside the period in a year without financing.
MINIMAL: dict[str, str] = {
    "projekt.toml": """\
namn = "Testprojekt"
kortnamn = "Test"
projektagare = "Region Test"
start = 2025-02-01
slut = 2027-01-31
rapportdatum = 2025-12-31
styrgruppsmoten = [2025-06-01]
""",
    "budget.csv": """\
Kostnadsslag;År;Belopp
Personal;2025;100000
Köpta tjänster;2025;50000
Personal;2026;100000
Köpta tjänster;2026;50000
""",
    "finansiering.csv": """\
Finansiär;År;Belopp;Typ;Maxandel;Tak
Region Test;2025;75000;Regional;50;150000
Kommun Test;2025;75000;Kommunal;;
Region Test;2026;75000;Regional;50;150000
Kommun Test;2026;75000;Kommunal;;
""",
    "utfall.csv": """\
Datum;Konto;Kostnadsslag;Verifikation;Text;Belopp
2025-03-31;;Personal;V1;Lön mars;40000,00
2025-06-30;6550;;V2;Konsult juni;12500,50
""",
    "konton.csv": """\
Konto;Kostnadsslag
6000-6999;Köpta tjänster
""",
    "inbetalningar.csv": """\
Datum;Finansiär;Belopp;Typ;Avser
2025-09-30;Region Test;20000;Rekvirerat;2025
""",
    "mal.csv": """\
Id;Nivå;Förälder;Text
M1;Projektmål;;Ett projektmål
M2;Delmål;M1;Ett delmål
""",
    "indikatorer.csv": """\
Id;Mål;Namn;Enhet;Utgångsvärde;Målvärde;Måldatum;Riktning;Räknas från
I1;M2;Deltagare;antal;0;100;2026-12-31;Öka;
I2;M2;Arbetsmöten;antal;0;4;2026-12-31;Öka;Arbetsmöte
""",
    "indikatorvarden.csv": """\
Indikator;Datum;Värde;Kvinnor;Män;Kommentar
I1;2025-06-30;20;12;8;
""",
    "aktiviteter.csv": """\
Id;Område;Aktivitet;Mål;Ansvarig;Start;Slut;Status;Andel klar;Kommentar
A1;Område 1;Första aktiviteten;M2;Projektledare;2025-02-01;2025-12-31;Pågår;50;
""",
    "paverkan.csv": """\
Id;Fråga;Mottagare;Nivå;Kanal;Ansvarig;Status;Datum;Sista svarsdag;Diarienummer;\
Medundertecknare;Prioritet;Nästa steg;Resultat;Länk
P1;En fråga;Departementet;Nationell;Remissvar;Projektledare;Genomförd;2025-05-01;;;\
Region Test;Hög;;Ej bedömt;
""",
    "motesplatser.csv": """\
Datum;Rubrik;Typ;Målgrupp;Format;Kvinnor;Män;Annat;Organisationer;Aktivitet
2025-05-01;Första mötet;Arbetsmöte;Tjänstepersoner;Digitalt;3;2;0;4;A1
""",
    "risker.csv": """\
Id;Risk;Sannolikhet;Konsekvens;Åtgärd;Ansvarig;Status
R1;En risk;2;3;En åtgärd;Projektledare;Öppen
""",
    "beslut.csv": """\
Id;Datum;Beslut;Ansvarig;Deadline;Status
B1;2025-02-01;Ett beslut;Styrgruppen;2025-03-01;Klar
""",
}


def write_project(tmp_path: Path, base: str | Path | None = "minimal", name: str = "projekt",
                  **files: str | bytes | None) -> Path:
    """A project folder tmp_path/name: a copy of base with some files replaced.

    base is "minimal" (MINIMAL above), a folder to copy (e.g. STRACKET) or None (empty).
    Each keyword names a file: `utfall="..."` writes utfall.csv, `projekt="..."` writes
    projekt.toml, `utfall_xlsx=b"..."` writes utfall.xlsx. A str is written as UTF-8, bytes
    as they are, and None deletes the file. name must be a valid project id (a–z, 0–9, -).
    """
    folder = tmp_path / name
    if isinstance(base, Path):
        shutil.copytree(base, folder)
    else:
        folder.mkdir(parents=True)
        if base == "minimal":
            for filename, text in MINIMAL.items():
                (folder / filename).write_text(text, encoding="utf-8")
    for key, content in files.items():
        filename = "projekt.toml" if key == "projekt" else (
            key.replace("_xlsx", ".xlsx") if key.endswith("_xlsx") else f"{key}.csv")
        path = folder / filename
        if content is None:
            path.unlink(missing_ok=True)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def csv_rows(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    """A semicolon-separated file read with the csv module, to check figures independently."""
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def kronor(text: str) -> Decimal:
    """A plain Swedish amount such as 1 800 000 or 12500,50 as a Decimal."""
    return Decimal(text.replace(" ", "").replace("\u00a0", "").replace(",", ".") or "0")


def nodes(node) -> Iterator:
    """Every element below an AppTest node, depth first."""
    for _, child in sorted(getattr(node, "children", {}).items()):
        yield child
        yield from nodes(child)
