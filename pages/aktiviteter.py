"""Aktiviteter: the plan as a timeline per area, filtered by area, status and owner."""

import streamlit as st

from lagesbild import charts, columns, formatting, ui

COLUMNS = columns.pick(columns.ACTIVITIES, "id omrade aktivitet ansvarig start slut visad_status andel_klar kommentar")

ctx = ui.context()
if ui.page_header(ctx, "page.activities"):
    options = ctx.frame("activity_filter_options").iloc[0]
    cols = st.columns(3)
    areas = cols[0].multiselect(
        ctx.t("activities.filter_area"),
        list(options.omraden),
        key="aktiviteter_omrade",
        placeholder=ctx.t("activities.all"),
    )
    statuses = cols[1].multiselect(
        ctx.t("activities.filter_status"),
        [s for s in charts.STATUS_COLOURS if s in set(options.statusar)],
        format_func=ctx.status,
        key="aktiviteter_status",
        placeholder=ctx.t("activities.all"),
    )
    owners = cols[2].multiselect(
        ctx.t("activities.filter_owner"),
        list(options.ansvariga),
        key="aktiviteter_ansvarig",
        placeholder=ctx.t("activities.all"),
    )
    filters = {"omraden": tuple(areas), "statusar": tuple(statuses), "ansvariga": tuple(owners), "id": ""}
    # A link from Översikt names one activity (?aktiviteter_id=Id): that one alone, when it is there.
    wanted = ui.focus_id("aktiviteter_id")
    if wanted and len(ctx.frame("activities_page", **{**filters, "id": wanted}, sida=1, per_sida=1)):
        filters["id"] = wanted
        ui.focus_banner(ctx, wanted, "pages/aktiviteter.py")
    bars = ctx.frame("activities_page", **filters, sida=1, per_sida=charts.GANTT_BARS)
    if bars.empty:
        st.info(ctx.t("activities.none"))
    else:
        total = int(bars.antal_matchande.iloc[0])
        if total > len(bars):
            st.text(ctx.t("activities.showing", n=formatting.number(len(bars)), m=formatting.number(total)))
        timeline = ui.cached_figure(
            ctx,
            "aktiviteter_timeline",
            lambda: charts.timeline(
                bars, ctx.status, ctx.t("activities.timeline"), ctx.rapportdatum, ctx.t("control.report_date")
            ),
            filters,
        )
        ui.chart(timeline, "aktiviteter_timeline")
        with st.expander(ctx.t("show_table")):
            ui.paged_table(ctx, "activities_page", filters, COLUMNS, key="aktiviteter_timeline_table")
