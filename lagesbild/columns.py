"""Every table's columns, once: the dashboard, the Excel workbooks and the PDF packs show them from here."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from lagesbild import formatting, i18n

# Cell kinds: how a value is written in a table.
KR, PCT, SHARE_PCT, DATE, NUM, INT, TEXT, STATUS, FLAG, LABEL = (
    "kr",
    "pct",
    "share",
    "date",
    "num",
    "int",
    "text",
    "status",
    "flag",
    "label",
)
# Kinds written as figures: right-aligned so that their digits line up.
NUMERIC = (KR, PCT, SHARE_PCT, NUM, INT)
# Kinds a total row may write its word Totalt in.
NAMING = (TEXT, STATUS, LABEL)


@dataclass(frozen=True)
class Column:
    """One column of a table: the query's field, its header's text key and how its cells are written.

    total: True when a total row adds the column up; the name of a field of the query holding the
    column's total (a window total, for a ratio); False when the total row leaves it empty.
    width: its width in the PDF, relative to the table's other columns.
    decimals: the decimals of a figure, when not its kind's own.
    key: for LABEL, the text key of a value (flag_short.tak for tak); the value is the key when None.
    """

    field: str
    label: str
    kind: str = TEXT
    total: bool | str = False
    width: float = 1.0
    decimals: int | None = None
    key: Callable[[object], str] | None = None


Spec = tuple[Column, ...]


def pick(spec: Spec, names: str, total: bool = True) -> Spec:
    """The columns of spec named in names (space-separated), in that order; total=False leaves out the total row."""
    by_field = {c.field: c for c in spec}
    chosen = tuple(by_field[name] for name in names.split())
    return chosen if total else tuple(dataclasses.replace(c, total=False) for c in chosen)


def fields(spec: Spec) -> list[str]:
    return [c.field for c in spec]


def _text(value, column: Column, lang: str) -> str:
    return i18n.t(str(value) if column.key is None else column.key(value), lang)


def flag_key(value) -> str:
    """The short text of a financing rule a financier breaks (queries/financiers.sql's flaggor)."""
    return f"flag_short.{value}"


def meeting_state_key(value) -> str:
    """The text of a steering group meeting's state (queries/steering_meetings.sql's lage)."""
    return f"meeting_state.{value}"


def binding_key(value) -> str:
    """The text of the limit that binds a financier's claim basis (queries/financiers.sql's begransning)."""
    return f"claim.binding.{value}"


def cell(value, column: Column, lang: str, blank: str = "") -> str:
    """A value as a reader sees it in column, in lang (figures in formatting's current language): blank when missing."""
    kind, decimals = column.kind, column.decimals
    if formatting.missing(value):
        return blank
    if kind == KR:
        return formatting.kr(value, decimals or 0)
    if kind == PCT:
        return formatting.pct(value, 1 if decimals is None else decimals)
    if kind == SHARE_PCT:
        return formatting.pct(float(value) / 100, 1 if decimals is None else decimals)
    if kind == DATE:
        return formatting.date(value)
    if kind == NUM:
        if decimals is None:
            return formatting.number(value, 0 if float(value).is_integer() else 1)
        return formatting.number(value, decimals)
    if kind == INT:
        return formatting.number(value)
    if kind == STATUS:
        return i18n.status(str(value), lang)
    if kind == FLAG:
        return i18n.t("yes", lang) if bool(value) else ""
    if not pd.api.types.is_scalar(value):  # a list: its values one after the other
        written = [_text(v, column, lang) if kind == LABEL else str(v) for v in value]
        return ", ".join(written) or blank
    if kind == LABEL:  # a text key of ours, not data
        return _text(value, column, lang)
    return str(value)


def has_total(spec: Spec) -> bool:
    return any(c.total for c in spec)


def naming(spec: Spec) -> str | None:
    """The field a total row writes Totalt in: the first column of words."""
    return next((c.field for c in spec if c.kind in NAMING), None)


def total_row(df: pd.DataFrame, spec: Spec) -> dict[str, object] | None:
    """The last row of a table whose spec marks totals, field → value: plain sums of the columns marked True,
    the query's own total for those naming one, None elsewhere (naming()'s field is for the word Totalt).

    None when nothing is added up, or for a single row, where it would only repeat it.
    """
    if not has_total(spec) or len(df) <= 1:
        return None
    row: dict[str, object] = {}
    for c in spec:
        if c.total is True:
            row[c.field] = df[c.field].sum(min_count=1)
        elif isinstance(c.total, str):
            row[c.field] = df[c.total].iloc[0]
        else:
            row[c.field] = None
    return row


def cells(df: pd.DataFrame, spec: Spec, lang: str, blank: str = "") -> list[list[str]]:
    """Each column of df written out as its spec says, a column at a time, a total row last when the spec has one."""
    written = [[cell(v, c, lang, blank) for v in df[c.field].tolist()] for c in spec]
    total = total_row(df, spec)
    if total is not None:
        named = naming(spec)
        for c, column in zip(spec, written, strict=True):
            if c.field == named:
                column.append(i18n.t("total", lang))
            else:
                column.append(cell(total[c.field], c, lang, blank) if c.total else "")
    return written


def rows(df: pd.DataFrame, spec: Spec, lang: str, blank: str = "") -> list[list[str]]:
    """cells() a row at a time."""
    return [list(row) for row in zip(*cells(df, spec, lang, blank), strict=True)]


# --- the tables -------------------------------------------------------------------------------

COSTS_BY_CATEGORY: Spec = (
    Column("kostnadsslag", "col.category", TEXT, width=54),
    Column("budget_kr", "col.budget", KR, True, 32),
    Column("plan_till_datum_kr", "col.plan_to_date", KR, True, 32),
    Column("upparbetat_kr", "col.spent", KR, True, 32),
    Column("avvikelse_kr", "col.deviation", KR, True, 32),
    Column("kvar_kr", "col.left", KR, True, 32),
    Column("upparbetat_andel", "col.share", PCT, "upparbetat_andel_totalt", 24),
    Column("beraknat", "col.computed", FLAG, width=20),
)

COSTS_BY_CATEGORY_AND_YEAR: Spec = (
    Column("kostnadsslag", "col.category", TEXT),
    Column("ar", "col.year", TEXT),
    Column("budget_kr", "col.budget", KR),
    Column("upparbetat_kr", "col.spent", KR),
)

COSTS_BY_MONTH: Spec = (
    Column("manad", "col.month", DATE),
    Column("plan_kr", "col.plan", KR),
    Column("upparbetat_kr", "col.spent", KR),
    Column("plan_ackumulerat_kr", "col.plan_cum", KR),
    Column("upparbetat_ackumulerat_kr", "col.spent_cum", KR),
    Column("prognos_ackumulerat_kr", "col.forecast_cum", KR),
)

# queries/financiers.sql, as of the report date or over a reporting period.
FINANCIERS: Spec = (
    Column("finansiar", "col.financier", TEXT, width=50),
    Column("typ", "col.type", TEXT, width=24),
    Column("atagande_kr", "col.commitment", KR, True, 26),
    Column("atagande_andel", "share_of_financing", PCT, "atagande_andel_totalt", 24),
    Column("fordelat_kr", "col.allocated", KR, True, 26),
    Column("fordelat_ackumulerat_kr", "col.allocated_cum", KR, True, 26),
    Column("kvar_kr", "col.left", KR, True, 26),
    Column("rekvirerat_kr", "col.claimed", KR, True, 26),
    Column("rekvirerat_ackumulerat_kr", "col.claimed_cum", KR, True, 26),
    Column("inbetalt_kr", "col.paid", KR, True, 26),
    Column("inbetalt_ackumulerat_kr", "col.paid_cum", KR, True, 26),
    Column("att_rekvirera_kr", "col.to_claim", KR, True, 26),
    Column("andel_av_upparbetat", "col.share_of_spent", PCT, width=22),
    # caps and maximum shares are each financier's own, not to be added up
    Column("maxandel_procent", "col.max_share", SHARE_PCT, width=22),
    Column("maxandel_kr", "col.max_share_kr", KR, width=26),
    Column("tak_kr", "col.cap", KR, width=26),
    Column("underlag_kr", "col.basis", KR, True, 26),
    Column("begransning", "col.binding", LABEL, width=22, key=binding_key),
    Column("flaggor", "col.flags", LABEL, width=30, key=flag_key),
)

# The women and men of a value (queries/indicator_values.sql), or of an indicator's latest value (indicators.sql).
GENDER_SPLIT: Spec = (
    Column("kvinnor", "col.women", NUM, width=13),
    Column("man", "col.men", NUM, width=13),
)

INDICATORS: Spec = (
    Column("id", "col.id", TEXT, width=8),
    Column("mal", "col.goal", TEXT, width=10),
    Column("mal_text", "col.goal_text", TEXT, width=30),
    Column("namn", "col.name", TEXT, width=40),
    Column("enhet", "col.unit", TEXT, width=14),
    Column("utgangsvarde", "col.baseline", NUM, width=14),
    Column("malvarde", "col.target", NUM, width=13),
    Column("maldatum", "col.target_date", DATE, width=18),
    Column("senaste_varde", "col.latest", NUM, width=14),
    Column("senaste_datum", "col.latest_date", DATE, width=18),
    *GENDER_SPLIT,
    Column("progress", "col.progress", PCT, width=17),
    Column("forvantat", "col.expected", PCT, width=16),
    Column("status", "col.status", STATUS, width=14),
)

INDICATOR_VALUES: Spec = (
    Column("mal", "col.goal", TEXT),
    Column("enhet", "col.unit", TEXT),
    Column("datum", "col.date", DATE),
    Column("varde", "col.value", NUM),
    *GENDER_SPLIT,
    Column("kommentar", "col.comment", TEXT),
)

ACTIVITIES: Spec = (
    Column("id", "col.id", TEXT, width=11),
    Column("omrade", "col.area", TEXT, width=25),
    Column("aktivitet", "col.activity", TEXT, width=62),
    Column("mal", "col.goal", TEXT, width=12),
    Column("ansvarig", "col.owner", TEXT, width=25),
    Column("start", "col.start", DATE, width=19),
    Column("slut", "col.end", DATE, width=19),
    Column("visad_status", "col.status", STATUS, width=21),
    Column("status", "col.file_status", STATUS, width=21),
    Column("andel_klar", "col.done", SHARE_PCT, width=17, decimals=0),
    Column("kommentar", "col.comment", TEXT, width=40),
)

INFLUENCE_EFFORTS: Spec = (
    Column("id", "col.id", TEXT, width=11),
    Column("fraga", "col.issue", TEXT, width=46),
    Column("mottagare", "col.recipient", TEXT, width=30),
    Column("niva", "col.level", TEXT, width=16),
    Column("kanal", "col.channel", TEXT, width=16),
    Column("ansvarig", "col.owner", TEXT, width=20),
    Column("status", "col.status", STATUS, width=17),
    Column("datum", "col.date", DATE, width=18),
    Column("sista_svarsdag", "col.deadline", DATE, width=20),
    Column("dagar_till_svarsdag", "col.days_left", INT, width=14),
    Column("forsenad", "col.overdue", FLAG, width=14),
    Column("diarienummer", "col.reference", TEXT, width=20),
    Column("medundertecknare", "col.cosigners", TEXT, width=30),
    Column("prioritet", "col.priority", TEXT, width=14),
    Column("nasta_steg", "col.next_step", TEXT, width=32),
    Column("resultat", "col.outcome", STATUS, width=17),
    Column("lank", "col.link", TEXT, width=30),
)

INFLUENCE_COUNTS: Spec = (
    Column("status", "col.status", STATUS),
    Column("antal", "col.count", INT, "antal_totalt"),
    Column("forsenade", "col.overdue", INT, "forsenade_totalt"),
)

MEETINGS_BY_TYPE: Spec = (
    Column("typ", "col.type", TEXT, width=64),
    Column("antal", "col.count", INT, True, 24),
    Column("kvinnor", "col.women", INT, True, 26),
    Column("man", "col.men", INT, True, 26),
    Column("annat", "col.other", INT, True, 24),
    Column("andel_kvinnor", "col.women_share", PCT, "andel_kvinnor_totalt", 34),
)

RISKS: Spec = (
    Column("id", "col.id", TEXT, width=9),
    Column("risk", "col.risk", TEXT, width=40),
    Column("sannolikhet", "col.likelihood", INT, width=17),
    Column("konsekvens", "col.impact", INT, width=17),
    Column("riskvarde", "col.score", INT, width=14),
    Column("atgard", "col.mitigation", TEXT, width=42),
    Column("ansvarig", "col.owner", TEXT, width=22),
    Column("status", "col.status", STATUS, width=13),
)

# queries/decisions.sql; queries/open_decisions.sql has the same columns but the status.
DECISIONS: Spec = (
    Column("id", "col.id", TEXT, width=10),
    Column("datum", "col.date", DATE, width=20),
    Column("beslut", "col.decision", TEXT, width=72),
    Column("ansvarig", "col.owner", TEXT, width=28),
    Column("deadline", "col.decision_deadline", DATE, width=22),
    Column("status", "col.status", STATUS, width=18),
    Column("forsenat", "col.overdue", FLAG, width=22),
)
OPEN_DECISIONS: Spec = pick(DECISIONS, "id datum beslut ansvarig deadline forsenat")

# A reporting period: queries/period_costs_by_category.sql.
PERIOD_COSTS: Spec = (
    Column("kostnadsslag", "col.category", TEXT, width=60),
    Column("budget_kr", "col.budget", KR, True, 30),
    Column("period_kr", "col.this_period", KR, True, 30),
    Column("ackumulerat_kr", "col.cumulative", KR, True, 30),
    Column("kvar_kr", "col.left", KR, True, 30),
    Column("ackumulerat_andel", "col.share", PCT, "ackumulerat_andel_totalt", 24),
    Column("beraknat", "col.computed", FLAG, width=20),
)

# queries/staff_costs.sql: each person's rates, and the period's hours and cost.
STAFF: Spec = (
    Column("person", "col.person", TEXT, width=36),
    Column("roll", "col.role", TEXT, width=30),
    Column("sysselsattningsgrad_procent", "col.planned_share", SHARE_PCT, width=30, decimals=0),
    Column("manadslon_kr", "col.salary", KR, width=26),
    Column("lonebikostnader_procent", "col.on_costs", SHARE_PCT, width=26, decimals=2),
    Column("timkostnad_kr", "col.hourly", KR, width=26, decimals=2),
    Column("planerade_timmar", "col.planned_hours", NUM, True, 36, decimals=1),
    Column("rapporterade_timmar", "col.hours", NUM, True, 36, decimals=1),
    Column("personalkostnad_kr", "col.staff_cost", KR, True, 42),
)

# queries/staff_hours.sql: each person's hours per month.
STAFF_HOURS: Spec = (
    Column("person", "col.person", TEXT),
    Column("manad", "col.month", DATE),
    Column("planerade_timmar", "col.planned_hours", NUM, decimals=1),
    Column("rapporterade_timmar", "col.hours", NUM, decimals=1),
    Column("personalkostnad_kr", "col.staff_cost", KR),
)

# queries/staff_vs_ledger.sql: staff cost from hours against what the ledger booked, per month.
STAFF_VS_LEDGER: Spec = (
    Column("manad", "col.month", DATE),
    Column("personalkostnad_kr", "claim.from_hours", KR),
    Column("bokfort_kr", "claim.booked", KR),
    Column("skillnad_kr", "col.difference", KR),
)

# lagesbild.problems.Problem.as_dict: what Datakvalitet and an upload's check list; a note has no row or value.
PROBLEMS: Spec = (
    Column("niva", "col.level_problem", TEXT),
    Column("fil", "col.file", TEXT),
    Column("rad", "col.row", INT),
    Column("kolumn", "col.column", TEXT),
    Column("varde", "col.value", TEXT),
    Column("forvantat", "col.expected_value", TEXT),
)
NOTES: Spec = (
    Column("fil", "col.file", TEXT),
    Column("kolumn", "col.column", TEXT),
    Column("forvantat", "col.note", TEXT),
)
