"""Översikt: the steering group's picture at a glance, and what it has to decide."""

import streamlit as st

from lagesbild import charts, columns, formatting, overview, ui, verdicts

BADGE_COLOUR = {verdicts.GREEN: "green", verdicts.AMBER: "orange", verdicts.RED: "red"}

ctx = ui.context()
if ui.page_header(ctx, "page.overview"):
    project = ctx.project
    totals = ctx.frame("project_totals").iloc[0]
    # Three to a row: a krona figure in a fifth of a 1280-pixel screen is cut off with an ellipsis.
    first, second = st.columns(3), st.columns(3)
    first[0].metric(ctx.t("metric.budget"), formatting.kr(totals.budget_kr))
    first[1].metric(
        ctx.t("metric.spent"),
        formatting.kr(totals.upparbetat_kr),
        ctx.t("metric.spent_delta", share=formatting.pct(totals.upparbetningsgrad_andel)),
        delta_color="off",
        delta_arrow="off",
    )
    first[2].metric(ctx.t("metric.plan"), formatting.kr(totals.plan_till_datum_kr))
    # Spending off plan in either direction is for the steering group to judge: no red or green.
    second[0].metric(
        ctx.t("metric.deviation"),
        formatting.kr(totals.avvikelse_kr),
        ctx.t("metric.deviation_delta", share=formatting.pct(totals.avvikelse_andel)),
        delta_color="off",
        delta_arrow="down" if totals.avvikelse_kr < 0 else "up",
    )
    overrun = totals.prognos_mot_budget_kr
    second[1].metric(
        ctx.t("metric.forecast"),
        formatting.kr(totals.prognos_kr),
        ctx.t("metric.forecast_delta", amount=formatting.kr(overrun)),
        delta_color="off",
        delta_arrow="down" if overrun < 0 else "up",
        help=ctx.t("forecast.pace_short"),
    )
    second[2].metric(
        ctx.t("metric.forecast_plan"), formatting.kr(totals.prognos_enligt_plan_kr), help=ctx.t("forecast.plan_short")
    )

    indicators = ctx.frame("indicators")
    st.subheader(ctx.t("verdict.title"))
    financiers = ctx.frame("financiers")
    # What the verdicts and flags are made of changes only with the project version, date and language:
    # made once, not again with pandas on every rerun.
    judged = ctx.frame(
        "verdicts", **ui.kept(ctx, "oversikt_judged", lambda: verdicts.params(totals, financiers, indicators))
    )
    for verdict in ui.kept(ctx, "oversikt_verdicts", lambda: verdicts.lines(judged, ctx.lang)):
        with st.container(border=True, key=f"oversikt_verdict_{verdict.area}"):
            name, level, reason = st.columns([1.6, 2.2, 6], vertical_alignment="center")
            name.markdown(f"**{verdict.title}**")
            level.markdown(f":{BADGE_COLOUR[verdict.level]}-badge[{verdict.badge}]")
            with reason:
                st.text(verdict.reason)
                with st.container(horizontal=True, gap="small"):
                    if not verdict.items:
                        st.page_link(verdict.page, label=ctx.t("verdict.open_page"), icon=":material/arrow_forward:")
                    for number, item in enumerate(verdict.items, start=1):
                        label = item.label or ctx.t("verdict.item", n=number)
                        st.page_link(
                            item.page,
                            label=ctx.t("verdict.open", label=label),
                            query_params=item.query,
                            icon=":material/arrow_forward:",
                        )

    st.subheader(ctx.t("decide.title"))
    to_decide = ctx.frame("decisions_to_make")
    if to_decide.empty:
        st.text(ctx.t("decide.none"))
    else:
        ui.table(
            to_decide,
            (
                columns.Column("id", "col.id", columns.TEXT),
                columns.Column("status", "col.status", columns.STATUS),
                columns.Column("beslut", "col.decision", columns.TEXT),
                columns.Column("ansvarig", "col.owner", columns.TEXT),
                columns.Column("deadline", "col.decision_deadline", columns.DATE),
                columns.Column("dagar_efter_deadline", "decide.days_over", columns.INT),
            ),
            ctx,
            key="oversikt_to_decide",
            widths={"beslut": 340},
            wrap=True,
        )

    left, right = st.columns(2)
    with left:
        st.subheader(ctx.t("overview.flags"))
        activities, influence = ctx.frame("activity_counts_by_status"), ctx.frame("influence_counts_by_status")
        decisions = ctx.frame("decisions")
        found = ui.kept(
            ctx,
            "oversikt_flags",
            lambda: overview.flags(financiers, activities, influence, indicators, decisions, ctx.lang),
        )
        st.text("\n".join(f"• {line}" for line in found) if found else ctx.t("overview.no_flags"))
    with right:
        ui.chart_with_table(
            lambda: charts.status_bars(overview.status_counts(indicators.status), ctx.status, ctx.t("overview.goals")),
            indicators,
            columns.pick(columns.INDICATORS, "id namn status progress forvantat"),
            ctx,
            key="oversikt_indicators",
        )
    meeting = overview.last_meeting(project.meta.styrgruppsmoten, ctx.rapportdatum)
    if meeting is None:
        st.subheader(ctx.t("overview.since", date="–"))
        st.text(ctx.t("overview.no_meeting"))
    else:
        st.subheader(ctx.t("overview.since", date=formatting.date(meeting)))
        ui.since_metrics(ctx, meeting, ui.since_last_meeting(ctx))
    by_area = ctx.frame("activity_counts_by_area")
    ui.chart_with_table(
        lambda: charts.stacked_status(by_area, "omrade", "visad_status", ctx.status, ctx.t("overview.areas")),
        by_area,
        (
            columns.Column("omrade", "col.area", columns.TEXT),
            columns.Column("visad_status", "col.status", columns.STATUS),
            columns.Column("antal", "col.count", columns.INT),
        ),
        ctx,
        key="oversikt_areas",
    )
    st.subheader(ctx.t("overview.decisions"))
    ui.open_decisions(ctx, key="oversikt_decisions", width=380)
    ui.meeting_pack_downloads(ctx)
