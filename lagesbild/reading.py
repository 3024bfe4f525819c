"""Reading one exported file as text into DuckDB, then converting it with checks per cell."""

from __future__ import annotations

import csv
import difflib
import io
import re
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
)

from lagesbild import database, schema, xlsx
from lagesbild.problems import Problem, error
from lagesbild.schema import Column, FileSpec

MAX_PROBLEMS_PER_COLUMN = 50
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")
_SEP_LINE = re.compile(r"^sep=(.)\s*$", re.IGNORECASE)
_DELIMITERS = (";", "\t", ",")
NUMERAL = "__numeral"
_NUMERIC = {schema.AMOUNT, schema.NUMBER, schema.PERCENT, schema.INTEGER, schema.YEAR, schema.SCALE}
_SQL_TYPES = {
    schema.TEXT: "VARCHAR", schema.ENUM: "VARCHAR", schema.AMOUNT: "DECIMAL(18,2)",
    schema.NUMBER: "DOUBLE", schema.PERCENT: "DOUBLE", schema.INTEGER: "BIGINT",
    schema.YEAR: "BIGINT", schema.SCALE: "BIGINT", schema.DATE: "DATE",
}


@dataclass
class Source:
    """A file as DuckDB will read it: a UTF-8 or Latin-1 path, its delimiter and header."""

    path: Path
    encoding: str
    delimiter: str
    skip: int
    header: list[str]
    first_data_line: int
    lines: int  # physical lines up to the last one that is not blank
    text: str | None = None  # the decoded text, kept only when it was decoded anyway


class Unreadable(ValueError):
    """A file that cannot be read at all; rad is the line where that shows, when known."""

    def __init__(self, message: str, rad: int | None = None):
        super().__init__(message)
        self.rad = rad


@dataclass
class ReadResult:
    """The typed table of one file (or None when the file could not be read) and its problems."""

    table: str | None
    problems: list[Problem] = field(default_factory=list)


def find_file(folder: Path, spec: FileSpec) -> Path | None:
    """The export of a spec in a folder: name.csv, else name.xlsx; the stem matched loosely."""
    candidates = {}
    for path in folder.iterdir():
        if path.is_file() and path.suffix.lower() in (".csv", ".xlsx"):
            candidates.setdefault((schema.fold(path.stem), path.suffix.lower()), path)
    stem = schema.fold(spec.stem)
    return candidates.get((stem, ".csv")) or candidates.get((stem, ".xlsx"))


def decode(data: bytes) -> tuple[str, str | None]:
    """(codec, text): UTF-16 with BOM, else UTF-8 (BOM or not), else Windows-1252, strictly.

    text is None when DuckDB can read the bytes as they are (UTF-8 without BOM, or
    Windows-1252 that uses no character outside Latin-1).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data.decode("utf-8-sig")
    try:
        data.decode("utf-8")
        return "utf-8", None
    except UnicodeDecodeError:
        pass
    if not _CP1252_ONLY.search(data):
        return "latin-1", None
    return "cp1252", data.decode("cp1252")


def _first_lines(data: bytes, codec: str, text: str | None, count: int) -> list[str]:
    head = text[:65536] if text is not None else data[:65536].decode(codec, errors="ignore")
    return head.splitlines()[:count]


def _choose_delimiter(line: str, lookup: dict[str, Column]) -> str:
    def score(delim: str) -> tuple[int, int]:
        fields = next(csv.reader([line], delimiter=delim), [])
        return sum(schema.fold(f) in lookup for f in fields), len(fields)

    return max(_DELIMITERS, key=score)


def prepare(path: Path, workdir: Path) -> Source:
    """Decode and sniff a CSV or XLSX file; raises ValueError with a Swedish reason."""
    if path.suffix.lower() == ".xlsx":
        return _prepare_xlsx(path, workdir)
    data = path.read_bytes()
    try:
        codec, text = decode(data)
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"filen kunde inte läsas som UTF-8, UTF-16 eller Windows-1252 – byte 0x{data[exc.start]:02X} "
            "är inget tecken i någon av dem (spara filen som UTF-8)",
            data[: exc.start].count(b"\n") + 1,
        ) from exc
    lines = _first_lines(data, codec, text, 3)
    skip = 0
    delimiter = None
    if lines and (m := _SEP_LINE.match(lines[0])):
        delimiter, skip = m.group(1), 1
    header_line = lines[skip] if len(lines) > skip else ""
    if not header_line.strip():
        raise ValueError("filen är tom – första raden ska vara rubrikraden")
    if delimiter is None:
        delimiter = _choose_delimiter(header_line, {})
    if text is not None:
        target = workdir / f"{path.stem}.utf8.csv"
        target.write_text(text, encoding="utf-8")
        path, codec = target, "utf-8"
    header = next(csv.reader([header_line], delimiter=delimiter))
    return Source(path, "latin-1" if codec == "latin-1" else "utf-8", delimiter, skip, header,
                  skip + 2, _count_lines(data), text)


def _count_lines(data: bytes) -> int:
    end = len(data)
    while end and data[end - 1] in b" \t\r\n\x00;,":  # trailing blank and ;;; lines (no copy)
        end -= 1
    return data.count(b"\n", 0, end) + 1 if end else 0


def sniff_delimiter(source: Source, spec: FileSpec) -> Source:
    """Re-choose the delimiter against the spec's known headers when no sep= line fixed it."""
    if source.skip:
        return source
    raw_header = source.delimiter.join(source.header)
    delimiter = _choose_delimiter(raw_header, schema.header_lookup(spec))
    if delimiter == source.delimiter:
        return source
    header = next(csv.reader([raw_header], delimiter=delimiter))
    return Source(source.path, source.encoding, delimiter, source.skip, header,
                  source.first_data_line, source.lines, source.text)


