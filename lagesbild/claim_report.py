"""The financial report of one reporting period, as Tillväxtverket's ansökan om utbetalning asks for it.

An Excel workbook (numbers as numbers, text made formula-safe by lagesbild.exports) and an A4 PDF
built with the meeting pack's layout, whose four lägesrapport sections it reuses as they are.
Per-person salaries and hours are left out unless the caller says the reader may see them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lagesbild import claims, exports, formatting, i18n, report, staff
from lagesbild.claims import Period, PeriodFigures
from lagesbild.project import Project


def _t(key: str, lang: str, **values) -> str:
    return i18n.t(key, lang, **values)


# How a column is written in the workbook: its header's unit, or its values as words or dates.
TEXT, NUM, KR, PCT, MONTH, YES_NO, BINDING = "text", "num", "kr", "pct", "month", "yes_no", "binding"
_UNIT = {KR: f" {exports.KR_SUFFIX}", PCT: f" {exports.PCT_SUFFIX}"}


def _binding(value, lang: str) -> str | None:
    return None if formatting.missing(value) else _t(f"claim.binding.{value}", lang)


def _sheet(df: pd.DataFrame, columns: dict[str, tuple[str, str]], lang: str) -> pd.DataFrame:
    """A query's columns as {column: (text key, kind)} under their headers in lang, in that order."""
    out: dict[str, object] = {}
    for column, (key, kind) in columns.items():
        values: pd.Series | list = df[column]
        if kind == MONTH:
            values = [pd.Timestamp(m).date() for m in values]
        elif kind == YES_NO:
            values = [_t("yes" if bool(v) else "no", lang) for v in values]
        elif kind == BINDING:
            values = [_binding(v, lang) for v in values]
        out[_t(key, lang) + _UNIT.get(kind, "")] = values
    return pd.DataFrame(out)


def _project_table(project: Project, chosen: Period, r: dt.date, lang: str) -> pd.DataFrame:
    meta = project.meta
    assert meta is not None
    rows = [
        (_t("project", lang), meta.namn),
        (_t("owner", lang), meta.projektagare),
        (_t("period", lang), f"{meta.start.isoformat()} – {meta.slut.isoformat()}"),
        (_t("claim.period", lang), f"{chosen.nummer}: {chosen.label}"),
        (_t("control.report_date", lang), r.isoformat()),
        (_t("currency", lang), meta.valuta),
    ]
    return pd.DataFrame(rows, columns=[_t("col.key_figure", lang), _t("col.value", lang)])


COSTS = {
    "kostnadsslag": ("col.category", TEXT),
    "budget_kr": ("col.budget", KR),
    "period_kr": ("col.this_period", KR),
    "ackumulerat_kr": ("col.cumulative", KR),
    "kvar_kr": ("col.left", KR),
    "beraknat": ("col.computed", YES_NO),
}
FINANCING = {
    "finansiar": ("col.financier", TEXT),
    "typ": ("col.type", TEXT),
    "atagande_kr": ("col.commitment", KR),
    "fordelat_kr": ("col.allocated", KR),
    "fordelat_ackumulerat_kr": ("col.allocated_cum", KR),
    "rekvirerat_kr": ("col.claimed", KR),
    "rekvirerat_ackumulerat_kr": ("col.claimed_cum", KR),
    "maxandel_kr": ("col.max_share_kr", KR),
    "tak_kr": ("col.cap", KR),
    "underlag_kr": ("col.basis", KR),
    "begransning": ("col.binding", BINDING),
}
COFINANCING = {
    "finansiar": ("col.financier", TEXT),
    "inbetalt_kr": ("col.paid", KR),
    "inbetalt_ackumulerat_kr": ("col.paid_cum", KR),
}
STAFF = {
    "person": ("col.person", TEXT),
    "roll": ("col.role", TEXT),
    "sysselsattningsgrad_procent": ("col.planned_share", PCT),
    "manadslon_kr": ("col.salary", KR),
    "lonebikostnader_procent": ("col.on_costs", PCT),
    "timkostnad_kr": ("col.hourly", KR),
    "planerade_timmar": ("col.planned_hours", NUM),
    "rapporterade_timmar": ("col.hours", NUM),
    "personalkostnad_kr": ("col.staff_cost", KR),
}
HOURS = {
    "person": ("col.person", TEXT),
    "manad": ("col.month", MONTH),
    "planerade_timmar": ("col.planned_hours", NUM),
    "rapporterade_timmar": ("col.hours", NUM),
    "personalkostnad_kr": ("col.staff_cost", KR),
}
AGAINST_LEDGER = {
    "manad": ("col.month", MONTH),
    "personalkostnad_kr": ("claim.from_hours", KR),
    "bokfort_kr": ("claim.booked", KR),
    "skillnad_kr": ("claim.difference", KR),
}


def _staff_tables(frames: dict[str, pd.DataFrame], lang: str) -> dict[str, pd.DataFrame]:
    return {
        _t("claim.staff", lang): _sheet(frames["staff_costs"], STAFF, lang),
        _t("claim.hours", lang): _sheet(frames["staff_hours"], HOURS, lang),
        _t("claim.against_ledger", lang): _sheet(frames["staff_vs_ledger"], AGAINST_LEDGER, lang),
    }


