"""Safe CSV and Excel downloads of the meeting's tables: text can never run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import math
import numbers
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lagesbild import formatting, i18n, overview
from lagesbild.formatting import missing
from lagesbild.project import Project

# A text cell starting with one of these is read as a formula (or DDE command) by spreadsheet programs.
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"

# Excel number formats, chosen by how a column header ends (the same rule for every table):
#   "… (kr)"  amounts in kronor     → "#,##0"  (Swedish Excel shows 1 800 000; the format code
#                                               always uses "," for grouping, the reader's locale
#                                               decides the character shown)
#   "… (%)"   percentages 0–100     → "0.0"    (shown as 44,4)
#   dates                           → "yyyy-mm-dd"
#   other numbers                   → General
KR_FORMAT = "#,##0"
PCT_FORMAT = "0.0"
DATE_FORMAT = "yyyy-mm-dd"
KR_SUFFIX = "(kr)"
PCT_SUFFIX = "(%)"

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31

# Every activity, unfiltered and on one page: the packs list them all.
ALL_ACTIVITIES = {"omraden": (), "statusar": (), "ansvariga": (), "id": "", "sida": 1, "per_sida": None}


def _is_text(value) -> bool:
    return isinstance(value, str)


def neutralise(value):
    """A text that a spreadsheet would run as a formula gets a leading ' ; anything else is returned as it is."""
    if _is_text(value) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + str(value)
    return value


def _plain(value):
    """A cell value as a plain Python value: numbers, dates, bool, text or None."""
    if missing(value):
        return None
    if type(value).__module__ == "numpy":  # numpy scalars as Python numbers, arrays as lists
        value = value.tolist()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.time() == dt.time(0) and value.tzinfo is None:
        return value.date()
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


def _number_text(value) -> str:
    """A number with decimal comma and no grouping, as Swedish Excel reads it: 839038,2097, -1250,5."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, decimal.Decimal):
        return format(value, "f").replace(".", ",")
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return format(decimal.Decimal(repr(number)), "f").replace(".", ",")


def _csv_cell(value, lang: str) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return i18n.t("yes" if value else "no", lang)
    if isinstance(value, numbers.Number | decimal.Decimal):
        if isinstance(value, float) and not math.isfinite(value):
            return ""
        return _number_text(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return neutralise(str(value))


def csv_bytes(df: pd.DataFrame, lang: str = "sv") -> bytes:
    """The table as CSV for Swedish Excel: UTF-8 with BOM, `;`, decimal comma, ISO dates, text neutralised.

    Booleans are written Ja/Nej (Yes/No in English), missing values as empty cells.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        writer.writerow([_csv_cell(v, lang) for v in row])
    return (BOM + out.getvalue()).encode("utf-8")


def sheet_names(names) -> list[str]:
    """Valid, unique Excel sheet names: ≤ 31 characters, none of []:*?/\\, not quoted, not empty."""
    taken: set[str] = set()
    out: list[str] = []
    for index, name in enumerate(names, start=1):
        base = _SHEET_FORBIDDEN.sub("-", str(name)).strip().strip("'").strip() or f"Blad{index}"
        if base.lower() == "history":  # reserved by Excel
            base = f"{base}-1"
        candidate, n = base[:_SHEET_MAX], 2
        while candidate.lower() in taken:
            suffix = f" ({n})"
            candidate, n = base[: _SHEET_MAX - len(suffix)].rstrip() + suffix, n + 1
        taken.add(candidate.lower())
        out.append(candidate)
    return out


def _excel_value(value):
    value = _plain(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def _display_length(value) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, float):
        return len(f"{value:,.0f}") + 1
    return max((len(line) for line in str(value).splitlines()), default=0)


