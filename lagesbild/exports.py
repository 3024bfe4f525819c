"""Safe Excel downloads of the meeting's tables: text can never run as a formula."""

from __future__ import annotations

import datetime as dt
import decimal
import io
import math
import re

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lagesbild import columns, formatting, i18n, overview
from lagesbild.formatting import missing
from lagesbild.project import Project

# A text cell starting with one of these is read as a formula (or DDE command) by spreadsheet programs.
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

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


def header(column: columns.Column, lang: str) -> str:
    """A column's header in a workbook: its label, with the unit of its figures."""
    if column.kind == columns.KR:
        return _kr(column.label, lang)
    if column.kind in (columns.PCT, columns.SHARE_PCT):
        return _pct(column.label, lang)
    return i18n.t(column.label, lang)


def _value(value, column: columns.Column, lang: str):
    """A value as a workbook holds it: amounts as numbers, shares 0–1 as percentages, dates as dates,
    statuses, flags and our own words in lang."""
    kind = column.kind
    if kind == columns.FLAG:
        return i18n.t("yes" if (not missing(value) and bool(value)) else "no", lang)
    if kind == columns.LABEL and not pd.api.types.is_scalar(value):
        return columns.cell(value, column, lang)
    if missing(value):
        return None
    if kind == columns.KR:
        return float(value)
    if kind == columns.PCT:
        return float(value) * 100
    if kind == columns.SHARE_PCT:
        return float(value)
    if kind == columns.INT:
        return int(value)
    if kind == columns.DATE:
        return pd.Timestamp(value).date()
    if kind in (columns.STATUS, columns.LABEL):
        return columns.cell(value, column, lang)
    return value


def sheet(df: pd.DataFrame, spec: columns.Spec, lang: str) -> pd.DataFrame:
    """A table as a sheet: the spec's columns under their headers in lang, with its total row when it has one."""
    values = {header(c, lang): [_value(v, c, lang) for v in df[c.field].tolist()] for c in spec}
    total = columns.total_row(df, spec)
    if total is not None:
        named = columns.naming(spec)
        for c in spec:
            word = i18n.t("total", lang) if c.field == named else _value(total[c.field], c, lang) if c.total else None
            values[header(c, lang)].append(word)
    return pd.DataFrame(values, columns=list(values)).astype("object")


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
        (i18n.t("kf.influence_late", lang), None, int(influence.forsenade_totalt.iloc[0]), None, None),
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


CATEGORIES = columns.COSTS_BY_CATEGORY
FINANCIERS = columns.pick(
    columns.FINANCIERS,
    "finansiar typ atagande_kr atagande_andel fordelat_kr kvar_kr rekvirerat_kr inbetalt_kr att_rekvirera_kr"
    " andel_av_upparbetat maxandel_procent tak_kr flaggor",
)
INDICATORS = columns.pick(
    columns.INDICATORS,
    "id mal mal_text namn enhet utgangsvarde malvarde maldatum senaste_varde senaste_datum kvinnor man progress"
    " forvantat status",
)


def meeting_tables(project: Project, rapportdatum: dt.date | None = None, lang: str = "sv") -> dict[str, pd.DataFrame]:
    """Every table of the meeting pack as of rapportdatum, keyed by sheet name, with headers in lang."""
    with formatting.language(lang):
        r = project.as_of(rapportdatum)
        frame = project.frame
        tables = (
            ("sheet.categories", lambda: frame("costs_by_category", r), CATEGORIES),
            (
                "sheet.categories_year",
                lambda: frame("costs_by_category_and_year", r),
                columns.COSTS_BY_CATEGORY_AND_YEAR,
            ),
            ("sheet.months", lambda: frame("costs_by_month", r), columns.COSTS_BY_MONTH),
            ("sheet.financiers", lambda: frame("financiers", r), FINANCIERS),
            ("sheet.indicators", lambda: frame("indicators", r), INDICATORS),
            ("sheet.activities", lambda: frame("activities_page", r, **ALL_ACTIVITIES), columns.ACTIVITIES),
            (
                "sheet.influence",
                lambda: frame("influence_efforts", r, kommande_dagar=overview.UPCOMING_DAYS),
                columns.INFLUENCE_EFFORTS,
            ),
            ("sheet.meetings", lambda: frame("meetings_by_type", r), columns.MEETINGS_BY_TYPE),
            ("sheet.risks", lambda: frame("risks", r, bara_oppna=False), columns.RISKS),
            ("sheet.decisions", lambda: frame("decisions", r), columns.DECISIONS),
        )
        return {
            i18n.t("sheet.overview", lang): _key_figures(project, r, lang),
            **{i18n.t(key, lang): sheet(make(), spec, lang) for key, make, spec in tables},
        }
