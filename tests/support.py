"""Helpers shared by the tests: the repository, its example projects and a small valid project to vary."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lagesbild import formatting

REPO = Path(__file__).resolve().parent.parent
DASHBOARD = REPO / "dashboard.py"
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


def write_project(
    tmp_path: Path, base: str | Path | None = "minimal", name: str = "projekt", **files: str | bytes | None
) -> Path:
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
        filename = (
            "projekt.toml"
            if key == "projekt"
            else (key.replace("_xlsx", ".xlsx") if key.endswith("_xlsx") else f"{key}.csv")
        )
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


# --------------------------------------------------------------------------- hostile uploads


def zip_of(members: list[tuple[str, bytes]], compression: int = 8) -> bytes:
    """A zip file of (member name, bytes), deflated unless compression says otherwise."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(members: int, expanded: int, name: str = "utfall{}.csv") -> bytes:
    """A small zip whose members each expand to `expanded` bytes of zeros, declaring it honestly."""
    import io
    import zipfile

    chunk = b"0" * 2**20
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for index in range(members):
            with archive.open(name.format(index if members > 1 else ""), "w", force_zip64=True) as member:
                left = expanded
                while left > 0:
                    member.write(chunk[:left])
                    left -= len(chunk)
    return buffer.getvalue()


def patch_zip_member(
    data: bytes, member: str, *, method: int | None = None, flags: int | None = None, size: int | None = None
) -> bytes:
    """A zip with one member's compression method, flag bits or declared size changed in both of its headers."""
    import struct

    raw = bytearray(data)
    name = member.encode()
    local = raw.find(b"PK\x03\x04")
    while local != -1:
        length = struct.unpack_from("<H", raw, local + 26)[0]
        if bytes(raw[local + 30 : local + 30 + length]) == name:
            if flags is not None:
                struct.pack_into("<H", raw, local + 6, flags)
            if method is not None:
                struct.pack_into("<H", raw, local + 8, method)
            if size is not None:
                struct.pack_into("<I", raw, local + 22, size)
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", raw, central + 28)[0]
        if bytes(raw[central + 46 : central + 46 + length]) == name:
            if flags is not None:
                struct.pack_into("<H", raw, central + 8, flags)
            if method is not None:
                struct.pack_into("<H", raw, central + 10, method)
            if size is not None:
                struct.pack_into("<I", raw, central + 24, size)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def zip_with_entries(count: int) -> bytes:
    """A zip whose central directory lists `count` empty members (and says so in its end record)."""
    import struct

    entry = struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
    directory = b"".join(entry + b"a" for _ in range(count))
    total = min(count, 0xFFFF)
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, total, total, len(directory), 0, 0)
    return directory + end


def xlsx_of(
    rows: list[list[object]],
    *,
    dimension: str | None = None,
    hidden_first: list[list[object]] | None = None,
    merged: tuple[str, ...] = (),
) -> bytes:
    """An Excel workbook: rows on its first visible sheet, optionally after a hidden sheet, a declared
    dimension (e.g. "A1:XFD1000") written into the sheet as another program might, and merged ranges."""
    import io
    import re
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    if hidden_first is not None:
        sheet.title = "Gammal"
        for row in hidden_first:
            sheet.append(row)
        sheet.sheet_state = "hidden"
        sheet = book.create_sheet("Utfall")
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    if dimension is None:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', f'<dimension ref="{dimension}"/>'.encode(), data)
            target.writestr(info.filename, data)
    return out.getvalue()


def xlsx_bomb(rows: int, cells_per_row: int = 1) -> bytes:
    """A small workbook whose one sheet holds `rows` rows of numbers: its XML expands far beyond its size."""
    import io
    import zipfile

    base = xlsx_of([["Datum", "Belopp"]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info.filename, source.read(info))
                continue
            with target.open(info.filename, "w", force_zip64=True) as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
                    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                )
                block = []
                for index in range(1, rows + 1):
                    cells = "".join(f'<c r="{chr(65 + c)}{index}"><v>1</v></c>' for c in range(cells_per_row))
                    block.append(f'<row r="{index}">{cells}</row>')
                    if len(block) == 10_000:
                        sheet.write("".join(block).encode())
                        block = []
                sheet.write("".join(block).encode() + b"</sheetData></worksheet>")
    return out.getvalue()


def plain(text: str) -> str:
    """Compare shown text with ordinary spaces: the app writes no-break spaces in numbers."""
    return str(text).replace("\u00a0", " ").replace("\u202f", " ")


def kr(value: float) -> str:
    return plain(formatting.kr(value))


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The displayed tables: DataFrames of the strings the user reads."""
    return [d.value.map(plain) for d in at.dataframe]


def table_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table that has all these column headers."""
    for df in tables(at):
        if set(columns) <= set(df.columns):
            return df
    raise AssertionError(f"no table with the columns {columns}")


def open_page(data: Path | None, page: str, before_page: Callable[[AppTest], None] | None = None) -> AppTest:
    """A fresh session on data (the LAGESBILD_DATA folder; None: as the environment has it) on pages/<page>.py."""
    with pytest.MonkeyPatch.context() as patch:
        if data is not None:
            patch.setenv("LAGESBILD_DATA", str(data))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.run()
        if before_page is not None:
            before_page(at)
        if page != "oversikt":
            at.switch_page(f"pages/{page}.py")
            at.run()
    assert not at.exception, at.exception
    return at


def tree_digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every file below folder, its history and frozen meetings included.

    Not the lock file, nor the store of validated tables (.lagesbild/lager/), a cache rebuilt from the files.
    """
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "lock" and "lager" not in p.relative_to(folder).parts[:2]
    }
