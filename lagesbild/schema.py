"""The files of a project folder, their columns, kinds and value sets (data contract §2)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Column kinds. Each kind is read as text and converted by one SQL macro in queries/macros.
TEXT = "text"
AMOUNT = "amount"  # kronor, at most two decimals
NUMBER = "number"  # any decimal number
INTEGER = "integer"
PERCENT = "percent"  # a number, optionally followed by %
YEAR = "year"
DATE = "date"
ENUM = "enum"
SCALE = "scale"  # whole number 1–4
ACCOUNT_RANGE = "account_range"  # 7010 or 7000-7699

# The problem code (lagesbild.problem_texts) of a cell that does not convert to its column's kind.
EXPECTED = {
    AMOUNT: "cell_amount",
    NUMBER: "cell_number",
    INTEGER: "cell_integer",
    PERCENT: "cell_percent",
    YEAR: "cell_year",
    DATE: "cell_date",
    SCALE: "cell_scale",
    ACCOUNT_RANGE: "cell_account_range",
}


@dataclass(frozen=True)
class Column:
    """One column of a file: its Swedish name, SQL name, kind and how strict it is."""

    name: str
    key: str
    kind: str = TEXT
    required: bool = True
    aliases: tuple[str, ...] = ()
    values: tuple[str, ...] = ()  # the value set of an ENUM column, canonical spelling
    default: str | None = None
    cell_required: bool | None = None  # defaults to `required`
    instead: tuple[str, ...] = ()  # keys of columns that may stand in for this required one

    @property
    def must_have_value(self) -> bool:
        return self.required if self.cell_required is None else self.cell_required

    @property
    def expected(self) -> tuple[str, dict[str, str]]:
        """The problem code and its parameters for a cell of this column that does not convert."""
        if self.kind == ENUM:
            return "cell_enum", {"values": ", ".join(self.values)}
        return EXPECTED[self.kind], {}


@dataclass(frozen=True)
class FileSpec:
    """One file of a project folder."""

    stem: str
    required: bool
    columns: tuple[Column, ...]
    may_be_empty: bool = False

    @property
    def filename(self) -> str:
        return f"{self.stem}.csv"

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


# English aliases of value-set members, folded like headers.
VALUE_ALIASES = {
    "Övergripande mål": ("overall goal", "overall objective"),
    "Projektmål": ("project goal", "project objective"),
    "Delmål": ("sub-goal", "subgoal", "sub goal"),
    "Öka": ("increase",),
    "Minska": ("decrease",),
    "Ej påbörjad": ("not started",),
    "Pågår": ("in progress", "ongoing"),
    "Klar": ("done", "completed", "closed"),
    "Pausad": ("paused", "on hold"),
    "Struken": ("cancelled", "canceled"),
    "Hög": ("high",),
    "Medel": ("medium",),
    "Låg": ("low",),
    "Lokal": ("local",),
    "Regional": ("regional",),
    "Nationell": ("national",),
    "EU": ("eu",),
    "Remissvar": ("consultation response",),
    "Möte": ("meeting",),
    "Skrivelse": ("letter",),
    "Debattartikel": ("op-ed", "opinion piece"),
    "Arrangemang": ("event",),
    "Annat": ("other",),
    "Idé": ("idea",),
    "Planerad": ("planned",),
    "Genomförd": ("carried out", "held"),
    "Avslutad": ("finished", "concluded"),
    "Ej bedömt": ("not assessed",),
    "Inget genomslag": ("no impact",),
    "Delvis genomslag": ("partial impact",),
    "Genomslag": ("impact",),
    "Fysiskt": ("in person", "physical"),
    "Digitalt": ("digital", "online"),
    "Hybrid": ("hybrid",),
    "Öppen": ("open",),
    "Stängd": ("closed",),
    "Rekvirerat": ("claimed", "requested"),
    "Inbetalt": ("paid", "received"),
    "Förslag": ("proposal", "proposed"),
}

ACTIVITY_STATUSES = ("Ej påbörjad", "Pågår", "Klar", "Pausad", "Struken")
INFLUENCE_STATUSES = ("Idé", "Planerad", "Pågår", "Genomförd", "Avslutad")

_ID = Column("Id", "id")

FILES: tuple[FileSpec, ...] = (
    FileSpec(
        "budget",
        True,
        (
            Column("Kostnadsslag", "kostnadsslag", aliases=("cost_category",)),
            Column("År", "ar", YEAR, aliases=("year",)),
            Column("Belopp", "belopp", AMOUNT, aliases=("amount",)),
        ),
    ),
    FileSpec(
        "finansiering",
        True,
        (
            Column("Finansiär", "finansiar", aliases=("financier",)),
            Column("År", "ar", YEAR, aliases=("year",)),
            Column("Belopp", "belopp", AMOUNT, aliases=("amount",)),
            Column("Typ", "typ", required=False, aliases=("type",)),
            Column("Maxandel", "maxandel", PERCENT, required=False, aliases=("max_share",)),
            Column("Tak", "tak", AMOUNT, required=False, aliases=("cap",)),
        ),
    ),
    FileSpec(
        "utfall",
        True,
        (
            Column(
                "Datum",
                "datum",
                DATE,
                aliases=("date", "Bokföringsdatum", "Verifikationsdatum", "Transaktionsdatum", "Fakturadatum"),
            ),
            # A full ledger has Debet and Kredit instead: Belopp = Debet − Kredit (contract §3b).
            Column(
                "Belopp",
                "belopp",
                AMOUNT,
                aliases=("amount", "Nettobelopp", "Belopp SEK", "Summa"),
                instead=("debet", "kredit"),
            ),
            Column("Debet", "debet", AMOUNT, required=False, aliases=("debit",)),
            Column("Kredit", "kredit", AMOUNT, required=False, aliases=("credit",)),
            Column("Kostnadsslag", "kostnadsslag", required=False, aliases=("cost_category",)),
            Column(
                "Konto",
                "konto",
                required=False,
                aliases=("account", "Kontonr", "Konto nr", "Konto (BAS)", "Kontonummer"),
            ),
            Column(
                "Verifikation",
                "verifikation",
                required=False,
                aliases=("voucher", "Vernr", "Verifikationsnummer", "Verifikationsnr"),
            ),
            Column("Text", "text", required=False, aliases=("Verifikationstext", "Transaktionstext", "Beskrivning")),
            # The project's code in another organisation's whole ledger; [bokforing] objektkolumn names it.
            Column("Objekt", "objekt", required=False, aliases=("object",)),
        ),
    ),
    FileSpec(
        "konton",
        False,
        (
            Column("Konto", "konto", ACCOUNT_RANGE, aliases=("account",)),
            Column("Kostnadsslag", "kostnadsslag", aliases=("cost_category",)),
        ),
    ),
    FileSpec(
        "inbetalningar",
        False,
        (
            Column("Datum", "datum", DATE, aliases=("date",)),
            Column("Finansiär", "finansiar", aliases=("financier",)),
            Column("Belopp", "belopp", AMOUNT, aliases=("amount",)),
            Column(
                "Typ",
                "typ",
                ENUM,
                required=False,
                aliases=("type",),
                values=("Rekvirerat", "Inbetalt"),
                default="Inbetalt",
            ),
            Column("Avser", "avser", required=False, aliases=("period",)),
        ),
    ),
    FileSpec(
        "mal",
        True,
        (
            _ID,
            Column("Nivå", "niva", ENUM, aliases=("level",), values=("Övergripande mål", "Projektmål", "Delmål")),
            Column("Förälder", "foralder", required=False, aliases=("parent",)),
            Column("Text", "text"),
        ),
    ),
    FileSpec(
        "indikatorer",
        True,
        (
            _ID,
            Column("Mål", "mal", aliases=("goal",)),
            Column("Namn", "namn", aliases=("name",)),
            Column("Enhet", "enhet", aliases=("unit",), cell_required=False),
            Column("Utgångsvärde", "utgangsvarde", NUMBER, aliases=("baseline",)),
            Column("Målvärde", "malvarde", NUMBER, aliases=("target",)),
            Column("Måldatum", "maldatum", DATE, aliases=("target_date",)),
            Column(
                "Riktning",
                "riktning",
                ENUM,
                required=False,
                aliases=("direction",),
                values=("Öka", "Minska"),
                default="Öka",
            ),
            Column("Räknas från", "raknas_fran", required=False, aliases=("counted_from",)),
        ),
    ),
    FileSpec(
        "indikatorvarden",
        True,
        (
            Column("Indikator", "indikator", aliases=("indicator",)),
            Column("Datum", "datum", DATE, aliases=("date",)),
            Column("Värde", "varde", NUMBER, aliases=("value",)),
            Column("Kvinnor", "kvinnor", NUMBER, required=False, aliases=("women",)),
            Column("Män", "man", NUMBER, required=False, aliases=("men",)),
            Column("Kommentar", "kommentar", required=False, aliases=("comment",)),
        ),
        may_be_empty=True,
    ),
    FileSpec(
        "aktiviteter",
        True,
        (
            _ID,
            Column("Område", "omrade", aliases=("area",)),
            Column("Aktivitet", "aktivitet", aliases=("activity",)),
            Column("Mål", "mal", required=False, aliases=("goal",)),
            Column("Ansvarig", "ansvarig", aliases=("owner",)),
            Column("Start", "start", DATE),
            Column("Slut", "slut", DATE, aliases=("end",)),
            Column("Status", "status", ENUM, values=ACTIVITY_STATUSES),
            Column("Andel klar", "andel_klar", PERCENT, required=False, aliases=("percent_done",)),
            Column("Kommentar", "kommentar", required=False, aliases=("comment",)),
        ),
    ),
    FileSpec(
        "paverkan",
        True,
        (
            _ID,
            Column("Fråga", "fraga", aliases=("issue",)),
            Column("Mottagare", "mottagare", aliases=("target",)),
            Column("Nivå", "niva", ENUM, aliases=("level",), values=("Lokal", "Regional", "Nationell", "EU")),
            Column(
                "Kanal",
                "kanal",
                ENUM,
                aliases=("channel",),
                values=("Remissvar", "Möte", "Skrivelse", "Debattartikel", "Arrangemang", "Annat"),
            ),
            Column("Ansvarig", "ansvarig", aliases=("owner",)),
            Column("Status", "status", ENUM, values=INFLUENCE_STATUSES),
            Column("Datum", "datum", DATE, aliases=("date",)),
            Column("Sista svarsdag", "sista_svarsdag", DATE, required=False, aliases=("deadline",)),
            Column("Diarienummer", "diarienummer", required=False, aliases=("reference",)),
            Column("Medundertecknare", "medundertecknare", required=False, aliases=("co_signers",)),
            Column(
                "Prioritet", "prioritet", ENUM, required=False, aliases=("priority",), values=("Hög", "Medel", "Låg")
            ),
            Column("Nästa steg", "nasta_steg", required=False, aliases=("next_step",)),
            Column(
                "Resultat",
                "resultat",
                ENUM,
                required=False,
                aliases=("outcome",),
                values=("Ej bedömt", "Inget genomslag", "Delvis genomslag", "Genomslag"),
                default="Ej bedömt",
            ),
            Column("Länk", "lank", required=False, aliases=("link",)),
        ),
        may_be_empty=True,
    ),
    FileSpec(
        "motesplatser",
        False,
        (
            Column("Datum", "datum", DATE, aliases=("date",)),
            Column("Rubrik", "rubrik", aliases=("title",)),
            Column("Typ", "typ", aliases=("type",)),
            Column("Målgrupp", "malgrupp", required=False, aliases=("audience",)),
            Column("Format", "format", ENUM, values=("Fysiskt", "Digitalt", "Hybrid")),
            # A newsletter or a meeting whose attendance was not counted leaves these empty.
            Column("Kvinnor", "kvinnor", INTEGER, aliases=("women",), cell_required=False),
            Column("Män", "man", INTEGER, aliases=("men",), cell_required=False),
            Column("Annat", "annat", INTEGER, required=False, aliases=("other",)),
            Column(
                "Organisationer", "organisationer", INTEGER, required=False, aliases=("organisations", "organizations")
            ),
            Column("Aktivitet", "aktivitet", required=False, aliases=("activity",)),
            # Extension for associations: which members took part, separated by commas.
            Column("Deltagande medlemmar", "deltagande_medlemmar", required=False, aliases=("participating_members",)),
        ),
    ),
    FileSpec(
        "risker",
        False,
        (
            _ID,
            Column("Risk", "risk"),
            Column("Sannolikhet", "sannolikhet", SCALE, aliases=("likelihood",)),
            Column("Konsekvens", "konsekvens", SCALE, aliases=("impact",)),
            Column("Åtgärd", "atgard", aliases=("mitigation",), cell_required=False),
            Column("Ansvarig", "ansvarig", aliases=("owner",), cell_required=False),
            Column("Status", "status", ENUM, values=("Öppen", "Stängd")),
        ),
    ),
    FileSpec(
        "beslut",
        False,
        (
            _ID,
            Column("Datum", "datum", DATE, aliases=("date",)),
            Column("Beslut", "beslut", aliases=("decision",)),
            Column("Ansvarig", "ansvarig", aliases=("owner",), cell_required=False),
            Column("Deadline", "deadline", DATE, required=False),
            Column("Status", "status", ENUM, values=("Öppen", "Klar", "Förslag")),
        ),
    ),
    # Extension for associations: the members, whose fees are their rows in finansiering.csv.
    FileSpec(
        "medlemmar",
        False,
        (
            Column("Medlem", "medlem", aliases=("member",)),
            Column("Län", "lan", aliases=("county", "region")),
            Column("Typ", "typ", required=False, aliases=("type",)),
            Column("Medlem sedan", "medlem_sedan", DATE, required=False, aliases=("member_since",)),
        ),
    ),
    # The project's own staff: salary and on-costs give the hourly cost (yearly cost / 1 720 hours).
    FileSpec(
        "personal",
        False,
        (
            Column("Person", "person", aliases=("name",)),
            Column("Roll", "roll", aliases=("role",), cell_required=False),
            Column(
                "Planerad sysselsättningsgrad",
                "sysselsattningsgrad",
                PERCENT,
                aliases=("Sysselsättningsgrad", "planned_share", "planned_fte"),
            ),
            Column("Månadslön", "manadslon", AMOUNT, aliases=("monthly_salary", "salary")),
            Column(
                "Lönebikostnader %",
                "lonebikostnader",
                PERCENT,
                aliases=("Lönebikostnader", "on_costs", "salary_on_costs"),
            ),
        ),
    ),
    # Hours each person worked in the project per month; Månad is a date in that month (first day).
    FileSpec(
        "tid",
        False,
        (
            Column("Person", "person", aliases=("name",)),
            Column("Månad", "manad", DATE, aliases=("month",)),
            Column("Timmar", "timmar", NUMBER, aliases=("hours",)),
        ),
    ),
)

FILES_BY_STEM = {f.stem: f for f in FILES}
FILES_BY_FILENAME = {f.filename: f for f in FILES}


# Every kind of white space a spreadsheet writes (no-break and narrow no-break space among them) and _
# count as one space. queries/macros/sv_fold.sql spells the same class; tests hold the two together.
_SPACE_RUN = re.compile("[\t\n\x0b\x0c\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000_]+")


def fold(text: str) -> str:
    """Fold a value for matching: case, accents (å/ä/ö = a/a/o), a BOM, and runs of spaces or _."""
    decomposed = unicodedata.normalize("NFD", text.replace("\ufeff", ""))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE_RUN.sub(" ", bare.lower()).strip()


def header_key(name: str) -> str:
    """Fold a column header: as fold, and spaces, _ and . ignored (Konto nr = Kontonr = Konto_nr)."""
    return fold(name).replace(" ", "").replace(".", "")


def header_lookup(spec: FileSpec) -> dict[str, Column]:
    """header_key of each spelling → column, for the Swedish name, its key and English aliases."""
    lookup: dict[str, Column] = {}
    for column in spec.columns:
        for spelling in (column.name, column.key, *column.aliases):
            lookup[header_key(spelling)] = column
    return lookup


def value_lookup(column: Column) -> dict[str, str]:
    """Folded spelling → canonical value, for an ENUM column's value set and its aliases."""
    lookup: dict[str, str] = {}
    for value in column.values:
        for spelling in (value, *VALUE_ALIASES.get(value, ())):
            lookup[fold(spelling)] = value
    return lookup