def excel_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table: bold header, numbers as numbers, dates as dates, text neutralised, widths set.

    Number formats follow the header: "… (kr)" → #,##0, "… (%)" → 0.0, dates yyyy-mm-dd.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF4")
    wrap = Alignment(wrap_text=True, vertical="top")
    for name, df in zip(sheet_names(tables), tables.values(), strict=True):
        sheet = workbook.create_sheet(name)
        headers = [neutralise(ILLEGAL_CHARACTERS_RE.sub("", str(c))) for c in df.columns]
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
        for row in df.itertuples(index=False, name=None):
            sheet.append([_excel_value(v) for v in row])
        widths = [len(h) for h in headers]
        for col, header in enumerate(headers, start=1):
            number_format = (
                KR_FORMAT if header.endswith(KR_SUFFIX) else PCT_FORMAT if header.endswith(PCT_SUFFIX) else None
            )
            long_text = False
            for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                if isinstance(cell.value, dt.date):
                    cell.number_format = DATE_FORMAT
                elif number_format and isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    cell.number_format = number_format
                length = _display_length(cell.value)
                long_text |= length > 60
                widths[col - 1] = max(widths[col - 1], length)
            letter = get_column_letter(col)
            sheet.column_dimensions[letter].width = min(max(widths[col - 1] + 2, 8), 62)
            if long_text:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
                    cell.alignment = wrap
        sheet.freeze_panes = "A2"
        if len(df.columns):
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    if not workbook.sheetnames:
        workbook.create_sheet("Blad1")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- the tables of the meeting ---------------------------------------------------------------


def _kr(key: str, lang: str) -> str:
    return f"{i18n.t(key, lang)} {KR_SUFFIX}"


def _pct(key: str, lang: str) -> str:
    return f"{i18n.t(key, lang)} {PCT_SUFFIX}"


def _percent(series: pd.Series) -> pd.Series:
    """Shares 0–1 as percentages 0–100."""
    return series.astype("float64") * 100


def _dates(series: pd.Series) -> list:
    return [None if missing(v) else pd.Timestamp(v).date() for v in series]


def _status(series: pd.Series, lang: str) -> list:
    return [None if missing(v) else i18n.status(str(v), lang) for v in series]


def _yes_no(series: pd.Series, lang: str) -> list[str]:
    return [i18n.t("yes" if (not missing(v) and bool(v)) else "no", lang) for v in series]


def _key_figures(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    totals = project.frame("project_totals", r).iloc[0]
    indicators = project.frame("indicators", r)
    activities = project.frame("activity_counts_by_status", r)
    influence = project.frame("influence_counts_by_status", r)
    meetings = project.frame("meeting_totals", r).iloc[0]
    rows: list[tuple] = [
        (i18n.t("kf.report_date", lang), None, None, None, r),
        (i18n.t("metric.budget", lang), totals.budget_kr, None, None, None),
        (i18n.t("metric.spent", lang), totals.upparbetat_kr, None, totals.upparbetningsgrad_andel, None),
        (i18n.t("metric.plan", lang), totals.plan_till_datum_kr, None, None, None),
        (i18n.t("metric.deviation", lang), totals.avvikelse_kr, None, totals.avvikelse_andel, None),
        (i18n.t("metric.forecast", lang), totals.prognos_kr, None, totals.prognos_andel, None),
        (i18n.t("kf.indirect", lang), totals.indirekta_kr, None, None, None),
    ]
    for row in overview.status_counts(indicators.status).itertuples():
        rows.append((i18n.t("kf.indicators", lang, status=i18n.status(row.status, lang)), None, row.antal, None, None))
    for row in activities.itertuples():
        rows.append((i18n.t("kf.activities", lang, status=i18n.status(row.status, lang)), None, row.antal, None, None))
    rows += [
        (i18n.t("kf.influence_late", lang), None, int(influence.forsenade.sum()), None, None),
        (i18n.t("kf.meetings", lang), None, int(meetings.antal), None, None),
        (i18n.t("kf.women", lang), None, int(meetings.kvinnor), None, None),
        (i18n.t("kf.men", lang), None, int(meetings.man), None, None),
        (i18n.t("kf.women_share", lang), None, None, meetings.andel_kvinnor, None),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            i18n.t("col.key_figure", lang),
            _kr("col.amount", lang),
            i18n.t("col.count", lang),
            _pct("col.share", lang),
            i18n.t("col.date", lang),
        ],
    ).astype("object")
    share_col = _pct("col.share", lang)
    frame[share_col] = [None if missing(v) else float(v) * 100 for v in frame[share_col]]
    frame[i18n.t("col.count", lang)] = [None if missing(v) else int(v) for v in frame[i18n.t("col.count", lang)]]
    frame[_kr("col.amount", lang)] = [None if missing(v) else float(v) for v in frame[_kr("col.amount", lang)]]
    return frame