def _prepare_xlsx(path: Path, workdir: Path) -> Source:
    text = xlsx.sheet_as_csv(path)
    target = workdir / f"{path.stem}.xlsx.csv"
    target.write_text(text, encoding="utf-8")
    header = next(csv.reader([text.split("\n", 1)[0]], delimiter=";"))
    return Source(target, "utf-8", ";", 0, header, 2, _count_lines(text.encode()), text)


def map_header(header: list[str], spec: FileSpec) -> tuple[list[str], list[Problem]]:
    """DuckDB names for each header field, and the problems of the header row."""
    lookup = schema.header_lookup(spec)
    names: list[str] = []
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    unknown: list[str] = []
    for position, field_name in enumerate(header, start=1):
        column = lookup.get(schema.fold(field_name))
        if column is None:
            names.append(f"extra_{position}")
            if field_name.strip():
                unknown.append(field_name)
        elif column.key in seen:
            names.append(f"extra_{position}")
            problems.append(error(spec.filename, 1, column.name, field_name,
                                  f"kolumnen {column.name} en gång (den finns redan i kolumn "
                                  f"{seen[column.key]})"))
        else:
            names.append(column.key)
            seen[column.key] = position
    for column in spec.columns:
        if column.required and column.key not in seen:
            close = difflib.get_close_matches(
                schema.fold(column.name), [schema.fold(u) for u in unknown], n=1, cutoff=0.6)
            found = next((u for u in unknown if close and schema.fold(u) == close[0]), None)
            problems.append(error(spec.filename, 1, column.name, found,
                                  f"en obligatorisk kolumn med rubriken {column.name}"
                                  + (" (stavningen känns inte igen)" if found else " – den saknas")))
    return names, problems


def _line_numbers(source: Source) -> pd.DataFrame:
    """Excel row of each record, for files where blank lines or line breaks in cells shift them."""
    text = source.text if source.text is not None else source.path.read_bytes().decode(
        "latin-1" if source.encoding == "latin-1" else "utf-8")
    rows: list[int] = []
    reader = csv.reader(io.StringIO(text), delimiter=source.delimiter)
    # Excel hides a sep= line, shows a blank line as an empty row and a quoted line break
    # inside its cell: each CSV record is one row, the header row 1.
    row = -source.skip
    for record in reader:
        row += 1
        if row >= 2 and record:  # DuckDB skips only empty lines
            rows.append(row)
    return pd.DataFrame({"record_nr": range(1, len(rows) + 1), "excel_rad": rows})


