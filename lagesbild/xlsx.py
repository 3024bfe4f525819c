"""Zip containers and Excel exports read within fixed bounds; a sheet as CSV text, one line per row.

A zip says how large its members are and an Excel sheet says how large it is (`<dimension>`);
neither is believed. Members are read through a stream that counts the bytes really unpacked,
and a sheet's width is that of the cells it really holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

from lagesbild.problems import Unreadable

# Bounds of one Excel file (in an upload and in `python -m lagesbild validate` alike).
MAX_ROWS = 100_000  # sheet rows, header included
MAX_COLUMNS = 100  # columns up to the last one holding a value
MAX_CELLS = 1_000_000  # cells read, counting the empty ones up to the last cell of each row
MAX_XML_BYTES = 100 * 2**20  # the workbook's XML parts unpacked, all together
MAX_PARTS = 1_000  # members of the workbook's zip container
# The central directory of a zip with a few hundred members with plausible names fits in this.
MAX_DIRECTORY_BYTES = 2**20
_CHUNK = 2**16


class TooLarge(Unreadable):
    """Past one of the bounds; rad is the Excel row where that shows, when known."""


class MemberError(Unreadable):
    """A zip member that cannot be read: encrypted, packed in an unsupported way, damaged or too large."""


class MemberTooLarge(MemberError):
    """A zip member that unpacks to more than it may."""


def number(value: int) -> str:
    """An integer with thin groups of three, as limits are written to the user (100 000)."""
    return f"{value:,}".replace(",", " ")


def mb(value: int) -> str:
    return f"{value / 2**20:g} MB"


def _end_record(tail: bytes, tail_start: int, read_at) -> tuple[int, int] | None:
    """(members, central directory bytes) from a zip's end record, zip64 included; None without one."""
    at = tail.rfind(b"PK\x05\x06")
    if at == -1 or len(tail) - at < 22:
        return None
    _, _, _, _, total, size, _, _ = struct.unpack_from("<4s4H2IH", tail, at)
    if total == 0xFFFF or size == 0xFFFFFFFF:
        locator = tail[at - 20 : at] if at >= 20 else read_at(tail_start + at - 20, 20)
        if len(locator) == 20 and locator.startswith(b"PK\x06\x07"):
            offset = struct.unpack_from("<Q", locator, 8)[0]
            record = read_at(offset, 56)
            if len(record) == 56 and record.startswith(b"PK\x06\x06"):
                total, size = struct.unpack_from("<2Q", record, 32)
    return total, size


def open_zip(source: bytes | Path, name: str | None, max_members: int) -> zipfile.ZipFile:
    """A zip file opened only once its end record shows a bounded directory; else Unreadable.

    name is the uploaded zip's; None for the container of an Excel file, whose problems say so.
    """
    if isinstance(source, bytes):
        handle: IO[bytes] = io.BytesIO(source)
    else:
        handle = open(source, "rb")  # noqa: SIM115 - the ZipFile returned owns it
    handle.seek(0, io.SEEK_END)
    length = handle.tell()
    tail_start = max(0, length - 65_557)
    handle.seek(tail_start)
    tail = handle.read()

    def read_at(offset: int, count: int) -> bytes:
        if offset < 0:
            return b""
        handle.seek(offset)
        return handle.read(count)

    found = _end_record(tail, tail_start, read_at)
    if found is None:
        handle.close()
        raise Unreadable("xlsx_incomplete" if name is None else "zip_incomplete", name=name or "")
    members, directory = found
    # zipfile builds an object for every member listed before anything can be checked: bound it first.
    if members > max_members or directory > MAX_DIRECTORY_BYTES:
        handle.close()
        raise TooLarge(
            "xlsx_members" if name is None else "zip_members",
            name=name or "",
            limit=number(max_members),
            count=number(members),
        )
    try:
        handle.seek(0)
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, struct.error) as exc:
        handle.close()
        kod = "xlsx_unreadable_zip" if name is None else "zip_unreadable"
        raise Unreadable(kod, name=name or "", error=type(exc).__name__) from exc
    if len(archive.infolist()) > max_members:
        archive.close()
        kod = "xlsx_members_listed" if name is None else "zip_members_listed"
        raise TooLarge(kod, name=name or "", limit=number(max_members))
    return archive


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, counted as they are unpacked; MemberError past limit or when unreadable."""
    if member.flag_bits & 0x1:
        raise MemberError("member_encrypted")
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        if member.compress_type == 9:
            raise MemberError("member_deflate64")
        raise MemberError("member_method", method=member.compress_type)
    if member.file_size > limit:
        raise MemberTooLarge("member_too_large", limit=mb(limit), size=mb(member.file_size))
    out = io.BytesIO()
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                if out.tell() + len(chunk) > limit:
                    raise MemberTooLarge("member_grows", limit=mb(limit))
                out.write(chunk)
    except MemberError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        RuntimeError,
        NotImplementedError,
        struct.error,
        LookupError,
    ) as exc:
        raise MemberError("member_broken", error=type(exc).__name__) from exc
    return out.getvalue()


def _check_parts(path: Path) -> None:
    """The workbook's parts unpacked stay within MAX_XML_BYTES, counted as they unpack."""
    with open_zip(path, None, MAX_PARTS) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            # A zip file, but not a workbook: say so, not what openpyxl would stumble on.
            raise Unreadable("xlsx_not_workbook")
        left = MAX_XML_BYTES
        for member in archive.infolist():
            if not member.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                left -= len(read_member(archive, member, left))
            except MemberTooLarge as exc:
                raise TooLarge("xlsx_parts_too_large", limit=mb(MAX_XML_BYTES), part=member.filename) from exc
            except MemberError as exc:
                inner: dict[str, Any] = dict(exc.param)  # the member's own problem, said of this part
                raise Unreadable("xlsx_part", part=member.filename, reason=exc.kod, **inner) from exc


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
    """The first visible sheet as `;`-separated text; raises Unreadable with the code of its problem."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    _check_parts(Path(path))
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise Unreadable("xlsx_unreadable", error=type(exc).__name__) from exc
    try:
        sheet = next((s for s in book.worksheets if s.sheet_state == "visible"), None)
        if sheet is None:
            raise Unreadable("xlsx_hidden")
        # The declared <dimension> may claim A1:XFD1048576: the width is that of the cells present.
        sheet.reset_dimensions()
        lines: list[tuple[str, int]] = []
        cells_read = 0
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="")
        for number_in_sheet, row in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
            if number_in_sheet > MAX_ROWS:
                raise TooLarge("xlsx_rows", number_in_sheet, limit=number(MAX_ROWS))
            cells_read += len(row)
            if cells_read > MAX_CELLS:
                raise TooLarge("xlsx_cells", number_in_sheet, limit=number(MAX_CELLS))
            cells = [_cell_text(v) for v in row]
            while cells and not cells[-1]:
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise TooLarge(
                    "xlsx_columns",
                    number_in_sheet,
                    limit=MAX_COLUMNS,
                    row=number_in_sheet,
                    column=get_column_letter(len(cells)),
                )
            buffer.seek(0)
            buffer.truncate()
            if cells:
                writer.writerow(cells)
            lines.append((buffer.getvalue(), len(cells)))
    finally:
        book.close()
    width = max((n for _, n in lines), default=0)
    # An empty row keeps its place so that row numbers stay those of the sheet.
    text = "".join(line + ";" * (max(width, 2 if not n else 1) - max(n, 1)) + "\n" for line, n in lines)
    if not text.strip(";\n"):
        raise Unreadable("xlsx_empty")
    return text
