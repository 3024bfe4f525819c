"""Every file format of data contract §3 gives the same figures.

One small ledger and budget are written in each variant (delimiter, quoting, line ends,
encoding, number and date styles, sep= line, trailing ;;; lines, .xlsx, header spellings);
the rest of the project is the minimal one from support.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

import openpyxl
import pytest
from support import MINIMAL, write_project

from lagesbild import project as projects
from lagesbild.summary import summary

A, B, C = Decimal("1800000"), Decimal("1800000.50"), Decimal("-1250.00")

# Datum, Konto, Kostnadsslag, Verifikation, Belopp. The second row has only an account,
# which konton.csv (6000-6999) turns into Köpta tjänster.
LEDGER = [
    (dt.date(2025, 4, 30), "", "Personal", "V1", A),
    (dt.date(2025, 6, 30), "6550", "", "V2", B),
    (dt.date(2025, 12, 15), "", "Personal", "V3", C),
]
UPPARBETAT = A + B + C  # 1 800 000 + 1 800 000,50 − 1 250 = 3 598 750,50
PERSONAL = A + C  # 1 798 750
KOPTA_TJANSTER = B  # 1 800 000,50

BUDGET = [("Personal", 2025, A), ("Köpta tjänster", 2025, B), ("Personal", 2026, A), ("Köpta tjänster", 2026, B)]
BUDGET_TOTAL = 2 * (A + B)  # 7 200 001
FINANSIERING = """\
Finansiär;År;Belopp
Region Test;2025;1800000
Kommun Test;2025;1800000,50
Region Test;2026;1800000
Kommun Test;2026;1800000,50
"""
TEXTS = ("Lön april projektledare", "Konsult Örebro", "Kreditering Växjö")
CP1252_TEXTS = ("Lön april – projektledare", "Konsult Örebro 120 €", "Kreditering ‰ Växjö")

HEADERS = {
    "swedish": (("Datum", "Konto", "Kostnadsslag", "Verifikation", "Text", "Belopp"), ("Kostnadsslag", "År", "Belopp")),
    "english": (("date", "account", "cost_category", "voucher", "Text", "amount"), ("cost category", "year", "amount")),
    "folded": (("DATUM", "konto", "KostnadsSlag", "verifikation", "TEXT", "belopp"), ("KOSTNADSSLAG", "Ar", "belopp")),
}


def grouped(value: Decimal, sep: str, decimals: bool, minus: str = "-", point: str = ",") -> str:
    """A Decimal as 1 800 000,50 with the given thousands separator, minus and decimal mark."""
    whole, cents = f"{abs(value):.2f}".split(".")
    groups = f"{int(whole):,}".replace(",", sep)
    text = groups + (point + cents if decimals or cents != "00" else "")
    return (minus if value < 0 else "") + text


AMOUNTS: dict[str, Callable[[Decimal], str]] = {
    "plain": lambda v: grouped(v, "", decimals=False),  # 1800000, 1800000,50, -1250
    "spaces": lambda v: grouped(v, " ", decimals=v < 0),  # 1 800 000, -1 250,00
    "nbsp": lambda v: grouped(v, "\u00a0", decimals=False),
    "narrow-nbsp": lambda v: grouped(v, "\u202f", decimals=False),
    "dots": lambda v: grouped(v, ".", decimals=True),  # 1.800.000,50
    "decimal-comma": lambda v: grouped(v, "", decimals=True),  # 1800000,50
    "decimal-point": lambda v: grouped(v, "", decimals=True, point="."),  # 1800000.50
    "unicode-minus": lambda v: grouped(v, " ", decimals=True, minus="\u2212"),  # −1 250,00
    "kr": lambda v: grouped(v, " ", decimals=v < 0) + " kr",  # 1 800 000 kr
}
DATES: dict[str, Callable[[dt.date], str]] = {
    "iso": dt.date.isoformat,
    "compact": lambda d: d.strftime("%Y%m%d"),
    "with-time": lambda d: f"{d.isoformat()} 00:00:00",
}


@dataclass(frozen=True)
class Variant:
    name: str
    delimiter: str = ";"
    quote_all: bool = False
    newline: str = "\n"
    trailing_blank_line: bool = False
    encoding: str = "utf-8"
    amount: str = "plain"
    date: str = "iso"
    sep_line: bool = False
    trailing_semicolons: bool = False
    headers: str = "swedish"
    texts: tuple[str, ...] = field(default=TEXTS)
    xlsx: str | None = None  # "typed" cells or "text" cells

    def __str__(self) -> str:
        return self.name


BASE = Variant("semicolon")
VARIANTS = [
    BASE,
    replace(BASE, name="comma", delimiter=","),
    replace(BASE, name="tab", delimiter="\t"),
    replace(BASE, name="quoted-fields", quote_all=True),
    replace(BASE, name="crlf", newline="\r\n"),
    replace(BASE, name="trailing-empty-line", trailing_blank_line=True),
    replace(BASE, name="utf8-bom", encoding="utf-8-sig"),
    replace(BASE, name="windows-1252", encoding="cp1252", texts=CP1252_TEXTS),
    replace(BASE, name="latin-1", encoding="latin-1"),
    replace(BASE, name="utf16-le-bom", encoding="utf-16-le"),
    replace(BASE, name="utf16-be-bom", encoding="utf-16-be"),
    *(replace(BASE, name=f"amount-{style}", amount=style) for style in AMOUNTS if style != "plain"),
    *(replace(BASE, name=f"date-{style}", date=style) for style in DATES if style != "iso"),
    replace(BASE, name="excel-sep-line", sep_line=True),
    replace(BASE, name="trailing-semicolon-lines", trailing_semicolons=True),
    replace(BASE, name="xlsx-typed-cells", xlsx="typed"),
    replace(BASE, name="xlsx-text-cells", xlsx="text"),
    replace(BASE, name="english-headers", headers="english"),
    replace(BASE, name="headers-in-other-case-without-aao", headers="folded"),
    replace(
        BASE,
        name="excel-export",
        sep_line=True,
        newline="\r\n",
        encoding="cp1252",
        texts=CP1252_TEXTS,
        amount="spaces",
        trailing_semicolons=True,
    ),
]


def ledger_rows(variant: Variant) -> list[list]:
    return [
        [datum, konto, slag, verifikation, text, belopp]
        for (datum, konto, slag, verifikation, belopp), text in zip(LEDGER, variant.texts, strict=True)
    ]


def budget_rows() -> list[list]:
    return [[slag, ar, belopp] for slag, ar, belopp in BUDGET]


def as_text(variant: Variant, value) -> str:
    if isinstance(value, Decimal):
        return AMOUNTS[variant.amount](value)
    if isinstance(value, dt.date):
        return DATES[variant.date](value)
    return str(value)


def csv_bytes(variant: Variant, header: tuple[str, ...], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=variant.delimiter,
        lineterminator=variant.newline,
        quoting=csv.QUOTE_ALL if variant.quote_all else csv.QUOTE_MINIMAL,
    )
    if variant.sep_line:
        out.write(f"sep={variant.delimiter}{variant.newline}")
    writer.writerow(header)
    writer.writerows([[as_text(variant, v) for v in row] for row in rows])
    if variant.trailing_semicolons:
        out.write((variant.delimiter * (len(header) - 1) + variant.newline) * 3)
    if variant.trailing_blank_line:
        out.write(variant.newline)
    text = out.getvalue()
    if variant.encoding.startswith("utf-16"):
        bom = "\ufeff".encode(variant.encoding)  # FF FE or FE FF
        return bom + text.encode(variant.encoding)
    return text.encode(variant.encoding)


def xlsx_bytes(variant: Variant, header: tuple[str, ...], rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        if variant.xlsx == "typed":
            sheet.append(
                [
                    float(v)
                    if isinstance(v, Decimal)
                    else dt.datetime.combine(v, dt.time())
                    if isinstance(v, dt.date)
                    else (int(v) if isinstance(v, str) and v.isdigit() else v)
                    for v in row
                ]
            )
        else:
            sheet.append([as_text(variant, v) for v in row])
    book.create_sheet("Anteckningar")["A1"] = "Bara det första bladet läses"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_variant(tmp_path, variant: Variant):
    utfall_header, budget_header = HEADERS[variant.headers]
    files: dict[str, bytes | str | None] = {
        "finansiering": FINANSIERING,
        # fewer optional files keep each load short
        "motesplatser": None,
        "risker": None,
        "beslut": None,
        "inbetalningar": None,
        "indikatorer": "".join(MINIMAL["indikatorer.csv"].splitlines(keepends=True)[:2]),
    }
    if variant.xlsx:
        files |= {
            "utfall": None,
            "budget": None,
            "utfall_xlsx": xlsx_bytes(variant, utfall_header, ledger_rows(variant)),
            "budget_xlsx": xlsx_bytes(variant, budget_header, budget_rows()),
        }
    else:
        files |= {
            "utfall": csv_bytes(variant, utfall_header, ledger_rows(variant)),
            "budget": csv_bytes(variant, budget_header, budget_rows()),
        }
    return write_project(tmp_path, name=variant.name, **files)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The project of each variant, loaded once per module."""
    cache: dict[str, projects.Project] = {}
    root = tmp_path_factory.mktemp("formats")

    def load(variant: Variant) -> projects.Project:
        if variant.name not in cache:
            cache[variant.name] = projects.load(write_variant(root, variant))
        return cache[variant.name]

    return load


