"""Reading one exported file as text into DuckDB, then converting it with checks per cell."""

from __future__ import annotations

import csv
import difflib
import glob
import io
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from duckdb import (
    CaseExpression,
    CoalesceOperator,
    ColumnExpression,
    ConstantExpression,
    FunctionExpression,
    StarExpression,
)

from lagesbild import database, schema, sie, xlsx
from lagesbild.problems import MORE, Problem, Unreadable, error
from lagesbild.schema import Column, FileSpec

MAX_PROBLEMS_PER_COLUMN = 50
HEADER_SEARCH_LINES = 20
LEDGER = "utfall"
SIE_SUFFIXES = (".se", ".si", ".sie")
CELLS = "celler_som_text"  # one file's cells as text while it is read
ACCOUNT_NAMES = "kontonamn"  # account → name, from the #KONTO records of an SIE ledger
# A cell may be as long as DuckDB reads a line; the csv module must not stop earlier.
MAX_CELL_CHARS = 2_000_000
csv.field_size_limit(MAX_CELL_CHARS)
SUFFIXES = (".csv", ".xlsx", *SIE_SUFFIXES)
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
_SEP_LINE = re.compile(r"^sep=(.)\s*$", re.IGNORECASE)
_DELIMITERS = (";", "\t", ",")
_TRAILING = {*" \t\r\n\x00;,", *b" \t\r\n\x00;,"}  # characters and bytes of blank and ;;; lines
# Columns of the projection that reads the text: each cell's numeral, fold or range ends, made once.
NUMERAL, FOLDED, LOW, HIGH = "__numeral", "__folded", "__fran", "__till"
_NUMERIC = {schema.AMOUNT, schema.NUMBER, schema.PERCENT, schema.INTEGER, schema.YEAR, schema.SCALE}
_SQL_TYPES = {
    schema.TEXT: "VARCHAR",
    schema.ENUM: "VARCHAR",
    schema.AMOUNT: "DECIMAL(18,2)",
    schema.NUMBER: "DOUBLE",
    schema.PERCENT: "DOUBLE",
    schema.INTEGER: "BIGINT",
    schema.YEAR: "BIGINT",
    schema.SCALE: "BIGINT",
    schema.DATE: "DATE",
}


@dataclass
class Source:
    """A file as DuckDB will read it: a UTF-8 or Latin-1 path, its delimiter and where its header is."""

    path: Path
    encoding: str
    delimiter: str
    skip: int  # physical lines DuckDB skips before the header
    hidden: int  # of those, lines Excel does not show as rows (a sep= line)
    header: list[str]
    lines: int  # physical lines up to the last one that is not blank
    text: str | None = None  # the decoded text, kept only when it was decoded anyway

    @property
    def header_row(self) -> int:
        """The header's row as Excel shows it: 1, or below a title block."""
        return self.skip - self.hidden + 1

    @property
    def first_data_line(self) -> int:
        return self.skip + 2


@dataclass
class ReadResult:
    """The typed table of one file (or None when the file could not be read) and its problems."""

    table: str | None
    problems: list[Problem] = field(default_factory=list)
    full_ledger: bool = False  # every account of each voucher: only cost accounts are project costs
    # The rows with a bad cell, every one and not only those listed: the figures leave them out (contract §7)
    # once the checks across files have seen them (lagesbild.project.load).
    bad_rows: duckdb.Expression | None = None


def find_file(folder: Path, spec: FileSpec) -> Path | None:
    """The export of a spec in a folder: name.csv, else name.xlsx, else (the ledger) SIE; stem matched loosely."""
    candidates: dict[tuple[str, str], Path] = {}
    for path in folder.iterdir():
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            candidates.setdefault((schema.fold(path.stem), path.suffix.lower()), path)
    stem = schema.fold(spec.stem)
    suffixes = SUFFIXES if spec.stem == LEDGER else (".csv", ".xlsx")
    return next((candidates[(stem, s)] for s in suffixes if (stem, s) in candidates), None)


