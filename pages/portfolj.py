"""Portfölj: every project in the data folder on one line, with a link into each."""

import pandas as pd
import streamlit as st

from lagesbild import catalog, columns, ui

ctx = ui.context()
st.title(ctx.t("page.portfolio"))
ids = [i for i in catalog.project_ids(catalog.data_dir()) if ctx.access.may_open(i)]
lines = pd.DataFrame([ui.portfolio_line(i) for i in ids])
if lines.empty:
    st.info(ctx.t("portfolio.none"))
else:
    shown = ui.display_frame(
        lines,
        (
            columns.Column("namn", "col.name", columns.TEXT),
            columns.Column("start", "col.start", columns.TEXT),
            columns.Column("slut", "col.end", columns.TEXT),
            columns.Column("budget_kr", "col.budget", columns.KR),
            columns.Column("upparbetat_kr", "col.spent", columns.KR),
            columns.Column("avvikelse_kr", "metric.deviation", columns.KR),
            columns.Column("prognos_kr", "metric.forecast", columns.KR),
            columns.Column("indikatorer_Uppnått", "status.achieved", columns.INT),
            columns.Column("indikatorer_I fas", "status.on_track", columns.INT),
            columns.Column("indikatorer_Risk", "status.risk", columns.INT),
            columns.Column("indikatorer_Efter", "status.behind", columns.INT),
            columns.Column("forsenade", "portfolio.overdue", columns.INT),
            columns.Column("senaste_data", "portfolio.latest", columns.TEXT),
            columns.Column("fel", "quality.errors", columns.INT),
        ),
        ctx,
    )
    st.text(ctx.t("portfolio.open_help"))
    picked = st.dataframe(shown, hide_index=True, key="portfolj_table", on_select="rerun", selection_mode="single-row")
    if picked.selection.rows:
        ui.open_project(str(lines["id"].iloc[picked.selection.rows[0]]))