def test_the_variants_have_distinct_names():
    assert len({v.name for v in VARIANTS}) == len(VARIANTS)


def test_the_windows_1252_texts_need_bytes_that_latin_1_lacks():
    # – is 0x96, € 0x80 and ‰ 0x89 in Windows-1252, all control codes in Latin-1
    assert all(any(0x80 <= b <= 0x9F for b in t.encode("cp1252")) for t in CP1252_TEXTS)


def test_the_latin_1_texts_are_not_utf_8():
    assert any(t.encode("latin-1") != t.encode("utf-8") for t in TEXTS)


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_validates_without_problems(variant, loaded):
    assert loaded(variant).problems == []


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_gives_the_same_ledger_total(variant, loaded):
    assert summary(loaded(variant))["upparbetat"] == pytest.approx(float(UPPARBETAT), abs=0.01)


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_gives_the_same_budget_total(variant, loaded):
    assert summary(loaded(variant))["budget"] == pytest.approx(float(BUDGET_TOTAL), abs=0.01)


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_books_each_cost_category_the_same(variant, loaded):
    booked = {c["kostnadsslag"]: c["upparbetat"] for c in summary(loaded(variant))["kostnadsslag"]}
    assert booked == {
        "Personal": pytest.approx(float(PERSONAL), abs=0.01),
        "Köpta tjänster": pytest.approx(float(KOPTA_TJANSTER), abs=0.01),
    }


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_reads_the_amounts_exactly(variant, loaded):
    rows = loaded(variant).con.sql("select belopp from utfall order by rad").fetchall()
    assert [r[0] for r in rows] == [A, B, C]


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_reads_the_dates(variant, loaded):
    rows = loaded(variant).con.sql("select datum from utfall order by rad").fetchall()
    assert [r[0] for r in rows] == [row[0] for row in LEDGER]


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_keeps_the_ledger_text_character_for_character(variant, loaded):
    rows = loaded(variant).con.sql("select text from utfall order by rad").fetchall()
    assert tuple(r[0] for r in rows) == variant.texts