def _convert(column: Column) -> list[tuple[str, duckdb.Expression]]:
    """(name, expression) pairs that turn the text column into its typed column(s)."""
    raw = ColumnExpression(column.key)
    kind = column.kind
    if kind == schema.TEXT:
        return [(column.key, raw)]
    if kind == schema.ENUM:
        expr = None
        for spelling, value in schema.value_lookup(column).items():
            test = FunctionExpression("sv_fold", raw) == ConstantExpression(spelling)
            expr = CaseExpression(test, ConstantExpression(value)) if expr is None else expr.when(
                test, ConstantExpression(value))
        return [(column.key, expr)]
    if kind == schema.ACCOUNT_RANGE:
        low = FunctionExpression("sv_whole", FunctionExpression(
            "split_part", raw, ConstantExpression("-"), ConstantExpression(1)))
        high_text = FunctionExpression("nullif", FunctionExpression(
            "split_part", raw, ConstantExpression("-"), ConstantExpression(2)), ConstantExpression(""))
        high = CoalesceOperator(FunctionExpression("sv_whole", high_text), low)
        return [("konto_fran", low), ("konto_till", high)]
    if kind == schema.DATE:
        return [(column.key, FunctionExpression("sv_date", raw))]
    macro = {
        schema.AMOUNT: "sv_amount_of", schema.NUMBER: "sv_number_of", schema.PERCENT: "sv_number_of",
        schema.INTEGER: "sv_whole_of", schema.YEAR: "sv_whole_of", schema.SCALE: "sv_whole_of",
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
        if column.key not in present:
            value = ConstantExpression(column.default)
            sql_type = _SQL_TYPES.get(column.kind, "BIGINT")
            if column.kind != schema.TEXT:
                # The checks quote the cell as written, so an absent column has its text too.
                exprs.append(ConstantExpression(None).cast(duckdb.sqltype("VARCHAR"))
                             .alias(f"{column.key}__text"))
            exprs += [value.cast(duckdb.sqltype(sql_type)).alias(name) for name, _ in pairs]
            continue
        if column.kind != schema.TEXT:
            exprs.append(ColumnExpression(column.key).alias(f"{column.key}__text"))
        for name, expr in pairs:
            if column.default is not None:
                # Only an empty cell takes the default: an unknown value stays unreadable.
                expr = CaseExpression(ColumnExpression(column.key).isnull(),
                                      ConstantExpression(column.default)).otherwise(expr)
            exprs.append(expr.alias(name))
    return exprs


def _trimmed_select(spec: FileSpec, present: set[str], offset: int,
                    mapped: bool) -> list[duckdb.Expression]:
    rad = ColumnExpression("excel_rad") if mapped else (
        ColumnExpression("record_nr") + ConstantExpression(offset))
    exprs = [ColumnExpression("record_nr"), rad.alias("rad")]
    for column in spec.columns:
        if column.key in present:
            trimmed = FunctionExpression("trim", ColumnExpression(column.key))
            exprs.append(FunctionExpression("nullif", trimmed, ConstantExpression("")).alias(column.key))
            if column.kind in _NUMERIC:
                numeral = FunctionExpression("sv_numeral", ColumnExpression(column.key))
                exprs.append(numeral.alias(f"{column.key}{NUMERAL}"))
    return exprs


def empty_table(con: duckdb.DuckDBPyConnection, spec: FileSpec) -> None:
    """The typed table of a file that is absent or unreadable: no rows, the same columns."""
    frame = pd.DataFrame({"record_nr": pd.Series([], dtype="int64")})
    rel = con.from_df(frame).select(
        ColumnExpression("record_nr"), ColumnExpression("record_nr").alias("rad"))
    rel.select(ColumnExpression("record_nr"), *_typed_select(spec, set())).create(spec.stem)


def _cell_problems(con: duckdb.DuckDBPyConnection, spec: FileSpec, present: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    table = con.table(spec.stem)
    checks = list(_cell_checks(spec, present))
    if not checks:
        return problems
    # One query finds out whether any cell is bad: most files have none.
    any_bad = checks[0][2]
    for _, _, condition, _ in checks[1:]:
        any_bad = any_bad | condition
    if not table.filter(any_bad).limit(1).fetchall():
        return problems
    for column, text, condition, expected in checks:
        found = table.filter(condition).order("rad").limit(MAX_PROBLEMS_PER_COLUMN + 1)
        rows = found.select(ColumnExpression("rad"), ColumnExpression(text)).fetchall()
        for rad, value in rows[:MAX_PROBLEMS_PER_COLUMN]:
            problems.append(error(spec.filename, int(rad), column.name, value, expected))
        if len(rows) > MAX_PROBLEMS_PER_COLUMN:
            total = table.filter(condition).count("*").fetchall()[0][0]
            problems.append(error(spec.filename, None, column.name, None,
                                  f"{expected} – ytterligare {total - MAX_PROBLEMS_PER_COLUMN} "
                                  "rader har samma fel"))
    return problems


def _cell_checks(spec: FileSpec, present: set[str]) -> Iterator[tuple[Column, str, duckdb.Expression, str]]:
    """(column, its text column, condition of a bad cell, what was expected) for each check."""
    for column in spec.columns:
        if column.key not in present:
            continue
        text = column.key if column.kind == schema.TEXT else f"{column.key}__text"
        typed = "konto_fran" if column.kind == schema.ACCOUNT_RANGE else column.key
        checks = []
        if column.must_have_value:
            checks.append((ColumnExpression(text).isnull(), "ett värde – cellen är tom"))
        if column.kind != schema.TEXT:
            unreadable = ColumnExpression(text).isnotnull() & ColumnExpression(typed).isnull()
            if column.kind == schema.ACCOUNT_RANGE:
                unreadable = ColumnExpression(text).isnotnull() & (
                    ColumnExpression("konto_fran").isnull()
                    | (ColumnExpression("konto_fran") > ColumnExpression("konto_till")))
            checks.append((unreadable, column.expected))
        for condition, expected in checks:
            yield column, text, condition, expected


def read_file(con: duckdb.DuckDBPyConnection, path: Path, spec: FileSpec, workdir: Path) -> ReadResult:
    """Read one file into the typed table named after it; problems name file, row and column."""
    result = ReadResult(None)
    try:
        source = sniff_delimiter(prepare(path, workdir), spec)
    except ValueError as exc:
        result.problems.append(error(spec.filename, getattr(exc, "rad", None), None, None, str(exc)))
        empty_table(con, spec)
        return result
    names, header_problems = map_header(source.header, spec)
    result.problems += header_problems
    if any(p.is_error for p in header_problems):
        empty_table(con, spec)
        return result
    present = {n for n in names if not n.startswith("extra_")}
    params = {"path": str(source.path), "delim": source.delimiter, "skip": source.skip,
              "encoding": source.encoding, "names": names}
    try:
        _create(con, spec, source, params, present, None)
        records = con.table(spec.stem).aggregate("max(record_nr)").fetchall()[0][0] or 0
        if source.lines - (source.first_data_line - 1) != records:
            # Blank lines or line breaks inside cells: number the rows as Excel shows them.
            _drop(con, spec)
            _create(con, spec, source, params, present, _line_numbers(source))
    except duckdb.Error:
        result.problems.append(_malformed(source, spec, len(names)))
        _drop(con, spec)
        empty_table(con, spec)
        return result
    result.table = spec.stem
    result.problems += _cell_problems(con, spec, present)
    return result


def _create(con, spec: FileSpec, source: Source, params: dict, present: set[str],
            mapping: pd.DataFrame | None) -> None:
    rel = con.sql(database.sql("read_csv_as_text"), params=params)
    offset = 1  # the header is row 1 in Excel, also below a sep= line that Excel hides
    if mapping is not None:
        rel = rel.join(con.from_df(mapping), "record_nr")
    trimmed = rel.select(*_trimmed_select(spec, present, offset, mapping is not None))
    not_blank = CoalesceOperator(*[ColumnExpression(k) for k in present])
    trimmed.filter(not_blank.isnotnull()).select(
        ColumnExpression("record_nr"), *_typed_select(spec, present)).create(spec.stem)


def _drop(con: duckdb.DuckDBPyConnection, spec: FileSpec) -> None:
    # Table names are the schema's own constant file stems, never user input.
    assert re.fullmatch(r"[a-z]+", spec.stem)
    con.execute(f"drop table if exists {spec.stem}")


def _malformed(source: Source, spec: FileSpec, width: int) -> Problem:
    """The first record DuckDB could not read, found again line by line for the message."""
    text = source.text if source.text is not None else source.path.read_bytes().decode(
        "latin-1" if source.encoding == "latin-1" else "utf-8")
    reader = csv.reader(io.StringIO(text), delimiter=source.delimiter, strict=True)
    row = -source.skip  # Excel rows, as in _line_numbers
    delimiter = _show(source.delimiter)
    try:
        for record in reader:
            row += 1
            if row >= 2 and record and len(record) != width:
                return error(spec.filename, row, None, source.delimiter.join(record)[:80],
                             f"{width} fält avgränsade med '{delimiter}' som på rubrikraden, "
                             f"men raden har {len(record)}")
    except csv.Error:
        return error(spec.filename, row + 1, None, None,
                     'ett citattecken (") som avslutas – fältet som börjar här stängs aldrig')
    return error(spec.filename, None, None, None,
                 f"en CSV-fil med '{delimiter}' som avgränsare och citattecken (\") runt fält")


def _show(delimiter: str) -> str:
    return {"\t": "tabb"}.get(delimiter, delimiter)
