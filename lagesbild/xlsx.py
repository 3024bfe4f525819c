"""An Excel export as the CSV text of its first sheet, one line per sheet row."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_as_csv(path: Path) -> str:
    """The first sheet as `;`-separated text; raises ValueError with a Swedish reason."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise ValueError(f"Excel-filen kunde inte öppnas ({type(exc).__name__})") from exc
    sheet = book.worksheets[0]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    width = sheet.max_column or 1
    for row in sheet.iter_rows(values_only=True):
        cells = [_cell_text(v) for v in row]
        # An empty row keeps its place so that row numbers stay those of the sheet.
        writer.writerow(cells + [""] * (width - len(cells)) if any(cells) else [""] * max(width, 2))
    book.close()
    text = buffer.getvalue()
    if not text.strip(";\n"):
        raise ValueError("kalkylbladet är tomt – första raden ska vara rubrikraden")
    return text
