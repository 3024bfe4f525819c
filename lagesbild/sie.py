"""Reading an SIE 4 ledger export (SIE-Gruppen's format 4B) into ledger rows, one per counted #TRANS."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lagesbild.problems import MORE, Problem, error, param, warning

# How many problems of one kind are listed one by one before the rest are only counted: a
# ledger of a million broken rows must not become a million messages.
MAX_PROBLEMS_PER_KIND = 50
_SNIFF_BYTES = 4096
_MAX_INTEGER_DIGITS = 16  # the ledger's amounts end up as DECIMAL(18,2)
_MAX_SHOWN = 80  # characters of a record quoted in a problem
_CACHE_SIZE = 100_000  # distinct dates and object lists remembered

_BOM = b"\xef\xbb\xbf"
_SIE_START = re.compile(rb"[ \t]*#(?:FLAGGA|SIETYP)(?:[ \t]|$)", re.IGNORECASE)
_SIE_PREAMBLE = re.compile(rb"[ \t]*#(?:PROGRAM|FORMAT|GEN)(?:[ \t]|$)", re.IGNORECASE)
_FORMAT = re.compile(rb"(?:^|[\r\n])[ \t]*#FORMAT[ \t]+\"?([^\s\"]+)", re.IGNORECASE)
# #FORMAT names seen in exports; SIE itself defines only PC8 (IBM PC 8-bit, code page 437).
_ENCODINGS = {
    "PC8": "cp437",
    "IBM437": "cp437",
    "CP437": "cp437",
    "UTF8": "utf-8",
    "UTF-8": "utf-8",
    "ANSI": "cp1252",
    "WINDOWS": "cp1252",
    "WINDOWS-1252": "cp1252",
    "CP1252": "cp1252",
    "ISO-8859-1": "latin-1",
    "ISO8859-1": "latin-1",
    "LATIN1": "latin-1",
    "LATIN-1": "latin-1",
}

# One field of a record: a quoted text (escapes \" and \\), a brace, a bare word, or a quote
# that is never closed. Whitespace between fields is what finditer steps over.
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*+)"|([{}])|([^\s"{}]+)|(")')
_UNESCAPE = re.compile(r'\\(["\\])')
_AMOUNT = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?")
_ACCOUNT = re.compile(r"[0-9]+")
_INTEGER = re.compile(r"[+-]?[0-9]+")

# The problem codes (lagesbild.problem_texts) of what a record's syntax needs.
EXPECTED_QUOTE = "sie_quote"
EXPECTED_BRACES = "sie_braces"

Field = str | list[str]  # a field of a record, or the fields of its object list

# A #TRANS as nearly every program writes it: konto {objektlista} belopp, then words or quoted
# texts without backslashes. Read by this one expression; any other row goes field by field.
_FAST_TRANS = re.compile(
    r"\s+([0-9]+)"  # konto
    r"\s+\{((?:[^{}\"\\]|\"[^\"\\]*\")*+)\}"  # the object list's inside
    r"\s+([^\s\"{}]+)"  # belopp
    r"(?:\s+(?:\"([^\"\\]*)\"|([^\s\"{}]+))"  # transdat
    r"(?:\s+(?:\"([^\"\\]*)\"|([^\s\"{}]+))"  # transtext
    r"(?:\s+(?:\"[^\"\\]*\"|[^\s\"{}]+))*+)?)?"  # kvantitet, sign
)
_CANONICAL = re.compile(r"-?(?:0|[1-9][0-9]{0,15})\.[0-9]{2}")


@dataclass
class Ledger:
    """The counted rows of an SIE file as columns, the names it declares, and what was wrong.

    Rows with the same object list share one dict in `objekt`: treat them as read-only.
    """

    rad: list[int] = field(default_factory=list)
    datum: list[str] = field(default_factory=list)
    belopp: list[str] = field(default_factory=list)
    konto: list[str] = field(default_factory=list)
    verifikation: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    objekt: list[dict[int, str]] = field(default_factory=list)
    konton: dict[str, str] = field(default_factory=dict)
    dimensioner: dict[int, str] = field(default_factory=dict)
    objektnamn: dict[tuple[int, str], str] = field(default_factory=dict)
    foretag: str | None = None
    problems: list[Problem] = field(default_factory=list)


def looks_like_sie(data: bytes) -> bool:
    """True when the file opens as SIE does: #FLAGGA or #SIETYP, perhaps after #PROGRAM, #FORMAT, #GEN."""
    head = bytes(data[:_SNIFF_BYTES])
    if head.startswith(_BOM):
        head = head[len(_BOM) :]
    for line in re.split(rb"\r\n|\r|\n", head):
        if not line.strip():
            continue
        if _SIE_START.match(line):
            return True
        if not _SIE_PREAMBLE.match(line):
            return False
    return False


