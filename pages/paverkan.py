"""Påverkansarbete: influence efforts by status, level and channel; deadlines, overdue, outcomes."""

import pandas as pd
import streamlit as st

from lagesbild import charts, ui

ctx = ui.context()
if ui.page_header(ctx, "page.influence"):
    efforts = ctx.frame("influence_efforts")
    counts = ctx.frame("influence_counts_by_status")
    left, right = st.columns(2)
    with left:
        ui.chart_with_table(
            charts.status_bars(counts, ctx.status, ctx.t("influence.pipeline")), counts,
            {"status": ("col.status", ui.STATUS), "antal": ("col.count", ui.INT),
             "forsenade": ("col.overdue", ui.INT)}, ctx, key="paverkan_pipeline")
    with right:
        by_level = ctx.frame("influence_counts_by_level_and_channel")
        wide = by_level.pivot_table(index="niva", columns="kanal", values="antal", fill_value=0).reset_index()
        channels = [c for c in wide.columns if c != "niva"]
        ui.chart_with_table(
            charts.grouped_bars(wide, "niva", {c: c for c in channels}, ctx.t("influence.by_level"),
                                unit=""),
            by_level, {"niva": ("col.level", ui.TEXT), "kanal": ("col.channel", ui.TEXT),
                       "antal": ("col.count", ui.INT)}, ctx, key="paverkan_level")
    columns = {"id": ("col.id", ui.TEXT), "fraga": ("col.issue", ui.TEXT),
               "mottagare": ("col.recipient", ui.TEXT), "niva": ("col.level", ui.TEXT),
               "kanal": ("col.channel", ui.TEXT), "status": ("col.status", ui.STATUS),
               "datum": ("col.date", ui.DATE), "sista_svarsdag": ("col.deadline", ui.DATE),
               "dagar_till_svarsdag": ("col.days_left", ui.INT), "ansvarig": ("col.owner", ui.TEXT),
               "nasta_steg": ("col.next_step", ui.TEXT)}
    st.subheader(ctx.t("influence.deadlines"))
    upcoming = efforts[efforts.dagar_till_svarsdag.between(0, 60)].sort_values("sista_svarsdag")
    ui.table(upcoming, columns, ctx, key="paverkan_deadlines") if len(upcoming) else st.text(
        ctx.t("influence.none"))
    st.subheader(ctx.t("influence.overdue"))
    overdue = efforts[efforts.forsenad.fillna(False).astype(bool)]
    ui.table(overdue, columns, ctx, key="paverkan_overdue") if len(overdue) else st.text(ctx.t("influence.none"))
    left, right = st.columns(2)
    with left:
        st.subheader(ctx.t("influence.outcomes"))
        outcomes = efforts.groupby("resultat").size().reset_index(name="antal").rename(
            columns={"resultat": "status"})
        ui.table(outcomes, {"status": ("col.outcome", ui.STATUS), "antal": ("col.count", ui.INT)}, ctx,
                 key="paverkan_outcomes")
    with right:
        st.subheader(ctx.t("influence.cosigners"))
        signers = (efforts.medundertecknare.dropna().str.split(",").explode().str.strip())
        signers = pd.DataFrame({"finansiar": signers[signers != ""]})
        ui.table(signers.groupby("finansiar").size().reset_index(name="antal").sort_values(
            "antal", ascending=False), {"finansiar": ("col.financier", ui.TEXT),
                                         "antal": ("col.count", ui.INT)}, ctx, key="paverkan_cosigners")
    st.subheader(ctx.t("page.influence"))
    ui.table(efforts, {**columns, "resultat": ("col.outcome", ui.STATUS),
                       "medundertecknare": ("col.cosigners", ui.TEXT)}, ctx, key="paverkan_all")