def claim_tables(
    project: Project, chosen: Period, rapportdatum: dt.date | None = None, lang: str = "sv", with_staff: bool = True
) -> dict[str, pd.DataFrame]:
    """Every table of the claim, keyed by sheet name; per-person staff tables only with with_staff."""
    with formatting.language(lang):
        r = rapportdatum or project.rapportdatum
        assert r is not None
        found = claims.figures(project, chosen, r)
        tables = {
            _t("claim.project", lang): _project_table(project, chosen, r, lang),
            _t("claim.costs", lang): _sheet(found.categories, COSTS, lang),
            _t("claim.financing", lang): _sheet(found.financiers, FINANCING, lang),
            _t("claim.cofinancing", lang): _sheet(found.financiers, COFINANCING, lang),
        }
        if with_staff and staff.listed(project):
            tables.update(_staff_tables(staff.frames(project, chosen, r), lang))
        # The lägesrapport's tables as of the period's end, as in the meeting pack's workbook.
        meeting = exports.meeting_tables(project, chosen.till, lang)
        for key in ("sheet.activities", "sheet.indicators", "sheet.risks"):
            tables[_t(key, lang)] = meeting[_t(key, lang)]
        return tables


def claim_excel(
    project: Project, chosen: Period, rapportdatum: dt.date | None = None, lang: str = "sv", with_staff: bool = True
) -> bytes:
    """The claim as an Excel workbook."""
    return exports.excel_bytes(claim_tables(project, chosen, rapportdatum, lang, with_staff))


# --- PDF ----------------------------------------------------------------------------------------


def _money_rows(df: pd.DataFrame, label: str, amounts: list[str], total: str) -> list[list[str]]:
    rows = [
        [report.plain(getattr(row, label)), *(formatting.kr(getattr(row, a)) for a in amounts)]
        for row in df.itertuples()
    ]
    rows.append([total, *(formatting.kr(float(df[a].sum())) for a in amounts)])
    return rows


def _economy(pdf, c, found: PeriodFigures, staff_frames: dict[str, pd.DataFrame] | None, staff_hidden: bool) -> None:
    lang, kr = c.lang, formatting.kr
    pdf.section(c.t("claim.costs"))
    pdf.paragraph(
        c.t("claim.counted", start=found.period.start.isoformat(), till=found.period.till.isoformat()), size=9
    )
    pdf.data_table(
        [c.t("col.category"), c.t("col.budget"), c.t("col.this_period"), c.t("col.cumulative"), c.t("col.left")],
        _money_rows(
            found.categories, "kostnadsslag", ["budget_kr", "period_kr", "ackumulerat_kr", "kvar_kr"], c.t("total")
        ),
        [60, 30, 30, 30, 30],
        "LRRRR",
        size=8.5,
        bold_last=True,
    )
    if c.meta.indirekta:
        pdf.paragraph(report._indirect_note(c), size=9)
    pdf.subheading(c.t("claim.staff"))
    if staff_hidden:
        pdf.paragraph(c.t("claim.staff_hidden"), size=9)
    elif staff_frames is None:
        pdf.paragraph(c.t("claim.no_staff"), size=9)
    else:
        people = staff_frames["staff_costs"]
        pdf.data_table(
            [
                c.t("col.person"),
                c.t("col.role"),
                c.t("col.planned_share"),
                c.t("col.salary"),
                c.t("col.on_costs"),
                c.t("col.hourly"),
            ],
            [
                [
                    report.plain(p.person),
                    report.plain(p.roll),
                    formatting.pct(p.sysselsattningsgrad_procent / 100, 0),
                    kr(p.manadslon_kr),
                    formatting.pct(p.lonebikostnader_procent / 100, 2),
                    kr(p.timkostnad_kr, 2),
                ]
                for p in people.itertuples()
            ],
            [36, 30, 30, 26, 26, 26],
            "LLRRRR",
            size=8,
        )
        rows = [
            [
                report.plain(p.person),
                formatting.number(p.planerade_timmar, 1),
                formatting.number(p.rapporterade_timmar, 1),
                kr(p.personalkostnad_kr),
            ]
            for p in people.itertuples()
        ]
        rows.append(
            [
                c.t("total"),
                formatting.number(float(people.planerade_timmar.sum()), 1),
                formatting.number(float(people.rapporterade_timmar.sum()), 1),
                kr(float(people.personalkostnad_kr.sum())),
            ]
        )
        pdf.data_table(
            [c.t("col.person"), c.t("col.planned_hours"), c.t("col.hours"), c.t("col.staff_cost")],
            rows,
            [60, 36, 36, 42],
            "LRRR",
            size=8,
            bold_last=True,
        )
        pdf.paragraph(c.t("claim.staff_note"), size=8.5)
        compared = staff.compare(staff_frames["staff_vs_ledger"])
        pdf.data_table(
            None,
            [
                [c.t("claim.from_hours"), kr(compared.from_hours_kr)],
                [c.t("claim.booked"), kr(compared.booked_kr)],
                [c.t("claim.difference"), kr(compared.difference_kr)],
            ],
            [110, 40],
            "LR",
            size=9,
            width=150,
        )
    pdf.section(c.t("claim.financing"))
    amounts = ["fordelat_kr", "fordelat_ackumulerat_kr", "rekvirerat_ackumulerat_kr", "underlag_kr"]
    rows = _money_rows(found.financiers, "finansiar", amounts, c.t("total"))
    bindings = [_binding(v, lang) or "–" for v in found.financiers.begransning]
    rows = [[*row, binding] for row, binding in zip(rows, [*bindings, ""], strict=True)]
    pdf.data_table(
        [
            c.t("col.financier"),
            c.t("col.allocated"),
            c.t("col.allocated_cum"),
            c.t("col.claimed_cum"),
            c.t("col.basis"),
            c.t("col.binding"),
        ],
        rows,
        [50, 24, 26, 26, 26, 22],
        "LRRRRL",
        size=7.5,
        bold_last=True,
    )
    pdf.paragraph(c.t("claim.basis_note"), size=8.5)
    limited = found.financiers[found.financiers.maxandel_kr.notna() | found.financiers.tak_kr.notna()]
    if len(limited):
        pdf.data_table(
            [c.t("col.financier"), c.t("col.max_share"), c.t("col.max_share_kr"), c.t("col.cap")],
            [
                [
                    report.plain(row.finansiar),
                    formatting.pct(row.maxandel_procent / 100, 0),
                    kr(row.maxandel_kr),
                    kr(row.tak_kr),
                ]
                for row in limited.itertuples()
            ],
            [70, 30, 37, 37],
            "LRRR",
            size=8,
        )
    pdf.subheading(c.t("claim.income"), keep=15)
    pdf.paragraph(c.t("claim.no_income"), size=9)
    pdf.subheading(c.t("claim.cofinancing"))
    pdf.data_table(
        [c.t("col.financier"), c.t("col.paid"), c.t("col.paid_cum")],
        _money_rows(found.financiers, "finansiar", ["inbetalt_kr", "inbetalt_ackumulerat_kr"], c.t("total")),
        [80, 40, 40],
        "LRR",
        size=8,
        bold_last=True,
    )