def is_sie(path: Path) -> bool:
    """An SIE file by its name, or by its content whatever its name (contract §3b)."""
    if path.suffix.lower() in SIE_SUFFIXES:
        return True
    with open(path, "rb") as handle:
        return sie.looks_like_sie(handle.read(4096))


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def decode(data: bytes) -> tuple[str, str | None]:
    """(codec, text): UTF-16 with BOM, else UTF-8 (BOM or not), else Windows-1252, strictly per file.

    text is None when DuckDB can read the bytes as they are (UTF-8 without BOM, or
    Windows-1252 that uses no character outside Latin-1). A file that is UTF-8 up to one bad
    byte is refused with that byte's line: reading the whole file as Windows-1252 would garble
    every å, ä and ö before it.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return "utf-16", data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable("file_bad_utf16") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return "utf-8-sig", data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            at = exc.start + 3  # after the BOM
            raise Unreadable("file_bad_utf8", _line_of(data, at), byte=f"0x{data[at]:02X}") from exc
    try:
        data.decode("utf-8")
        return "utf-8", None
    except UnicodeDecodeError as exc:
        if not data[: exc.start].isascii():
            raise Unreadable("file_bad_utf8", _line_of(data, exc.start), byte=f"0x{data[exc.start]:02X}") from exc
    if not _CP1252_ONLY.search(data):
        return "latin-1", None
    try:
        return "cp1252", data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise Unreadable("file_bad_encoding", _line_of(data, exc.start), byte=f"0x{data[exc.start]:02X}") from exc


def _needs_newlines(data: str | bytes) -> bool:
    """CR alone, or CR LF and LF mixed (a row appended in a text editor): DuckDB wants one kind."""
    if isinstance(data, bytes):
        if b"\r" not in data:  # most exports: one quick scan instead of three counts
            return False
        crlf, cr, lf = data.count(b"\r\n"), data.count(b"\r"), data.count(b"\n")
    else:
        crlf, cr, lf = data.count("\r\n"), data.count("\r"), data.count("\n")
    return cr != crlf or 0 < crlf < lf


def _one_newline(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _header_score(fields: list[str], lookup: dict[str, Column]) -> tuple[set[str], int]:
    return {lookup[k].key for k in map(schema.header_key, fields) if k in lookup}, len(fields)


def choose_delimiter(line: str, lookup: dict[str, Column]) -> str:
    """The delimiter that splits a header line into the most known columns, then the most fields."""

    def score(delim: str) -> tuple[int, int]:
        keys, width = _header_score(next(csv.reader([line], delimiter=delim), []), lookup)
        return len(keys), width

    return max(_DELIMITERS, key=score)


def find_header(lines: list[str], spec: FileSpec, delimiter: str | None) -> tuple[int, str]:
    """(index, delimiter) of the header: the first of the first lines that holds the required columns.

    Finance systems write a title block above it (contract §3b). Where no line has them all, the
    line with the most known columns is taken, so that the missing ones are named on that row.
    """
    lookup = schema.header_lookup(spec)
    best = (-1, 0, delimiter or ";")
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        if not line.strip():
            continue
        delim = delimiter or choose_delimiter(line, lookup)
        keys, _ = _header_score(next(csv.reader([line], delimiter=delim), []), lookup)
        if has_required(keys, spec):
            return index, delim
        if len(keys) > best[0]:
            best = (len(keys), index, delim)
    return best[1], best[2]


def _safe_path(path: Path, workdir: Path) -> Path:
    """A name for DuckDB that is no glob pattern: read_csv would match [, *, ? in a folder name."""
    if not glob.has_magic(str(path)):
        return path
    link = workdir / f"{uuid.uuid4().hex}{path.suffix.lower()}"
    link.symlink_to(path.resolve())
    return link


def _head(data: bytes, codec: str, text: str | None) -> tuple[list[str], int, str | None]:
    """(the first lines, how many a sep= line hides, the delimiter it fixes)."""
    head = text[:65536] if text is not None else data[:65536].decode(codec, errors="ignore")
    lines = [line.rstrip("\r") for line in head.split("\n", HEADER_SEARCH_LINES + 1)[: HEADER_SEARCH_LINES + 1]]
    if lines and (m := _SEP_LINE.match(lines[0])):
        return lines[1:], 1, m.group(1)
    return lines, 0, None


def header_lines(data: bytes) -> tuple[list[str], str | None]:
    """The first lines of a CSV export (after a sep= line) and the delimiter a sep= line fixes."""
    try:
        codec, text = decode(data)
    except ValueError:
        return [], None
    lines, _, delimiter = _head(data, codec, text)
    return lines, delimiter


def header_columns(lines: list[str], delimiter: str | None, spec: FileSpec) -> set[str]:
    """The keys of the spec's columns that the header among these lines holds."""
    if not lines:
        return set()
    index, delimiter = find_header(lines, spec, delimiter)
    return _header_score(next(csv.reader([lines[index]], delimiter=delimiter), []), schema.header_lookup(spec))[0]


def has_required(keys: set[str], spec: FileSpec) -> bool:
    """Whether a header with these column keys holds every required column of the spec."""
    return all(c.key in keys or keys & set(c.instead) for c in spec.columns if c.required)


def prepare(path: Path, workdir: Path, spec: FileSpec) -> Source:
    """Decode a CSV or XLSX file and find its header; raises Unreadable (or another ValueError) when it cannot."""
    assert not glob.has_magic(str(workdir))
    text: str | None
    if path.suffix.lower() == ".xlsx":
        data, codec, text = b"", "utf-8", xlsx.sheet_as_csv(path)
    else:
        data = path.read_bytes()
        if data.startswith(b"PK\x03\x04"):  # a zip file: most likely a workbook saved under a .csv name
            raise Unreadable("csv_is_zip")
        codec, text = decode(data)
        if text is None and _needs_newlines(data):
            text = data.decode("latin-1" if codec == "latin-1" else "utf-8")
    if text is not None and "\r" in text and _needs_newlines(text):
        text = _one_newline(text)
    lines, hidden, delimiter = _head(data, codec, text)
    if not any(line.strip(" \t;,") for line in lines):
        raise Unreadable("file_empty")
    index, delimiter = find_header(lines, spec, delimiter)
    if text is not None:
        target = workdir / f"{spec.stem}.utf8.csv"
        target.write_bytes(text.encode("utf-8"))  # one encode: a text stream encodes in small pieces
        path, codec = target, "utf-8"
    header = next(csv.reader([lines[index]], delimiter=delimiter))
    if len(header) > xlsx.MAX_COLUMNS:
        # The bound of a workbook's columns: a header of 200 000 fields would take minutes and gigabytes.
        raise Unreadable("csv_columns", index + 1, limit=xlsx.MAX_COLUMNS)
    counted = text if text is not None else data
    return Source(
        _safe_path(path, workdir),
        "latin-1" if codec == "latin-1" else "utf-8",
        delimiter,
        hidden + index,
        hidden,
        header,
        _count_lines(counted),
        text,
    )


def _count_lines(data: str | bytes) -> int:
    """Physical lines up to the last that holds more than blanks and delimiters (trailing ;;; lines)."""
    end = len(data)
    while end and data[end - 1] in _TRAILING:  # walks back over the tail only: no copy of the file
        end -= 1
    if not end:
        return 0
    return (data.count(b"\n", 0, end) if isinstance(data, bytes) else data.count("\n", 0, end)) + 1


def map_header(header: list[str], spec: FileSpec, row: int = 1) -> tuple[list[str], list[Problem]]:
    """DuckDB names for each header field, and the problems of the header row (Excel row `row`)."""
    lookup = schema.header_lookup(spec)
    names: list[str] = []
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    unknown: list[str] = []
    for position, field_name in enumerate(header, start=1):
        column = lookup.get(schema.header_key(field_name))
        if column is None:
            names.append(f"extra_{position}")
            if field_name.strip():
                unknown.append(field_name)
        elif column.key in seen:
            names.append(f"extra_{position}")
            problems.append(
                error(
                    spec.filename,
                    row,
                    column.name,
                    field_name,
                    "header_duplicate",
                    column=column.name,
                    first=seen[column.key],
                )
            )
        else:
            names.append(column.key)
            seen[column.key] = position
    for column in spec.columns:
        if column.required and column.key not in seen and not seen.keys() & set(column.instead):
            folded = [schema.header_key(u) for u in unknown]
            close = difflib.get_close_matches(schema.header_key(column.name), folded, n=1, cutoff=0.6)
            found = next((u for u in unknown if close and schema.header_key(u) == close[0]), None)
            # Below a title block the header was found, so the search need not be explained.
            if found:
                kod = "header_pair_misspelt" if column.instead else "header_misspelt"
            elif row == 1:
                kod = "header_pair_missing_searched" if column.instead else "header_missing_searched"
            else:
                kod = "header_pair_missing" if column.instead else "header_missing"
            others = dict(zip(("plus", "minus"), (spec.column(k).name for k in column.instead), strict=False))
            problems.append(
                error(
                    spec.filename,
                    row,
                    column.name,
                    found,
                    kod,
                    column=column.name,
                    lines=HEADER_SEARCH_LINES,
                    **others,
                )
            )
    return names, problems


def _records(source: Source) -> Iterator[tuple[int, list[str]]]:
    """(Excel row, fields) of each CSV record after the header; raises csv.Error where a record is broken.

    Excel hides a sep= line, shows a blank line as an empty row and a quoted line break inside its
    cell: each CSV record is one row.
    """
    text = (
        source.text
        if source.text is not None
        else source.path.read_bytes().decode("latin-1" if source.encoding == "latin-1" else "utf-8")
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=source.delimiter, strict=True)
    for row, record in enumerate(reader, start=1 - source.hidden):
        if row > source.header_row:
            yield row, record


def _line_numbers(source: Source) -> pd.DataFrame:
    """Excel row of each record, for files where blank lines or line breaks in cells shift them."""
    rows = [row for row, record in _records(source) if record]  # DuckDB skips only empty lines
    return pd.DataFrame({"record_nr": range(1, len(rows) + 1), "excel_rad": rows})


def _convert(column: Column) -> list[tuple[str, duckdb.Expression]]:
    """(name, expression) pairs that turn the text column into its typed column(s)."""
    raw = ColumnExpression(column.key)
    kind = column.kind
    if kind == schema.TEXT:
        return [(column.key, raw)]
    if kind == schema.ENUM:
        spellings = list(schema.value_lookup(column).items())
        folded = ColumnExpression(f"{column.key}{FOLDED}")  # folded once in the projection before
        expr = CaseExpression(folded == ConstantExpression(spellings[0][0]), ConstantExpression(spellings[0][1]))
        for spelling, value in spellings[1:]:
            expr = expr.when(folded == ConstantExpression(spelling), ConstantExpression(value))
        return [(column.key, expr)]
    if kind == schema.ACCOUNT_RANGE:
        # Both ends were made numerals in the projection before: each macro expands once per end.
        low = FunctionExpression("sv_whole_of", ColumnExpression(f"{column.key}{LOW}"))
        high = FunctionExpression("sv_whole_of", ColumnExpression(f"{column.key}{HIGH}"))
        return [("konto_fran", low), ("konto_till", CoalesceOperator(high, low))]
    if kind == schema.DATE:
        return [(column.key, FunctionExpression("sv_date", raw))]
    macro = {
        schema.AMOUNT: "sv_amount_of",
        schema.NUMBER: "sv_number_of",
        schema.PERCENT: "sv_number_of",
        schema.INTEGER: "sv_whole_of",
        schema.YEAR: "sv_whole_of",
        schema.SCALE: "sv_whole_of",
    }[kind]
    # The numeral was normalised once in the projection before (see _trimmed_select).
    expr = FunctionExpression(macro, ColumnExpression(f"{column.key}{NUMERAL}"))
    if kind == schema.YEAR:
        expr = CaseExpression(expr.between(ConstantExpression(1900), ConstantExpression(2200)), expr)
    elif kind == schema.SCALE:
        expr = CaseExpression(expr.between(ConstantExpression(1), ConstantExpression(4)), expr)
    return [(column.key, expr)]


def _typed_select(spec: FileSpec, present: set[str]) -> list[duckdb.Expression]:
    exprs = [ColumnExpression("rad")]
    for column in spec.columns:
        pairs = _convert(column)
        if column.key not in present and present & set(column.instead):
            difference = _difference(spec, column, present)
            exprs += [
                difference.cast(duckdb.sqltype("VARCHAR")).alias(f"{column.key}__text"),
                difference.alias(column.key),
            ]
            continue
        if column.key not in present:
            value = ConstantExpression(column.default)
            sql_type = _SQL_TYPES.get(column.kind, "BIGINT")
            if column.kind != schema.TEXT:
                # The checks quote the cell as written, so an absent column has its text too.
                exprs.append(ConstantExpression(None).cast(duckdb.sqltype("VARCHAR")).alias(f"{column.key}__text"))
            exprs += [value.cast(duckdb.sqltype(sql_type)).alias(name) for name, _ in pairs]
            continue
        if column.kind != schema.TEXT:
            exprs.append(ColumnExpression(column.key).alias(f"{column.key}__text"))
        for name, expr in pairs:
            if column.default is not None:
                # Only an empty cell takes the default: an unknown value stays unreadable.
                expr = CaseExpression(
                    ColumnExpression(column.key).isnull(), ConstantExpression(column.default)
                ).otherwise(expr)
            exprs.append(expr.alias(name))
    return exprs


def _difference(spec: FileSpec, column: Column, present: set[str]) -> duckdb.Expression:
    """A column that stands in for the absent `column` as plus − minus (Belopp = Debet − Kredit).

    An empty cell is 0; an unreadable one makes the row's value unknown (its own error names it).
    """
    plus, minus = (spec.column(key) for key in column.instead)
    total: duckdb.Expression = ConstantExpression(0)
    unreadable: duckdb.Expression = ConstantExpression(False)
    for part, sign in ((plus, 1), (minus, -1)):
        if part.key not in present:
            continue
        typed = _convert(part)[0][1]
        unreadable = unreadable | (ColumnExpression(part.key).isnotnull() & typed.isnull())
        term = CoalesceOperator(typed, ConstantExpression(0))
        total = total + term if sign > 0 else total - term
    return (
        CaseExpression(unreadable, ConstantExpression(None))
        .otherwise(total)
        .cast(duckdb.sqltype(_SQL_TYPES[column.kind]))
    )


def _trimmed_select(spec: FileSpec, present: set[str], offset: int, mapped: bool) -> list[duckdb.Expression]:
    rad = ColumnExpression("excel_rad") if mapped else (ColumnExpression("record_nr") + ConstantExpression(offset))
    exprs = [ColumnExpression("record_nr"), rad.alias("rad")]
    for column in spec.columns:
        if column.key in present:
            trimmed = FunctionExpression("trim", ColumnExpression(column.key))
            exprs.append(FunctionExpression("nullif", trimmed, ConstantExpression("")).alias(column.key))
            raw = ColumnExpression(column.key)
            if column.kind in _NUMERIC:
                exprs.append(FunctionExpression("sv_numeral", raw).alias(f"{column.key}{NUMERAL}"))
            elif column.kind == schema.ENUM:
                exprs.append(FunctionExpression("sv_fold", raw).alias(f"{column.key}{FOLDED}"))
            elif column.kind == schema.ACCOUNT_RANGE:
                for end, part in ((LOW, 1), (HIGH, 2)):
                    text = FunctionExpression("split_part", raw, ConstantExpression("-"), ConstantExpression(part))
                    numeral = FunctionExpression(
                        "sv_numeral", FunctionExpression("nullif", text, ConstantExpression(""))
                    )
                    exprs.append(numeral.alias(f"{column.key}{end}"))
    return exprs


def empty_table(con: duckdb.DuckDBPyConnection, spec: FileSpec) -> None:
    """The typed table of a file that is absent or unreadable: no rows, the same columns."""
    frame = pd.DataFrame({"record_nr": pd.Series([], dtype="int64")})
    rel = con.from_df(frame).select(ColumnExpression("record_nr"), ColumnExpression("record_nr").alias("rad"))
    rel.select(ColumnExpression("record_nr"), *_typed_select(spec, set())).create(spec.stem)


def _cell_problems(
    con: duckdb.DuckDBPyConnection, spec: FileSpec, present: set[str]
) -> tuple[list[Problem], duckdb.Expression | None]:
    """The problems of the file's cells, and the condition of a row with one (None when no row has)."""
    problems: list[Problem] = []
    table = con.table(spec.stem)
    checks = list(_cell_checks(spec, present))
    if not checks:
        return problems, None
    # One query finds out whether any cell is bad: most files have none.
    any_bad = checks[0][2]
    for _, _, condition, _ in checks[1:]:
        any_bad = any_bad | condition
    if not table.filter(any_bad).limit(1).fetchall():
        return problems, None
    _found_problems(con, spec, checks, problems)
    return problems, CoalesceOperator(any_bad, ConstantExpression(False))


def keep_rows(con: duckdb.DuckDBPyConnection, stem: str, condition: duckdb.Expression) -> None:
    """Only the rows of table stem that meet condition are kept."""
    assert re.fullmatch(r"[a-z]+", stem)  # the schema's own constant file stems, never user input
    con.table(stem).filter(condition).create(f"{stem}_kvar")
    con.execute(f"drop table {stem}")
    con.execute(f"alter table {stem}_kvar rename to {stem}")


def _found_problems(
    con: duckdb.DuckDBPyConnection,
    spec: FileSpec,
    checks: list[tuple[Column, str, duckdb.Expression, tuple[str, dict[str, str]]]],
    problems: list[Problem],
) -> None:
    """The problems of each check, the first MAX_PROBLEMS_PER_COLUMN by row and a count of the rest."""
    table = con.table(spec.stem)
    for column, text, condition, (kod, values) in checks:
        found = table.filter(condition).order("rad").limit(MAX_PROBLEMS_PER_COLUMN + 1)
        rows = found.select(ColumnExpression("rad"), ColumnExpression(text)).fetchall()
        for rad, value in rows[:MAX_PROBLEMS_PER_COLUMN]:
            problems.append(error(spec.filename, int(rad), column.name, value, kod, **values))
        if len(rows) > MAX_PROBLEMS_PER_COLUMN:
            total = table.filter(condition).count("*").fetchall()[0][0]
            more = {MORE: total - MAX_PROBLEMS_PER_COLUMN}
            problems.append(error(spec.filename, None, column.name, None, kod, **values, **more))


def _cell_checks(
    spec: FileSpec, present: set[str]
) -> Iterator[tuple[Column, str, duckdb.Expression, tuple[str, dict[str, str]]]]:
    """(column, its text column, condition of a bad cell, the problem's code and parameters) for each check."""
    for column in spec.columns:
        if column.key not in present:
            continue
        text = column.key if column.kind == schema.TEXT else f"{column.key}__text"
        typed = "konto_fran" if column.kind == schema.ACCOUNT_RANGE else column.key
        checks: list[tuple[duckdb.Expression, tuple[str, dict[str, str]]]] = []
        if column.must_have_value:
            checks.append((ColumnExpression(text).isnull(), ("cell_empty", {})))
        if column.kind != schema.TEXT:
            unreadable = ColumnExpression(text).isnotnull() & ColumnExpression(typed).isnull()
            if column.kind == schema.ACCOUNT_RANGE:
                unreadable = ColumnExpression(text).isnotnull() & (
                    ColumnExpression("konto_fran").isnull()
                    | (ColumnExpression("konto_fran") > ColumnExpression("konto_till"))
                )
            checks.append((unreadable, column.expected))
        for condition, expected in checks:
            yield column, text, condition, expected


def read_file(
    con: duckdb.DuckDBPyConnection, path: Path, spec: FileSpec, workdir: Path, dimension: int = 6
) -> ReadResult:
    """Read one file into the typed table named after it; problems name file, row and column.

    A ledger in SIE (contract §3b) is read by lagesbild.sie; its objects of `dimension` fill Objekt.
    """
    if spec.stem == LEDGER and is_sie(path):
        return _read_sie(con, path, spec, dimension)
    result = ReadResult(None)
    try:
        source = prepare(path, workdir, spec)
    except Unreadable as exc:
        result.problems.append(error(spec.filename, exc.rad, None, None, exc.kod, **dict(exc.param)))
        empty_table(con, spec)
        return result
    names, header_problems = map_header(source.header, spec, source.header_row)
    result.problems += header_problems
    if any(p.is_error for p in header_problems):
        empty_table(con, spec)
        return result
    present = {n for n in names if not n.startswith("extra_")}
    params = {
        "path": str(source.path),
        "delim": source.delimiter,
        "skip": source.skip,
        "encoding": source.encoding,
        "names": names,
    }
    try:
        # The cells first, read in parallel; then each row is numbered by the order the table keeps
        # (rowid), which costs nothing, where a window over the file would read it on one thread.
        con.sql(database.sql("read_csv_as_text"), params=params).create(CELLS)
        numbered = con.table(CELLS).select(
            (ColumnExpression("rowid") + ConstantExpression(1)).alias("record_nr"), StarExpression()
        )
        _create(con, spec, numbered, present, source.header_row, None)
        records = con.table(spec.stem).aggregate("max(record_nr)").fetchall()[0][0] or 0
        if source.lines - (source.first_data_line - 1) != records:
            # Blank lines or line breaks inside cells: number the rows as Excel shows them.
            _drop(con, spec)
            _create(con, spec, numbered, present, source.header_row, _line_numbers(source))
    except (duckdb.Error, csv.Error):
        result.problems += _malformed(source, spec, len(names))
        _drop(con, spec)
        empty_table(con, spec)
        return result
    finally:
        con.execute(f"drop table if exists {CELLS}")  # a constant name, never user input
    result.table = spec.stem
    result.full_ledger = bool(present & {"debet", "kredit"})
    found, result.bad_rows = _cell_problems(con, spec, present)
    result.problems += found
    return result


def _read_sie(con: duckdb.DuckDBPyConnection, path: Path, spec: FileSpec, dimension: int) -> ReadResult:
    ledger = sie.read(path.read_bytes(), path.name)
    texts = {
        "datum": ledger.datum,
        "belopp": ledger.belopp,
        "konto": ledger.konto,
        "verifikation": ledger.verifikation,
        "text": ledger.text,
        "objekt": [objects.get(dimension) for objects in ledger.objekt],
    }
    frame = pd.DataFrame(
        {
            "record_nr": pd.Series(range(1, len(ledger.rad) + 1), dtype="int64"),
            **{name: pd.Series(values, dtype="string") for name, values in texts.items()},
        }
    )
    mapping = pd.DataFrame({"record_nr": frame["record_nr"], "excel_rad": ledger.rad})
    present = {"datum", "belopp", "konto", "verifikation", "text", "objekt"}
    _create(con, spec, con.from_df(frame), present, 0, mapping)
    account_names(con, ledger.konton)
    result = ReadResult(spec.stem, list(ledger.problems), full_ledger=True)
    found, result.bad_rows = _cell_problems(con, spec, present)
    result.problems += found
    return result


def account_names(con: duckdb.DuckDBPyConnection, names: dict[str, str]) -> None:
    """The table of account names (SIE #KONTO) that pages show beside account numbers."""
    con.execute(f"drop table if exists {ACCOUNT_NAMES}")  # a constant name, never user input
    frame = pd.DataFrame({"konto": list(names), "namn": list(names.values())}, dtype="string")
    con.from_df(frame).create(ACCOUNT_NAMES)


def _create(
    con: duckdb.DuckDBPyConnection,
    spec: FileSpec,
    rel: duckdb.DuckDBPyRelation,
    present: set[str],
    header_row: int,
    mapping: pd.DataFrame | None,
) -> None:
    if mapping is not None:
        rel = rel.join(con.from_df(mapping), "record_nr")
    trimmed = rel.select(*_trimmed_select(spec, present, header_row, mapping is not None))
    not_blank = CoalesceOperator(*[ColumnExpression(k) for k in present])
    trimmed.filter(not_blank.isnotnull()).select(ColumnExpression("record_nr"), *_typed_select(spec, present)).create(
        spec.stem
    )


def _drop(con: duckdb.DuckDBPyConnection, spec: FileSpec) -> None:
    # Table names are the schema's own constant file stems, never user input.
    assert re.fullmatch(r"[a-z]+", spec.stem)
    con.execute(f"drop table if exists {spec.stem}")


def _malformed(source: Source, spec: FileSpec, width: int) -> list[Problem]:
    """Every record DuckDB could not read, found again record by record for the messages."""
    problems: list[Problem] = []
    row = source.header_row
    try:
        for row, record in _records(source):
            if record and len(record) != width:
                problems.append(
                    error(
                        spec.filename,
                        row,
                        None,
                        source.delimiter.join(record)[:80],
                        "csv_width",
                        width=width,
                        delimiter=source.delimiter,
                        found=len(record),
                    )
                )
                if len(problems) == MAX_PROBLEMS_PER_COLUMN:
                    break
    except csv.Error as exc:
        too_long = "field larger than field limit" in str(exc)
        kod, values = (
            ("csv_cell_too_long", {"millions": MAX_CELL_CHARS // 1_000_000}) if too_long else ("csv_unclosed_quote", {})
        )
        problems.append(error(spec.filename, row + 1, None, None, kod, **values))
    if not problems:
        problems.append(error(spec.filename, None, None, None, "csv_unreadable", delimiter=source.delimiter))
    return problems
