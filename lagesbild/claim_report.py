"""The financial report of one reporting period, as Tillväxtverket's ansökan om utbetalning asks for it.

An Excel workbook (numbers as numbers, text made formula-safe by lagesbild.exports) and an A4 PDF
built with the meeting pack's layout, whose four lägesrapport sections it reuses as they are.
Per-person salaries and hours are left out unless the caller says the reader may see them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lagesbild import claims, columns, exports, formatting, i18n, report, staff
from lagesbild.claims import Period, PeriodFigures
from lagesbild.project import Project


def _t(key: str, lang: str, **values) -> str:
    return i18n.t(key, lang, **values)


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


COSTS = columns.PERIOD_COSTS
FINANCING = columns.pick(
    columns.FINANCIERS,
    "finansiar typ atagande_kr fordelat_kr fordelat_ackumulerat_kr rekvirerat_kr rekvirerat_ackumulerat_kr"
    " maxandel_kr tak_kr underlag_kr begransning",
)
COFINANCING = columns.pick(columns.FINANCIERS, "finansiar inbetalt_kr inbetalt_ackumulerat_kr")
# The PDF's views: the columns an A4 page has room for.
PDF_COSTS = columns.pick(columns.PERIOD_COSTS, "kostnadsslag budget_kr period_kr ackumulerat_kr kvar_kr")
PDF_FINANCING = columns.pick(
    columns.FINANCIERS,
    "finansiar fordelat_kr fordelat_ackumulerat_kr rekvirerat_ackumulerat_kr underlag_kr begransning",
)
PDF_LIMITS = columns.pick(columns.FINANCIERS, "finansiar maxandel_procent maxandel_kr tak_kr")
STAFF_RATES = columns.pick(
    columns.STAFF, "person roll sysselsattningsgrad_procent manadslon_kr lonebikostnader_procent timkostnad_kr"
)
STAFF_PERIOD = columns.pick(columns.STAFF, "person planerade_timmar rapporterade_timmar personalkostnad_kr")


def _staff_tables(frames: dict[str, pd.DataFrame], lang: str) -> dict[str, pd.DataFrame]:
    return {
        _t("claim.staff", lang): exports.sheet(frames["staff_costs"], columns.STAFF, lang),
        _t("claim.hours", lang): exports.sheet(frames["staff_hours"], columns.STAFF_HOURS, lang),
        _t("claim.against_ledger", lang): exports.sheet(frames["staff_vs_ledger"], columns.STAFF_VS_LEDGER, lang),
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
            _t("claim.costs", lang): exports.sheet(found.categories, COSTS, lang),
            _t("claim.financing", lang): exports.sheet(found.financiers, FINANCING, lang),
            _t("claim.cofinancing", lang): exports.sheet(found.financiers, COFINANCING, lang),
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


def _economy(pdf, c, found: PeriodFigures, staff_frames: dict[str, pd.DataFrame] | None, staff_hidden: bool) -> None:
    lang, kr = c.lang, formatting.kr
    pdf.section(c.t("claim.costs"))
    pdf.paragraph(
        c.t("claim.counted", start=found.period.start.isoformat(), till=found.period.till.isoformat()), size=9
    )
    report.table(pdf, found.categories, PDF_COSTS, lang, size=8.5)
    if c.meta.indirekta:
        pdf.paragraph(report._indirect_note(c), size=9)
    pdf.subheading(c.t("claim.staff"))
    if staff_hidden:
        pdf.paragraph(c.t("claim.staff_hidden"), size=9)
    elif staff_frames is None:
        pdf.paragraph(c.t("claim.no_staff"), size=9)
    else:
        people = staff_frames["staff_costs"]
        report.table(pdf, people, STAFF_RATES, lang)
        report.table(pdf, people, STAFF_PERIOD, lang)
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
    report.table(pdf, found.financiers, PDF_FINANCING, lang, size=7.5)
    pdf.paragraph(c.t("claim.basis_note"), size=8.5)
    limited = found.financiers[found.financiers.maxandel_kr.notna() | found.financiers.tak_kr.notna()]
    if len(limited):
        report.table(pdf, limited, PDF_LIMITS, lang)
    pdf.subheading(c.t("claim.income"), keep=15)
    pdf.paragraph(c.t("claim.no_income"), size=9)
    pdf.subheading(c.t("claim.cofinancing"))
    report.table(pdf, found.financiers, COFINANCING, lang)


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
