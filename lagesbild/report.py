"""The meeting pack: an A4 PDF for the steering group, built from the same queries as the dashboard.

Its page and tables are lagesbild.pack_layout's, its charts lagesbild.pack_charts'; this module gathers
the figures once and writes the sections in order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from fpdf.enums import XPos, YPos

from lagesbild import changes, columns, exports, formatting, i18n, overview
from lagesbild.config import Meta
from lagesbild.pack_charts import (
    STATUS_CHART_WIDTH,
    activities_chart,
    cumulative_chart,
    status_chart,
    women_share_chart,
)
from lagesbild.pack_layout import FONT, INK, MUTED, Chart, plain
from lagesbild.pack_layout import Pack as _Pack
from lagesbild.project import Project, load

# The claim report (lagesbild.claim_report) writes its own pages with the same font, colours and sections.
__all__ = ["FONT", "INK", "MUTED", "meeting_pack", "plain"]


def table(
    pdf: _Pack, df: pd.DataFrame, spec: columns.Spec, lang: str, size: float = 8, group: str | None = None
) -> None:
    """df as a table of the pack: headers from the spec's labels, cells as the dashboard writes them ("–" when
    missing), figures right-aligned, the spec's total row last and bold; group names a column whose values
    head groups of rows."""
    parts = [(None, df)] if group is None else list(df.groupby(group, sort=True, dropna=False))
    rows: list = []
    for name, part in parts:
        if group is not None:
            rows.append(("group", plain(name)))
        rows += [[plain(text) for text in row] for row in columns.rows(part, spec, lang, blank="–")]
    pdf.data_table(
        [i18n.t(c.label, lang) for c in spec],
        rows,
        [c.width for c in spec],
        "".join("R" if c.kind in columns.NUMERIC else "L" for c in spec),
        size=size,
        bold_last=group is None and columns.total_row(df, spec) is not None,
    )


def _counts_line(counts: pd.DataFrame, lang: str) -> str:
    return ", ".join(f"{i18n.status(row.status, lang)} {formatting.number(row.antal)}" for row in counts.itertuples())


# The pack's views of the tables: the columns an A4 page has room for.
GENERAL_FINANCIERS = columns.pick(columns.FINANCIERS, "finansiar typ atagande_kr atagande_andel")
ECONOMY_FINANCIERS = columns.pick(
    columns.FINANCIERS, "finansiar atagande_kr fordelat_kr rekvirerat_kr inbetalt_kr att_rekvirera_kr"
)
CATEGORIES = columns.pick(columns.COSTS_BY_CATEGORY, "kostnadsslag budget_kr upparbetat_kr kvar_kr upparbetat_andel")
ACTIVITIES = columns.pick(columns.ACTIVITIES, "id aktivitet ansvarig start slut visad_status andel_klar")
INFLUENCE = columns.pick(columns.INFLUENCE_EFFORTS, "id fraga mottagare status datum ansvarig nasta_steg")
INFLUENCE_DEADLINES = columns.pick(
    columns.INFLUENCE_EFFORTS, "id fraga mottagare status datum sista_svarsdag nasta_steg"
)
INDICATORS = columns.pick(
    columns.INDICATORS,
    "id namn enhet senaste_varde malvarde progress forvantat status kvinnor man",
)
MEETINGS = columns.pick(columns.MEETINGS_BY_TYPE, "typ antal kvinnor man andel_kvinnor")
STEERING_MEETINGS = (  # queries/steering_meetings.sql
    columns.Column("datum", "col.date", columns.DATE, width=40),
    columns.Column("lage", "col.status", columns.LABEL, width=50, key=columns.meeting_state_key),
    columns.Column("antal_beslut", "decisions_taken", columns.INT, width=40),
)


class _Data:
    """Every frame the pack uses, queried once."""

    def __init__(self, project: Project, r: dt.date, meeting_date: dt.date):
        frame = project.frame
        self.totals = frame("project_totals", r).iloc[0]
        self.categories = frame("costs_by_category", r)
        self.months = frame("costs_by_month", r)
        self.financiers = frame("financiers", r)
        self.indicators = frame("indicators", r)
        self.activities = frame("activities_page", r, **exports.ALL_ACTIVITIES)
        self.activity_counts = frame("activity_counts_by_status", r)
        self.by_area = frame("activity_counts_by_area", r)
        self.influence = frame("influence_efforts", r, kommande_dagar=overview.UPCOMING_DAYS)
        self.influence_counts = frame("influence_counts_by_status", r)
        self.meeting_totals = frame("meeting_totals", r).iloc[0]
        self.meetings_by_type = frame("meetings_by_type", r)
        self.risks = frame("risks", r, bara_oppna=False)
        self.decisions = frame("decisions", r)
        self.steering_meetings = frame(
            "steering_meetings", r, moten=project.metadata.styrgruppsmoten, motesdatum=meeting_date
        )
        self.open_decisions = frame("open_decisions", r)
        self.previous = overview.last_meeting(project.metadata.styrgruppsmoten, min(r, meeting_date))
        self.since = frame("changes_since", r, sedan=self.previous).iloc[0] if self.previous else None
        # As on the dashboard: against the picture frozen for that meeting when there is one.
        self.frozen = changes.against_frozen(project, self.previous, r, load)


def _charts(data: _Data, r: dt.date, lang: str) -> dict[str, Chart | None]:
    meetings = data.meetings_by_type[data.meetings_by_type.andel_kvinnor.notna()]
    return {
        "curve": cumulative_chart(data.months, r, lang) if len(data.months) else None,
        "status": status_chart(overview.status_counts(data.indicators.status), lang) if len(data.indicators) else None,
        "areas": activities_chart(data.by_area, lang) if len(data.by_area) else None,
        "women": women_share_chart(meetings, lang) if len(meetings) else None,
    }


@dataclass(frozen=True)
class _Context:
    """What every section needs: the project, the dates, the language, the figures and the charts."""

    meta: Meta
    problems: tuple[int, int]
    r: dt.date
    meeting_date: dt.date
    lang: str
    data: _Data
    images: dict[str, Chart | None]

    def t(self, key: str, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def status(self, value) -> str:
        return i18n.status(plain(value), self.lang)


def _cover(pdf: _Pack, c: _Context) -> None:
    meta = c.meta
    pdf.add_page()
    pdf.set_y(70)
    pdf.set_font(FONT, "B", 12)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, 7, c.t("title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_text_color(*INK)
    pdf.ln(2)
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(0, 10, plain(meta.namn), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.ln(8)
    pdf.data_table(
        None,
        [
            [c.t("owner"), plain(meta.projektagare)],
            [c.t("period"), f"{formatting.date(meta.start)} – {formatting.date(meta.slut)}"],
            [c.t("control.report_date"), formatting.date(c.r)],
            [c.t("meeting_date"), formatting.date(c.meeting_date)],
        ],
        [45, 129],
        "LL",
        size=11,
    )


def _summary(pdf: _Pack, c: _Context) -> None:
    kr, pct = formatting.kr, formatting.pct
    totals, data = c.data.totals, c.data
    pdf.section(c.t("section.summary"))
    spent_share, plan_share = totals.upparbetningsgrad_andel, totals.avvikelse_andel
    figures = [
        [c.t("metric.budget"), kr(totals.budget_kr), ""],
        [c.t("metric.spent"), kr(totals.upparbetat_kr), c.t("metric.spent_delta", share=pct(spent_share))],
        [c.t("metric.plan"), kr(totals.plan_till_datum_kr), ""],
        [c.t("metric.deviation"), kr(totals.avvikelse_kr), c.t("metric.deviation_delta", share=pct(plan_share))],
        [
            c.t("metric.forecast"),
            kr(totals.prognos_kr),
            c.t("metric.forecast_delta", amount=kr(totals.prognos_mot_budget_kr)),
        ],
        [
            c.t("metric.forecast_plan"),
            kr(data.totals.prognos_enligt_plan_kr),
            c.t("metric.forecast_delta", amount=kr(totals.prognos_enligt_plan_mot_budget_kr)),
        ],
    ]
    if c.meta.indirekta:
        figures.append([c.t("indirect"), kr(totals.indirekta_kr), _indirect_note(c)])
    pdf.data_table([c.t("key_figures"), c.t("col.value"), c.t("comment")], figures, [50, 40, 84], "LRL", size=9)
    for line in overview.forecast_lines(data.totals, c.lang):
        pdf.paragraph(plain(line), size=9)
    status_counts = overview.status_counts(data.indicators.status)
    if len(status_counts):
        pdf.paragraph(c.t("indicators_line", counts=_counts_line(status_counts, c.lang)))
    shown = data.activity_counts[data.activity_counts.antal > 0]
    if len(shown):
        pdf.paragraph(c.t("activities_line", counts=_counts_line(shown, c.lang)))
    if c.images["status"]:
        pdf.picture(c.images["status"], width=STATUS_CHART_WIDTH)
    pdf.subheading(c.t("flags_heading"))
    found = overview.flags(
        data.financiers, data.activity_counts, data.influence_counts, data.indicators, data.decisions, c.lang
    )
    if found:
        pdf.bullets([plain(f) for f in found])
    else:
        pdf.paragraph(c.t("overview.no_flags"))
    errors, warnings = c.problems
    if errors or warnings:
        pdf.paragraph(c.t("quality", errors=c.t("count.errors", n=errors), warnings=c.t("count.warnings", n=warnings)))


def _indirect_note(c: _Context) -> str:
    indirect = c.meta.indirekta
    assert indirect is not None
    return c.t(
        "economy.indirect_note",
        pct=formatting.pct(indirect.procent / 100, 0),
        base=", ".join(plain(b) for b in indirect.bas),
    )


def _general(pdf: _Pack, c: _Context) -> None:
    meta, kr = c.meta, formatting.kr
    pdf.section(c.t("section.general"))
    pdf.data_table(
        None,
        [
            [c.t("project"), plain(meta.namn)],
            [c.t("short_name"), plain(meta.kortnamn)],
            [c.t("owner"), plain(meta.projektagare)],
            [c.t("period"), f"{formatting.date(meta.start)} – {formatting.date(meta.slut)}"],
            [c.t("metric.budget"), kr(c.data.totals.budget_kr)],
            [c.t("currency"), plain(meta.valuta)],
        ],
        [45, 129],
        "LL",
        size=9.5,
    )
    pdf.subheading(c.t("economy.financiers"))
    table(pdf, c.data.financiers, GENERAL_FINANCIERS, c.lang, size=9)


def _organisation(pdf: _Pack, c: _Context) -> None:
    pdf.section(c.t("section.organisation"))
    pdf.subheading(c.t("steering"))
    if c.meta.styrgruppsmoten:
        table(pdf, c.data.steering_meetings, STEERING_MEETINGS, c.lang, size=9)
    else:
        pdf.paragraph(c.t("no_meetings"))
    pdf.subheading(c.t("risks.list"))
    if len(c.data.risks):
        table(pdf, c.data.risks, columns.RISKS, c.lang, size=7.5)
    else:
        pdf.paragraph(c.t("no_risks"))


def _activities(pdf: _Pack, c: _Context) -> None:
    data = c.data
    pdf.section(c.t("section.activities"))
    if c.images["areas"]:
        pdf.picture(c.images["areas"])
    pdf.subheading(c.t("activities_by_area"))
    if len(data.activities):
        table(pdf, data.activities, ACTIVITIES, c.lang, size=7.5, group="omrade")
    else:
        pdf.paragraph(c.t("no_activities"))
    pdf.subheading(c.t("page.influence"))
    counts = data.influence_counts
    pdf.paragraph(
        c.t(
            "influence_line",
            n=int(counts.antal_totalt.iloc[0]),
            counts=_counts_line(counts, c.lang),
            late=formatting.number(int(counts.forsenade_totalt.iloc[0])),
        )
    )
    influence = data.influence
    pdf.subheading(c.t("influence.overdue"), keep=20)
    _influence_table(pdf, c, influence[influence.forsenad])
    pdf.subheading(c.t("upcoming", days=overview.UPCOMING_DAYS), keep=20)
    _influence_table(pdf, c, influence[influence.kommande], deadline=True)


def _influence_table(pdf: _Pack, c: _Context, efforts: pd.DataFrame, deadline: bool = False) -> None:
    if efforts.empty:
        pdf.paragraph(c.t("none"))
        return
    table(pdf, efforts, INFLUENCE_DEADLINES if deadline else INFLUENCE, c.lang, size=7.5)


def _results(pdf: _Pack, c: _Context) -> None:
    date, number, pct, data = formatting.date, formatting.number, formatting.pct, c.data
    pdf.section(c.t("section.results"))
    pdf.subheading(c.t("indicators"))
    if len(data.indicators):
        table(pdf, data.indicators, INDICATORS, c.lang, size=7.5)
    else:
        pdf.paragraph(c.t("no_indicators"))
    pdf.subheading(c.t("page.meetings"))
    totals = data.meeting_totals
    if not int(totals.antal):
        pdf.paragraph(c.t("no_meeting_places"))
        return
    share = totals.andel_kvinnor
    even = "" if formatting.missing(share) else c.t("even" if 0.4 <= share <= 0.6 else "uneven")
    pdf.paragraph(
        c.t(
            "meetings_line",
            n=int(totals.antal),
            date=date(c.r),
            women=number(totals.kvinnor),
            men=number(totals.man),
            share=pct(share),
            even=even,
        )
    )
    table(pdf, data.meetings_by_type, MEETINGS, c.lang, size=8.5)
    if c.images["women"]:
        pdf.picture(c.images["women"])


def _economy(pdf: _Pack, c: _Context) -> None:
    data = c.data
    pdf.section(c.t("section.economy"))
    if c.images["curve"]:
        pdf.picture(c.images["curve"])
    pdf.subheading(c.t("economy.categories"))
    table(pdf, data.categories, CATEGORIES, c.lang, size=8.5)
    if c.meta.indirekta:
        pdf.paragraph(_indirect_note(c), size=9)
    pdf.subheading(c.t("economy.financiers"))
    fin = data.financiers
    table(pdf, fin, ECONOMY_FINANCIERS, c.lang)
    pdf.subheading(c.t("economy.financier_rules"), keep=15)
    rules = overview.financing_flags(fin, c.lang)
    if rules:
        pdf.bullets([plain(f) for f in rules])
    else:
        pdf.paragraph(c.t("economy.rules_ok"))


def _since(pdf: _Pack, c: _Context) -> None:
    pdf.section(c.t("section.since"), new_page=False)
    since = c.data.since
    if c.data.previous is None or since is None:
        pdf.paragraph(c.t("overview.no_meeting"))
        return
    number = formatting.number
    pdf.paragraph(c.t("since_intro", since=formatting.date(c.data.previous), date=formatting.date(c.r)))
    frozen = c.data.frozen
    if frozen is None:
        rows = [
            [c.t("since.costs"), formatting.kr(since.kostnader_kr)],
            [c.t("since.values"), number(since.nya_indikatorvarden)],
            [c.t("since.finished"), number(since.avslutade_aktiviteter)],
            [c.t("since.influence"), number(since.nya_paverkansinsatser)],
        ]
    else:
        rows = [
            [c.t("since.costs"), formatting.kr(frozen.costs_kr)],
            [c.t("since.claimed"), formatting.kr(frozen.claimed_kr)],
            [c.t("since.paid"), formatting.kr(frozen.paid_kr)],
            [c.t("since.values"), number(len(frozen.indicator_values_added))],
            [c.t("since.activities_added"), number(len(frozen.activities_added))],
            [c.t("since.activity_changes"), number(len(frozen.activity_status_changes))],
            [c.t("since.efforts_added"), number(len(frozen.efforts_added))],
            [c.t("since.effort_changes"), number(len(frozen.effort_changes))],
            [c.t("since.decisions_opened"), number(len(frozen.decisions_opened))],
            [c.t("since.decisions_closed"), number(len(frozen.decisions_closed))],
        ]
    pdf.data_table(None, rows, [110, 40], "LR", size=9.5, width=150)


def _decisions(pdf: _Pack, c: _Context) -> None:
    pdf.section(c.t("section.decisions"), new_page=False)
    open_decisions = c.data.open_decisions
    if open_decisions.empty:
        pdf.paragraph(c.t("overview.no_decisions"))
        return
    table(pdf, open_decisions, columns.OPEN_DECISIONS, c.lang, size=8.5)


SECTIONS = (_cover, _summary, _general, _organisation, _activities, _results, _economy, _since, _decisions)


def _layout(c: _Context, total: int | None) -> _Pack:
    date = formatting.date
    pdf = _Pack(
        plain(c.meta.kortnamn),
        f"{c.t('title')} {date(c.meeting_date)}",
        c.t("data_as_of", date=date(c.r)),
        lambda n, m: c.t("page", n=n, total=m),
        total,
    )
    pdf.set_title(f"{plain(c.meta.kortnamn)} – {c.t('title')} {date(c.meeting_date)}")
    pdf.set_author(plain(c.meta.projektagare))
    pdf.set_creator("Lägesbild")
    pdf.set_lang("en" if c.lang == "en" else "sv-SE")
    pdf.page_mode = "USE_OUTLINES"
    for section in SECTIONS:
        section(pdf, c)
    return pdf


def meeting_pack(project: Project, rapportdatum: dt.date | None, meeting_date: dt.date, lang: str = "sv") -> bytes:
    """The steering group's meeting pack as PDF bytes: data as of rapportdatum, for the meeting on meeting_date."""
    with formatting.language(lang):
        if not project.usable:
            raise ValueError(i18n.t("unusable", lang))
        r = project.as_of(rapportdatum)
        data = _Data(project, r, meeting_date)
        context = _Context(
            project.metadata,
            (len(project.errors), len(project.warnings)),
            r,
            meeting_date,
            lang,
            data,
            _charts(data, r, lang),
        )
        total = None
        for _ in range(3):  # the layout does not depend on the page total, so the second pass settles it
            pdf = _layout(context, total)
            if pdf.page_no() == total:
                break
            total = pdf.page_no()
        return bytes(pdf.output())