class _Problems:
    """The problems of one file, listed one by one up to a limit per kind and counted beyond it."""

    def __init__(self, fil: str):
        self.fil = fil
        self.items: list[Problem] = []
        self.first: dict[str | tuple, Problem] = {}
        self.counts: dict[str | tuple, int] = {}

    def add(self, problem: Problem) -> None:
        kind = problem.kolumn or (problem.kod, problem.param)
        n = self.counts.get(kind, 0) + 1
        self.counts[kind] = n
        if n == 1:
            self.first[kind] = problem
        if n <= MAX_PROBLEMS_PER_KIND:
            self.items.append(problem)

    def error(self, rad: int | None, kolumn: str | None, varde: str | None, kod: str, **values: int) -> None:
        self.add(error(self.fil, rad, kolumn, varde, kod, **values))

    def warning(self, rad: int | None, kolumn: str | None, varde: str | None, kod: str) -> None:
        self.add(warning(self.fil, rad, kolumn, varde, kod))

    def finish(self) -> list[Problem]:
        for kind, n in self.counts.items():
            if n > MAX_PROBLEMS_PER_KIND:
                first = self.first[kind]
                more = param({**dict(first.param), MORE: n - MAX_PROBLEMS_PER_KIND})
                self.items.append(Problem(first.niva, self.fil, None, first.kolumn, None, first.kod, more))
        return self.items


def _decode(data: bytes, problems: _Problems) -> str:
    """The text as #FORMAT says (PC8, the standard's, when it says nothing); any byte decodes."""
    if data.startswith(_BOM):
        try:
            return data[len(_BOM) :].decode("utf-8")
        except UnicodeDecodeError:
            problems.warning(None, None, None, "sie_bom_not_utf8")
            return data[len(_BOM) :].decode("cp437")
    match = _FORMAT.search(data[:_SNIFF_BYTES])
    name = match.group(1).decode("ascii", "replace").upper() if match else "PC8"
    encoding = _ENCODINGS.get(name)
    if encoding is None:
        problems.warning(None, "#FORMAT", name, "sie_unknown_format")
        encoding = "cp437"
    if encoding == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            problems.warning(None, "#FORMAT", name, "sie_format_not_utf8")
            return data.decode("cp437")
    if encoding == "cp437" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            problems.warning(
                None,
                "#FORMAT",
                name if match else None,
                "sie_looks_utf8",
            )
    return data.decode(encoding)


def _tokens(rest: str) -> tuple[list[Field], str | None]:
    """The fields of a record after its label, an object list as a list of its fields; and what is
    wrong with the record's syntax (None when nothing is)."""
    fields: list[Field] = []
    inner: list[str] | None = None
    wrong: str | None = None
    for m in _TOKEN.finditer(rest):
        quoted, brace, word, unclosed = m.groups()
        if unclosed is not None:
            return fields, EXPECTED_QUOTE
        if brace is not None:
            if brace == "{" and inner is None:
                inner = []
            elif brace == "}" and inner is not None:
                fields.append(inner)
                inner = None
            else:
                wrong = EXPECTED_BRACES
            continue
        if quoted is None:
            value = word
        elif "\\" in quoted:
            value = _UNESCAPE.sub(r"\1", quoted)
        else:
            value = quoted
        if inner is None:
            fields.append(value)
        else:
            inner.append(value)
    if inner is not None:
        return fields, EXPECTED_BRACES
    return fields, wrong


def _plain(pieces: list[str]) -> list[str]:
    """The fields of a text split at its quotes: every second piece is one quoted field."""
    fields: list[str] = []
    for i, piece in enumerate(pieces):
        if i & 1:
            fields.append(piece)
        elif piece:
            fields.extend(piece.split())
    return fields


def _split(rest: str) -> tuple[list[Field], str | None]:
    """As _tokens, but a record without braces or backslashes (most of them) by plain splitting."""
    if "{" in rest or "}" in rest or "\\" in rest:
        return _tokens(rest)
    pieces = rest.split('"')
    if not len(pieces) & 1:
        return [], EXPECTED_QUOTE
    fields: list[Field] = []
    fields.extend(_plain(pieces) if len(pieces) > 1 else rest.split())
    return fields, None