def _cover(pdf, c, chosen: Period) -> None:
    meta = c.meta
    pdf.add_page()
    pdf.set_y(60)
    pdf.set_font(report.FONT, "B", 12)
    pdf.set_text_color(*report.MUTED)
    pdf.multi_cell(0, 7, c.t("claim.title"), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_text_color(*report.INK)
    pdf.ln(2)
    pdf.set_font(report.FONT, "B", 20)
    pdf.multi_cell(0, 10, report.plain(meta.namn), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(8)
    pdf.data_table(
        None,
        [
            [c.t("owner"), report.plain(meta.projektagare)],
            [c.t("period"), f"{meta.start.isoformat()} – {meta.slut.isoformat()}"],
            [c.t("claim.period"), f"{chosen.nummer}: {chosen.label}"],
            [c.t("control.report_date"), formatting.date(c.r)],
        ],
        [45, 129],
        "LL",
        size=11,
    )


def claim_pdf(
    project: Project, chosen: Period, rapportdatum: dt.date | None = None, lang: str = "sv", with_staff: bool = True
) -> bytes:
    """The claim as an A4 PDF: the economic report of the period, then the lägesrapport at the period's end."""
    with formatting.language(lang):
        if not project.usable or project.meta is None:
            raise ValueError(i18n.t("unusable", lang))
        r = rapportdatum or project.rapportdatum
        assert r is not None
        found = claims.figures(project, chosen, r)
        staff_frames = staff.frames(project, chosen, r) if with_staff and staff.listed(project) else None
        # The lägesrapport describes the period: its figures are as of the period's end (or R).
        data = report._Data(project, chosen.till, chosen.till)
        context = report._Context(
            project.meta,
            (len(project.errors), len(project.warnings)),
            chosen.till,
            chosen.till,
            lang,
            data,
            report._charts(data, chosen.till, lang),
        )
        title = f"{i18n.t('page.claim', lang)} {chosen.label}"
        total = None
        for _ in range(3):  # as the meeting pack: lay out again until the page total is known
            pdf = report._Pack(
                report.plain(project.meta.kortnamn),
                title,
                i18n.t("data_as_of", lang, date=formatting.date(r)),
                lambda n, m: i18n.t("page", lang, n=n, total=m),
                total,
            )
            pdf.set_title(f"{report.plain(project.meta.kortnamn)} – {title}")
            pdf.set_author(report.plain(project.meta.projektagare))
            pdf.set_creator("Lägesbild")
            pdf.set_lang("en" if lang == "en" else "sv-SE")
            pdf.page_mode = "USE_OUTLINES"
            _cover(pdf, context, chosen)
            _economy(pdf, context, found, staff_frames, not with_staff)
            for section in (report._general, report._organisation, report._activities, report._results):
                section(pdf, context)
            if pdf.page_no() == total:
                break
            total = pdf.page_no()
        return bytes(pdf.output())
