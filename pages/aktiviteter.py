"""Aktiviteter: the plan as a timeline per area, filtered by area, status and owner."""

import streamlit as st

from lagesbild import charts, ui

ctx = ui.context()
if ui.page_header(ctx, "page.activities"):
    options = ctx.frame("activity_filter_options").iloc[0]
    cols = st.columns(3)
    areas = cols[0].multiselect(ctx.t("activities.filter_area"), list(options.omraden),
                                key="aktiviteter_omrade", placeholder=ctx.t("activities.all"))
    statuses = cols[1].multiselect(ctx.t("activities.filter_status"),
                                   [s for s in charts.STATUS_COLOURS if s in set(options.statusar)],
                                   format_func=ctx.status, key="aktiviteter_status",
                                   placeholder=ctx.t("activities.all"))
    owners = cols[2].multiselect(ctx.t("activities.filter_owner"), list(options.ansvariga),
                                 key="aktiviteter_ansvarig", placeholder=ctx.t("activities.all"))
    shown = ctx.frame("activities", omraden=tuple(areas), statusar=tuple(statuses), ansvariga=tuple(owners))
    shown = ui.focus(ctx, shown, "aktiviteter_id", "pages/aktiviteter.py")
    if shown.empty:
        st.info(ctx.t("activities.none"))
    else:
        ui.chart_with_table(
            charts.timeline(shown, ctx.status, ctx.t("activities.timeline"), ctx.rapportdatum,
                            ctx.t("control.report_date")), shown,
            {"id": ("col.id", ui.TEXT), "omrade": ("col.area", ui.TEXT),
             "aktivitet": ("col.activity", ui.TEXT), "ansvarig": ("col.owner", ui.TEXT),
             "start": ("col.start", ui.DATE), "slut": ("col.end", ui.DATE),
             "visad_status": ("col.status", ui.STATUS), "andel_klar": ("col.done", ui.SHARE_PCT),
             "kommentar": ("col.comment", ui.TEXT)}, ctx, key="aktiviteter_timeline")