def _categories(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("costs_by_category", r)
    return pd.DataFrame(
        {
            i18n.t("col.category", lang): df.kostnadsslag,
            _kr("col.budget", lang): df.budget_kr,
            _kr("col.spent", lang): df.upparbetat_kr,
            _kr("col.left", lang): df.kvar_kr,
            _pct("col.share", lang): _percent(df.upparbetat_andel),
            i18n.t("col.computed", lang): _yes_no(df.beraknat, lang),
        }
    )


def _categories_year(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("costs_by_category_and_year", r)
    return pd.DataFrame(
        {
            i18n.t("col.category", lang): df.kostnadsslag,
            i18n.t("col.year", lang): df.ar.astype("int64"),
            _kr("col.budget", lang): df.budget_kr,
            _kr("col.spent", lang): df.upparbetat_kr,
        }
    )


def _months(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("costs_by_month", r)
    return pd.DataFrame(
        {
            i18n.t("col.month", lang): _dates(df.manad),
            _kr("col.plan", lang): df.plan_kr,
            _kr("col.spent", lang): df.upparbetat_kr,
            _kr("col.plan_cum", lang): df.plan_ackumulerat_kr,
            _kr("col.spent_cum", lang): df.upparbetat_ackumulerat_kr,
            _kr("col.forecast_cum", lang): df.prognos_ackumulerat_kr,
        }
    )


def _financiers(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("financiers", r)
    return pd.DataFrame(
        {
            i18n.t("col.financier", lang): df.finansiar,
            i18n.t("col.type", lang): df.typ,
            _kr("col.commitment", lang): df.atagande_kr,
            _kr("col.allocated", lang): df.fordelat_kr,
            _kr("col.left", lang): df.kvar_kr,
            _kr("col.claimed", lang): df.rekvirerat_kr,
            _kr("col.paid", lang): df.inbetalt_kr,
            _kr("col.to_claim", lang): df.att_rekvirera_kr,
            _pct("col.share_of_spent", lang): _percent(df.andel_av_upparbetat),
            _pct("col.max_share", lang): df.maxandel_procent,
            _kr("col.cap", lang): df.tak_kr,
            i18n.t("col.flags", lang): [
                ", ".join(i18n.t(f"flag_short.{f}", lang) for f in flags) for flags in df.flaggor
            ],
        }
    )


def latest_gender_split(project: Project, r: dt.date) -> pd.DataFrame:
    """Women and men of each indicator's latest value up to r, where the value has them."""
    values = project.frame("indicator_values", r)
    values = values[values.till_rapportdatum & (values.kvinnor.notna() | values.man.notna())]
    latest = values.sort_values(["indikator", "datum"]).groupby("indikator").tail(1)
    return latest[["indikator", "datum", "kvinnor", "man"]]


def _indicators(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("indicators", r)
    split = latest_gender_split(project, r)
    merged = df.merge(split, how="left", left_on=["id", "senaste_datum"], right_on=["indikator", "datum"])
    return pd.DataFrame(
        {
            i18n.t("col.id", lang): merged.id,
            i18n.t("col.goal", lang): merged.mal,
            i18n.t("col.goal_text", lang): merged.mal_text,
            i18n.t("col.name", lang): merged.namn,
            i18n.t("col.unit", lang): merged.enhet,
            i18n.t("col.baseline", lang): merged.utgangsvarde,
            i18n.t("col.target", lang): merged.malvarde,
            i18n.t("col.target_date", lang): _dates(merged.maldatum),
            i18n.t("col.latest", lang): merged.senaste_varde,
            i18n.t("col.latest_date", lang): _dates(merged.senaste_datum),
            i18n.t("col.women", lang): merged.kvinnor,
            i18n.t("col.men", lang): merged.man,
            _pct("col.progress", lang): _percent(merged.progress),
            _pct("col.expected", lang): _percent(merged.forvantat),
            i18n.t("col.status", lang): _status(merged.status, lang),
        }
    )


def _activities(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("activities_page", r, **ALL_ACTIVITIES)
    return pd.DataFrame(
        {
            i18n.t("col.id", lang): df.id,
            i18n.t("col.area", lang): df.omrade,
            i18n.t("col.activity", lang): df.aktivitet,
            i18n.t("col.goal", lang): df.mal,
            i18n.t("col.owner", lang): df.ansvarig,
            i18n.t("col.start", lang): _dates(df.start),
            i18n.t("col.end", lang): _dates(df.slut),
            i18n.t("col.status", lang): _status(df.visad_status, lang),
            i18n.t("col.file_status", lang): _status(df.status, lang),
            _pct("col.done", lang): df.andel_klar.astype("float64"),
            i18n.t("col.comment", lang): df.kommentar,
        }
    )


def _influence(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("influence_efforts", r, kommande_dagar=overview.UPCOMING_DAYS)
    return pd.DataFrame(
        {
            i18n.t("col.id", lang): df.id,
            i18n.t("col.issue", lang): df.fraga,
            i18n.t("col.recipient", lang): df.mottagare,
            i18n.t("col.level", lang): df.niva,
            i18n.t("col.channel", lang): df.kanal,
            i18n.t("col.owner", lang): df.ansvarig,
            i18n.t("col.status", lang): _status(df.status, lang),
            i18n.t("col.date", lang): _dates(df.datum),
            i18n.t("col.deadline", lang): _dates(df.sista_svarsdag),
            i18n.t("col.days_left", lang): df.dagar_till_svarsdag.astype("Int64"),
            i18n.t("col.overdue", lang): _yes_no(df.forsenad, lang),
            i18n.t("col.reference", lang): df.diarienummer,
            i18n.t("col.cosigners", lang): df.medundertecknare,
            i18n.t("col.priority", lang): df.prioritet,
            i18n.t("col.next_step", lang): df.nasta_steg,
            i18n.t("col.outcome", lang): _status(df.resultat, lang),
            i18n.t("col.link", lang): df.lank,
        }
    )


def _meetings(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("meetings_by_type", r)
    totals = project.frame("meeting_totals", r).iloc[0]
    types = [*df.typ.tolist(), i18n.t("total", lang)]
    frame = pd.DataFrame(
        {
            i18n.t("col.type", lang): types,
            i18n.t("col.count", lang): [*(int(v) for v in df.antal), int(totals.antal)],
            i18n.t("col.women", lang): [*(int(v) for v in df.kvinnor), int(totals.kvinnor)],
            i18n.t("col.men", lang): [*(int(v) for v in df.man), int(totals.man)],
            i18n.t("col.other", lang): [*(int(v) for v in df.annat), int(totals.annat)],
            _pct("col.women_share", lang): [
                None if missing(v) else float(v) * 100 for v in [*df.andel_kvinnor, totals.andel_kvinnor]
            ],
        }
    )
    return frame


def _risks(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("risks", r, bara_oppna=False)
    return pd.DataFrame(
        {
            i18n.t("col.id", lang): df.id,
            i18n.t("col.risk", lang): df.risk,
            i18n.t("col.likelihood", lang): df.sannolikhet,
            i18n.t("col.impact", lang): df.konsekvens,
            i18n.t("col.score", lang): df.riskvarde,
            i18n.t("col.mitigation", lang): df.atgard,
            i18n.t("col.owner", lang): df.ansvarig,
            i18n.t("col.status", lang): _status(df.status, lang),
        }
    )


def _decisions(project: Project, r: dt.date, lang: str) -> pd.DataFrame:
    df = project.frame("decisions", r)
    return pd.DataFrame(
        {
            i18n.t("col.id", lang): df.id,
            i18n.t("col.date", lang): _dates(df.datum),
            i18n.t("col.decision", lang): df.beslut,
            i18n.t("col.owner", lang): df.ansvarig,
            i18n.t("col.decision_deadline", lang): _dates(df.deadline),
            i18n.t("col.status", lang): _status(df.status, lang),
            i18n.t("col.overdue", lang): _yes_no(df.forsenat, lang),
        }
    )


def meeting_tables(project: Project, rapportdatum: dt.date | None = None, lang: str = "sv") -> dict[str, pd.DataFrame]:
    """Every table of the meeting pack as of rapportdatum, keyed by sheet name, with headers in lang."""
    with formatting.language(lang):
        r = project.as_of(rapportdatum)
        builders = (
            ("sheet.overview", _key_figures),
            ("sheet.categories", _categories),
            ("sheet.categories_year", _categories_year),
            ("sheet.months", _months),
            ("sheet.financiers", _financiers),
            ("sheet.indicators", _indicators),
            ("sheet.activities", _activities),
            ("sheet.influence", _influence),
            ("sheet.meetings", _meetings),
            ("sheet.risks", _risks),
            ("sheet.decisions", _decisions),
        )
        return {i18n.t(key, lang): build(project, r, lang) for key, build in builders}