def _lines(text: str, chunk: int = 1 << 20) -> Iterator[str]:
    """The lines of a text whose line ends are \\n, split a chunk at a time so that a large file is
    never held as one list of lines as well as its text."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + chunk)
        if end == -1:
            end = size
        yield from text[start:end].split("\n")
        start = end + 1


def _shown(line: str) -> str:
    line = line.strip()
    return line if len(line) <= _MAX_SHOWN else line[: _MAX_SHOWN - 1] + "…"


@dataclass
class _Voucher:
    line: int
    shown: str  # the #VER record as a problem quotes it
    verifikation: str
    datum: str | None  # None when verdatum is missing or unreadable
    text: str
    broken: bool  # the #VER itself could not be read: its rows cannot be placed


class _Reader:
    def __init__(self, filename: str):
        self.problems = _Problems(filename)
        self.ledger = Ledger()
        self.dates: dict[str, str | None] = {}
        self.accounts: dict[str, str] = {}
        self.no_objects: dict[int, str] = {}
        self.object_lists: dict[str | tuple[str, ...], dict[int, str]] = {"": self.no_objects, (): self.no_objects}

    def date(self, raw: str) -> str | None:
        """yyyy-mm-dd from ÅÅÅÅMMDD (or ÅÅÅÅ-MM-DD, which some programs write); None when it is no date."""
        iso = self.dates.get(raw, "")
        if iso != "":
            return iso
        digits = raw.replace("-", "") if len(raw) == 10 and raw[4] == "-" and raw[7] == "-" else raw
        parsed: str | None = None
        if len(digits) == 8 and digits.isascii() and digits.isdigit():
            try:
                parsed = datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
            except ValueError:
                parsed = None
        if len(self.dates) < _CACHE_SIZE:
            self.dates[raw] = parsed
        return parsed

    def objects(self, key: str | tuple[str, ...], line: int, raw: str) -> dict[int, str] | None:
        """dimension → object of an object list, given as its inside text or as its fields."""
        known = self.object_lists.get(key)
        if known is not None:
            return known
        pairs = _plain(key.split('"')) if isinstance(key, str) else list(key)
        if len(pairs) % 2:
            self.problems.error(line, "objekt", _shown(raw), "sie_object_pairs")
            return None
        result: dict[int, str] = {}
        for dim, code in zip(pairs[::2], pairs[1::2], strict=True):
            if not (dim.isascii() and dim.isdigit() and len(dim) <= 9):
                self.problems.error(line, "objekt", dim, "sie_object_dimension")
                return None
            result[int(dim)] = code
        if len(self.object_lists) < _CACHE_SIZE:
            self.object_lists[key] = result
        return result

    def placed(self, line: int, raw: str, voucher: _Voucher | None) -> bool:
        """Whether a row stands inside the { } of a readable #VER; if not, that is its problem."""
        if voucher is None:
            self.problems.error(line, None, _shown(raw), "sie_outside_voucher")
            return False
        if voucher.broken:
            self.problems.error(line, None, _shown(raw), "sie_broken_voucher", line=voucher.line)
            return False
        return True

    def fast_row(self, m: re.Match[str], line: int, raw: str, voucher: _Voucher | None) -> None:
        """A #TRANS matched by _FAST_TRANS: the same checks as row(), without splitting it into fields."""
        if voucher is None or voucher.broken:
            self.placed(line, raw, voucher)
            return
        konto, inner, belopp, q_date, w_date, q_text, w_text = m.groups()
        transdat = q_date if q_date is not None else (w_date or "")
        transtext = q_text if q_text is not None else (w_text or "")
        self.add(line, raw, voucher, konto, inner, belopp, transdat, transtext)

    def row(self, fields: list[Field], line: int, raw: str, voucher: _Voucher | None) -> None:
        """A #TRANS (or #RTRANS) given as its fields: konto {objektlista} belopp transdat transtext …"""
        if voucher is None or voucher.broken:
            self.placed(line, raw, voucher)
            return
        problems = self.problems
        konto = fields[0] if fields else None
        if not isinstance(konto, str) or not _ACCOUNT.fullmatch(konto):
            problems.error(line, "konto", konto if isinstance(konto, str) else "", "sie_account")
            return
        at = 1
        objects: str | tuple[str, ...] = ""
        if len(fields) > 1 and isinstance(fields[1], list):
            objects = tuple(fields[1])
            at = 2
        values: list[str] = []
        for kolumn, value in zip(("belopp", "transdat", "transtext"), fields[at : at + 3], strict=False):
            if not isinstance(value, str):
                problems.error(line, kolumn, _shown(raw), "sie_not_a_list")
                return
            values.append(value)
        belopp = values[0] if values else None
        transdat = values[1] if len(values) > 1 else ""
        transtext = values[2] if len(values) > 2 else ""
        self.add(line, raw, voucher, konto, objects, belopp, transdat, transtext)

    def add(
        self,
        line: int,
        raw: str,
        voucher: _Voucher,
        konto: str,
        objects: str | tuple[str, ...],
        belopp: str | None,
        transdat: str,
        transtext: str,
    ) -> None:
        """Append one row of a readable #VER to the columns, or note why it cannot count."""
        problems = self.problems
        objekt = self.object_lists.get(objects)
        if objekt is None:
            objekt = self.objects(objects, line, raw)
            if objekt is None:
                return
        fine = belopp is not None and _CANONICAL.fullmatch(belopp) is not None and belopp != "-0.00"
        amount = belopp if fine else self.amount(belopp, line)
        if amount is None:
            return
        if transdat:
            datum = self.dates.get(transdat) or self.date(transdat)
            if datum is None:
                problems.error(line, "transdat", transdat, "sie_date")
                return
        else:
            datum = voucher.datum
            if datum is None:
                problems.error(line, "transdat", "", "sie_date_missing", line=voucher.line)
                return
        account = self.accounts.get(konto)
        if account is None:
            account = self.accounts[konto] = konto
        ledger = self.ledger
        ledger.rad.append(line)
        ledger.datum.append(datum)
        ledger.belopp.append(amount)
        ledger.konto.append(account)
        ledger.verifikation.append(voucher.verifikation)
        ledger.text.append(transtext or voucher.text)
        ledger.objekt.append(objekt)

    def amount(self, raw: str | None, line: int) -> str | None:
        """The canonical text of an amount, e.g. '-1250.50'; None, with its problem noted, when unreadable."""
        if raw is None:
            self.problems.error(line, "belopp", "", "sie_amount")
            return None
        m = _AMOUNT.fullmatch(raw)
        if m is None or not (m.group(2) or m.group(3)):
            self.problems.error(line, "belopp", raw, "sie_amount")
            return None
        sign, whole, decimals = m.groups()
        decimals = decimals or ""
        if len(decimals) > 2:
            if decimals[2:].strip("0"):
                self.problems.error(line, "belopp", raw, "sie_amount_decimals")
                return None
            decimals = decimals[:2]
        whole = whole.lstrip("0") or "0"
        if len(whole) > _MAX_INTEGER_DIGITS:
            self.problems.error(line, "belopp", raw, "sie_amount_digits", digits=_MAX_INTEGER_DIGITS)
            return None
        text = f"{whole}.{decimals:0<2}"
        if sign == "-" and text != "0.00":
            return "-" + text
        return text

    def voucher(self, rest: str, line: int, raw: str) -> _Voucher:
        """#VER serie vernr verdatum vertext regdatum sign"""
        problems = self.problems
        fields, wrong = _split(rest)
        if wrong is not None:
            problems.error(line, None, _shown(raw), wrong)
            return _Voucher(line, _shown(raw), "", None, "", broken=True)
        if len(fields) < 3:
            problems.error(line, "verdatum", "", "sie_voucher_date_missing")
            return _Voucher(line, _shown(raw), "", None, "", broken=True)
        serie, vernr, verdatum = fields[0], fields[1], fields[2]
        vertext = fields[3] if len(fields) > 3 else ""
        if not (isinstance(serie, str) and isinstance(vernr, str) and isinstance(vertext, str)):
            problems.error(line, None, _shown(raw), "sie_voucher_fields")
            return _Voucher(line, _shown(raw), "", None, "", broken=True)
        datum = self.date(verdatum) if isinstance(verdatum, str) else None
        if datum is None:
            problems.error(line, "verdatum", verdatum if isinstance(verdatum, str) else "", "sie_date")
        return _Voucher(line, _shown(raw), serie + vernr, datum, vertext, broken=False)

    def names(self, label: str, rest: str) -> None:
        """#KONTO, #DIM, #OBJEKT and #FNAMN: names only, so one that cannot be read is passed over."""
        fields, wrong = _split(rest)
        if wrong is not None:
            return
        ledger = self.ledger
        values = [f for f in fields if isinstance(f, str)]
        if label == "#KONTO" and len(values) >= 2:
            ledger.konton[values[0]] = values[1]
        elif label == "#DIM" and len(values) >= 2 and _INTEGER.fullmatch(values[0]) and len(values[0]) <= 9:
            ledger.dimensioner[int(values[0])] = values[1]
        elif label == "#OBJEKT" and len(values) >= 3 and _INTEGER.fullmatch(values[0]) and len(values[0]) <= 9:
            ledger.objektnamn[(int(values[0]), values[1])] = values[2]
        elif label == "#FNAMN" and values:
            ledger.foretag = values[0]

    def read(self, data: bytes) -> Ledger:
        problems = self.problems
        text = _decode(data, problems)
        if "\r" in text:
            text = text.replace("\r\n", "\n")
            if "\r" in text:
                text = text.replace("\r", "\n")
        lines = _lines(text)
        voucher: _Voucher | None = None  # the #VER whose { } the rows are in, once its { is read
        pending: _Voucher | None = None  # a #VER still waiting for its {
        added: list[Field] | None = None  # the fields of the #RTRANS just read
        vouchers = 0
        fast = _FAST_TRANS.fullmatch
        canonical = _CANONICAL.fullmatch
        fast_row = self.fast_row
        object_lists, dates, accounts = self.object_lists, self.dates, self.accounts
        ledger = self.ledger
        rads, datums, belopps, kontos = ledger.rad, ledger.datum, ledger.belopp, ledger.konto
        verifikations, texts, objekts = ledger.verifikation, ledger.text, ledger.objekt
        for n, raw in enumerate(lines, 1):
            s = raw.strip()
            if not s:
                continue
            if s[0] != "#":
                if s == "{" and pending is not None:
                    voucher, pending = pending, None
                elif s == "}" and voucher is not None:
                    voucher = None
                elif s in ("{", "}"):
                    problems.error(n, None, s, "sie_brace_alone")
                if s == "}":
                    added = None
                continue
            if added is None and s.startswith("#TRANS"):
                m = fast(s, 6)
                if m is not None:
                    # The common row, well formed and with a date and object list seen before, is
                    # appended here; anything else goes through fast_row and its checks.
                    if voucher is not None and not voucher.broken:
                        konto, inner, belopp, q_date, w_date, q_text, w_text = m.groups()
                        objekt = object_lists.get(inner)
                        if objekt is not None and canonical(belopp) and belopp != "-0.00":
                            transdat = q_date if q_date is not None else w_date
                            datum = dates.get(transdat) if transdat else voucher.datum
                            account = accounts.get(konto)
                            if datum is not None and account is not None:
                                rads.append(n)
                                datums.append(datum)
                                belopps.append(belopp)
                                kontos.append(account)
                                verifikations.append(voucher.verifikation)
                                texts.append((q_text if q_text is not None else w_text) or voucher.text)
                                objekts.append(objekt)
                                continue
                    fast_row(m, n, s, voucher)
                    continue
            parts = s.split(None, 1)
            label = parts[0].upper()
            rest = parts[1] if len(parts) > 1 else ""
            if label == "#TRANS":
                fields, wrong = _split(rest)
                if added is not None:
                    # The copy of a #RTRANS for programs that do not know #RTRANS: already counted.
                    same = fields[:5] == added[:5]
                    added = None
                    if same:
                        continue
                    problems.warning(n, None, _shown(s), "sie_rtrans_copy")
                if wrong is not None:
                    problems.error(n, None, _shown(s), wrong)
                else:
                    self.row(fields, n, s, voucher)
                continue
            added = None
            if label == "#RTRANS":
                fields, wrong = _split(rest)
                added = fields
                if wrong is not None:
                    problems.error(n, None, _shown(s), wrong)
                else:
                    self.row(fields, n, s, voucher)
            elif label == "#BTRANS":
                continue  # a row removed later: not part of the ledger
            elif label == "#VER":
                vouchers += 1
                if pending is not None:
                    problems.error(pending.line, None, pending.shown, "sie_voucher_open")
                if voucher is not None:
                    problems.error(voucher.line, None, voucher.shown, "sie_voucher_unclosed")
                pending, voucher = self.voucher(rest, n, s), None
            elif label in ("#KONTO", "#DIM", "#OBJEKT", "#FNAMN"):
                self.names(label, rest)
            elif pending is not None:
                problems.error(pending.line, None, pending.shown, "sie_voucher_open")
                pending = None
        if pending is not None:
            problems.error(pending.line, None, pending.shown, "sie_voucher_open")
        if voucher is not None:
            problems.error(voucher.line, None, voucher.shown, "sie_voucher_unclosed_end")
        if not vouchers:
            # A ledger without vouchers has no row to read: this error says why in SIE's own words.
            problems.error(None, None, None, "sie_no_vouchers")
        self.ledger.problems = problems.finish()
        return self.ledger


def read(data: bytes, filename: str) -> Ledger:
    """The ledger rows of an SIE 4 file; never raises: what cannot be read is a problem naming its line."""
    return _Reader(filename).read(bytes(data))
