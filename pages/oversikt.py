"""Översikt: the steering group's picture at a glance."""

import streamlit as st

from lagesbild import charts, formatting, overview, ui

ctx = ui.context()
if ui.page_header(ctx, "page.overview"):
    project = ctx.project
    totals = ctx.frame("project_totals").iloc[0]
    cols = st.columns(5)
    cols[0].metric(ctx.t("metric.budget"), formatting.kr(totals.budget_kr))
    cols[1].metric(ctx.t("metric.spent"), formatting.kr(totals.upparbetat_kr),
                   ctx.t("metric.spent_delta", share=formatting.pct(totals.upparbetningsgrad_andel)),
                   delta_color="off", delta_arrow="off")
    cols[2].metric(ctx.t("metric.plan"), formatting.kr(totals.plan_till_datum_kr))
    # Spending off plan in either direction is for the steering group to judge: no red or green.
    deviation_share = totals.avvikelse_kr / totals.plan_till_datum_kr if totals.plan_till_datum_kr else None
    cols[3].metric(ctx.t("metric.deviation"), formatting.kr(totals.avvikelse_kr),
                   ctx.t("metric.deviation_delta", share=formatting.pct(deviation_share)),
                   delta_color="off", delta_arrow="down" if totals.avvikelse_kr < 0 else "up")
    overrun = totals.prognos_kr - totals.budget_kr
    cols[4].metric(ctx.t("metric.forecast"), formatting.kr(totals.prognos_kr),
                   ctx.t("metric.forecast_delta", amount=formatting.kr(overrun)),
                   delta_color="off", delta_arrow="down" if overrun < 0 else "up")

    indicators = ctx.frame("indicators")
    left, right = st.columns(2)
    with left:
        st.subheader(ctx.t("overview.flags"))
        found = overview.flags(ctx.frame("financiers"), ctx.frame("activity_counts_by_status"),
                               ctx.frame("influence_counts_by_status"), indicators, ctx.frame("decisions"),
                               ctx.lang)
        st.text("\n".join(f"• {line}" for line in found) if found else ctx.t("overview.no_flags"))
    with right:
        ui.chart_with_table(
            charts.status_bars(overview.status_counts(indicators.status), ctx.status, ctx.t("overview.goals")),
            indicators, {"id": ("col.id", ui.TEXT), "namn": ("col.name", ui.TEXT),
                         "status": ("col.status", ui.STATUS), "progress": ("col.progress", ui.PCT),
                         "forvantat": ("col.expected", ui.PCT)}, ctx, key="oversikt_indicators")
    meeting = overview.last_meeting(project.meta.styrgruppsmoten, ctx.rapportdatum)
    if meeting is None:
        st.subheader(ctx.t("overview.since", date="–"))
        st.text(ctx.t("overview.no_meeting"))
    else:
        st.subheader(ctx.t("overview.since", date=formatting.date(meeting)))
        ui.since_metrics(ctx, meeting, ui.since_last_meeting(ctx))
    by_area = ctx.frame("activity_counts_by_area")
    ui.chart_with_table(
        charts.stacked_status(by_area, "omrade", "visad_status", ctx.status, ctx.t("overview.areas")),
        by_area, {"omrade": ("col.area", ui.TEXT), "visad_status": ("col.status", ui.STATUS),
                  "antal": ("col.count", ui.INT)}, ctx, key="oversikt_areas")
    st.subheader(ctx.t("overview.decisions"))
    decisions = ctx.frame("decisions")
    open_decisions = decisions[decisions.status == "Öppen"]
    if open_decisions.empty:
        st.text(ctx.t("overview.no_decisions"))
    else:
        ui.table(open_decisions, {"id": ("col.id", ui.TEXT), "datum": ("col.date", ui.DATE),
                                  "beslut": ("col.decision", ui.TEXT), "ansvarig": ("col.owner", ui.TEXT),
                                  "deadline": ("col.decision_deadline", ui.DATE),
                                  "forsenat": ("col.overdue", ui.FLAG)}, ctx, key="oversikt_decisions")
    ui.meeting_pack_downloads(ctx)
