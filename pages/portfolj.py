"""Portfölj: every project in the data folder on one line, with a link into each."""

import pandas as pd
import streamlit as st

from lagesbild import catalog, ui

ctx = ui.context()
st.title(ctx.t("page.portfolio"))
ids = [i for i in catalog.project_ids(catalog.data_dir()) if ctx.access.may_open(i)]
lines = pd.DataFrame([ui.portfolio_line(i) for i in ids])
if lines.empty:
    st.info(ctx.t("portfolio.none"))
else:
    shown = ui.display_frame(
        lines,
        {
            "namn": ("col.name", ui.TEXT),
            "start": ("col.start", ui.TEXT),
            "slut": ("col.end", ui.TEXT),
            "budget_kr": ("col.budget", ui.KR),
            "upparbetat_kr": ("col.spent", ui.KR),
            "avvikelse_kr": ("metric.deviation", ui.KR),
            "prognos_kr": ("metric.forecast", ui.KR),
            "indikatorer_Uppnått": ("status.achieved", ui.INT),
            "indikatorer_I fas": ("status.on_track", ui.INT),
            "indikatorer_Risk": ("status.risk", ui.INT),
            "indikatorer_Efter": ("status.behind", ui.INT),
            "forsenade": ("portfolio.overdue", ui.INT),
            "senaste_data": ("portfolio.latest", ui.TEXT),
            "fel": ("quality.errors", ui.INT),
        },
        ctx,
    )
    st.text(ctx.t("portfolio.open_help"))
    picked = st.dataframe(shown, hide_index=True, key="portfolj_table", on_select="rerun", selection_mode="single-row")
    if picked.selection.rows:
        ui.open_project(str(lines["id"].iloc[picked.selection.rows[0]]))