@pytest.mark.parametrize("variant", VARIANTS, ids=str)
def test_every_format_numbers_the_ledger_rows_as_excel_does(variant, loaded):
    rows = loaded(variant).con.sql("select rad from utfall order by rad").fetchall()
    assert [r[0] for r in rows] == [2, 3, 4]


# Row numbers in problems are Excel rows: the header is row 1, a sep= line is hidden by
# Excel, a blank line is an empty row and a quoted line break stays inside its cell.

HEADER = "Datum;Konto;Kostnadsslag;Verifikation;Text;Belopp\n"
SHIFTED = (
    "sep=;\n"  # not a row in Excel
    + HEADER  # row 1
    + '2025-04-30;;Personal;V1;"Lön april\nprojektledare";fel-a\n'  # row 2, two lines
    + "2025-05-31;;Personal;V2;Lön maj;fel-b\n"  # row 3
    + "\n"  # row 4, empty
    + "2025-06-30;;Personal;V3;Lön juni;fel-c\n"  # row 5
)


@pytest.fixture(scope="module")
def shifted_rows(tmp_path_factory) -> dict[str, int]:
    folder = write_project(tmp_path_factory.mktemp("rows"), utfall=SHIFTED)
    return {p.varde: p.rad for p in projects.load(folder).problems if p.kolumn == "Belopp"}


def test_a_record_with_a_quoted_line_break_is_numbered_by_its_first_row(shifted_rows):
    assert shifted_rows["fel-a"] == 2


def test_a_quoted_line_break_does_not_shift_the_rows_below(shifted_rows):
    assert shifted_rows["fel-b"] == 3


def test_a_blank_line_counts_as_an_empty_excel_row(shifted_rows):
    assert shifted_rows["fel-c"] == 5


def test_a_sep_line_is_not_a_row(tmp_path):
    ledger = "sep=;\n" + HEADER + "2025-04-30;;Personal;V1;Lön april;40000\n2025-05-31;;Personal;V2;Lön maj;fel\n"
    (problem,) = projects.load(write_project(tmp_path, utfall=ledger)).problems
    assert (problem.rad, problem.kolumn, problem.varde) == (3, "Belopp", "fel")


def test_a_row_of_an_xlsx_sheet_keeps_its_number_below_an_empty_row(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Datum", "Konto", "Kostnadsslag", "Verifikation", "Text", "Belopp"])
    sheet.append([dt.datetime(2025, 4, 30), None, "Personal", "V1", "Lön april", 40000])
    sheet.append([None] * 6)
    sheet.append([dt.datetime(2025, 5, 31), None, "Personal", "V2", "Lön maj", "fel"])
    buffer = io.BytesIO()
    book.save(buffer)
    folder = write_project(tmp_path, utfall=None, utfall_xlsx=buffer.getvalue())
    (problem,) = projects.load(folder).problems
    assert (problem.rad, problem.kolumn, problem.varde) == (4, "Belopp", "fel")
